"""WET reading speed and memory as the file grows: records per second on one core, peak RSS.

    .venv/bin/python bench/wet_speed.py [sizes...]     (default: 1000 5000 20000)

Writes Common Crawl-like WET files (.warc.wet.gz: a warcinfo record, then one conversion record a
page) of growing size: a quarter page texts of real news pages (the 181 benchmark pages, their
HTML reduced to visible text one block a line as Common Crawl's WET text is, and the seed page in
dated variants), three quarters pages that are not news (menus, shops, cookie walls, empty and
one-line pages). Then, in a fresh child process per size and mode, times `read_wet` alone and
`read_wet` + `extract` on every record, and reports the child's peak RSS: flat memory as the
file grows means it is streamed, never held whole.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ROOT, ground_truth, machine, page_html, table  # noqa: E402

CHILD = """
import json, resource, sys, time
from pathlib import Path
from newsdesk.errors import BadInput
from newsdesk.extract import extract
from newsdesk.sources.wet import read_wet

path, mode = Path(sys.argv[1]), sys.argv[2]
records = stored = 0
start = time.perf_counter()
for doc in read_wet(path):
    records += 1
    if mode == "extract" and not isinstance(doc, BadInput):
        try:
            extract(doc)
            stored += 1
        except BadInput:
            pass
seconds = time.perf_counter() - start
print(json.dumps({"records": records, "stored": stored, "seconds": seconds,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "section", "article", "header",
          "footer", "nav", "figcaption", "blockquote", "title", "td", "th", "dd", "dt", "aside", "main"}


def page_text(html: bytes) -> str:
    """A page's visible text one block a line, as Common Crawl's WET text holds it."""
    import lxml.html

    root = lxml.html.fromstring(html)
    for bad in root.xpath("//script|//style|//noscript|//template|//svg"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def news_texts() -> list[str]:
    texts = [page_text(page_html(key)) for key in sorted(ground_truth())]
    seed = (ROOT / "tests" / "data" / "seed.txt").read_text(encoding="utf-8")
    texts += [seed.replace("2025-05-15", f"2025-05-{day:02d}") for day in range(1, 29)]
    return [t for t in texts if t.strip()]


def other_texts(rng: random.Random, count: int) -> list[str]:
    """Pages that are not news, each a little different."""
    words = "home news world business sport culture weather contact about privacy terms login subscribe".split()
    goods = ["kettle", "lamp", "chair", "jacket", "phone case", "backpack", "rug", "mug"]
    made = []
    for i in range(count):
        kind = i % 6
        if kind == 0:  # a site's menu and footer
            made.append("\n".join(rng.sample(words, 10) + [f"© {rng.randint(2000, 2025)} Example {i}"]))
        elif kind == 1:  # a shop's product page
            item = rng.choice(goods)
            made.append(f"Skip to content\nCart (0)\nHome / {item.title()}s\n{item.title()} model {i}\n"
                        f"€{rng.randint(5, 300)}.99\nIn stock\nAdd to cart\nA {item} that does what a {item} does, "
                        f"in {rng.choice(['blue', 'grey', 'oak'])}.\nFree delivery over €50.\n"
                        f"Reviews ({rng.randint(0, 90)})")
        elif kind == 2:  # a cookie wall
            made.append("We value your privacy\nWe and our partners use cookies to store and access information "
                        "on a device.\nAccept all\nReject all\nManage preferences")
        elif kind == 3:  # nothing but white space
            made.append("")
        elif kind == 4:  # a forum thread list
            made.append("\n".join(f"Re: question {rng.randint(1, 999)} about {rng.choice(goods)} — "
                                  f"{rng.randint(1, 40)} replies" for _ in range(rng.randint(5, 30))))
        else:  # one long line
            made.append(" ".join(rng.choice(words) for _ in range(rng.randint(200, 4000))))
    return made


def write_wet(path: Path, records: int, news: list[str], others: list[str]) -> None:
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "bench/wet_speed.py"}))
        for i in range(records):
            text = news[i // 4 % len(news)] if i % 4 == 0 else others[i % len(others)]
            writer.write_record(writer.create_warc_record(
                f"https://site{i % 997}.example/{i}", "conversion", payload=io.BytesIO(text.encode("utf-8")),
                warc_content_type="text/plain", warc_headers_dict={"WARC-Identified-Content-Language": "eng"}))


def run(path: Path, mode: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), mode], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 5000, 20000]
    print(f"Machine: {machine()}\n")
    news = news_texts()
    others = other_texts(random.Random(17), 600)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"CC-MAIN-bench-{size}.warc.wet.gz"
            write_wet(path, size, news, others)
            read, both = run(path, "read"), run(path, "extract")
            rows.append([size, f"{path.stat().st_size / 1e6:.1f}", f"{size / read['seconds']:,.0f}",
                         f"{read['peak_mb']:.0f}", f"{size / both['seconds']:,.0f}", f"{both['peak_mb']:.0f}",
                         both["stored"], size - both["stored"]])
    print(table(["records", "WET.gz MB", "read_wet records/s", "peak RSS MB", "read + extract records/s",
                 "peak RSS MB", "read into articles", "skipped"], rows))
    print(f"\n(one core; {len(news)} news texts, each a quarter of the records in turn, the rest not news)")


if __name__ == "__main__":
    main()
