"""The lines of page text, and where among them the article's running text lies.

Page text (a browser's select-all, a text-mode dump, an HTML-to-text library, a WET record) keeps
the page's chrome: menus, share bars, cookie notices, link lists, footers. What tells the story from
it without markup is the shape of lines: the story is a run of long lines that read as sentences
(enough words, sentence punctuation at the end); chrome is runs of short lines that do not. The
body is where sentences outweigh everything else most: the heaviest of the runs a running sum of
the lines' scores finds, joined across the boxes inside a story, in linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace

from . import patterns as p

#: A list item's marker: "• Text", "* Text", "- Text", "1. Text".
_BULLET = re.compile(r"^(?:[•*·▪◦‣●■□➤►→–-]|\d{1,2}[.)])\s+(?=\S)")
#: Scripts written without spaces between words: kana and CJK ideographs.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Characters a sentence ends with, and what may close it after them: quotes and brackets ("… it.”",
#: "… (see below.)"); a line that ends with a bracket alone ("Engineer (opens in a new window)")
#: is a link's label, not a sentence.
SENTENCE_END = tuple(".!?…。！？।؟۔։።")
TRUNCATED = ("...", "…", "[…]", "[...]")
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
#: ... and what one no story runs across costs: a source line, a dateline.
STOP_COST = 10**6
#: A line of this many words or fewer printed this many times is a label of the page's layout.
LABEL_WORDS = 3
LABEL_REPEATS = 3
#: A run of sentences this close to the body (in lines that are not chrome) and this heavy is more
#: of it, cut off by a box inside the story ("Read more", a teaser, an advert): joined to it.
JOIN_GAP = 8
JOIN_WEIGHT = 20
#: What a story carried past a box must share with it (`story_past_boxes`, `topic_words`).
TOPIC_SHARE = 0.3
#: The share of the story run's weight left when the sentences a page repeats are taken for chrome,
#: for the run so found to be the story's (`story_lines`).
UNIQUE_SHARE = 0.7
_TOPIC_WORD = re.compile(r"\w{5,}")
#: A social network's handle: the signature of an embedded post, "— Jane Roe (@janeroe) November 1, 2019".
_HANDLE = re.compile(r"\(@\w+\)|\s@\w{2,}")
#: Where clauses break: a list of tags breaks at each tag, prose every several words.
_CLAUSE_BREAK = re.compile(r"[,;:.!?，、。；：।،؛؟۔]")
TAG_WORDS = 3
#: A comment thread's heading ends the page's runs when a run this heavy came before it (a
#: "Comments" button in the header ends nothing).
COMMENTS_AFTER = 100
#: A dateline has at most this many words besides its dates ("Posted:", "Updated", a name).
DATELINE_WORDS = 6
#: A teaser's title under its date has at least this many words.
TEASER_TITLE_WORDS = 4
#: Unspaced scripts: characters that count as one word.
CHARS_PER_WORD = 2

#: Sentences of the site, not the story: consent, sign-up, paywall and app boxes, in the languages met most.
BOILERPLATE = re.compile(
    r"cookie|javascript|newsletter|privacy (?:policy|notice|settings)|terms (?:of (?:use|service)|and conditions)"
    r"|all rights reserved|sign up (?:for|to)|subscribe (?:to|now|for)|your (?:inbox|browser)|ad ?blocker"
    r"|create an account|(?:register|sign in|log in) to (?:unlock|continue|read)|reserved for subscribers"
    r"|(?:unlimited|full) (?:digital|online) access|already a subscriber|continue (?:reading|with your reading)"
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
    sentence = ((words >= LONG_LINE_WORDS and reads_as_prose(text))
                or (words >= SENTENCE_WORDS and ends_like_sentence(text)))
    chrome = bool(words <= BOILERPLATE_MAX_WORDS and BOILERPLATE.search(text)) or bool(
        p.CHROME_LINE.match(text) or TEASER_LINE.match(text))
    return Line(text, words, sentence, bool(marker), chrome)


def reads_as_prose(text: str) -> bool:
    """Whether a long line without a sentence's end is a paragraph that lost it, not a list of
    words (a tag cloud, keywords): prose has clause punctuation, and clauses longer than a tag."""
    clauses = _CLAUSE_BREAK.split(text)
    return len(clauses) > 1 and words_in(text) / len(clauses) > TAG_WORDS


def ends_like_sentence(text: str) -> bool:
    """Whether a line ends as a sentence does; not one cut short with an ellipsis (a teaser's blurb)."""
    return (text.rstrip(CLOSERS).endswith(SENTENCE_END) or text.endswith(("”", '"', "»", "」"))) and \
        not text.endswith(TRUNCATED)


def lines_of(text: str) -> list[Line]:
    """The non-empty lines of a page's text; a line of a few words the page prints again and again
    is a label of its layout ("Article content", "Advertisement"), chrome."""
    lines = [line for raw in text.split("\n") if (line := line_of(raw)) is not None]
    counts = Counter(line.text for line in lines if line.words <= LABEL_WORDS)
    return [replace(line, chrome=True) if counts[line.text] >= LABEL_REPEATS else line for line in lines]


def story_lines(lines: list[Line]) -> tuple[list[Line], tuple[int, int, int]]:
    """The lines to read the story in, and its run (`body_run`) among them. A story says each thing
    once, where a rail repeats its teasers (an image's caption over its title, a teaser in two
    lists): with the sentences the page prints more than once taken for chrome, the run found is
    the story's, when it lies in the run found with them and keeps most of its weight
    (`UNIQUE_SHARE`); else the page is one that repeats itself (a meal plan's steps, a test page's
    paragraphs, a story printed twice) and its lines are read as they are."""
    run = body_run(lines)
    counts = Counter(line.text for line in lines if line.sentence)
    if all(n == 1 for n in counts.values()):
        return lines, run
    unique = [replace(line, chrome=True, sentence=False) if line.sentence and counts[line.text] > 1 else line
              for line in lines]
    found = body_run(unique)
    inside = run[0] <= found[0] and found[1] <= run[1]
    return (unique, found) if inside and found[2] >= UNIQUE_SHARE * run[2] else (lines, run)


def is_barrier(lines: list[Line], i: int) -> bool:
    """Whether line i ends the story (or opens it): a stop (`is_stop`), a rail or comment thread's
    heading, a title printed twice."""
    return is_stop(lines[i]) or closes_story(lines, i)


def closes_story(lines: list[Line], i: int) -> bool:
    """A barrier a story joined across a box may cross: a rail or comment thread's heading, a title
    printed twice."""
    line = lines[i]
    return bool(p.RAIL_HEADING.match(line.text) or p.COMMENTS_HEADING.match(line.text)) or (
        not line.sentence and not line.chrome and i + 1 < len(lines) and lines[i + 1].text == line.text)


def is_stop(line: Line) -> bool:
    """Whether a line no story runs across, however long: a source line, a line that dates
    something (the story's dateline, or a teaser's or a comment's under it)."""
    return bool(p.SOURCE_LINE.match(line.text)) or (not line.sentence and not line.chrome and is_dateline(line.text))


def bracketed(text: str) -> bool:
    """A line wholly in brackets: an image or a control a text-mode browser shows ("[photo-03]", "[ ]")."""
    return text.startswith("[") and text.endswith("]")


def is_dateline(text: str) -> bool:
    """Whether a line is there to date something: a date and a few words (a label, a name, a
    section), or a time counted back ("2 days ago at 07:52 am": a comment's), not a caption that
    ends with the day its photo was taken."""
    if bracketed(text) or _HANDLE.search(text):
        return False  # an image a text-mode browser shows by its name, "[2022-05-11-storm-03]"; an
        #               embedded post's signature, "— Jane Roe (@janeroe) November 1, 2019"
    if p.RELATIVE_TIME.search(text):
        return len(text.split()) <= DATELINE_WORDS + 3
    return (p.date_in(text) is not None or p.SLASHED_DATE.search(text) is not None) and sum(
        1 for word in p.without_dates(text).split() if any(c.isalpha() for c in word)) <= DATELINE_WORDS


def line_score(lines: list[Line], i: int) -> int:
    line = lines[i]
    if is_stop(line):
        return -STOP_COST
    if closes_story(lines, i):
        return -BARRIER_COST
    if line.chrome:
        return -SHORT_LINE_COST
    if line.sentence:
        return line.words
    if line.words >= SHORT_SENTENCE_WORDS and ends_like_sentence(line.text):
        return 1  # "He declined to comment.": part of the story, though no evidence of one
    return -SHORT_LINE_COST


def body_run(lines: list[Line]) -> tuple[int, int, int]:
    """(start, end, weight) of the story's lines: of the runs of sentences, joined where only a box
    inside the story parts them (`JOIN_GAP`, `JOIN_WEIGHT`: "Read more", a teaser, an advert), the
    heaviest before a comment thread's heading."""
    best = (0, 0, 0)
    chain: tuple[int, int, int] | None = None
    headings = [i for i, line in enumerate(lines) if p.COMMENTS_HEADING.match(line.text)]
    for start, end, weight in runs(lines):
        h = bisect_left(headings, best[1])
        if best[2] >= COMMENTS_AFTER and h < len(headings) and headings[h] < start:
            break  # what follows a comment thread's heading under the story is readers' comments
        if weight < JOIN_WEIGHT and chain is not None and chain[2] >= JOIN_WEIGHT:
            continue  # too light to join or to part: part of the gap before the next run (`gap_end`)
        joined = chain is not None and chain[2] >= JOIN_WEIGHT
        if chain is not None and joined and gap_end(lines, range(chain[1], start)) == start:
            chain = (chain[0], end, chain[2] + weight)
        else:
            chain = (start, end, weight)
        best = max(best, chain, key=lambda run: run[2])
    return story_past_boxes(lines, best)


def story_past_boxes(lines: list[Line], run: tuple[int, int, int]) -> tuple[int, int, int]:
    """The run carried on past the boxes inside the story that `runs` counted against it: a rail
    heading and its teasers cost more than the paragraphs after them weigh, so the running sum never
    peaks again. What follows the run is read afresh, and joined as `body_run` joins runs."""
    start, end, weight = run
    known = set(topic_words(lines[start:end]))
    while end < len(lines):
        following = next(runs(lines[end:]), None)
        if following is None or following[2] < 3 * JOIN_WEIGHT:
            break
        gap, after = range(end, end + following[0]), lines[end + following[0] : end + following[1]]
        words = topic_words([line for line in after if line.sentence])
        if not words or gap_end(lines, gap) != gap.stop or any(p.COMMENTS_HEADING.match(lines[i].text) for i in gap) \
                or sum(w in known for w in words) < TOPIC_SHARE * len(words):
            break  # readers' comments talk of the story too; a rail's blurbs speak of other things
        known.update(words)
        end, weight = end + following[1], weight + following[2]
    return start, end, weight


def topic_words(lines: list[Line]) -> list[str]:
    """The words of five letters or more that say what lines are about: three in ten of those of
    the sentences after a box must be the story's already for them to go on with it."""
    return [w.lower() for line in lines for w in _TOPIC_WORD.findall(line.text)]


def runs(lines: list[Line]):
    """(start, end, weight) of each maximal run of lines: where a running sum of the line scores,
    restarted when it falls to zero, peaks."""
    start, total, peak = 0, 0, (0, 0, 0)
    for i in range(len(lines)):
        if total <= 0:
            if peak[2] > 0:
                yield peak
            start, total, peak = i, 0, (i, i, 0)
        total += line_score(lines, i)
        if total > peak[2]:
            peak = (start, i + 1, total)
    if peak[2] > 0:
        yield peak


def gap_end(lines: list[Line], steps: range) -> int | None:
    """The end of a gap between runs (its first sentence, or steps' end), when at most JOIN_GAP
    lines that are not chrome are in it, and no line that ends a story (a source line, a date: a
    comment's; a teaser's date over its title is a box inside the story). Sentences too light to be
    a run of their own (`JOIN_WEIGHT`) between two boxes are part of the gap."""
    gap, light = 0, 0
    for i in steps:
        line = lines[i]
        if line.sentence:
            light += line.words
            if light >= JOIN_WEIGHT:
                return i
            continue
        if is_stop(line) and not teaser_date(lines, i, steps.stop):
            return None
        gap += not line.chrome
        if gap > JOIN_GAP:
            return None
    return steps.stop


def teaser_date(lines: list[Line], i: int, end: int) -> bool:
    """Whether the date line at i dates a teaser inside the story, not a comment under it nor the
    story's own dateline: a date line came before it (the story's), and the next two lines that are
    not chrome are a title and its blurb, no sentences ("Analyse 11.04.2022" over "Spiegels
    Rücktritt Wenn der Gegenwind zu stark wird" and "Bereits als Landesministerin war Spiegel ...
    mehr"), where a comment's date is followed by its words."""
    if p.SOURCE_LINE.match(lines[i].text) or not any(is_stop(line) for line in lines[:i]):
        return False
    after = [j for j in range(i + 1, end) if not lines[j].chrome][:2]
    return len(after) == 2 and all(
        not lines[j].sentence and not is_stop(lines[j]) and lines[j].words >= TEASER_TITLE_WORDS for j in after) \
        and not ends_like_sentence(lines[after[0]].text)
