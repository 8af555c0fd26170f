"""One article read by the pipeline: its text blocks, sentences and the mentions in them.

Every rule module (entities, quotes, events) reads an `Analysis`; building it is the only place
that runs spaCy. Related-story titles are never read: their people are not the article's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span

from ..lang import Language, english
from ..lang.countries import Country, country_named, country_of, country_of_demonym
from ..lang.names import PersonName, parse_person
from ..model import Article, EntityType
from .names import clean_person
from .nlp import sentence_start
from .roles import RoleMention, title_after, title_before
from .titlewords import is_title_word

#: Each opening quotation mark and the marks that close it, in the languages newsdesk reads.
_QUOTE_CLOSERS = {"“": ("”", "’’", "''"), '"': ('"',), "«": ("»",), "„": ("“", "”"), "‘": ("’",)}
OPENERS = tuple(_QUOTE_CLOSERS)
#: The closing single mark is also the apostrophe ("don’t", "Africa’s"): it closes a quote only
#: after a word's end and before anything that is not a letter.
_SINGLE_CLOSER = re.compile(r"(?<=\S)’(?![^\W\d_])")


def quote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, text start, text end) of each quote in a paragraph; an unclosed one runs to the end.

    A quote that goes on into the next paragraph opens it again and closes only at its end.
    """
    spans, i = [], 0
    while i < len(text):
        if text[i] not in _QUOTE_CLOSERS or (text[i] == "‘" and i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        if text[i] == "‘":  # single marks: only a whole quote, never one running on
            close = _SINGLE_CLOSER.search(text, i + 1)
            if close is None:
                i += 1
                continue
            spans.append((i, close.end(), i + 1, close.start()))
            i = close.end()
            continue
        found = [(pos, c) for c in _QUOTE_CLOSERS[text[i]] if (pos := text.find(c, i + 1)) != -1]
        if found:
            pos, closer = min(found)
            spans.append((i, pos + len(closer), i + 1, pos))
            i = pos + len(closer)
        else:
            spans.append((i, len(text), i + 1, len(text)))
            break
    return spans


@dataclass
class Mention:
    """One mention of a person, organisation or place."""

    type: EntityType
    name: str
    span: Span
    sentence: int  # index into Analysis.sentences
    roles: list[RoleMention] = field(default_factory=list)
    nationality: str | None = None  # "American" in "American Kevin King"
    party: str | None = None  # from "(D-Minn.)"
    employer: str | None = None  # from "Jane Roe of Goldman Sachs"
    entity: int | None = None  # index into the article's entity list, once resolved

    @property
    def entity_index(self) -> int:
        """Its entity's index in the article's entity list; only once entities are resolved."""
        if self.entity is None:
            raise ValueError(f"the mention {self.name!r} is read before entities are resolved")
        return self.entity

    @property
    def role(self) -> RoleMention | None:
        return self.roles[0] if self.roles else None

    @property
    def person_name(self) -> PersonName:
        parsed = parse_person(self.name)
        return parsed if parsed is not None else PersonName((), self.name)

    @property
    def surname(self) -> str:
        """The family name ("van de Zandschulp" of "Botic van de Zandschulp"; a one-word name itself)."""
        return self.person_name.surname

    @property
    def words(self) -> int:
        return len(self.name.split())


@dataclass
class Analysis:
    article: Article
    docs: list[Doc]  # one per text block, in reading order
    kinds: list[str]  # headline | standfirst | caption | paragraph | heading
    sentences: list[Span] = field(default_factory=list)
    sentence_block: list[int] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    countries: list[tuple[int, Span, Country]] = field(default_factory=list)  # (sentence, span, country)
    quoted: list[list[tuple[int, int]]] = field(default_factory=list)  # per block, character ranges in quotes
    lang: Language = field(default_factory=english)

    @cached_property
    def texts(self) -> list[str]:
        """Each block's text (`Doc.text` joins its tokens again on every call)."""
        return [doc.text for doc in self.docs]

    def in_quote(self, span: Span, block: int) -> bool:
        return any(start <= span.start_char < end for start, end in self.quoted[block])

    def persons(self) -> list[Mention]:
        return [m for m in self.mentions if m.type == "person"]


#: What the model reads of one article, at most: no news prose has a paragraph this long, and few
#: articles are longer; a page built to stall the ingest (one 300 kB "paragraph", thousands of
#: quotes) costs seconds, not minutes, however it is made.
MAX_BLOCK_CHARS = 20_000
MAX_ARTICLE_CHARS = 200_000


def organisations_begun(mentions: list[Mention]) -> None:
    """A "person" that opens an organisation's name the article gives in full, the rest of the name
    after it, is that organisation: "told Rest of World" read as "Rest" beside "Rest of World"."""
    orgs = sorted({m.name for m in mentions if m.type == "org" and m.words >= 2}, key=len, reverse=True)
    for m in mentions:
        if m.type != "person":
            continue
        start = m.span.start_char
        org = next((o for o in orgs if o.startswith(m.name + " ") and m.span.doc.text.startswith(o, start)), None)
        span = m.span.doc.char_span(start, start + len(org)) if org else None
        if org and span is not None:
            m.type, m.name, m.span = "org", org, span


def text_blocks(article: Article) -> list[tuple[str, str]]:
    """(kind, text) of every block the reader reads as the article's own words, within the caps."""
    blocks = [("headline", article.headline)] if article.headline else []
    if article.standfirst:
        blocks.append(("standfirst", article.standfirst))
    if article.image and article.image.caption:
        blocks.append(("caption", article.image.caption))
    blocks += [(block.type, block.text) for block in article.body]
    kept, left = [], MAX_ARTICLE_CHARS
    for kind, text in blocks:
        if left <= 0:
            break
        text = text[:min(MAX_BLOCK_CHARS, left)]
        kept.append((kind, text))
        left -= len(text)
    return kept


def strip_possessive(span: Span, lang: Language) -> Span:
    while len(span) > 1 and span[-1].text in lang.possessives:
        span = span[:-1]
    if len(span) > 1 and span[0].lower_ in lang.determiners:
        span = span[1:]
    return span


def people_apart_at_brackets(doc: Doc, lang: Language) -> None:
    """A person the model ran across an opening bracket is the two names it holds: "Oliver (Armie
    Hammer" is a character and the actor playing him (the doc's entities are mended, for every rule)."""
    if any("(" in e.text and e.label_ in lang.person_labels for e in doc.ents):
        doc.ents = [part for e in doc.ents for part in _bracket_apart(e, lang)]


def _bracket_apart(ent: Span, lang: Language) -> list[Span]:
    bracket = next((t.i for t in ent if t.text == "("), None)
    if bracket is None or ent.label_ not in lang.person_labels:
        return [ent]
    end = next((t.i for t in ent if t.text == ")"), ent.end)
    parts = [Span(ent.doc, ent.start, bracket, label=ent.label_), Span(ent.doc, bracket + 1, end, label=ent.label_)]
    return [part for part in parts if len(part)]


def before_list_comma(span: Span) -> Span:
    """An organisation's name up to a comma no conjunction follows: the model ran it into the next
    item of a list ("Big Machine, Braun and The Carlyle Group") or a legal form ("Dräger, Inc."),
    while "Ministry of Trade, Industry and Energy" is one name."""
    comma = next((t.i for t in span if t.text == ","), None)
    if comma is None or any(t.pos_ == "CCONJ" or t.text == "&" for t in span.doc[comma + 1 : span.end]):
        return span
    return span.doc[span.start : comma]


def with_acronym(span: Span) -> Span:
    """Extend an organisation's name over a following "(ACRONYM)"."""
    doc = span.doc
    end = span.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].is_upper and doc[end + 2].text == ")":
        return doc[span.start : end + 3]
    return span


