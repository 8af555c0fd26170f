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
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from ..lang import Language, alternation
from ..model import Entity, Quote
from .analysis import OPENERS, Analysis, Mention, quote_spans
from .titlewords import office_word

#: An attribution after a quote names its speaker within this many words of the closing mark.
AFTER_REACH = 4
#: ... or, when the quote's sentence goes on, within this many words (a title before the speaker).
ATTRIBUTION_REACH = 10
#: Quotes shorter than this are scare quotes or names, not speech.
MIN_WORDS = 3
#: A quote of at most this many words with every long word capitalised is a title ("Takin' It to the Streets").
MAX_TITLE_WORDS = 8
#: How many sentences back a pronoun looks for the person it stands for.
PRONOUN_LOOKBACK = 4
#: Where a quote's place is looked for after its speech verb, in characters.
PLACE_REACH = 200
_NAME_WORDS = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*"


class SpeechWords:
    r"""A language's words of speaking, compiled once: verbs, pronoun speakers, described speakers.

    Runs of white space before a word are possessive (`\s++`, `\s*+`): what follows starts with a
    letter, so giving spaces back can never help, and a long run of them is scanned once."""

    def __init__(self, lang: Language):
        q = lang.quotes
        verbs = alternation(q.words("speech_verbs") | set(q.list("speech_phrases")))
        pronouns = alternation(q.words("pronouns"))
        self.verb = re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)
        self.sources = frozenset(p.casefold() for p in q.list("source_phrases"))
        # "he said", "she told"; "a-t-il ajouté", "explique-t-elle"
        self.pronoun = re.compile(rf"\b(?:{pronouns})\s++(?:\w++\s++)?(?:{verbs})\b|\b(?:{verbs})-t-(?:{pronouns})\b",
                                  re.IGNORECASE)
        self.opens_with_pronoun = re.compile(rf"^\s*+(?:{pronouns})\b", re.IGNORECASE)
        definite = alternation(q.words("definite"))
        # "the 56-year-old said"; with the verb first where the language puts it there: "a expliqué le ministre"
        self.described = [re.compile(rf"\b(?:{definite})\s++(?P<words>(?:[\w’'-]++\s++){{1,4}})(?:{verbs})\b",
                                     re.IGNORECASE)]
        if q.data.get("inverted"):
            self.described.append(re.compile(
                rf"\b(?:{verbs})\s++(?:[\w’'-]++\s++){{0,3}}?(?:{definite})\s*+"
                rf"(?P<words>[\w’'-]+(?:\s+[\w’'-]+){{0,3}})", re.IGNORECASE))
        # an attribution inside the quote marks, between commas: "« Absurde, explique Antony Fastier, ... »",
        # "« Cette loi, c'est ..., affirme-t-elle. Je crois ... »"
        # (the verbs read once at each comma: a page of commas costs one pass over them)
        self.incise = re.compile(rf",\s*+(?:{verbs})(?:(?:-t)?-(?P<pronoun>{pronouns})\b|\s++(?=[A-Z]))",
                                 re.IGNORECASE)
        self.indefinite = alternation(q.words("indefinite"))
        self.place = re.compile(rf"\b(?:{alternation(q.words('place_before'))})\s++(?P<place>{_NAME_WORDS})")
        self.person_nouns = q.words("person_nouns")
        self.person_suffixes = tuple(q.list("person_suffixes"))
        self.role_nouns = lang.role_nouns
        self.possessives = lang.possessives


_SPEECH: dict[str, SpeechWords] = {}


def speech_words(lang: Language) -> SpeechWords:
    if lang.code not in _SPEECH:
        _SPEECH[lang.code] = SpeechWords(lang)
    return _SPEECH[lang.code]


