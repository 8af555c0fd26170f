"""Titles written around a person's name: "Russian President Vladimir Putin", "presidential aide
Vladimir Medinsky", "then-UK Prime Minister Boris Johnson", "Will Moy, chief executive of the
fact-checking website Full Fact,".

A title is read from the tokens next to the name: a run of capitalised words, role nouns and the
words that modify them, holding at least one role noun. A leading country or place word ("Russian",
"US", "South Dakota") or a possessive ("Russia's", "Hong Kong's") is the affiliation; an
organisation inside the title or its complement ("Kremlin spokesman", "CEO of Ceres Robotics") is
kept as the title's organisation; a qualifier ("newly appointed", "then-", "former") is kept apart.
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
captain sergeant officer leader chairman chairwoman chair chairperson ceo cfo coo cto founder co-founder
governor mayor senator congressman congresswoman representative lawmaker legislator deputy judge justice
prosecutor attorney king queen prince princess emperor empress monarch pope cardinal bishop archbishop imam rabbi
sheikh emir sultan ayatollah coach manager analyst professor economist correspondent editor reporter mp mep
official speaker lawyer commissioner inspector superintendent marshal administrator ombudsman auditor
governor-general treasurer registrar rapporteur coordinator delegate executive president-elect host producer
strategist scientist researcher investigator detective sheriff chief-of-staff mufti patriarch founder owner
rep. reps. sen. sens. gov. gen. lt. col. capt. sgt. adm. amb. dr. prof. pres. atty. supt. insp. cmdr.
""".split())
#: Role nouns of public office: their holders act for a state, so a country named beside them is
#: their affiliation before any organisation in the title.
PUBLIC_OFFICE = frozenset("""
president vice-president premier chancellor minister secretary spokesman spokeswoman spokesperson aide adviser
advisor negotiator envoy ambassador diplomat general admiral colonel commander governor mayor senator congressman
congresswoman representative lawmaker legislator deputy judge prosecutor attorney king queen prince princess
emperor monarch sheikh emir sultan ayatollah official speaker commissioner ombudsman head chief chief-of-staff
rep. reps. sen. sens. gov. gen. amb. pres. mp mep
""".split())
#: Portfolio words that NER mistakes for organisations inside titles ("Defense" in "Defense Minister").
PORTFOLIO_WORDS = frozenset("""
public defense defence foreign interior home finance state justice health education energy trade economy economic
agriculture transport transportation labour labor culture environment treasury commerce industry security
intelligence information communications digital development housing immigration tourism sports sport science
""".split())
QUALIFIER_WORDS = frozenset({"former", "acting", "interim", "outgoing", "incoming", "late", "caretaker", "then",
                             "ex", "new"})
#: A qualifier of time or status written before a title.
QUALIFIER_BEFORE = re.compile(
    r"(?:(?P<q1>(?:newly|recently|just)\s+(?:appointed|elected|named|installed|confirmed))"
    r"|(?P<q2>then|former|ex|acting|interim|outgoing|incoming|late|caretaker|designate|sitting))\s*-?\s*$",
    re.IGNORECASE,
)
#: "(D-Minn.)", "(R)", "(D-N.Y.)": the US convention for a politician's party.
PARTY_AFTER = re.compile(r"^\s*\((?P<party>[DR])(?:-[A-Z][\w.]*)?\)")
PARTIES = {"D": "Democratic Party", "R": "Republican Party"}
_CONNECTORS = {"of", "for", "the", "on", "and", "to"}
_COMPLEMENT = {"of", "for", "at", "in", "to", "with"}
_AFFILIATION_LABELS = {"GPE", "NORP"}
_POSSESSIVE = {"'s", "’s"}


@dataclass
class RoleMention:
    """A title as written next to one mention of a person."""

    title: str  # "President", "negotiator", "Main Intelligence Directorate (GRU) head", "chief executive"
    text: str  # as written, with its affiliation word: "Russian President", "chief executive of Full Fact"
    qualifier: str | None
    affiliation: str | None  # the country or place word that gives it: "Russian", "UK", "Russia", "South Dakota"
    org: str | None  # an organisation named in the title or its complement: "Kremlin", "Full Fact"
    start: int  # token index where the written title starts (affiliation included)
    end: int  # token index just after it
    public: bool  # a public office, whose holder acts for a state


def is_title_word(token: Token) -> bool:
    return token.text.lower() in ROLE_NOUNS


