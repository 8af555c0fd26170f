"""The embedded default: one SQLite file, WAL mode, FTS5 search ranked by bm25."""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, create_engine, event, text

from ..model import Article, SearchHit
from .search import COUNT_CAP, MARK_END, MARK_START, SearchFilters, query_words, rank_window, snippet_html
from .sql import SqlStore

#: bm25 weights of headline, standfirst and body.
BM25_WEIGHTS = (10.0, 4.0, 1.0)
SNIPPET_WORDS = 24


def fts_match(words: list[str]) -> str:
    """An FTS5 query matching every word, each quoted (no operator of the user's reaches FTS5)."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def _on_connect(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class SqliteStore(SqlStore):
    def __init__(self, url: str):
        engine = create_engine(url)
        event.listen(engine, "connect", _on_connect)
        self._lock_path = f"{engine.url.database}.lock"
        self._thread_lock = threading.RLock()
        super().__init__(engine)

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """One holder at a time on this file, across processes (an advisory lock on a file beside
        the store) and threads."""
        with self._thread_lock, open(self._lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _index(self, conn: Connection, pk: int, article: Article, replace: bool) -> None:
        if replace:
            conn.execute(text("DELETE FROM article_search WHERE rowid = :pk"), {"pk": pk})
        conn.execute(
            text("INSERT INTO article_search (rowid, headline, standfirst, body) VALUES (:pk, :h, :s, :b)"),
            {"pk": pk, "h": article.headline, "s": article.standfirst or "", "b": article.body_text},
        )

    def _text_match(self, words: list[str]) -> tuple[str, str, str, dict]:
        return ("article_search JOIN articles a ON a.pk = article_search.rowid", "article_search MATCH :match",
                "article_search.rowid", {"match": fts_match(words)})

    def search_count(self, query: str, filters: SearchFilters | None = None, cap: int = COUNT_CAP) -> int:
        """How many articles match, counted up to `cap` (a count past it costs what ranking would)."""
        words = query_words(query)
        if not words:
            return 0
        match = fts_match(words)
        narrow, narrow_params = (filters or SearchFilters()).sql()
        sql = text(f"SELECT count(*) FROM (SELECT 1 FROM article_search JOIN articles a ON a.pk = article_search.rowid "
                   f"WHERE article_search MATCH :match{narrow} LIMIT :cap)")
        with self.engine.connect() as conn:
            return conn.execute(sql, {"match": match, "cap": cap, **narrow_params}).scalar_one()

    def search(self, query: str, limit: int = 20, offset: int = 0,
               filters: SearchFilters | None = None) -> list[SearchHit]:
        words = query_words(query)
        if not words:
            return []
        match = fts_match(words)
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        narrow, narrow_params = (filters or SearchFilters()).sql()
        # Only the newest matches are ranked (RANK_WINDOW; FTS5 walks its rowids backwards to the
        # window's floor), and only the page's hits get a snippet, each by its rowid (a MATCH over
        # a list of rowids would read the whole of a frequent word's index again). The articles
        # table is joined for ranking only when filters need it.
        matches = ("article_search JOIN articles a ON a.pk = article_search.rowid" if narrow else "article_search")
        sql = text(
            f"""
            WITH ranked AS (
                SELECT article_search.rowid AS pk, bm25(article_search, {weights}) AS rank
                FROM {matches}
                WHERE article_search MATCH :match{narrow} AND article_search.rowid > coalesce((
                    SELECT article_search.rowid FROM {matches}
                    WHERE article_search MATCH :match{narrow}
                    ORDER BY article_search.rowid DESC LIMIT 1 OFFSET :window), 0)
                ORDER BY rank, pk LIMIT :limit OFFSET :offset)
            SELECT a.id, a.url, a.origin, a.published, a.category, a.headline, a.standfirst, a.source, a.version,
                   (SELECT snippet(article_search, -1, :ms, :me, '…', {SNIPPET_WORDS}) FROM article_search
                    WHERE article_search MATCH :match AND article_search.rowid = ranked.pk) AS snippet, ranked.rank
            FROM ranked JOIN articles a ON a.pk = ranked.pk
            ORDER BY ranked.rank, ranked.pk
            """
        )
        params = {"match": match, "ms": MARK_START, "me": MARK_END, "limit": limit, "offset": offset,
                  "window": rank_window(limit, offset), **narrow_params}
        with self.engine.connect() as conn:
            rows = conn.execute(sql, params).mappings().all()
        return [
            SearchHit(**{k: row[k] for k in row.keys() if k not in ("snippet", "rank")},
                      snippet=snippet_html(row["snippet"]), score=-row["rank"])
            for row in rows
        ]
