"""The English article texts of shared/bench/readability-dev, as paragraphs, for hand annotation.

`readability_articles()` gives, for each English page (its expected metadata's `lang` is "en...",
or, with no `lang`, a fifth or more of its words are the commonest English ones),
the text of the block elements of Readability's expected output (`expected.html.gz`: paragraphs,
list items holding none, headings), one paragraph each, in document order, with the date from
`publishedTime` when there is one. Only the standard library and lxml are read, so the texts stay
the same from run to run: tests/data/understanding-gold-heldout5-en.json was annotated on them.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

from lxml import html as lxml_html

SHARED = Path(os.environ.get("NEWSDESK_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
READABILITY_DEV = SHARED / "bench" / "readability-dev"
BLOCKS = "//p | //li[not(.//p)] | //h1 | //h2 | //h3 | //h4 | //h5 | //h6"
COMMON_ENGLISH = frozenset("the and of to a in is that for it on was with as he she said".split())


def paragraphs(expected_html: str) -> list[str]:
    root = lxml_html.fromstring(expected_html)
    texts = (re.sub(r"\s+", " ", element.text_content()).strip() for element in root.xpath(BLOCKS))
    return [t for t in texts if t]


def _english(lang: str | None, blocks: list[str]) -> bool:
    if lang:
        return lang.lower().startswith("en")
    words = re.findall(r"[a-z]+", " ".join(blocks).lower())
    return bool(words) and sum(w in COMMON_ENGLISH for w in words) >= len(words) / 5


def readability_articles() -> list[dict]:
    """Every English page as {"id", "published" ("YYYY-MM-DD" or None), "paragraphs"}, by folder name."""
    articles = []
    for folder in sorted(p for p in READABILITY_DEV.iterdir() if p.is_dir()):
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        text = gzip.decompress((folder / "expected.html.gz").read_bytes()).decode("utf-8", errors="replace")
        blocks = paragraphs(text)
        if not _english(meta.get("lang"), blocks):
            continue
        published = (meta.get("publishedTime") or "")[:10] or None
        articles.append({"id": folder.name, "published": published, "paragraphs": blocks})
    return articles
