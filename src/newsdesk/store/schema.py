"""The tables, as SQLAlchemy Core sees them. Changes to them are made by migrations only."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CursorResult,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

metadata = MetaData()

#: Every document ever ingested, compressed, with where it came from and its content hash.
raw_documents = Table(
    "raw_documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("url", Text),
    Column("content_hash", String(64), nullable=False),
    Column("media_type", Text),
    Column("size", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("origin", "content_hash", name="uq_raw_documents_origin_hash"),
)

#: The current version of each article, with the columns listings and search need.
articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("url", Text),
    Column("origin", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("published", String(40)),
    Column("category", Text),
    Column("headline", Text, nullable=False),
    Column("standfirst", Text),
    Column("source", Text),
    Column("body_text", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("duplicate_of", String(32)),
    Column("story_id", String(32)),
)

#: Every version of every article; the newest is also in `articles`.
article_versions = Table(
    "article_versions",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("raw_id", Integer, ForeignKey("raw_documents.id"), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("data", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("article_id", "version"),
)

#: ETag and Last-Modified of each fetched URL, for conditional GET.
fetch_state = Table(
    "fetch_state",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", DateTime(timezone=True), nullable=False),
)

#: What relating compares of each article: the MinHash of its text (near-duplicates) and its
#: TF-IDF vector (stories, similar stories; relate/similarity.py).
article_signatures = Table(
    "article_signatures",
    metadata,
    Column("article_id", String(32), primary_key=True),
    Column("text_minhash", LargeBinary, nullable=False),
    Column("terms", LargeBinary, nullable=False),
    Column("seq", BigInteger),  # ascending in the order signatures were saved: what a relator catches up on
)

#: Each related article's MinHash LSH band keys (relate/similarity.py makes them): the articles
#: sharing a band with a new one are its near-duplicate candidates, found by the index, however old.
article_bands = Table(
    "article_bands",
    metadata,
    Column("band", BigInteger, nullable=False),
    Column("article_pk", Integer, nullable=False),
    PrimaryKeyConstraint("band", "article_pk"),
    sqlite_with_rowid=False,
)

#: Counts relating keeps rather than counts again: "documents", how many articles are related.
relation_totals = Table(
    "relation_totals",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

#: In how many related articles each content word occurs (by its 64-bit id): TF-IDF's document frequencies.
term_frequencies = Table(
    "term_frequencies",
    metadata,
    Column("term", BigInteger, primary_key=True, autoincrement=False),
    Column("articles", Integer, nullable=False),
)

#: One row per real person, organisation or place across the store, with in how many articles it is named.
entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(8), nullable=False),
    Column("name", Text, nullable=False),
    Column("articles", Integer, nullable=False, default=0),  # indexed with type: ix_entities_type_articles (0005)
)

#: Every form an entity was named by, and in how many articles: its aliases and canonical name.
entity_names = Table(
    "entity_names",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("articles", Integer, nullable=False),
    PrimaryKeyConstraint("entity_id", "name"),
)

#: People by the spelling key of their family name: the candidates a new full name may agree with.
person_surnames = Table(
    "person_surnames",
    metadata,
    Column("surname", Text, nullable=False),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    PrimaryKeyConstraint("surname", "entity_id"),
)

#: The titles each person was given, normalised ("president", "defense minister").
person_titles = Table(
    "person_titles",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("title", Text, nullable=False),
    PrimaryKeyConstraint("entity_id", "title"),
)

#: Every name key an entity is known under; `pinned` rows were set by a user and are never changed.
entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("key", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("pinned", Boolean, nullable=False, default=False),
    PrimaryKeyConstraint("key", "type"),
)

#: An entity in an article: the name used there (one row per name: two people a user merged keep
#: their rows), the other forms it was named by, its roles and affiliation there.
mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String(32), nullable=False),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),  # indexed: ix_mentions_entity_published (0010)
    Column("name", Text, nullable=False),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("roles", Text, nullable=False),
    Column("affiliation", Text),
    Column("published", String(40)),
    Column("count", Integer, nullable=False),
    PrimaryKeyConstraint("article_id", "entity_id", "name"),
)

#: newsdesk's own related stories, both ways.
similar_articles = Table(
    "similar_articles",
    metadata,
    Column("article_id", String(32), nullable=False),
    Column("other_id", String(32), nullable=False),  # indexed: ix_similar_other (0004)
    Column("score", Float, nullable=False),
    PrimaryKeyConstraint("article_id", "other_id"),
)


#: What a user follows: a saved search (`target` its words, `filters` its SearchFilters as JSON), an
#: entity (its id) or a story (its id); articles stored after `after_key` are new to it.
follows = Table(
    "follows",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),
    Column("target", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("filters", Text, nullable=False),
    Column("webhook", Text),
    Column("secret", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("after_key", BigInteger, nullable=False),
)

#: Each new article a follow matched, once: delivered to its webhook, in flight, or waiting.
alerts = Table(
    "alerts",
    metadata,
    Column("follow_id", Integer, ForeignKey("follows.id"), nullable=False),
    Column("article_id", String(32), nullable=False),
    Column("matched_at", DateTime(timezone=True), nullable=False),
    Column("claimed_at", DateTime(timezone=True)),
    Column("delivered_at", DateTime(timezone=True)),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    PrimaryKeyConstraint("follow_id", "article_id"),
)


def upsert(dialect: str, table: Table):
    """An INSERT that can say what a conflict on the primary key does (`on_conflict_do_nothing`,
    `on_conflict_do_update`): both engines speak it, each in its own dialect."""
    return (sqlite_insert if dialect == "sqlite" else postgresql_insert)(table)


def new_id(result: CursorResult) -> int:
    """The primary key an INSERT of one row made."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])
