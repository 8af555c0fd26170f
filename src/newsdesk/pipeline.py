"""Wires the stages: sources -> extract -> understand -> store.

Documents go through in batches, so the NLP model sees many texts at once; each document is
stored in its own transaction, so a crash loses at most the batch in flight and a re-run
finishes the job.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial

from .config import Reading
from .errors import BadInput, NewsdeskError
from .extract import extract
from .model import Article, IngestOutcome, RawDocument
from .lang.keys import entity_ref
from .relate.relator import Relator
from .sources import SourceReader, archive_of, is_url
from .sources.fetch import Fetcher, Validators
from .sources.files import expand_paths
from .store.base import Store
from .understand import understand_all

log = logging.getLogger(__name__)

#: Documents read and understood together.
BATCH_SIZE = 32
#: How many details of one reason a count of skipped records names; the rest are counted together.
SHOWN_DETAILS = 5


@dataclass
class Failure:
    origin: str
    error: str
    #: The kind of bad input ("not a news page", "empty document", ...: `BadInput.reason`); None
    #: when something else failed (storing it, an unexpected error understanding it).
    reason: str | None = None


@dataclass
class Skipped:
    """The records of one archive that were bad input, counted by reason and by detail within it."""

    archive: str
    reasons: dict[str, Counter[str]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(sum(details.values()) for details in self.reasons.values())

    def describe(self) -> str:
        """Its counts in words, the commonest first: "488 records skipped: 430 not a news page (no
        headline found: 300, no article body under the headline: 130), 58 empty document"."""
        parts = []
        for reason, details in sorted(self.reasons.items(), key=lambda item: -sum(item[1].values())):
            named = [f"{detail}: {n}" for detail, n in details.most_common(SHOWN_DETAILS) if detail != reason]
            rest = sum(n for _, n in details.most_common()[SHOWN_DETAILS:])
            named += [f"other: {rest}"] if rest else []
            parts.append(f"{sum(details.values())} {reason}" + (f" ({', '.join(named)})" if named else ""))
        return f"{self.total} record{'s' if self.total != 1 else ''} skipped: {', '.join(parts)}"


def sort_failures(failures: Iterable[Failure]) -> tuple[list[Failure], list[Skipped]]:
    """The failures to name one by one, and the bad records of each web archive counted by reason:
    most of a WET file is not news, and a line for each record would bury the lines that matter
    (an archive cut short, a store error). Other failures, archives' own included, stay one each."""
    alone: list[Failure] = []
    skipped: dict[str, Skipped] = {}
    for failure in failures:
        archive = archive_of(failure.origin)
        if archive is None or failure.reason is None:
            alone.append(failure)
            continue
        counts = skipped.setdefault(archive, Skipped(archive)).reasons.setdefault(failure.reason, Counter())
        counts[failure.error] += 1
    return alone, list(skipped.values())


def failure_lines(failures: Iterable[Failure]) -> list[str]:
    """What a user reads of the failures: a line for each bad input naming it and why, then a line
    for each archive counting the records it skipped by reason."""
    alone, skipped = sort_failures(failures)
    return [f"{f.origin}: {f.error}" for f in alone] + [f"{s.archive}: {s.describe()}" for s in skipped]


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


def understand_batch(pairs: Sequence[tuple[RawDocument, Article]],
                     reading: Reading = Reading()) -> list[tuple[RawDocument, Article] | Failure]:
    """Understand a batch at once; if that fails, one by one, so only the bad document fails."""
    try:
        return list(zip((raw for raw, _ in pairs), understand_all([article for _, article in pairs], reading)))
    except NewsdeskError:
        raise
    except Exception as exc:  # a bug must not stop the run, nor hide which document caused it
        if len(pairs) > 1:
            return [item for pair in pairs for item in understand_batch([pair], reading)]
        origin = pairs[0][0].origin
        log.exception("unexpected error understanding %s", origin)
        return [Failure(origin, f"unexpected {type(exc).__name__}: {exc}")]


