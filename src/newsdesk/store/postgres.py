"""The shared store: PostgreSQL with a connection pool and full-text search in the database.

Search ranks a weighted tsvector (headline A, standfirst B, body C, a generated column with a
GIN index made by the migrations) with ts_rank_cd and cuts snippets with ts_headline.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text

from ..model import SearchHit
from .search import COUNT_CAP, MARK_END, MARK_START, SearchFilters, query_words, snippet_html
from .sql import SqlStore

POOL_SIZE = 5
MAX_OVERFLOW = 10
#: The advisory lock of `exclusive()` (any 64-bit number, fixed).
EXCLUSIVE_LOCK = 0x6E657773_64657368  # "newsdesh"

SNIPPET_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=…"


class PostgresStore(SqlStore):
    def __init__(self, url: str):
        engine = create_engine(url, pool_size=POOL_SIZE, max_overflow=MAX_OVERFLOW, pool_pre_ping=True)
        self._thread_lock = threading.RLock()
        super().__init__(engine)

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """One holder at a time on this database, across machines (a session advisory lock) and threads."""
        with self._thread_lock, self.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": EXCLUSIVE_LOCK})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": EXCLUSIVE_LOCK})
                conn.commit()

    def search_count(self, query: str, filters: SearchFilters | None = None, cap: int = COUNT_CAP) -> int:
        """How many articles match, counted up to `cap` (a count past it costs what ranking would)."""
        words = query_words(query)
        if not words:
            return 0
        narrow, narrow_params = (filters or SearchFilters()).sql()
        sql = text(f"SELECT count(*) FROM (SELECT 1 FROM articles a, plainto_tsquery('english', :words) AS q "
                   f"WHERE a.search @@ q{narrow} LIMIT :cap) AS found")
        with self.engine.connect() as conn:
            return conn.execute(sql, {"words": " ".join(words), "cap": cap, **narrow_params}).scalar_one()

    def search(self, query: str, limit: int = 20, offset: int = 0,
               filters: SearchFilters | None = None) -> list[SearchHit]:
        words = query_words(query)
        if not words:
            return []
        narrow, narrow_params = (filters or SearchFilters()).sql()
        sql = text(
            f"""
            SELECT a.id, a.url, a.origin, a.published, a.category, a.headline, a.standfirst, a.source, a.version,
                   ts_headline('english', a.body_text, q, :options) AS snippet,
                   ts_rank_cd(a.search, q) AS rank
            FROM articles a, plainto_tsquery('english', :words) AS q
            WHERE a.search @@ q{narrow}
            ORDER BY rank DESC, a.pk
            LIMIT :limit OFFSET :offset
            """
        )
        params = {"words": " ".join(words), "options": SNIPPET_OPTIONS, "limit": limit, "offset": offset,
                  **narrow_params}
        with self.engine.connect() as conn:
            rows = conn.execute(sql, params).mappings().all()
        return [
            SearchHit(**{k: row[k] for k in row.keys() if k not in ("snippet", "rank")},
                      snippet=snippet_html(row["snippet"]), score=float(row["rank"]))
            for row in rows
        ]
