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
