"""Resolve one date expression to a calendar value: pure Python, no spaCy, fully deterministic.

The caller (``dates.py``) finds the expressions and says which way the sentence points in time;
``date_words`` knows the vocabulary and what is not a date at all; ``date_years`` reads the
month-day forms and picks the year of one written without it; this module turns
"Saturday", "last month", "March 26" or "the end of 2025" into a value with its precision,
relative to the publication date.

Conventions (news style):

- A bare weekday is the most recent one on or before the publication day ("on Saturday" in an
  article dated Monday 2025-03-17 is 2025-03-15; "on Monday" is the day itself), unless the
  tense is future or a present-tense schedule ("will meet on Tuesday", "opens on Tuesday":
  the next one on or after the publication day).
  "last Monday" (and "Monday last") is strictly before, "next Monday" strictly after.
- "last February" is the latest February before the publication month, "next February" the
  first after it, "this February" the one of the publication year; "this summer", "last
  autumn" and "next spring" are years chosen the same way (winter, across New Year, is not).
- A month or month-day without a year takes the year that puts it nearest the publication
  date, or the latest one not after it (past tense), or the earliest one not before it
  (future tense).
- "last/next/this week" and other calendar references with no day, month or year precision
  ("the 1990s", "the weekend") are references with value None. Durations and windows measured
  from now ("two years", "a third day", "24 hours", "the coming months") are not references:
  ``resolve`` returns None for them and the caller drops them.
- "the end of 2025", "early March": the qualifier is dropped and the inner expression's value
  and precision are kept ("2025", year); so is a season or quarter before a year ("spring
  2021", "Q2 2024"). A range keeps the value of its start.
- Without a publication date only expressions that carry their own year resolve
  ("March 26, 2025", "2023"); relative ones keep value None. The clock is never read:
  dateparser always gets an explicit RELATIVE_BASE.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reader.core.analysis.date_words import (
    CALENDAR_WORD,
    DAY_PART,
    LEADING,
    MONTH_NAME,
    MONTHS,
    NUMBER_WORDS,
    UNIT,
    WEEKDAY_NAME,
    WEEKDAYS,
    is_excluded,
    normalise,
)
from reader.core.analysis.date_years import Tense, choose_year, read_month_day
from reader.core.model import Precision


@dataclass(frozen=True)
class Resolution:
    """A calendar reference: ``value`` matches ``precision``; both None when not computable."""

    value: str | None = None
    precision: Precision | None = None


UNRESOLVED = Resolution()

PERIOD_ENDING = re.compile(
    rf"^(?:the\s+)?(?:\w+\s+)?{UNIT}s?\s+(?:to|through|ending|ended)\s+(?:in\s+)?(?=\S)"
)
QUALIFIER = re.compile(
    r"^(?:(?:the\s+)?(?:very\s+)?(?:end|start|beginning|middle|close|turn|rest|remainder"
    r"|first half|second half|first quarter|second quarter|third quarter|fourth quarter"
    r"|spring|summer|autumn|fall|winter)\s+of\s+|early\s+|mid-?\s*|late\s+|earlier\s+|later\s+"
    r"|until\s+|through\s+|by\s+)"
)
SEASON_YEAR = re.compile(r"^(?:spring|summer|autumn|fall|winter|q[1-4])\s+(?=(?:1[5-9]|20)\d\d$)")
"""A season or quarter written before its year ("spring 2021", "Q2 2024"): the year, as "the
spring of 2021" and "the second quarter of 2024" are."""
DEICTIC = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
    "the day after tomorrow": 2,
}  # fmt: skip
DEICTIC_TAIL = re.compile(rf"^(today|tonight|yesterday|tomorrow)(?:\s+{DAY_PART})?$")
WEEKDAY_EXPR = re.compile(
    rf"^(?:(last|next|this|this past|this coming|past|coming)\s+)?({WEEKDAY_NAME})"
    rf"(?:\s+{DAY_PART})?$"
)
WEEKDAY_LAST = re.compile(rf"^({WEEKDAY_NAME})\s+last$")
"""A weekday with "last" after it ("on Thursday last", older and Caribbean English): last one."""
MONTH_RELATIVE = re.compile(
    rf"^(last|next|this|this past|this coming|past|coming)\s+({MONTH_NAME})$"
)
"""A month named with "last", "this" or "next" ("last February", "This March")."""
SEASON_RELATIVE = re.compile(
    r"^(last|next|this|this past|this coming|past|coming)\s+(spring|summer|autumn|fall)$"
)
"""A season named with "last", "this" or "next" ("this summer", "last autumn"): a year."""
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
"""First and last month of each season (northern hemisphere, as the labels read them); winter
runs across New Year, so "this winter" names no one year and stays without a value."""
RELATIVE_UNIT = re.compile(
    r"^(?:(last|next|this|this past|this coming|the coming|the past|the previous|the following"
    r"|the current|the same|a|one)\s+)(week|weekend|month|year|fortnight)$"
)
AGO = re.compile(rf"^{NUMBER_WORDS}\s+({UNIT})s?\s+(ago|from now|hence)$")
DECADE = re.compile(
    r"^(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?(?:'\d0s|\d{3}0s|\d{2}(?:th|st)"
    r"\s+century)$"
)
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
YEAR = re.compile(r"(?<![\d,.$€£])\b(1[5-9]\d\d|20\d\d|2100)\b(?![\d,.%])")
YEAR_ONLY = re.compile(r"^(?:the\s+(?:year\s+)?)?(1[5-9]\d\d|20\d\d|2100)$")
# Holidays on a fixed calendar day (movable feasts such as Easter stay unresolved).
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "halloween": (10, 31), "valentine's day": (2, 14), "bastille day": (7, 14),
}  # fmt: skip
YEAR_WORDS = {
    "this year": 0,
    "the year": 0,
    "the current year": 0,
    "last year": -1,
    "next year": 1,
}
MONTH_WORDS = {
    "this month": 0,
    "the month": 0,
    "the current month": 0,
    "last month": -1,
    "next month": 1,
}


