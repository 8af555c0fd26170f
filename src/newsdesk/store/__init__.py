"""Store: the only package that talks to a database."""

from __future__ import annotations

from ..config import database_url
from .base import Store


def open_store(db: str) -> Store:
    """The store at `db`: a SQLite path, or a postgresql:// URL."""
    url = database_url(db)
    if url.startswith("postgresql"):
        from .postgres import PostgresStore

        return PostgresStore(url)
    from .sqlite import SqliteStore

    return SqliteStore(url)


__all__ = ["Store", "open_store"]
