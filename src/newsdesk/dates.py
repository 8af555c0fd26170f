"""Publication dates: read once, where a page is read, into ISO 8601; nothing else parses them.

Pages write dates every way ("Tue Nov 19 2019 03:05:46 GMT+0000", "November 20, 2019 12:32",
"19 Nov 2019 07:09 GMT") and some write placeholders (year 1, the Unix epoch, a date years ahead).
`normalize_published` turns what a page wrote into a date ("2019-11-20") or a date-time with its
offset when the page gave one ("2019-11-19T03:05:46+00:00"), with python-dateutil, or into None
with the reason. `IsoDate` is the validated type every record carries; `day_of` and `month_of` read
it back. (The time expressions inside an article's text are `understand/timex.py`'s business.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import logging
import re
from datetime import date, datetime, timedelta, timezone
from typing import Annotated

from pydantic import AfterValidator

log = logging.getLogger(__name__)

#: "2019-11-20", "2019-11", "2019", "2019-11-20T06:01:44", with seconds' fractions and an offset.
ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$")
#: A date this far past now is a placeholder, not news.
FUTURE_SLACK = timedelta(days=2)
#: Before this year a publication date is a placeholder ("0001-01-01", "1900-01-01").
FIRST_YEAR = 1901
_EPOCH = (date(1970, 1, 1), date(1969, 12, 31))
#: A date is written in far fewer characters (the longest in the benchmark pages has 33). A longer
#: "date" is refused unread: the patterns below (_ZONE_NAME costs time quadratic in its length)
#: and dateutil only ever see a short text.
MAX_DATE_CHARS = 200
#: "(Coordinated Universal Time)" and the like after a JavaScript date.
_ZONE_NAME = re.compile(r"\s*\([^)]*\)\s*$")
#: "GMT+0300": dateutil reads the POSIX sign (three hours *behind*); a page means ahead.
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*(?=[+-]\d)")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
#: Time-zone abbreviations news pages print, as hours from UTC (dateutil knows only UTC and GMT).
ZONES = {"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9,
         "HST": -10, "AST": -4, "BST": 1, "IST": 5.5, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "EET": 2,
         "EEST": 3, "WET": 0, "WEST": 1, "MSK": 3, "TRT": 3, "GST": 4, "PKT": 5, "WIB": 7, "SGT": 8, "HKT": 8,
         "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "ACST": 9.5, "AWST": 8, "NZST": 12, "NZDT": 13, "SAST": 2,
         "WAT": 1, "EAT": 3, "CAT": 2}
_TZINFOS = {name: int(hours * 3600) for name, hours in ZONES.items()}


def iso_day(year: int | str, month: int | str, day: int | str) -> str | None:
    """"YYYY-MM-DD" for a day a page wrote in parts (a dotted, slashed or named date), or None when
    the month or the day cannot be one."""
    y, m, d = int(year), int(month), int(day)
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None


def is_iso(value: str) -> bool:
    return bool(ISO.match(value))


def _check_iso(value: str | None) -> str | None:
    if value is not None and not is_iso(value):
        raise ValueError(f"not an ISO 8601 date: {value!r}")
    return value


#: A date or date-time in ISO 8601, checked wherever a record is made.
IsoDate = Annotated[str, AfterValidator(_check_iso)]


def normalize_published(raw: str | None, now: datetime | None = None) -> tuple[str | None, str | None]:
    """(ISO 8601 date or date-time, None) for a publication date as a page wrote it, or (None, why)."""
    from dateutil import parser as dateutil_parser

    if raw is None or not raw.strip():
        return None, None
    text = raw.strip()
    if len(text) > MAX_DATE_CHARS:
        return None, f"not a date: longer than {MAX_DATE_CHARS} characters"
    text = _GMT_OFFSET.sub("", _ZONE_NAME.sub("", text))
    try:
        parsed = dateutil_parser.isoparse(text) if is_iso(text) else dateutil_parser.parse(
            text, default=datetime(1, 1, 1), fuzzy=False, tzinfos=_TZINFOS)
    except (ValueError, OverflowError, TypeError) as exc:
        return None, f"not a date: {exc}"
    now = now or datetime.now(timezone.utc)
    day = parsed.date()
    if day.year < FIRST_YEAR:
        return None, f"a placeholder (year {day.year})"
    if day in _EPOCH:
        return None, "a placeholder (the Unix epoch)"
    aware = parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    if aware - now > FUTURE_SLACK:
        return None, f"in the future ({day.isoformat()})"
    if not _HAS_TIME.search(text) and parsed.time() == datetime.min.time():
        return day.isoformat(), None
    return parsed.replace(microsecond=0).isoformat(), None


def published_fields(written: str | None, origin: str) -> dict:
    """An article's `published` (ISO, or None with the reason logged) and `published_raw`."""
    value, why = normalize_published(written)
    if why:
        log.info("%s: publication date %r dropped: %s", origin, written, why)
    return {"published": value, "published_raw": written.strip() if written else None}


def day_of(value: str | None) -> date | None:
    """The first day an ISO value covers: "2025-05-15", "2022-03" (March 1st), "2022" (January 1st)."""
    if not value or not is_iso(value):
        return None
    try:
        return date(int(value[:4]), int(value[5:7] or 1) if len(value) >= 7 else 1,
                    int(value[8:10]) if len(value) >= 10 else 1)
    except ValueError:
        return None


def month_of(value: str | None) -> str | None:
    """"YYYY-MM" of an ISO value that names a month."""
    return value[:7] if value and len(value) >= 7 and is_iso(value) else None


# -- counting over time, for entity and story timelines ---------------------------------------


def by_month(dates: Iterable[str | None]) -> list[tuple[str, int]]:
    """(YYYY-MM, count) for every month from the first to the last, empty months included; values
    that name no month are left out."""
    return month_series(Counter(m for d in dates if (m := month_of(d))))


def month_series(months: Mapping[str, int]) -> list[tuple[str, int]]:
    """Counts per "YYYY-MM" as a series from the first month to the last, empty months as 0;
    keys that are not a month are left out."""
    months = {m: n for m, n in months.items() if month_of(m) == m}
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    series = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        series.append((key, months.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return series


def by_day(dates: Iterable[str | None]) -> list[tuple[str, int]]:
    """(YYYY-MM-DD, count) for every day that has a date, in order."""
    return sorted(Counter(day.isoformat() for d in dates if d and len(d) >= 10 and (day := day_of(d))).items())
