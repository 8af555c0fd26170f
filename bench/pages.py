"""Every page of the reader site at scale: latency of each page type on a store of real news.

    .venv/bin/python bench/pages.py [articles] [--store PATH] [--samples N]
    .venv/bin/python bench/pages.py --reuse PATH       # time an existing store again, no build

Issue 13 asks that every page type answers on any store in under a second at 100,000 articles,
with no 500 and no hang. The store is built the way newsdesk builds one: the 181 real pages of
../shared/bench/article-extraction are ingested (extracted, understood, stored, related) once;
then each understood article is copied, round after round, until the store holds `articles`
(default 100,000): a new URL and id (`article_id_for` on the URL), `published` moved to a random
day of the three years up to the newest page, and the headline numbered so copies are distinct.
Each copy goes through `Ingester.keep`, the pipeline's own store-and-relate step, so entities,
mentions, stories, similar stories and the search index are made by newsdesk itself. The copy's
raw document is a few bytes naming it, not the 170 kB page again (no page reads raw documents; it
would add 3.4 GB and five minutes). Storing and relating real articles runs at ~30 a second on
one core (2026-11-26): 100,000 take ~55 minutes and 4.8 GB, so the store is kept (under /tmp by
default) and `--reuse PATH` times it again.

What copies make, and real news at this size would not: every copy of a page is a near-duplicate
of its first copy and joins its story, so 100,000 articles form the 146 stories of the real pages
(~550 to 2,200 articles each) instead of tens of thousands of small ones; entities stay the 2,265
of the real pages, each named in ~550 times as many articles (the United States in 28,729, Donald
Trump in 11,049). Story and entity pages therefore meet their worst case; the entity index and
the story list meet fewer rows than a real store of this size would give them.

Then each page type is asked for a sample of addresses through the whole HTTP stack (fastapi's
TestClient over `create_app(store)`, one process): the most named people, organisations and
places and random entities, the largest stories and random ones, events of random articles,
searches for frequent, middling and rare words, home and listing pages from the first to the
last, the entity index with its type and name filters. One request per page type is made first
and not counted (templates compile on first use). A request that takes longer than HANG_SECONDS
is stopped and counted as a hang; a 5xx or a hang fails the run (exit code 1).
"""

from __future__ import annotations

import math
import random
import re
import signal
import statistics
import sys
import time
import warnings
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote, urlencode

sys.path.insert(0, str(Path(__file__).parent))
from common import EXTRACTION, machine, table  # noqa: E402

from sqlalchemy import text  # noqa: E402

from newsdesk import pipeline  # noqa: E402
from newsdesk.dates import day_of  # noqa: E402
from newsdesk.model import Article, RawDocument, article_id_for  # noqa: E402
from newsdesk.store import open_store  # noqa: E402

#: The slowest a page may answer (issue 13).
MAX_SECONDS = 1.0
#: A request that takes this long is stopped and counted as a hang.
HANG_SECONDS = 120
#: Copies are dated on a day of the three years up to the newest real page.
SPREAD_DAYS = 3 * 365
PROGRESS_EVERY = 10_000
HEADER = ["page type", "samples", "p50 ms", "p95 ms", "max ms", "over 1 s", "404", "other non-2xx", "5xx", "hangs"]


class Hang(Exception):
    pass


# -- building the store ----------------------------------------------------------------------------

def moved(published: str | None, day: date) -> str | None:
    """`published` on another day, its time and offset kept: "2025-05-15T10:00:00+03:00" ->
    "2023-01-02T10:00:00+03:00". A value without a day (none, "2025", "2025-05") stays."""
    if not published or len(published) < 10 or day_of(published) is None:
        return published
    return day.isoformat() + published[10:]


