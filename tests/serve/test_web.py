"""The reader site and JSON API over a real SQLite store."""

import json
import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsdesk.cli import app as cli_app
from newsdesk.extract import extract
from newsdesk.model import RawDocument
from newsdesk.serve.app import create_app


@pytest.fixture
def client(store):
    return TestClient(create_app(store))


def test_home_lists_stories(client, seeded):
    page = client.get("/")
    assert page.status_code == 200
    assert f'href="/articles/{seeded.id}"' in page.text
    assert "Putin gathers top officials" in page.text


def test_article_page_in_the_seed_layout(client, seeded, gold):
    html = client.get(f"/articles/{seeded.id}").text
    html = html[html.index("<main"):]
    want = gold["article"]
    in_order = [
        "POLITICS",
        "3 min read",
        f"<h1>{want['headline']}</h1>",
        want["standfirst"],
        "<figcaption>" + want["image_caption"],
        "(Photo: AA)",
        '<time datetime="2025-05-15">May 15, 2025</time>',
        "<p>" + want["body_first_sentence"] + "</p>",
        "<h2>" + want["subheadings"][0] + "</h2>",
        "<h2>" + want["subheadings"][1] + "</h2>",
        "<p>" + want["body_last_sentence"] + "</p>",
        "Source: TRT World and Agencies",
        "Explore",
        want["related"][0].replace("'", "&#39;"),
        want["related"][-1],
    ]
    positions = [html.find(part) for part in in_order]
    assert -1 not in positions, [p for p, i in zip(in_order, positions) if i == -1]
    assert positions == sorted(positions)
    assert "Sneak a peek" not in html and "Contact us" not in html


def test_article_page_carries_news_article_json_ld(client, seeded):
    html = client.get(f"/articles/{seeded.id}").text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == seeded.headline
    assert data["datePublished"] == "2025-05-15"
    assert data["image"]["creditText"] == "AA"


def test_api_show_and_cli_show_agree(client, seeded, db_path):
    api = client.get(f"/api/articles/{seeded.id}").json()
    shown = json.loads(CliRunner().invoke(cli_app, ["show", seeded.id, "--json"]).stdout)
    assert api == shown == seeded.to_json()


def test_api_listing_and_search(client, seeded):
    listing = client.get("/api/articles").json()
    assert listing["total"] == 1 and listing["articles"][0]["id"] == seeded.id
    results = client.get("/api/search", params={"q": "Medinsky"}).json()["results"]
    assert results[0]["id"] == seeded.id and "<mark>Medinsky</mark>" in results[0]["snippet"]
    assert client.get("/api/search").status_code == 422


def test_search_page_highlights(client, seeded):
    html = client.get("/search", params={"q": "Medinsky"}).text
    assert "<mark>Medinsky</mark>" in html and f"/articles/{seeded.id}" in html
    assert "No articles match" in client.get("/search", params={"q": "zebra"}).text


