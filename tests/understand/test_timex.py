from datetime import date

import pytest

from newsdesk.understand.timex import find_time_expressions, parse_anchor, resolve_weekday

THURSDAY = date(2025, 5, 15)


def values(text, anchor=THURSDAY, future=None):
    return [(t.text, t.normalized) for t in find_time_expressions(text, anchor, future)]


@pytest.mark.parametrize(
    "text, want",
    [
        ("The vote took place on Monday.", [("Monday", "2025-05-12")]),
        ("The vote will take place on Monday.", [("Monday", "2025-05-19")]),
        ("They met last Thursday.", [("last Thursday", "2025-05-08")]),
        ("They meet next Thursday.", [("next Thursday", "2025-05-22")]),
        ("He spoke on Thursday.", [("Thursday", "2025-05-15")]),
        ("Talks ended late on Friday night.", [("Friday night", "2025-05-09")]),
        ("It happened yesterday morning.", [("yesterday morning", "2025-05-14")]),
        ("It will be decided tomorrow.", [("tomorrow", "2025-05-16")]),
        ("Sales fell last month and last year.", [("last month", "2025-04"), ("last year", "2024")]),
        ("It opened on May 2 and closes on 12 June 2026.", [("May 2", "2025-05-02"), ("12 June 2026", "2026-06-12")]),
        ("Signed on December 30,", [("December 30", "2024-12-30")]),
        ("Signed January 3, 2024.", [("January 3, 2024", "2024-01-03")]),
        ("The law, passed in 2019, changed.", [("2019", "2019")]),
        ("It ended three weeks ago.", [("three weeks ago", "2025-04-24")]),
        ("after more than a decade of war", [("more than a decade", "P10Y")]),
        ("for 48 hours", [("48 hours", "PT48H")]),
        ("He may 5 times say so; a years-long war", []),
    ],
)
def test_expressions(text, want):
    assert values(text) == want


def test_relative_words_need_an_anchor():
    assert values("on Monday", anchor=None) == [("Monday", None)]
    assert values("March 2022", anchor=None) == [("March 2022", "2022-03")]


def test_weekday_resolution_round_trip():
    for offset in range(-6, 7):
        day = date(2025, 5, 15 + offset) if 15 + offset > 0 else None
        direction = "past" if offset <= 0 else "future"
        assert resolve_weekday(day.weekday(), THURSDAY, direction) == day


def test_partial_dates_as_anchors():
    assert parse_anchor("2022-03") == date(2022, 3, 1)
    assert parse_anchor("2022") == date(2022, 1, 1)
    assert parse_anchor("2025-05-15T08:00:00+00:00") == THURSDAY
    assert parse_anchor("soon") is None


def test_anchors_at_the_edge_of_the_calendar_give_no_value():
    from datetime import date as d

    assert values("on Monday and yesterday, last month", anchor=d(1, 1, 1)) == [
        ("Monday", "0001-01-01"), ("yesterday", None), ("last month", None)]
