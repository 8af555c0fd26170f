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
