"""What the stages above the database may ask of a store: small protocols, one per kind of caller.

`Store` is all of them; both engines (SqliteStore, PostgresStore, through SqlStore) implement it,
and mypy checks they do. A caller that needs less asks for less: the source reader a `FetchState`,
the relator its own `relate.relator.RelationStore`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from ..lang.keys import EntityRef
from ..model import (Article, ArticleRef, ArticleSummary, EntityProfile, Follow, IngestOutcome, NamedCount, RawDocument,
                     RoleMention, SearchHit, Story, StorySummary)


class ArticleStore(Protocol):
    """Raw documents and articles; one transaction per document."""

    def add(self, raw: RawDocument, article: Article) -> IngestOutcome:
        """Keep `raw` and store `article` as new, as a new version, or not at all when unchanged."""
        ...

    def get(self, article_id: str) -> Article | None:
        """The current version of one article."""
        ...

    def get_many(self, article_ids: list[str]) -> dict[str, Article]:
        """Several articles in one read, by id (those that exist)."""
        ...

    def versions(self, article_id: str) -> list[Article]:
        """Every version of one article, oldest first."""
        ...

    def articles(self, limit: int = 50, offset: int = 0, category: str | None = None) -> list[ArticleSummary]:
        """Articles, newest published first."""
        ...

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every stored article (current versions), in storage order, read a batch at a time."""
        ...

    def count(self, category: str | None = None) -> int:
        """How many articles are stored (in `category`, case aside, when one is given)."""
        ...

    def categories(self) -> list[str]:
        """The categories articles are filed under, most used first."""
        ...

    def raw_documents(self, article_id: str) -> list[RawDocument]:
        """The raw documents behind each version of an article, oldest first."""
        ...


class SearchStore(Protocol):
    def search(self, query: str, limit: int = 20, offset: int = 0, filters: Any = None) -> list[SearchHit]:
        """Articles matching every word of `query`, best first, with highlighted snippets;
        `filters` (a SearchFilters) narrows by category, dates, source and entity."""
        ...

    def search_count(self, query: str, filters: Any = None, cap: int = 1000) -> int:
        """How many articles match `query` (and `filters`), counted up to `cap`."""
        ...


class FetchState(Protocol):
    """What a server said of each URL, for conditional GETs."""

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        """(ETag, Last-Modified) a server gave for a URL last time, if any."""
        ...

    def remember_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Keep a URL's ETag and Last-Modified for the next conditional GET."""
        ...


class EntityStore(Protocol):
    """The people graph: entities across articles, their names, mentions and corrections."""

    def resolve_entities(self, article: Article, refs: list[EntityRef]) -> list[int | None]:
        """Store-wide entity ids of an article's entities, its mentions recorded."""
        ...

    def clear_entity_graph(self) -> None:
        """Forget every entity and mention, keeping the user's merges and splits."""
        ...

    def find_entity(self, name: str) -> int | None:
        """The store-wide entity a typed name means: by its keys, else the most named person of
        that family name, else an entity once called exactly so."""
        ...

    def entity_profile(self, entity_id: int, limit: int = 20, offset: int = 0) -> EntityProfile | None:
        """An entity across the store: names, roles over time, affiliation, articles per month, and
        one page of the articles naming it, the latest first."""
        ...

    def entity_articles(self, entity_id: int, limit: int = 20, offset: int = 0) -> list[ArticleRef]:
        """The articles naming an entity, the latest first."""
        ...

    def role_mentions(self, entity_id: int | None = None, title_words: list[str] | None = None) -> list[RoleMention]:
        """The mentions of people that give roles (of one entity; whose roles hold one of the ASCII
        words, case aside: a first sieve, `offices` matches titles), oldest first."""
        ...

    def entities(self, kind: str | None = None, name: str | None = None, limit: int = 50,
                 offset: int = 0) -> list[NamedCount]:
        """Entities named in the most articles first: id, name, type, articles."""
        ...

    def entity_ids_for_article(self, article_id: str) -> dict[str, int]:
        """Each of an article's entity names and the store-wide entity it resolved to."""
        ...

    def co_mentioned(self, entity_id: int, limit: int = 10) -> list[NamedCount]:
        """The entities named most often in the same articles."""
        ...

    def merge_entities(self, keep: int, other: int) -> dict:
        """Make `other` part of `keep`, remembered across re-ingests; what moved."""
        ...

    def split_entity(self, entity_id: int, alias: str) -> tuple[int | None, dict]:
        """Take one name of an entity out as an entity of its own; its id and what moved."""
        ...


