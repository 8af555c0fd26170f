"""The tables, as SQLAlchemy Core sees them. Changes to them are made by migrations only."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
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
