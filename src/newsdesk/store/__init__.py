"""Store: the only package that talks to a database."""

from __future__ import annotations

from ..config import database_url
from ..errors import StoreError
from .base import Store


def open_store(db: str) -> Store:
    """The store at `db`: a SQLite path, or a postgresql:// URL."""
    scheme = db.split("://", 1)[0].lower() if "://" in db else None
    if scheme not in (None, "sqlite", "postgresql", "postgres"):
        raise StoreError(f"NEWSDESK_DB={db.split('://', 1)[0]}://…: newsdesk stores articles in SQLite "
                         "(a file path) or PostgreSQL (postgresql://user@host:5432/db)")
    url = database_url(db.replace("postgres://", "postgresql://", 1) if scheme == "postgres" else db)
    if url.startswith("postgresql"):
        from .postgres import PostgresStore

        return PostgresStore(url)
    from .sqlite import SqliteStore

    return SqliteStore(url)


__all__ = ["Store", "open_store"]
