"""Time expressions: find dates, relative days and durations, and resolve them against an anchor.

The anchor is the article's date, or the time of speaking for words inside a quote. Output follows
TIMEX3 value forms: "2025-05-14", "2022-03", "2025", "2025-W20", durations "P2Y". Pure functions,
no NLP model: regular patterns are faster and easier to check than a statistical tagger here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                "thirty": 30, "several": None, "few": None}
UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "decade": "Y"}
APPROXIMATORS = r"nearly|almost|about|around|roughly|some|more than|over|less than|under|at least|up to|close to"
PART_OF_DAY = r"morning|afternoon|evening|night"
#: Words that put an unmarked weekday in the future ("talks scheduled on Thursday").
FUTURE_MARKERS = re.compile(
    r"\b(?:will|shall|scheduled|upcoming|due to|set to|expected to|plans? to|planned|to be held|next)\b", re.I
)

_WD = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MON = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
        r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_NUM = "|".join(k for k in NUMBER_WORDS if k not in ("a", "an")) + r"|a|an|\d+"

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("month_day", re.compile(rf"\b(?:{_WD},?\s+)?{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?")),
    ("day_month", re.compile(rf"\b(?:{_WD},?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(?P<year>\d{{4}}))?")),
    ("month_year", re.compile(rf"\b{_MON}\s+(?P<year>\d{{4}})\b")),
    ("weekday", re.compile(rf"\b(?:(?P<mod>last|next|this|early|late)\s+)?{_WD}(?:\s+(?P<part>{PART_OF_DAY}))?\b")),
    ("relative_day", re.compile(rf"\b(?P<rel>yesterday|today|tomorrow|tonight|last night)(?:\s+(?P<part>{PART_OF_DAY}))?\b", re.I)),
    ("relative_period", re.compile(r"\b(?P<mod>last|next|this|past|coming)\s+(?P<unit>week|month|year)\b", re.I)),
    ("ago", re.compile(rf"\b(?P<n>{_NUM})\s+(?P<unit>year|month|week|day)s?\s+ago\b", re.I)),
    ("duration", re.compile(
        rf"\b(?:(?P<approx>{APPROXIMATORS})\s+)?(?P<n>{_NUM})\s+(?P<unit>year|month|week|day|hour|decade)s?\b(?![-\w])",
        re.I)),
    ("year", re.compile(r"\b(?:in|since|until|by|from|during|before|after)\s+(?P<year>(?:19|20)\d{2})\b(?![-\d])")),
]


@dataclass(frozen=True)
class TimexMatch:
    text: str
    start: int
    end: int
    normalized: str | None
    kind: str  # date | duration
    approximate: bool = False


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return [m[:3] for m in MONTHS].index(key) + 1


def is_future(sentence: str) -> bool:
    return bool(FUTURE_MARKERS.search(sentence))


def resolve_weekday(weekday: int, anchor: date, direction: str) -> date:
    """The date of a weekday near the anchor: same day if it is the anchor's, else the last or next one."""
    if direction == "last":
        return anchor - timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)
    if direction == "next":
        return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    if weekday == anchor.weekday():
        return anchor
    if direction == "future":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def nearest_year(month: int, day: int, anchor: date) -> int:
    """The year that puts month/day closest to the anchor."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append((abs((date(year, month, day) - anchor).days), year))
        except ValueError:
            continue
    return min(candidates)[1] if candidates else anchor.year


def count_of(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def shift_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def normalize(kind: str, m: re.Match, anchor: date | None, future: bool) -> str | None:
    """The TIMEX3-style value of one match, or None when it needs an anchor it does not have
    (or the arithmetic leaves the calendar, as with a page dated in year 1)."""
    try:
        return _normalize(kind, m, anchor, future)
    except (OverflowError, ValueError):
        return None


def _normalize(kind: str, m: re.Match, anchor: date | None, future: bool) -> str | None:
    g = m.groupdict()
    if kind == "iso":
        return m.group(0)
    if kind in ("month_day", "day_month"):
        month, day = month_number(g["month"]), int(g["day"])
        year = int(g["year"]) if g.get("year") else (nearest_year(month, day, anchor) if anchor else None)
        if year is None:
            return None
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    if kind == "month_year":
        return f"{int(g['year']):04d}-{month_number(g['month']):02d}"
    if kind == "year":
        return g["year"]
    if kind == "duration":
        n = count_of(g["n"])
        unit = g["unit"].lower()
        if n is None:
            return f"P{'X'}{UNITS[unit]}" if unit != "hour" else "PTXH"
        n = n * 10 if unit == "decade" else n
        return f"PT{n}H" if unit == "hour" else f"P{n}{UNITS[unit]}"
    if anchor is None:
        return None
    if kind == "weekday":
        mod = (g.get("mod") or "").lower()
        direction = mod if mod in ("last", "next") else ("future" if future else "past")
        return resolve_weekday(WEEKDAYS.index(g["weekday"].lower()), anchor, direction).isoformat()
    if kind == "relative_day":
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}[g["rel"].lower()]
        return (anchor + timedelta(days=offset)).isoformat()
    if kind == "relative_period":
        mod, unit = g["mod"].lower(), g["unit"].lower()
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[mod]
        if unit == "year":
            return str(anchor.year + step)
        if unit == "month":
            return shift_months(anchor, step).strftime("%Y-%m")
        iso = (anchor + timedelta(weeks=step)).isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if kind == "ago":
        n = count_of(g["n"])
        if n is None:
            return None
        unit = g["unit"].lower()
        if unit == "year":
            return str(anchor.year - n)
        if unit == "month":
            return shift_months(anchor, -n).strftime("%Y-%m")
        return (anchor - timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
    return None


def find_time_expressions(text: str, anchor: date | None, future: bool | None = None) -> list[TimexMatch]:
    """Time expressions in one sentence, left to right, the longest where patterns overlap.

    `future` says whether an unmarked weekday lies ahead; by default it is read from the sentence.
    """
    future = is_future(text) if future is None else future
    found: list[TimexMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:  # ordered most specific first
        for m in pattern.finditer(text):
            start, end = m.span()
            if kind == "year":  # keep the preposition out of the expression
                start = m.start("year")
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            approx = bool(m.groupdict().get("approx"))
            found.append(
                TimexMatch(text[start:end], start, end, normalize(kind, m, anchor, future),
                           "duration" if kind == "duration" else "date", approx)
            )
    return sorted(found, key=lambda t: t.start)


def parse_anchor(value: str | None) -> date | None:
    """The first day a date value covers: "2025-05-15", "2022-03" (March 1st), "2022" (January 1st)."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None