def test_openapi_describes_the_api(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/articles/{article_id}", "/api/search"} <= set(spec["paths"])
    assert "Article" in spec["components"]["schemas"]


def test_unknown_article_is_404(client):
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404


def test_page_text_is_escaped(store, client, seed_text):
    hostile = seed_text.replace(
        "Putin gathers top officials ahead of Ukraine talks in Istanbul",
        "Putin <script>alert(1)</script> gathers</script><!-- officials",
    )
    raw = RawDocument(origin="/news/hostile.txt", data=hostile.encode())
    article = extract(raw)
    store.add(raw, article)
    html = client.get(f"/articles/{article.id}").text
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(ld)["headline"] == article.headline


def test_article_page_shows_people_quotes_and_events(client, store, seed_text):
    from newsdesk.understand import understand

    raw = RawDocument(origin="/news/understood.txt", data=seed_text.encode())
    article = understand(extract(raw))
    store.add(raw, article)
    html = client.get(f"/articles/{article.id}").text
    assert "Vladimir Medinsky" in html and "presidential aide" in html
    assert "<blockquote><p>any mechanism that results in a just peace.</p></blockquote>" in html
    assert "delegation head" in html and "meeting chaired by Vladimir Putin" in html


def test_entity_index_most_named_first_with_filters(client, store, seeded):
    from newsdesk.relate.relator import Relator
    from newsdesk.understand import understand

    Relator(store).relate(understand(seeded))
    people = client.get("/api/entities", params={"type": "person"}).json()
    assert people and all(e["type"] == "person" for e in people)
    assert [e["articles"] for e in people] == sorted((e["articles"] for e in people), reverse=True)
    putin = client.get("/api/entities", params={"q": "putin"}).json()
    assert [e["name"] for e in putin] == ["Vladimir Putin"]
    page = client.get("/entities", params={"type": "person", "q": "putin"})
    assert page.status_code == 200 and f'href="/entities/{putin[0]["id"]}"' in page.text
    assert 'href="/entities"' in client.get("/").text  # linked from every page's header
    assert client.get("/entities", params={"type": "nonsense"}).status_code == 422


def test_a_page_in_a_language_without_a_pipeline_is_shown_not_understood(client, store):
    from newsdesk.pipeline import ingest

    html = ("<html lang='de'><head><title>Kanzler trifft Präsidenten</title></head><body><article>"
            "<h1>Kanzler trifft Präsidenten in Berlin</h1>"
            "<p>Bundeskanzler Friedrich Merz hat am Mittwoch den französischen Präsidenten Emmanuel Macron in "
            "Berlin empfangen. Die beiden sprachen über die Lage in der Ukraine und über den Handel.</p>"
            "<p>„Wir stehen zusammen“, sagte Merz nach dem Treffen vor Journalisten im Kanzleramt.</p>"
            "</article></body></html>")
    article = extract(RawDocument(origin="merz.html", data=html.encode()))
    from newsdesk.understand import understand

    read = understand(article)
    assert read.understanding.model_dump() == {"language": "de", "model": None}
    assert read.entities == [] and read.quotes == [] and read.events == []
    store.add(RawDocument(origin="merz.html", data=html.encode()), read)
    assert "Not understood: no pipeline for de" in client.get(f"/articles/{read.id}").text


def test_site_errors_are_pages_in_the_site_layout_and_the_api_keeps_json(store, monkeypatch):
    client = TestClient(create_app(store), raise_server_exceptions=False)
    missing = client.get("/articles/nope")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    assert "Not found" in missing.text and 'href="/entities"' in missing.text  # the site's header
    assert client.get("/entities/abc").status_code == 422
    assert client.get("/api/articles/nope").json() == {"detail": "no article 'nope'"}

    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail at /srv/db")

    monkeypatch.setattr(store, "articles", broken)
    failed = client.get("/")
    assert failed.status_code == 500 and "Something went wrong" in failed.text
    assert "secret" not in failed.text and "Traceback" not in failed.text
    api = client.get("/api/articles")
    assert api.status_code == 500 and api.json() == {"detail": "internal error"}


def test_a_standfirst_that_is_the_first_paragraph_is_shown_once(client, store):
    lead = "Firefighters fought a blaze in the old town through the night, and residents stayed inside."
    rest = "".join(f"<p>Paragraph {i} of the story goes on long enough to be read as the article's text.</p>"
                   for i in range(6))
    html = (f"<html lang='en'><head><meta property='og:description' content='{lead}'></head><body><article>"
            f"<h1>Blaze in the old town</h1><p>{lead}</p>{rest}</article></body></html>")
    raw = RawDocument(origin="blaze.html", data=html.encode())
    article = extract(raw)
    assert article.standfirst == lead and article.body[0].text == lead  # the page's summary, and its text
    store.add(raw, article)
    page = client.get(f"/articles/{article.id}").text
    assert f"<p>{lead}</p>" in page and '<p class="standfirst">' not in page
