"""The embedded default: one SQLite file, WAL mode, FTS5 search (Porter stems) ranked by bm25."""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, create_engine, event, text

from ..model import Article, SearchHit
from .porter import stem
from .search import COUNT_CAP, SearchFilters, make_snippet, query_words, rank_window
from .sql import SqlStore

#: bm25 weights of headline, standfirst and body.
BM25_WEIGHTS = (10.0, 4.0, 1.0)
#: A word in at least this share of the newest articles does not rank a query's matches (bm25's own
#: weight for a word in half of them is nil); a query of such words only is shown newest first.
COMMON_SHARE = 0.25
#: A word's share is read off the span of keys holding its newest this many matches.
SHARE_SAMPLE = 100


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

    def _common_words(self, conn: Connection, words: list[str]) -> set[str]:
        """The query words found in COMMON_SHARE or more of the newest articles, judged by the span
        of keys holding each word's newest SHARE_SAMPLE matches (FTS5 walks its rowids backwards)."""
        oldest = ", ".join(f"(SELECT rowid FROM article_search WHERE article_search MATCH :w{i} "
                           "ORDER BY rowid DESC LIMIT 1 OFFSET :offset)" for i in range(len(words)))
        row = conn.execute(  # the newest key, then each word's SHARE_SAMPLE-th newest match
            text(f"SELECT (SELECT coalesce(max(pk), 0) FROM articles), {oldest}"),
            {"offset": SHARE_SAMPLE - 1, **{f"w{i}": fts_match([w]) for i, w in enumerate(words)}},
        ).one()
        newest: int = row[0]
        return {w for w, last in zip(words, row[1:]) if last is not None and
                SHARE_SAMPLE / (newest - last + 1) >= COMMON_SHARE}

    def search(self, query: str, limit: int = 20, offset: int = 0,
               filters: SearchFilters | None = None) -> list[SearchHit]:
        words = query_words(query)
        if not words:
            return []
        narrow, narrow_params = (filters or SearchFilters()).sql()
        # The newest matches are the window (RANK_WINDOW; FTS5 walks its rowids backwards), ranked
        # by bm25 over the query's informative words: bm25 counts the articles holding each word
        # it ranks by, per query, which for a word in most articles is most of the index (tens of
        # milliseconds at a million), to give it next to no weight. A query of common words only
        # is shown newest first. Only the page's hits get a snippet, marking the words that rank
        # (a common word marked all over a page hides the one sought). The articles table is
        # joined for the window only when filters need it.
        matches = ("article_search JOIN articles a ON a.pk = article_search.rowid" if narrow else "article_search")
        with self.engine.connect() as conn:
            ranking = [w for w in words if w not in self._common_words(conn, words)]
            if ranking:
                weights = ", ".join(str(w) for w in BM25_WEIGHTS)
                ranked = (f"SELECT article_search.rowid AS pk, bm25(article_search, {weights}) AS rank "
                          "FROM article_search WHERE article_search MATCH :ranking "
                          "AND article_search.rowid >= (SELECT min(pk) FROM newest) "
                          "AND +article_search.rowid IN (SELECT pk FROM newest)")
            else:
                ranked = "SELECT pk, 0.0 AS rank FROM newest"
            sql = text(
                f"""
                WITH newest AS MATERIALIZED (
                    SELECT article_search.rowid AS pk FROM {matches} WHERE article_search MATCH :match{narrow}
                    ORDER BY article_search.rowid DESC LIMIT :window),
                ranked AS ({ranked} ORDER BY rank, pk DESC LIMIT :limit OFFSET :offset)
                SELECT a.id, a.url, a.origin, a.published, a.category, a.headline, a.standfirst, a.source,
                       a.version, a.body_text, ranked.rank
                FROM ranked JOIN articles a ON a.pk = ranked.pk
                ORDER BY ranked.rank, ranked.pk DESC
                """
            )
            params = {"match": fts_match(words), "ranking": fts_match(ranking), "limit": limit, "offset": offset,
                      "window": rank_window(limit, offset), **narrow_params}
            rows = conn.execute(sql, params).mappings().all()
        return [
            SearchHit(**{k: row[k] for k in row.keys() if k not in ("body_text", "rank")},
                      snippet=make_snippet([row["body_text"], row["standfirst"]], ranking or words, stem=stem),
                      score=-row["rank"])
            for row in rows
        ]