def place_said(words: SpeechWords, after: str) -> str | None:
    """Where a quote was said: "…,” Dubois told parliament in Paris". Linear: the place is looked
    for only in the clause after the first speech verb."""
    verb = words.verb.search(after)
    if verb is None:
        return None
    clause = re.split(r"[.;]", after[verb.end(): verb.end() + PLACE_REACH], maxsplit=1)[0]
    m = words.place.search(clause)
    return m.group("place") if m else None


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
    """(index, start, end) of the sentence of a block that holds a character offset; past the last
    sentence, the last; a block without sentences is one span (index -1)."""
    last = None
    for index, sent in enumerate(analysis.sentences):
        if analysis.sentence_block[index] != block:
            continue
        last = (index, sent.start_char, sent.end_char)
        if sent.start_char <= char < sent.end_char:
            return last
    return last if last is not None else (-1, 0, len(analysis.texts[block]))


class Speakers:
    """Finds who a quote's attribution names."""

    def __init__(self, analysis: Analysis, entities: list[Entity]):
        self.a = analysis
        self.entities = entities
        self.persons = analysis.persons()
        self.words = speech_words(analysis.lang)
        self.speech_verbs = analysis.lang.quotes.words("speech_verbs")
        self.inverted = bool(analysis.lang.quotes.data.get("inverted"))  # "a déclaré le ministre"
        self.hearer_verbs = analysis.lang.quotes.words("hearer_verbs")  # "told Rest of World"
        self.pronoun_kinds = {w: kind for kind in ("masculine", "feminine") for w in analysis.lang.quotes.words(kind)}

    @cached_property
    def genders(self) -> dict[int, str]:
        """Each person's kind where the article shows it (`person_genders`): read once, and only for
        an article with a quote whose speaker is looked for before it."""
        return person_genders(self.a, self.persons, self.pronoun_kinds)

    def mentions_in(self, block: int, start: int, end: int) -> list[Mention]:
        return [m for m in self.persons if self.a.sentence_block[m.sentence] == block
                and start <= m.span.start_char and m.span.end_char <= end]

    def owns(self, mention: Mention) -> bool:
        """Whether a name is an owner's: "Swift's rep"."""
        doc = mention.span.doc
        return mention.span.end < len(doc) and doc[mention.span.end].text in self.words.possessives

    def pronoun_kind(self, words: str) -> str | None:
        """"masculine" or "feminine": what the first pronoun in some words says of its person."""
        return next((self.pronoun_kinds[w] for w in re.findall(r"\w+", words.lower()) if w in self.pronoun_kinds), None)

    def subject_before(self, block: int, char: int, kind: str | None = None) -> int | None:
        """The person last named as a subject (opening a sentence, just before a verb or just after a
        verb of speaking) before a point; of the pronoun's kind when one is given and the article
        shows the person's ("she said": not the man named last)."""
        before = [m for m in self.persons
                  if (self.a.sentence_block[m.sentence], m.span.end_char) < (block, char + 1)
                  and (kind is None or self.genders.get(m.entity_index, kind) == kind)]
        if not before:
            return None
        here = before[-1].sentence
        for m in reversed(before):
            if here - m.sentence > PRONOUN_LOOKBACK:
                break
            sent = self.a.sentences[m.sentence]
            following = m.span.doc[m.span.end] if m.span.end < len(m.span.doc) else None
            possessive = following is not None and following.text in self.words.possessives
            # "..., said Alyssa Goodman": the verb after a comma or quote, not "Cook told Benioff"; where
            # the language puts a subject after the verb, any verb of speaking: "comme le raconte Antoine"
            verb = m.span.doc[m.span.start - 1].lower_ if m.span.start - 1 > sent.start else ""
            said_by = verb in self.speech_verbs and verb not in self.hearer_verbs \
                and (m.span.doc[m.span.start - 2].is_punct or self.inverted)
            if not possessive and (said_by or _subject(m, self.a)):  # "said Alyssa Goodman, an astronomer"
                return m.entity
        return before[-1].entity

    def described(self, words: str, block: int, char: int) -> int | None:
        """A speaker described, not named: a title held by someone in the article, or a person noun."""
        w = self.words
        for m in (m for pattern in w.described for m in pattern.finditer(words)):
            nouns = [word.lower() for word in m.group("words").split()]
            if any(word.endswith(("’s", "'s")) for word in nouns[:-1]):
                return None  # "the victim's mother said": someone's relative, not someone named
            for noun in nouns:
                if office_word(noun, self.a.lang):  # a job by its ending too: "précise la gastro-entérologue"
                    holders = [i for i, e in enumerate(self.entities)
                               if e.type == "person" and any(noun in r.title.lower().split() for r in e.roles)]
                    if len(holders) == 1:
                        return holders[0]
            described = [n for n in nouns if office_word(n, self.a.lang) or n in w.person_nouns
                         or n.endswith(w.person_suffixes or ("\0",))]
            if described and not self.introduced_unnamed(described[-1], block, char):
                return self.subject_before(block, char)
        return None

    def introduced_unnamed(self, noun: str, block: int, char: int) -> bool:
        """Whether the article brought in "a doctor" before: then "the doctor" is that unnamed person."""
        earlier = " ".join(self.a.texts[:block]) + " " + self.a.texts[block][:char]
        return re.search(rf"\b(?:{self.words.indefinite})\s+(?:[\w-]+\s+)?{re.escape(noun)}\b", earlier,
                         re.IGNORECASE) is not None

    def title_subject(self, words: str) -> int | None:
        """A sentence opening with a title held by one person: "China's ambassador to Britain ... warned"."""
        for word in re.findall(r"[\w.-]+", words)[:6]:
            if word.lower() in self.words.role_nouns:
                holders = [i for i, e in enumerate(self.entities)
                           if e.type == "person" and any(word.lower() in r.title.lower().split() for r in e.roles)]
                return holders[0] if len(holders) == 1 else None
        return None

    def introduced_before(self, block: int, char: int | None = None) -> tuple[bool, int | None, str]:
        """(attributed, speaker, words) from the sentence before a quote that opens its own — the
        paragraph's before it when `char` is None, else this paragraph's before `char` — when that
        sentence has a person speak (but quotes no one itself): "Tauqeer Ahmed says the problem ...",
        "Kym Lino, a spokesperson for Instagram, confirmed that ... “We use ...”" """
        if char is None:
            index, sentence = _last_sentence(self.a, block - 1)
            block -= 1
        else:
            sentence = next((s for i, s in reversed(list(enumerate(self.a.sentences)))
                             if self.a.sentence_block[i] == block and s.end_char <= char), None)
        if sentence is None or any(c in sentence.text for c in OPENERS) or not self.words.verb.search(sentence.text):
            return False, None, ""
        start = sentence.start_char
        attributed, speaker = self.in_words(sentence.text, block, start, sentence.end_char, sentence.end_char)
        if speaker is None and char is None:
            return False, None, ""  # (in the same paragraph, "Swift's rep told ..." attributes it to no one named)
        return attributed, speaker, sentence.text

    def in_words(self, words: str, block: int, start: int, end: int, quote_start: int) -> tuple[bool, int | None]:
        """(attributed, speaker) from the words between `start` and `end` around a quote."""
        verb = self.words.verb.search(words)
        if verb is None and not words.rstrip().endswith(":"):
            return False, None
        named = self.mentions_in(block, start, end)
        if verb is not None and verb.group().casefold() in self.words.sources:
            # "according to X": the source is the person its phrase names ("according to a survey by
            # Jane Roe"), or no one ("according to the White House, Donald Trump ...")
            phrase_end = start + next((i for i in range(verb.end(), len(words)) if words[i] in ",.;:"), len(words))
            source = next((m for m in named if start + verb.end() <= m.span.start_char < phrase_end), None)
            return True, source.entity if source is not None else None
        if named:
            if verb is None:
                return True, named[0].entity
            at = start + verb.start()
            subjects = [m for m in named if m.span.end_char <= at]
            if subjects and all(self.owns(m) for m in subjects) and len(subjects) == len(named):
                return True, None  # "Swift's rep told Fox News": someone of hers, unnamed, speaks
            return True, (next((m for m in subjects if not self.owns(m)), None) or
                          (subjects[0] if subjects else named[0])).entity
        if (pronoun := self.words.pronoun.search(words) or self.words.opens_with_pronoun.match(words)):
            return True, self.subject_before(block, quote_start, self.pronoun_kind(pronoun.group()))
        described = self.described(words, block, quote_start)
        if described is None and start < quote_start:
            described = self.title_subject(words)
        return True, described


