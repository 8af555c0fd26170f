"""Who held an office, with the sentences that say so: read from the roles the people graph keeps.

Every mention of a person that gives a role (a title, a qualifier such as "newly appointed" or
"former", the person's affiliation) is evidence that they held it on the article's date. `holders`
gathers, for an office and an affiliation, the people the evidence names, newest first, as of a
day when asked; two people called the same office on one date are both listed, each with the
sentences. `offices_of` is one person's roles over time the same way. Titles match by their words
with spellings and phrasings as data (`lang/data/offices.toml`): "defence minister", "Minister of
Defense" and "Defense Minister" are one office; "Deputy Defense Minister" is another.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Protocol
from importlib import resources

from .lang import DEFAULT_LANGUAGE, english, known_languages, language
from .lang.countries import country_named, country_of_demonym
from .model import OfficeEvidence as Evidence, OfficeHolder as Holder, RoleMention

#: At most this many pieces of evidence are kept for one person (the newest).
EVIDENCE_PER_PERSON = 5
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…][\"”’»])\s+")


def latest(holder: Holder) -> str:
    return max((e.published or "" for e in holder.evidence), default="")


def settled(holder: Holder) -> Holder:
    """The holder with `current` read from its newest evidence (no "former", "then", "late")."""
    newest = max(holder.evidence, key=lambda e: e.published or "")
    holder.current = newest.qualifier not in english().past_qualifiers
    return holder


@lru_cache(maxsize=1)
def _office_words() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    data = tomllib.loads((resources.files("newsdesk.lang") / "data" / "offices.toml").read_text(encoding="utf-8"))
    return data.get("spellings", {}), data.get("offices", {}), frozenset(data.get("complements", {}).get("words", []))


def languages() -> list[str]:
    return [DEFAULT_LANGUAGE, *(code for code in known_languages() if code != DEFAULT_LANGUAGE)]


@lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """Whether a word is a nationality in any language newsdesk has words for ("russe", "Russian")."""
    return any(country_of_demonym(word, code) is not None for code in languages())


@lru_cache(maxsize=4096)
def country_in_words(text: str):
    """The country a text names in any language newsdesk has words for, a determiner aside ("la
    Russie", "the United States", "l'Ukraine")."""
    for code in languages():
        words = language(code)
        stripped = text.strip()
        for determiner in sorted(words.determiners if words else (), key=len, reverse=True):
            elided = determiner.endswith(("'", "’"))
            if stripped.casefold().startswith(determiner + ("" if elided else " ")):
                stripped = stripped[len(determiner):].strip()
                break
        found = country_named(stripped, code)
        if found is not None:
            return found
    return None


def office_key(title: str) -> str:
    """What two names of one office share: "Minister of Defence", "defense minister" and
    "ministre de la Défense de la Russie" give the same (the country is the affiliation's to say)."""
    spellings, offices, complements = _office_words()
    words = [spellings.get(w, w) for w in re.findall(r"[\w'’-]+", title.casefold().replace("’", "'"))]
    words = [w for w in words if len(words) == 1 or not is_demonym(w)]
    first = title.split(maxsplit=1)[0] if title.split() else ""
    if len(words) > 1 and country_in_words(first) is not None:
        words = words[1:]  # "US Secretary of State": codes keep their case ("us" is no country)
    for i in range(len(words) - 1, 0, -1):
        word = words[i]
        elided = next((c for c in complements if c.endswith("'") and word.startswith(c)), None)
        rest = " ".join([word[len(elided):]] + words[i + 1:]) if elided else " ".join(words[i + 1:])
        if (elided or word in complements) and rest and country_in_words(rest) is not None:
            words = words[:i]
            break
    phrase = " ".join(words)
    return offices.get(phrase, phrase)


def same_affiliation(written: str | None, asked: str) -> bool:
    """Whether an affiliation is the one asked for: one country however named, in any language
    ("Russia", "Russian Federation", "RU", "Russie"), else the same words."""
    if not written:
        return False
    mine, theirs = country_in_words(written), country_in_words(asked)
    if mine is not None and theirs is not None:
        return mine.code == theirs.code
    return " ".join(written.casefold().split()) == " ".join(asked.casefold().split())


def evidence_of(rows: list[RoleMention], wanted=lambda role: True) -> dict[int, Holder]:
    """The roles the mentions give, by person, newest first, at most EVIDENCE_PER_PERSON each."""
    people: dict[int, Holder] = {}
    for row in sorted(rows, key=lambda r: (r.published or "", r.article_id), reverse=True):
        for role in json.loads(row.roles):
            if not wanted(role):
                continue
            holder = people.setdefault(row.entity_id, Holder(entity_id=row.entity_id, name=row.person))
            seen = {(e.article_id, e.title) for e in holder.evidence}
            if len(holder.evidence) < EVIDENCE_PER_PERSON and (row.article_id, role["title"]) not in seen:
                holder.evidence.append(Evidence(article_id=row.article_id, published=row.published, title=role["title"],
                                                text=role.get("text"), qualifier=role.get("qualifier"),
                                                affiliation=row.affiliation, name=row.name))
    return people


def holders(rows: list[RoleMention], title: str, of: str | None = None, on: str | None = None) -> list[Holder]:
    """The people the evidence calls `title` (of the affiliation `of`), as of the day `on` when
    given (evidence dated later, or undated, is set aside), the newest evidence first."""
    key = office_key(title)
    dated = [r for r in rows if on is None or (r.published is not None and r.published[:10] <= on)]
    if of:
        dated = [r for r in dated if same_affiliation(r.affiliation, of)]
    people = evidence_of(dated, lambda role: office_key(role["title"]) == key)
    return sorted((settled(h) for h in people.values()), key=lambda h: (latest(h), h.name), reverse=True)


def offices_of(rows: list[RoleMention]) -> list[Holder]:
    """One person's roles, one Holder-like group per office, the newest evidence first."""
    groups: dict[str, Holder] = {}
    for holder in evidence_of(rows).values():
        for item in holder.evidence:
            groups.setdefault(office_key(item.title),
                              Holder(entity_id=holder.entity_id, name=item.title)).evidence.append(item)
    return sorted((settled(g) for g in groups.values()), key=latest, reverse=True)


def sentence_saying(body: str, evidence: Evidence) -> str | None:
    """The sentence of an article's text that gives the role: it holds the role as written (or
    the title) and the person's name as written (or its last word)."""
    role = (evidence.text or evidence.title).casefold()
    surname = evidence.name.split()[-1].casefold() if evidence.name.split() else ""
    for paragraph in body.split("\n"):
        for sentence in _SENTENCE_END.split(paragraph):
            folded = sentence.casefold()
            if role in folded and surname in folded:
                return sentence.strip()
    return None


class OfficeSource(Protocol):
    """What answering needs of a store: its role mentions and its articles' text."""

    def role_mentions(self, entity_id: int | None = None, title_words: list[str] | None = None) -> list[RoleMention]: ...

    def get(self, article_id: str) -> Any: ...


def who_held(store: OfficeSource, title: str, of: str | None = None, on: str | None = None) -> list[Holder]:
    """`holders` of an office over a store's mentions, each piece of evidence with its sentence."""
    found = holders(store.role_mentions(title_words=sieve_words(title)), title, of, on)
    return with_sentences(found, lambda article_id: getattr(store.get(article_id), "body_text", None))


def offices_held(store: OfficeSource, entity_id: int) -> list[Holder]:
    """`offices_of` one person over a store's mentions, each piece of evidence with its sentence."""
    found = offices_of(store.role_mentions(entity_id=entity_id))
    return with_sentences(found, lambda article_id: getattr(store.get(article_id), "body_text", None))


def is_day(text: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text))


