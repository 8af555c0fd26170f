"""WARC ingest end to end: records per second and peak memory as the archive grows.

    .venv/bin/python bench/warc.py [sizes...]     (default: 100 400)
    .venv/bin/python bench/warc.py --workers 200  (one size, run locally and on Dask with 1 and 2 workers)

Writes CC-NEWS-like WARC.gz archives from the 181 benchmark pages (cycled, each record its own
URL), then runs the whole ingest (read, extract, understand, store in a fresh SQLite file) in a
child process per size and reports records/s and the child's peak RSS. Flat memory means the
archive is streamed, never loaded whole.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ground_truth, machine, page_html, table  # noqa: E402

CHILD = """
import json, resource, sys, time
from contextlib import nullcontext
from newsdesk import pipeline
from newsdesk.cluster import connect
from newsdesk.store import open_store


def warm():
    from newsdesk.understand.nlp import load_pipeline, model_for
    load_pipeline(model_for("en"))  # the benchmark pages are English


cluster = sys.argv[3] if len(sys.argv) > 3 else None
with (connect(cluster) if cluster else nullcontext()) as client:
    if client is not None:
        client.run(warm)  # every worker has its model loaded before the clock starts
    start = time.perf_counter()
    with open_store(sys.argv[2]) as store:
        summary = pipeline.ingest([sys.argv[1]], store, client=client)
    seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "new": summary.count("new"), "stored": len(summary.outcomes),
                  "failed": len(summary.failures),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def write_warc(path: Path, records: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    keys = sorted(ground_truth())
    pages = [page_html(k) for k in keys]
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(records):
            body = pages[i % len(pages)]
            url = f"https://news.example.org/{i // len(pages)}/{keys[i % len(keys)][:16]}"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def scaling(size: int) -> None:
    """The same archive ingested locally, then on Dask with one and with two worker processes."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "news.warc.gz"
        write_warc(warc, size)
        for cluster in (None, "local:1", "local:2"):
            db = Path(tmp) / f"{cluster or 'local'}.db".replace(":", "-")
            args = [sys.executable, "-c", CHILD, str(warc), str(db)] + ([cluster] if cluster else [])
            done = subprocess.run(args, capture_output=True, text=True, check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append([cluster or "no cluster (one process)", size, result["stored"],
                         f"{size / result['seconds']:.1f}"])
    print(table(["run", "records", "read into articles", "records/s"], rows))


def main() -> None:
    if "--workers" in sys.argv:
        print(f"Machine: {machine()}\n")
        scaling(int(sys.argv[sys.argv.index("--workers") + 1]))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [100, 400]
    print(f"Machine: {machine()}\n")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            warc = Path(tmp) / f"news-{size}.warc.gz"
            write_warc(warc, size)
            db = Path(tmp) / f"news-{size}.db"
            done = subprocess.run([sys.executable, "-c", CHILD, str(warc), str(db)], capture_output=True, text=True,
                                  check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append([size, f"{warc.stat().st_size / 1e6:.1f}", result["stored"], result["new"], result["failed"],
                         f"{size / result['seconds']:.1f}", f"{result['peak_mb']:.0f}"])
    print(table(["records", "archive MB", "read into articles", "distinct articles", "failed", "records/s",
                 "peak RSS MB"], rows))
    print("\n(the pages repeat every 181 records under new URLs, but each page names its own canonical URL,"
          " so a repeat is the same article, stored once)")


if __name__ == "__main__":
    main()
