"""Countries by every name news uses for them: names, spellings, codes, demonyms, capitals.

The data comes from the `countryinfo` package (MIT), loaded once. Lookups fold case and
diacritics, so "Türkiye", "Turkiye" and "Turkey" are one country.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Country:
    name: str
    code: str
    demonym: str | None
    capital: str | None


def fold(text: str) -> str:
    """Lower case without diacritics or a possessive: the key every lookup uses."""
    text = text.strip().replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip(". ")


#: Country codes that news text uses as names. Other ISO codes ("SD", "IN", "TO") are ordinary
#: abbreviations or words far more often than they are countries.
NEWS_ABBREVIATIONS = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK", "KSA"})


def _population(entry) -> int:
    try:
        return int(entry.population() or 0)
    except Exception:  # a few entries lack the figure
        return 0


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Country], dict[str, Country], dict[str, Country], dict[str, Country]]:
    """(by name or spelling, by code, by demonym, by capital)."""
    import countryinfo

    by_name: dict[str, Country] = {}
    by_code: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    by_capital: dict[str, Country] = {}
    # the most populous first, so a shared demonym ("American") means the country most meant by it
    for entry in sorted(countryinfo.all_countries(), key=_population, reverse=True):
        info = entry.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if not info.get("name") or not code:
            continue
        capital = info.get("capital") or None
        if isinstance(capital, list):  # a few countries list several capitals; the first is the seat
            capital = capital[0] if capital else None
        capital = capital.replace(" D.C.", "") if capital else None
        country = Country(info["name"], code, info.get("demonym"), capital)
        for spelling in [info["name"], *(info.get("altSpellings") or [])]:
            if spelling.isupper() and len(spelling) <= 4:
                if spelling in NEWS_ABBREVIATIONS:
                    by_code.setdefault(spelling, country)
            else:
                by_name.setdefault(fold(spelling), country)
        if country.demonym:
            by_demonym.setdefault(fold(country.demonym), country)
        if capital:
            by_capital.setdefault(fold(capital), country)
    # Short forms news uses that the data lacks.
    for short, code in (("UK", "GB"), ("U.S.", "US"), ("U.K.", "GB"), ("U.S.A.", "US"), ("Britain", "GB")):
        match = next((c for c in by_code.values() if c.code == code), None)
        if match:
            (by_code if short.isupper() else by_name).setdefault(short if short.isupper() else fold(short), match)
    return by_name, by_code, by_demonym, by_capital


def country_named(text: str) -> Country | None:
    """The country this text names: a name, spelling or code ("Türkiye", "US", "Russia's")."""
    by_name, by_code, _, _ = _tables()
    stripped = text.strip().replace("’", "'").removesuffix("'s")
    stripped = stripped.removeprefix("the ").removeprefix("The ")
    return by_code.get(stripped) or by_name.get(fold(stripped))


def country_of_demonym(text: str) -> Country | None:
    """The country of a nationality word ("Russian" -> Russia)."""
    return _tables()[2].get(fold(text))


def country_of_capital(text: str) -> Country | None:
    """The country whose capital this is ("Kyiv" -> Ukraine): capitals stand for governments in news."""
    return _tables()[3].get(fold(text))


def is_capital(text: str) -> bool:
    return country_of_capital(text) is not None


def country_of(text: str, capitals: bool = True) -> Country | None:
    """The country a name, nationality or (optionally) capital refers to."""
    return country_named(text) or country_of_demonym(text) or (country_of_capital(text) if capitals else None)