def copy_of(original: Article, n: int, day: date) -> tuple[RawDocument, Article]:
    """The n-th copy of an understood article: its own URL and id, another day, a numbered headline."""
    base = (original.url or f"https://copies.example/{original.id}").rstrip("/")
    url = f"{base}/copy-{n}"
    article = original.model_copy(update={
        "id": article_id_for(url), "url": url, "origin": url, "published": moved(original.published, day),
        "headline": f"{original.headline} ({n})", "duplicate_of": None, "story_id": None, "similar": []})
    raw = RawDocument(origin=url, url=url, data=f"<!-- copy {n} of {original.id} -->".encode(), media_type="text/html")
    return raw, article


def build(path: Path, size: int, seed: int = 7) -> float:
    """A store of `size` articles at `path`: the real pages, then numbered copies. Seconds taken."""
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}.lock")):
        stale.unlink(missing_ok=True)
    start = time.perf_counter()
    with open_store(str(path)) as store:
        summary = pipeline.ingest(pipeline.plan_sources([str(EXTRACTION / "html")]), store)
        originals = list(store.get_many([a.id for a in store.articles(limit=10_000)]).values())
        originals.sort(key=lambda a: a.id)
        print(f"ingested {len(summary.outcomes)} real pages ({len(summary.failures)} failed) into {len(originals)} "
              f"articles in {time.perf_counter() - start:.0f} s", flush=True)
        newest = max((d for d in (day_of(a.published) for a in originals) if d), default=date(2025, 6, 1))
        rng = random.Random(seed)
        keeper = pipeline.Ingester(store)
        made, have = 0, len(originals)
        copying = time.perf_counter()
        while have < size:
            made += 1
            original = originals[made % len(originals)]
            raw, article = copy_of(original, made, newest - timedelta(days=rng.randrange(SPREAD_DAYS)))
            if keeper.keep(raw, article).status == "new":
                have += 1
            if have % PROGRESS_EVERY == 0 or have == size:
                elapsed = time.perf_counter() - copying
                print(f"{have:>9,} articles  {elapsed:7.0f} s  {made / elapsed:5.0f} copies/s", flush=True)
    return time.perf_counter() - start


# -- choosing addresses ----------------------------------------------------------------------------

def rows(store, sql: str, **params) -> list:
    with store.engine.connect() as conn:
        return conn.execute(text(sql), params).all()


def spread(rng: random.Random, last: int, count: int, first: list[int]) -> list[int]:
    """Page numbers: `first`, the last page, one past it, and random ones between."""
    pages = [p for p in first if p <= last] + [last, last + 1]
    return pages + sorted(rng.randint(1, max(last, 1)) for _ in range(max(count - len(pages), 0)))


