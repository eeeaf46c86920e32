"""Which way a date points, from the modal of its clause, and ranges kept in order (date_tense,
date_context), with sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.core.analysis.dates import find_dates

pytestmark = pytest.mark.model

WEDNESDAY = dt.date(2025, 3, 19)


def values(nlp, text: str, published: dt.date = WEDNESDAY) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(nlp(text), published)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The harbour master may have left the island on Friday.", "2025-03-14"),
        ("The storm would have reached the coast on Thursday.", "2025-03-13"),
        ("He should have filed the papers on Monday.", "2025-03-17"),
    ],
)
def test_a_modal_in_the_perfect_looks_back(nlp, text: str, value: str) -> None:
    """A modal's perfect ("may have left on Friday") is about a past day, whatever the modal."""
    assert values(nlp, text)[-1][1] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Farmers must register their herds by Friday.", "2025-03-21"),
        ("Pensioners can claim the grant until Friday.", "2025-03-21"),
    ],
)
def test_a_modal_of_obligation_looks_ahead(nlp, text: str, value: str) -> None:
    """A modal of obligation ("must register by Friday"): what is to be done lies ahead."""
    assert values(nlp, text)[-1][1] == value


def test_a_past_ability_keeps_its_day_behind(nlp) -> None:
    """A past inability ("could not attend on Friday") keeps the Friday before."""
    assert values(nlp, "The mayor could not attend the harbour meeting on Friday.") == [
        ("Friday", "2025-03-14")
    ]


def test_a_past_range_of_weekdays_runs_forwards(nlp) -> None:
    """'held from Monday to Thursday', written on a Wednesday: the Thursday before, so the
    Monday of that week, not the Monday after it."""
    assert values(nlp, "The peace talks were held from Monday to Thursday.") == [
        ("Monday", "2025-03-10"),
        ("Thursday", "2025-03-13"),
    ]


def test_a_past_range_of_months_keeps_one_year(nlp) -> None:
    """'between January and April 3' in the past: April 3 of last year, so January too."""
    assert values(nlp, "The coast road was closed between January and April 3.") == [
        ("January", "2024-01"),
        ("April 3", "2024-04-03"),
    ]


def test_a_future_range_moves_its_end_forwards() -> None:
    """Ends inverted with the end still ahead ("from Saturday to Monday" read as the Saturday
    after next and the coming Monday): the end moves a week on; a written year never moves."""
    from reader.core.analysis.date_ranges import ordered_ends
    from reader.core.model import DateMention

    text = "The fair runs from Saturday to Monday, and from May 2026 to June 2025."
    written = [
        ("Saturday", "2025-03-29", "day"),
        ("Monday", "2025-03-24", "day"),
        ("May 2026", "2026-05", "month"),
        ("June 2025", "2025-06", "month"),
    ]
    mentions = [
        DateMention(text.index(words), text.index(words) + len(words), words, value, precision)
        for words, value, precision in written
    ]
    assert [text[m.start : m.end] for m in mentions] == [m.text for m in mentions]
    got = ordered_ends(text, mentions, WEDNESDAY)
    assert [m.value for m in got] == ["2025-03-29", "2025-03-31", "2026-05", "2025-06"]


@pytest.mark.parametrize(
    "text",
    [
        "The census was carried out between 4 and 11 March.",
        "The census ran from 4 to 11 March.",
        "The census ran 4-11 March.",
    ],
)
def test_a_day_first_range_starts_at_its_bare_number(nlp, text: str) -> None:
    """'4-11 March': the bare 4 is the range's start, a day of March."""
    assert values(nlp, text) == [("4", "2025-03-04"), ("11 March", "2025-03-11")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Shares rose by 5 to 11 March.", ("11 March", "2025-03-11")),
        ("The index fell 3 to 10 March levels.", ("10 March", "2025-03-10")),
    ],
)
def test_a_quantity_moving_to_a_date_is_no_range(nlp, text: str, date: tuple[str, str]) -> None:
    """Without 'from' or 'between', 'N to D Month' is a quantity moving to a date, not a range."""
    assert values(nlp, text) == [date]


def test_a_number_before_a_date_that_is_not_a_day_stays_out(nlp) -> None:
    """'rose by 15 to 11 March' is no range: a number larger than the end day is no start."""
    assert values(nlp, "Cases rose by 15 to 11 March.") == [("11 March", "2025-03-11")]