def resolve(
    text: str,
    published: dt.date | None,
    tense: Tense = "unknown",
    anchor: dt.date | None = None,
) -> Resolution | None:
    """The calendar value of ``text``, or None when it is a duration and no date at all.

    Args:
        text: the expression as written ("Saturday", "on March 26", "the end of 2025").
        published: the article's publication date; relative expressions need it.
        tense: which way the governing verb points; decides bare weekdays and year-less months.
        anchor: the day "today" means when it differs from ``published`` (quoted speech
            reported from an earlier day); only deictic words use it.
    """
    key = LEADING.sub("", normalise(text))
    if not key or is_excluded(key):
        return None
    if key in DEICTIC or DEICTIC_TAIL.match(key):
        return _deictic(key, anchor or published)
    if match := WEEKDAY_EXPR.match(key):
        return _weekday(match.group(1), match.group(2), published, tense)
    if match := WEEKDAY_LAST.match(key):
        return _weekday("last", match.group(1), published, tense)
    if match := MONTH_RELATIVE.match(key):
        return _relative_month(match.group(1), MONTHS[match.group(2).rstrip(".")], published)
    if match := SEASON_RELATIVE.match(key):
        return _relative_season(match.group(1), match.group(2), published)
    if match := RELATIVE_UNIT.match(key):
        return _relative_unit(f"{match.group(1)} {match.group(2)}", match.group(2), published)
    if match := AGO.match(key):
        return _ago(key, match.group(1), match.group(2), published)
    if DECADE.match(key):
        return UNRESOLVED
    if ISO_DATE.match(key):
        return _absolute(key, published, tense)
    if (ending := PERIOD_ENDING.sub("", key, count=1)) != key:
        inner = resolve(ending, published, "past" if tense == "unknown" else tense, anchor)
        return inner if inner is not None else UNRESOLVED
    if (qualified := QUALIFIER.sub("", key, count=1)) != key:
        inner = resolve(qualified, published, tense, anchor)
        return inner if inner is not None else UNRESOLVED
    if (bare_year := SEASON_YEAR.sub("", key, count=1)) != key:
        return resolve(bare_year, published, tense, anchor) or UNRESOLVED
    if " - " in key or re.search(r"\bto\b|\band\b|-", key):
        start = re.split(r"\s+-\s+|\s+to\s+|\s+and\s+|(?<=\w)-(?=\w)", key, maxsplit=1)[0]
        if start != key:
            inner = resolve(start, published, tense, anchor)
            return inner if inner is not None else UNRESOLVED
    result = _absolute(key, published, tense)
    # A candidate with no calendar word at all ("19", "los 19") is a number, not a date.
    return result if result != UNRESOLVED or CALENDAR_WORD.search(key) else None


def is_weekday(text: str) -> bool:
    """Whether ``text`` names a weekday ("Thursday", "last Friday", "Thursday night")."""
    key = LEADING.sub("", normalise(text))
    return bool(WEEKDAY_EXPR.match(key) or WEEKDAY_LAST.match(key))


def _deictic(key: str, day: dt.date | None) -> Resolution:
    if day is None:
        return UNRESOLVED
    word = key.split()[0] if key not in DEICTIC else key
    offset = DEICTIC.get(key, DEICTIC.get(word, 0))
    return _day(day + dt.timedelta(days=offset))


