"""HTML extraction field by field: newsdesk against trafilatura, in the same run, on three data sets.

    .venv/bin/python bench/fields.py [fundus|readability|181 ...] [--pages]

fundus: ../shared/bench/fundus-dev (131 pages, gold from Fundus' per-site parsers; see its
PROVENANCE.md). Each field scored per page and averaged over the pages that have it:
  title        equal after normalisation (Unicode NFKC, casefold, quotes and dashes unified,
               soft hyphens and zero-width characters dropped, whitespace collapsed);
  authors      set F1 of the normalised names (gold without authors: 1 if none extracted, else 0);
  date         equal to the day (the first 10 characters of the ISO date);
  body         bag-of-words F1 (lower-cased \\w+ tokens) of the gold paragraphs and headings
               against the extracted body text;
  standfirst   share of pages with a gold summary whose extracted standfirst has bag-of-words
               F1 >= 0.8 against it (trafilatura's stand-in: its description, the meta description);
  subheadings  share of the gold headings found, normalised, among the extracted headings
               (trafilatura's: the <head> elements of its XML body), over pages with headings.
readability: ../shared/bench/readability-dev (Mozilla Readability's test pages; the expected output
is Readability's, not ground truth). Body as above against the text of expected.html; title as
above; authors: set F1 against the byline split into names, where there is one; standfirst against
the excerpt (F1 >= 0.8), where there is one; date against publishedTime, where there is one.
181: ../shared/bench/article-extraction, body only, with that benchmark's shingle metric and the
very functions of bench/extraction.py, so the figures match that script's.

Speed: pages per second on one core, extraction only (each page read from memory), best of two
passes, both extractors over the same pages in the same run. A page newsdesk refuses (BadInput),
or on which an extractor fails, counts as empty output. --pages lists, per field, the pages where
newsdesk scores below trafilatura, with what each returned.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import SHARED, ground_truth, machine, page_html, table  # noqa: E402
from extraction import newsdesk_body, run, trafilatura_body  # noqa: E402
from scoring import body_scores, shingle_counts  # noqa: E402

from newsdesk.errors import BadInput  # noqa: E402
from newsdesk.extract.html import read_html  # noqa: E402

FUNDUS = SHARED / "bench" / "fundus-dev"
READABILITY = SHARED / "bench" / "readability-dev"
SETS = ("fundus", "readability", "181")
FIELDS = ("title", "authors", "date", "body", "standfirst", "subheadings")
#: The issue's goals for newsdesk on fundus-dev.
GOALS = {"title": 0.95, "authors": 0.92, "date": 0.99, "body": 0.97, "standfirst": 0.90, "subheadings": 0.95}
STANDFIRST_F1 = 0.8
HINT = 60

_WORD = re.compile(r"\w+")
_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟«»″"}
                        | {c: "-" for c in "‐‑‒–—―−﹘﹣－"})
_BY = re.compile(r"^\s*(?:by|written by)\b[:\s]*", re.IGNORECASE)
_NAME_SPLIT = re.compile(r",|;|\s+and\s+|\s*&\s*", re.IGNORECASE)


# -- small pure helpers --------------------------------------------------------------------------


def norm(text: str | None) -> str:
    """NFKC, casefold, one kind of quote and of dash, invisible format characters (soft hyphens,
    zero-width spaces) dropped, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_QUOTES)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return re.sub(r"\s+", " ", text).strip()


def words(text: str | None) -> Counter:
    return Counter(_WORD.findall((text or "").lower()))


