"""Wires the stages: sources -> extract -> understand -> store.

Documents go through in batches, so the NLP model sees many texts at once; each document is
stored in its own transaction, so a crash loses at most the batch in flight and a re-run
finishes the job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BadInput, NewsdeskError
from .extract import extract
from .model import Article, IngestOutcome, RawDocument
from .sources.files import expand_paths, read_file
from .store.base import Store
from .understand import understand_all

log = logging.getLogger(__name__)

#: Documents read and understood together.
BATCH_SIZE = 32


@dataclass
class Failure:
    origin: str
    error: str


@dataclass
class IngestSummary:
    outcomes: list[IngestOutcome] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        """True when at least one document was ingested, or there was nothing to ingest."""
        return bool(self.outcomes) or not self.failures

    def to_json(self) -> dict:
        return {
            "new": self.count("new"),
            "updated": self.count("updated"),
            "unchanged": self.count("unchanged"),
            "failed": len(self.failures),
            "articles": [o.model_dump() for o in self.outcomes],
            "failures": [{"origin": f.origin, "error": f.error} for f in self.failures],
        }


def plan_sources(sources: Iterable[str]) -> list[str]:
    """Every document a list of sources names (folders expanded), so progress can show a total."""
    return [str(path) for path in expand_paths(sources)]


def guarded(origin: str, step: Callable, *args):
    """Run one step on one document; any error becomes BadInput naming the document."""
    try:
        return step(*args)
    except NewsdeskError:
        raise
    except Exception as exc:  # a bug must not stop the run, nor hide which input caused it
        log.exception("unexpected error reading %s", origin)
        raise BadInput(origin, f"unexpected {type(exc).__name__}: {exc}") from exc


def read_one(source: str) -> tuple[RawDocument, Article]:
    raw = guarded(source, read_file, Path(source))
    return raw, guarded(raw.origin, extract, raw)


def understand_batch(pairs: Sequence[tuple[RawDocument, Article]]) -> list[tuple[RawDocument, Article] | Failure]:
    """Understand a batch at once; if that fails, one by one, so only the bad document fails."""
    try:
        return list(zip((raw for raw, _ in pairs), understand_all([article for _, article in pairs])))
    except NewsdeskError:
        raise
    except Exception:
        if len(pairs) == 1:
            raw = pairs[0][0]
            try:
                guarded(raw.origin, understand_all, [pairs[0][1]])
            except BadInput as exc:
                return [Failure(exc.origin, exc.detail)]
            raise
        return [item for pair in pairs for item in understand_batch([pair])]


def read_all(sources: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[tuple[RawDocument, Article] | Failure]:
    """Every source read, extracted and understood, in order; a bad one as a Failure."""
    batch: list[tuple[RawDocument, Article]] = []
    for source in sources:
        try:
            batch.append(read_one(source))
        except BadInput as exc:
            yield from understand_batch(batch) if batch else ()
            batch = []
            yield Failure(exc.origin, exc.detail)
            continue
        if len(batch) >= batch_size:
            yield from understand_batch(batch)
            batch = []
    if batch:
        yield from understand_batch(batch)


def ingest(sources: Iterable[str], store: Store, on_document: Callable[[str], None] | None = None) -> IngestSummary:
    """Read, understand and store every source; a bad one is recorded and the run goes on."""
    summary = IngestSummary()
    for item in read_all(sources):
        if isinstance(item, Failure):
            summary.failures.append(item)
            origin = item.origin
        else:
            raw, article = item
            try:
                summary.outcomes.append(store.add(raw, article))
            except NewsdeskError as exc:
                summary.failures.append(Failure(raw.origin, str(exc)))
            origin = raw.origin
        if on_document:
            on_document(origin)
    return summary
