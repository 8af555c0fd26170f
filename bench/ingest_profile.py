"""Where ingest time goes, stage by stage, on a WARC of the benchmark pages, on both engines.

    .venv/bin/python bench/ingest_profile.py [RECORDS] [--engines=sqlite,postgres]

The archive is bench/warc.py's (the 181 pages as CC-NEWS-like response records; RECORDS up to 181
keeps every record a distinct article). The whole ingest runs in this process with a clock around
each stage's entry point: extraction (`extract`), understanding (`understand_all`, spaCy and
newsdesk's rules), storing (`Store.add`), the people graph (`resolve_entities`), relating (the
rest of `Relator.relate`) and alerts; reading the archive is what is left. The spaCy model is
loaded before the clock starts.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, table  # noqa: E402
from warc import write_warc  # noqa: E402

HEADER = ["engine", "stage", "seconds", "share", "ms per article"]


@contextmanager
def clocked(spent: dict[str, float]):
    """Wrap each stage's entry point so that the time spent in it is added up under its name."""
    from newsdesk import pipeline
    from newsdesk.relate.relator import Relator
    from newsdesk.store.sql import SqlStore

    targets = [(pipeline, "extract", "extract"), (pipeline, "understand_all", "understand"),
               (SqlStore, "add", "store"), (SqlStore, "resolve_entities", "people graph"),
               (Relator, "relate", "relate (with the people graph)")]
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in targets]

    def timed(function, stage):
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[stage] += time.perf_counter() - start
        return run

    for (owner, name, stage), (_, _, original) in zip(targets, saved):
        setattr(owner, name, timed(original, stage))
    try:
        yield
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def profile(warc: Path, url: str) -> tuple[dict[str, float], float, int]:
    from newsdesk import pipeline
    from newsdesk.store import open_store

    spent: dict[str, float] = defaultdict(float)
    with open_store(url) as store, clocked(spent):
        start = time.perf_counter()
        summary = pipeline.ingest([str(warc)], store)
        total = time.perf_counter() - start
    return spent, total, summary.count("new")


def rows_of(engine: str, spent: dict[str, float], total: float, articles: int) -> list[list[str]]:
    stages = dict(spent)
    stages["relate (with the people graph)"] -= stages.get("people graph", 0.0)
    stages["relate"] = stages.pop("relate (with the people graph)")
    stages["reading the archive, the rest"] = total - sum(stages.values())
    rows = [[engine, stage, f"{seconds:.1f}", f"{seconds / total:.0%}", f"{1000 * seconds / max(articles, 1):.0f}"]
            for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1])]
    rows.append([engine, f"total ({articles} articles, {articles / total:.1f}/s)", f"{total:.1f}", "100%",
                 f"{1000 * total / max(articles, 1):.0f}"])
    return rows


def main() -> None:
    from newsdesk.understand.nlp import load_pipeline, pipeline_names
    from search import POSTGRES, postgres_url

    records = next((int(a) for a in sys.argv[1:] if not a.startswith("--")), 181)
    engines = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--engines=")), "sqlite,postgres")
    for name in pipeline_names().values():
        load_pipeline(name)
    print(f"Machine: {machine()}\n")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "news.warc.gz"
        write_warc(warc, records)
        for engine in engines.split(","):
            schema, url = (None, str(Path(tmp) / "profile.db")) if engine == "sqlite" else postgres_url()
            try:
                rows += rows_of(engine, *profile(warc, url))
            finally:
                if schema:
                    import psycopg

                    with psycopg.connect(POSTGRES, autocommit=True) as conn:
                        conn.execute(f"DROP SCHEMA {schema} CASCADE")
    print(table(HEADER, rows))


if __name__ == "__main__":
    main()
