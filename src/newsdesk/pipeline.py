"""Wires the stages: sources -> extract -> store, one document at a time, one transaction each."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BadInput, NewsdeskError
from .extract import extract
from .model import Article, IngestOutcome, RawDocument
from .sources.files import expand_paths, read_file
from .store.base import Store

log = logging.getLogger(__name__)


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


def read_source(source: str) -> RawDocument:
    return read_file(Path(source))


def understand(raw: RawDocument) -> Article:
    """Everything newsdesk can learn from one document without the store."""
    return extract(raw)


def process(source: str) -> tuple[RawDocument, Article]:
    """Read and understand one source; raises BadInput naming it when it cannot."""
    raw = read_source(source)
    try:
        return raw, understand(raw)
    except NewsdeskError:
        raise
    except Exception as exc:  # a bug must not stop the run, nor hide which input caused it
        log.exception("unexpected error reading %s", raw.origin)
        raise BadInput(raw.origin, f"unexpected {type(exc).__name__}: {exc}") from exc


def read_all(sources: Iterable[str]) -> Iterator[tuple[RawDocument, Article] | Failure]:
    for source in sources:
        try:
            yield process(source)
        except BadInput as exc:
            yield Failure(exc.origin, exc.detail)


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
