"""Authors: the people a byline names, whatever else it holds, and where a page gives them."""

import json

import pytest

from newsdesk.extract import extract
from newsdesk.extract.authors import authors_from, credited
from newsdesk.model import RawDocument


@pytest.mark.parametrize("byline, authors", [
    ("By Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"]),
    ("Von Anna Berg, dpa | 12.03.2024", ["Anna Berg"]),
    ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
    ("Jane Doe, Senior Correspondent", ["Jane Doe"]),
    ("By JANE DOE", ["Jane Doe"]),
    ("Ursula von der Leyen", ["Ursula von der Leyen"]),
    ("By Jane Doe (@jdoe) | The Daily Planet", ["Jane Doe"]),
    ("Luiz Inácio da Silva, Maria Santos y Pedro Álvarez", ["Luiz Inácio da Silva", "Maria Santos", "Pedro Álvarez"]),
    ("구현모", ["구현모"]),
    ("신현주 기자", ["신현주"]),  # the title after the name

    ("Jane Doe and Jane Doe", ["Jane Doe"]),
    ("Staff Writer", []),
    ("jane.doe@example.com", []),
    ("Associated Press", []),
])
def test_the_people_of_a_byline(byline, authors):
    assert authors_from(byline, ("The Daily Planet",)) == authors


def test_the_outlet_is_no_author():
    assert authors_from("Lesotho Times", ("Lesotho Times",)) == []


@pytest.mark.parametrize("byline, credit", [
    ("Associated Press", ["Associated Press"]),
    ("BR24 Redaktion", ["BR24 Redaktion"]),
    ("dpa, 12.03.2024", ["dpa"]),
    ("Staff Writer", []),
])
def test_a_byline_without_a_person_credits_its_desk_or_agency(byline, credit):
    assert credited(byline) == credit


def page(head: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>Paragraph {i} of the story, long enough to be read as the article's text.</p>"
                         for i in range(8))
    return (f"<html lang='en'><head><title>Storm hits the coast</title>{head}</head><body><article>"
            f"<h1>Storm hits the coast</h1>{body}{paragraphs}</article></body></html>").encode()


def authors_of(data: bytes) -> list[str]:
    return extract(RawDocument(origin="page.html", data=data)).authors


def test_json_ld_people_are_the_authors_and_its_organisations_are_not():
    ld = {"@type": "NewsArticle", "headline": "Storm hits the coast",
          "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Organization", "name": "Reuters"}]}
    assert authors_of(page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>", "")) == ["Jane Doe"]


def test_a_byline_element_when_the_metadata_names_only_the_outlet():
    head = "<meta name='author' content='Coast News'><meta property='og:site_name' content='Coast News'>"
    body = "<p class='article-byline'>By Mary Major and Tom Minor</p>"
    assert authors_of(page(head, body)) == ["Mary Major", "Tom Minor"]


def test_a_byline_naming_only_an_agency_credits_it():
    assert authors_of(page("<meta name='author' content='Associated Press'>", "")) == ["Associated Press"]


def test_a_json_ld_person_named_by_given_and_family_name():
    ld = {"@type": "NewsArticle", "headline": "Storm hits the coast",
          "author": {"@type": "Person", "givenName": "Birgit", "familyName": "Baumann"}}
    assert authors_of(page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>", "")) == [
        "Birgit Baumann"]


def test_an_outlets_initials_are_no_author():
    assert authors_from("LTO") == []
    assert authors_from("Von Max Kolter, LTO") == ["Max Kolter"]


def test_a_link_to_an_authors_page_is_a_byline_when_the_metadata_names_only_the_outlet():
    from lxml import html as lxml_html

    from newsdesk.extract.authors import find_authors

    tree = lxml_html.fromstring("<html><body><nav><a href='/autoren/'>Autoren</a></nav><h1>Urteil</h1>"
                                "<p class='meta'>von <a href='/autoren/name/max-kolter'>Dr. Max Kolter</a></p>"
                                "</body></html>")
    assert find_authors(tree, [], "LTO", ("Legal Tribune Online",), None) == ["Dr. Max Kolter"]


@pytest.mark.parametrize("markup, authors", [
    ("<ul><li><strong>Datum</strong> 28.04.2023</li><li><strong>Autorin/Autor</strong> Roman Goncharenko</li></ul>",
     ["Roman Goncharenko"]),
    ("<dl><dt>By</dt><dd>Jane Doe</dd></dl>", ["Jane Doe"]),
])
def test_a_labelled_byline_when_the_metadata_names_only_the_outlet(markup, authors):
    head = "<meta name='author' content='Deutsche Welle (www.dw.com)'>"  # an outlet: its web address says so
    assert authors_of(page(head, markup)) == authors


def test_a_json_ld_person_that_is_a_wire_is_credited_as_written():
    ld = {"@type": "NewsArticle", "headline": "Storm hits the coast", "author": [{"@type": "Person", "name": " SID"}]}
    markup = "<div class='story-authors'><a href='/autoren/1-sid/'>SID</a><span>Nachrichtenagentur</span></div>"
    assert authors_of(page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>", markup)) == ["SID"]


def test_an_outlet_is_no_author_however_it_spells_its_name():
    assert authors_from("n-tv NACHRICHTEN", ("ntv NACHRICHTEN",)) == []


STORY = "<p>" + "The council voted on Tuesday to close the old harbour bridge to lorries from next spring. " * 3 + "</p>"


def test_a_bold_byline_opening_the_story_when_the_metadata_names_only_the_outlet():
    head = "<meta name='author' content='Coast Times'><meta property='og:site_name' content='Coast Times'>"
    body = f"<div class='entry'><p>&nbsp;</p><p><strong>Mary Major/Tom Minor</strong></p>{STORY}</div>"
    assert authors_of(page(head, body)) == ["Mary Major", "Tom Minor"]


def test_a_bold_place_opening_the_story_is_no_byline():
    head = "<meta name='author' content='Coast Times'><meta property='og:site_name' content='Coast Times'>"
    body = f"<div class='entry'><p><strong>Washington</strong></p><p><b>United States</b></p>{STORY}</div>"
    assert authors_of(page(head, body)) == ["Coast Times"]


def test_a_json_ld_person_that_is_the_outlet_gives_way_to_the_bold_byline():
    ld = {"@type": "NewsArticle", "headline": "Storm hits the coast", "author": {"@type": "Person", "name": "Coast Times"},
          "publisher": {"@type": "Organization", "name": "Coast Times"}}
    body = f"<div class='entry'><p><strong>Mary Major</strong></p>{STORY}</div>"
    assert authors_of(page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>", body)) == ["Mary Major"]


def test_a_publishing_account_is_no_author():
    ld = {"@type": "NewsArticle", "headline": "Storm hits the coast",
          "author": {"@id": "https://coast.example/author/admin/", "name": "Coast D"}}
    body = ("<p class='post-meta'>by <span class='author vcard'><a href='https://coast.example/author/admin/' "
            f"rel='author'>Coast D</a></span></p><div class='entry'><p><strong>MARY MAJOR</strong></p>{STORY}</div>")
    assert authors_of(page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>", body)) == ["Mary Major"]


def test_an_author_box_that_links_the_stories_section_is_no_byline():
    head = "<meta property='og:site_name' content='Coast Times'>"
    body = "<div class='article_details_author_container'><a href='/news/category/29/منوعات/ar'>منوعات</a></div>"
    assert authors_of(page(head, body + STORY)) == []
