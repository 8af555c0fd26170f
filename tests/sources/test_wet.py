"""WET archives (Common Crawl's page text) written by the test itself with warcio: read, ingested
into a real SQLite file through the CLI, and the records that are not news counted by reason."""

import io
import json
import re

import pytest
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from helpers import DATA
from newsdesk.cli import app
from newsdesk.errors import BadInput, NotANewsPage
from newsdesk.extract import extract
from newsdesk.model import RawDocument
from newsdesk.pipeline import Failure, sort_failures
from newsdesk.sources import SourceReader, archive_of, holds_many
from newsdesk.sources.files import expand_paths
from newsdesk.sources.warc import is_warc
from newsdesk.sources.wet import is_wet, read_wet

runner = CliRunner()

SEED = (DATA / "seed.txt").read_bytes()
SEED_URL = "https://news.example.org/2025/05/15/putin-gathers-top-officials"
LATER = SEED.replace(b"date 2025-05-15", b"date 2025-05-20")
LATER_URL = "https://news.example.org/2025/05/20/putin-gathers-top-officials"
SHOP = """Skip to content
Menu
Search
Cart (0)
Home / Kitchen / Kettles
Steel kettle 1.7 L
€39.90
In stock
Quantity
Add to cart
A brushed-steel kettle that boils 1.7 litres in under four minutes, with a limescale filter and a base that turns.
Free delivery on orders over €50. Returns within 30 days.
Product details
Capacity: 1.7 L
Power: 2200 W
Reviews (14)
Customers also bought
""".encode()
MENU = """Home
News
World
Business
Sport
Culture
Weather
Contact us
About us
Privacy policy
Terms of use
Cookie settings
Subscribe
Log in
© 2025 Example Media
""".encode()
JUNK = bytes(range(256)) * 16
ENDLESS = b"word " * 40_000  # one line of 200 kB

#: (URL, page text) of each conversion record, in the order written.
PAGES = [
    (SEED_URL, SEED),
    ("https://shop.example.com/kitchen/steel-kettle", SHOP),
    ("https://www.example.net/", MENU),
    ("https://empty.example.org/", b""),
    ("https://files.example.org/junk", JUNK),
    ("https://blog.example.org/one-line", ENDLESS),
    (LATER_URL, LATER),
]


