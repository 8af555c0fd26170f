"""WARC ingest end to end: records per second and peak memory as the archive grows.

    .venv/bin/python bench/warc.py [sizes...]     (default: 100 400)

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
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ground_truth, machine, page_html, table  # noqa: E402

CHILD = """
import json, resource, sys, time
from newsdesk import pipeline
from newsdesk.store import open_store
start = time.perf_counter()
with open_store(sys.argv[2]) as store:
    summary = pipeline.ingest([sys.argv[1]], store)
print(json.dumps({"seconds": time.perf_counter() - start, "new": summary.count("new"),
                  "stored": len(summary.outcomes),
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


def main() -> None:
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
