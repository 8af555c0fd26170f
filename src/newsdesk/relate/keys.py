"""Name keys under which one entity is found whatever the spelling.

Transliterations of one name differ in a few regular ways ("Shoigu"/"Shoygu",
"Zelensky"/"Zelenskyy", "Türkiye"/"Turkey"): the key folds case and diacritics, reads "y" as
"i", collapses doubled letters, and a country under any of its names is its ISO code.
"""

from __future__ import annotations

import re

from ..lang import english
from ..lang.countries import country_named
from ..lang.names import spelling_key
from ..model import Entity


def entity_keys(entity: Entity) -> list[str]:
    """Keys of an entity, strongest first."""
    if entity.type == "place":
        country = country_named(entity.name)
        if country is not None:
            return [f"country:{country.code}"]
        return [spelling_key(entity.name)]
    if entity.type == "org":
        keys = [spelling_key(entity.name)]
        acronym = re.search(r"\(([A-Z]{2,})\)", entity.name)
        if acronym:
            keys += [spelling_key(acronym.group(1)), spelling_key(entity.name[: acronym.start()])]
        return keys
    keys = [spelling_key(entity.name)]
    for alias in entity.aliases:
        words = alias.split()
        if words and not any(w.lower() in english().role_nouns for w in words) and len(words) > 1:
            keys.append(spelling_key(alias))
    return list(dict.fromkeys(k for k in keys if k))


def surname_key(entity: Entity) -> str | None:
    """A weak key: the surname alone, used only when one person in the store carries it."""
    if entity.type != "person":
        return None
    words = entity.name.split()
    return f"surname:{spelling_key(words[-1])}" if len(words) >= 2 else f"surname:{spelling_key(entity.name)}"


def lookup_keys(name: str) -> list[str]:
    """The keys a name someone typed may be stored under, strongest first: as a country, as
    spelled, as a surname alone."""
    if not name.split():
        return []
    keys = [*entity_keys(Entity(name=name, type="place")), spelling_key(name),
            surname_key(Entity(name=name, type="person"))]
    return list(dict.fromkeys(k for k in keys if k))