def bag_f1(gold: str | None, got: str | None) -> float:
    """Bag-of-words F1 of two texts (1.0 when both are empty)."""
    g, s = words(gold), words(got)
    if not g and not s:
        return 1.0
    tp = sum((g & s).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(s.values()), tp / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def set_f1(gold: list[str], got: list[str]) -> float:
    """Set F1 of normalised names; no gold names scores 1 only when none were extracted."""
    g, s = {norm(n) for n in gold if norm(n)}, {norm(n) for n in got if norm(n)}
    if not g:
        return 0.0 if s else 1.0
    tp = len(g & s)
    return 2 * tp / (len(g) + len(s)) if tp else 0.0


def split_byline(byline: str | None) -> list[str]:
    """A byline's names: split on commas, " and ", "&" (and ";"), a leading "By" stripped."""
    text = re.sub(r"\s+", " ", byline or "").strip()
    names = [_BY.sub("", part).strip() for part in _NAME_SPLIT.split(_BY.sub("", text))]
    return [n for n in names if n]


def day(value: str | None) -> str:
    return (value or "").strip()[:10]


def short(value, limit: int = HINT) -> str:
    """A table-safe, truncated rendering of a value."""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    text = re.sub(r"\s+", " ", str(value or "")).replace("|", "/").strip() or "∅"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


# -- the two extractors, read into the same fields -----------------------------------------------


@dataclass
class Fields:
    title: str = ""
    authors: list[str] = field(default_factory=list)
    date: str = ""
    body: str = ""
    standfirst: str = ""
    headings: list[str] = field(default_factory=list)
    failed: str = ""  # why the extractor gave nothing


def newsdesk_fields(html: bytes, origin: str, url: str | None) -> Fields:
    try:
        article = read_html(html, origin, url)
    except BadInput as exc:
        return Fields(failed=type(exc).__name__)
    authors = getattr(article, "authors", None)
    if isinstance(authors, list):
        authors = [a if isinstance(a, str) else str(getattr(a, "name", a)) for a in authors]
    else:
        authors = split_byline(article.byline)
    return Fields(
        title=article.headline or "",
        authors=authors,
        date=str(article.published or ""),
        body="\n".join(b.text for b in article.body),
        standfirst=article.standfirst or "",
        headings=[b.text for b in article.body if b.type == "heading"],
    )


def trafilatura_fields(html: bytes, origin: str, url: str | None) -> Fields:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True)
    if doc is None:
        return Fields(failed="None")
    headings = []
    if doc.body is not None:
        headings = [t for h in doc.body.iter("head") if (t := re.sub(r"\s+", " ", " ".join(h.itertext())).strip())]
    return Fields(
        title=doc.title or "",
        authors=[a.strip() for a in (doc.author or "").split(";") if a.strip()],
        date=doc.date or "",
        body=doc.text or "",
        standfirst=doc.description or "",
        headings=headings,
    )


EXTRACTORS = {"newsdesk": newsdesk_fields, "trafilatura": trafilatura_fields}


def extract_all(extract, pages: dict[str, tuple[bytes, str | None]], repeat: int = 2):
    """Each page's Fields, and pages per second (best of `repeat` passes)."""
    best, outputs = float("inf"), {}
    for _ in range(repeat):
        outputs = {}
        start = time.perf_counter()
        for key, (html, url) in pages.items():
            try:
                outputs[key] = extract(html, key, url)
            except Exception as exc:  # a failure on a page counts as empty output
                outputs[key] = Fields(failed=type(exc).__name__)
        best = min(best, time.perf_counter() - start)
    for key, out in outputs.items():
        if out.failed and out.failed not in ("NotANewsPage", "None"):
            print(f"  {extract.__name__} failed on {key}: {out.failed}", file=sys.stderr)
    return outputs, len(pages) / best


# -- scoring -------------------------------------------------------------------------------------


@dataclass
class Gold:
    title: str | None = None
    authors: list[str] | None = None
    date: str | None = None
    body: str | None = None
    standfirst: str | None = None
    headings: list[str] | None = None


def score(gold: Gold, got: Fields) -> dict[str, float]:
    """Per-field score of one page; a field the gold lacks is left out."""
    s: dict[str, float] = {}
    if gold.title is not None:
        s["title"] = float(norm(gold.title) == norm(got.title))
    if gold.authors is not None:
        s["authors"] = set_f1(gold.authors, got.authors)
    if gold.date:
        s["date"] = float(day(gold.date) == day(got.date))
    if gold.body is not None:
        s["body"] = bag_f1(gold.body, got.body)
    if gold.standfirst:
        s["standfirst"] = float(bag_f1(gold.standfirst, got.standfirst) >= STANDFIRST_F1)
    if gold.headings:
        found = {norm(h) for h in got.headings}
        s["subheadings"] = sum(norm(h) in found for h in gold.headings) / len(gold.headings)
    return s


