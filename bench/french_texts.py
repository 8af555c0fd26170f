"""The French article texts that tests/data/french-gold.json was annotated on.

`french_articles()` gives, for each page, the exact paragraphs that were read by hand:
- the 18 pages of shared/bench/french-dev/html: trafilatura 2.3.1's extraction (comments and
  tables left out), one paragraph per non-empty line, with the date and URL from the page's metadata;
- the French pages of shared/bench/fundus-dev: the paragraphs and date of their Fundus gold.
Only the standard library and trafilatura (pinned at 2.3.1) are used, so the texts stay the same from run to run.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import trafilatura

SHARED = Path(os.environ.get("NEWSDESK_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
FRENCH_DEV = SHARED / "bench" / "french-dev"
FUNDUS_DEV = SHARED / "bench" / "fundus-dev"
# The only date trafilatura finds on this Wayback Machine copy is the archive banner's "Starting in 1996".
NO_DATE = {"trafilatura__archive.org-travaillent"}


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def french_articles() -> list[dict]:
    """Every French page as {"id", "published" ("YYYY-MM-DD" or None), "paragraphs"}."""
    articles = []
    for path in sorted((FRENCH_DEV / "html").glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=False)
        meta = trafilatura.extract_metadata(html)
        page_id = path.name.removesuffix(".html.gz")
        articles.append({
            "id": page_id,
            "published": None if page_id in NO_DATE or meta is None else meta.date or None,
            "paragraphs": _lines(text),
            "url": meta.url if meta is not None else None,  # the publisher's domain, for its country
        })
    gold = json.loads((FUNDUS_DEV / "gold.json").read_text(encoding="utf-8"))
    for path in sorted((FUNDUS_DEV / "html").glob("fr__*.html.gz")):
        key = path.name.removesuffix(".gz")
        articles.append({
            "id": key.removesuffix(".html"),
            "published": gold[key].get("date") or None,
            "paragraphs": list(gold[key]["paragraphs"]),
        })
    return articles