#: The longest word of a name written in syllables ("Yoon Suk Yeol", "Lee Hsien Loong"), where the
#: small model often leaves the last out; "Joe Biden Administration" is no such name.
SYLLABLE_NAME = 5


def person_span(span: Span, lang: Language) -> Span:
    """A person's name from an NER span: possessives cut ("Jeff Bezos's Blue Origin" -> "Jeff Bezos"),
    a given name the model left out of a one-word span taken in ("Eyamba Sowers"), and a third name
    after two ("Yoon Suk Yeol")."""
    while len(span) > 1 and span[0].text in lang.possessives:
        span = span[1:]
    cut = next((t.i for t in span if t.text in lang.possessives and t.i > span.start), None)
    if cut is not None:
        span = span.doc[span.start : cut]
    doc, start = span.doc, span.start
    given = start - 1
    first = sentence_start(span)
    if (len(span) == 1 and given >= first and doc[given].pos_ == "PROPN" and doc[given].is_title
            and not doc[given].ent_type_ and not is_title_word(doc[given], lang)
            and doc[given].lower_ not in lang.honorifics
            and (given == first or not doc[given - 1].text[:1].isupper())):
        start = given  # a lone capitalised word before the name, not the end of a title
    end = span.end
    if len(span) == 2 and end < len(doc) and all(len(t) <= SYLLABLE_NAME for t in (*span, doc[end])) \
            and _name_part_left_out(doc[end], lang) and (end + 1 == len(doc) or not doc[end + 1].text[:1].isupper()):
        end += 1  # the last of three one-syllable names the model left out: "Yoon Suk Yeol over his ..."
    return doc[start:end]


def _name_part_left_out(token, lang: Language) -> bool:
    return (token.pos_ == "PROPN" and token.is_title and token.is_alpha and not token.ent_type_
            and not is_title_word(token, lang) and token.lower_ not in lang.honorifics
            and token.lower_ not in lang.not_name_words and token.lower_ not in lang.portfolio_words)


def _named(span: Span) -> bool:
    """Organisations and places are named with a capital somewhere ("eBay" too; "n't" not)."""
    return any(c.isupper() for c in span.text)


