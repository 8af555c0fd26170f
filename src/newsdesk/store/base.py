"""The one Store interface every stage above the database uses."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..lang.names import PersonName
from ..model import Article, ArticleSummary, Entity, IngestOutcome, RawDocument, SearchHit


@dataclass(frozen=True)
class EntityRef:
    """What the store needs to find an article's entity among its own (relate/keys.py makes it)."""

    entity: Entity
    keys: list[str]  # exact name keys, strongest first; none: the entity stays out of the graph
    person: PersonName | None = None  # a person's name in parts: their family name finds candidates
    titles: frozenset[str] = field(default_factory=frozenset)  # a person's titles, as title_key()s


class Store(ABC):
    """Where raw documents and articles are kept; one transaction per document."""

    @abstractmethod
    def add(self, raw: RawDocument, article: Article) -> IngestOutcome:
        """Keep `raw` and store `article` as new, as a new version, or not at all when unchanged."""

    @abstractmethod
    def get(self, article_id: str) -> Article | None:
        """The current version of one article."""

    @abstractmethod
    def versions(self, article_id: str) -> list[Article]:
        """Every version of one article, oldest first."""

    @abstractmethod
    def articles(self, limit: int = 50, offset: int = 0, category: str | None = None) -> list[ArticleSummary]:
        """Articles, newest published first."""

    @abstractmethod
    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every stored article (current versions), in storage order, read a batch at a time."""

    @abstractmethod
    def count(self, category: str | None = None) -> int:
        """How many articles are stored (in `category`, case aside, when one is given)."""

    @abstractmethod
    def search(self, query: str, limit: int = 20, offset: int = 0, filters=None) -> list[SearchHit]:
        """Articles matching every word of `query`, best first, with highlighted snippets;
        `filters` (a SearchFilters) narrows by category, dates, source and entity."""

    @abstractmethod
    def search_count(self, query: str, filters=None, cap: int = 1000) -> int:
        """How many articles match `query` (and `filters`), counted up to `cap`."""

    @abstractmethod
    def raw_documents(self, article_id: str) -> list[RawDocument]:
        """The raw documents behind each version of an article, oldest first."""

    @abstractmethod
    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        """(ETag, Last-Modified) a server gave for a URL last time, if any."""

    @abstractmethod
    def remember_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Keep a URL's ETag and Last-Modified for the next conditional GET."""

    def find_entity(self, name: str) -> int | None:
        """The store-wide entity a typed name means: by its keys, else the most named person of
        that family name, else an entity once called exactly so."""
        raise NotImplementedError

    def entity_profile(self, entity_id: int) -> dict | None:
        """An entity across the store: names, roles over time with their articles, affiliation, articles."""
        raise NotImplementedError

    def story(self, story_id: str):
        """A Story: its articles in the order they were published, per day, its outlets and the
        people and organisations it names most; None when there is no such story."""
        raise NotImplementedError

    def stories(self, limit: int = 20, offset: int = 0, min_size: int = 2):
        """StorySummary of stories with at least `min_size` articles, the latest news first."""
        raise NotImplementedError

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Held by one process (and thread) at a time per store: around migrations, and around
        relating each article, so concurrent ingests relate as if one ran after the other."""
        yield

    def close(self) -> None:
        """Release connections."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
