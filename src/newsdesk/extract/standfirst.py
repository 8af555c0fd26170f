"""The standfirst of an HTML page: the paragraph under the headline that sums the story up.

Pages mark it in one of three ways, tried in this order:
- a class (or id, or short data attribute) naming it, in the words newsrooms use in many languages
  and in any spelling of class names: "standfirst", "article-leadtext", "leadIn",
  "Article_elementLead__x", "vorspann", "c-summary__intro", "hero__excerpt", "article__preamble",
  "teaserText", a list of key points;
- a lead set in bold: the first paragraph after the headline, all of it in <strong>/<b>, followed by
  paragraphs that are not;
- else the page's description: what the site itself gives as the story's summary, even when it is
  the first paragraph (the reader's page then shows it once).
A standfirst found in the page's markup leaves the body: it is a field, not body text.
"""

from __future__ import annotations

import re
from itertools import islice

from . import patterns as p
from .headline import agreement_key

#: Words in class names that mark a standfirst ("lead", "vorspann", "chapo"...), matched as whole
#: words of the class name after splitting it at punctuation and camelCase.
STANDFIRST_WORDS = frozenset("""
standfirst dek deck subtitle subheadline subhead summary lede lead leadtext leadin excerpt strapline intro
introduction preamble abstract vorspann ingress ingresso chapo chapeau entradilla sumario sottotitolo
bulletpoints keypoints takeaways
""".split())
#: Pairs of such words that mark one together: "sub-title", "first-paragraph", "teaserText".
STANDFIRST_PAIRS = frozenset({("sub", "title"), ("sub", "headline"), ("first", "paragraph"), ("teaser", "text"),
                              ("article", "description"), ("kicker", "text"), ("key", "points")})
#: A standfirst is a sentence or a short paragraph, not a heading or the whole article.
MIN_WORDS, MAX_WORDS = 5, 80
#: Elements that may hold a standfirst.
CANDIDATE_TAGS = ("p", "div", "h2", "span", "li", "ul")
#: A paragraph this long, outside a figure, is the article's text: a standfirst comes before it.
BODY_WORDS = 25
#: A bold paragraph shorter than this is a label ("Read more:"), not a lead.
MIN_LEAD_WORDS = 8
#: Font weights heavier than the body's, as utility classes name them.
_WEIGHTS = frozenset({"medium", "semibold", "bold", "extrabold", "black"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
#: Class names of the site's own boxes: subscription offers, paywalls, newsletter sign-ups.
_SITE_BOX = re.compile(r"subscri|paywall|newsletter|sign-?up|regwall|abo-?(?:box|teaser|promo)", re.IGNORECASE)
BOX_DEPTH = 3
#: A data attribute's value longer than this is data (JSON, a web address), not a name.
MARKER_CHARS = 40
_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def class_words(marker: str) -> list[str]:
    """The words of class names: "article-leadText t-lead_x" -> article, lead, text, t, lead, x."""
    return [w.lower() for w in _CLASS_WORD.findall(marker)]


def names_standfirst(marker: str) -> bool:
    """Whether class names or an id say an element is a standfirst."""
    if p.RELATED_CLASS.search(marker):
        return False
    words = class_words(marker)
    return any(w in STANDFIRST_WORDS for w in words) or any(pair in STANDFIRST_PAIRS for pair in zip(words, words[1:]))


def marker(el) -> str:
    """What names an element: its class, id and short data attributes (data-manual="teaserText")."""
    data = " ".join(v for k, v in el.attrib.items() if k.startswith("data-") and len(v) <= MARKER_CHARS)
    return f"{el.get('class', '')} {el.get('id', '')} {data}"


def find_standfirst(tree, headline_el, headline: str | None = None) -> str | None:
    """The standfirst the page's markup gives: by class, else a bold lead; never the headline
    again (a page without an h1 sets its headline in bold)."""
    found = marked_standfirst(tree, headline_el) or bold_lead(tree, headline_el)
    return None if found and headline and agreement_key(found) == agreement_key(headline) else found


def _elsewhere(el) -> bool:
    """Whether an element is a box of the site's, not the story: an offer to subscribe or sign up
    (by its own class or that of a close ancestor: a page's wrapper may say "behind-paywall"), or a
    link to another story."""
    if any(_SITE_BOX.search(a.get("class", "")) for a in (el, *islice(el.iterancestors(), BOX_DEPTH))):
        return True
    linked = sum(len(visible_text(a)) for a in el.iter("a"))
    return linked >= 0.8 * len(visible_text(el))


def marked_standfirst(tree, headline_el) -> str | None:
    """The first element after the headline whose class names it a standfirst, looked for only
    until the article's text begins (a teaser or footer further down is not this story's)."""
    for el in _after_headline(tree, headline_el):
        if el.tag not in CANDIDATE_TAGS:
            continue
        if names_standfirst(marker(el)) and not _elsewhere(el):
            text = visible_text(el)
            if MIN_WORDS <= p.word_count(text) <= MAX_WORDS:
                return text
        if el.tag == "p" and p.word_count(visible_text(el)) >= BODY_WORDS \
                and not any(a.tag in ("figure", "figcaption") for a in el.iterancestors()):
            return None  # the article's text has begun
    return None


def _after_headline(tree, headline_el):
    """The page's elements after the headline (its own inside), in document order; all of them
    when there is none."""
    started = headline_el is None
    for el in tree.iter():
        if el is headline_el:
            started = True
        elif started:
            yield el


def bold_lead(tree, headline_el) -> str | None:
    """The first paragraph after the headline when all of it is bold and the one after it is not."""
    paragraphs = _paragraphs_after(tree, headline_el, 2)
    if len(paragraphs) < 2 or not all_bold(paragraphs[0]) or all_bold(paragraphs[1]):
        return None
    text = visible_text(paragraphs[0])
    return text if p.word_count(text) <= MAX_WORDS else None


def _paragraphs_after(tree, headline_el, count: int) -> list:
    """The first `count` paragraphs of some length after the headline, in document order."""
    found: list = []
    for el in _after_headline(tree, headline_el):
        if el.tag == "p" and p.word_count(visible_text(el)) >= MIN_LEAD_WORDS:
            found.append(el)
            if len(found) == count:
                break
    return found


def all_bold(el) -> bool:
    """Whether every word of an element is set in <strong> or <b> (inside it, or around it)."""
    if any(a.tag in ("strong", "b") for a in el.iterancestors()) or _bold_style(el):
        return True
    total = len(visible_text(el))
    bold = sum(len(visible_text(b)) for b in _outer_bold(el))
    return total > 0 and bold >= 0.9 * total


def _bold_style(el) -> bool:
    """Bold by its class ("bold", utility classes "font-semibold", "fw-bold") or its style
    ("font-weight: 700")."""
    words = class_words(el.get("class", ""))
    return "bold" in words or any(a in ("font", "fw") and b in _WEIGHTS for a, b in zip(words, words[1:])) \
        or bool(_BOLD_STYLE.search(el.get("style", "")))


def _outer_bold(el):
    """The <strong> and <b> elements inside an element that are not inside another one."""
    for bold in el.iter("strong", "b"):
        parent = bold.getparent()
        while parent is not None and parent is not el and parent.tag not in ("strong", "b"):
            parent = parent.getparent()
        if parent is el:
            yield bold


def visible_text(el) -> str:
    """An element's text without the scripts and styles inside it, spaces collapsed."""
    return p.clean(" ".join(el.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")))
