"""Time expressions: find dates, relative days and durations, and resolve them against an anchor.

The anchor is the article's date, or the time of speaking for words inside a quote. Output follows
TIMEX3 value forms: "2025-05-14", "2022-03", "2025", "2025-W20", durations "P2Y". Pure functions,
no NLP model: regular patterns are faster and easier to check than a statistical tagger here. The
patterns are built from the language's words (`[time]` of its data file): "Wednesday night" and
"mercredi soir", "last week" and "la semaine dernière", "three years ago" and "il y a trois ans".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from ..dates import day_of
from ..lang import Language, Section, alternation, english
from ..model import TimeKind

UNIT_CODES = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "decade": "Y"}


def _optional(words, template: str) -> str:
    """`template` with {} as the alternation of `words`, or nothing when there are none."""
    return template.format(alternation(words)) if words else ""


class TimeWords:
    """One language's time patterns, compiled once; most specific first."""

    def __init__(self, lang: Language):
        t = lang.time
        self.weekdays = [w.lower() for w in t.list("weekdays")]
        self.months = {form: number for number, forms in enumerate(t.list("months"), 1) for form in forms}
        self.numbers = {word: (value or None) for word, value in t.table("numbers").items()}
        self.units = {form: unit for unit, forms in t.table("units").items() for form in forms}
        self.relative_days = {word: offset for word, offset in t.table("relative_days").items()}
        self.weekday_before = t.table("weekday_before")
        self.weekday_after = t.table("weekday_after")
        self.period_units = t.table("period_units")
        self.period_steps = {**t.table("period_before"), **t.table("period_after")}
        self.future = t.regex("future")
        self.patterns = self._calendar_patterns(t) + self._relative_patterns(t)

    def _calendar_patterns(self, t: Section) -> list[tuple[str, re.Pattern]]:
        """Dates by the calendar: ISO, month and day, day and month, month and year, weekdays."""
        # English writes day and month names capitalised: "may 15" is no date, "May 15" is
        capitalised = bool(t.data.get("capitalised_names"))
        names = (lambda words: [w.capitalize() for w in words]) if capitalised else list
        wd = rf"(?P<weekday>{alternation(names(self.weekdays))})"
        mon = rf"(?P<month>{alternation(names(self.months))})\.?"
        name_flags = 0 if capitalised else re.IGNORECASE
        day = rf"(?P<day>\d{{1,2}})(?:{t.text('ordinal', 'th')})?"
        year = r"(?P<year>\d{4})"
        part = _optional(t.words("parts_of_day"), r"(?:\s+(?P<part>{}))?")
        patterns: list[tuple[str, re.Pattern]] = [("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"))]
        orders = t.list("date_orders")
        if "month_day" in orders:
            patterns.append(("month_day", re.compile(
                rf"\b(?:{wd},?\s+)?{mon}\s+{day}\b(?:,?\s+{year})?", name_flags)))
        if "day_month" in orders:
            joiner = _optional(t.words("day_month_joiner"), r"(?:{}\s+)?")
            patterns.append(("day_month", re.compile(
                rf"\b(?:{wd},?\s+)?{day}\s+{joiner}{mon}(?:,?\s+{year})?", name_flags)))
        patterns.append(("month_year", re.compile(rf"\b{mon}\s+{year}\b", name_flags)))
        before = _optional(self.weekday_before, r"(?:(?P<mod>{})\s+)?")
        after = _optional(self.weekday_after, r"(?:\s+(?P<after>{}))?")
        patterns.append(("weekday", re.compile(rf"\b{before}{wd}{after}{part}\b", name_flags)))
        return patterns

    def _relative_patterns(self, t: Section) -> list[tuple[str, re.Pattern]]:
        """Dates and spans by their distance: yesterday, last year, three days ago, for two weeks, in 2019."""
        part = _optional(t.words("parts_of_day"), r"(?:\s+(?P<part>{}))?")
        numbers = alternation(self.numbers) + r"|\d+"
        unit = rf"(?P<unit>{alternation(self.units)})"
        flags = re.IGNORECASE
        patterns: list[tuple[str, re.Pattern]] = []
        if self.relative_days:
            patterns.append(("relative_day", re.compile(
                rf"(?<![\w-])(?P<rel>{alternation(self.relative_days)}){part}(?![\w-])", flags)))
        if self.period_units:
            units = alternation(self.period_units)
            forms = []
            if t.table("period_before"):
                forms.append(rf"(?P<mod>{alternation(t.table('period_before'))})\s+(?P<unit>{units})")
            if t.table("period_after"):
                article = _optional(t.words("period_article"), r"(?:(?:{})\s*)?")
                forms.append(rf"{article}(?P<unit2>{units})\s+(?P<mod2>{alternation(t.table('period_after'))})")
            patterns.append(("relative_period", re.compile(rf"(?<![\w-])(?:{'|'.join(forms)})\b", flags)))
        ago_before = t.text("ago_before")
        ago_after = t.text("ago_after")
        if ago_after:
            patterns.append(("ago", re.compile(rf"\b(?P<n>{numbers})\s+{unit}\s+{re.escape(ago_after)}\b", flags)))
        if ago_before:
            patterns.append(("ago", re.compile(rf"\b{re.escape(ago_before)}\s+(?P<n>{numbers})\s+{unit}\b", flags)))
        approx = t.text("approximators")
        approx = rf"(?:(?P<approx>{approx})\s+)?" if approx else ""
        patterns.append(("duration", re.compile(rf"\b{approx}(?P<n>{numbers})\s+{unit}\b(?![-\w])", flags)))
        preps = t.text("year_prepositions")
        if preps:
            patterns.append(("year", re.compile(rf"\b(?:{preps})\s+(?P<year>(?:19|20)\d{{2}})\b(?![-\d])")))
        return patterns

    def is_future(self, sentence: str) -> bool:
        return bool(self.future and self.future.search(sentence))

    def month_number(self, name: str) -> int:
        return self.months[name.lower().rstrip(".")]

    def count_of(self, word: str) -> int | None:
        word = word.lower()
        return int(word) if word.isdigit() else self.numbers.get(word)


