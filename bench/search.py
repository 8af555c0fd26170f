"""Search latency at scale: p50/p95 of `Store.search` over synthetic stores on SQLite and PostgreSQL.

    .venv/bin/python bench/search.py 100000 [1000000] [--engines sqlite,postgres]

Synthetic articles are drawn from the word distribution of the 181 benchmark article bodies
(headline 8 words, standfirst 20, body 150), bulk-inserted straight into the tables the
migrations made (the search index included), then 300 one- and two-word queries of mixed
frequency run through the real Store.search (limit 20, snippets included).
"""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ground_truth, machine, table  # noqa: E402

from newsdesk.store import open_store  # noqa: E402

POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
QUERIES = 300
BATCH = 5000


def vocabulary() -> tuple[list[str], list[float]]:
    words = Counter(w for v in ground_truth().values() for w in re.findall(r"[A-Za-z]{3,}", v["articleBody"]))
    common = words.most_common(20000)
    return [w for w, _ in common], [c for _, c in common]


def synthetic_rows(n: int, words: list[str], weights: list[float], seed: int = 7):
    rng = random.Random(seed)
    stamp = datetime(2025, 1, 1, tzinfo=timezone.utc)
    for i in range(n):
        headline = " ".join(rng.choices(words, weights, k=8)).capitalize()
        standfirst = " ".join(rng.choices(words, weights, k=20))
        body = " ".join(rng.choices(words, weights, k=150))
        article_id = f"{i:016x}"
        yield dict(id=article_id, url=None, origin=f"synthetic:{i}", version=1, fingerprint="0" * 64,
                   published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", category=rng.choice(["WORLD", "POLITICS",
                   "BUSINESS", "SPORT"]), headline=headline, standfirst=standfirst, source=None, body_text=body,
                   data=json.dumps({"id": article_id, "origin": f"synthetic:{i}", "headline": headline}),
                   first_seen=stamp, updated_at=stamp)


def fill(store, n: int, words, weights) -> float:
    from sqlalchemy import text

    from newsdesk.store.schema import articles

    start = time.perf_counter()
    sqlite = store.engine.dialect.name == "sqlite"
    rows = synthetic_rows(n, words, weights)
    while True:
        batch = [r for _, r in zip(range(BATCH), rows)]
        if not batch:
            break
        with store.engine.begin() as conn:
            conn.execute(articles.insert(), batch)
            if sqlite:
                conn.execute(text(
                    "INSERT INTO article_search (rowid, headline, standfirst, body) "
                    "SELECT pk, headline, standfirst, body_text FROM articles WHERE pk > "
                    "(SELECT coalesce(max(rowid), 0) FROM article_search)"))
    if not sqlite:
        with store.engine.begin() as conn:
            conn.execute(text("ANALYZE articles"))
    return time.perf_counter() - start


def queries(words: list[str], seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    picks = []
    for i in range(QUERIES):
        band = [words[:50], words[50:2000], words[2000:]][i % 3]  # frequent, middling, rare words
        picks.append(" ".join(rng.sample(band, 1 + i % 2)))
    return picks


def latencies(store, qs: list[str]) -> tuple[float, float, float]:
    for q in qs[:20]:
        store.search(q)  # warm caches
    times = []
    for q in qs:
        start = time.perf_counter()
        store.search(q, limit=20)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], times[-1]


def postgres_url() -> tuple[str, str]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return schema, f"{POSTGRES}?options=-csearch_path%3D{schema}"


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sizes = [int(a) for a in args] or [100_000]
    engines = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--engines=")), "sqlite,postgres")
    words, weights = vocabulary()
    qs = queries(words)
    print(f"Machine: {machine()}\n")
    rows = []
    for engine in engines.split(","):
        for size in sizes:
            with tempfile.TemporaryDirectory() as tmp:
                schema = None
                if engine == "sqlite":
                    url = str(Path(tmp) / "search.db")
                else:
                    schema, url = postgres_url()
                try:
                    with open_store(url) as store:
                        seconds = fill(store, size, words, weights)
                        p50, p95, worst = latencies(store, qs)
                finally:
                    if schema:
                        import psycopg

                        with psycopg.connect(POSTGRES, autocommit=True) as conn:
                            conn.execute(f"DROP SCHEMA {schema} CASCADE")
            rows.append([engine, f"{size:,}", f"{seconds:.0f}", f"{p50:.1f}", f"{p95:.1f}", f"{worst:.1f}"])
            print(table(["engine", "articles", "fill s", "p50 ms", "p95 ms", "max ms"], rows[-1:]), flush=True)
    print()
    print(table(["engine", "articles", "fill s", "p50 ms", "p95 ms", "max ms"], rows))


if __name__ == "__main__":
    main()
