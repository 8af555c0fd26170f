"""Direct quotes and who said them.

A quote runs from an opening mark to its closing mark, or to the end of the paragraph (a quote
that goes on into the next paragraph opens it again and closes only at its end). The speaker is
read from the attribution after the quote (“…,” Peskov said; “…,” said U.S. Attorney Nealy Cox),
or before it (Rubio ... saying “…”; Cheuk Hau-yip, the commander, said: “…”); a pronoun or a
description ("he said", "the 56-year-old said", "the ambassador warned") stands for the person
last named as a subject or holding that title; a quote with no attribution of its own continues
the quote before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Entity, Quote
from .analysis import Analysis, Mention
from .roles import ROLE_NOUNS

SPEECH = (r"said|says|say|told|tells|tell|added|adds|stated|states|noted|notes|warned|warns|warning|explained"
          r"|insisted|argued|argues|wrote|writes|declared|announced|asked|stressed|claimed|claims|remarked|urged"
          r"|urging|replied|continued|posted|tweeted|saying|according to|acknowledged|admitted|conceded|recalled"
          r"|cautioned|comments|commented|testified|pledged|vowed|promised|pointed out|quipped|joked|shouted"
          r"|announces|tweets|describing|described")
SPEECH_VERB = re.compile(rf"\b(?:{SPEECH})\b", re.IGNORECASE)
PRONOUN_SPEAKER = re.compile(rf"\b(?:he|she)\s+(?:\w+\s+)?(?:{SPEECH})\b", re.IGNORECASE)
#: Words for a person that stand for someone named earlier: "the 56-year-old said", "the singer told".
PERSON_NOUNS = frozenset("""
man woman boy girl singer guitarist drummer actor actress player star boss mother father wife husband son
daughter victim witness resident doctor teacher student pastor priest veteran athlete striker goalkeeper
""".split())
DESCRIBED_SPEAKER = re.compile(
    rf"\bthe\s+(?:[\w’'-]+\s+){{0,3}}?(?P<noun>[\w-]+)\s+(?:\w+\s+)?(?:{SPEECH})\b", re.IGNORECASE)
PLACE_AFTER = re.compile(rf"\b(?:{SPEECH})\b[^.;]*?\bin\s+(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)")
OPENING = {"“": ("”", "’’", "''"), '"': ('"',)}
#: Quotes shorter than this are scare quotes or names, not speech.
MIN_WORDS = 3
#: A quote of at most this many words with every long word capitalised is a title ("Takin' It to the Streets").
MAX_TITLE_WORDS = 8
#: How many sentences back a pronoun looks for the person it stands for.
PRONOUN_LOOKBACK = 4


@dataclass
class FoundQuote:
    quote: Quote
    block: int
    start: int  # character offsets in the block's text, quote marks included
    end: int
    speaker: int | None  # entity index
    attribution: str  # the words around the quote that name the speaker
    attributed: bool  # whether any words attribute it (to a person or not)


def quote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, text start, text end) of each quote in a paragraph; an unclosed one runs to the end."""
    spans, i = [], 0
    while i < len(text):
        if text[i] not in OPENING:
            i += 1
            continue
        closers = OPENING[text[i]]
        found = [(text.find(c, i + 1), c) for c in closers]
        found = [(pos, c) for pos, c in found if pos != -1]
        if found:
            pos, closer = min(found)
            spans.append((i, pos + len(closer), i + 1, pos))
            i = pos + len(closer)
        else:
            spans.append((i, len(text), i + 1, len(text)))
            break
    return spans


def looks_like_title(quoted: str) -> bool:
    words = re.findall(r"[\w’']+", quoted)
    long_words = [w for w in words if len(w) > 3]
    return len(words) <= MAX_TITLE_WORDS and bool(long_words) and all(w[0].isupper() for w in long_words) \
        and not quoted.rstrip(",. ").endswith(("?", "!"))


def sentence_span(analysis: Analysis, block: int, char: int) -> tuple[int, int, int]:
    """(index, start, end) of the sentence of a block that holds a character offset."""
    last = None
    for index, sent in enumerate(analysis.sentences):
        if analysis.sentence_block[index] != block:
            continue
        last = (index, sent.start_char, sent.end_char)
        if sent.start_char <= char < sent.end_char:
            return last
    return last


