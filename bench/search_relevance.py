"""Search relevance: nDCG@10 of `Store.search` on the 181 benchmark pages, per engine, beside the
ranking it bounds (every match ranked over every query word).

    .venv/bin/python bench/search_relevance.py [--engines sqlite,postgres] [--db PATH]

The queries and their graded judgments (2 = about it, 1 = discusses it) are
`bench/data/search-relevance.json`, made by hand by reading the pages, before and without the
engine. The pages are ingested by newsdesk's own pipeline (or read from --db, a SQLite store that
holds them); the reference ranking is the one search had before it was bounded: bm25 over every
query word (SQLite) or ts_rank_cd (PostgreSQL) over every match.
"""

from __future__ import annotations

import json
import math
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import EXTRACTION, machine, table  # noqa: E402

from newsdesk.store import open_store  # noqa: E402
from newsdesk.store.search import query_words  # noqa: E402

LABELS = Path(__file__).parent / "data" / "search-relevance.json"
POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
DEPTH = 10


def page_id(origin: str) -> str:
    return Path(origin).name.removesuffix(".gz").removesuffix(".html")


def ndcg(ranking: list[str], relevant: dict[str, int], depth: int = DEPTH) -> float:
    dcg = sum(relevant.get(p, 0) / math.log2(i + 2) for i, p in enumerate(ranking[:depth]))
    ideal = sorted(relevant.values(), reverse=True)[:depth]
    return dcg / sum(g / math.log2(i + 2) for i, g in enumerate(ideal))


def exhaustive(store, query: str, depth: int = DEPTH) -> list[str]:
    """Every match ranked over every query word, as search did before its window."""
    from sqlalchemy import text

    words = query_words(query)
    if store.engine.dialect.name == "sqlite":
        from newsdesk.store.sqlite import BM25_WEIGHTS, fts_match

        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        sql = text(f"SELECT a.origin FROM article_search JOIN articles a ON a.pk = article_search.rowid "
                   f"WHERE article_search MATCH :match ORDER BY bm25(article_search, {weights}), a.pk LIMIT :depth")
        params = {"match": fts_match(words), "depth": depth}
    else:
        sql = text("SELECT a.origin FROM articles a, plainto_tsquery('english', :words) AS q WHERE a.search @@ q "
                   "ORDER BY ts_rank_cd(a.search, q) DESC, a.pk LIMIT :depth")
        params = {"words": " ".join(words), "depth": depth}
    with store.engine.connect() as conn:
        return [page_id(o) for (o,) in conn.execute(sql, params)]


def evaluate(store, labelled: list[dict]) -> tuple[list[float], list[float]]:
    bounded, reference = [], []
    for item in labelled:
        hits = [page_id(h.origin) for h in store.search(item["query"], limit=DEPTH)]
        bounded.append(ndcg(hits, item["relevant"]))
        reference.append(ndcg(exhaustive(store, item["query"]), item["relevant"]))
    return bounded, reference


def ingest_pages(url: str) -> None:
    from newsdesk.pipeline import ingest

    with open_store(url) as store:
        summary = ingest([str(EXTRACTION / "html")], store)
    print(f"ingested {len(summary.outcomes)} pages, {len(summary.failures)} failed", file=sys.stderr)


def main() -> None:
    engines = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--engines=")), "sqlite,postgres")
    db = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--db=")), None)
    labelled = json.loads(LABELS.read_text(encoding="utf-8"))["queries"]
    print(f"Machine: {machine()}\n{len(labelled)} queries, {sum(len(q['relevant']) for q in labelled)} judgments\n")
    rows, worst = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for engine in engines.split(","):
            schema = None
            if engine == "sqlite":
                url = db or str(Path(tmp) / "pages.db")
            else:
                import psycopg

                schema = "bench_relevance"
                with psycopg.connect(POSTGRES, autocommit=True) as conn:
                    conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
                    conn.execute(f"CREATE SCHEMA {schema}")
                url = f"{POSTGRES}?options=-csearch_path%3D{schema}"
            try:
                if not (engine == "sqlite" and db):
                    ingest_pages(url)
                with open_store(url) as store:
                    bounded, reference = evaluate(store, labelled)
            finally:
                if schema:
                    with psycopg.connect(POSTGRES, autocommit=True) as conn:
                        conn.execute(f"DROP SCHEMA {schema} CASCADE")
            rows.append([engine, f"{statistics.mean(bounded):.3f}", f"{statistics.mean(reference):.3f}",
                         sum(b < r - 1e-9 for b, r in zip(bounded, reference)),
                         sum(b > r + 1e-9 for b, r in zip(bounded, reference))])
            worst += [(b - r, engine, q["query"]) for b, r, q in zip(bounded, reference, labelled) if b != r]
    print(table(["engine", "nDCG@10 search", "nDCG@10 every match, every word", "queries worse", "queries better"],
                rows))
    for delta, engine, query in sorted(worst)[:10]:
        print(f"  {engine}: {query!r} {delta:+.3f}")


if __name__ == "__main__":
    main()