def person_genders(analysis: Analysis, persons: list[Mention], kinds: dict[str, str]) -> dict[int, str]:
    """Each person's kind ("masculine", "feminine") where the article shows it: the pronouns ("he",
    "elle") of a sentence that names no one, after one whose subject is that person alone ("Jane
    Roe took over in May. She said ..."), twice at least and twice as often as the other kind."""
    if not kinds:
        return {}
    named: dict[int, list[Mention]] = {}
    for m in persons:
        named.setdefault(m.sentence, []).append(m)
    votes: dict[int, Counter] = {}
    for i, mentions in named.items():
        nxt = i + 1
        if len({m.entity_index for m in mentions}) != 1 or nxt >= len(analysis.sentences) \
                or nxt in named or analysis.sentence_block[nxt] != analysis.sentence_block[i] \
                or not any(_subject(m, analysis) for m in mentions):
            continue
        for token in analysis.sentences[nxt]:
            if token.lower_ in kinds and not analysis.in_quote(token.doc[token.i : token.i + 1], analysis.sentence_block[nxt]):
                votes.setdefault(mentions[0].entity_index, Counter())[kinds[token.lower_]] += 1
    return {e: top[0][0] for e, c in votes.items()
            if (top := c.most_common(2))[0][1] >= 2 and (len(top) == 1 or top[0][1] >= 2 * top[1][1])}


