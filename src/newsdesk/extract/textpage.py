"""Page text (a page's visible text, one block a line) to an Article.

Such text — a browser's select-all, a text-mode dump, an HTML-to-text library's output, a WET
record, the seed — keeps a page's layout and chrome but none of its markup, so structure is read
from the shape of lines (`textlines`): the body is the run of lines that read as sentences; the
headline is the line above it most like one; between them the header (standfirst, caption and
credit, dateline, byline; above the headline a metadata line and reading time, and in the seed's
layout the headline printed twice with the standfirst between); after the body a source line and
a rail of related stories (titles printed twice, or listed under a rail heading). Everything else
is site chrome. docs/architecture.md gives each rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..dates import normalize_published, published_fields
from ..errors import NotANewsPage
from ..model import Article, Block, Image, RelatedLink, article_id_for
from . import patterns as p
from .authors import authors_from
from .textheadline import (HEAD_WINDOW, as_listed, dateline_in, find_headline, is_head_item, is_structural,
                           read_byline, read_caption, without_site_suffix)
from .textlines import SENTENCE_WORDS, Line, bracketed, is_barrier, is_stop, lines_of, story_lines, words_in

#: A page with neither date nor byline is news only with this many words of body (a product page,
#: a landing page, a profile has a title and a blurb).
UNDATED_MIN_WORDS = 40
#: A text without a sentence of SENTENCE_WORDS words is no article.
MIN_BODY_WORDS = SENTENCE_WORDS
#: Runs of this many lines that are no sentences are link lists or share bars, unless their lines
#: are as long as MENU_ITEM_WORDS (a list of the story's points).
MENU_RUN = 3
MENU_ITEM_WORDS = 6
#: What separates the items of a link list written on one line: "Corrections | Submit a tip".
LIST_SEPARATORS = "|•·"
#: How close the headline's second printing must follow the first.
HEADLINE_REPEAT_WINDOW = 4
#: Related-story titles shorter than this are taken for chrome when titles are not printed twice.
MIN_RELATED_TITLE_WORDS = 4


@dataclass
class Header:
    published: str | None = None  # as the page writes it
    category: str | None = None
    reading_time: int | None = None
    headline: str = ""  # read_header raises NotANewsPage before it returns a page without one
    standfirst: str | None = None
    image: Image | None = None
    dateline: str | None = None
    byline: str | None = None


@dataclass
class Tail:
    source: str | None = None
    related: list[RelatedLink] = field(default_factory=list)


def read_text_page(text: str, origin: str, url: str | None = None) -> Article:
    """Read decoded page text into an Article (a new record).

    Raises NotANewsPage when the text holds no run of sentences (a menu, a shop, a list) or no
    headline above it.
    """
    printed = lines_of(text)
    lines, (start, end, weight) = story_lines(printed)
    if weight < MIN_BODY_WORDS:
        raise NotANewsPage(origin, "no article body: no run of sentences in the text")
    end = take_unfinished_last_line(lines, end)
    header, body_start = read_header(printed, start, end, url)  # a title printed again is the headline's sign
    if header is None:
        raise NotANewsPage(origin, "no headline found above the text's sentences")
    body = read_body(lines[body_start:end])
    if not any(block.type == "paragraph" for block in body):
        raise NotANewsPage(origin, "no article body under the headline")
    words = sum(words_in(block.text) for block in body)
    if header.published is None and header.byline is None and words < UNDATED_MIN_WORDS:
        raise NotANewsPage(origin, f"not a news article: no date, no byline and {words} words under the headline")
    tail = read_tail([line.text for line in lines[end:]])
    return Article(
        id=article_id_for(url or origin),
        url=url,
        origin=origin,
        **published_fields(header.published, origin),
        category=header.category,
        reading_time_minutes=header.reading_time or p.reading_minutes(b.text for b in body),
        headline=header.headline,
        standfirst=header.standfirst,
        image=header.image,
        dateline=header.dateline,
        byline=header.byline,
        authors=authors_from(header.byline),
        body=body,
        source=tail.source,
        related=tail.related,
    )


def take_unfinished_last_line(lines: list[Line], end: int) -> int:
    """The body's end, moved past a last paragraph that lost its full stop: a line of sentence
    length right before the line that ends the story (a source line, a rail heading)."""
    if end + 1 < len(lines) and is_barrier(lines, end + 1) and not is_barrier(lines, end):
        line = lines[end]
        if (line.words >= SENTENCE_WORDS // 2 and not line.chrome and not p.looks_like_heading(line.text, 3)
                and not any(c in line.text for c in LIST_SEPARATORS)):
            return end + 1
    return end


def read_header(lines: list[Line], body_start: int, body_end: int, url: str | None) -> tuple[Header | None, int]:
    """The header fields above (and at the top of) the body, and the index of the body's first line."""
    texts = [line.text for line in lines]
    headline_at = find_headline(lines, body_start, body_end)
    if headline_at is None:
        return None, body_start
    header = Header(headline=without_site_suffix(as_listed(lines, headline_at), texts, url))
    for text in texts[max(0, headline_at - HEAD_WINDOW) : headline_at]:
        if not read_metadata(text, header) and header.reading_time is None and (m := p.READING_TIME.match(text)):
            header.reading_time = int(m["minutes"])
    repeat_at = next((j for j in range(headline_at + 1, min(headline_at + 1 + HEADLINE_REPEAT_WINDOW, len(texts)))
                      if texts[j] == texts[headline_at]), None)
    cursor = headline_at + 1
    if repeat_at is not None:  # the headline printed twice, the standfirst between
        header.standfirst = " ".join(texts[cursor:repeat_at]) or None
        cursor = repeat_at + 1
    while cursor < len(lines):
        line = lines[cursor]
        if read_head_item(line.text, header):
            pass
        elif header.standfirst is None and line.sentence and (cursor < body_start or standfirst_at(texts, cursor)):
            header.standfirst = line.text
        elif cursor >= body_start:
            break
        cursor += 1
    return header, cursor


