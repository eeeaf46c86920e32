"""The year a date written without one takes, and the month-day forms dates are read in.

Pure Python, no spaCy. ``date_resolution`` hands over an expression with a month (and maybe a
day and a year) and the tense of its clause: "March 26, 2025", "26th of March" and "Nov 6" are
read here (``read_month_day``; numeric forms with a year go to dateparser, pinned so it never
reads the clock), and a month or day with no year is placed on the calendar from the
publication date in the direction of the tense (``choose_year``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, Literal

from reader.core.analysis.date_words import MONTH_NAME, MONTHS, WEEKDAY_NAME

Tense = Literal["past", "present", "future", "unknown"]
"""Which way the governing verb points. "present" (simple present) reads as a schedule for a
weekday ("the summit opens on Thursday") but as the nearest date otherwise (a caption:
"speaks during a debate on December 29")."""

_ORDINAL_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_OPT_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
MONTH_FIRST = re.compile(
    rf"^(?:{WEEKDAY_NAME},?\s+)?(?P<month>{MONTH_NAME})(?:\s+(?:the\s+)?{_ORDINAL_DAY})?{_OPT_YEAR}$"
)
DAY_FIRST = re.compile(
    rf"^(?:{WEEKDAY_NAME},?\s+)?(?:the\s+)?{_ORDINAL_DAY}\s+(?:of\s+)?(?P<month>{MONTH_NAME})"
    rf"{_OPT_YEAR}$"
)
AMBIGUOUS_NUMERIC = re.compile(r"^0?([1-9]|1[0-2])[/.]0?([1-9]|1[0-2])[/.]\d{4}$")
# Other shapes with an explicit year ("26/03/2025", "2025/03/26"): dateparser reads them.
OTHER_WITH_YEAR = re.compile(r"^[\w\s,./-]*\b(?:1[5-9]\d\d|20\d\d)\b[\w\s,./-]*$")


def read_month_day(key: str) -> tuple[int | None, int, int | None] | None:
    """(year or None, month, day or None) of "March 26, 2025", "26th of March", "Nov 6"..."""
    match = MONTH_FIRST.match(key) or DAY_FIRST.match(key)
    if match:
        day = int(match.group("day")) if match.group("day") else None
        year = int(match.group("year")) if match.group("year") else None
        return year, MONTHS[match.group("month").rstrip(".")], day
    if (numeric := AMBIGUOUS_NUMERIC.match(key)) and numeric.group(1) != numeric.group(2):
        return None  # 3/4/2025: March 4 in Washington, 3 April in London
    year_match = re.search(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)", key)
    if (
        year_match
        and OTHER_WITH_YEAR.match(key)
        and re.search(r"\d", key[: year_match.start()] + key[year_match.end() :])
    ):
        return _parse_with_year(key)
    return None


SCHEDULE_HORIZON_DAYS = 270
"""How far ahead a present-tense date may lie and still read as a schedule, not a caption."""


def choose_year(month: int, day: int | None, published: dt.date, tense: Tense) -> int:
    """The year for a month (and day) written without one, seen from ``published``.

    Past tense: the latest occurrence not after the publication date (same month counts);
    future: the earliest not before it; present: that too when it is within about nine
    months, else the nearest; otherwise the nearest (ties go to the past).
    """
    here = (published.month, published.day if day is not None else 0)
    there = (month, day if day is not None else 0)
    before = published.year if there <= here else published.year - 1
    after = published.year if there >= here else published.year + 1
    if tense == "past":
        return before
    if tense == "future":
        return after
    if tense == "present":  # a schedule ("expires in October") unless that is most of a year off
        ahead = (
            _gap(published, after, month, day or 1)
            if day
            else 31 * ((month - published.month) % 12)
        )
        if ahead <= SCHEDULE_HORIZON_DAYS:
            return after
    if day is None:
        back = (published.month - month) % 12
        return before if back <= 6 else after
    return (
        before
        if _gap(published, before, month, day) <= _gap(published, after, month, day)
        else after
    )


def _gap(published: dt.date, year: int, month: int, day: int) -> int:
    day = min(day, 28) if month == 2 else day
    try:
        return abs((dt.date(year, month, day) - published).days)
    except ValueError:
        return 10**6


@lru_cache(maxsize=1)
def _date_parser() -> Any:
    """dateparser, English only, pinned to a fixed RELATIVE_BASE so it never reads the clock.

    Only expressions that carry their own year reach it, so the base never shows through.
    """
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime(2000, 1, 1),
        "PREFER_DATES_FROM": "current_period",
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
        "REQUIRE_PARTS": ["year", "month"],
    }
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=1024)
def _parse_with_year(key: str) -> tuple[int | None, int, int | None] | None:
    """(year, month, day or None) of a numeric or unusual date that names its year."""
    data = _date_parser().get_date_data(key)
    if data is None or data.date_obj is None or data.period not in ("day", "month"):
        return None
    found = data.date_obj
    return found.year, found.month, (found.day if data.period == "day" else None)
