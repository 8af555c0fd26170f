"""HTML pages: the main text through trafilatura, and the structure newsdesk adds."""

import json

import pytest

from helpers import CAFE_PAGE, WIRE_PAGE
from newsdesk.errors import NotANewsPage
from newsdesk.extract import extract
from newsdesk.extract.siterules import load_rules
from newsdesk.model import RawDocument

WIRE = WIRE_PAGE.read_bytes()


def read(data: bytes, url: str | None = None, site_rules: str = ""):
    return extract(RawDocument(origin="page.html", url=url, data=data), site_rules=site_rules)


def test_wire_story_fields():
    a = read(WIRE)
    assert a.headline == "Harbour strike halts exports for a third day"
    assert a.standfirst == "Shipping lines divert vessels as talks between the union and port operators stall."
    assert a.url == "https://news.example.org/business/harbour-strike-third-day"  # canonical
    assert a.published == "2024-03-06T09:30:00+00:00"
    assert a.category == "Business"
    assert a.byline == "Jane Smith, Tom Brown"
    assert a.authors == ["Jane Smith", "Tom Brown"]
    assert (a.source, a.dateline) == ("Reuters", "LONDON")
    assert a.language == "en"
    assert (a.image.caption, a.image.credit) == ("Cranes stand idle at the container terminal on Tuesday.",
                                                  "Port Authority")
    assert a.image.url == "https://news.example.org/img/harbour.jpg"
    assert [b.text for b in a.body if b.type == "heading"] == ["Exporters count the cost", "What happens next"]
    assert len(a.paragraphs) == 6
    assert [(r.title, r.url) for r in a.related] == [
        ("Port automation plan sparks union anger", "https://news.example.org/business/port-automation-plan"),
        ("Grain prices rise as ships wait at sea", "https://news.example.org/business/grain-prices-ships-wait"),
    ]
    text = a.body_text
    for chrome in ("Home", "Share", "Privacy policy", "All rights reserved", "Related stories"):
        assert chrome not in text
    assert a.reading_time_minutes == 1


def test_article_id_follows_the_canonical_url_on_the_pages_own_host():
    canonical = "https://news.example.org/business/harbour-strike-third-day"
    tracked = read(WIRE, url=canonical + "?utm=x")
    assert tracked.id == read(WIRE, url="https://www.news.example.org/amp/harbour").id
    assert tracked.url == canonical


def test_a_page_cannot_claim_another_outlets_article():
    """The attack's finding 7: a page whose canonical names a stored article's URL on another host
    is its own article, fetched or read from a file."""
    canonical = "https://news.example.org/business/harbour-strike-third-day"
    real = read(WIRE, url=canonical)
    evil = read(WIRE.replace(b"Harbour", b"Hoax"), url="https://evil.example.net/x.html")
    assert evil.id != real.id and evil.url == "https://evil.example.net/x.html"
    local = read(WIRE)  # a file came from no host: known by where it was read, its claimed address kept
    assert local.id != real.id and local.url == canonical


def test_windows_1252_page_is_decoded():
    a = read(CAFE_PAGE.read_bytes())
    assert a.headline == "Café owners protest new opening hours"
    assert "Renée Dubois" in a.body_text


def test_json_ld_article_body_when_the_markup_has_none():
    page = b"""<html><head><script type="application/ld+json">{"@type": "NewsArticle",
      "headline": "Council approves new bridge", "datePublished": "2024-05-01",
      "articleBody": "The council approved the bridge on Tuesday after a long debate about its cost.\\n\\nWork starts in June."}
      </script></head><body><div id="app"></div></body></html>"""
    a = read(page)
    assert a.headline == "Council approves new bridge" and a.published == "2024-05-01"
    assert a.paragraphs == ["The council approved the bridge on Tuesday after a long debate about its cost.",
                            "Work starts in June."]


@pytest.mark.parametrize("page, reason", [
    (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    (b"<html><head><title>x</title></head><body></body></html>", "no article text"),
])
def test_pages_without_an_article(page, reason):
    with pytest.raises(NotANewsPage, match=reason):
        read(page)


def test_site_rules_from_a_users_file(tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"example.org": {
        "standfirst": "//p[@class='kicker']", "category": "//nav/a[2]",
        "prune": ["//p[contains(., 'Economists at two banks')]"]}}))
    load_rules.cache_clear()
    a = read(WIRE, url="https://news.example.org/x", site_rules=str(rules))
    assert a.standfirst == "Business"  # the rule wins over the page's own standfirst class
    assert a.category == "Business"
    assert "Economists at two banks" not in a.body_text


def test_broken_site_rules_are_a_clear_error(tmp_path):
    from newsdesk.errors import NewsdeskError

    rules = tmp_path / "rules.json"
    rules.write_text("{nope")
    load_rules.cache_clear()
    with pytest.raises(NewsdeskError, match="site rules cannot be read"):
        read(WIRE, url="https://news.example.org/x", site_rules=str(rules))
    load_rules.cache_clear()