def search_words(store, rng: random.Random, n: int) -> list[str]:
    """Queries of frequent, middling and rare words (by how many real pages use them), numbers only
    one copy's headline carries, words nowhere, and two-word queries."""
    frequency: Counter[str] = Counter()
    for (body,) in rows(store, "SELECT headline || ' ' || body_text FROM articles WHERE url NOT LIKE '%/copy-%'"):
        frequency.update({w.lower() for w in re.findall(r"[^\W\d_]{3,}", body)})
    ranked = [w for w, _ in frequency.most_common()]
    third = max(n // 5, 1)
    frequent = ranked[:third]
    middling = [w for w, c in frequency.items() if 5 <= c <= 20]
    rare = [w for w, c in frequency.items() if c == 1]
    queries = frequent + rng.sample(middling, min(third, len(middling))) + rng.sample(rare, min(third, len(rare)))
    queries += [str(rng.randint(1, 99_999)) for _ in range(3)] + ["zzqxv", "qwertyuiopasdf"]
    queries += [f"{rng.choice(frequent)} {rng.choice(frequent)}" for _ in range(third // 2)]
    queries += [f"{rng.choice(frequent)} {rng.choice(middling)}" for _ in range(third // 2)]
    return queries


def addresses(store, samples: int, seed: int = 11) -> dict[str, list[str]]:
    """For each page type, the addresses to ask for."""
    rng = random.Random(seed)
    half = samples // 2
    total = store.count()
    ids = [r[0] for r in rows(store, "SELECT id FROM articles ORDER BY random() LIMIT :n", n=samples * 4)]
    top_entities = [r[0] for kind in ("place", "person", "org")  # the most named of each type
                    for r in rows(store, "SELECT id FROM entities WHERE articles > 0 AND type = :kind "
                                         "ORDER BY articles DESC, id LIMIT :n", kind=kind, n=math.ceil(half / 3))]
    any_entities = [r[0] for r in rows(store, "SELECT id FROM entities WHERE articles > 0 ORDER BY random() LIMIT :n",
                                       n=samples - half)]
    largest = [r[0] for r in rows(store, "SELECT story_id FROM articles WHERE story_id IS NOT NULL GROUP BY story_id "
                                         "ORDER BY count(*) DESC, story_id LIMIT :n", n=half)]
    any_stories = [r[0] for r in rows(store, "SELECT story_id FROM articles WHERE story_id IS NOT NULL "
                                             "ORDER BY random() LIMIT :n", n=samples - half)]
    events = []
    for article_id in ids:
        article = store.get(article_id)
        if article and article.events:
            events.append(f"/events/{article_id}-{rng.randrange(len(article.events))}")
        if len(events) >= samples - 2:
            break
    events += [f"/events/{ids[0]}-999", "/events/0000000000000000-0"]  # no such event: 404
    stories = len(rows(store, "SELECT story_id FROM articles GROUP BY story_id HAVING count(*) >= 2"))
    names = [r[0] for r in rows(store, "SELECT name FROM entities WHERE articles > 0 ORDER BY random() LIMIT :n",
                                n=samples)]
    filters = []
    for i in range(samples):
        kind = ["", "person", "org", "place"][i % 4]
        name = ["", "", names[i % len(names)].split()[0].lower()[:5] if names else "", "a", "zzqx"][i % 5]
        page = [1, 1, 2, 5, 50][i % 5]
        query = urlencode([(k, v) for k, v in (("type", kind), ("q", name), ("page", page)) if v and v != 1])
        filters.append("/entities" + (f"?{query}" if query else ""))
    queries = search_words(store, rng, samples)
    search = [f"/search?{urlencode({'q': q})}" + ("&page=2" if i % 7 == 3 else "") for i, q in enumerate(queries)]
    search += [f"/search?{urlencode({'category': c})}" for c in store.categories()[:3]]
    search += [f"/search?q={queries[0]}&entity={top_entities[0]}"] if top_entities else []
    entity = [f"/entities/{e}" for e in top_entities + any_entities]
    entity += [f"/entities/{top_entities[0]}?page=2", f"/entities/{top_entities[0]}?page=100"] if top_entities else []
    return {
        "home": [f"/?page={p}" if p > 1 else "/" for p in spread(rng, math.ceil(total / 20), samples, [1, 1, 2, 3])],
        "article": [f"/articles/{i}" for i in ids[:samples]],
        "entity": entity,
        "entity index": filters,
        "story": [f"/stories/{s}" for s in largest + any_stories],
        "stories": [f"/stories?page={p}" if p > 1 else "/stories"
                    for p in spread(rng, math.ceil(stories / 20), samples, [1, 1, 2])],
        "event": events,
        "events": [f"/events?page={p}" if p > 1 else "/events" for p in spread(rng, math.ceil(total / 20), samples,
                                                                                [1, 1, 2, 3])],
        "search": search,
    }


# -- timing ----------------------------------------------------------------------------------------

def ask(client, path: str) -> tuple[int, float]:
    """Status and seconds of one GET; a request past HANG_SECONDS raises Hang."""
    def stop(*_):
        raise Hang(path)

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(HANG_SECONDS)
    start = time.perf_counter()
    try:
        status = client.get(path).status_code
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return status, time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    """Nearest rank."""
    ordered = sorted(values)
    return ordered[max(math.ceil(q * len(ordered)) - 1, 0)]


def time_pages(store, samples: int) -> tuple[list[list], list[str], dict[str, list], list[str]]:
    warnings.filterwarnings("ignore", message="Using `httpx`")  # starlette's note on its test client
    from fastapi.testclient import TestClient

    from newsdesk.serve.app import create_app

    chosen = addresses(store, samples)
    client = TestClient(create_app(store), raise_server_exceptions=False)
    results, failures, slowest, over = [], [], {}, []
    for kind, paths in chosen.items():
        ask(client, paths[0])  # warm: templates compile on first use
        answers = []
        for path in paths:
            try:
                status, seconds = ask(client, path)
            except Hang:
                status, seconds = -1, float(HANG_SECONDS)
            answers.append((path, status, seconds))
            if status >= 500 or status < 0:
                failures.append(f"{kind}: {path} -> {'hang' if status < 0 else status}")
        ms = [s * 1000 for _, _, s in answers]
        results.append([kind, len(answers), f"{statistics.median(ms):.0f}", f"{percentile(ms, 0.95):.0f}",
                        f"{max(ms):.0f}", sum(1 for m in ms if m > MAX_SECONDS * 1000),
                        sum(1 for _, s, _ in answers if s == 404),
                        sum(1 for _, s, _ in answers if not (200 <= s < 300 or s == 404 or s >= 500 or s < 0)),
                        sum(1 for _, s, _ in answers if s >= 500), sum(1 for _, s, _ in answers if s < 0)])
        slowest[kind] = sorted(answers, key=lambda a: -a[2])[:3]
        over += [f"{kind}: {unquote(path)} {seconds * 1000:,.0f} ms" for path, _, seconds in answers
                 if seconds > MAX_SECONDS]
        print(table(HEADER, results[-1:]).splitlines()[-1], flush=True)
    return results, failures, slowest, over


def main() -> None:
    args = sys.argv[1:]

    def option(name: str) -> str | None:
        if name in args:
            i = args.index(name)
            value = args[i + 1]
            del args[i:i + 2]
            return value
        return None

    reuse, where, samples = option("--reuse"), option("--store"), int(option("--samples") or 50)
    size = int(args[0]) if args else 100_000
    print(f"Machine: {machine()}\n", flush=True)
    if reuse:
        path = Path(reuse)
        if not path.exists():
            sys.exit(f"{path}: no such store")
        built = None
    else:
        path = Path(where or f"/tmp/newsdesk-bench-pages-{size}.db")
        built = build(path, size)
    with open_store(str(path)) as store:
        counts = rows(store, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM entities WHERE articles > 0), "
                             "(SELECT count(*) FROM mentions), (SELECT count(DISTINCT story_id) FROM articles)")[0]
        print(f"\nstore {path}: {counts[0]:,} articles, {counts[1]:,} entities, {counts[2]:,} mentions, "
              f"{counts[3]:,} stories, {path.stat().st_size / 1e9:.2f} GB"
              + (f", built in {built / 60:.0f} min" if built else " (reused)") + "\n", flush=True)
        print(table(HEADER, []), flush=True)
        results, failures, slowest, over = time_pages(store, samples)
    print(f"\n{table(HEADER, results)}\n")
    for kind, answers in slowest.items():
        print(f"slowest {kind}: " + ", ".join(f"{unquote(p)} {s * 1000:.0f} ms ({status})" for p, status, s in answers))
    if failures:
        print(f"\nFAILED: {len(failures)} answers were 5xx or hung:")
        for line in failures:
            print(f"  {line}")
        sys.exit(1)
    print(f"\nno 5xx, no hang; pages over {MAX_SECONDS:.0f} s: {len(over) or 'none'}")
    for line in over:
        print(f"  {line}")


if __name__ == "__main__":
    main()
