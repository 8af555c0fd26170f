"""Subheadings the main-text pass dropped, put back where the page has them.

trafilatura keeps a page's paragraphs but on some pages loses every subheading between them (its
fallback extractors keep no structure; some layouts lose the <h2>s in all its modes). The page still
has them: a heading element (h2-h4), or a short paragraph set all in bold, standing right before a
paragraph the body kept is that paragraph's subheading, unless it is a link (another story's
headline, "click here ...") or the body holds its text already.
"""

from __future__ import annotations

import re

from ..model import Block
from . import patterns as p
from .standfirst import all_bold, visible_text

#: A subheading is a phrase, not a paragraph.
MAX_HEADING_WORDS = 16
#: Paragraphs are matched by the start of their text.
KEY_CHARS = 60


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()[:KEY_CHARS]


def page_subheadings(tree) -> list[tuple[str, str]]:
    """(subheading, the text of the paragraph right after it) for each subheading of the page."""
    found = []
    for el in tree.xpath("//h2 | //h3 | //h4 | //p[b or strong]"):
        text = visible_text(el)
        words = p.word_count(text)
        if not 1 <= words <= MAX_HEADING_WORDS or text.endswith((".", ",", ";")):
            continue
        if el.tag == "p" and not all_bold(el):
            continue
        if len(" ".join(" ".join(a.itertext()) for a in el.iter("a")).strip()) >= len(text) / 2:
            continue  # a link to another story ("CLICK HERE TO GET THE APP", a related headline)
        if p.furniture_heading(text):
            continue
        following = el.xpath("following::p[normalize-space()][1]")
        if following:
            found.append((text, visible_text(following[0])))
    return found


def restore_headings(subheadings: list[tuple[str, str]], body: list[Block]) -> list[Block]:
    """The body with the page's subheadings (`page_subheadings`) put back before the paragraphs they head: inserted
    where the body lacks them, or made headings where it kept them as paragraphs."""
    body = list(body)
    have = {_key(b.text) for b in body}
    at: dict[str, int] = {}
    for i, block in enumerate(body):
        if block.type == "paragraph":
            at.setdefault(_key(block.text), i)
    inserts: dict[int, str] = {}
    for heading, paragraph in subheadings:
        index = at.get(_key(paragraph))
        if not index or index in inserts:  # none before the first paragraph
            continue
        before = body[index - 1]
        if before.type == "paragraph" and _key(before.text) == _key(heading):
            body[index - 1] = Block(type="heading", text=before.text)
        elif before.type != "heading" and _key(heading) not in have:
            inserts[index] = heading
            have.add(_key(heading))
    if not inserts:
        return body
    restored: list[Block] = []
    for i, block in enumerate(body):
        if i in inserts:
            restored.append(Block(type="heading", text=inserts[i]))
        restored.append(block)
    return restored