def test_the_open_graph_description_is_the_standfirst_before_json_ld_and_is_unescaped():
    ld = json.dumps({"@type": "NewsArticle", "headline": "Storm hits the coast",
                     "description": "A photo of the harbour at dawn."})
    paragraphs = "".join(f"<p>Paragraph {i} of the story, long enough to be read as the article's text.</p>"
                         for i in range(8))
    data = (f"<html lang='de'><head><script type='application/ld+json'>{ld}</script>"
            "<meta property='og:description' content='Die Entsch&auml;digung kommt sp&auml;ter als geplant.'>"
            f"</head><body><article><h1>Storm hits the coast</h1>{paragraphs}</article></body></html>").encode()
    assert read(data).standfirst == "Die Entschädigung kommt später als geplant."


def test_a_page_that_declares_no_language_is_given_the_one_its_text_reads():
    paragraphs = "".join("<p>La grève du port bloque les exportations pour le troisième jour, selon les syndicats "
                         "et les opérateurs, qui ne se sont pas entendus.</p>" for _ in range(6))
    data = f"<html><head></head><body><article><h1>La grève continue</h1>{paragraphs}</article></body></html>"
    assert read(data.encode()).language == "fr"


def test_the_h1_that_agrees_with_the_metadata_headline_is_the_headline():
    paragraphs = "".join(f"<p>Paragraph {i} of the story, long enough to be read as the article's text.</p>"
                         for i in range(8))
    data = ("<html lang='en'><head><meta property='og:title' content='Storm hits the coast | Coast News'></head>"
            "<body><div class='login_popup'><h1>Log In</h1></div>"
            f"<article><h1>Storm hits the coast</h1>{paragraphs}</article></body></html>").encode()
    assert read(data).headline == "Storm hits the coast"


STORY = "".join(f"<p>Paragraph {i} of the story goes on long enough to be read as the article's own text, with "
                f"many more words than any standfirst or label could ever need to have.</p>" for i in range(8))
LEAD = "Firefighters fought a blaze in the old town through the night, and residents were told to stay inside."


def page(between: str, after: str = "") -> bytes:
    return (f"<html lang='en'><head></head><body><article><h1>Blaze in the old town</h1>{between}{STORY}{after}"
            "</article></body></html>").encode()


@pytest.mark.parametrize("marked", [
    f"<div class='leadIn'><p>{LEAD}</p></div>",  # camelCase
    f"<div class='Article_elementLead__N3pGr'><p>{LEAD}</p></div>",  # CSS modules
    f"<p class='article-leadtext'>{LEAD}</p>",
    f"<p class='vorspann'>{LEAD}</p>",  # in the page's language
    f"<div class='c-summary__intro'>{LEAD}</div>",
    f"<p><strong>{LEAD}</strong></p>",  # a lead set in bold
    f"<strong><p>{LEAD}</p></strong>",
    f"<p class='bold'>{LEAD}</p>",
    f"<p class='font-sans font-semibold'>{LEAD}</p>",  # a utility class's weight
    f"<p data-manual='teaserText' class='css-1485smx'>{LEAD}</p>",  # named by a data attribute
])
def test_a_lead_the_page_sets_apart_is_the_standfirst_and_leaves_the_body(marked):
    a = read(page(marked))
    assert a.standfirst == LEAD
    assert LEAD not in [b.text for b in a.body]


POINTS = ["Firefighters fought a blaze in the old town through the night.", "Residents were told to stay inside."]


@pytest.mark.parametrize("marked", [
    f"<ul class='summary-list'><li>{POINTS[0]}</li><li>{POINTS[1]}</li></ul>",
    f"<div class='article-key-points'><p>{POINTS[0]}</p><p>{POINTS[1]}</p></div>",
])
def test_a_list_of_key_points_under_the_headline_is_the_standfirst(marked):
    assert read(page(marked)).standfirst == " ".join(POINTS)


def test_a_long_data_attribute_names_nothing():
    data = "{&quot;lead&quot;: &quot;" + "x" * 60 + "&quot;}"
    assert read(page(f"<p data-config='{data}'>{LEAD}</p>")).standfirst != LEAD


def test_a_teaser_after_the_article_text_has_begun_is_not_the_standfirst():
    teaser = "<div class='teaser-text'>Another story from this site, about something else entirely.</div>"
    assert read(page("", after=teaser)).standfirst is None


@pytest.mark.parametrize("box", [
    "<div class='article-subscribe'><span class='article-subscribe--subtitle'>Just R20 for the first month. "
    "Support independent journalism by subscribing to our digital news package.</span></div>",
    "<ul><li class='subtitle'><a href='/other'>Analysis: another story from this site, by someone else</a></li></ul>",
])
def test_a_subscription_offer_or_a_link_to_another_story_is_not_the_standfirst(box):
    a = read(page(box + f"<p class='lead-text'>{LEAD}</p>"))
    assert a.standfirst == LEAD


