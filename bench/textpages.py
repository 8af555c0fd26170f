"""Page text, not HTML: newsdesk's text path on the text three converters make of real pages.

    .venv/bin/python bench/textpages.py build    # every page through every converter, into a cache
    .venv/bin/python bench/textpages.py [fundus|181|readability ...] [--converter NAME] [--pages]

Three converters, so that no one converter's habits are learned; each gets the same text (the bytes
as UTF-8 when they are, as the HTML path reads them, else in the meta tag's charset, else UTF-8 with
replacement) and gives one block a line, as it lays them out (the browser's load and w3m are capped
at TIMEOUT seconds a page).
  browser   Debian's chromium through Playwright: set_content with JavaScript off and every request
            aborted, then document.body.innerText. Offline, only inline CSS applies (text-transform
            too: "SUBSCRIBE"), <noscript> shows, a page hidden until its script runs is empty.
  textmode  `w3m -dump -T text/html -cols 1023`. w3m wraps near 1,022 columns whatever -cols says:
            a longer paragraph is hard-wrapped onto several lines, a real habit of text dumps that
            the reader must cope with. Lists come indented and bulleted, images as [alt].
  library   inscriptis.get_text (pinned in requirements-bench.txt): nesting kept as leading spaces.
`build` caches bench/data/text/<converter>/<set>/<page>.txt (empty, beside a <page>.failed saying why,
when the conversion failed: delete both to try again) and skips the pages already there.

Sets: fundus (../shared/bench/fundus-dev: Fundus' title; body its headings and paragraphs), 181
(../shared/bench/article-extraction: its articleBody; no title there, so no headline score), and,
held out, reported apart as pages never developed on, readability (../shared/bench/readability-dev:
Readability's title; body the text of expected.html).

Per set and converter each page's text goes through newsdesk.extract as text/plain. headline: share
of the pages with a gold title whose headline equals it after fields.norm; body: bag-of-words F1
(fields.bag_f1) of the gold against the article's paragraphs and headings; a page refused (BadInput)
scores 0 on both. Beside them: the HTML path on the same pages (read_html, as bench/fields.py runs
it), and a "text as is" row, the F1 of the whole converter text: what doing nothing gets, which shows
how much chrome a converter leaves; its headline cell is the share of pages that print the gold title
as a line of their text at all (a kicker glued to it, or a title that differs from the page's, is not
there to be found): the most a reader that picks a line can score. Goal (issue 17): headline and body >= 0.90 on every converter.
--pages lists, per set and converter, the 15 pages of lowest body F1 and every headline miss.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ground_truth, machine, page_html, table  # noqa: E402
from fields import FUNDUS, READABILITY, bag_f1, expected_text, norm, short, words  # noqa: E402

from newsdesk.errors import BadInput  # noqa: E402
from newsdesk.extract import extract  # noqa: E402
from newsdesk.extract.html import read_html  # noqa: E402
from newsdesk.model import RawDocument  # noqa: E402

CACHE = Path(__file__).parent / "data" / "text"
SETS = ("fundus", "181", "readability")
CONVERTERS = ("browser", "textmode", "library")
TIMEOUT = 15  # seconds
GOAL, WORST, HINT = 0.90, 15, 80


@dataclass
class Page:
    html: bytes
    url: str | None
    title: str | None  # the gold ones
    body: str


def fundus_pages() -> dict[str, Page]:
    gold = json.loads((FUNDUS / "gold.json").read_text(encoding="utf-8"))
    return {name.removesuffix(".html"): Page(gzip.decompress((FUNDUS / "html" / f"{name}.gz").read_bytes()), None,
                                             g.get("title") or None, "\n".join([*g["headings"], *g["paragraphs"]]))
            for name, g in sorted(gold.items())}


def extraction_pages() -> dict[str, Page]:
    return {key: Page(page_html(key), g["url"], None, g["articleBody"]) for key, g in sorted(ground_truth().items())}


def readability_pages() -> dict[str, Page]:
    pages = {}
    for folder in sorted(p for p in READABILITY.iterdir() if (p / "expected.html.gz").exists()):
        meta = folder / "expected-metadata.json"
        title = json.loads(meta.read_text(encoding="utf-8")).get("title") if meta.exists() else None
        expected = expected_text(gzip.decompress((folder / "expected.html.gz").read_bytes()))
        source = gzip.decompress((folder / "source.html.gz").read_bytes())
        pages[folder.name] = Page(source, None, title or None, expected)
    return pages


LOADERS = {"fundus": fundus_pages, "181": extraction_pages, "readability": readability_pages}
LABELS = {"fundus": "fundus-dev", "181": "article-extraction", "readability": "readability-dev (held out)"}

# -- the converters ------------------------------------------------------------------------------

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.IGNORECASE)


def decode(html: bytes) -> str:
    """UTF-8 if the bytes are, else the meta tag's charset (ISO-8859-1 read as Windows-1252, as
    browsers do), else UTF-8 with replacement characters."""
    try:
        return html.decode("utf-8-sig")
    except UnicodeDecodeError:
        match = _CHARSET.search(html[:16384])
    charset = (match.group(1).decode("ascii").lower() if match else "utf-8").replace("iso-8859-1", "cp1252")
    try:
        return html.decode(charset, errors="replace")
    except LookupError:
        return html.decode("utf-8", errors="replace")


@contextmanager
def browser():
    """A converter on one chromium for all pages: JavaScript off, every request aborted."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        context = chromium.new_context(java_script_enabled=False)
        context.route("**/*", lambda route: route.abort())

        def convert(html: bytes) -> str:
            page = context.new_page()
            try:
                page.set_content(decode(html), timeout=TIMEOUT * 1000)
                return page.evaluate("(document.body || document.documentElement).innerText")
            finally:
                page.close()

        yield convert
        chromium.close()