def _subject(m: Mention, analysis: Analysis) -> bool:
    """Whether a name opens its sentence or comes right before a verb: the sentence's subject, likely."""
    doc = m.span.doc
    return m.span.start == analysis.sentences[m.sentence].start or (
        m.span.end < len(doc) and doc[m.span.end].pos_ in ("VERB", "AUX"))


def _last_sentence(analysis: Analysis, block: int):
    sentences = [i for i, b in enumerate(analysis.sentence_block) if b == block]
    return (sentences[-1], analysis.sentences[sentences[-1]]) if sentences else (None, None)


def close_attribution(after: str, speech: SpeechWords) -> bool:
    """Whether the words after a quote open with its attribution: “…,” Peskov said / said Peskov /
    he said / minister of mines and energy Tom Alweendo told ..."""
    words = after.split()
    head = " ".join(words[:AFTER_REACH])
    return bool(speech.verb.search(head)) or bool(
        words and (words[0][:1].isupper() or words[0] in (",", "—")) and speech.verb.search(after)) or bool(
        speech.verb.search(" ".join(words[:ATTRIBUTION_REACH])) and after.lstrip()[:1] not in ".?!")


def find_quotes(analysis: Analysis, entities: list[Entity]) -> list[FoundQuote]:
    speakers = Speakers(analysis, entities)
    found: list[FoundQuote] = []
    running_on: list[tuple[int, int, int, str]] = []  # unattributed quotes open at their paragraph's end
    unattributed: list[tuple[int, int, int, str]] = []  # sentences of speech no words attribute
    for block, text in enumerate(analysis.texts):
        if analysis.kinds[block] != "paragraph":
            continue
        for q_start, q_end, t_start, t_end in quote_spans(text):
            quoted = text[t_start:t_end].strip()
            if len(quoted.split()) < MIN_WORDS or looks_like_title(quoted):
                continue
            _, s_start, _ = sentence_span(analysis, block, q_start)
            before = text[s_start:q_start]
            after_end = sentence_span(analysis, block, q_end)[2] if q_end < len(text) else q_end
            after = text[q_end:after_end]
            next_quote = min((p for p in (text.find(c, q_end) for c in OPENERS) if p != -1), default=-1)
            if next_quote != -1 and next_quote < after_end:
                after = text[q_end:next_quote]
            attributed, speaker, words = False, None, after
            if close_attribution(after, speakers.words):
                attributed, speaker = speakers.in_words(after, block, q_end, q_end + len(after), q_start)
            if speaker is None:
                found_before = speakers.in_words(before, block, s_start, q_start, q_start)
                if found_before[0] and (found_before[1] is not None or not attributed):
                    (attributed, speaker), words = found_before, before
            if not attributed and found and not before.strip(" —-"):
                previous = found[-1]
                if previous.block == block or (previous.block == block - 1 and q_start == 0):
                    attributed, speaker, words = previous.attributed, previous.speaker, previous.attribution
            if speaker is None and (incise := speakers.words.incise.search(text, t_start, t_end)):
                # said inside the quote marks: the pronoun's person, or the person named right after the verb
                if incise.group("pronoun"):
                    kind = speakers.pronoun_kind(incise.group("pronoun"))
                    attributed, speaker, words = True, speakers.subject_before(block, q_start, kind), incise.group(0)
                else:
                    named = speakers.mentions_in(block, incise.end(), min(t_end, incise.end() + 60))
                    if named:
                        attributed, speaker, words = True, named[0].entity, incise.group(0)
            if not attributed and q_start == 0 and block > 0 and analysis.kinds[block - 1] == "paragraph":
                # a paragraph of speech after one that says who speaks: "Lacerda added ..." / “And then ...”
                attributed, speaker, words = speakers.introduced_before(block)
            elif not attributed and q_start > 0 and not before.strip():
                # speech opening a sentence after one in the same paragraph that says who speaks
                attributed, speaker, words = speakers.introduced_before(block, q_start)
            if not attributed:
                if t_end == len(text):  # it runs on into the next paragraph, attributed at its end, maybe
                    running_on = [r for r in running_on if r[0] == block - 1] + [(block, q_start, q_end, quoted)]
                elif not before.strip() and len(quoted.split()) >= INTERVIEW_WORDS:
                    unattributed.append((block, q_start, q_end, quoted))
                continue
            if q_start == 0 and running_on and running_on[-1][0] == block - 1:
                found += [quote_found(entities, speaker, words, *r, partial=False, place=None) for r in running_on]
            running_on = []
            partial = bool(before.strip()) and not before.rstrip().endswith((":", ",")) or quoted[:1].islower()
            found.append(quote_found(entities, speaker, words, block, q_start, q_end, quoted, partial,
                                     place_said(speakers.words, after)))
    found += interviewee_quotes(found, unattributed, entities)
    return sorted(found, key=lambda q: (q.block, q.start))


