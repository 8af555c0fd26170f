"""Hostile input: every reader fuzzed, and a corpus of nasty files ingested next to a good one.

Each bad input gives one line naming it and the reason; nothing hangs; good documents of the same
run are stored; nothing stored before is touched.
"""

import gzip
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.errors import BadInput, NewsdeskError
from newsdesk.extract import extract
from newsdesk.model import RawDocument
from newsdesk.sources.feeds import read_feed
from newsdesk.sources.jsonl import read_jsonl
from newsdesk.sources.sitemaps import read_sitemap

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def only_newsdesk_errors(call):
    try:
        call()
    except NewsdeskError as exc:
        assert "\n" not in str(exc)


@FUZZ
@given(st.binary(max_size=4000))
def test_any_bytes_as_a_document(data):
    only_newsdesk_errors(lambda: extract(RawDocument(origin="fuzz", data=data)))


@FUZZ
@given(st.lists(st.text(max_size=200), max_size=30))
def test_any_lines_as_page_text(lines):
    only_newsdesk_errors(lambda: extract(RawDocument(origin="fuzz", data="\n".join(lines).encode("utf-8", "replace"))))


@FUZZ
@given(st.text(max_size=2000))
def test_any_text_inside_html(text):
    page = f"<html><head><title>{text[:50]}</title></head><body><h1>{text[:80]}</h1><p>{text}</p></body></html>"
    only_newsdesk_errors(lambda: extract(RawDocument(origin="fuzz", data=page.encode("utf-8", "replace"))))


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_as_feed_or_sitemap(data):
    only_newsdesk_errors(lambda: read_feed(b"<?xml version='1.0'?>" + data, "fuzz"))
    only_newsdesk_errors(lambda: read_sitemap(b"<?xml version='1.0'?>" + data, "fuzz"))


@FUZZ
@given(st.lists(st.one_of(st.binary(max_size=200), st.builds(json.dumps, st.dictionaries(
    st.sampled_from(["url", "html", "text", "x"]), st.one_of(st.text(max_size=50), st.integers(), st.none())))
    .map(str.encode)), max_size=20))
def test_any_jsonl(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("jsonl") / "fuzz.jsonl"
    path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines))
    for item in read_jsonl(path):
        if isinstance(item, BadInput):
            assert str(item).startswith(str(path))


def hostile_corpus(folder):
    """Files that are hostile in the ways the web is, with the reason newsdesk should give."""
    bomb_feed = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
                 b'<rss><channel><title>&b;</title></channel></rss>')
    files = {
        "empty.txt": (b"", "empty document"),
        "binary.html": (bytes(range(256)) * 64, "binary data"),
        "nul.txt": (b"date 2024-01-01 WORLD\nHeadline\x00here\nBody\x00text", "binary data"),
        "deep.html": (b"<html><body>" + b"<div>" * 100_000 + b"</div>" * 100_000 + b"</body></html>",
                      "no article text"),
        "bomb.xml": (bomb_feed, "XML declaring entities is refused"),
        "xxe.xml": (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    b'<urlset><url><loc>&x;</loc></url></urlset>', "XML declaring entities is refused"),
        "garbage.jsonl": (b"{not json\n[1,2]\n", "not a JSON object"),
        "truncated.warc.gz": (gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nabc")[:-8],
                              "archive"),
        "bomb.txt.gz": (gzip.compress(b"\0" * (60 * 1024 * 1024)), "decompresses to over"),
        "mixed.txt": ("date 2024-01-01 WORLD\nCafé headline\nA body line about the café.".encode("utf-8")
                      + " and more caf\xe9 text.".encode("cp1252"), None),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    big = folder / "huge.html"
    with big.open("wb") as out:
        out.truncate(51 * 1024 * 1024)
    files["huge.html"] = (None, "over the")
    return {name: reason for name, (_, reason) in files.items()}


def test_hostile_corpus_next_to_a_good_page(tmp_path, db_path, seed_text):
    folder = tmp_path / "corpus"
    folder.mkdir()
    reasons = hostile_corpus(folder)
    (folder / "good.txt").write_text(seed_text)
    runner = CliRunner()
    before = runner.invoke(app, ["ingest", str(folder / "good.txt")])
    assert before.exit_code == 0
    result = runner.invoke(app, ["ingest", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0
    errors = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    for name, reason in reasons.items():
        if reason is None:
            continue
        lines = [e for e in errors if f"/{name}" in e]
        assert lines, f"no error line for {name}"
        assert any(reason in line for line in lines), (name, lines)
        assert all(line.startswith("newsdesk: ") for line in lines)
    listed = json.loads(runner.invoke(app, ["articles", "--json"]).stdout)
    assert any(a["origin"].endswith("good.txt") for a in listed)
    assert any(a["origin"].endswith("mixed.txt") for a in listed)  # mixed encodings still read


@FUZZ
@given(st.binary(max_size=3000), st.booleans())
def test_any_bytes_as_a_warc(tmp_path_factory, data, gz):
    from newsdesk.sources.warc import read_warc

    path = tmp_path_factory.mktemp("warc") / ("fuzz.warc.gz" if gz else "fuzz.warc")
    path.write_bytes(gzip.compress(data) if gz else data)
    for item in read_warc(path):
        assert isinstance(item, (BadInput, RawDocument))
        if isinstance(item, BadInput):
            assert str(item).startswith(str(path)) and "\n" not in str(item)


def test_script_and_javascript_urls_never_reach_a_page(db_path, tmp_path):
    from fastapi.testclient import TestClient

    from newsdesk.serve.app import create_app
    from newsdesk.store import open_store

    page = b"""<html><head><title>t</title></head><body><h1 onclick="alert(1)">Council <script>alert(2)</script>votes</h1>
    <p>The council voted on Tuesday to approve the new bridge after a long debate about its cost and its design.</p>
    <p onmouseover="alert(3)">Work on the bridge will start in June, the mayor said, and should take two years.</p>
    <aside class="related-stories"><a href="javascript:alert(4)">Read this other story about the bridge</a>
    <a href="https://example.org/ok">A safe story about the same bridge</a></aside></body></html>"""
    raw = RawDocument(origin="hostile.html", data=page)
    with open_store(str(db_path)) as store:
        article = extract(raw)
        store.add(raw, article)
        html = TestClient(create_app(store)).get(f"/articles/{article.id}").text
    lowered = html.lower()
    assert "javascript:" not in lowered and "<script>alert" not in lowered
    assert "onclick" not in lowered and "onmouseover" not in lowered
    assert '<a href="https://example.org/ok"' in html