def textmode(html: bytes) -> str:
    cmd = ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "1023"]
    done = subprocess.run(cmd, input=decode(html).encode("utf-8"), capture_output=True, timeout=TIMEOUT, check=True)
    return done.stdout.decode("utf-8", errors="replace")


def library(html: bytes) -> str:
    from inscriptis import get_text

    return get_text(decode(html))


# -- build ---------------------------------------------------------------------------------------


def cached(converter: str, set_name: str, page: str, suffix: str = ".txt") -> Path:
    return CACHE / converter / set_name / f"{page}{suffix}"


def convert_all(name: str, convert, set_name: str, pages: dict[str, Page]) -> int:
    """Converts the pages not in the cache yet; returns how many failed."""
    todo, failed = [k for k in pages if not cached(name, set_name, k).exists()], 0
    for i, key in enumerate(todo, 1):
        cached(name, set_name, key).parent.mkdir(parents=True, exist_ok=True)
        try:
            text = convert(pages[key].html)
        except Exception as exc:  # a timeout or a crash: recorded, and the page's text is empty
            text, failed = "", failed + 1
            cached(name, set_name, key, ".failed").write_text(f"{type(exc).__name__}: {exc}"[:500], encoding="utf-8")
            print(f"  {name}/{set_name}/{key[:40]} failed: {type(exc).__name__}", flush=True)
        cached(name, set_name, key).write_text(text, encoding="utf-8")
        if i % 50 == 0 or i == len(todo):
            print(f"  {name}/{set_name}: {i}/{len(todo)} converted", flush=True)
    return failed


def build(sets: list[str], converters: list[str]) -> None:
    start = time.perf_counter()
    pages = {s: LOADERS[s]() for s in sets}
    for name in converters:
        t = time.perf_counter()
        plain = {"textmode": textmode, "library": library}
        with browser() if name == "browser" else nullcontext(plain[name]) as convert:
            failed = sum(convert_all(name, convert, s, pages[s]) for s in sets)
        print(f"{name}: {time.perf_counter() - t:.0f} s, {failed} failure(s)", flush=True)
    print(f"build: {sum(map(len, pages.values()))} pages, {time.perf_counter() - start:.0f} s in all")


# -- scoring -------------------------------------------------------------------------------------


@dataclass
class Result:
    headline: str = ""
    body: str = ""
    refused: str = ""  # why newsdesk gave nothing


