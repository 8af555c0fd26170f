"""WARC archives written by the test itself, and JSON Lines."""

import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdesk.errors import BadInput
from newsdesk.sources.jsonl import read_jsonl
from newsdesk.sources.warc import read_warc

PAGE = b"<html><body><h1>Title of the page</h1><p>" + b"Words of the article. " * 40 + b"</p></body></html>"


def write_warc(path, gz=True):
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)

        def response(url, status, content_type, body):
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))

        writer.write_record(writer.create_warc_record("https://example.org/a", "request",
                                                      payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        response("https://example.org/a", "200 OK", "text/html; charset=utf-8", PAGE)
        response("https://example.org/missing", "404 Not Found", "text/html", b"<html>gone</html>")
        response("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG....")
        response("https://example.org/b", "200 OK", "text/html", PAGE.replace(b"Title", b"Other"))


def test_html_responses_are_read_from_a_warc(tmp_path):
    for gz in (True, False):
        path = tmp_path / ("news.warc.gz" if gz else "news.warc")
        write_warc(path, gz)
        docs = list(read_warc(path))
        assert [d.url for d in docs] == ["https://example.org/a", "https://example.org/b"]
        assert docs[0].data == PAGE
        assert docs[0].origin.startswith(str(path)) and "#" in docs[0].origin


def test_a_truncated_warc_keeps_what_came_before_and_names_the_archive(tmp_path):
    path = tmp_path / "news.warc.gz"
    write_warc(path)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    items = list(read_warc(cut))
    docs = [i for i in items if not isinstance(i, BadInput)]
    errors = [i for i in items if isinstance(i, BadInput)]
    assert [d.url for d in docs] == ["https://example.org/a"]
    assert len(errors) == 1 and str(errors[0]).startswith(str(cut)) and "truncated" in str(errors[0])


def test_jsonl_lines_and_their_errors(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"url": "https://example.org/a", "html": PAGE.decode()}),
        json.dumps({"url": "https://example.org/t", "text": "date 2024-01-02 WORLD\nA headline\nA body line."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://example.org/empty"}),
        "",
    ]
    path.write_text("\n".join(lines))
    items = list(read_jsonl(path))
    docs = [i for i in items if not isinstance(i, BadInput)]
    errors = [str(i) for i in items if isinstance(i, BadInput)]
    assert [(d.url, d.media_type) for d in docs] == [("https://example.org/a", "text/html"),
                                                     ("https://example.org/t", "text/plain")]
    assert [e.split(": ", 1)[0].rsplit(":", 1)[1] for e in errors] == ["3", "4", "5"]
    assert "not a JSON object" in errors[0] and '"html" or "text"' in errors[2]


def test_a_cut_record_is_never_stored_and_the_cut_is_named(tmp_path):
    """Cut the archive at every few bytes: what comes out is whole pages or an error naming the
    archive, never part of a page."""
    for gz in (True, False):
        whole = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
        write_warc(whole, gz)
        data = whole.read_bytes()
        cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
        page_b = data.index(b"Other") if not gz else None
        for size in range(len(data) - 1, 10, -23):
            cut.write_bytes(data[:size])
            items = list(read_warc(cut))
            docs = [i for i in items if not isinstance(i, BadInput)]
            errors = [str(i) for i in items if isinstance(i, BadInput)]
            assert all(d.data in (PAGE, PAGE.replace(b"Title", b"Other")) for d in docs), size
            assert all(e.startswith(str(cut)) for e in errors)
            if page_b and page_b < size < page_b + 200:  # inside the second page's body
                assert [d.url for d in docs] == ["https://example.org/a"]
                assert len(errors) == 1 and "truncated inside the record at" in errors[0]
                assert "https://example.org/b" in errors[0]


def test_huge_lines_and_records_are_never_held_whole(tmp_path, monkeypatch):
    import tracemalloc

    from newsdesk.sources import jsonl, warc

    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 10_000)
    monkeypatch.setattr(warc, "MAX_RECORD_BYTES", 10_000)
    path = tmp_path / "big.jsonl"
    with path.open("w") as out:
        out.write(json.dumps({"url": "https://example.org/huge", "text": "word " * 4_000_000}) + "\n")
        out.write(json.dumps({"url": "https://example.org/t", "text": "date 2024-01-02 WORLD\nA headline\nBody."}))
    archive = tmp_path / "big.warc"
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/huge", "response",
                                                      payload=io.BytesIO(b"<p>" + b"x" * 20_000_000),
                                                      http_headers=headers))
    tracemalloc.start()
    items = list(read_jsonl(path)) + list(read_warc(archive))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    errors = [str(i) for i in items if isinstance(i, BadInput)]
    assert errors[0].endswith("big.jsonl:1: line over 10000 bytes")
    assert "record over 10000 bytes skipped" in errors[1]
    assert [i.url for i in items if not isinstance(i, BadInput)] == ["https://example.org/t"]
    assert peak < 5_000_000  # the 20 MB line and record were read in pieces