class Speakers:
    """Finds who a quote's attribution names."""

    def __init__(self, analysis: Analysis, entities: list[Entity]):
        self.a = analysis
        self.entities = entities
        self.persons = analysis.persons()

    def mentions_in(self, block: int, start: int, end: int) -> list[Mention]:
        return [m for m in self.persons if self.a.sentence_block[m.sentence] == block
                and start <= m.span.start_char and m.span.end_char <= end]

    def subject_before(self, block: int, char: int) -> int | None:
        """The person last named as a subject (opening a sentence, or just before a verb) before a point."""
        before = [m for m in self.persons
                  if (self.a.sentence_block[m.sentence], m.span.end_char) < (block, char + 1)]
        if not before:
            return None
        here = before[-1].sentence
        for m in reversed(before):
            if here - m.sentence > PRONOUN_LOOKBACK:
                break
            sent = self.a.sentences[m.sentence]
            following = m.span.doc[m.span.end] if m.span.end < len(m.span.doc) else None
            if m.span.start == sent.start or (following is not None and following.pos_ in ("VERB", "AUX")):
                return m.entity
        return before[-1].entity

    def described(self, words: str, block: int, char: int) -> int | None:
        """A speaker described, not named: a title held by someone in the article, or a person noun."""
        m = DESCRIBED_SPEAKER.search(words)
        if m is None:
            return None
        noun = m.group("noun").lower()
        if noun in ROLE_NOUNS:
            holders = [i for i, e in enumerate(self.entities)
                       if e.type == "person" and any(noun in r.title.lower().split() for r in e.roles)]
            if len(holders) == 1:
                return holders[0]
        if noun in ROLE_NOUNS or noun in PERSON_NOUNS or noun.endswith("-year-old"):
            return self.subject_before(block, char)
        return None

    def in_words(self, words: str, block: int, start: int, end: int, quote_start: int) -> tuple[bool, int | None]:
        """(attributed, speaker) from the words between `start` and `end` around a quote."""
        verb = SPEECH_VERB.search(words)
        if verb is None and not words.rstrip().endswith(":"):
            return False, None
        named = self.mentions_in(block, start, end)
        if named:
            if verb is None:
                return True, named[0].entity
            at = start + verb.start()
            return True, min(named, key=lambda m: abs(m.span.start_char - at)).entity
        if PRONOUN_SPEAKER.search(words) or re.match(r"^\s*(?:he|she)\b", words, re.IGNORECASE):
            return True, self.subject_before(block, quote_start)
        described = self.described(words, block, quote_start)
        return True, described


def find_quotes(analysis: Analysis, entities: list[Entity]) -> list[FoundQuote]:
    speakers = Speakers(analysis, entities)
    found: list[FoundQuote] = []
    for block, doc in enumerate(analysis.docs):
        if analysis.kinds[block] != "paragraph":
            continue
        text = doc.text
        for q_start, q_end, t_start, t_end in quote_spans(text):
            quoted = text[t_start:t_end].strip()
            if len(quoted.split()) < MIN_WORDS or looks_like_title(quoted):
                continue
            _, s_start, _ = sentence_span(analysis, block, q_start)
            before = text[s_start:q_start]
            after_end = sentence_span(analysis, block, q_end)[2] if q_end < len(text) else q_end
            after = text[q_end:after_end]
            next_quote = text.find("“", q_end)
            if next_quote != -1 and next_quote < after_end:
                after = text[q_end:next_quote]
            attributed, speaker = speakers.in_words(after, block, q_end, q_end + len(after), q_start)
            words = after
            if not attributed:
                attributed, speaker = speakers.in_words(before, block, s_start, q_start, q_start)
                words = before
            if not attributed and found and not before.strip(" —-"):
                previous = found[-1]
                if previous.block == block or (previous.block == block - 1 and q_start == 0):
                    attributed, speaker, words = previous.attributed, previous.speaker, previous.attribution
            if not attributed:
                continue
            partial = bool(before.strip()) and not before.rstrip().endswith((":", ",")) or quoted[:1].islower()
            place = m.group("place") if (m := PLACE_AFTER.search(after)) else None
            found.append(FoundQuote(
                quote=Quote(speaker=entities[speaker].name if speaker is not None else None, text=quoted,
                            partial=partial, place=place),
                block=block, start=q_start, end=q_end, speaker=speaker, attribution=words, attributed=True,
            ))
    return found