def tail(gold: str, got: str) -> str:
    """A title, truncated; when it opens like the gold one, from a little before where they part."""
    g, s = norm(gold), norm(got)
    same = next((i for i, (a, b) in enumerate(zip(g, s)) if a != b), min(len(g), len(s)))
    if same > HINT // 2 and len(got) > HINT:
        start = max(0, min(same - 15, len(got) - HINT + 1))
        return "…" + short(got[start:], HINT - 1)
    return short(got)


def hint(name: str, gold: Gold, got: Fields) -> str:
    """What an extractor returned for a field, shortly."""
    if got.failed:
        return f"(failed: {got.failed})"
    if name == "title":
        return tail(gold.title, got.title)
    if name == "authors":
        return short(got.authors)
    if name == "date":
        return short(got.date, 25)
    if name == "body":
        return f"{sum(words(got.body).values())}w F1 {bag_f1(gold.body, got.body):.2f}: {short(got.body, 40)}"
    if name == "standfirst":
        return f"F1 {bag_f1(gold.standfirst, got.standfirst):.2f}: {short(got.standfirst, 50)}"
    found = {norm(h) for h in got.headings}
    return f"{sum(norm(h) in found for h in gold.headings)}/{len(gold.headings)} of {len(got.headings)}: " \
           f"{short(got.headings, 45)}"


def gold_hint(name: str, gold: Gold, ours: Fields) -> str:
    if name == "title":
        return tail(ours.title, gold.title)
    if name == "body":
        return f"{sum(words(gold.body).values())}w: {short(gold.body, 40)}"
    if name == "subheadings":
        return f"{len(gold.headings)}: {short(gold.headings, 45)}"
    return short(getattr(gold, name), HINT)


def report(label: str, title: str, golds: dict[str, Gold], outputs: dict[str, dict[str, Fields]],
           speeds: dict[str, float], fields: tuple[str, ...], pages: bool, goals: bool = False) -> None:
    scores = {name: {key: score(golds[key], out[key]) for key in golds} for name, out in outputs.items()}
    rows, means = [], {}
    for f in fields:
        keys = [k for k in golds if f in scores["newsdesk"][k]]
        means[f] = {name: mean([scores[name][k][f] for k in keys]) for name in scores}
        rows.append([f, *(means[f][name] if means[f][name] is not None else "–" for name in scores), len(keys)])
    print(f"### {title}\n")
    print(table(["field", *scores, "pages scored"], rows))
    print("\n" + ", ".join(f"{name} {speeds[name]:.1f} pages/s" for name in scores)
          + " (extraction only, one core, best of two)")
    refused = [k for k in golds if outputs["newsdesk"][k].failed]
    if refused:
        print(f"newsdesk refused {len(refused)} page(s): {', '.join(refused)}")
    if goals:
        print()
        print(table(["field", "goal", "newsdesk", "met"],
                    [[f, GOALS[f], means[f]["newsdesk"], "met" if means[f]["newsdesk"] >= GOALS[f] else "not met"]
                     for f in fields]))
    if not pages:
        print()
        return
    for f in fields:
        losing = [k for k in golds if f in scores["newsdesk"][k]
                  and scores["newsdesk"][k][f] < scores["trafilatura"][k][f] - 1e-9]
        print(f"\n#### {label}: {f}, {len(losing)} page(s) where newsdesk scores below trafilatura\n")
        if not losing:
            continue
        losing.sort(key=lambda k: scores["newsdesk"][k][f] - scores["trafilatura"][k][f])
        print(table(["page", "newsdesk", "trafilatura", "gold", "newsdesk returned", "trafilatura returned"],
                    [[k, round(scores["newsdesk"][k][f], 3), round(scores["trafilatura"][k][f], 3),
                      gold_hint(f, golds[k], outputs["newsdesk"][k]), hint(f, golds[k], outputs["newsdesk"][k]),
                      hint(f, golds[k], outputs["trafilatura"][k])] for k in losing]))
    print()


# -- the data sets -------------------------------------------------------------------------------


