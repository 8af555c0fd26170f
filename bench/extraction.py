"""Article body extraction: newsdesk against trafilatura, readability-lxml and newspaper4k.

    make bench-install && .venv/bin/python bench/extraction.py

Data: ../shared/bench/article-extraction (181 real pages with ground truth). Metric: the
benchmark's own (word 4-gram shingles of the body, per-page precision and recall averaged over
pages, F1 of the two means; reimplemented in bench/scoring.py). Speed: pages per second on one
core, each extractor over the same pages in the same run (best of two).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ground_truth, machine, page_html, table  # noqa: E402

from newsdesk.errors import BadInput  # noqa: E402
from scoring import body_scores, shingle_counts  # noqa: E402
from newsdesk.extract.html import read_html  # noqa: E402


def newsdesk_body(html: bytes, url: str) -> str:
    try:
        article = read_html(html, url, url)
    except BadInput:
        return ""
    return "\n".join(block.text for block in article.body)


def trafilatura_body(html: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


def readability_body(html: bytes, url: str) -> str:
    from lxml import html as lxml_html
    from readability import Document

    summary = Document(html.decode("utf-8", errors="replace")).summary(html_partial=True)
    return lxml_html.fromstring(summary).text_content() if summary.strip() else ""


def newspaper_body(html: bytes, url: str) -> str:
    from newspaper import Article as NewspaperArticle

    article = NewspaperArticle(url, fetch_images=False)  # no network here: images are not fetched
    article.download(input_html=html.decode("utf-8", errors="replace"))
    article.parse()
    return article.text or ""


EXTRACTORS = {
    "newsdesk": newsdesk_body,
    "trafilatura 2.3.1 (no comments)": trafilatura_body,
    "readability-lxml 0.9": readability_body,
    "newspaper4k 0.9.6": newspaper_body,
}


def run(extract, pages: dict[str, bytes], truth: dict[str, dict], repeat: int = 2):
    best, outputs = float("inf"), {}
    for _ in range(repeat):
        start = time.perf_counter()
        outputs = {}
        for key, html in pages.items():
            try:
                outputs[key] = extract(html, truth[key]["url"])
            except Exception as exc:  # another extractor failing on a page counts as empty output
                outputs[key] = ""
                print(f"  {extract.__name__} failed on {key[:10]}: {type(exc).__name__}", file=sys.stderr)
        best = min(best, time.perf_counter() - start)
    return outputs, len(pages) / best


def main() -> None:
    truth = ground_truth()
    pages = {key: page_html(key) for key in truth}
    print(f"Machine: {machine()}; {len(pages)} pages\n")
    rows, per_page = [], {}
    for name, extract in EXTRACTORS.items():
        outputs, speed = run(extract, pages, truth)
        counts = {key: shingle_counts(truth[key]["articleBody"], outputs[key]) for key in pages}
        per_page[name] = counts
        s = body_scores(list(counts.values()))
        rows.append([name, s["precision"], s["recall"], s["f1"], f"{speed:.1f}"])
    print(table(["extractor", "precision", "recall", "F1", "pages/s"], rows))
    print("\nPages where newsdesk scores below trafilatura (page F1):")
    losses = []
    for key in pages:
        ours = body_scores([per_page["newsdesk"][key]])["f1"]
        theirs = body_scores([per_page["trafilatura 2.3.1 (no comments)"][key]])["f1"]
        if ours < theirs - 0.005:
            losses.append([key[:10], truth[key]["url"][:70], round(ours, 3), round(theirs, 3)])
    print(table(["page", "url", "newsdesk", "trafilatura"], sorted(losses, key=lambda r: r[2] - r[3])))


if __name__ == "__main__":
    main()
