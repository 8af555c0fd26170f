"""Query words and snippets, the same for every engine."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

#: Hits are counted up to this many: "1,000+ articles".
COUNT_CAP = 1000
#: The most distinct words one query searches for. Every word costs the engine work on each
#: article it ranks and snippets (FTS5's bm25 and snippet, ts_rank_cd and ts_headline), and a
#: query of hundreds took seconds; an article matches every word, so more find nothing new.
MAX_QUERY_WORDS = 32
#: A query ranks at most this many of its matches, the most recently stored: a word found in half a
#: million articles is not scored half a million times (bm25, ts_rank_cd) to show twenty. News is
#: read newest first, so the window is the recent end; deeper pages widen it to reach them.
RANK_WINDOW = 1000
#: Markers the engines put around matched words; made into <mark> after the text is escaped.
MARK_START, MARK_END = "\x02", "\x03"


def query_words(query: str) -> list[str]:
    """The distinct words of a user's query (case aside), in order, at most MAX_QUERY_WORDS;
    operators and punctuation are not passed to the engine."""
    words: dict[str, str] = {}
    for word in re.findall(r"\w+", query):
        words.setdefault(word.casefold(), word)
    return list(words.values())[:MAX_QUERY_WORDS]


#: The largest integer both engines take.
MAX_INTEGER = 2**63 - 1


def rank_window(limit: int, offset: int) -> int:
    """How many of a query's most recent matches are ranked to answer a page of hits (within the
    engines' 64-bit integers, however deep the page asked for)."""
    return min(max(RANK_WINDOW, offset + limit), MAX_INTEGER)


def snippet_html(snippet: str) -> str:
    """An engine's snippet as safe HTML: text escaped, matches in <mark>."""
    return html.escape(snippet).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


#: A word as the search index cuts them (FTS5's unicode61: letters and digits).
TOKEN = re.compile(r"[^\W_]+")
#: The occurrences of a word a snippet is chosen among (the first), so a long text of a common word
#: costs no more than a short one.
MAX_HITS = 100
#: Words of a snippet, and how many of them come before its first match.
SNIPPET_WORDS = 24
SNIPPET_LEAD = 3


