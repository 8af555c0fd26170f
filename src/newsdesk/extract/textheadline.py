"""Which line of page text is the headline, and the lines around it that are none: bylines,
datelines, captions and credits, metadata (`textpage` reads them into the header).

A headline is long enough to say something, speaks of what the body speaks of, is often printed
more than once (a title line, a breadcrumb, a share text) and followed by a byline or a date; of
the lines nearly as headline-like as the best, it is the topmost. It is no caption (a line over a
photo credit, wherever the page prints it), no title in a list of other stories' titles, no aside
in brackets. docs/architecture.md gives each rule.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from ..model import Image
from . import patterns as p
from .authors import byline_of
from .headline import tail_of, without_site_name
from .textlines import UNSPACED, Line, is_dateline


#: How far down the page the header (metadata, headline) is looked for.
HEAD_WINDOW = 12
#: How far above the body the headline is looked for, in lines.
HEADLINE_SPAN = 30
#: A line this short right over a longer near-best line is its kicker ("Krieg in der Ukraine").
KICKER_WORDS = 4
#: Lines scoring this share of the best are as likely the headline; the topmost of them is taken.
NEAR_BEST = 0.6
#: A headline's score when it shares no word with the body (a pun, a quote) is not zero.
TERMS_FLOOR = 0.3
_WORD = re.compile(r"\w+")
MIN_HEADLINE_WORDS = 1
#: Headlines run to about this many words; lines shorter are less likely to be one.
HEADLINE_WORDS = 8
#: ... and seldom to more than this many: a longer line is more likely a standfirst or a caption.
LONG_HEADLINE_WORDS = 12
MAX_HEADLINE_WORDS = 40
#: A line this short may be the site's name, cut from the end of a headline.
SITE_NAME_WORDS = 4
#: "Storm hits | Coast News", "Storm hits - Coast News": where a site's name begins.
_SUFFIX_SEPARATOR = re.compile(r"\s[|\-–—·:»]\s|\|")
#: Lines as long as a headline that follow one another this many times are a list of other stories.
TITLE_LIST_RUN = 4
TITLE_LIST_WORDS = 5
#: A breadcrumb that ends with a line this long repeats the headline.
MIN_CRUMBED_CHARS = 20


def find_headline(lines: list[Line], body_start: int, body_end: int) -> int | None:
    """Index of the headline among the lines above the body (or among its first lines, when they
    are no statement: a caption may open the run of sentences, the headline and byline under it).
    Of the lines nearly as headline-like as the best, it is the topmost (a standfirst or a caption
    follows it, they do not precede it)."""
    scores = headline_scores(lines, body_start, body_end)
    if not scores:
        return None
    keys = [" ".join(line.text.casefold().split()) for line in lines]
    best = max(scores.values())
    chosen = min(i for i, score in scores.items() if score >= NEAR_BEST * best)
    # a kicker gives way to the longer headline right under it ("Krieg in der Ukraine" over its title)
    under = next((i for i in range(chosen + 1, chosen + 3) if i in scores), None)
    if (under is not None and scores[under] >= NEAR_BEST * best
            and lines[chosen].words <= KICKER_WORDS < lines[under].words):
        chosen = under
    # a title line ("Storm hits | Coast News") or a breadcrumb ("Home » News » Storm hits") that
    # holds the headline gives way to it
    key = keys[chosen]
    return next((i for i in scores if i > chosen and key != keys[i] and (
        scores[i] >= NEAR_BEST * NEAR_BEST * best or i == chosen + 1)  # printed right under it, however short
                 and (key.endswith(keys[i]) or is_titled(key, keys[i]))), chosen)


def headline_scores(lines: list[Line], body_start: int, body_end: int) -> dict[int, float]:
    """How headline-like each candidate line is: long enough to say something, speaking of what the
    body speaks of, often repeated by the page (a title line, a breadcrumb, a share text) and
    followed by a byline or date."""
    texts = [line.text for line in lines]
    keys = [" ".join(t.casefold().split()) for t in texts]  # one page prints one title one way
    glued = [spaceless(t) for t in texts]  # ... but converters space or glue its parts anew
    counts = Counter(glued)
    captions = {glued[i] for i in range(len(texts) - 1) if p.CREDIT_LINE.match(texts[i + 1])}
    body_terms = set().union(*(terms_of(t) for t in texts[body_start:body_end]))
    scores: dict[int, float] = {}
    above = range(max(0, body_start - HEADLINE_SPAN), min(body_start + 1, len(lines)))
    inside = range(body_start + 1, min(body_start + HEAD_WINDOW, body_end, len(lines)))
    for i in [*above, *inside]:
        if not could_be_headline(lines[i]) or (i == body_start and texts[i].endswith(".")) or (
                i > body_start and lines[i].sentence) or glued[i] in captions:
            continue  # a line the page prints over a photo credit is the photo's caption
        if any(read_byline(t) for t in texts[max(0, i - 3) : i]) and scores:
            continue  # under a byline that follows a headline: a caption or a standfirst
        followed = any(is_head_item(t) for t in texts[i + 1 : i + 4])
        if in_title_list(lines, i, followed):
            continue
        if i > body_start and (scores or not followed):
            continue  # inside the body (under a caption that opens it) only when nothing above, and
            #           with a byline or date under it
        signals = 1.0 + followed
        if counts[glued[i]] > 1 or any(is_titled(k, keys[i]) for k in keys[:i]) or any(
                is_crumbed(k, glued[i]) for k in glued[:i]):
            signals += 2
        terms = terms_of(texts[i])
        shared = len(terms & body_terms) / len(terms) if terms else 0.0
        scores[i] = signals * length_fit(lines[i].words) * (TERMS_FLOOR + shared)
    return scores


def as_listed(lines: list[Line], i: int) -> str:
    """Line i's text, or as a list item (a breadcrumb's last) prints it the same but for white
    space: an item is one piece of text, a headline's kicker and title are spaced anew by converters."""
    key = spaceless(lines[i].text)
    return next((line.text for line in lines if line.item and spaceless(line.text) == key), lines[i].text)


