"""Languages as data: the words each language's rules read articles with.

The bottom layer every stage may use (it imports neither spaCy nor any other stage). A language is
one TOML file in `data/` (`en.toml`, `fr.toml`): the spaCy pipeline that reads it, its entity
labels, and its word lists — titles, honorifics, speech verbs, weekdays, event words. The rules in
`understand/` are written once and read a language's words from its `Language`; adding a language
is a pipeline name plus one such file (docs/languages.md).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

DEFAULT_LANGUAGE = "en"
#: A folder of more language files (`xx.toml`), beside the ones newsdesk ships.
LANGUAGES_VARIABLE = "NEWSDESK_LANGUAGES"


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

    def words(self, key: str) -> frozenset[str]:
        return _words(self.data.get(key))

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

    # -- entity labels -------------------------------------------------------------------------
    @cached_property
    def person_labels(self) -> frozenset[str]:
        return frozenset(self.labels.list("person"))

    @cached_property
    def org_labels(self) -> frozenset[str]:
        return frozenset(self.labels.list("org"))

    @cached_property
    def place_labels(self) -> frozenset[str]:
        return frozenset(self.labels.list("place"))

    @cached_property
    def nationality_labels(self) -> frozenset[str]:
        return frozenset(self.labels.list("nationality"))

    @cached_property
    def affiliation_labels(self) -> frozenset[str]:
        """Labels of words that say whom someone acts for: places and nationalities."""
        return self.place_labels | self.nationality_labels

    # -- names ---------------------------------------------------------------------------------
    @cached_property
    def honorifics(self) -> frozenset[str]:
        return self.names.words("honorifics")

    @cached_property
    def name_suffixes(self) -> frozenset[str]:
        return self.names.words("suffixes")

    @cached_property
    def possessives(self) -> tuple[str, ...]:
        return tuple(self.names.list("possessives"))

    @cached_property
    def determiners(self) -> frozenset[str]:
        return self.names.words("determiners")

    @cached_property
    def not_name_words(self) -> frozenset[str]:
        """Words that end a venue, product or place, never a person's name ("Falls", "Arena", "Pro")."""
        return self.names.words("not_name_words")

    # -- titles --------------------------------------------------------------------------------
    @cached_property
    def role_nouns(self) -> frozenset[str]:
        return self.roles.words("nouns")

    @cached_property
    def role_suffixes(self) -> tuple[str, ...]:
        return tuple(self.roles.list("suffixes"))

    @cached_property
    def not_roles(self) -> frozenset[str]:
        return self.roles.words("not_roles")

    @cached_property
    def public_office(self) -> frozenset[str]:
        return self.roles.words("public_office")

    @cached_property
    def portfolio_words(self) -> frozenset[str]:
        return self.roles.words("portfolio")

    @cached_property
    def title_modifiers(self) -> frozenset[str]:
        return self.roles.words("modifiers")

    @cached_property
    def qualifier_words(self) -> frozenset[str]:
        return self.roles.words("qualifiers")

    @cached_property
    def qualifier_before(self) -> re.Pattern | None:
        return self.roles.regex("qualifier_before")

    @cached_property
    def past_qualifiers(self) -> frozenset[str]:
        return self.roles.words("past")


def _folders() -> list:
    """Where language files are looked for: the user's folder ($NEWSDESK_LANGUAGES) first, then newsdesk's."""
    extra = os.environ.get(LANGUAGES_VARIABLE)
    return ([Path(extra)] if extra else []) + [resources.files(__package__) / "data"]


def language(code: str | None) -> Language | None:
    """The language whose data file is `{code}.toml`; None when there is none."""
    if not code:
        return None
    code = code.lower().split("-")[0].split("_")[0]
    if not re.fullmatch(r"[a-z]{2,3}", code):
        return None
    return _load(code, os.environ.get(LANGUAGES_VARIABLE, ""))


@lru_cache(maxsize=None)
def _load(code: str, _folder_setting: str) -> Language | None:
    for folder in _folders():
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
    codes = {p.name.removesuffix(".toml") for folder in _folders() if folder.is_dir() for p in folder.iterdir()
             if re.fullmatch(r"[a-z]{2,3}\.toml", p.name)}
    return sorted(codes)
