"""The lines of page text, and where among them the article's running text lies.

Page text (a browser's select-all, a text-mode dump, an HTML-to-text library, a WET record) keeps
the page's chrome: menus, share bars, cookie notices, link lists, footers. What tells the story from
it without markup is the shape of lines: the story is a run of long lines that read as sentences
(enough words, sentence punctuation at the end); chrome is runs of short lines that do not. The
body is the run where sentences outweigh everything else most (a maximum-sum run, in linear time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as p

#: A list item's marker: "• Text", "* Text", "- Text", "1. Text".
_BULLET = re.compile(r"^(?:[•*·▪◦‣●■□➤►→–-]|\d{1,2}[.)])\s+(?=\S)")
#: Scripts written without spaces between words: kana and CJK ideographs.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Characters a sentence ends with, and what may close it after them: quotes and brackets ("… it.”",
#: "… (see below.)"); a line that ends with a bracket alone ("Engineer (opens in a new window)")
#: is a link's label, not a sentence.
SENTENCE_END = tuple(".!?…。！？")
CLOSERS = "\"”’'»)]」』"
#: A line reads as a sentence from this many words on (when it ends like one)...
SENTENCE_WORDS = 8
#: ... and from this many whatever its end: a paragraph that lost its full stop.
LONG_LINE_WORDS = 30
#: A shorter line ending like a sentence, from this many words, weighs little but costs nothing.
SHORT_SENTENCE_WORDS = 4
#: What a line that does not read as a sentence costs the run it is in: a run of menu items, share
#: buttons or teaser titles outweighs the sentences beside it; a subheading among paragraphs does not.
SHORT_LINE_COST = 3
#: What a line that ends the story costs: a rail heading, a source line, a title printed twice.
BARRIER_COST = 200
#: Unspaced scripts: characters that count as one word.
CHARS_PER_WORD = 2

#: Sentences of the site, not the story: consent, sign-up and app boxes, in the languages met most.
BOILERPLATE = re.compile(
    r"cookie|javascript|newsletter|privacy (?:policy|notice|settings)|terms (?:of (?:use|service)|and conditions)"
    r"|all rights reserved|sign up (?:for|to)|subscribe (?:to|now|for)|your (?:inbox|browser)|ad ?blocker"
    r"|advertisement|story continues below|datenschutz|werbung|anzeige|abonnieren|alle rechte vorbehalten"
    r"|publicité|abonnez-vous|tous droits réservés|publicidad|suscríbete|todos los derechos|pubblicità"
    r"|iscriviti|tutti i diritti",
    re.IGNORECASE,
)
#: Boilerplate is a short line: a sentence about cookies in a long paragraph is the story's.
BOILERPLATE_MAX_WORDS = 40
#: A line that only points at another story: "RELATED: ...", "Read more: ...", "Lesen Sie auch: ...".
TEASER_LINE = re.compile(
    r"^(?:related|read more|read also|also read|see also|watch|listen|more|lesen sie (?:auch|mehr)|mehr zum thema"
    r"|auch interessant|lire aussi|à lire aussi|voir aussi|lee también|leer más|leggi anche|czytaj też"
    r"|läs också|les også|læs også)\s*[:|»>-]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Line:
    """One non-empty line: its text without indentation or list marker, and how it reads."""

    text: str
    words: int
    sentence: bool
    item: bool  # the converter marked it as a list item
    chrome: bool  # the site's: a menu word, a consent, sign-up or advert line, a teaser link


def words_in(text: str) -> int:
    """Words of a line, counting unspaced scripts (Chinese, Japanese) by characters."""
    unspaced = len(UNSPACED.findall(text))
    return len(text.split()) + unspaced // CHARS_PER_WORD


def line_of(raw: str) -> Line | None:
    text = raw.strip()
    marker = _BULLET.match(text)
    if marker:
        text = text[marker.end():]
    text = p.clean(text)
    if not text:
        return None
    words = words_in(text)
    sentence = words >= LONG_LINE_WORDS or (words >= SENTENCE_WORDS and ends_like_sentence(text))
    chrome = bool(words <= BOILERPLATE_MAX_WORDS and BOILERPLATE.search(text)) or bool(
        p.CHROME_LINE.match(text) or TEASER_LINE.match(text))
    return Line(text, words, sentence, bool(marker), chrome)


def ends_like_sentence(text: str) -> bool:
    return text.rstrip(CLOSERS).endswith(SENTENCE_END) or text.endswith(("”", '"', "»", "」"))


def lines_of(text: str) -> list[Line]:
    """The non-empty lines of a page's text."""
    return [line for raw in text.split("\n") if (line := line_of(raw)) is not None]


def is_barrier(lines: list[Line], i: int) -> bool:
    """Whether line i ends the story (or opens it): a source line, a rail heading, a title printed
    twice, a line that dates something (the story's dateline, or a teaser's or a comment's under it)."""
    line = lines[i]
    return bool(p.SOURCE_LINE.match(line.text) or p.RAIL_HEADING.match(line.text)
                or (not line.sentence and not line.chrome
                    and ((i + 1 < len(lines) and lines[i + 1].text == line.text) or p.date_in(line.text))))


def line_score(lines: list[Line], i: int) -> int:
    line = lines[i]
    if is_barrier(lines, i):
        return -BARRIER_COST
    if line.chrome:
        return -SHORT_LINE_COST
    if line.sentence:
        return line.words
    if line.words >= SHORT_SENTENCE_WORDS and ends_like_sentence(line.text):
        return 1  # "He declined to comment.": part of the story, though no evidence of one
    return -SHORT_LINE_COST


def densest_run(lines: list[Line]) -> tuple[int, int, int]:
    """(start, end, weight) of the run of lines whose scores sum highest; end is exclusive."""
    best = (0, 0, 0)
    start, total = 0, 0
    for i in range(len(lines)):
        if total <= 0:
            start, total = i, 0
        total += line_score(lines, i)
        if total > best[2]:
            best = (start, i + 1, total)
    return best
