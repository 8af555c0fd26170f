"""Scraped page text (a page's visible text, one block a line) to an Article.

Such text keeps a page's layout but none of its markup, so structure is read from the shape of
lines: a metadata line (date, category), "3 min read", the headline (pages often print it twice,
once as the title and once over the photo), the standfirst between those two, a photo caption
with its credit, a dateline, the body, a "SOURCE:" line, and a rail of related stories whose titles
are often printed twice (text and image link). Everything else is site chrome.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..dates import normalize_published, published_fields
from ..errors import NotANewsPage
from ..model import Article, Block, Image, RelatedLink, article_id_for
from . import patterns as p
from .authors import authors_from

#: How far down the page the header (metadata, headline) is looked for.
HEAD_WINDOW = 12
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

    Raises NotANewsPage when no headline with a body under it is found.
    """
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    header, body_start = read_header(lines, origin)
    body_end = find_body_end(lines, body_start)
    body = read_body(lines[body_start:body_end])
    if not any(block.type == "paragraph" for block in body):
        raise NotANewsPage(origin, "no article body under the headline")
    tail = read_tail(lines[body_end:])
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


def read_header(lines: list[str], origin: str) -> tuple[Header, int]:
    """The header fields and the index of the first body line."""
    header = Header()
    start = 0
    for i, line in enumerate(lines[:HEAD_WINDOW]):
        if read_metadata(line, header):
            start = i + 1  # anything above the metadata line is site chrome
        elif header.reading_time is None and (m := p.READING_TIME.match(line)):
            header.reading_time = int(m["minutes"])
            start = max(start, i + 1)
    headline_at, repeat_at = find_headline(lines, start)
    if headline_at is None:
        raise NotANewsPage(origin, "no headline found")
    header.headline = lines[headline_at]
    if repeat_at is not None:
        header.standfirst = " ".join(lines[headline_at + 1 : repeat_at]) or None
        cursor = repeat_at + 1
    else:
        cursor = headline_at + 1
        if standfirst_at(lines, cursor):
            header.standfirst = lines[cursor]
            cursor += 1
    while cursor < len(lines) and read_head_item(lines[cursor], header):
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


def find_headline(lines: list[str], start: int) -> tuple[int | None, int | None]:
    """Index of the headline and of its second printing, if the page prints it twice."""
    window = lines[start : start + HEAD_WINDOW]
    for i, line in enumerate(window):
        for j in range(i + 1, min(i + 1 + HEADLINE_REPEAT_WINDOW, len(window))):
            if window[j] == line and not is_structural(line):
                return start + i, start + j
    for i, line in enumerate(window):
        if not is_structural(line) and not p.CHROME_LINE.match(line):
            return start + i, None
    return None, None


def standfirst_at(lines: list[str], i: int) -> bool:
    """Whether line i is a standfirst: a lone line between headline and caption, byline or dateline."""
    if i + 1 >= len(lines) or is_structural(lines[i]) or p.BYLINE.match(lines[i]) or read_caption(lines[i]):
        return False
    following = lines[i + 1]
    return bool(
        p.DATE_LINE.match(following)
        or p.BYLINE.match(following)
        or p.CAPTION_WITH_CREDIT.match(following)
        or p.CAPTION_TRAILING_CREDIT.match(following)
    )


def read_head_item(line: str, header: Header) -> bool:
    """Take a caption, dateline, byline or reading time that sits between headline and body."""
    if header.image is None and (image := read_caption(line)):
        header.image = image
    elif header.dateline is None and (m := p.DATE_LINE.match(line)):
        header.dateline = m["date"]
        header.published = header.published or m["date"]
    elif header.byline is None and (m := p.BYLINE.match(line)):
        header.byline = m["byline"].strip()
    elif header.reading_time is None and (m := p.READING_TIME.match(line)):
        header.reading_time = int(m["minutes"])
    else:
        return False
    return True


def read_caption(line: str) -> Image | None:
    """A photo caption with its credit: "Text. (Photo: AA) / AA" gives caption "Text." and credit "AA"."""
    m = p.CAPTION_WITH_CREDIT.match(line) or p.CAPTION_TRAILING_CREDIT.match(line)
    if not m:
        return None
    groups = m.groupdict()
    credit = (groups.get("credit") or groups.get("credit2") or "").strip() or None
    return Image(caption=(groups.get("caption") or "").strip() or None, credit=credit)


def is_structural(line: str) -> bool:
    """Lines that carry page structure and are never headline or body text."""
    return bool(
        p.METADATA_LINE.match(line)
        or p.READING_TIME.match(line)
        or p.DATE_LINE.match(line)
        or p.SOURCE_LINE.match(line)
        or p.RAIL_HEADING.match(line)
    )


def find_body_end(lines: list[str], start: int) -> int:
    """The first line after the body: a source line, a rail heading, or a title printed twice."""
    for i in range(start, len(lines)):
        line = lines[i]
        if p.SOURCE_LINE.match(line) or p.RAIL_HEADING.match(line):
            return i
        if i + 1 < len(lines) and lines[i + 1] == line:
            return i
    return len(lines)


def read_body(lines: list[str]) -> list[Block]:
    """Paragraphs and subheadings; chrome and stray captions dropped."""
    kept = [line for line in lines if not p.CHROME_LINE.match(line) and not read_caption(line)]
    blocks = []
    for i, line in enumerate(kept):
        is_heading = p.looks_like_heading(line) and 0 < i < len(kept) - 1 and not p.looks_like_heading(kept[i + 1])
        blocks.append(Block(type="heading" if is_heading else "paragraph", text=line))
    return blocks


def read_tail(lines: list[str]) -> Tail:
    """Source and related stories from the lines after the body."""
    tail = Tail()
    rail: list[str] = []
    seen_rail_heading = False
    for line in lines:
        if tail.source is None and (m := p.SOURCE_LINE.match(line)):
            tail.source = m["source"].strip()
        elif p.RAIL_HEADING.match(line):
            seen_rail_heading = True
        else:
            rail.append(line)
    titles = titles_printed_twice(rail)
    if not titles and seen_rail_heading:
        titles = [
            line for line in rail if p.word_count(line) >= MIN_RELATED_TITLE_WORDS and not p.CHROME_LINE.match(line)
        ]
    tail.related = [RelatedLink(title=title) for title in titles]
    return tail


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
