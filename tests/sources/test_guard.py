"""What the fetcher may reach, and how long it may take: the attack's findings, each reproduced."""

import json
import socket
import time

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.errors import BadInput, Unreadable
from newsdesk.sources import SourceReader, guard
from newsdesk.sources.fetch import FetchConfig, Fetcher

MALFORMED = ["http://0177.0.0.1:8902/x", "http://[::1/", "http://1.2.3.256/", "http://xn--/", "http://example.com:99999/",
             "http:///x"]


def fetcher(**config) -> Fetcher:
    return Fetcher(FetchConfig(**{"delay": 0.0, "retries": 0, **config}), sleep=lambda s: None)


@pytest.mark.parametrize("url", MALFORMED)
def test_a_malformed_url_is_bad_input_naming_it(url):
    with pytest.raises(BadInput, match="not a valid URL") as caught:
        fetcher().get(url)
    assert caught.value.origin == url


@pytest.mark.parametrize("address", ["100.64.0.1", "2002:7f00:1::", "fec0::1", "64:ff9b::7f00:1", "::ffff:127.0.0.1",
                                     "10.1.2.3", "169.254.169.254", "::1", "0.0.0.0", "224.0.0.1", "198.18.0.1",
                                     "2001:db8::1"])
def test_only_globally_routable_addresses_are_public(address):
    assert not guard.is_public(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700::1", "2002:5db8:d822::"])
def test_public_addresses(address):
    assert guard.is_public(address)


@pytest.mark.parametrize("url", ["http://localhost/", "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data/",
                                 "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
                                 "http://192.168.0.10:8080/", "http://100.64.0.1/", "http://[2002:7f00:1::]/"])
def test_private_and_local_addresses_are_refused(url):
    with pytest.raises(BadInput, match="private or local address"):
        guard.check_public(url)


def test_local_addresses_are_refused_by_default(server):
    with pytest.raises(BadInput, match=r"private or local address \(127.0.0.1\)"):
        Fetcher(FetchConfig(delay=0)).get(f"{server}/articles/a.html")


def test_a_redirect_to_a_private_address_is_refused(server, monkeypatch):
    monkeypatch.setattr(guard, "is_public", lambda address: address == "127.0.0.1")  # the server stands for the web
    with pytest.raises(BadInput, match=r"private or local address \(127.0.0.2\)") as caught:
        fetcher().get(f"{server}/to-private")
    assert caught.value.origin == f"{server}/to-private"


def test_the_connection_goes_to_the_address_that_was_checked(server, monkeypatch):
    """A name is looked up once, by the guard, and the socket opens to what it saw: a rebinding
    DNS server gets no second question."""
    port = int(server.rsplit(":", 1)[1])
    answers = []
    real = socket.getaddrinfo

    def rebinding(host, *args, **kwargs):
        if host != "news.test":
            return real(host, *args, **kwargs)
        answers.append(host)
        return real("127.0.0.1", *args, **kwargs)

    monkeypatch.setattr(guard.socket, "getaddrinfo", rebinding)
    result = fetcher(public_only=False, obey_robots=False).get(f"http://news.test:{port}/articles/a.html")
    assert result.status == 200 and answers == ["news.test"]
    with pytest.raises(BadInput, match=r"news.test resolves to a private or local address"):
        fetcher(obey_robots=False).get(f"http://news.test:{port}/articles/a.html")


@pytest.mark.parametrize("path", ["/trickle-body.html", "/trickle-headers.html"])
def test_a_fetch_has_a_deadline(server, path):
    start = time.monotonic()
    with pytest.raises(Unreadable, match="took over 2 s"):
        fetcher(public_only=False, deadline=2.0).get(server + path)
    assert time.monotonic() - start < 4


def test_a_self_listing_sitemap_index_is_read_once(server, hits):
    reader = SourceReader(fetcher(public_only=False))
    items = list(reader.read([f"{server}/self-index.xml"]))
    assert [d.url for d in items if not isinstance(d, BadInput)] == [f"{server}/articles/a.html"]
    assert hits["/self-index.xml"] == 1 and hits["/self-index-2.xml"] == 1 and hits["/articles/a.html"] == 1


def test_urls_are_capped_per_source_not_per_listing(server, monkeypatch, hits):
    monkeypatch.setattr("newsdesk.sources.MAX_URLS_PER_SOURCE", 3)
    items = list(SourceReader(fetcher(public_only=False)).read([f"{server}/self-index.xml"]))
    errors = [str(e) for e in items if isinstance(e, BadInput)]
    assert errors == [f"{server}/self-index.xml: its listings name more than 3 URLs; the rest are skipped"]
    assert sum(hits.values()) <= 4  # robots.txt and three listed URLs


def test_a_feed_with_malformed_links_goes_on(server, db_path):
    result = CliRunner().invoke(app, ["ingest", "--allow-private", f"{server}/bad-links.xml", "--json"])
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["new"] == 1 and summary["failed"] == 4
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 4 and all("not a valid URL" in line and "Traceback" not in line for line in lines)


@pytest.mark.parametrize("url", MALFORMED[:4])
def test_ingest_of_a_malformed_url_is_one_line(url, db_path):
    result = CliRunner().invoke(app, ["ingest", url])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"newsdesk: {url}: not a valid URL: ")


def test_a_feed_listing_local_addresses_stores_nothing_from_them(server, db_path):
    result = CliRunner().invoke(app, ["ingest", f"{server}/feed.xml", "--json"])
    assert result.exit_code == 1
    assert "private or local address" in result.stderr
    assert json.loads(CliRunner().invoke(app, ["articles", "--json"]).stdout) == []


@pytest.mark.parametrize("command", [["ingest"], ["watch", "--times", "1", "--every", "0s"]])
def test_a_feed_file_listing_a_local_address_stores_nothing(command, server, db_path, tmp_path):
    """The attack's finding 12: a feed (here a file, which is allowed) listing a local URL."""
    feed = tmp_path / "feed.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><item><link>{server}/articles/a.html'
                    '</link></item></channel></rss>')
    result = CliRunner().invoke(app, [*command, str(feed)])
    assert f"{server}/articles/a.html: refused: 127.0.0.1 resolves to a private or local address" in result.stderr
    assert json.loads(CliRunner().invoke(app, ["articles", "--json"]).stdout) == []
