"""Atom feeds of a search, an entity and a story: valid Atom (read by feedparser and checked for
what RFC 4287 requires), linked from their pages, permanent ids, ETag and 304."""

import re
from xml.etree import ElementTree as ET

import feedparser
from fastapi.testclient import TestClient

from newsdesk.model import Article, Block, RawDocument
from newsdesk.serve.app import create_app

ATOM = "{http://www.w3.org/2005/Atom}"


def valid_atom(response) -> ET.Element:
    """The feed's root, after feedparser read it without complaint and every element RFC 4287
    requires is there: the feed's id, title, updated and author (or each entry's), each entry's
    id, title, updated and a link."""
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{tag}").text
    assert root.find(f"{ATOM}author/{ATOM}name").text == "newsdesk"
    for entry in root.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{tag}").text, tag
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)", entry.find(f"{ATOM}updated").text)
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
    return root


def entries(root: ET.Element) -> list[tuple[str, str]]:
    return [(e.find(f"{ATOM}title").text, e.find(f"{ATOM}link[@rel='alternate']").get("href"))
            for e in root.findall(f"{ATOM}entry")]


def test_a_search_feed_lists_the_newest_stored_matches_linked_from_the_search_page(site):
    page = site.get("/search", params={"q": "Medinsky"}).text
    href = re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]+)"', page).group(1)
    assert href == "/feeds/search.atom?q=Medinsky"
    root = valid_atom(site.get(href))
    found = entries(root)
    assert [title for title, _ in found] == [  # stored last first: later.txt is read before seed.txt
        "Putin gathers top officials ahead of Ukraine talks in Istanbul",
        "Putin meets officials again ahead of Ukraine talks in Istanbul"]
    assert all(link.startswith("http://testserver/articles/") for _, link in found)
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/feeds/search.atom?q=Medinsky"
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://testserver/search?q=Medinsky"
    assert entries(valid_atom(site.get("/feeds/search.atom", params={"q": "Medinsky", "category": "sport"}))) == []


def test_ids_are_permanent_whatever_host_serves_the_feed(site):
    one = valid_atom(site.get("/feeds/search.atom?q=Medinsky"))
    other = valid_atom(site.get("/feeds/search.atom?q=Medinsky", headers={"Host": "news.example.org"}))
    ids = [e.find(f"{ATOM}id").text for e in one.findall(f"{ATOM}entry")]
    assert ids == [e.find(f"{ATOM}id").text for e in other.findall(f"{ATOM}entry")]
    assert all(i.startswith("urn:uuid:") for i in ids) and one.find(f"{ATOM}id").text == other.find(f"{ATOM}id").text
    assert entries(other)[0][1].startswith("http://news.example.org/articles/")


def test_entity_and_story_feeds_are_linked_from_their_pages(site):
    article = next(a for a in site.get("/api/articles").json()["articles"] if a["published"] == "2025-05-15")
    html = site.get(f"/articles/{article['id']}").text
    entity = re.search(r'<a class="name" href="/entities/(\d+)">Vladimir Medinsky</a>', html).group(1)
    page = site.get(f"/entities/{entity}").text
    assert f'<link rel="alternate" type="application/atom+xml" title="Vladimir Medinsky (newsdesk)" ' \
           f'href="/feeds/entities/{entity}.atom">' in page
    root = valid_atom(site.get(f"/feeds/entities/{entity}.atom"))
    assert root.find(f"{ATOM}title").text == "newsdesk: Vladimir Medinsky" and len(entries(root)) == 2
    story_id = site.get(f"/api/articles/{article['id']}").json()["story_id"]
    assert f'href="/feeds/stories/{story_id}.atom"' in site.get(f"/stories/{story_id}").text
    assert article["id"] in {link.rsplit("/", 1)[1] for _, link in entries(valid_atom(
        site.get(f"/feeds/stories/{story_id}.atom")))}
    assert site.get("/feeds/entities/999999.atom").status_code == 404
    assert site.get("/feeds/stories/nostory.atom").status_code == 404


def test_feeds_answer_304_to_their_etag(site):
    first = site.get("/feeds/search.atom?q=Kremlin")
    again = site.get("/feeds/search.atom?q=Kremlin", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_text_xml_cannot_hold_is_left_out(store):
    article = Article(id="ctl0001", origin="/news/ctl.txt", headline="Storm\x0b warning \x02issued",
                      published="2026-11-02T08:30:00+02:00", body=[Block(type="paragraph", text="Rain\x01 fell.")])
    store.add(RawDocument(origin=article.origin, data=b"storm"), article)
    root = valid_atom(TestClient(create_app(store)).get("/feeds/search.atom?q=storm"))
    [entry] = root.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Storm warning issued"
    assert entry.find(f"{ATOM}summary").text == "Rain fell."
    assert entry.find(f"{ATOM}published").text == "2026-11-02T06:30:00Z"
