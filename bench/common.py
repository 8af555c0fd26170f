"""Helpers every benchmark script shares: where the data is, and how to print a table."""

from __future__ import annotations

import gzip
import json
import os
import platform
from datetime import date
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSDESK_SHARED", ROOT.parent / "shared"))
EXTRACTION = SHARED / "bench" / "article-extraction"


@lru_cache(maxsize=1)
def ground_truth() -> dict[str, dict]:
    return json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))


def page_html(page_id: str) -> bytes:
    return gzip.decompress((EXTRACTION / "html" / f"{page_id}.html.gz").read_bytes())


def full_id(prefix: str) -> str:
    (match,) = [k for k in ground_truth() if k.startswith(prefix)]
    return match


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {date.today().isoformat()}"


def table(header: list[str], rows: list[list]) -> str:
    """A Markdown table."""
    def cell(v):
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