def read(origin: str, reader) -> Result:
    try:
        article = reader()
    except BadInput as exc:
        return Result(refused=f"{type(exc).__name__}: {exc.detail}")
    except Exception as exc:  # a crash is a bug to see; it counts as empty output
        print(f"  newsdesk crashed on {origin}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return Result(refused=f"crash {type(exc).__name__}")
    return Result(article.headline or "", " ".join(b.text for b in article.body))


def text_path(text: str, origin: str, url: str | None) -> Result:
    raw = RawDocument(origin=origin, url=url, data=text.encode("utf-8"), media_type="text/plain")
    return read(origin, lambda: extract(raw))


def cached_text(converter: str, set_name: str, key: str) -> str:
    if not cached(converter, set_name, key).exists():
        sys.exit(f"{set_name}/{key} not converted by {converter}: run `bench/textpages.py build` first")
    return cached(converter, set_name, key).read_text(encoding="utf-8")


def means(pages: dict[str, Page], got: dict[str, Result]) -> tuple[float | str, float]:
    titled = [k for k in pages if pages[k].title]
    head = sum(norm(got[k].headline) == norm(pages[k].title) for k in titled) / len(titled) if titled else "–"
    return head, sum(bag_f1(pages[k].body, got[k].body) for k in pages) / len(pages)


def in_text(pages: dict[str, Page], texts: dict[str, str]) -> float | str:
    """Share of the pages with a gold title that print it as a line of their text: the most a
    reader that picks a line can get."""
    titled = [k for k in pages if pages[k].title]
    found = sum(norm(pages[k].title) in {norm(line) for line in texts[k].splitlines()} for k in titled)
    return found / len(titled) if titled else "–"


def score_set(set_name: str, converters: list[str], show_pages: bool) -> None:
    pages = LOADERS[set_name]()
    html = {k: read(k, lambda p=p, k=k: read_html(p.html, p.url or k, p.url)) for k, p in pages.items()}
    html_head, html_body = means(pages, html)
    rows, goals, outputs = [], [], {}
    for name in converters:
        texts = {k: cached_text(name, set_name, k) for k in pages}
        got = outputs[name] = {k: text_path(texts[k], k, p.url) for k, p in pages.items()}
        head, body = means(pages, got)
        unconverted = sum(cached(name, set_name, k, ".failed").exists() for k in pages)
        refused = str(sum(1 for r in got.values() if r.refused)) + f" ({unconverted} unconverted)" * bool(unconverted)
        as_is = sum(bag_f1(p.body, texts[k]) for k, p in pages.items()) / len(pages)
        rows += [[set_name, name, len(pages), head, body, refused, html_head, html_body],
                 [set_name, f"{name}: text as is", len(pages), in_text(pages, texts), as_is, "–", "–", "–"]]
        goals.append(f"{name} {'met' if body >= GOAL and (head == '–' or head >= GOAL) else 'not met'}")
    print(f"### {LABELS[set_name]}: {len(pages)} pages\n")
    print(table(["set", "converter", "pages", "headline", "body F1", "refused", "HTML headline", "HTML body"], rows))
    print(f"\nGoal (headline >= {GOAL:.2f} where scored, body >= {GOAL:.2f}): {', '.join(goals)}\n")
    for name, got in outputs.items() if show_pages else ():
        list_pages(f"{set_name}, {name}", pages, got, html)


def gave(r: Result, text: str) -> str:
    return f"(refused: {r.refused})" if r.refused else short(text, HINT)


def list_pages(label: str, pages: dict[str, Page], got: dict[str, Result], html: dict[str, Result]) -> None:
    f1 = {k: bag_f1(p.body, got[k].body) for k, p in pages.items()}
    worst = sorted(pages, key=f1.get)[:WORST]
    print(f"#### {label}: the {len(worst)} pages of lowest body F1\n")
    print(table(["page", "F1", "HTML F1", "words got/gold", "newsdesk gave", "gold"],
                [[k[:40], f1[k], bag_f1(pages[k].body, html[k].body),
                  f"{sum(words(got[k].body).values())}/{sum(words(pages[k].body).values())}",
                  gave(got[k], got[k].body), short(pages[k].body, HINT)] for k in worst]))
    misses = [k for k, p in pages.items() if p.title and norm(got[k].headline) != norm(p.title)]
    print(f"\n#### {label}: {len(misses)} headline miss(es)\n")
    if misses:
        print(table(["page", "newsdesk gave", "gold", "HTML path gave"],
                    [[k[:40], gave(got[k], got[k].headline), short(pages[k].title, HINT),
                      gave(html[k], html[k].headline)] for k in misses]))
    print()


def main(argv: list[str]) -> None:
    converters = list(CONVERTERS)
    if "--converter" in argv:
        i = argv.index("--converter")
        converters, argv = argv[i + 1: i + 2], argv[:i] + argv[i + 2:]
    chosen = [a for a in argv if not a.startswith("--") and a != "build"] or list(SETS)
    unknown = [a for a in chosen if a not in SETS] + [c for c in converters if c not in CONVERTERS]
    if unknown or not converters:
        sys.exit(f"unknown: {', '.join(unknown) or '--converter needs a name'}; sets: {', '.join(SETS)}; "
                 f"converters: {', '.join(CONVERTERS)}")
    sets = [s for s in SETS if s in chosen]
    if "build" in argv:
        return build(sets, converters)
    print(f"Machine: {machine()}\n")
    start = time.perf_counter()
    for set_name in sets:
        score_set(set_name, converters, "--pages" in argv)
    print(f"Scored in {time.perf_counter() - start:.0f} s (newsdesk's text path on every converter, HTML path once)")


if __name__ == "__main__":
    main(sys.argv[1:])
