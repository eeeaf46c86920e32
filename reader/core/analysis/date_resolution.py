"""Resolve one date expression to a calendar value: pure Python, no spaCy, fully deterministic.

The caller (``dates.py``) finds the expressions and says which way the sentence points in time;
this module turns "Saturday", "last month", "March 26" or "the end of 2025" into a value with
its precision, relative to the publication date.

Conventions (news style):

- A bare weekday is the most recent one on or before the publication day ("on Saturday" in an
  article dated Monday 2025-03-17 is 2025-03-15; "on Monday" is the day itself), unless the
  tense is future or a present-tense schedule ("will meet on Tuesday", "opens on Tuesday":
  the next one on or after the publication day).
  "last Monday" is strictly before, "next Monday" strictly after.
- A month or month-day without a year takes the year that puts it nearest the publication
  date, or the latest one not after it (past tense), or the earliest one not before it
  (future tense).
- "last/next/this week" and other calendar references with no day, month or year precision
  ("the 1990s", "the weekend") are references with value None. Durations and windows measured
  from now ("two years", "a third day", "24 hours", "the coming months") are not references:
  ``resolve`` returns None for them and the caller drops them.
- "the end of 2025", "early March": the qualifier is dropped and the inner expression's value
  and precision are kept ("2025", year). A range keeps the value of its start.
- Without a publication date only expressions that carry their own year resolve
  ("March 26, 2025", "2023"); relative ones keep value None. The clock is never read:
  dateparser always gets an explicit RELATIVE_BASE.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from reader.core.model import Precision

Tense = Literal["past", "present", "future", "unknown"]
"""Which way the governing verb points. "present" (simple present) reads as a schedule for a
weekday ("the summit opens on Thursday") but as the nearest date otherwise (a caption:
"speaks during a debate on December 29")."""


@dataclass(frozen=True)
class Resolution:
    """A calendar reference: ``value`` matches ``precision``; both None when not computable."""

    value: str | None = None
    precision: Precision | None = None


UNRESOLVED = Resolution()

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
MONTH_NAME = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY_NAME = r"(?:" + "|".join(WEEKDAYS) + r")"
DAY_PART = r"(?:morning|afternoon|evening|night)"
NUMBER_WORDS = (
    r"(?:\d+(?:[.,]\d+)?|a|an|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty|fifty|sixty|hundred|a hundred|several|a few|few|many"
    r"|a couple of|couple of|dozens of|hundreds of|half an?|a half|\d+-)"
)
UNIT = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century)"

# Not calendar references: durations, ages, windows from now, ordinal periods, frequencies.
_APPROX = r"(?:about|around|nearly|almost|roughly|some|just|only|over|under|at least|at most"
_APPROX += r"|more than|less than|fewer than|up to|another|the|a|an|its|their|his|her|our|his)"
DURATION = re.compile(
    rf"^(?:{_APPROX}\s+)*(?:(?:next|past|last|first|coming|previous|following)\s+)?"
    rf"{NUMBER_WORDS}[\s-]*(?:and a half\s+)?{UNIT}s?(?:[\s-]+(?:old|long))?"
    r"(?:\s+(?:in a row|running|straight|on end))?$"
)
STORY_OFFSET = re.compile(
    rf"^(?:{_APPROX}\s+)*(?:{NUMBER_WORDS}[\s-]*)?{UNIT}s?\s+"
    rf"(?:later|earlier|before|after|afterwards|on|previously)$"
)
DAY_PART_ONLY = re.compile(
    r"^(?:the|that|at|by)?\s*(?:morning|afternoon|evening|night|nightfall|dawn|dusk"
    r"|daybreak|daytime|overnight|the night|the day|day|days)$"
)
CALENDAR_WORD = re.compile(
    rf"\b(?:{WEEKDAY_NAME}|{MONTH_NAME}|day|week|weekend|fortnight|month|year|decade|century"
    r"|quarter|season|spring|summer|autumn|fall|winter|christmas|easter|ramadan|eid|hanukkah"
    r"|diwali|thanksgiving|new year|halloween|today|tonight|tomorrow|yesterday|morning"
    r"|afternoon|evening|night)s?\b|\b(?:1[5-9]\d\d|20\d\d)s?\b|'\d0s"
)
AGE = re.compile(rf"\b{UNIT}s?[\s-]old\b|\baged\b")
WINDOW = re.compile(
    rf"^(?:the\s+)?(?:next|past|last|coming|previous|recent|following|upcoming)\s+"
    rf"(?:few\s+|several\s+|couple of\s+)?{UNIT}s$"
    rf"|^(?:recent|past|the past|the last|the next|the coming|in recent)\s+{UNIT}$"
    rf"|^{UNIT}s$|^(?:recent|many|several|a few|few)\s+{UNIT}s$"
)
ORDINAL_PERIOD = re.compile(
    rf"^(?:the|a|an|its|their|his|her|our)?\s*(?:\w+\s+)?"
    rf"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|\d+(?:st|nd|rd|th)"
    rf"|warmest|hottest|coldest|wettest|driest|best|worst|busiest|deadliest|same|whole|entire"
    rf"|full|calendar|fiscal|financial|school|academic|record|single)[\s-]+{UNIT}s?$"
)
# "those days", "other years", "a hot day", "a banner year": a kind of period, not a date.
GENERIC = re.compile(
    rf"^(?:those|these|other|some|many|most|all|both|each|such|a|an)\s+"
    rf"(?:[a-z'-]+\s+){{0,2}}{UNIT}s?$"
)
FREQUENCY = re.compile(
    r"^(?:daily|weekly|monthly|yearly|annual|annually|quarterly|biannual|overnight|nightly"
    r"|each (?:day|week|month|year)|every (?:\w+\s+)?(?:day|week|month|year)s?|a (?:day|week"
    r"|month|year)|per (?:day|week|month|year))$"
)
CLOCK = re.compile(r"\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\bnoon\b|\bmidnight\b|\bgmt\b")

LEADING = re.compile(
    r"^(?:on|in|at|since|by|until|till|from|for|during|before|after|around|as of|of|through|between"
    r"|throughout|earlier|later|as early as|as late as)\s+"
)
QUALIFIER = re.compile(
    r"^(?:(?:the\s+)?(?:very\s+)?(?:end|start|beginning|middle|close|turn|rest|remainder"
    r"|first half|second half|first quarter|second quarter|third quarter|fourth quarter"
    r"|spring|summer|autumn|fall|winter)\s+of\s+|early\s+|mid-?\s*|late\s+|earlier\s+|later\s+"
    r"|until\s+|through\s+|by\s+)"
)
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
    "the previous year": None,
    "the following year": None,
}
MONTH_WORDS = {
    "this month": 0,
    "the month": 0,
    "the current month": 0,
    "last month": -1,
    "next month": 1,
}


def normalise(text: str) -> str:
    """Lower-case, single spaces, curly apostrophes straightened, edge punctuation removed."""
    text = text.replace("’", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = " ".join(text.lower().split())
    return text.strip(" ,;:()\"'")


def is_excluded(text: str) -> bool:
    """True for durations, ages, windows, frequencies and clock times: not calendar dates."""
    key = LEADING.sub("", normalise(text))
    if DURATION.match(key) or WINDOW.match(key) or ORDINAL_PERIOD.match(key):
        return True
    if STORY_OFFSET.match(key) or DAY_PART_ONLY.match(key):
        return True
    if AGE.search(key) or FREQUENCY.match(key) or GENERIC.match(key):
        return True
    return bool(CLOCK.search(key)) and not _names_a_day(key)


def _names_a_day(key: str) -> bool:
    return bool(
        re.search(rf"\b{WEEKDAY_NAME}\b|\b(?:today|tonight|yesterday|tomorrow)\b", key)
        or re.search(rf"\b{MONTH_NAME}\s+\d", key)
    )


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
    if match := RELATIVE_UNIT.match(key):
        return _relative_unit(f"{match.group(1)} {match.group(2)}", match.group(2), published)
    if match := AGO.match(key):
        return _ago(key, match.group(1), match.group(2), published)
    if DECADE.match(key):
        return UNRESOLVED
    if ISO_DATE.match(key):
        return _absolute(key, published, tense)
    if (qualified := QUALIFIER.sub("", key, count=1)) != key:
        inner = resolve(qualified, published, tense, anchor)
        return inner if inner is not None else UNRESOLVED
    if " - " in key or re.search(r"\bto\b|\band\b|-", key):
        start = re.split(r"\s+-\s+|\s+to\s+|\s+and\s+|(?<=\w)-(?=\w)", key, maxsplit=1)[0]
        if start != key:
            inner = resolve(start, published, tense, anchor)
            return inner if inner is not None else UNRESOLVED
    result = _absolute(key, published, tense)
    # A candidate with no calendar word at all ("19", "los 19") is a number, not a date.
    return result if result != UNRESOLVED or CALENDAR_WORD.search(key) else None


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
        return _relative_unit(key, "year", published) if YEAR_WORDS[key] is not None else UNRESOLVED
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
    parsed = _read_month_day(key)
    if parsed is None:
        return UNRESOLVED
    year, month, day = parsed
    if year is not None:
        return _month(year, month) if day is None else _safe_day(year, month, day)
    if published is None:
        return UNRESOLVED
    year = choose_year(month, day, published, tense)
    return _month(year, month) if day is None else _safe_day(year, month, day)


def _read_month_day(key: str) -> tuple[int | None, int, int | None] | None:
    """(year or None, month, day or None) of "March 26, 2025", "26th of March", "Nov 6"..."""
    match = MONTH_FIRST.match(key) or DAY_FIRST.match(key)
    if match:
        day = int(match.group("day")) if match.group("day") else None
        year = int(match.group("year")) if match.group("year") else None
        return year, MONTHS[match.group("month").rstrip(".")], day
    if (numeric := AMBIGUOUS_NUMERIC.match(key)) and numeric.group(1) != numeric.group(2):
        return None  # 3/4/2025: March 4 in Washington, 3 April in London
    year = re.search(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)", key)
    if (
        year
        and OTHER_WITH_YEAR.match(key)
        and re.search(r"\d", key[: year.start()] + key[year.end() :])
    ):
        return _parse_with_year(key)
    return None


def choose_year(month: int, day: int | None, published: dt.date, tense: Tense) -> int:
    """The year for a month (and day) written without one, seen from ``published``.

    Past tense: the latest occurrence not after the publication date (same month counts);
    future: the earliest not before it; otherwise the nearest (ties go to the past).
    """
    here = (published.month, published.day if day is not None else 0)
    there = (month, day if day is not None else 0)
    before = published.year if there <= here else published.year - 1
    after = published.year if there >= here else published.year + 1
    if tense == "past":
        return before
    if tense == "future":
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
