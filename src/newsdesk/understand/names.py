"""A person is a name: NER spans cut to the name they hold, or refused.

The small models tag more than names as people: courtesy titles and offices run into the span
("Sir Keir Starmer", "Mr. Michael McDonald", "President Trump"), photo credits run into a caption's
first name ("Getty ImagesKristi Noem"), scores follow a player ("Botic van de Zandschulp 6-2"),
products and venues look like names ("MacBook Pro", "Jiffy Lube Live", "Sioux Falls"). These rules
cut a span to the name (a title is left outside it, for the title rules to read) or refuse it.
Every word list is the language's own (`newsdesk.lang`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lang import Language
from ..lang.names import PARTICLES

#: "ImagesKristi": a word of four or more lower-case letters run into a capitalised one or an
#: initial: two words glued where a line break was lost (a credit and a caption; a team sheet's
#: "AouarB. Guimarães"). "McDonald", "LeBron", "MacKenzie" stay. "Director_Oh": a credit's role
#: and name joined by an underscore.
RUN_IN = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z]|[A-Z]\.)|(?<=_)(?=[A-Z])")
_NOT_IN_NAME = re.compile(r"[@/\\|#]|https?:|www\.|\.com\b")
_HAS_DIGIT = re.compile(r"\d")


def _name_word(token: Token) -> bool:
    """A word a name may hold: capitalised, an initial, or a particle ("van", "al-")."""
    text = token.text
    if text[:1].isupper():
        return True
    lower = token.lower_
    return lower in PARTICLES or any(lower.startswith(p + "-") for p in ("al", "el", "bin", "ibn", "abu", "ben"))


def clean_person(span: Span, lang: Language, calendar: frozenset[str]) -> tuple[Span, str] | None:
    """The name a PERSON span holds, as (span, name), or None when it holds none.

    Leading courtesy titles, offices and lower-case words are cut off (a title stays just before
    the span, where `roles.title_before` reads it); trailing scores and possessives are cut;
    spans with e-mail addresses or links, in capitals throughout, or ending in a word that ends
    venues, products and places ("Falls", "Arena", "Pro") are refused.
    """
    if _NOT_IN_NAME.search(span.text):
        return None
    doc = span.doc
    start, end = span.start, span.end
    run_in = None  # the name's part of a word glued to the one before: "ImagesKristi" -> "Kristi"
    for t in span:
        if (m := RUN_IN.search(t.text)) is not None:
            start, run_in = t.i, t.text[m.start():]
    if run_in is None:
        while start < end and (_not_a_name_start(doc[start], lang, calendar) or (
                doc[start].lower_ in PARTICLES and sum(t.text[:1].isupper() for t in doc[start + 1 : end]) >= 2
                and doc[start + 1].lower_ not in PARTICLES)):
            start += 1  # "de Donald Trump": a preposition, where "de Gaulle" and "De La Rosa" are names
        # a title inside the span before a full name: "Browns DL Sheldon Richardson", "Apple CEO Tim Cook"
        inner = [t.i for t in doc[start + 1 : end - 2] if t.lower_ in lang.role_nouns and t.text[:1].isupper()]
        if inner and all(_name_word(t) for t in doc[inner[-1] + 1 : end]):
            start = inner[-1] + 1
    # a score, a number or anything after it is no part of a name: "Zandschulp 6-2", "A. Sanger 2"
    end = next((t.i for t in doc[start:end] if _HAS_DIGIT.search(t.text)), end)
    while end > start and (doc[end - 1].text in lang.possessives or doc[end - 1].is_punct and doc[end - 1].text != "."):
        end -= 1
    if end <= start:
        return None
    if run_in is None and _elision_before(doc, start, span.start):
        start -= 1  # "’Manteboheng Molatjeng": the apostrophe is the name's (Sesotho 'M, "mother of")
    name = doc[start:end]
    rest = name[1:] if run_in else name
    # a lower-case word inside ("Tat hatte der") means the model read a phrase, not a name
    if any(not _name_word(t) and not t.is_punct and not _after_hyphen(t) for t in rest):
        return None
    text = name.text if run_in is None else run_in + doc.text[name[0].idx + len(name[0].text):name.end_char]
    letters = [c for c in text if c.isalpha()]
    if not letters or not any(c.isupper() for c in letters):
        return None
    if len(text.split()) >= 2 and all(c.isupper() for c in letters):
        return None  # "SIOUX FALLS": a dateline or a heading, not a name
    if name[-1].lower_ in lang.not_name_words or name[0].lower_ in lang.names.words("not_name_openers") \
            or names_a_law(name, lang):
        return None
    return name, text


def names_a_law(span: Span, lang: Language) -> bool:
    """"Cyber Security Bill", "the Bill", "a new Bill", "the British Bill": a law, though "Bill"
    may be a given name ("Bill said", "said Bill")."""
    if span[-1].lower_ not in lang.names.words("law_words"):
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    return len(span) >= 2 or (before is not None and (before.lower_ in lang.determiners or before.pos_ == "ADJ"))


def _elision_before(doc: Doc, start: int, span_start: int) -> bool:
    """An apostrophe glued to the front of a name's first word (the span's, or the one after the
    apostrophe it opened with), after a space: "’Manteboheng", "’Mathabo" (a closing quote mark, or
    a possessive, has a word glued before it instead)."""
    i = start - 1
    return start - span_start <= 1 and i >= 0 and doc[i].text == "’" and not doc[i].whitespace_ \
        and doc[start].text[:1].isupper() and (i == 0 or bool(doc[i - 1].whitespace_))


def _after_hyphen(token: Token) -> bool:
    """The second part of a hyphenated name: "yip" of "Cheuk Hau-yip"."""
    before = token.doc[token.i - 1] if token.i else None
    return before is not None and before.text == "-" and not before.whitespace_


def _not_a_name_start(token: Token, lang: Language, calendar: frozenset[str]) -> bool:
    """A courtesy title, an office, a weekday or a lower-case word opening a PERSON span."""
    lower = token.lower_
    return (lower in lang.honorifics or lower.rstrip(".") in lang.honorifics or lower in lang.role_nouns
            or lower in calendar or token.text in lang.possessives or not _name_word(token))


def calendar_words(lang: Language) -> frozenset[str]:
    """Weekdays: "Sunday Melina Wolf" starts with a day, not a given name. (Months are given
    names too: April, May, June.)"""
    return lang.time.words("weekdays")