_WORDS: dict[str, TimeWords] = {}


def time_words(lang: Language | None = None) -> TimeWords:
    lang = lang or english()
    if lang.code not in _WORDS:
        _WORDS[lang.code] = TimeWords(lang)
    return _WORDS[lang.code]


@dataclass(frozen=True)
class TimexMatch:
    text: str
    start: int
    end: int
    normalized: str | None
    kind: TimeKind
    approximate: bool = False


def is_future(sentence: str, lang: Language | None = None) -> bool:
    return time_words(lang).is_future(sentence)


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


def shift_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def normalize(words: TimeWords, kind: str, m: re.Match, anchor: date | None, future: bool) -> str | None:
    """The TIMEX3-style value of one match, or None when it needs an anchor it does not have
    (or the arithmetic leaves the calendar, as with a page dated in year 1)."""
    try:
        return _normalize(words, kind, m, anchor, future)
    except (OverflowError, ValueError, KeyError):
        return None


def _lookup(table: dict, word: str | None):
    """A table entry for a word as matched (any case, any white space inside a phrase)."""
    if word is None:
        return None
    key = " ".join(word.lower().split())
    return table.get(key, table.get(word.lower()))


def _normalize(words: TimeWords, kind: str, m: re.Match, anchor: date | None, future: bool) -> str | None:
    g = m.groupdict()
    if kind == "iso":
        return m.group(0)
    if kind in ("month_day", "day_month"):
        month, day = words.month_number(g["month"]), int(g["day"])
        year = int(g["year"]) if g.get("year") else (nearest_year(month, day, anchor) if anchor else None)
        if year is None:
            return None
        return date(year, month, day).isoformat()
    if kind == "month_year":
        return f"{int(g['year']):04d}-{words.month_number(g['month']):02d}"
    if kind == "year":
        return g["year"]
    if kind == "duration":
        n = words.count_of(g["n"])
        unit = _lookup(words.units, g["unit"])
        if n is None:
            return f"P{'X'}{UNIT_CODES[unit]}" if unit != "hour" else "PTXH"
        n = n * 10 if unit == "decade" else n
        return f"PT{n}H" if unit == "hour" else f"P{n}{UNIT_CODES[unit]}"
    if anchor is None:
        return None
    if kind == "weekday":
        mod = _lookup(words.weekday_before, g["mod"]) if g.get("mod") else None
        if g.get("after"):
            mod = _lookup(words.weekday_after, g["after"])
        direction = mod if mod in ("last", "next") else ("future" if future else "past")
        return resolve_weekday(words.weekdays.index(g["weekday"].lower()), anchor, direction).isoformat()
    if kind == "relative_day":
        return (anchor + timedelta(days=_lookup(words.relative_days, g["rel"]))).isoformat()
    if kind == "relative_period":
        mod = g.get("mod") or g.get("mod2")
        unit = _lookup(words.period_units, g.get("unit") or g.get("unit2"))
        step = _lookup(words.period_steps, mod)
        if unit == "year":
            return str(anchor.year + step)
        if unit == "month":
            return shift_months(anchor, step).strftime("%Y-%m")
        iso = (anchor + timedelta(weeks=step)).isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if kind == "ago":
        n = words.count_of(g["n"])
        if n is None:
            return None
        unit = _lookup(words.units, g["unit"])
        if unit in ("year", "decade"):
            return str(anchor.year - n * (10 if unit == "decade" else 1))
        if unit == "month":
            return shift_months(anchor, -n).strftime("%Y-%m")
        days = {"week": 7, "day": 1}.get(unit, 0)  # "two hours ago" is the anchor's day
        return (anchor - timedelta(days=n * days)).isoformat()
    return None


def find_time_expressions(text: str, anchor: date | None, future: bool | None = None,
                          lang: Language | None = None) -> list[TimexMatch]:
    """Time expressions in one sentence, left to right, the longest where patterns overlap.

    `future` says whether an unmarked weekday lies ahead; by default it is read from the sentence.
    """
    words = time_words(lang)
    future = words.is_future(text) if future is None else future
    found: list[TimexMatch] = []
    # the spans taken, in order: they never overlap, so a new one overlaps one only if it overlaps
    # the last that starts before it ends (a look-up, where comparing with every span is quadratic)
    starts: list[int] = []
    ends: list[int] = []
    for kind, pattern in words.patterns:  # ordered most specific first
        for m in pattern.finditer(text):
            start, end = m.span()
            if kind == "year":  # keep the preposition out of the expression
                start = m.start("year")
            i = bisect_left(starts, end)
            if start == end or (i and ends[i - 1] > start):
                continue
            starts.insert(i, start)
            ends.insert(i, end)
            approx = bool(m.groupdict().get("approx"))
            found.append(
                TimexMatch(text[start:end], start, end, normalize(words, kind, m, anchor, future),
                           "duration" if kind == "duration" else "date", approx)
            )
    return sorted(found, key=lambda t: t.start)


def parse_anchor(value: str | None) -> date | None:
    """The first day an ISO date value covers (see newsdesk.dates.day_of)."""
    return day_of(value)
