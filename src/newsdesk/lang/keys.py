"""How an article's entities are looked up among the store's.

Organisations and places are found by name keys: spelling folded ("Türkiye"/"Turkey" is one
country code, "Zelensky"/"Zelenskyy" one spelling key), an acronym in brackets. People are found
by their full name's key, or, among the people sharing their family name, by a full name that
agrees (`newsdesk.lang.names.names_agree`): a given name the same, an initial of it or a variant.
A bare surname never joins anyone by itself: with a title ("President Trump") it joins the one
person of that name who holds the title; without one, it stays out of the people graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Entity
from .countries import country_named
from .names import PersonName, clean_full_name, parse_person, spelling_key, title_key


@dataclass(frozen=True)
class EntityRef:
    """What the store needs to find an article's entity among its own (`entity_ref` makes it)."""

    entity: Entity
    keys: list[str]  # exact name keys, strongest first; none: the entity stays out of the graph
    person: PersonName | None = None  # a person's name in parts: their family name finds candidates
    titles: frozenset[str] = field(default_factory=frozenset)  # a person's titles, as title_key()s


def entity_keys(entity: Entity) -> list[str]:
    """Exact keys of an organisation or place, strongest first."""
    if entity.type == "place":
        country = country_named(entity.name)
        if country is not None:
            return [f"country:{country.code}"]
        return [spelling_key(entity.name)]
    keys = [spelling_key(entity.name)]
    acronym = re.search(r"\(([A-Z]{2,})\)", entity.name)
    if acronym:
        keys += [spelling_key(acronym.group(1)), spelling_key(entity.name[: acronym.start()])]
    return list(dict.fromkeys(k for k in keys if k))


def entity_ref(entity: Entity) -> EntityRef:
    """What the store needs to find an article's entity among its own."""
    if entity.type != "person":
        return EntityRef(entity, [] if entity.credited else entity_keys(entity))
    person = parse_person(entity.name)  # "President Trump" is Trump, with a title
    titles = frozenset(title_key(r.title) for r in entity.roles if r.title)
    if person is None:
        return EntityRef(entity, [])
    if person.full:
        forms = [entity.name, *(a for a in entity.aliases if clean_full_name(a))]
        keys = [spelling_key(f) for f in forms]
        return EntityRef(entity, list(dict.fromkeys(k for k in keys if k)), person, titles)
    # a bare name: in the graph only under a title, as the one person of that name holding it
    keys = [f"bare:{person.surname_key}:{t}" for t in sorted(titles)]
    return EntityRef(entity, keys, person, titles)