def _weekday(
    modifier: str | None, name: str, published: dt.date | None, tense: Tense
) -> Resolution:
    if published is None:
        return UNRESOLVED
    target = WEEKDAYS.index(name)
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if modifier in ("last", "past", "this past"):
        return _day(published - dt.timedelta(days=back or 7))
    if modifier in ("next", "coming", "this coming"):
        return _day(published + dt.timedelta(days=ahead or 7))
    if tense in ("future", "present"):
        return _day(published + dt.timedelta(days=ahead))
    return _day(published - dt.timedelta(days=back))


def _relative_month(modifier: str, month: int, published: dt.date | None) -> Resolution:
    """ "last February": the latest February before the publication month; "next February"
    the first after it; "this February" the one of the publication year."""
    if published is None:
        return UNRESOLVED
    year = published.year
    if modifier in ("last", "past", "this past"):
        year = year if month < published.month else year - 1
    elif modifier in ("next", "coming", "this coming"):
        year = year if month > published.month else year + 1
    return _month(year, month)


def _relative_season(modifier: str, season: str, published: dt.date | None) -> Resolution:
    """The year of "this summer" (the publication year), "last summer" (the latest summer over
    before the publication month: 2024 in August 2025, 2025 in October) and "next summer"
    (the first not yet begun)."""
    if published is None:
        return UNRESOLVED
    first, last = SEASON_MONTHS[season]
    year = published.year
    if modifier in ("last", "past", "this past"):
        year = year if published.month > last else year - 1
    elif modifier in ("next", "coming", "this coming"):
        year = year if published.month < first else year + 1
    return Resolution(f"{year:04d}", "year")


def _relative_unit(phrase: str, unit: str, published: dt.date | None) -> Resolution:
    if unit in ("week", "weekend", "fortnight") or published is None:
        return UNRESOLVED
    phrase = phrase.replace("this past", "last").replace("this coming", "next")
    if unit == "year":
        offset = YEAR_WORDS.get(phrase)
        return (
            UNRESOLVED if offset is None else Resolution(f"{published.year + offset:04d}", "year")
        )
    offset = MONTH_WORDS.get(phrase)
    if offset is None:
        return UNRESOLVED
    return _month(*_add_months(published.year, published.month, offset))


_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30,
}  # fmt: skip


def _ago(key: str, unit: str, direction: str, published: dt.date | None) -> Resolution:
    """ "two years ago" is a year, "three days ago" a day; "earlier"/"later" need a story time."""
    count_word = key.split()[0]
    count = int(count_word) if count_word.isdigit() else _NUMBERS.get(count_word)
    if published is None or count is None:
        return UNRESOLVED
    sign = -1 if direction == "ago" else 1
    if unit == "day":
        return _day(published + dt.timedelta(days=sign * count))
    if unit == "month":
        return _month(*_add_months(published.year, published.month, sign * count))
    if unit == "year":
        return Resolution(f"{published.year + sign * count:04d}", "year")
    return UNRESOLVED


def _absolute(key: str, published: dt.date | None, tense: Tense) -> Resolution:
    """Month names, numeric dates and years; the year of a year-less date is chosen here."""
    if key in YEAR_WORDS:
        return _relative_unit(key, "year", published)
    if key in MONTH_WORDS:
        return _relative_unit(key, "month", published)
    if match := YEAR_ONLY.match(key):
        return Resolution(match.group(1), "year")
    if match := ISO_DATE.match(key):
        try:
            return _day(dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))))
        except ValueError:
            return UNRESOLVED
    if (holiday := HOLIDAYS.get(re.sub(r"^(?:on|at|over|the)\s+", "", key))) is not None:
        if published is None:
            return UNRESOLVED
        return _safe_day(choose_year(*holiday, published, tense), *holiday)
    parsed = read_month_day(key)
    if parsed is None:
        return UNRESOLVED
    year, month, day = parsed
    if year is not None:
        return _month(year, month) if day is None else _safe_day(year, month, day)
    if published is None:
        return UNRESOLVED
    year = choose_year(month, day, published, tense)
    return _month(year, month) if day is None else _safe_day(year, month, day)


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _day(day: dt.date) -> Resolution:
    return Resolution(day.isoformat(), "day")


def _safe_day(year: int, month: int, day: int) -> Resolution:
    try:
        return _day(dt.date(year, month, day))
    except ValueError:
        return UNRESOLVED


def _month(year: int, month: int) -> Resolution:
    return Resolution(f"{year:04d}-{month:02d}", "month")
