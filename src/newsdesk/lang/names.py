"""People's names: their parts, their spelling keys, and when two names can be one person.

Two mentions in different articles are one person only when their full names agree: the same
family name (up to transliteration: "Shoigu"/"Shoygu", "Zelensky"/"Zelenskyy") and a given name
that is the same, an initial of it, or a known variant of it ("Tim"/"Timothy",
`data/name-variants.toml`). A bare surname never agrees with anything by itself: "Johnson" may be
Boris or Jimmie.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .countries import fold

_NOT_WORD = re.compile(r"[^a-z0-9 ]+")
_DOUBLED = re.compile(r"(.)\1+")
#: Lower-case words that belong to a family name in many languages: "van de Zandschulp", "von der
#: Leyen", "da Silva", "bin Salman".
PARTICLES = frozenset("van von de der den da das dos do di du del della la le ten ter bin ibn ben al el st. st".split())
#: Words after a family name that are part of the name, not a new one.
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


def spelling_key(name: str) -> str:
    """One key for the spellings of a name: case, diacritics and punctuation folded, "y" read as
    "i", doubled letters collapsed ("Zelenskyy" = "Zelensky", "Shoygu" = "Shoigu")."""
    text = _NOT_WORD.sub(" ", fold(name))
    text = text.replace("y", "i")
    text = _DOUBLED.sub(r"\1", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _variant_groups() -> dict[str, frozenset[int]]:
    data = tomllib.loads((resources.files(__package__) / "data" / "name-variants.toml").read_text(encoding="utf-8"))
    groups: dict[str, set[int]] = {}
    for index, group in enumerate(data["groups"]):
        for name in group:
            groups.setdefault(spelling_key(name), set()).add(index)
    return {name: frozenset(indexes) for name, indexes in groups.items()}


def _is_initial(word: str) -> bool:
    """"W.", "J", "C.Q.": initials, not a name."""
    letters = word.replace(".", "").replace("-", "")
    return 0 < len(letters) <= 2 and (len(letters) == 1 or "." in word or word.isupper())


def given_names_agree(a: str, b: str) -> bool:
    """Whether two given names can be one person's: the same, an initial of the other, or variants."""
    if _is_initial(a) or _is_initial(b):
        return fold(a)[:1] == fold(b)[:1]
    ka, kb = spelling_key(a), spelling_key(b)
    if ka == kb:
        return True
    groups = _variant_groups()
    return bool(groups.get(ka, frozenset()) & groups.get(kb, frozenset()))


@dataclass(frozen=True)
class PersonName:
    """A person's name in parts: "Patrick W. Carlineo Jr." -> given ("Patrick", "W."), surname
    "Carlineo", suffix "Jr."."""

    given: tuple[str, ...]
    surname: str
    suffix: str | None = None

    @property
    def full(self) -> bool:
        """A given name and a family name: enough to tell two people apart."""
        return bool(self.given) and bool(self.surname)

    @property
    def surname_key(self) -> str:
        return spelling_key(self.surname)

    @property
    def key(self) -> str:
        return spelling_key(" ".join([*self.given, self.surname, self.suffix or ""]))

    def __str__(self) -> str:
        return " ".join([*self.given, self.surname, *([self.suffix] if self.suffix else [])])


def parse_person(name: str, honorifics: frozenset[str] | None = None) -> PersonName | None:
    """A name's parts; courtesy titles and offices before it ("Sir", "Mr.", "President") are left out."""
    honorifics = office_words() if honorifics is None else honorifics
    words = name.split()
    while words and words[0].lower() in honorifics:
        words = words[1:]
    suffix = None
    if len(words) > 1 and words[-1].lower().rstrip(",") in SUFFIXES:
        suffix, words = words[-1], words[:-1]
    if not words:
        return None
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1  # "Botic van de Zandschulp": the particles belong to the family name
    if start == 1 and len(words) >= 3 and words[0].lower() in PARTICLES:
        start = 0  # "Van de Zandschulp said": a family name capitalised at a sentence's start ("Van Morrison" stays)
    return PersonName(tuple(words[:start]), " ".join(words[start:]), suffix)


def names_agree(a: PersonName, b: PersonName) -> bool:
    """Whether two full names can be one person: the same family name (by spelling key) and
    agreeing given names, middle ones too where both give them; suffixes must match ("Donald
    Trump Jr." is not his father). A bare surname agrees with nothing."""
    if not (a.full and b.full) or a.surname_key != b.surname_key:
        return False
    if fold(a.suffix or "").rstrip(".") != fold(b.suffix or "").rstrip("."):
        return False
    if not given_names_agree(a.given[0], b.given[0]):
        return False
    if len(a.given) > 1 and len(b.given) > 1 and not given_names_agree(a.given[1], b.given[1]):
        return False
    return True


@lru_cache(maxsize=1)
def regnal_titles() -> frozenset[str]:
    """Titles that are part of how their holders are named: "Prince Andrew", "Pope Francis"."""
    from . import known_languages, language

    return frozenset(w for code in known_languages() if (lang := language(code)) for w in lang.names.words("regnal"))


@lru_cache(maxsize=1)
def office_words() -> frozenset[str]:
    """Courtesy titles and role nouns of every language newsdesk reads: never part of a clean name."""
    from . import known_languages, language

    words: set[str] = set()
    for code in known_languages():
        lang = language(code)
        if lang is not None:
            words |= lang.honorifics | lang.role_nouns | lang.title_modifiers
    return frozenset(words)


def clean_full_name(name: str) -> bool:
    """A person's name with a given and a family name and nothing else: no "Sir", no "President"."""
    if any(c in name for c in ",;:()/"):
        return False
    parsed = parse_person(name, frozenset())
    return (parsed is not None and parsed.full and not any(w.lower() in office_words() for w in parsed.given)
            and all(w[:1].isupper() or w.lower() in PARTICLES for w in name.split()))


def canonical_name(kind: str, counts: dict[str, int]) -> str:
    """The name an entity goes by: for a person the commonest clean full form ("Keir Starmer", not
    "Sir Keir Starmer" nor "Starmer"), else the commonest form; the longer among equals."""
    if kind == "person":
        clean = {n: c for n, c in counts.items() if clean_full_name(n)}
        # a person only ever named by surname and title is shown by the surname: "Schiff", not "Chairman Schiff"
        titles = office_words() - regnal_titles()
        plain = {n: c for n, c in counts.items() if not any(w.lower() in titles for w in n.split())}
        counts = clean or plain or counts
    return max(counts, key=lambda n: (counts[n], len(n.split()), len(n), n))


@lru_cache(maxsize=1)
def title_abbreviations() -> dict[str, str]:
    """The short forms titles are written in, in every language newsdesk reads (`roles.abbreviations`),
    as title keys: "gov" -> "governor"."""
    from . import known_languages, language

    return {fold(short).replace(".", ""): fold(full) for code in known_languages() if (lang := language(code))
            for short, full in lang.roles.table("abbreviations").items()}


def title_key(title: str) -> str:
    """A title as a key: "Defense Minister" and "defense minister" are one title, and so are "Gov." and
    "governor", "Lt. Col." and "lieutenant colonel"."""
    abbreviations = title_abbreviations()
    return " ".join(abbreviations.get(word, word) for word in fold(title).replace(".", "").split())