#: The shortest run of ASCII letters worth sieving by.
SIEVE_MIN = 3


def sieve_words(title: str) -> list[str] | None:
    """Words for the store's first sieve, one of which every stored form of the office holds: the
    longest run of ASCII letters in each phrasing of it ("sident" of "président": what SQL's
    lower() folds the same on every engine, however the text is stored); None, no sieve, when a
    phrasing has no such run."""
    key = office_key(title)
    phrasings = {key} | {phrase for phrase, same in _office_words()[1].items() if same == key}
    found = set()
    for phrase in phrasings:
        longest = max(re.findall(r"[a-z]+", phrase), key=len, default="")
        if len(longest) < SIEVE_MIN:
            return None
        found.add(longest)
    return sorted(found)


def with_sentences(found: list[Holder], body_of: Callable[[str], str | None]) -> list[Holder]:
    """The holders with each piece of evidence's sentence, read from its article's text."""
    bodies: dict[str, str | None] = {}
    for holder in found:
        for item in holder.evidence:
            if item.article_id not in bodies:
                bodies[item.article_id] = body_of(item.article_id)
            body = bodies[item.article_id]
            item.sentence = sentence_saying(body, item) if body else None
    return found


def describe(found: list[Holder], heading: str) -> list[str]:
    """What the CLI prints: each person (or office) and, under it, the dated evidence."""
    lines = [heading] if found else [f"{heading}: nobody in the stored articles"]
    for holder in found:
        lines.append(f"  {holder.name}" + ("" if holder.current else " (no longer, by the newest evidence)"))
        for item in holder.evidence:
            said = f"{item.qualifier} " if item.qualifier else ""
            lines.append(f"    {(item.published or 'undated')[:10]:10}  {said}{item.text or item.title}"
                         f"{' — ' + item.affiliation if item.affiliation else ''}  [{item.article_id}]")
            if item.sentence:
                lines.append(f"      “{item.sentence}”")
    return lines
