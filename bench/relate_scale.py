"""Relating at a million articles: the Relator's start time and memory, and its rate, by store size.

    .venv/bin/python bench/relate_scale.py 100000 1000000 [--engines=sqlite,postgres]

A store of N related articles is built in bulk (articles rows, signatures of random MinHash values
and 128-term TF-IDF vectors over the benchmark vocabulary, their band keys, term frequencies),
not related one by one (a million at ~100 a second is three hours: bench/relate_speed.py measures
that path). Then, in a fresh process: how long a Relator takes to start on it and what the process
holds after (RSS), and the rate and memory of storing and relating 1,000 more synthetic articles
through the real path (one in five a re-report of an earlier one, so duplicates are looked up).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, table  # noqa: E402

BATCH = 20_000
MORE = 1000
HEADER = ["engine", "store size", "build s", "Relator start s", "RSS after start MB", "articles/s (next 1,000)",
          "RSS after MB", "store MB"]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def build(url: str, size: int) -> float:
    """A store holding `size` related articles, written in bulk; seconds taken."""
    from search import vocabulary

    from sqlalchemy import text

    from newsdesk.relate.similarity import term_id
    from newsdesk.store import open_store
    from newsdesk.store.schema import relation_totals, term_frequencies

    words, _ = vocabulary()
    vocab = np.array(sorted({term_id(w.lower()) for w in words}), dtype=np.int64)
    rng = np.random.default_rng(5)
    stamp = datetime(2025, 1, 1, tzinfo=timezone.utc)
    start = time.perf_counter()
    with open_store(url) as store:
        for first in range(0, size, BATCH):
            fill_batch(store, first, min(BATCH, size - first), rng, vocab, stamp)
        with store.engine.begin() as conn:
            conn.execute(term_frequencies.insert(), [dict(term=int(t), articles=max(1, size // 50)) for t in vocab])
            conn.execute(relation_totals.update().where(relation_totals.c.name == "documents").values(value=size))
            if store.engine.dialect.name == "postgresql":  # the keys were given: the sequence moves on past them
                conn.execute(text("SELECT setval(pg_get_serial_sequence('articles', 'pk'), :n)"), {"n": size})
                conn.execute(text("ANALYZE"))
    return time.perf_counter() - start


def fill_batch(store, first: int, n: int, rng, vocab, stamp) -> None:
    """One batch of bulk articles: rows, signatures, band keys, in one transaction."""
    from newsdesk.relate.similarity import TermVector, band_keys, values_to_bytes
    from newsdesk.store.schema import article_bands, article_signatures, articles

    minhashes = rng.integers(0, 2**32, size=(n, 128), dtype=np.uint64)
    rows, signatures, bands = [], [], []
    for i in range(n):
        pk, article_id = first + i + 1, f"{first + i:016x}"
        rows.append(dict(pk=pk, id=article_id, origin=f"bulk:{pk}", version=1, fingerprint="0" * 64,
                         published=f"2025-{1 + pk // 90_000 % 12:02d}-{1 + pk // 3000 % 28:02d}", headline="bulk",
                         body_text="bulk", data="{}", first_seen=stamp, updated_at=stamp, story_id=article_id))
        ids = np.sort(rng.choice(vocab, size=128, replace=False))
        weights = rng.random(128).astype(np.float32)
        vector = TermVector(ids, weights / np.linalg.norm(weights))
        signatures.append(dict(article_id=article_id, text_minhash=values_to_bytes(minhashes[i]),
                               terms=vector.to_bytes(), seq=pk))
        bands += [(key, pk) for key in band_keys(minhashes[i])]
    with store.engine.begin() as conn:
        conn.execute(articles.insert(), rows)
        conn.execute(article_signatures.insert(), signatures)
        conn.execute(article_bands.insert(), [dict(band=b, article_pk=pk) for b, pk in sorted(bands)])


def measure(url: str) -> None:
    """Run in a fresh process: the Relator's start and the next articles; prints one line of numbers."""
    import random
    from collections import deque

    from relate_speed import synthetic
    from search import vocabulary

    from newsdesk.model import RawDocument
    from newsdesk.relate.relator import Relator
    from newsdesk.store import open_store

    words, weights = vocabulary()
    rng = random.Random(3)
    names = [f"{rng.choice(words).title()} {rng.choice(words).title()}" for _ in range(5000)]
    with open_store(url) as store:
        base = store.count()
        started = time.perf_counter()
        relator = Relator(store)
        start_seconds = time.perf_counter() - started
        after_start = rss_mb()
        made: deque = deque(maxlen=500)
        began = time.perf_counter()
        for i in range(base, base + MORE):
            article = synthetic(i, rng, words, weights, names, made)
            store.add(RawDocument(origin=article.origin, data=article.body_text.encode()), article)
            relator.relate(article)
            made.append(article)
        rate = MORE / (time.perf_counter() - began)
    print(f"{start_seconds:.2f} {after_start:.0f} {rate:.0f} {rss_mb():.0f}")


def store_mb(url: str, path: Path | None) -> float:
    """The store's size on disk: the SQLite file and its WAL, or the schema's tables and indexes."""
    if path is not None:
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20
    import psycopg
    from search import POSTGRES

    schema = url.rsplit("%3D", 1)[1]
    with psycopg.connect(POSTGRES) as conn:
        return conn.execute("SELECT sum(pg_total_relation_size(format('%%I.%%I', schemaname, tablename))) "
                            "FROM pg_tables WHERE schemaname = %s", (schema,)).fetchone()[0] / 2**20


def main() -> None:
    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2])
        return
    from search import POSTGRES, postgres_url

    sizes = [int(a) for a in sys.argv[1:] if not a.startswith("--")] or [100_000]
    engines = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--engines=")), "sqlite,postgres")
    print(f"Machine: {machine()}\n")
    rows = []
    for engine in engines.split(","):
        for size in sizes:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "relate.db" if engine == "sqlite" else None
                schema, url = (None, str(path)) if path else postgres_url()
                try:
                    seconds = build(url, size)
                    found = subprocess.run([sys.executable, __file__, "--measure", url], capture_output=True,
                                           text=True, check=True).stdout.split()
                    rows.append([engine, f"{size:,}", f"{seconds:.0f}", *found[:2], found[2], found[3],
                                 f"{store_mb(url, path):,.0f}"])
                    print(table(HEADER, rows[-1:]), flush=True)
                finally:
                    if schema:
                        import psycopg

                        with psycopg.connect(POSTGRES, autocommit=True) as conn:
                            conn.execute(f"DROP SCHEMA {schema} CASCADE")
    print()
    print(table(HEADER, rows))


if __name__ == "__main__":
    main()
