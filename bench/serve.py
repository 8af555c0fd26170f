"""The site and API under load: requests/s and latency with 10k articles, one uvicorn worker.

    .venv/bin/python bench/serve.py [articles] [--during-ingest]

Fills a SQLite store with synthetic articles (see search.py) plus the sample pages, starts
`newsdesk serve` (one worker) on 127.0.0.1, and drives it with wrk (Debian's package) for 20 s
per target: the article page and the search API (a rotating set of queries). With
--during-ingest an ingest of a folder of pages writes to the same store while the API is under
load, and the server log is searched for errors and "database is locked".
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ROOT, machine, table  # noqa: E402
from search import fill, queries, vocabulary  # noqa: E402

from newsdesk import pipeline  # noqa: E402
from newsdesk.store import open_store  # noqa: E402

DURATION = "20s"
CONNECTIONS = 8
LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk(base: str, paths: list[str], tmp: Path) -> dict:
    script = tmp / "paths.lua"
    script.write_text(LUA % ", ".join(f'"{p}"' for p in paths))
    done = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--latency", "-s", str(script), base],
                          capture_output=True, text=True, check=True)
    out = done.stdout

    def ms(label: str) -> float:
        m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50": ms("50"), "p99": ms("99"),
            "errors": int(errors.group(1)) if errors else 0, "socket": socket_errors.group(1) if socket_errors else "none"}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    size = int(args[0]) if args else 10_000
    during_ingest = "--during-ingest" in sys.argv
    print(f"Machine: {machine()}\n")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "serve.db"
        words, weights = vocabulary()
        with open_store(str(db)) as store:
            fill(store, size, words, weights)
            pipeline.ingest(pipeline.plan_sources([str(ROOT / "samples")]), store)
            ids = [a.id for a in store.articles(limit=200)]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = (tmp / "server.log").open("w")
        env = {**os.environ, "NEWSDESK_DB": str(db)}
        server = subprocess.Popen([sys.executable, "-m", "newsdesk.cli", "serve", "--port", str(port)], env=env,
                                  stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            targets = {
                "article page": [f"/articles/{i}" for i in ids[:100]],
                "search API": [f"/api/search?q={q.replace(' ', '+')}" for q in queries(words)[:100]],
            }
            ingest = None
            if during_ingest:
                pages = tmp / "pages"
                pages.mkdir()
                seed = (ROOT / "samples" / "trtworld-putin-istanbul-talks.txt").read_text()
                for n in range(400):
                    (pages / f"p{n}.txt").write_text(seed.replace("Putin gathers", f"Putin gathers ({n})"))
                ingest = subprocess.Popen([sys.executable, "-m", "newsdesk.cli", "ingest", str(pages)], env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            rows = []
            for name, paths in targets.items():
                r = wrk(base, paths, tmp)
                rows.append([name, f"{size:,}", f"{r['rps']:.0f}", f"{r['p50']:.1f}", f"{r['p99']:.1f}", r["errors"],
                             r["socket"]])
            if ingest is not None:
                ingest.wait(timeout=900)
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
        server_log = (tmp / "server.log").read_text()
        locked = server_log.count("database is locked")
        tracebacks = server_log.count("Traceback")
    print(table(["target", "articles", "requests/s", "p50 ms", "p99 ms", "non-2xx", "socket errors"], rows))
    print(f"\nwhile ingesting: {during_ingest}; 'database is locked' in the server log: {locked}; tracebacks: {tracebacks}")
    if ingest is not None:
        print(f"ingest exit code: {ingest.returncode}")


if __name__ == "__main__":
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk)")
    main()
