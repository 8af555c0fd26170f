"""Subheadings the main-text pass dropped, put back from the page."""

from lxml import html as lxml_html

from newsdesk.extract.headings import page_subheadings, restore_headings
from newsdesk.model import Block

FIRST = "The council met on Monday and agreed to the plan after a long debate."
SECOND = "Residents will be asked for their views in a consultation next month."
THIRD = "The work is due to start in the spring and last about two years."


def tree(markup: str):
    return lxml_html.fromstring(f"<html><body><article>{markup}</article></body></html>")


def paragraphs(*texts: str) -> list[Block]:
    return [Block(type="paragraph", text=t) for t in texts]


def shape(body: list[Block]) -> list[tuple[str, str]]:
    return [(b.type, b.text[:12]) for b in body]


def test_a_heading_element_the_body_lost_is_put_back_before_its_paragraph():
    page = tree(f"<p>{FIRST}</p><h2>What happens next</h2><p>{SECOND}</p><h3>When</h3><p>{THIRD}</p>")
    assert shape(restore_headings(page_subheadings(page), paragraphs(FIRST, SECOND, THIRD))) == [
        ("paragraph", FIRST[:12]), ("heading", "What happens"), ("paragraph", SECOND[:12]),
        ("heading", "When"), ("paragraph", THIRD[:12])]


def test_a_short_bold_paragraph_kept_as_a_paragraph_becomes_a_heading():
    page = tree(f"<p>{FIRST}</p><p><b>What happens next</b></p><p>{SECOND}</p>")
    body = restore_headings(page_subheadings(page), paragraphs(FIRST, "What happens next", SECOND))
    assert shape(body) == [("paragraph", FIRST[:12]), ("heading", "What happens"), ("paragraph", SECOND[:12])]


def test_links_sentences_and_rail_headings_are_not_subheadings():
    page = tree(f"<p>{FIRST}</p><p><b><a href='/x'>CLICK HERE TO GET THE APP</a></b></p><p>{SECOND}</p>"
                f"<h2>Related links</h2><p>{THIRD}</p><p><strong>This bold sentence ends.</strong></p>")
    body = paragraphs(FIRST, SECOND, THIRD)
    assert restore_headings(page_subheadings(page), body) == body


def test_nothing_goes_before_the_first_paragraph_or_twice():
    page = tree(f"<h2>A summary in a heading</h2><p>{FIRST}</p><h2>Next</h2><p>{SECOND}</p>")
    body = [Block(type="paragraph", text=FIRST), Block(type="heading", text="Next"), Block(type="paragraph", text=SECOND)]
    assert restore_headings(page_subheadings(page), body) == body
