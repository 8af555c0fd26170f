"""Counting over time, for entity and story timelines."""

from __future__ import annotations

from collections import Counter

from ..dates import day_of, month_of


def by_month(dates: list[str | None]) -> list[tuple[str, int]]:
    """(YYYY-MM, count) for every month from the first to the last, empty months included; values
    that name no month are left out."""
    months = Counter(m for d in dates if (m := month_of(d)))
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


def by_day(dates: list[str | None]) -> list[tuple[str, int]]:
    """(YYYY-MM-DD, count) for every day that has a date, in order."""
    return sorted(Counter(day.isoformat() for d in dates if d and len(d) >= 10 and (day := day_of(d))).items())