#: An interview: one person says at least this share of the quotes given to someone, and this many.
INTERVIEW_SHARE = 0.7
INTERVIEW_QUOTES = 3
#: The fewest words of an unattributed sentence of speech given to the interviewee.
INTERVIEW_WORDS = 5


def interviewee_quotes(found: list[FoundQuote], unattributed: list[tuple[int, int, int, str]],
                       entities: list[Entity]) -> list[FoundQuote]:
    """Sentences of speech no words attribute, in an article most of whose quotes one person says
    (an interview: "Is Starmer a good leader? “Well, I'm fully supportive of him”"), are that person's."""
    said = Counter(q.speaker for q in found if q.speaker is not None)
    if not said or not unattributed:
        return []
    speaker, count = said.most_common(1)[0]
    if count < INTERVIEW_QUOTES or count < INTERVIEW_SHARE * len(found):
        return []
    return [quote_found(entities, speaker, "", block, start, end, quoted, False, None)
            for block, start, end, quoted in unattributed]


def quote_found(entities: list[Entity], speaker: int | None, words: str, block: int, start: int, end: int,
                quoted: str, partial: bool, place: str | None) -> FoundQuote:
    return FoundQuote(quote=Quote(speaker=entities[speaker].name if speaker is not None else None, text=quoted,
                                  partial=partial, place=place),
                      block=block, start=start, end=end, speaker=speaker, attribution=words, attributed=True)