class RelationRecords(Protocol):
    """What relating keeps: each article's signatures and band keys, the terms' document
    frequencies, links."""

    def signatures(self, after: int = 0, newest: int | None = None) -> Iterator[Any]:
        """(article_id, terms, seq, published, story_id, duplicate_of, pk) saved after `seq` (the
        `newest` of them when given), in the order saved."""
        ...

    def article_entity_ids(self, article_ids: list[str] | None = None) -> dict[str, set[int]]:
        ...

    def related_count(self) -> int:
        ...

    def previous_signature(self, article_id: str) -> bytes | None:
        """The MinHash an article was last related with; None when it never was."""
        ...

    def sharing_bands(self, bands: list[int]) -> list[Any]:
        """(pk, article_id, text_minhash, story_id, duplicate_of) of the articles holding any of the band keys."""
        ...

    def term_frequencies(self, terms: list[int]) -> dict[int, int]:
        ...

    def save_relations(self, article: Article, text_minhash: bytes, terms: bytes, new_terms: list[int],
                       similar: list[tuple[str, float]], bands: Sequence[int] = (),
                       old_bands: Sequence[int] = ()) -> int:
        ...


class StoryStore(Protocol):
    def story(self, story_id: str) -> Story | None:
        """A story's articles in the order they were published, per day, its outlets and the people
        and organisations it names most; None when there is no such story."""
        ...

    def stories(self, limit: int = 20, offset: int = 0, min_size: int = 2) -> list[StorySummary]:
        """Stories with at least `min_size` articles, the latest news first."""
        ...


class FollowStore(Protocol):
    """Follows (a search, an entity, a story) and the alerts of the new articles each matched."""

    def matches(self, query: str | None, filters: Any = None, after: int = 0, limit: int = 50,
                newest_first: bool = True, originals_only: bool = False) -> list[Any]:
        """Articles (store.follows.Match: key, id, first stored) matching every word of `query`
        (any article when None) and `filters`, stored after key `after`, in the order stored."""
        ...

    def add_follow(self, kind: Any, target: str, label: str, filters: Any = None, webhook: str | None = None,
                   secret: str | None = None) -> Follow:
        """Follow from now on: only articles stored later are new to it."""
        ...

    def follow(self, follow_id: int) -> Follow | None:
        ...

    def follows(self) -> list[Follow]:
        """Every follow, the oldest first, with its counts of alerts."""
        ...

    def remove_follow(self, follow_id: int) -> Follow | None:
        """Stop following (its alerts go with it); None when there is no such follow."""
        ...

    def follow_secret(self, follow_id: int) -> str | None:
        ...

    def match_follows(self) -> int:
        """Alerts for every follow's new matches (duplicates aside); how many were made."""
        ...

    def claim_alerts(self, limit: int = 100) -> list[tuple[Follow, str]]:
        """Alerts waiting for a webhook, claimed for this sender: (follow, article id)."""
        ...

    def settle_alert(self, follow_id: int, article_id: str, error: str | None) -> None:
        """An alert delivered (error None) or not (tried again later)."""
        ...


class Store(ArticleStore, SearchStore, FetchState, EntityStore, RelationRecords, StoryStore, FollowStore, Protocol):
    """Everything a store does; what the CLI, the site and the ingester hold."""

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Held by one process (and thread) at a time per store: around migrations, and around
        relating each article, so concurrent ingests relate as if one ran after the other."""
        yield

    def close(self) -> None:
        """Release connections."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
