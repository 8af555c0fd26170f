"""What a name says of whom a person acts for, besides a title: a nationality or country written
right before it ("American Kevin King"), a US politician's party after it ("Ilhan Omar (D-Minn.)")."""

from __future__ import annotations

from spacy.tokens import Span

from ..lang.countries import country_of
from .nlp import lang_of


def nationality_before(person: Span) -> str | None:
    """A nationality or country written right before a name with no title: "American Kevin King"."""
    doc = person.doc
    if person.start == 0:
        return None
    lang = lang_of(doc)
    token = doc[person.start - 1]
    if token.ent_type_ in lang.affiliation_labels and country_of(token.text, lang=lang.code) is not None:
        return token.text
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
