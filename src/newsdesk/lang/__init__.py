"""Languages as data: the words each language's rules read articles with.

The bottom layer every stage may use (it imports neither spaCy nor any other stage). A language is
one TOML file in `data/` (`en.toml`, `fr.toml`): the spaCy pipeline that reads it, its entity
labels, and its word lists — titles, honorifics, speech verbs, weekdays, event words. The rules in
`understand/` are written once and read a language's words from its `Language`; adding a language
is a pipeline name plus one such file (docs/languages.md).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

DEFAULT_LANGUAGE = "en"


def _words(value: Any) -> frozenset[str]:
    """A word list as written in a language file: a string split on white space, or a list."""
    if value is None:
        return frozenset()
    items = value.split() if isinstance(value, str) else value
    return frozenset(str(w).lower() for w in items)


def _regex(value: str | None, flags: int = re.IGNORECASE) -> re.Pattern | None:
    return re.compile(value, flags) if value else None


def alternation(words) -> str:
    """A regular expression matching any of these words or phrases, longest first."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Section:
    """One table of a language file, read with typed accessors."""

    data: dict
    _read: dict = field(default_factory=dict, compare=False, repr=False)  # word lists, made once

    def words(self, key: str) -> frozenset[str]:
        """A word list of the table, made on first use: the rules ask for some on every token."""
        found = self._read.get(key)
        if found is None:
            found = self._read[key] = _words(self.data.get(key))
        return found

    def list(self, key: str) -> list:
        value = self.data.get(key) or []
        return value.split() if isinstance(value, str) else list(value)

    def table(self, key: str) -> dict:
        return dict(self.data.get(key) or {})

    def text(self, key: str, default: str = "") -> str:
        return self.data.get(key) or default

    def regex(self, key: str, flags: int = re.IGNORECASE) -> re.Pattern | None:
        return _regex(self.data.get(key), flags)

    def section(self, key: str) -> "Section":
        return Section(self.data.get(key) or {})


def _cached(section: str, key: str, kind=None):
    """A word list of one table of the language file, read on first use: a set of lower-case words,
    or the list as written (`kind` tuple or frozenset)."""
    def read(self):
        table = getattr(self, section)
        return table.words(key) if kind is None else kind(table.list(key))

    return cached_property(read)


class Language:
    """One language's words, from its data file; loaded once (`language(code)`)."""

    def __init__(self, data: dict):
        self.code: str = data["code"]
        self.name: str = data.get("name", self.code)
        self.model: str | None = data.get("model")
        self.labels = Section(data.get("labels", {}))
        self.names = Section(data.get("names", {}))
        self.roles = Section(data.get("roles", {}))
        self.quotes = Section(data.get("quotes", {}))
        self.time = Section(data.get("time", {}))
        self.events = Section(data.get("events", {}))
        self.sources = Section(data.get("sources", {}))
        self.countries = Section(data.get("countries", {}))

    def __repr__(self) -> str:
        return f"Language({self.code!r})"

    # -- entity labels, names, titles: the word lists rules ask for most, read once ------------
    person_labels = _cached("labels", "person", frozenset)
    org_labels = _cached("labels", "org", frozenset)
    place_labels = _cached("labels", "place", frozenset)
    nationality_labels = _cached("labels", "nationality", frozenset)
    honorifics = _cached("names", "honorifics")
    name_suffixes = _cached("names", "suffixes")
    possessives = _cached("names", "possessives", tuple)
    determiners = _cached("names", "determiners")
    #: Words that end a venue, product or place, never a person's name ("Falls", "Arena", "Pro").
    not_name_words = _cached("names", "not_name_words")
    role_suffixes = _cached("roles", "suffixes", tuple)
    #: Endings that look like a job's but never are one ("tenderness", "awareness").
    not_role_suffixes = _cached("roles", "not_suffixes", tuple)
    #: Job endings read as jobs whatever the tagger said ("the immunologist").
    role_suffixes_any_tag = _cached("roles", "suffixes_whatever_tagged", tuple)
    #: Role nouns only at the head of their phrase ("a senior fellow at", not "his fellow senators").
    head_only_roles = _cached("roles", "head_only")
    not_roles = _cached("roles", "not_roles")
    public_office = _cached("roles", "public_office")
    portfolio_words = _cached("roles", "portfolio")
    title_modifiers = _cached("roles", "modifiers")
    qualifier_words = _cached("roles", "qualifiers")
    past_qualifiers = _cached("roles", "past")
    ranks = _cached("roles", "ranks")

    @cached_property
    def role_nouns(self) -> frozenset[str]:
        """Every noun that makes a title: the file's `nouns` and its `public_office` (listed once)."""
        return self.roles.words("nouns") | self.public_office

    @cached_property
    def compound_roles(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Jobs written in more than one word ("running back", "point guard"), by each word in them."""
        found: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.roles.list("compounds"):
            words = tuple(phrase.lower().split())
            for word in words:
                found.setdefault(word, []).append(words)
        return {word: tuple(phrases) for word, phrases in found.items()}

    @cached_property
    def time_units(self) -> frozenset[str]:
        """Every written form of a unit of time: "year", "months", "semaines"."""
        return frozenset(form for forms in self.time.table("units").values() for form in forms)

    @cached_property
    def affiliation_labels(self) -> frozenset[str]:
        """Labels of words that say whom someone acts for: places and nationalities."""
        return self.place_labels | self.nationality_labels

    @cached_property
    def qualifier_before(self) -> re.Pattern | None:
        return self.roles.regex("qualifier_before")


#: The user's folder of language files (`Config.languages`), set where newsdesk starts.
_user_folder = ""


def use_folder(folder: str) -> None:
    """Look for language files in `folder` first, then in newsdesk's own ("" for none). Set once
    where newsdesk starts (from NEWSDESK_LANGUAGES), and by each reading of documents (`Reading`)."""
    global _user_folder
    _user_folder = folder


def _folders(extra: str) -> list:
    """Where language files are looked for: the user's folder first, then newsdesk's."""
    return ([Path(extra)] if extra else []) + [resources.files(__package__) / "data"]


def language(code: str | None) -> Language | None:
    """The language whose data file is `{code}.toml`; None when there is none."""
    if not code:
        return None
    code = code.lower().split("-")[0].split("_")[0]
    if not re.fullmatch(r"[a-z]{2,3}", code):
        return None
    return _load(code, _user_folder)


@lru_cache(maxsize=None)
def _load(code: str, extra: str) -> Language | None:
    for folder in _folders(extra):
        path = folder / f"{code}.toml"
        if path.is_file():
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            if data.get("code") != code:
                raise ValueError(f"{path}: says code = {data.get('code')!r}, but is named for {code!r}")
            return Language(data)
    return None


def english() -> Language:
    found = language(DEFAULT_LANGUAGE)
    assert found is not None
    return found


def data_file(code: str):
    """The file newsdesk ships for a language (a starting point for a new one)."""
    return resources.files(__package__) / "data" / f"{code}.toml"


def known_languages() -> list[str]:
    """Codes of every language with a data file."""
    codes = {p.name.removesuffix(".toml") for folder in _folders(_user_folder) if folder.is_dir() for p in folder.iterdir()
             if re.fullmatch(r"[a-z]{2,3}\.toml", p.name)}
    return sorted(codes)