def _titled_name(span: Span, lang: Language) -> bool:
    """Two or three proper nouns with a person's title in apposition after them, or a title noun
    right before them: a person's name, whatever NER says ("Hage Geingob, the president, ...",
    "Idaho police officer Brett Payne", "le PDG, Pekka Lundmark"; not "Full Fact, the website", not
    "president of Microsoft")."""
    if not 2 <= len(span) <= 3 or not all(t.pos_ == "PROPN" for t in span):
        return False
    doc, before = span.doc, span.start - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1  # "prévient le PDG, Pekka Lundmark"
    if before >= 0 and is_title_word(doc[before], lang) and title_before(span) is not None:
        return True
    role = title_after(span)
    return role is not None and role.public


def _name_after_title(span: Span, lang: Language) -> Span | None:
    """The two or three capitalised words that end a span opening with a title, when the rest is
    that title: "ministre de la Santé Roman Prymula" -> "Roman Prymula" (whatever their tags: the
    small models tag unfamiliar names as nouns, even pronouns)."""
    for size in (3, 2):
        tail = span[-size:]
        if len(span) <= size or not all(t.text[:1].isupper() and t.is_alpha and not is_title_word(t, lang)
                                        and t.lower_ not in lang.portfolio_words for t in tail):
            continue
        title = title_before(tail)
        if title is not None and title.start <= span.start and (
                is_title_word(span[0], lang) or is_title_word(span.doc[tail.start - 1], lang)):
            return tail  # not "the manager of Nana Backpacker Hostel"
    return None


def beside_a_person(ent: Span, lang: Language) -> bool:
    """A name of two or three capitalised words that "and" or a comma joins to a person the model
    tagged, itself tagged neither an organisation nor a place (a place after a name and a comma is
    where they are from): "Marcel Granollers and Feliciano Lopez", the first a product to the model."""
    if ent.label_ in lang.org_labels | lang.place_labels or not 2 <= len(ent) <= 3 \
            or not all(t.pos_ == "PROPN" and t.is_title for t in ent):
        return False
    doc, joiners = ent.doc, lang.roles.words("and_word") | {","}

    def joined(joiner: int, other: int) -> bool:
        return 0 <= other < len(doc) and doc[joiner].lower_ in joiners and doc[other].ent_type_ in lang.person_labels

    return (joined(ent.end, ent.end + 1) or joined(ent.start - 1, ent.start - 2)) \
        and country_of(ent.text, lang=lang.code) is None


def classify(ent: Span, lang: Language, calendar: frozenset[str]) -> tuple[EntityType, Span, str] | None:
    """An NER span as (person|org|place, name span, name), with the model's common mistakes mended."""
    span = strip_possessive(ent, lang)
    label = ent.label_
    code = lang.code
    if label not in lang.person_labels and beside_a_person(ent, lang):
        label = next(iter(lang.person_labels))
    if label in lang.person_labels:
        cleaned = clean_person(person_span(ent, lang), lang, calendar)
        if cleaned is None:
            return None
        span, name = cleaned
        # a capital or country tagged as a person ("Kyiv withdrew ...") unless a title stands before it
        if country_of(name, lang=code) is not None and title_before(span) is None:
            return "place", span, name
        return "person", span, name
    if not _named(span):
        return None
    if label in lang.org_labels:
        span = before_list_comma(span)
        if not span or not _named(span):
            return None
        if (named := _name_after_title(span, lang)) is not None:
            # "ministre de la Santé Roman Prymula", "Major-Gen Gopaul Govender" as one ORG
            cleaned = clean_person(named, lang, calendar)
            if cleaned is not None:
                return "person", *cleaned
        if span.text.lower() in lang.portfolio_words or is_title_word(span[0], lang):
            return None  # "Defense" of "Defense Minister"; a title read as a name: "ministre de l'Intérieur"
        if country_named(span.text, code) is not None:
            return "place", span, span.text  # "Türkiye’s role" tagged as an organisation
        if _titled_name(span, lang):
            cleaned = clean_person(span, lang, calendar)
            if cleaned is not None:
                return "person", *cleaned  # "Hage Geingob, the president, ..." tagged as an organisation
        span = with_acronym(span)
        return "org", span, span.text
    if label in lang.place_labels:
        if country_of_demonym(span.text, code) is not None and country_named(span.text, code) is None:
            return None  # "Ukrainian" tagged as a place: a nationality, used for affiliations
        return "place", span, span.text
    return None


def credit_key(name: str) -> str:
    return " ".join(name.casefold().replace("-", " ").split())


def credit_names(article: Article) -> set[str]:
    """Who made the page: its source line, photo credit and byline ("By Jane Doe and Al-Bawaba")."""
    names = set()
    for text in (article.source, article.image.credit if article.image else None, article.byline):
        for part in re.split(r",|;|\band\b|&|\bby\b|\|", text or "", flags=re.IGNORECASE):
            if part.strip():
                names.add(credit_key(part))
    return names