def read_metadata(line: str, header: Header) -> bool:
    """Fill date and category from a metadata line; False when the line is not one."""
    m = p.METADATA_LINE.match(line)
    if not m or header.category is not None:
        return False
    written = m["date"] or m["date2"]
    if normalize_published(written)[0] is None:
        return False
    header.published = written
    header.category = (m["category"] or m["category2"]).strip()
    return True


def standfirst_at(lines: list[str], i: int) -> bool:
    """Whether line i is a standfirst: a lone line between headline and caption, byline or dateline."""
    if i + 1 >= len(lines) or is_structural(lines[i]) or is_head_item(lines[i]):
        return False
    return is_head_item(lines[i + 1])


def read_head_item(line: str, header: Header) -> bool:
    """Take a caption, dateline, byline or reading time that sits between headline and body."""
    if header.image is None and (image := read_caption(line)):
        header.image = image
    elif header.dateline is None and (written := dateline_in(line)):
        header.dateline = written
        header.published = header.published or written
    elif header.byline is None and (byline := read_byline(line)):
        header.byline = byline
    elif header.reading_time is None and (m := p.READING_TIME.match(line)):
        header.reading_time = int(m["minutes"])
    else:
        return False
    return True


def read_body(lines: list[Line]) -> list[Block]:
    """Paragraphs and subheadings; chrome, teaser links, stray captions, link lists and boxes of
    other stories inside the story (a rail heading or a teaser's date and the lines under it up to
    the next sentence) dropped."""
    kept, in_box = [], False
    for line in lines:
        in_box = bool(p.RAIL_HEADING.match(line.text)) or is_stop(line) or (in_box and not line.sentence)
        if not (in_box or line.chrome or read_caption(line.text) or is_placeholder(line)):
            kept.append(line)
    runs = run_lengths(kept)
    kept = [line for line, run in zip(kept, runs) if line.sentence or line.words >= MENU_ITEM_WORDS or run < MENU_RUN]
    while kept and not kept[0].sentence and kept[0].words < MENU_ITEM_WORDS:  # a share bar's last button
        kept.pop(0)
    blocks = []
    for i, line in enumerate(kept):
        is_heading = (not line.sentence and p.looks_like_heading(line.text) and 0 < i < len(kept) - 1
                      and not p.looks_like_heading(kept[i + 1].text))
        blocks.append(Block(type="heading" if is_heading else "paragraph", text=line.text))
    return blocks


def is_placeholder(line: Line) -> bool:
    """An image or a control a text-mode browser shows in brackets: "[photo-03]", "[ ]", "[▼]"."""
    return not line.sentence and bracketed(line.text)


def run_lengths(lines: list[Line]) -> list[int]:
    """For each line, how long the run of consecutive lines that are no sentences is that it
    belongs to (0 for a sentence)."""
    lengths = [0] * len(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and not lines[j].sentence:
            j += 1
        lengths[i:j] = [j - i] * (j - i)
        i = max(j, i + 1)
    return lengths


def read_tail(lines: list[str]) -> Tail:
    """Source and related stories from the lines after the body."""
    tail = Tail()
    rail: list[str] = []
    after_heading: list[str] | None = None
    for line in lines:
        if tail.source is None and (m := p.SOURCE_LINE.match(line)):
            tail.source = m["source"].strip()
        elif p.RAIL_HEADING.match(line):
            after_heading = after_heading if after_heading is not None else []
        else:
            rail.append(line)
            if after_heading is not None:
                after_heading.append(line)
    titles = titles_printed_twice(rail) or rail_titles(after_heading or [])
    tail.related = [RelatedLink(title=title) for title in titles]
    return tail


def rail_titles(lines: list[str]) -> list[str]:
    """The titles under a rail heading: the run of lines long enough to be titles, up to the first
    short line after it (the footer's links)."""
    titles: list[str] = []
    for line in lines:
        if p.word_count(line) >= MIN_RELATED_TITLE_WORDS and not p.CHROME_LINE.match(line):
            titles.append(line)
        elif titles:
            break
    return titles


def titles_printed_twice(lines: list[str]) -> list[str]:
    """Lines that appear twice in a row, once each, in order."""
    titles, i = [], 0
    while i < len(lines):
        if i + 1 < len(lines) and lines[i + 1] == lines[i]:
            titles.append(lines[i])
            i += 2
        else:
            i += 1
    return titles
