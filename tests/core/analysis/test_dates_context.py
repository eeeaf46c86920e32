"""Dates read against their neighbours and their clause (date_context, date_tense), with sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.core.analysis.date_context import sentence_timeline
from reader.core.analysis.date_patterns import find_date_phrases
from reader.core.analysis.dates import find_dates
from reader.core.model import DateMention

MONDAY_AFTER_CHRISTMAS = dt.date(2019, 12, 30)


def values(nlp, text: str, published: dt.date) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(nlp(text), published)]


def test_year_less_days_of_one_sentence_stay_on_one_timeline() -> None:
    """A year-less day more than half a year from the one before it in its sentence moves by a
    year; one in another sentence, or one written with its year, is left alone."""
    text = "On Dec. 19 it aired, before Dec. 20. Then Dec. 21 came. Dec. 22, 2020 too."
    written = [
        ("Dec. 19", "2019-12-19"),
        ("Dec. 20", "2020-12-20"),
        ("Dec. 21", "2020-12-21"),
        ("Dec. 22, 2020", "2020-12-22"),
    ]
    mentions = [
        DateMention(text.find(words), text.find(words) + len(words), words, value, "day")
        for words, value in written
    ]
    sentence_of = [0, 0, 1, 2]
    starts = [m.start for m in mentions]
    out = sentence_timeline(text, mentions, lambda offset: sentence_of[starts.index(offset)])
    assert [m.value for m in out] == ["2019-12-19", "2019-12-20", "2020-12-21", "2020-12-22"]


@pytest.mark.model
def test_a_day_hung_on_a_future_verb_keeps_the_year_of_its_sentence(nlp) -> None:
    """The parser may hang a trailing "on Dec. 20" on the main clause's "will"; the day before
    it in the sentence says which December."""
    text = (
        "The senator will leave the chamber for a new role with the governor, a decision he "
        "announced in a radio interview that aired on Dec. 19, ahead of the deadline at noon "
        "on Dec. 20."
    )
    assert values(nlp, text, MONDAY_AFTER_CHRISTMAS) == [
        ("Dec. 19", "2019-12-19"),
        ("Dec. 20", "2019-12-20"),
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Before the flood, the valley had two schools. Today there are none at all.", None),
        ("In the 1990s the mill employed thousands. Today, the mill has 40 workers.", None),
        ("\u201cToday there is nothing left on the shelves,\u201d the nurse said.", None),
        ("Today the minister signed the bill into law.", "2025-03-17"),
        ("Today the president is in Paris for talks.", "2025-03-17"),
        ("The minister is meeting the unions today.", "2025-03-17"),
    ],
)
def test_a_fronted_today_of_how_things_stand_means_nowadays(
    nlp, text: str, value: str | None
) -> None:
    """'Today there are ...' / 'Today, X has ...' sets now against the past: no calendar day."""
    [today] = [m for m in find_dates(nlp(text), dt.date(2025, 3, 17)) if m.text.lower() == "today"]
    assert today.value == value
    assert today.precision == (None if value is None else "day")


FRIDAY = dt.date(2022, 5, 6)


@pytest.mark.model
def test_a_weekday_in_the_past_perfect_lies_before_the_day_its_sentence_set(nlp) -> None:
    """'On Thursday, she said he had left on Thursday last': the Thursday before that one."""
    text = (
        "Speaking to reporters on Thursday, his neighbour said that he had left the farm "
        "on Thursday last to go fishing."
    )
    assert values(nlp, text, FRIDAY) == [
        ("Thursday", "2022-05-05"),
        ("Thursday last", "2022-04-28"),
    ]


@pytest.mark.model
def test_a_weekday_in_a_quote_counts_from_the_day_of_speech(nlp) -> None:
    """Said on a Thursday, "Thursday night" is the Thursday before: that day is "today"."""
    text = (
        "His sister spoke to this newspaper on Thursday.\n"
        "\u201cHe went out on the Thursday night with his dog and never came home,\u201d she "
        "said.\n"
    )
    got = dict(values(nlp, text, FRIDAY))
    assert got["Thursday"] == "2022-05-05"
    assert got["Thursday night"] == "2022-04-28"


@pytest.mark.model
def test_a_quoted_weekday_with_no_day_of_speech_counts_from_publication(nlp) -> None:
    text = "\u201cWe met the builders on Wednesday and nothing has changed,\u201d she said.\n"
    assert values(nlp, text, FRIDAY) == [("Wednesday", "2022-05-04")]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("She is weighing a 2026 Senate run after the session.", "2026"),
        ("The senator recalled his 2016 campaign with some fondness.", "2016"),
    ],
)
def test_a_year_modifying_a_noun_after_a_determiner_is_a_date(text: str, year: str) -> None:
    """The small model often leaves "a 2022 Senate run" untagged; the pattern finds the year."""
    start = text.index(year)
    assert (start, start + 4) in find_date_phrases(text)


def test_a_number_after_a_determiner_that_is_no_year_is_not_a_date() -> None:
    text = "A crowd of a 2000-strong march and the 150 people who stayed."
    assert find_date_phrases(text) == []