def length_fit(words: int) -> float:
    """How much a line's length is a headline's: rising steeply to HEADLINE_WORDS (a kicker or a
    section name is short), falling past LONG_HEADLINE_WORDS."""
    if words <= HEADLINE_WORDS:
        return (words / HEADLINE_WORDS) ** 2
    return min(1.0, LONG_HEADLINE_WORDS / words)


def terms_of(text: str) -> set[str]:
    """The words of a text that carry its subject: words of four letters or more, and pairs of
    characters in unspaced scripts."""
    terms = {w for w in _WORD.findall(text.casefold()) if len(w) >= 4 and not UNSPACED.search(w)}
    unspaced = "".join(UNSPACED.findall(text))
    return terms | {unspaced[i : i + 2] for i in range(len(unspaced) - 1)}


def could_be_headline(line: Line) -> bool:
    text = line.text
    return (MIN_HEADLINE_WORDS <= line.words <= MAX_HEADLINE_WORDS and not line.item
            and not text.endswith((".", ",", ";", ":")) and not is_structural(text) and not line.chrome
            and not is_head_item(text) and not p.RAIL_HEADING.match(text) and any(c.isalpha() for c in text)
            and not (text.startswith("(") and text.endswith(")"))  # an aside: a credit, a note
            and not ends_with_date(text))  # a caption: "Tanks near Bakhmut, 24 April 2023"


def ends_with_date(text: str) -> bool:
    """Whether a line that says more than a date ends with one."""
    rest = p.without_dates(text)
    return rest != text and rest.endswith(" ") and bool(rest.strip(" ,.-–—|"))


def is_head_item(text: str) -> bool:
    """A byline, a dateline, a reading time or a caption: what sits between headline and body."""
    return bool(read_byline(text) or dateline_in(text) or p.READING_TIME.match(text)
                or p.METADATA_LINE.match(text) or read_caption(text) or p.CREDIT_LINE.match(text))


def in_title_list(lines: list[Line], i: int, followed: bool) -> bool:
    """Whether line i is one of a list of other stories' titles: TITLE_LIST_RUN lines in a row
    (itself among them), each as long as a headline, none a sentence, none over a byline or date.
    The list's last line, with a byline or date under it (`followed`) and no headline-long line
    between (a standfirst may be), is the story's headline printed under the list."""
    def title_like(j: int) -> bool:
        line = lines[j]
        return (line.words >= TITLE_LIST_WORDS and not line.sentence and could_be_headline(line)
                and not (j + 1 < len(lines) and is_head_item(lines[j + 1].text)))

    if not title_like(i):
        return False
    run_start = run_end = i
    while run_start > 0 and title_like(run_start - 1):
        run_start -= 1
    while run_end + 1 < len(lines) and title_like(run_end + 1):
        run_end += 1
    if run_end - run_start + 1 < TITLE_LIST_RUN:
        return False
    after = lines[i + 1] if i + 1 < len(lines) else None
    headline_after = after is not None and could_be_headline(after) and after.words <= LONG_HEADLINE_WORDS
    return not (i == run_end and followed and not headline_after)


def spaceless(text: str) -> str:
    """A line's text case-folded and without white space: the key of what a page prints more than
    once, which converters space differently ("Storm: Coast hit", "Storm : Coast hit")."""
    return "".join(text.casefold().split())


def is_crumbed(crumb_key: str, headline_key: str) -> bool:
    """Whether a line is a breadcrumb ending in the headline ("HomeNewsStorm hits"), both
    `spaceless`."""
    return len(crumb_key) > len(headline_key) >= MIN_CRUMBED_CHARS and crumb_key.endswith(headline_key)


def is_titled(title_key: str, headline_key: str) -> bool:
    """Whether a line is the headline plus the site's name ("Storm hits | Coast News"), both
    case-folded."""
    return len(title_key) > len(headline_key) and title_key.startswith(headline_key) and \
        tail_of(title_key, headline_key)


def without_site_suffix(headline: str, texts: list[str], url: str | None) -> str:
    """The headline with a site's name cut when the page prints it after a bar ("Storm | CBC
    News") or the name is the URL's host ("Storm - Coast News" on coastnews.com)."""
    names = [t for t in texts if 0 < len(t) < len(headline) and p.word_count(t) <= SITE_NAME_WORDS]
    if url and (host := urlsplit(url).hostname):
        label = host.removeprefix("www.").split(".")[0]
        tail = _SUFFIX_SEPARATOR.split(headline)[-1]
        if tail != headline and re.sub(r"\W", "", tail).casefold() == label.casefold():
            names.append(tail)
    return without_site_name(headline, names)


def dateline_in(line: str) -> str | None:
    """The date a short line that is no sentence holds: a dateline ("Posted: Mar 3, 2024 8:15 AM")."""
    return None if line.endswith(".") or not is_dateline(line) else p.date_in(line)


def read_byline(line: str) -> str | None:
    if m := p.BYLINE.match(line):
        return m["byline"].strip()
    return byline_of(line)


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
