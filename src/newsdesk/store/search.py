"""Query words and snippets, the same for every engine."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

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
