"""Dates written with a month's name in the languages news is met in: "17. Dezember 2024",
"3 de marzo de 2024", "14 мая 2025", "1 kwietnia 2025".

The names are CLDR's (through babel, already installed for country names), wide and abbreviated,
in the forms a date uses and the forms standing alone; a name that means different months in two
languages is left out. English dates are `patterns.DATE`'s.
"""

from __future__ import annotations

import re
from functools import cache

from ..dates import iso_day

#: Languages whose month names are read: those of the pages newsdesk is measured on, and their
#: neighbours. A language more is a code more.
LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "ru", "uk", "bg", "sr", "hr", "sl", "tr",
             "sv", "nb", "nn", "da", "fi", "et", "lv", "lt", "hu", "ro", "el", "ca", "id", "ms", "vi")
#: Abbreviations shorter than this are too often words.
MIN_NAME_CHARS = 3
_YEAR = re.compile(r"\d{4}")


@cache
def month_numbers() -> dict[str, int]:
    """Each month name, case-folded and without a final dot, to its month's number."""
    from babel.dates import get_month_names

    seen: dict[str, set[int]] = {}
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=language).items():
                    key = name.casefold().rstrip(".")
                    if len(key) >= MIN_NAME_CHARS and not key.isdigit():
                        seen.setdefault(key, set()).add(number)
    return {name: numbers.pop() for name, numbers in seen.items() if len(numbers) == 1}


@cache
def named_date_pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(name) for name in sorted(month_numbers(), key=len, reverse=True))
    # the day may follow a label with no space ("Publiziert17. Dezember 2024"), hence no \b before it
    return re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})\.?\s?(?:de\s)?(?P<month>{names})\b\.?,?\s?(?:de\s)?"
                      rf"(?P<year>\d{{4}})(?!\d)", re.IGNORECASE)


def named_date_in(line: str) -> str | None:
    """The ISO date of the first day-month-year date with a month's name in a line, or None."""
    if not _YEAR.search(line):
        return None
    for m in named_date_pattern().finditer(line):
        month = month_numbers().get(m["month"].casefold())
        if month and (day := iso_day(m["year"], month, m["day"])):
            return day
    return None
