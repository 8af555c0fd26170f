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
from .search import COUNT_CAP, MARK_END, MARK_START, SearchFilters, query_words, rank_window, snippet_html
from .sql import SqlStore

POOL_SIZE = 5
MAX_OVERFLOW = 10
#: The advisory lock of `exclusive()` (any 64-bit number, fixed).
EXCLUSIVE_LOCK = 0x6E657773_64657368  # "newsdesh"

#: A window is sized to hold this many times RANK_WINDOW matches at the query's estimated frequency;
#: a query expected to match no more than that ranks every match.
WINDOW_MARGIN = 1.5
#: A query in at least this share of the articles reads its window along the key range; rarer ones
#: through a bitmap of the text index and the range.
DENSE_SHARE = 0.2
#: Reading a match's row costs about as much as this many keys of a range's bitmap (EXPLAIN ANALYZE at
#: a million: 4 µs a page warm, 0.13 µs a key); a query whose rows cost less than its window's keys
#: reads every match through the text index and checks the key on the row.
HEAP_VISIT = 40
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

    @staticmethod
    def _ranked_sql(narrow: str, window: str):
        return text(
            f"""
            WITH ranked AS (
                SELECT a.pk, ts_rank_cd(a.search, q) AS rank FROM articles a, plainto_tsquery('english', :words) AS q
                WHERE a.search @@ q{narrow} AND {window}
                ORDER BY rank DESC, a.pk LIMIT :limit OFFSET :offset)
            SELECT a.id, a.url, a.origin, a.published, a.category, a.headline, a.standfirst, a.source, a.version,
                   ts_headline('english', a.body_text, plainto_tsquery('english', :words), :options) AS snippet,
                   ranked.rank
            FROM ranked JOIN articles a ON a.pk = ranked.pk
            ORDER BY ranked.rank DESC, ranked.pk
            """
        )

    def _text_match(self, words: list[str]) -> tuple[str, str, str, dict]:
        return "articles a, plainto_tsquery('english', :words) AS q", "a.search @@ q", "a.pk", {"words": " ".join(words)}

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

    @staticmethod
    def _estimate(conn, where: str, params: dict) -> float:
        """How many articles the planner expects to satisfy a condition (from its statistics)."""
        plan = conn.execute(text(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM articles a WHERE {where}"), params).scalar_one()
        return float(plan[0]["Plan"]["Plan Rows"])

    def _window_floor(self, conn, words: str, window: int) -> tuple[int, str]:
        """The key above which a query's newest `window` matches lie, about: the newest articles
        that hold that many matches at the query's frequency (a margin added), or 0 when the query
        is rare enough to rank every match. A range of keys, not a count of matches, so that the
        text index and the key range meet in one bitmap and only the window's rows are read; and
        how to read it: "all" matches, through the text index checking the key on each row
        ("filter", when the matches are fewer than the range's keys by HEAP_VISIT), one bitmap of
        both indexes ("bitmap"), or along the key range ("range", a query in most articles)."""
        matches = self._estimate(conn, "a.search @@ plainto_tsquery('english', :words)", {"words": words})
        if matches <= window * WINDOW_MARGIN:
            return 0, "all"
        total = max(self._estimate(conn, "true", {}), matches)
        newest = conn.execute(text("SELECT coalesce(max(pk), 0) FROM articles")).scalar_one()
        keys = int(window * WINDOW_MARGIN * total / matches)
        how = "range" if matches / total >= DENSE_SHARE else "filter" if matches * HEAP_VISIT < keys else "bitmap"
        return max(0, newest - keys), how

    def search(self, query: str, limit: int = 20, offset: int = 0,
               filters: SearchFilters | None = None) -> list[SearchHit]:
        words = query_words(query)
        if not words:
            return []
        narrow, narrow_params = (filters or SearchFilters()).sql()
        # Only the newest matches are ranked (RANK_WINDOW), and only the page's hits get a snippet.
        # Without filters the window is a range of the newest keys sized by the planner's estimate
        # of the query's frequency (a page short of hits is asked again over every match); with
        # filters it is counted out among the filtered matches.
        window = rank_window(limit, offset)
        params = {"words": " ".join(words), "options": SNIPPET_OPTIONS, "limit": limit, "offset": offset,
                  "window": window, **narrow_params}
        with self.engine.connect() as conn:
            if narrow:
                floor = ("coalesce((SELECT a.pk FROM articles a, plainto_tsquery('english', :words) AS q "
                         f"WHERE a.search @@ q{narrow} ORDER BY a.pk + 0 DESC LIMIT 1 OFFSET :window), 0)")
                rows = conn.execute(self._ranked_sql(narrow, f"a.pk > {floor}"), params).mappings().all()
            else:
                params["floor"], how = self._window_floor(conn, params["words"], window)
                if how != "range":
                    # the planner would walk the key range filtering every row by the query
                    conn.execute(text("SET LOCAL enable_indexscan = off"))
                key = "a.pk + 0" if how == "filter" else "a.pk"  # + 0: no index for the key
                rows = conn.execute(self._ranked_sql("", f"{key} > :floor"), params).mappings().all()
                if len(rows) < limit and params["floor"]:
                    rows = conn.execute(self._ranked_sql("", "true"), params).mappings().all()
        return [
            SearchHit(**{k: row[k] for k in row.keys() if k not in ("snippet", "rank")},
                      snippet=snippet_html(row["snippet"]), score=float(row["rank"]))
            for row in rows
        ]
