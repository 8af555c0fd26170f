"""Relating speed as the store grows: articles related per second at each size.

    .venv/bin/python bench/relate_speed.py 10000 [100000]

Synthetic articles (bodies drawn from the benchmark pages' word distribution, five people or
organisations each from a pool of 5,000 names, one story in five re-reported) are stored and
related one by one through the real Relator and SQLite store; the rate is measured over the last
1,000 articles before each checkpoint, so it shows the cost of relating one more article to a
store of that size. Also: the process's peak memory (the Relator keeps its indexes in memory) and
the time a new ingest takes to load a Relator from a store of the final size.
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, table  # noqa: E402
from search import vocabulary  # noqa: E402

from newsdesk.model import Article, Block, Entity, RawDocument  # noqa: E402
from newsdesk.relate.relator import Relator  # noqa: E402
from newsdesk.store import open_store  # noqa: E402

WINDOW = 1000
HEADER = ["store size", "articles/s (last 1,000)", "articles/s (whole run)", "peak RSS MB"]


def synthetic(i: int, rng: random.Random, words, weights, names: list[str], previous) -> Article:
    if previous and rng.random() < 0.2:  # a re-report of an earlier story
        base = rng.choice(previous)
        body = base.body_text.split()
        body = " ".join(w if rng.random() > 0.3 else rng.choice(words) for w in body)
        people = [e.name for e in base.entities]
    else:
        body = " ".join(rng.choices(words, weights, k=150))
        people = rng.sample(names, 5)
    return Article(id=f"{i:016x}", origin=f"synthetic:{i}", headline=" ".join(rng.choices(words, k=8)),
                   published=f"2025-{1 + (i // 3000) % 12:02d}-{1 + i % 28:02d}",
                   body=[Block(type="paragraph", text=body)],
                   entities=[Entity(name=n, type="person") for n in people])


def main() -> None:
    checkpoints = [int(a) for a in sys.argv[1:]] or [10_000]
    words, weights = vocabulary()
    rng = random.Random(3)
    names = [f"{rng.choice(words).title()} {rng.choice(words).title()}" for _ in range(5000)]
    print(f"Machine: {machine()}\n")
    rows, made = [], deque(maxlen=500)  # re-reports come from the last 500
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "relate.db")) as store:
        relator = Relator(store)
        start = time.perf_counter()
        window_start = start
        for i in range(max(checkpoints)):
            article = synthetic(i, rng, words, weights, names, made)
            store.add(RawDocument(origin=article.origin, data=article.body_text.encode()), article)
            relator.relate(article)
            made.append(article)
            if i + 1 == max(checkpoints) - WINDOW or (i + 1) in [c - WINDOW for c in checkpoints]:
                window_start = time.perf_counter()
            if (i + 1) in checkpoints:
                rate = WINDOW / (time.perf_counter() - window_start)
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                rows.append([f"{i + 1:,}", f"{rate:.0f}", f"{(i + 1) / (time.perf_counter() - start):.0f}", f"{peak:,.0f}"])
                print(table(HEADER, rows[-1:]), flush=True)
        del relator
        loading = time.perf_counter()
        Relator(store)
        loading = time.perf_counter() - loading
    print()
    print(table(HEADER, rows))
    print(f"\nLoading a Relator from the store of {max(checkpoints):,} articles (each ingest does once): {loading:.1f} s")
    print("\n(storing included; extraction and understanding are not: see the other benchmarks)")


if __name__ == "__main__":
    main()
