"""`newsdesk ingest` and `watch` over feeds, sitemaps, URLs, WARC and JSONL."""

import json

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    monkeypatch.setenv("NEWSDESK_FETCH_DELAY", "0")


def cli(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_ingest_a_feed_stores_its_articles_with_their_origin(db_path, server):
    result = cli("ingest", "--allow-private", f"{server}/feed.xml", "--json")
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["failed"]) == (2, 1)
    assert "disallowed by robots.txt" in result.stderr
    listed = json.loads(cli("articles", "--json").stdout)
    shown = [json.loads(cli("show", a["id"], "--json").stdout) for a in listed]
    assert {s["origin"] for s in shown} == {f"{server}/articles/a.html", f"{server}/articles/b.html"}
    wire = next(s for s in shown if s["url"].endswith("/articles/a.html"))  # its canonical names another host
    assert wire["standfirst"].startswith("Shipping lines divert") and wire["source"] == "Reuters"
    assert wire["image"]["credit"] == "Port Authority"
    assert [h["text"] for h in wire["body"] if h["type"] == "heading"] == ["Exporters count the cost",
                                                                           "What happens next"]
    assert any(e["name"] == "Maria Lopez" for e in wire["entities"])


def test_sitemap_index_to_stored_articles(db_path, server):
    summary = json.loads(cli("ingest", "--allow-private", f"{server}/sitemap.xml", "--json").stdout)
    assert summary["new"] == 2 and summary["failed"] == 0
    hits = json.loads(cli("search", "Medinsky", "--json").stdout)
    assert len(hits) == 1


def test_a_304_costs_no_work_on_the_next_run(db_path, server, hits):
    first = json.loads(cli("ingest", "--allow-private", f"{server}/etag.html", "--json").stdout)
    second = json.loads(cli("ingest", "--allow-private", f"{server}/etag.html", "--json").stdout)
    assert first["new"] == 1
    assert (second["new"], second["unchanged"], second["not_modified"]) == (0, 0, 1)
    assert hits["/etag.html"] == 2


def test_watch_polls_and_ingests_what_is_new(db_path, server, hits):
    result = cli("watch", "--allow-private", f"{server}/atom.xml", "--every", "0s", "--times", "2")
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("1 ingested (1 new")
    assert lines[1].startswith("1 ingested (0 new, 0 updated, 1 unchanged")
    assert hits["/atom.xml"] == 2


def test_ingest_warc_and_jsonl_files(db_path, tmp_path):
    from test_archives import write_warc

    write_warc(tmp_path / "news.warc.gz")
    (tmp_path / "docs.jsonl").write_text(
        json.dumps({"url": "https://example.org/t",
                    "text": "date 2024-01-02 WORLD\nA headline for the test\nA body line that says enough to make a short news item.\n"})
        + "\n{broken\n")
    result = cli("ingest", str(tmp_path), "--json")
    summary = json.loads(result.stdout)
    assert summary["new"] == 3 and summary["failed"] == 1
    assert "docs.jsonl:2: not a JSON object" in result.stderr
    urls = {a["url"] for a in json.loads(cli("articles", "--json").stdout)}
    assert urls == {"https://example.org/a", "https://example.org/b", "https://example.org/t"}


def test_extract_a_url(server):
    record = json.loads(cli("extract", "--allow-private", f"{server}/articles/b.html", "--json").stdout)
    assert record["headline"] == "Café owners protest new opening hours"
    assert record["origin"] == f"{server}/articles/b.html"
    assert record["quotes"][0]["speaker"] == "Renée Dubois"