def read_all(documents: Iterable[RawDocument | BadInput], batch_size: int = BATCH_SIZE,
             reading: Reading = Reading()) -> Iterator[tuple[RawDocument, Article] | Failure]:
    """Every document extracted and understood, in order; a bad one as a Failure."""
    batch: list[tuple[RawDocument, Article]] = []
    for document in documents:
        try:
            if isinstance(document, BadInput):
                raise document
            batch.append((document, guarded(document.origin, extract, document, reading.site_rules)))
        except BadInput as exc:
            yield from understand_batch(batch, reading) if batch else ()
            batch = []
            yield Failure(exc.origin, exc.detail, exc.reason)
            continue
        if len(batch) >= batch_size:
            yield from understand_batch(batch, reading)
            batch = []
    if batch:
        yield from understand_batch(batch, reading)


def process_batch(documents: list[RawDocument | BadInput],
                  reading: Reading = Reading()) -> list[tuple[RawDocument, Article] | Failure]:
    """Extract and understand one batch: the unit of work a cluster worker runs."""
    return list(read_all(documents, batch_size=len(documents) or 1, reading=reading))


class Ingester:
    """The one way into a store, for every entry point: the CLI's ingest and watch, the API's
    ingest and uploads, the cluster path. Reads, extracts, understands, stores and relates; holds
    one relator, built on first need and kept fresh (it catches up on what other processes store),
    so a long-lived server pays for loading it once."""

    def __init__(self, store: Store, fetcher: Fetcher | None = None, reading: Reading = Reading()):
        self.store = store
        self.fetcher = fetcher
        self.reading = reading
        self._relator: Relator | None = None
        self._relator_lock = threading.Lock()

    @property
    def relator(self) -> Relator:
        with self._relator_lock:
            if self._relator is None:
                self._relator = Relator(self.store)
            return self._relator

    def ingest(self, sources: Iterable[str], on_document: Callable[[str], None] | None = None,
               client=None) -> IngestSummary:
        """Read, understand and store every source; a bad one is recorded and the run goes on.

        With a dask.distributed `client`, extraction and understanding run on its workers."""
        reader = reader_for(self.store, self.fetcher)
        summary = self.ingest_documents(reader.read(sources), on_document, client)
        summary.not_modified = reader.not_modified
        return summary

    def ingest_documents(self, documents: Iterable[RawDocument | BadInput],
                         on_document: Callable[[str], None] | None = None, client=None) -> IngestSummary:
        """Documents already read (an upload, say), through the same stages."""
        summary = IngestSummary()
        if client is None:
            results = read_all(documents, reading=self.reading)
        else:
            from .cluster import map_in_order

            results = map_in_order(client, partial(process_batch, reading=self.reading), documents, BATCH_SIZE)
        for item in results:
            if isinstance(item, Failure):
                summary.failures.append(item)
                origin = item.origin
            else:
                raw, article = item
                try:
                    summary.outcomes.append(self.keep(raw, article))
                except NewsdeskError as exc:
                    summary.failures.append(Failure(raw.origin, str(exc)))
                origin = raw.origin
            if on_document:
                on_document(origin)
        return summary

    def keep(self, raw: RawDocument, article: Article) -> IngestOutcome:
        """Store one understood article and relate it to the rest."""
        outcome = self.store.add(raw, article)
        relator = self.relator  # loaded when first needed: a poll that finds nothing new never pays for it
        if outcome.status != "unchanged" or not relator.knows(article.id):
            relator.relate(article)  # after a crash between the two, the re-run relates it
        return outcome


def ingest(sources: Iterable[str], store: Store, on_document: Callable[[str], None] | None = None,
           fetcher: Fetcher | None = None, client=None, reading: Reading = Reading()) -> IngestSummary:
    """One run of an Ingester: read, understand and store every source."""
    return Ingester(store, fetcher, reading).ingest(sources, on_document, client)


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