def test_a_page_without_an_h1_does_not_repeat_its_bold_headline_as_the_standfirst():
    headline = "Blaze in the old town keeps residents inside all night"
    data = (f"<html lang='en'><head><meta property='og:title' content='{headline}'></head>"
            f"<body><p><b>{headline}</b></p>{STORY}</body></html>").encode()
    assert read(data).standfirst is None


@pytest.mark.parametrize("label, written, published", [
    ("<strong>Datum</strong>", "04.05.2023", "2023-05-04"),  # day first, as dotted dates are written
    ("<b>Published:</b>", "May 4, 2023", "2023-05-04"),
])
def test_a_date_the_page_prints_after_a_label(label, written, published):
    assert read(page(f"<ul><li>{label} {written}</li></ul>")).published == published


def test_a_script_inside_a_paragraph_does_not_count_as_the_article_text():
    script = "<p>Share<script>" + "var x = 1; " * 40 + "</script></p>"
    assert read(page(script + f"<p class='lead-text'>{LEAD}</p>")).standfirst == LEAD


def test_bold_text_throughout_is_no_lead():
    bold_story = STORY.replace("<p>", "<p><b>").replace("</p>", "</b></p>")
    data = f"<html><body><article><h1>Blaze in the old town</h1>{bold_story}</article></body></html>".encode()
    assert read(data).standfirst is None


def words(n: int, word: str = "word") -> str:
    return " ".join([word] * n)


@pytest.mark.parametrize("markup, expected", [
    # JSON-LD's articleBody first
    ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"articleBody\": \"%s\"}</script>"
     "<p>%s</p>" % (words(120), words(500)), 120),
    # else the first <article>: later ones are teasers of other stories
    ("<article><p>%s</p></article><article><p>%s</p></article>" % (words(150), words(600)), 150),
    # else every paragraph of the page
    ("<div><p>%s</p><p>%s</p></div>" % (words(30), words(40)), 70),
])
def test_how_long_the_page_says_its_article_is(markup, expected):
    from lxml import html as lxml_html

    from newsdesk.extract.html import expected_words, page_meta

    tree = lxml_html.fromstring(f"<html><body>{markup}</body></html>")
    assert expected_words(tree, page_meta(tree).body_text) == expected


def test_an_article_only_in_a_nextjs_server_components_stream():
    row = ("<div class='caption'><p>A photo caption, not the story.</p></div>"
           + "".join(f"<p class='editor-p'>Paragraph {i} of the story, sent in the page's script data only.</p>"
                     for i in range(6)) + "<h3>What comes next</h3><p>The closing paragraph.</p>")
    stream = f'0:["$","div",null,{{}}]\n24:T{len(row.encode()):x},{row}'
    pushes = "".join(f"<script>self.__next_f.push([1,{json.dumps(stream[i:i + 50])}])</script>"
                     for i in range(0, len(stream), 50))
    data = (f"<html lang='en'><head><meta property='og:title' content='Storm hits the coast'></head><body>"
            f"<h1>Storm hits the coast</h1><div id='root'></div>{pushes}</body></html>").encode()
    a = read(data)
    assert [b.text for b in a.body][:2] == ["Paragraph 0 of the story, sent in the page's script data only.",
                                            "Paragraph 1 of the story, sent in the page's script data only."]
    assert ("heading", "What comes next") in [(b.type, b.text) for b in a.body]
    assert "A photo caption, not the story." not in [b.text for b in a.body]


def test_paragraphs_opening_with_empty_bold_are_the_storys():
    plaques = [f"The plaque number {i} on the stadium wall honours the players who won the cup in the year it was "
               "unveiled." for i in range(3)]
    a = read(page("", "".join(f"<p><b></b> {text}</p>" for text in plaques)))
    assert a.paragraphs[-3:] == plaques


def test_a_story_paragraph_mostly_a_link_is_put_back_where_the_page_has_it():
    def block(inner: str, cls: str = "story") -> str:
        return f"<div class='text-block'><p class='{cls}'>{inner}</p></div>"

    said = [f"Paragraph {i} of the alliance story goes on long enough to be read as the article's own text, "
            "with many more words than a label could need." for i in range(6)]
    linked = ("It also <a href='/news/plans'>co-ordinates military plans and carries out joint military exercises "
              "across the member states</a>.")
    promo = "Sign up for our morning newsletter and get the best of the news in your inbox every day."
    markup = "".join([block(said[0]), block(said[1]), block(said[2]), block(linked), block(said[3]),
                      block("<a href='/news/other'>Read more: the alliance at seventy</a>"),
                      block(promo, cls="promo"), block(said[4]), block(said[5])])
    data = (f"<html lang='en'><head></head><body><article><h1>What is the alliance?</h1>{markup}</article>"
            "</body></html>").encode()
    assert read(data).paragraphs == [*said[:3], "It also co-ordinates military plans and carries out joint military "
                                     "exercises across the member states.", *said[3:]]
