"""Countries by every name news uses for them: names, spellings, codes, demonyms, capitals.

English names, spellings, demonyms and capitals come from the `countryinfo` package (MIT); names
in other languages from the CLDR data in `babel` (BSD), their demonyms and capitals from the
language's own data file (`[countries]`). Each language sees its own names plus the codes news
writes in every language ("US", "UK"), so the French "Maurice" (Mauritius) never turns an English
Maurice into a country. Lookups fold case and diacritics: "Türkiye", "Turkiye" and "Turkey" are one.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit
from dataclasses import dataclass
from functools import lru_cache

from . import DEFAULT_LANGUAGE, language


@dataclass(frozen=True)
class Country:
    name: str
    code: str
    demonym: str | None
    capital: str | None


@lru_cache(maxsize=65536)
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


@dataclass
class Tables:
    by_name: dict[str, Country]
    by_code: dict[str, Country]
    by_demonym: dict[str, Country]
    by_capital: dict[str, Country]


@lru_cache(maxsize=1)
def _english() -> Tables:
    import countryinfo

    tables = Tables({}, {}, {}, {})
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
                    tables.by_code.setdefault(spelling, country)
            else:
                tables.by_name.setdefault(fold(spelling), country)
        if country.demonym:
            tables.by_demonym.setdefault(fold(country.demonym), country)
        if capital:
            tables.by_capital.setdefault(fold(capital), country)
    # Short forms news uses that the data lacks.
    for short, code in (("UK", "GB"), ("U.S.", "US"), ("U.K.", "GB"), ("U.S.A.", "US"), ("Britain", "GB")):
        match = next((c for c in tables.by_code.values() if c.code == code), None)
        if match:
            if short.isupper():
                tables.by_code.setdefault(short, match)
            else:
                tables.by_name.setdefault(fold(short), match)
    return tables


def country_by_code(code: str) -> Country | None:
    english = _english()
    return next((c for c in english.by_name.values() if c.code == code), None)


@lru_cache(maxsize=None)
def _tables(lang: str) -> Tables:
    english = _english()
    if lang == DEFAULT_LANGUAGE:
        return english
    words = language(lang)
    tables = Tables({}, dict(english.by_code), {}, {})
    by_code = {c.code: c for c in english.by_name.values()}
    try:
        from babel import Locale

        names = Locale.parse(lang).territories
    except Exception:  # babel knows no such locale: codes and the data file only
        names = {}  # type: ignore[assignment]
    for code, name in names.items():
        if code in by_code:
            tables.by_name.setdefault(fold(name), by_code[code])
    if words is not None:
        for kind, target in (("names", tables.by_name), ("demonyms", tables.by_demonym),
                             ("capitals", tables.by_capital)):
            for word, code in words.countries.table(kind).items():
                if code in by_code:
                    target.setdefault(fold(word), by_code[code])
    return tables


def _clean(text: str) -> str:
    stripped = text.strip().replace("’", "'").removesuffix("'s")
    return stripped.removeprefix("the ").removeprefix("The ")


def country_named(text: str, lang: str = DEFAULT_LANGUAGE) -> Country | None:
    """The country this text names: a name, spelling or code ("Türkiye", "US", "Russia's")."""
    tables = _tables(lang)
    stripped = _clean(text)
    return tables.by_code.get(stripped) or tables.by_name.get(fold(stripped))


def country_of_demonym(text: str, lang: str = DEFAULT_LANGUAGE) -> Country | None:
    """The country of a nationality word ("Russian" -> Russia; in French "russe" -> Russia)."""
    return _tables(lang).by_demonym.get(fold(text))


def country_of_capital(text: str, lang: str = DEFAULT_LANGUAGE) -> Country | None:
    """The country whose capital this is ("Kyiv" -> Ukraine): capitals stand for governments in news."""
    return _tables(lang).by_capital.get(fold(text))


def is_capital(text: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    return country_of_capital(text, lang) is not None


def country_of(text: str, capitals: bool = True, lang: str = DEFAULT_LANGUAGE) -> Country | None:
    """The country a name, nationality or (optionally) capital refers to."""
    return (country_named(text, lang) or country_of_demonym(text, lang)
            or (country_of_capital(text, lang) if capitals else None))


#: Country-code domains sold to anyone, which say nothing of where a publisher is: "news.co", "x.io", "y.tv".
VANITY_DOMAINS = frozenset("ai am cc co fm gg io la ly me nu sh so to tv vc ws".split())


def country_of_host(url: str | None) -> Country | None:
    """The country a site's country-code domain names ("lemonde.fr", "francais.radio.cz",
    "bbc.co.uk"); None for a generic or a vanity domain, or an address naming no host."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # a malformed address a page claims ("http://[abc")
        return None
    label = host.rsplit(".", 1)[-1] if host else ""
    if len(label) != 2 or label in VANITY_DOMAINS:
        return None
    return country_by_code("GB" if label == "uk" else label.upper())