def _in_run(token: Token, following: Token | None) -> bool:
    """Whether a token (read right to left) continues a title run whose next token is `following`."""
    text = token.text
    if token.is_punct:
        return text in "()"
    if text.lower() in _CONNECTORS:
        # "Secretary of State", "Minister for Foreign Affairs", "ambassador to Britain", "founder and former CEO"
        if following is None or token.i == 0:
            return False
        before = token.doc[token.i - 1]
        if text.lower() == "and" and is_title_word(before):
            return True
        if not following.text[:1].isupper():
            return False
        return before.text[:1].isupper() or (text.lower() == "to" and is_title_word(before))
    if text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ", "X"):
        return True
    if is_title_word(token):
        return True
    # modifiers before a role noun: "presidential aide", "senior adviser", "police commissioner"
    return token.pos_ in ("ADJ", "NOUN") and following is not None and (
        is_title_word(following) or following.pos_ in ("ADJ", "NOUN"))


def title_before(person: Span) -> RoleMention | None:
    """The title written just before a person's name, if any."""
    doc = person.doc
    sent_start = person.sent.start
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
    """An appositive title: "Dmitry Peskov, the Kremlin spokesman, said"; "Sonya Zoghlin, Carlineo's attorney,"."""
    doc = person.doc
    sent_end = person.sent.end
    i = person.end
    if i >= sent_end or doc[i].text != ",":
        return None
    i += 1
    if i < sent_end and doc[i].lower_ in ("the", "a", "an"):
        i += 1
    start = i
    end = next((j for j in range(start, sent_end) if doc[j].text in (",", ";", ":", ".", "—", "–")), sent_end)
    if end == start or (end < sent_end and doc[end].text not in (",", ".", ";")):
        return None
    tokens = doc[start:end]
    first_complement = next((t.i for t in tokens if t.lower_ in _COMPLEMENT), end)
    if not any(is_title_word(t) for t in doc[start:first_complement]):
        return None  # "the younger brother of the Taliban's deputy leader": a relation, not a title
    head_end = first_complement
    head = doc[start:head_end]
    if not any(is_title_word(t) for t in head) or any(t.pos_ in ("VERB", "AUX", "PRON") for t in head):
        return None
    for name in (e for e in doc.ents if e.label_ == "PERSON" and start <= e.start and e.end <= end):
        if doc[name.end].text in _POSSESSIVE:
            continue  # an owner: "Carlineo's attorney"
        own_title = title_before(name)
        if (name.start < head_end and len(name) >= 2) or (own_title and own_title.start <= start):
            return None  # the next name in a list ("Lavrov, Chief of General Staff Valery Gerasimov, ..."), not a title
    role = _role_from_tokens(doc, start, head_end, start, text_end=end)
    if role is not None and head_end < end:
        # the organisation in the complement: "chief executive of the website Full Fact" (any label:
        # the small model calls some organisations people)
        named = [e for e in doc.ents if e.label_ in ("ORG", "PERSON") and head_end <= e.start and e.end <= end]
        role.org = _strip_possessive(named[-1]).text if named else role.org
    return role


def title_as(person: Span) -> RoleMention | None:
    """A title after "as": "replace Mauricio Pochettino as Tottenham's manager"."""
    doc = person.doc
    i = person.end
    if i + 1 >= person.sent.end or doc[i].lower_ != "as":
        return None
    start = i + 1
    if doc[start].lower_ in ("the", "a", "an"):
        start += 1
    end = start
    while end < person.sent.end and (doc[end].text in _POSSESSIVE or _in_run(doc[end], None) or doc[end].ent_type_):
        if doc[end].ent_type_ == "PERSON":
            return None
        end += 1
        if is_title_word(doc[end - 1]) and (end >= person.sent.end or not is_title_word(doc[end])):
            break
    if end == start or not is_title_word(doc[end - 1]):
        return None
    return _role_from_tokens(doc, start, end, start)


def nationality_before(person: Span) -> str | None:
    """A nationality or country written right before a name with no title: "American Kevin King"."""
    doc = person.doc
    if person.start == 0:
        return None
    token = doc[person.start - 1]
    if token.ent_type_ in _AFFILIATION_LABELS and country_of(token.text) is not None:
        return token.text
    return None


