"""Query words and snippets, the same for every engine."""

from __future__ import annotations

import html
import re

#: Markers the engines put around matched words; made into <mark> after the text is escaped.
MARK_START, MARK_END = "\x02", "\x03"


def query_words(query: str) -> list[str]:
    """The words of a user's query; operators and punctuation are not passed to the engine."""
    return re.findall(r"\w+", query)


def snippet_html(snippet: str) -> str:
    """An engine's snippet as safe HTML: text escaped, matches in <mark>."""
    return html.escape(snippet).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
