"""Direct quotes and who said them.

The speaker is read from the attribution after the quote (“…,” Peskov said), before it
(Rubio ... saying “…”; Peskov said: “…”), a pronoun (“…,” he said) standing for the last person
named, or, for a paragraph that is only a quote, the speaker of the quote or the person speaking
just before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Entity, Quote
from .analysis import Analysis, Mention

SPEECH = (r"said|says|say|told|tells|tell|added|adds|stated|states|noted|notes|warned|warns|explained|insisted"
          r"|argued|argues|wrote|writes|declared|announced|asked|stressed|claimed|claims|remarked|urged|replied"
          r"|continued|posted|tweeted|saying|according to|acknowledged|admitted|conceded|recalled|cautioned")
SPEECH_VERB = re.compile(rf"\b(?:{SPEECH})\b", re.IGNORECASE)
QUOTE = re.compile(r"“(?P<curly>[^“”]{2,}?)”|\"(?P<straight>[^\"]{2,}?)\"")
PRONOUN = re.compile(r"^\s*[,.]?\s*(?:he|she|they)\s+(?:" + SPEECH + r")\b", re.IGNORECASE)
PLACE_AFTER = re.compile(r"\b(?:" + SPEECH + r")\b[^.;]*?\bin\s+(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)")
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
#: Unattributed quotes shorter than this are scare quotes, not speech.
MIN_UNATTRIBUTED_WORDS = 4


@dataclass
class FoundQuote:
    quote: Quote
    block: int
    start: int  # character offsets of the quote marks in the block's text
    end: int
    speaker: int | None  # entity index
    attribution: str  # the words around the quote that name the speaker


def person_mentions_in(analysis: Analysis, block: int, start: int, end: int) -> list[Mention]:
    return [
        m for m in analysis.persons()
        if analysis.sentence_block[m.sentence] == block and start <= m.span.start_char and m.span.end_char <= end
    ]


def last_person_before(analysis: Analysis, block: int, char: int) -> Mention | None:
    before = [
        m for m in analysis.persons()
        if analysis.sentence_block[m.sentence] < block
        or (analysis.sentence_block[m.sentence] == block and m.span.end_char <= char)
    ]
    return before[-1] if before else None


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start of the sentence a quote opens in, and the end of the one it closes in."""
    ends_before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    sentence_start = ends_before[-1] if ends_before else 0
    after = SENTENCE_END.search(text, end)
    return sentence_start, after.end() if after else len(text)


def find_quotes(analysis: Analysis, entities: list[Entity]) -> list[FoundQuote]:
    found: list[FoundQuote] = []
    for block, doc in enumerate(analysis.docs):
        if analysis.kinds[block] != "paragraph":
            continue
        text = doc.text
        for m in QUOTE.finditer(text):
            quoted = m.group("curly") or m.group("straight")
            s_start, s_end = sentence_bounds(text, m.start(), m.end())
            before, after = text[s_start : m.start()], text[m.end() : s_end]
            speaker, attribution = attribute(analysis, block, m.start(), m.end(), s_start, s_end, before, after)
            if speaker is None and block > 0 and not before.strip() and not after.strip(" .") and found:
                previous = found[-1]
                if previous.block >= block - 1:
                    speaker, attribution = previous.speaker, previous.attribution
            if speaker is None and len(quoted.split()) < MIN_UNATTRIBUTED_WORDS:
                continue
            if speaker is None and not SPEECH_VERB.search(before + after):
                continue
            partial = bool(before.strip()) and not before.rstrip().endswith(":") or quoted[:1].islower()
            place = None
            if (pm := PLACE_AFTER.search(after)) is not None:
                place = pm.group("place")
            found.append(
                FoundQuote(
                    quote=Quote(
                        speaker=entities[speaker].name if speaker is not None else None,
                        text=quoted,
                        partial=partial,
                        place=place,
                    ),
                    block=block,
                    start=m.start(),
                    end=m.end(),
                    speaker=speaker,
                    attribution=attribution,
                )
            )
    return found


def attribute(analysis, block, q_start, q_end, s_start, s_end, before, after) -> tuple[int | None, str]:
    """The entity index of the speaker and the words that name them."""
    if SPEECH_VERB.search(after[:80]):
        named = person_mentions_in(analysis, block, q_end, s_end)
        if named:
            return named[0].entity, after
        if PRONOUN.match(after):
            previous = last_person_before(analysis, block, q_start)
            return (previous.entity if previous else None), after
    if SPEECH_VERB.search(before) or before.rstrip().endswith(":"):
        named = person_mentions_in(analysis, block, s_start, q_start)
        if named:
            return named[0].entity, before
        if re.match(r"^\s*(?:he|she|they)\b", before, re.IGNORECASE):
            previous = last_person_before(analysis, block, q_start)
            return (previous.entity if previous else None), before
    return None, before + after
