"""Titles written around a person's name: "Russian President Vladimir Putin", "presidential aide
Vladimir Medinsky", "then-UK Prime Minister Boris Johnson", "Dmitry Peskov, the Kremlin spokesman,".

A title is read from the tokens next to the name: a run of capitalised words, role nouns and the
adjectives before them, that holds at least one role noun. Its leading nationality or country word
is the affiliation; a qualifier ("newly appointed", "then-", "former") before it is kept apart.
Works on tokens, tags and entity labels only: no parse tree is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .gazetteer import country_of

#: Nouns that make a run of words a title. General vocabulary of offices and jobs.
ROLE_NOUNS = frozenset("""
president vice-president premier chancellor minister secretary spokesman spokeswoman spokesperson aide adviser
advisor negotiator envoy ambassador diplomat chief head director commander general admiral colonel lieutenant
major captain sergeant officer leader chairman chairwoman chair chairperson ceo cfo coo cto founder co-founder
governor mayor senator congressman congresswoman representative lawmaker legislator deputy judge justice
prosecutor attorney king queen prince princess emperor empress monarch pope cardinal bishop archbishop imam rabbi
sheikh emir sultan ayatollah coach manager analyst professor economist correspondent editor reporter mp mep
official speaker lawyer commissioner inspector superintendent marshal administrator ombudsman auditor
governor-general treasurer registrar rapporteur coordinator delegate executive president-elect spokesperson
strategist scientist researcher investigator detective sheriff chief-of-staff mufti patriarch metropolitan
""".split())
#: Portfolio words that NER mistakes for organisations inside titles ("Defense" in "Defense Minister").
PORTFOLIO_WORDS = frozenset("""
defense defence foreign interior home finance state justice health education energy trade economy economic
agriculture transport transportation labour labor culture environment treasury commerce industry security
intelligence information communications digital development housing immigration tourism sports sport science
""".split())
#: A qualifier of time or status before a title, kept apart from the title.
QUALIFIER_BEFORE = re.compile(
    r"(?:(?P<q1>(?:newly|recently|just)\s+(?:appointed|elected|named|installed|confirmed))"
    r"|(?P<q2>then|former|ex|acting|interim|outgoing|incoming|late|caretaker|designate|current|sitting))\s*-?\s*$",
    re.IGNORECASE,
)
QUALIFIER_WORDS = {"former", "acting", "interim", "outgoing", "incoming", "late", "caretaker", "then", "ex"}
_CONNECTORS = {"of", "for", "the", "on", "and"}
_COUNTRY_LABELS = {"GPE", "NORP"}


@dataclass
class RoleMention:
    """A title as written next to one mention of a person."""

    title: str  # "President", "negotiator", "Main Intelligence Directorate (GRU) head"
    text: str  # as written, with its affiliation word: "Russian President", "Ukrainian negotiator"
    qualifier: str | None
    affiliation: str | None  # the word that gives it: "Russian", "UK", "Russia's"
    start: int  # token index where the written title starts (affiliation included)


def is_title_word(token: Token) -> bool:
    return token.text.lower() in ROLE_NOUNS


def _in_run(token: Token, following: Token | None) -> bool:
    """Whether a token (read right to left) continues a title run whose next token is `following`."""
    text = token.text
    if token.is_punct:
        return text in "()"
    if text.lower() in _CONNECTORS:
        # "Secretary of State", "Minister for Foreign Affairs": only between capitalised words
        if following is None or token.i == 0:
            return False
        return following.text[:1].isupper() and token.doc[token.i - 1].text[:1].isupper()
    if text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ", "X"):
        return True
    if is_title_word(token):
        return True
    # lower-case adjectives before a role noun: "presidential aide", "senior adviser", "top diplomat"
    return token.pos_ == "ADJ" and following is not None and (is_title_word(following) or following.pos_ == "ADJ")


def title_before(person: Span) -> RoleMention | None:
    """The title written just before a person's name, if any."""
    doc = person.doc
    sent_start = person.sent.start if doc.has_annotation("SENT_START") else 0
    i = person.start - 1
    following = None
    while i >= sent_start and _in_run(doc[i], following):
        if doc[i].ent_type_ == "PERSON":
            break
        following = doc[i]
        i -= 1
    start = i + 1
    # a parenthesis cannot open a run, and a run cannot start with a connector
    while start < person.start and (doc[start].text in ")" or doc[start].text.lower() in _CONNECTORS):
        start += 1
    if start >= person.start:
        return None
    return _role_from_tokens(doc, start, person.start, sent_start)


def title_after(person: Span) -> RoleMention | None:
    """An appositive title: "Dmitry Peskov, the Kremlin spokesman, said"."""
    doc = person.doc
    sent_end = person.sent.end if doc.has_annotation("SENT_START") else len(doc)
    i = person.end
    if i >= sent_end or doc[i].text != ",":
        return None
    i += 1
    if i < sent_end and doc[i].lower_ in ("the", "a", "an"):
        i += 1
    start = i
    while i < sent_end and doc[i].text not in (",", ".", ";", ":") and doc[i].ent_type_ != "PERSON":
        if not (_in_run(doc[i], doc[i + 1] if i + 1 < sent_end else None) or doc[i].lower_ in _CONNECTORS
                or doc[i].ent_type_ in ("ORG", "GPE", "NORP") or doc[i].text in ("'s", "’s")):
            return None
        i += 1
    if i == start or i >= sent_end or doc[i].text not in (",", ".", ";"):
        return None
    if not any(is_title_word(t) for t in doc[start:i]):
        return None
    return _role_from_tokens(doc, start, i, start)


def _entity_starting_at(doc, i: int) -> Span | None:
    token = doc[i]
    if token.ent_iob_ != "B" or token.ent_type_ not in _COUNTRY_LABELS:
        return None
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[i:end]


def _role_from_tokens(doc, start: int, end: int, sent_start: int) -> RoleMention | None:
    """Split a run of title words into qualifier, affiliation and title."""
    if not any(is_title_word(t) for t in doc[start:end]):
        return None
    qualifier = None
    # a capitalised qualifier opening the run: "Former Prime Minister", "Acting Chief Executive"
    while start < end - 1 and doc[start].lower_ in QUALIFIER_WORDS:
        qualifier = doc[start].lower_
        start += 1
    affiliation = None
    title_start = start
    # a possessive country before the run: "Russia's Foreign Minister"
    if start - 2 >= sent_start and doc[start - 1].text in ("'s", "’s") and doc[start - 2].ent_type_ in _COUNTRY_LABELS:
        affiliation = doc[start - 2].text
        start = doc[start - 2].i
    # a leading country word: "Russian President", "US Secretary of State", "United States Ambassador"
    country_span = _entity_starting_at(doc, title_start)
    if country_span is not None and country_span.end < end and country_of(country_span.text):
        affiliation = affiliation or country_span.text
        title_start = country_span.end
    title_tokens = doc[title_start:end]
    if not any(is_title_word(t) for t in title_tokens):
        return None
    if qualifier is None:
        m = QUALIFIER_BEFORE.search(doc[max(sent_start, start - 3):start].text)
        qualifier = (m.group("q1") or m.group("q2")).lower() if m else None
    return RoleMention(
        title=title_tokens.text,
        text=doc[start:end].text,
        qualifier=qualifier,
        affiliation=affiliation,
        start=start,
    )
