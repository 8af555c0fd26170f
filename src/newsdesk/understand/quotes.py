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
from .analysis import Analysis, Mention, quote_spans
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
DESCRIBED_SPEAKER = re.compile(rf"\bthe\s+(?P<words>(?:[\w’'-]+\s+){{1,4}})(?:{SPEECH})\b", re.IGNORECASE)
#: An attribution after a quote names its speaker within this many words of the closing mark.
AFTER_REACH = 4
PLACE_AFTER = re.compile(rf"\b(?:{SPEECH})\b[^.;]*?\bin\s+(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)")
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
            possessive = following is not None and following.text in ("’s", "'s", "’", "'")
            if not possessive and (m.span.start == sent.start or (following is not None and following.pos_ in ("VERB", "AUX"))):
                return m.entity
        return before[-1].entity

    def described(self, words: str, block: int, char: int) -> int | None:
        """A speaker described, not named: a title held by someone in the article, or a person noun."""
        for m in DESCRIBED_SPEAKER.finditer(words):
            nouns = [w.lower() for w in m.group("words").split()]
            if any(w.endswith(("’s", "'s")) for w in nouns[:-1]):
                return None  # "the victim's mother said": someone's relative, not someone named
            for noun in nouns:
                if noun in ROLE_NOUNS:
                    holders = [i for i, e in enumerate(self.entities)
                               if e.type == "person" and any(noun in r.title.lower().split() for r in e.roles)]
                    if len(holders) == 1:
                        return holders[0]
            described = [n for n in nouns if n in ROLE_NOUNS or n in PERSON_NOUNS or n.endswith("-year-old")]
            if described and not self.introduced_unnamed(described[-1], block, char):
                return self.subject_before(block, char)
        return None

    def introduced_unnamed(self, noun: str, block: int, char: int) -> bool:
        """Whether the article brought in "a doctor" before: then "the doctor" is that unnamed person."""
        earlier = " ".join(self.a.docs[b].text for b in range(block)) + " " + self.a.docs[block].text[:char]
        return re.search(rf"\b(?:a|an|one)\s+(?:[\w-]+\s+)?{re.escape(noun)}\b", earlier, re.IGNORECASE) is not None

    def title_subject(self, words: str) -> int | None:
        """A sentence opening with a title held by one person: "China's ambassador to Britain ... warned"."""
        for word in re.findall(r"[\w.-]+", words)[:6]:
            if word.lower() in ROLE_NOUNS:
                holders = [i for i, e in enumerate(self.entities)
                           if e.type == "person" and any(word.lower() in r.title.lower().split() for r in e.roles)]
                return holders[0] if len(holders) == 1 else None
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
            subjects = [m for m in named if m.span.end_char <= at]
            return True, (subjects[0] if subjects else named[0]).entity
        if PRONOUN_SPEAKER.search(words) or re.match(r"^\s*(?:he|she)\b", words, re.IGNORECASE):
            return True, self.subject_before(block, quote_start)
        described = self.described(words, block, quote_start)
        if described is None and start < quote_start:
            described = self.title_subject(words)
        return True, described


def close_attribution(after: str) -> bool:
    """Whether the words after a quote open with its attribution: “…,” Peskov said / said Peskov / he said."""
    words = after.split()[:AFTER_REACH]
    head = " ".join(words)
    return bool(SPEECH_VERB.search(head)) or bool(words and words[0][:1].isupper() and SPEECH_VERB.search(after))


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
            attributed, speaker, words = False, None, after
            if close_attribution(after):
                attributed, speaker = speakers.in_words(after, block, q_end, q_end + len(after), q_start)
            if speaker is None:
                found_before = speakers.in_words(before, block, s_start, q_start, q_start)
                if found_before[0] and (found_before[1] is not None or not attributed):
                    (attributed, speaker), words = found_before, before
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
