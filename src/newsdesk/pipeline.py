"""Wires the stages: sources -> extract -> understand -> store.

Documents go through in batches, so the NLP model sees many texts at once; each document is
stored in its own transaction, so a crash loses at most the batch in flight and a re-run
finishes the job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .errors import BadInput, NewsdeskError
from .extract import extract
from .model import Article, IngestOutcome, RawDocument
from .relate.keys import entity_ref
from .relate.relator import Relator
from .sources import SourceReader, is_url
from .sources.fetch import Fetcher, Validators
from .sources.files import expand_paths
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
    not_modified: int = 0  # URLs whose server answered 304: nothing to do

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
            "not_modified": self.not_modified,
            "articles": [o.model_dump() for o in self.outcomes],
            "failures": [{"origin": f.origin, "error": f.error} for f in self.failures],
        }


def plan_sources(sources: Iterable[str]) -> list[str]:
    """Every file a list of local sources names (folders expanded), so progress can show a total;
    URLs stay as they are."""
    planned: list[str] = []
    for source in sources:
        planned += [source] if is_url(source) else [str(path) for path in expand_paths([source])]
    return planned


def reader_for(store: Store | None, fetcher: Fetcher | None = None) -> SourceReader:
    """A source reader whose conditional-GET validators live in the store."""
    if store is None:
        return SourceReader(fetcher)

    def lookup(url: str) -> Validators | None:
        found = store.validators(url)
        return Validators(*found) if found else None

    return SourceReader(fetcher, lookup, lambda url, v: store.remember_validators(url, v.etag, v.last_modified))


def guarded(origin: str, step: Callable, *args):
    """Run one step on one document; any error becomes BadInput naming the document."""
    try:
        return step(*args)
    except NewsdeskError:
        raise
    except Exception as exc:  # a bug must not stop the run, nor hide which input caused it
        log.exception("unexpected error reading %s", origin)
        raise BadInput(origin, f"unexpected {type(exc).__name__}: {exc}") from exc


def understand_batch(pairs: Sequence[tuple[RawDocument, Article]]) -> list[tuple[RawDocument, Article] | Failure]:
    """Understand a batch at once; if that fails, one by one, so only the bad document fails."""
    try:
        return list(zip((raw for raw, _ in pairs), understand_all([article for _, article in pairs])))
    except NewsdeskError:
        raise
    except Exception as exc:  # a bug must not stop the run, nor hide which document caused it
        if len(pairs) > 1:
            return [item for pair in pairs for item in understand_batch([pair])]
        origin = pairs[0][0].origin
        log.exception("unexpected error understanding %s", origin)
        return [Failure(origin, f"unexpected {type(exc).__name__}: {exc}")]


def read_all(documents: Iterable[RawDocument | BadInput],
             batch_size: int = BATCH_SIZE) -> Iterator[tuple[RawDocument, Article] | Failure]:
    """Every document extracted and understood, in order; a bad one as a Failure."""
    batch: list[tuple[RawDocument, Article]] = []
    for document in documents:
        try:
            if isinstance(document, BadInput):
                raise document
            batch.append((document, guarded(document.origin, extract, document)))
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


def process_batch(documents: list[RawDocument | BadInput]) -> list[tuple[RawDocument, Article] | Failure]:
    """Extract and understand one batch: the unit of work a cluster worker runs."""
    return list(read_all(documents, batch_size=len(documents) or 1))


def ingest(sources: Iterable[str], store: Store, on_document: Callable[[str], None] | None = None,
           fetcher: Fetcher | None = None, client=None) -> IngestSummary:
    """Read, understand and store every source; a bad one is recorded and the run goes on.

    With a dask.distributed `client`, extraction and understanding run on its workers.
    """
    summary = IngestSummary()
    reader = reader_for(store, fetcher)
    relator = None  # loaded when first needed: a poll that finds nothing new never pays for it
    documents = reader.read(sources)
    if client is None:
        results = read_all(documents)
    else:
        from .cluster import map_in_order

        results = map_in_order(client, process_batch, documents, BATCH_SIZE)
    for item in results:
        if isinstance(item, Failure):
            summary.failures.append(item)
            origin = item.origin
        else:
            raw, article = item
            try:
                outcome = store.add(raw, article)
                summary.outcomes.append(outcome)
                relator = relator or Relator(store)
                if outcome.status != "unchanged" or not relator.knows(article.id):
                    relator.relate(article)  # after a crash between the two, the re-run relates it
            except NewsdeskError as exc:
                summary.failures.append(Failure(raw.origin, str(exc)))
            origin = raw.origin
        if on_document:
            on_document(origin)
    summary.not_modified = reader.not_modified
    return summary


def rebuild_entity_graph(store: Store, on_article: Callable[[], None] | None = None) -> int:
    """Resolve every stored article's entities again, with the current rules: the people graph as
    if the store were ingested today. A user's merges and splits (pinned keys) stay."""
    store.clear_entity_graph()
    done = 0
    for article in store.iter_articles():
        store.resolve_entities(article, [entity_ref(e) for e in article.entities])
        done += 1
        if on_article:
            on_article()
    return done