@lru_cache(maxsize=4096)
def _base_letter(char: str) -> str:
    """A letter without its accents when that is one letter ("ü" -> "u"), else the letter."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return bare if len(bare) == 1 else char


def unaccented(text_: str) -> str:
    """`text_` without accents, letter for letter (offsets kept), as the index folds them."""
    if text_.isascii():
        return text_
    for char in {c for c in set(text_) if ord(c) > 127 and _base_letter(c) != c}:
        text_ = text_.replace(char, _base_letter(char))  # str.translate is slower by far
    return text_


def _matches(text_: str, words: list[str], stem: Callable[[str], str]) -> list[tuple[int, int, str]]:
    """Where the query's words stand in `text_` as whole words with the same stem, accents and case
    aside, in order: (start, end, stem)."""
    wanted = {stem(unaccented(w).lower()) for w in words}
    folded = unaccented(text_).lower()
    if len(folded) != len(text_):  # a letter whose lower case is longer: offsets by a slower reading
        tokens = ((m.start(), m.end(), stem(m.group().lower())) for m in TOKEN.finditer(unaccented(text_)))
        return [t for t in tokens if t[2] in wanted]
    hits = []
    for root in wanted:  # str.find runs in C; each candidate's word is then stemmed
        prefix = root[:-1] if len(root) > 3 else root  # "happi" is "happy", "poni" "ponies"
        at, found = folded.find(prefix), 0
        while at >= 0 and found < MAX_HITS:
            word = TOKEN.match(folded, at)
            if word and (at == 0 or not folded[at - 1].isalnum()) and stem(word.group()) == root:
                hits.append((at, word.end(), root))
                found += 1
            at = folded.find(prefix, word.end() if word else at + 1)
    return sorted(hits)


#: A snippet's window is searched for in this many characters a word, at most.
WORD_CHARS = 40


def _window(text_: str, hits: list[tuple[int, int, str]], size: int) -> tuple[int, int]:
    """The characters of the `size` words around the hits holding the most distinct query words
    (the earliest such), a few words before the first of them. Words between hits are counted by
    the spaces between them, so a long body is not cut into words to show two dozen."""
    best, best_count, spaces = 0, 0, list[int]()
    for i, (start, _, _) in enumerate(hits):
        spaces.append(text_.count(" ", hits[i - 1][0] if i else 0, start) + (spaces[-1] if i else 0))
    inside: dict[str, int] = {}  # the query words of the hits from the i-th on, `size` words
    ahead = 0
    for i, first in enumerate(spaces):
        while ahead < len(spaces) and spaces[ahead] < first + size:
            inside[hits[ahead][2]] = inside.get(hits[ahead][2], 0) + 1
            ahead += 1
        if len(inside) > best_count:
            best, best_count = i, len(inside)
        inside[hits[i][2]] -= 1
        if not inside[hits[i][2]]:
            del inside[hits[i][2]]
    anchor = hits[best][0] if hits else 0
    before = [m.start() for m in TOKEN.finditer(text_, max(0, anchor - SNIPPET_LEAD * WORD_CHARS), anchor)]
    begin = before[-SNIPPET_LEAD] if len(before) >= SNIPPET_LEAD else (0 if anchor < WORD_CHARS * SNIPPET_LEAD
                                                                          else anchor)
    after = [m.span() for m in islice(TOKEN.finditer(text_, begin, begin + size * WORD_CHARS), size)]
    if len(after) < size and begin:  # near the end: the words before it fill the snippet
        earlier = [m.start() for m in TOKEN.finditer(text_, max(0, begin - size * WORD_CHARS), begin)]
        begin = earlier[-(size - len(after))] if len(earlier) >= size - len(after) else 0
    return begin, after[-1][1] if after else len(text_)


def make_snippet(texts: list[str], words: list[str], size: int = SNIPPET_WORDS,
                 stem: Callable[[str], str] = str) -> str:
    """An article's snippet for a query, as safe HTML: `size` words of the first of `texts` (body,
    standfirst) holding the most of the query's words, those marked (any word of the same `stem`,
    as the index matches them). Made from the text the row already holds: FTS5's snippet() must
    first find the row in every segment of each word's index, 0.3 ms a row at a million articles."""
    found = [(_matches(t, words, stem), t) for t in texts if t]
    if not found:
        return ""
    hits, chosen = max(found, key=lambda f: len({w for _, _, w in f[0]}))
    begin, finish = _window(chosen, hits, size)
    begin = 0 if not TOKEN.search(chosen, 0, begin) else begin
    parts, cursor = ["…" if begin else ""], begin
    for start, end, _ in hits:
        if begin <= start and end <= finish:
            parts += [html.escape(chosen[cursor:start]), "<mark>", html.escape(chosen[start:end]), "</mark>"]
            cursor = end
    parts += [html.escape(chosen[cursor:finish]), "…" if TOKEN.search(chosen, finish) else chosen[finish:].strip()]
    return "".join(parts)


@dataclass(frozen=True)
class SearchFilters:
    """Narrowing a search: category, a date range (ISO days, inclusive), a source, an entity, a story."""

    category: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    entity_id: int | None = None
    story_id: str | None = None

    def sql(self) -> tuple[str, dict]:
        """Extra WHERE conditions on articles `a`, with bound parameters only."""
        clauses: list[str] = []
        params: dict[str, object] = {}
        if self.category:
            clauses.append("lower(a.category) = :f_category")
            params["f_category"] = self.category.lower()
        if self.date_from:
            clauses.append("substr(a.published, 1, 10) >= :f_from")
            params["f_from"] = self.date_from
        if self.date_to:
            clauses.append("substr(a.published, 1, 10) <= :f_to")
            params["f_to"] = self.date_to
        if self.source:
            clauses.append("lower(a.source) = :f_source")
            params["f_source"] = self.source.lower()
        if self.entity_id is not None:
            clauses.append("EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id = :f_entity)")
            params["f_entity"] = self.entity_id
        if self.story_id:
            clauses.append("a.story_id = :f_story")
            params["f_story"] = self.story_id
        return "".join(f" AND {c}" for c in clauses), params
