"""Time in an article: every time expression resolved, and when each quote was said.

Words outside quotes resolve against the article's date. A quote was said on the date its
attribution gives ("Peskov on Thursday told reporters"), else the article's date; words inside a
quote ("yesterday evening") resolve against that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ..model import TimeExpression
from .analysis import Analysis
from .quotes import FoundQuote, speech_words
from .timex import TimexMatch, find_time_expressions, is_future, parse_anchor

#: How many sentences back the speaker's earlier attribution is looked for.
SPEAKING_LOOKBACK = 3
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class FoundTime:
    expression: TimeExpression
    block: int
    sentence: int
    start: int  # character offsets in the block's text
    end: int
    quote: int | None  # index of the quote it stands in


def _found(match: TimexMatch, block: int, sentence: int, offset: int, quote: int | None) -> FoundTime:
    return FoundTime(
        TimeExpression(text=match.text, normalized=match.normalized, kind=match.kind, approximate=match.approximate),
        block, sentence, offset + match.start, offset + match.end, quote,
    )


def quote_at(quotes: list[FoundQuote], block: int, char: int) -> int | None:
    for i, q in enumerate(quotes):
        if q.block == block and q.start <= char < q.end:
            return i
    return None


def find_times(analysis: Analysis, quotes: list[FoundQuote]) -> tuple[list[FoundTime], list[FoundQuote]]:
    """All time expressions in reading order, and the quotes with `said_on` set (new records)."""
    anchor = parse_anchor(analysis.article.published)
    lang = analysis.lang
    outside: list[FoundTime] = []
    for index, sent in enumerate(analysis.sentences):
        block = analysis.sentence_block[index]
        for match in find_time_expressions(sent.text, anchor, lang=lang):
            if quote_at(quotes, block, sent.start_char + match.start) is None:
                outside.append(_found(match, block, index, sent.start_char, None))
    said = [said_on(analysis, q, outside, anchor) for q in quotes]
    inside: list[FoundTime] = []
    for i, q in enumerate(quotes):
        text = analysis.texts[q.block][q.start : q.end]
        when = parse_anchor(said[i])
        sentence = next(s for s in range(len(analysis.sentences))
                        if analysis.sentence_block[s] == q.block and analysis.sentences[s].end_char > q.start)
        for match in find_time_expressions(text, when, future=is_future(text, lang), lang=lang):
            inside.append(_found(match, q.block, sentence, q.start, i))
    times = sorted(outside + inside, key=lambda t: (t.block, t.start))
    dated = [replace(q, quote=q.quote.model_copy(update={"said_on": said[i]})) for i, q in enumerate(quotes)]
    return times, dated


def said_on(analysis: Analysis, quote: FoundQuote, times: list[FoundTime], anchor: date | None) -> str | None:
    """The day a quote was said: from its own sentence, the speaker's earlier attribution, or the article."""
    same_block = [t for t in times if t.block == quote.block and _DAY.match(t.expression.normalized or "")]
    text = analysis.texts[quote.block]
    for t in same_block:
        if quote.attribution and text.find(quote.attribution) <= t.start < text.find(quote.attribution) + len(quote.attribution):
            return t.expression.normalized
    if quote.speaker is not None:
        first_sentence = next(s for s in range(len(analysis.sentences)) if analysis.sentence_block[s] == quote.block)
        for s in range(first_sentence - 1, max(-1, first_sentence - 1 - SPEAKING_LOOKBACK), -1):
            speaks = any(m.entity == quote.speaker and m.sentence == s for m in analysis.persons())
            if speaks and speech_words(analysis.lang).verb.search(analysis.sentences[s].text):
                for t in times:
                    if t.sentence == s and _DAY.match(t.expression.normalized or ""):
                        return t.expression.normalized
    return anchor.isoformat() if anchor else None
