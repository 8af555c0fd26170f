"""Feeds and sitemaps, over HTTP and from files; XML entity tricks refused."""

import pytest

from newsdesk.errors import BadInput
from newsdesk.sources import SourceReader
from newsdesk.sources.fetch import FetchConfig, Fetcher


@pytest.fixture
def reader():
    return SourceReader(Fetcher(FetchConfig(delay=0, public_only=False), sleep=lambda s: None))


def split(items):
    docs = [i for i in items if not isinstance(i, BadInput)]
    errors = [i for i in items if isinstance(i, BadInput)]
    return docs, errors


def test_rss_feed_entries_are_fetched(reader, server):
    docs, errors = split(list(reader.read([f"{server}/feed.xml"])))
    assert [d.url for d in docs] == [f"{server}/articles/a.html", f"{server}/articles/b.html"]
    assert [str(e) for e in errors] == [f"{server}/private/secret.html: disallowed by robots.txt"]
    assert all(d.origin == d.url for d in docs)


def test_atom_feed(reader, server):
    docs, _ = split(list(reader.read([f"{server}/atom.xml"])))
    assert [d.url for d in docs] == [f"{server}/articles/a.html"]


def test_sitemap_index_and_google_news_sitemap(reader, server, hits):
    docs, errors = split(list(reader.read([f"{server}/sitemap.xml"])))
    assert errors == []
    assert [d.url for d in docs] == [f"{server}/articles/a.html", f"{server}/articles/c.txt"]
    assert hits["/sitemap-pages.xml"] == hits["/sitemap-news.xml"] == 1


@pytest.mark.parametrize("path", ["/bomb.xml", "/xxe.xml"])
def test_xml_entities_are_refused(reader, server, path):
    docs, errors = split(list(reader.read([server + path])))
    assert docs == []
    assert len(errors) == 1 and "XML declaring entities is refused" in str(errors[0])


def test_a_feed_file_on_disk(reader, server, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><item><link>{server}/articles/b.html'
                    "</link></item></channel></rss>")
    docs, _ = split(list(reader.read([str(feed)])))
    assert [d.url for d in docs] == [f"{server}/articles/b.html"]