def fundus(pages: bool) -> None:
    gold = json.loads((FUNDUS / "gold.json").read_text(encoding="utf-8"))
    html = {name: (gzip.decompress((FUNDUS / "html" / f"{name}.gz").read_bytes()), None) for name in sorted(gold)}
    golds = {}
    for name, g in gold.items():
        golds[name] = Gold(title=g.get("title") or "", authors=list(g.get("authors") or []), date=g.get("date"),
                           body="\n".join([*g.get("headings", []), *g.get("paragraphs", [])]),
                           standfirst=g.get("summary") or None, headings=list(g.get("headings") or []))
    outputs, speeds = {}, {}
    for name, extract in EXTRACTORS.items():
        outputs[name], speeds[name] = extract_all(extract, html)
    with_authors = sum(1 for g in golds.values() if g.authors)
    report("fundus-dev", f"fundus-dev: {len(golds)} pages ({with_authors} with gold authors)", golds, outputs,
           speeds, FIELDS, pages, goals=True)


def expected_text(data: bytes) -> str:
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(data.decode("utf-8", errors="replace"))
    for el in tree.xpath("//script|//style"):
        el.drop_tree()
    return re.sub(r"\s+", " ", " ".join(tree.itertext())).strip()


def readability(pages: bool) -> None:
    html, golds = {}, {}
    for folder in sorted(p for p in READABILITY.iterdir() if p.is_dir()):
        source = folder / "source.html.gz"
        if not source.exists():
            continue
        meta_file = folder / "expected-metadata.json"
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        expected = folder / "expected.html.gz"
        html[folder.name] = (gzip.decompress(source.read_bytes()), None)
        golds[folder.name] = Gold(
            title=meta.get("title") or None,
            authors=split_byline(meta["byline"]) if meta.get("byline") and split_byline(meta["byline"]) else None,
            date=meta.get("publishedTime") or None,
            body=expected_text(gzip.decompress(expected.read_bytes())) if expected.exists() else None,
            standfirst=meta.get("excerpt") or None,
        )
    outputs, speeds = {}, {}
    for name, extract in EXTRACTORS.items():
        outputs[name], speeds[name] = extract_all(extract, html)
    report("readability-dev", f"readability-dev: {len(golds)} pages", golds, outputs, speeds,
           ("title", "authors", "date", "body", "standfirst"), pages)


def article_extraction(pages: bool) -> None:
    truth = ground_truth()
    html = {key: page_html(key) for key in truth}
    runs = {"newsdesk": newsdesk_body, "trafilatura": trafilatura_body}
    counts, speeds = {}, {}
    for name, extract in runs.items():
        outputs, speeds[name] = run(extract, html, truth)
        counts[name] = {key: shingle_counts(truth[key]["articleBody"], outputs[key]) for key in html}
    s = {name: body_scores(list(c.values())) for name, c in counts.items()}
    print(f"### article-extraction: {len(html)} pages, body only (the benchmark's shingle metric)\n")
    print(table(["field", *runs, "pages scored"],
                [[f"body {m}", *(s[name][m] for name in runs), len(html)] for m in ("f1", "precision", "recall")]))
    print("\n" + ", ".join(f"{name} {speeds[name]:.1f} pages/s" for name in runs)
          + " (extraction only, one core, best of two)")
    if pages:
        losing = []
        for key in html:
            ours, theirs = (body_scores([counts[name][key]])["f1"] for name in runs)
            if ours < theirs - 0.005:
                losing.append([key[:10], short(truth[key]["url"], 70), round(ours, 3), round(theirs, 3)])
        print(f"\n#### article-extraction: body, {len(losing)} page(s) where newsdesk scores below trafilatura\n")
        if losing:
            print(table(["page", "url", "newsdesk", "trafilatura"], sorted(losing, key=lambda r: r[2] - r[3])))
    print()


def main(argv: list[str]) -> None:
    pages = "--pages" in argv
    chosen = [a for a in argv if not a.startswith("--")] or list(SETS)
    unknown = [a for a in chosen if a not in SETS]
    if unknown:
        sys.exit(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    import trafilatura

    print(f"Machine: {machine()}; newsdesk against trafilatura {trafilatura.__version__}\n")
    for name in SETS:
        if name in chosen:
            {"fundus": fundus, "readability": readability, "181": article_extraction}[name](pages)


if __name__ == "__main__":
    main(sys.argv[1:])
