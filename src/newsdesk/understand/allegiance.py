"""What a name says of whom a person acts for, besides a title: a nationality or country written
right before it ("American Kevin King"), a US politician's party after it ("Ilhan Omar (D-Minn.)")."""

from __future__ import annotations

from spacy.tokens import Span

from ..lang.countries import country_of
from .nlp import lang_of


def nationality_before(person: Span) -> str | None:
    """A nationality or country written before a name, right before it ("American Kevin King") or
    before the plain words that describe them ("British backpacker and lawyer Simone White")."""
    doc = person.doc
    lang = lang_of(doc)
    i = person.start - 1
    and_word = lang.roles.words("and_word")
    # not across "and" right before the name, nor a plural: "Russian politicians and Donald Trump Jr"
    while i > max(0, person.start - 6) and not doc[i].is_sent_start and doc[i].is_lower \
            and "Plur" not in doc[i].morph.get("Number", []) \
            and (doc[i].pos_ in ("NOUN", "ADJ") or (doc[i].lower_ in and_word and i < person.start - 1)):
        i -= 1
    if i < 0:
        return None
    token = doc[i]
    # the whole name the word ends: "New Jersey native Connor Clifton" is no one from Jersey
    named = next((e.text for e in doc.ents if e.start <= i < e.end), token.text)
    if token.ent_type_ in lang.affiliation_labels and country_of(named, lang=lang.code) is not None:
        return named
    return None


def party_after(person: Span) -> str | None:
    """The party of a US politician written after the name: "Rep. Ilhan Omar (D-Minn.)"."""
    doc = person.doc
    lang = lang_of(doc)
    party = lang.roles.section("party")
    pattern = party.regex("pattern", 0)
    if pattern is None:
        return None
    m = pattern.match(doc[person.end : person.end + 8].text_with_ws if person.end < len(doc) else "")
    return party.table("names").get(m.group("party")) if m else None


def employer_after(person: Span) -> str | None:
    """The organisation written right after a name by a word of membership: "the immunologist
    De'Broski Herbert at the University of Pennsylvania", "Jane Roe of Goldman Sachs"."""
    doc = person.doc
    lang = lang_of(doc)
    i = person.end
    if i >= len(doc) or doc[i].lower_ not in lang.roles.words("employer_after"):
        return None
    org = next((e for e in doc.ents if e.start in (i + 1, i + 2)), None)
    if org is None or org.label_ not in lang.org_labels:
        return None
    start = org.start + (doc[org.start].lower_ in lang.determiners)
    between = doc[i + 1 : start]  # nothing but an article: "at the University of Pennsylvania"
    if start >= org.end or any(t.lower_ not in lang.determiners for t in between):
        return None
    return doc[start : org.end].text
