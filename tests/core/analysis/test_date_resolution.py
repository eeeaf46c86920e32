"""The pure resolver and pattern scanner: no spaCy, no clock, every case computed by hand."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis.date_patterns import find_date_phrases
from reader.core.analysis.date_ranges import split_range
from reader.core.analysis.date_resolution import UNRESOLVED, Resolution, resolve
from reader.core.analysis.date_words import is_excluded
from reader.core.analysis.date_years import choose_year

MONDAY = dt.date(2025, 3, 17)  # the sample article's publication date, a Monday


def day(value: str) -> Resolution:
    return Resolution(value, "day")


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Saturday", "past", "2025-03-15"),
        ("on Saturday", "unknown", "2025-03-15"),  # news convention: the past week
        ("Saturday", "future", "2025-03-22"),
        ("Tuesday", "future", "2025-03-18"),  # "travel to Berlin on Tuesday"
        ("Tuesday", "unknown", "2025-03-11"),
        ("Monday", "past", "2025-03-17"),  # the publication day itself, either way
        ("Monday", "future", "2025-03-17"),
        ("last Monday", "unknown", "2025-03-10"),
        ("next Monday", "unknown", "2025-03-24"),
        ("next Wednesday", "past", "2025-03-19"),  # the word beats the tense
        ("Sunday night", "past", "2025-03-16"),
        ("Friday morning", "unknown", "2025-03-14"),
    ],
)
def test_weekdays_count_back_unless_the_sentence_looks_forward(
    text: str, tense: str, expected: str
) -> None:
    assert resolve(text, MONDAY, tense) == day(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", day("2025-03-17")),
        ("tonight", day("2025-03-17")),
        ("tomorrow", day("2025-03-18")),
        ("yesterday", day("2025-03-16")),
        ("last night", day("2025-03-16")),
        ("last year", Resolution("2024", "year")),
        ("Last year", Resolution("2024", "year")),
        ("this year", Resolution("2025", "year")),
        ("next year", Resolution("2026", "year")),
        ("last month", Resolution("2025-02", "month")),
        ("next month", Resolution("2025-04", "month")),
        ("earlier this month", Resolution("2025-03", "month")),
        ("the end of the year", Resolution("2025", "year")),
        ("two years ago", Resolution("2023", "year")),
        ("three days ago", day("2025-03-14")),
        ("six months ago", Resolution("2024-09", "month")),
    ],
)
def test_relative_words_keep_their_precision(text: str, expected: Resolution) -> None:
    assert resolve(text, MONDAY, "unknown") == expected


def test_month_arithmetic_crosses_the_year() -> None:
    january = dt.date(2025, 1, 22)
    december = dt.date(2024, 12, 12)
    assert resolve("last month", january) == Resolution("2024-12", "month")
    assert resolve("next month", december) == Resolution("2025-01", "month")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 26, 2025", day("2025-03-26")),
        ("26 March 2025", day("2025-03-26")),
        ("the 25th of December", day("2024-12-25")),
        ("Monday, March 10", day("2025-03-10")),
        ("Sept. 25", day("2024-09-25")),
        ("Nov 6", day("2024-11-06")),
        ("March 2024", Resolution("2024-03", "month")),
        ("November 2025", Resolution("2025-11", "month")),
        ("2023", Resolution("2023", "year")),
        ("in 2023", Resolution("2023", "year")),
        ("the end of 2025", Resolution("2025", "year")),
        ("mid-2025", Resolution("2025", "year")),
        ("early April", Resolution("2025-04", "month")),
        ("2025-03-01", day("2025-03-01")),
        ("March 3-5", day("2025-03-03")),  # a range keeps its start
        ("between March 3 and 5", day("2025-03-03")),
    ],
)
def test_absolute_dates_resolve_with_their_precision(text: str, expected: Resolution) -> None:
    assert resolve(text, MONDAY, "unknown") == expected


@pytest.mark.parametrize(
    ("month", "day_", "tense", "year"),
    [
        (3, None, "past", 2025),  # the publication month itself
        (3, None, "future", 2025),
        (11, None, "past", 2024),
        (11, None, "future", 2025),
        (11, None, "unknown", 2024),  # four months back is nearer than eight ahead
        (8, None, "unknown", 2025),  # five months ahead is nearer than seven back
        (9, None, "unknown", 2024),  # a tie goes to the past
        (3, 26, "unknown", 2025),
        (3, 10, "future", 2026),
        (12, 25, "unknown", 2024),
    ],
)
def test_year_of_a_yearless_date_is_nearest_or_follows_the_tense(
    month: int, day_: int | None, tense: str, year: int
) -> None:
    assert choose_year(month, day_, MONDAY, tense) == year


def test_yearless_month_follows_the_tense_around_new_year() -> None:
    december = dt.date(2024, 12, 12)
    assert resolve("March", december, "future") == Resolution("2025-03", "month")
    assert resolve("March", december, "past") == Resolution("2024-03", "month")
    assert resolve("January", dt.date(2024, 11, 6), "unknown") == Resolution("2025-01", "month")


@pytest.mark.parametrize(
    "text",
    [
        "two years",
        "a third day",
        "its second year",
        "24 hours",
        "The next 24 hours",
        "the coming months",
        "about four months",
        "60 days",
        "a week",
        "the warmest year",
        "the final minute",
        "65 years old",
        "annual",
        "10 a.m.",
        "decades",
        "those days",
        "another year",
        "a banner year",
        "four years in a row",
        "first-year",
        "zero-hours",
    ],
)
def test_durations_ages_and_times_are_not_dates(text: str) -> None:
    assert is_excluded(text)
    assert resolve(text, MONDAY) is None


@pytest.mark.parametrize(
    "text", ["last week", "next week", "this weekend", "the 1990s", "election day"]
)
def test_references_without_day_month_or_year_stay_unresolved(text: str) -> None:
    assert resolve(text, MONDAY) == UNRESOLVED


def test_present_tense_is_a_schedule_for_weekdays_and_nearest_for_dates() -> None:
    """A schedule: "opens on Thursday"; a caption: "speaks during a debate on December 29"."""
    assert resolve("Thursday", MONDAY, "present") == day("2025-03-20")
    january = dt.date(2020, 1, 20)
    assert resolve("December 29", january, "present") == day("2019-12-29")
    assert resolve("December 29", january, "future") == day("2020-12-29")


@pytest.mark.parametrize(
    "text",
    ["Saturday", "tomorrow", "last year", "next month", "March", "March 26", "Nov 6", "tonight"],
)
def test_without_a_publication_date_relative_dates_stay_unresolved(text: str) -> None:
    assert resolve(text, None, "past") == UNRESOLVED
    assert resolve(text, None, "future") == UNRESOLVED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 26, 2025", day("2025-03-26")),
        ("2023", Resolution("2023", "year")),
        ("November 2025", Resolution("2025-11", "month")),
        ("the end of 2025", Resolution("2025", "year")),
    ],
)
def test_without_a_publication_date_absolute_dates_still_resolve(
    text: str, expected: Resolution
) -> None:
    assert resolve(text, None) == expected


def test_the_clock_never_leaks_in() -> None:
    """Year-less dates seen from 1990 stay around 1990, whatever today is."""
    old = dt.date(1990, 6, 15)
    for text in ("March", "Nov 6", "December 25th", "Saturday", "today", "last year"):
        result = resolve(text, old)
        assert result is not None and result.value is not None
        assert result.value.startswith(("1989", "1990", "1991")), (text, result)


def test_anchor_moves_only_deictic_words() -> None:
    sunday = dt.date(2025, 3, 16)
    assert resolve("tonight", MONDAY, anchor=sunday) == day("2025-03-16")
    assert resolve("tomorrow", MONDAY, anchor=sunday) == day("2025-03-17")
    assert resolve("Saturday", MONDAY, anchor=sunday) == day("2025-03-15")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26/03/2025", day("2025-03-26")),
        ("2025/03/26", day("2025-03-26")),
        ("4/4/2025", day("2025-04-04")),
        ("3/4/2025", UNRESOLVED),  # March 4 in Washington, 3 April in London
    ],
)
def test_numeric_dates_with_a_year_are_read_by_dateparser(text: str, expected: Resolution) -> None:
    assert resolve(text, MONDAY) == expected
    assert resolve(text, None) == expected


def test_fixed_holidays_resolve_like_a_month_and_day() -> None:
    assert resolve("Christmas", MONDAY, "past") == day("2024-12-25")
    assert resolve("Christmas", MONDAY, "future") == day("2025-12-25")
    assert resolve("Easter", MONDAY) == UNRESOLVED  # movable: left alone
    assert resolve("Christmas", None) == UNRESOLVED


@pytest.mark.parametrize(
    "text",
    [
        "Hours later",
        "two weeks later",
        "more than two decades earlier",
        "the following day",
        "the previous year",
        "earlier that week",
        "the same day",
        "night",
        "19",
    ],
)
def test_story_relative_offsets_and_bare_numbers_are_not_dates(text: str) -> None:
    assert resolve(text, MONDAY) is None


def test_invalid_calendar_days_stay_unresolved() -> None:
    assert resolve("2025-02-30", MONDAY) == UNRESOLVED
    assert resolve("February 29", dt.date(2025, 3, 17), "past") == UNRESOLVED


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in find_date_phrases(text)]


def test_patterns_find_what_the_small_model_may_miss() -> None:
    text = (
        "BERLIN, Nov 6 (Reuters) - They met on Saturday and will meet again next Monday "
        "morning, in March, on October 26 and by the end of 2025, as in 2023. Tomorrow and "
        "tonight count, and so do last week, next month and two years ago."
    )
    assert spans(text) == [
        "Nov 6",
        "Saturday",
        "next Monday morning",
        "March",
        "October 26",
        "the end of 2025",
        "2023",
        "Tomorrow",
        "tonight",
        "last week",
        "next month",
        "two years ago",
    ]


def test_patterns_leave_modal_may_numbers_and_plural_weekdays_alone() -> None:
    text = "They may march. Prices rose 2,000 points. Markets close on Mondays. In 2024, May 3."
    assert spans(text) == ["2024", "May 3"]


VALUE_SHAPES = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
WORDS = [
    "on",
    "in",
    "since",
    "the",
    "end",
    "of",
    "early",
    "mid-",
    "last",
    "next",
    "this",
    "Monday",
    "Saturday",
    "March",
    "May",
    "Nov.",
    "Sept",
    "6",
    "26th",
    "2023",
    "1990s",
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "week",
    "month",
    "year",
    "weeks",
    "ago",
    "two",
    "a",
    "third",
    "hours",
    "later",
    ",",
    "-",
    "to",
    "and",
    "night",
    "morning",
    "Christmas",
    "26/03/2025",
    "3/4/2025",
    "2025-02-30",
    "of",
]


@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
    published=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31))),
    tense=st.sampled_from(["past", "present", "future", "unknown"]),
)
@settings(max_examples=400, deadline=None)
def test_any_expression_gives_a_consistent_value_or_none(
    words: list[str], published: dt.date | None, tense: str
) -> None:
    text = " ".join(words)
    result = resolve(text, published, tense)
    assert result == resolve(text, published, tense)
    if result is None or result.value is None:
        assert result is None or result.precision is None
        return
    assert re.fullmatch(VALUE_SHAPES[result.precision], result.value), (text, result)
    if result.precision == "day":
        dt.date.fromisoformat(result.value)


@given(st.text(alphabet=st.sampled_from(list("MondayMarch 2025,.-“”\n0123456789the end of"))))
@settings(max_examples=300, deadline=None)
def test_pattern_hits_are_ordered_disjoint_and_inside_the_text(text: str) -> None:
    hits = find_date_phrases(text)
    assert all(0 <= s < e <= len(text) for s, e in hits)
    assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(hits))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last February", Resolution("2025-02", "month")),  # the latest before March 2025
        ("last March", Resolution("2024-03", "month")),  # the publication month is not "last"
        ("last July", Resolution("2024-07", "month")),
        ("this March", Resolution("2025-03", "month")),
        ("This July", Resolution("2025-07", "month")),
        ("next March", Resolution("2026-03", "month")),
        ("next May", Resolution("2025-05", "month")),
        ("Thursday last", day("2025-03-13")),  # "on Thursday last": last Thursday
    ],
)
def test_a_month_or_weekday_named_with_last_this_next(text: str, expected: Resolution) -> None:
    assert resolve(text, MONDAY) == expected


def test_patterns_find_last_month_names_and_weekday_last() -> None:
    text = "He left on Thursday last to go. On Thursday last week he came. Prices rose last May."
    found = [text[s:e] for s, e in find_date_phrases(text)]
    assert "Thursday last" in found and "last May" in found
    assert "Thursday last week" not in found and found.count("Thursday last") == 1


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("June 6-10", [("June 6", "June 6"), ("10", "June 10")]),
        ("March 3-5, 2025", [("March 3", "March 3, 2025"), ("5, 2025", "March 5, 2025")]),
        ("from May 2021 to June 2022", [("May 2021", "May 2021"), ("June 2022", "June 2022")]),
        ("between January and April 3", [("January", "January"), ("April 3", "April 3")]),
        ("May to June 2022", [("May", "May 2022"), ("June 2022", "June 2022")]),
    ],
)
def test_a_range_is_cut_into_its_two_ends(text: str, ends: list[tuple[str, str]]) -> None:
    found = split_range(text, 0, len(text))
    assert found is not None
    assert [(text[e.start : e.end], e.words) for e in found] == ends


@pytest.mark.parametrize("text", ["2025-03-17", "the year to February", "mid", "March 26"])
def test_not_a_range(text: str) -> None:
    assert split_range(text, 0, len(text)) is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("this summer", dt.date(2025, 3, 19), Resolution("2025", "year")),
        ("next summer", dt.date(2025, 3, 19), Resolution("2025", "year")),
        ("next spring", dt.date(2025, 3, 19), Resolution("2026", "year")),
        ("last autumn", dt.date(2025, 12, 10), Resolution("2025", "year")),
        ("last fall", dt.date(2025, 10, 1), Resolution("2024", "year")),
        ("this winter", dt.date(2026, 1, 14), UNRESOLVED),
        ("last summer", None, UNRESOLVED),
    ],
)
def test_a_season_named_with_last_this_next_is_a_year(
    text: str, published: dt.date | None, expected: Resolution
) -> None:
    """'last summer' is the latest summer over before the publication month, 'next spring' the
    first not yet begun; winter runs across New Year and names no one year."""
    assert resolve(text, published, "unknown") == expected
