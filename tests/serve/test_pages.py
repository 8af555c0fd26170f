"""Entity, story and event pages, search filters, and their JSON twins."""

import re


def seed_id(client):
    return next(a["id"] for a in client.get("/api/articles").json()["articles"] if a["published"] == "2025-05-15")


def test_home_groups_stories_by_category(site):
    html = site.get("/").text
    assert ">POLITICS</a></h2>" in html and ">Business</a></h2>" in html


def test_people_link_to_entity_pages_with_roles_chart_and_companions(site):
    html = site.get(f"/articles/{seed_id(site)}").text
    link = re.search(r'<a class="name" href="(/entities/\d+)">Vladimir Medinsky</a>', html).group(1)
    page = site.get(link).text
    assert "<h1>Vladimir Medinsky</h1>" in page and "presidential aide" in page
    assert '<svg class="chart" role="img"' in page and page.count('class="bar"') == 2  # May and June
    assert "Named together with" in page
    data = site.get("/api" + link).json()
    assert data["name"] == "Vladimir Medinsky" and len(data["articles"]) == 2


def test_speaker_pages_list_their_quotes(site):
    html = site.get(f"/articles/{seed_id(site)}").text
    link = re.search(r'<a class="name" href="(/entities/\d+)">Marco Rubio</a>', html).group(1)
    assert "any mechanism that results in a just peace." in site.get(link).text


def test_story_and_event_pages(site):
    article = site.get(f"/api/articles/{seed_id(site)}").json()
    story = site.get(f"/stories/{article['story_id']}")
    assert story.status_code == 200 and "In the order they were published" in story.text
    assert "<svg" in story.text and "Named most" in story.text
    timeline = site.get(f"/api/stories/{article['story_id']}").json()
    assert article["id"] in [a["id"] for a in timeline["articles"]] and timeline["days"]
    assert site.get("/api/stories/nope").status_code == 404
    assert site.get("/api/stories", params={"min_size": 1}).json()
    assert site.get("/stories").status_code == 200
    talks = next(i for i, e in enumerate(article["events"]) if e["type"] == "negotiation" and e["place"] == "Istanbul")
    page = site.get(f"/events/{article['id']}-{talks}").text
    assert "<h2" in page and "Russia" in page and "delegation head" in page
    assert site.get(f"/api/events/{article['id']}-{talks}").json()["place"] == "Istanbul"
    assert site.get(f"/events/{article['id']}-99").status_code == 404


def test_search_filters(site):
    everything = site.get("/api/search", params={"q": "Putin"}).json()["results"]
    assert len(everything) == 2
    june = site.get("/api/search", params={"q": "Putin", "date_from": "2025-06-01"}).json()["results"]
    assert [h["published"] for h in june] == ["2025-06-20"]
    assert site.get("/api/search", params={"q": "Putin", "category": "business"}).json()["results"] == []
    page = site.get("/search", params={"q": "Putin", "date_to": "2025-05-31"}).text
    start = page.index('<ol class="story-list hits">')
    hits = page[start:page.index("</ol>", start)]
    # the May article only: the June one is past date_to
    assert re.findall(r'<h2><a href="/articles/(\w+)">', hits) == [seed_id(site)]
    assert re.findall(r'<time datetime="([^"]+)">', hits) == ["2025-05-15"]
    assert '<p class="hit-count">1 article matches “Putin”.</p>' in page