def party_after(person: Span) -> str | None:
    """The party of a US politician written after the name: "Rep. Ilhan Omar (D-Minn.)"."""
    doc = person.doc
    m = PARTY_AFTER.match(doc.text[person.end_char : person.end_char + 16])
    return PARTIES[m.group("party")] if m else None


def _entity_at(doc, i: int, labels: set[str]) -> Span | None:
    token = doc[i]
    if token.ent_iob_ != "B" or token.ent_type_ not in labels:
        return None
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[i:end]


#: Capitalised words that belong to a title, not to an organisation named in it.
TITLE_MODIFIERS = frozenset("""
prime vice deputy senior chief general executive press first principal assistant associate acting special
national top lead managing supreme high lord grand public junior state federal regional chairman
""".split())


def _name_before_title(doc, start: int, end: int) -> str | None:
    """Capitalised words opening a title that name who it is for: "Chargers coach", "Kremlin spokesman"."""
    i = start
    while i < end and doc[i].text[:1].isupper() and not is_title_word(doc[i]) \
            and doc[i].lower_ not in TITLE_MODIFIERS and doc[i].lower_ not in PORTFOLIO_WORDS \
            and doc[i].ent_type_ not in ("GPE", "NORP", "ORG", "PERSON"):
        i += 1
    if i == start or i >= end or not is_title_word(doc[i]):
        return None
    return doc[start:i].text


def _clean(name: str) -> str:
    return name[:-2].rstrip() if name.endswith(("'s", "’s")) else name


def _entity_start(doc, i: int) -> int:
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _strip_possessive(span: Span) -> Span:
    return span[:-1] if len(span) > 1 and span[-1].text in _POSSESSIVE else span


def _role_from_tokens(doc, start: int, end: int, sent_start: int, text_end: int | None = None) -> RoleMention | None:
    """Split a run of title words into qualifier, affiliation, organisation and title."""
    if not any(is_title_word(t) for t in doc[start:end]):
        return None
    qualifier = None
    # a possessive owner opening an appositive: "Carlineo's attorney", "Hong Kong's new police commissioner"
    owner = None
    for j in range(start, end - 1):
        if doc[j].text in _POSSESSIVE:
            owner = doc[start:j]
            start = j + 1
            break
    # a capitalised qualifier opening the run: "Former Prime Minister", "new police commissioner"
    while start < end - 1 and doc[start].lower_ in QUALIFIER_WORDS:
        qualifier = doc[start].lower_
        start += 1
    affiliation = None
    written_start = start if owner is None else owner.start
    if owner is not None and owner[0].ent_type_ in _AFFILIATION_LABELS | {"ORG"}:
        affiliation = owner.text
    # a possessive before the run: "Russia's Foreign Minister", "NASA's Administrator"
    if owner is None and start - 2 >= sent_start and doc[start - 1].text in _POSSESSIVE \
            and doc[start - 2].ent_type_ in _AFFILIATION_LABELS | {"ORG"}:
        written_start = _entity_start(doc, start - 2)
        owner = doc[written_start : start - 1]
        if doc[start - 2].ent_type_ != "ORG":
            affiliation = owner.text
    title_start = start
    # a leading country or place: "Russian President", "US Secretary of State", "South Dakota Gov."
    place = _entity_at(doc, title_start, _AFFILIATION_LABELS)
    if place is not None and place.end < end:
        affiliation = affiliation or place.text
        title_start = place.end
    title_tokens = doc[title_start:end]
    if not any(is_title_word(t) for t in title_tokens):
        return None
    orgs = [e.text for e in doc.ents if e.label_ == "ORG" and title_start <= e.start and e.end <= end
            and e.text.lower() not in PORTFOLIO_WORDS and not any(is_title_word(t) for t in e)]
    prefix = _name_before_title(doc, title_start, end)
    if prefix:
        orgs.append(prefix)
    if qualifier is None:
        m = QUALIFIER_BEFORE.search(doc[max(sent_start, written_start - 3):written_start].text)
        qualifier = (m.group("q1") or m.group("q2")).lower() if m else None
    return RoleMention(
        title=title_tokens.text,
        text=doc[written_start : text_end or end].text,
        qualifier=qualifier,
        affiliation=affiliation,
        org=_clean(orgs[0]) if orgs else (owner.text if owner is not None and owner[0].ent_type_ == "ORG" else None),
        start=written_start,
        end=text_end or end,
        public=any(t.lower_ in PUBLIC_OFFICE for t in title_tokens),
    )