def write_wet(path, pages=PAGES, gz=True):
    """A WET file as Common Crawl writes them: a warcinfo record, then a conversion record a page
    (with a metadata record in between, which a WET reader passes over)."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test", "format": "WET"}))
        for i, (url, text) in enumerate(pages):
            writer.write_record(writer.create_warc_record(
                url, "conversion", payload=io.BytesIO(text), warc_content_type="text/plain",
                warc_headers_dict={"WARC-Identified-Content-Language": "eng"}))
            if i == 0:
                writer.write_record(writer.create_warc_record(
                    url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 12\r\n"),
                    warc_content_type="application/warc-fields"))


def cli(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


def offsets(path) -> list[tuple[int, int, str]]:
    """(offset, length, type) of each record of a whole archive."""
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        found = []
        for record in records:
            record.content_stream().read()
            found.append((records.get_record_offset(), records.get_record_length(), record.rec_type))
    return found


def test_wet_files_are_known_by_name_and_warc_does_not_claim_them(tmp_path):
    for name in ("CC-MAIN-20250515-00000.warc.wet.gz", "pages.wet", "PAGES.WET.GZ"):
        assert is_wet(tmp_path / name) and not is_warc(tmp_path / name) and holds_many(str(tmp_path / name))
    assert not is_wet(tmp_path / "news.warc.gz") and not is_wet(tmp_path / "wet.txt")
    for name in ("a.warc.wet.gz", "b.wet", "c.warc.gz"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.warc.wet.gz", "b.wet", "c.warc.gz"]


def test_conversion_records_become_text_documents_under_their_page_url(tmp_path):
    for gz in (True, False):
        path = tmp_path / ("pages.warc.wet.gz" if gz else "pages.wet")
        write_wet(path, gz=gz)
        docs = list(SourceReader().read([str(path)]))  # dispatched to the WET reader, not the WARC one
        assert [d.url for d in docs] == [url for url, _ in PAGES]
        assert [d.data for d in docs] == [text for _, text in PAGES]
        assert {d.media_type for d in docs} == {"text/plain"}
        conversions = [offset for offset, _, kind in offsets(path) if kind == "conversion"]
        assert [d.origin for d in docs] == [f"{path.resolve()}#{offset}" for offset in conversions]
        assert {archive_of(d.origin) for d in docs} == {str(path.resolve())}


def test_ingest_a_wet_file_stores_the_news_and_counts_what_it_skipped(db_path, tmp_path, gold):
    path = tmp_path / "CC-MAIN-20250515-00000.warc.wet.gz"
    write_wet(path)
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("ingest", str(path), str(tmp_path / "empty.txt"))
    assert result.exit_code == 0, result.output
    listed = json.loads(cli("articles", "--json").stdout)
    assert {SEED_URL, LATER_URL} <= {a["url"] for a in listed}
    seed = json.loads(cli("show", next(a["id"] for a in listed if a["url"] == SEED_URL), "--json").stdout)
    assert seed["headline"] == gold["article"]["headline"] and seed["published"] == "2025-05-15"
    assert seed["origin"].startswith(f"{path.resolve()}#")

    # the file named alone keeps its own line; the archive's records are one line, counted by reason
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"newsdesk: {(tmp_path / 'empty.txt').resolve()}: empty document"
    assert len(lines) == 2 and lines[1].startswith(f"newsdesk: {path.resolve()}: ")
    skipped = len(PAGES) - len(listed)
    assert f": {skipped} records skipped: " in lines[1]
    counts = {reason: int(n) for n, reason in re.findall(r"(\d+) (not a news page|empty document)", lines[1])}
    assert counts == {"not a news page": skipped - 1, "empty document": 1}
    assert "binary data (NUL bytes), not text: 1" in lines[1]
    assert f"{len(listed)} ingested ({len(listed)} new, 0 updated, 0 unchanged), {skipped + 1} failed" in result.stdout

    again = cli("ingest", str(path), "--json")
    summary = json.loads(again.stdout)
    assert (summary["new"], summary["updated"], summary["unchanged"]) == (0, 0, len(listed))
    assert summary["failed"] == skipped and len(summary["failures"]) == skipped  # --json still lists each
    assert again.stderr.strip().splitlines() == [lines[1]]
    assert len(json.loads(cli("articles", "--json").stdout)) == len(listed)


def test_a_truncated_wet_file_keeps_the_whole_records_before_the_cut_and_names_it(db_path, tmp_path):
    whole = tmp_path / "whole.warc.wet.gz"
    write_wet(whole, [PAGES[0], PAGES[3], PAGES[6]])
    offset, length, _ = offsets(whole)[-1]  # the second news page
    cut = tmp_path / "cut.warc.wet.gz"
    cut.write_bytes(whole.read_bytes()[: offset + length // 2])
    result = cli("ingest", str(cut))
    assert result.exit_code == 0, result.output
    assert [a["url"] for a in json.loads(cli("articles", "--json").stdout)] == [SEED_URL]
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"newsdesk: {cut.resolve()}: archive ") and "truncated" in lines[0]
    assert lines[1] == f"newsdesk: {cut.resolve()}: 1 record skipped: 1 empty document"


def test_a_cut_record_is_never_read_and_the_cut_is_named(tmp_path):
    """Cut the file at every size: what comes out is whole page texts (never the first part of a
    page, which, being text, would read as a shorter page) and one error naming the file, unless
    the cut falls between two records (or, uncompressed, in the blank lines closing the last)."""
    pages = [PAGES[0], PAGES[2], PAGES[6]]
    for gz in (True, False):
        whole = tmp_path / ("whole.wet.gz" if gz else "whole.wet")
        write_wet(whole, pages, gz)
        data = whole.read_bytes()
        ends = {offset + length for offset, length, _ in offsets(whole)}
        cut = tmp_path / ("cut.wet.gz" if gz else "cut.wet")
        for size in range(len(data) - 1, 10, -1 if gz else -7):
            cut.write_bytes(data[:size])
            items = list(read_wet(cut))
            docs = [i for i in items if not isinstance(i, BadInput)]
            errors = [str(i) for i in items if isinstance(i, BadInput)]
            assert [d.data for d in docs] == [text for _, text in pages[: len(docs)]], size
            between = size in ends or (not gz and any(0 < size - end <= 4 for end in ends))
            assert len(errors) == (0 if between else 1), (size, errors)
            assert all(e.startswith(f"{cut.resolve()}: archive ") and "truncated" in e for e in errors), size


def test_a_cut_right_after_content_length_is_named_in_wet_and_warc(tmp_path):
    """Headers cut after "Content-Length: " leave it empty, which warcio reads as a record of 0 bytes."""
    from test_archives import write_warc

    from newsdesk.sources.warc import read_warc

    for name, write, read in (("cut.wet", lambda p: write_wet(p, PAGES[:2], gz=False), read_wet),
                              ("cut.warc", lambda p: write_warc(p, gz=False), read_warc)):
        path = tmp_path / name
        write(path)
        data = path.read_bytes()
        path.write_bytes(data[: data.rindex(b"Content-Length: ") + len(b"Content-Length: ")])
        items = list(read(path))
        assert isinstance(items[-1], BadInput) and "truncated inside the record at" in str(items[-1]), name
        assert all(d.data for d in items[:-1]), name


def test_a_wet_file_gzipped_whole_is_named_in_one_line(tmp_path):
    """Records must be gzipped one by one (Common Crawl's are); `gzip pages.wet` makes one member."""
    import gzip

    plain = tmp_path / "pages.wet"
    write_wet(plain, PAGES[:2], gz=False)
    whole = tmp_path / "pages.wet.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    (error,) = [i for i in read_wet(whole) if isinstance(i, BadInput)]
    assert str(error).startswith(f"{whole.resolve()}: archive broken") and "\n" not in str(error)
    assert "warcio recompress" in str(error)


def test_a_huge_record_is_skipped_without_being_held(tmp_path, monkeypatch):
    import tracemalloc

    from newsdesk.sources import wet

    monkeypatch.setattr(wet, "MAX_TEXT_BYTES", 10_000)
    path = tmp_path / "big.wet"
    write_wet(path, [("https://example.org/huge", b"word " * 4_000_000), PAGES[0]], gz=False)
    tracemalloc.start()
    items = list(read_wet(path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(items[0], BadInput) and items[0].detail == "record over 10000 bytes skipped"
    assert archive_of(items[0].origin) == str(path.resolve())
    assert [i.url for i in items[1:]] == [SEED_URL]
    assert peak < 5_000_000  # the 20 MB record was read in pieces


def test_the_skip_report_counts_by_reason_then_detail():
    wet = "/data/CC-MAIN-1.warc.wet.gz"
    failures = ([Failure(f"{wet}#{i}", "no headline found", "not a news page") for i in range(300)]
                + [Failure(f"{wet}#{i}", "no article body under the headline", "not a news page")
                   for i in range(300, 430)]
                + [Failure(f"{wet}#{i}", "empty document", "empty document") for i in range(430, 488)]
                + [Failure(wet, "archive truncated: 12 bytes after the last whole record at 99", "cannot be read"),
                   Failure("/data/page.txt", "empty document", "empty document"),
                   Failure("/data/pages.jsonl:3", "not a JSON object", "bad input"),
                   Failure("https://example.org/a.warc#12", "no headline found in the HTML", "not a news page"),
                   Failure(f"{wet}#999", "the store is locked")])  # not bad input: never folded into a count
    alone, skipped = sort_failures(failures)
    assert [f.origin for f in alone] == [wet, "/data/page.txt", "/data/pages.jsonl:3",
                                         "https://example.org/a.warc#12", f"{wet}#999"]
    assert [s.archive for s in skipped] == [wet]
    assert skipped[0].describe() == ("488 records skipped: 430 not a news page (no headline found: 300, "
                                     "no article body under the headline: 130), 58 empty document")
    many = sort_failures([Failure(f"{wet}#{i}", f"unexpected error {i % 7}", "bad input") for i in range(70)])[1]
    assert many[0].describe().endswith(", other: 20)")


def test_page_text_that_starts_like_html_is_still_read_as_text(tmp_path, gold):
    path = tmp_path / "html-like.wet"
    write_wet(path, [(SEED_URL, b"<html> and <body>: the two tags every page starts with\n" + SEED)], gz=False)
    (doc,) = read_wet(path)
    assert doc.media_type == "text/plain"
    assert extract(doc).headline == gold["article"]["headline"]


def test_a_menu_is_not_news():
    with pytest.raises(NotANewsPage):
        extract(RawDocument(origin="/x.warc.wet.gz#1", url="https://example.org/", data=MENU, media_type="text/plain"))


def test_a_shop_page_is_not_news():
    with pytest.raises(NotANewsPage):
        extract(RawDocument(origin="/x.warc.wet.gz#1", url="https://example.org/", data=SHOP, media_type="text/plain"))
