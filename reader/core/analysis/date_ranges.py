"""Date ranges cut into their two ends: "June 6-10", "from May 2021 to June 2022". Pure text.

A range names two calendar values, and a reader looking for either finds it: so the range
becomes two date mentions, each with the words the text gives it ("June 6" and "10"). An end
that leaves out what the other end says is completed from it before it is resolved: a bare day
takes the month (and year) of the start ("June 6-10" -> June 10), a start without a year takes
the year of the end ("between January and April 3, 2025"). The caller keeps the cut only when
both ends resolve to a value, so "mid-August" or "2020-21" stay as they are; a start with no
month, weekday or number is no end at all ("the year to February" is a period ending then).

A range found as two expressions ("from Monday to Thursday", "between January and April 3") has
its ends resolved one by one; a range runs forwards, so when they come out inverted one end moves
by a week (a weekday) or a year (a day or month written without one): the start back when the
end is already past ("talks were held from Monday to Thursday", written on a Wednesday, ran from
the Monday of the week before), else the end forward.

A range written day first ("3-10 March", "between 3 and 10 March", "from 3 to 10 April") is
found by its end only (the bare number before it names no month): the number is the start, a
day of the end's month. Only a dash joins the two numbers alone; "to" or "and" make a range
only after "from" or "between", since a quantity moves "to" a date too ("rose by 5 to 11
March", "fell 3 to 10 April").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from reader.core.analysis.date_words import MONTH_NAME, WEEKDAY_NAME
from reader.core.model import DateMention

_LEAD = re.compile(r"(?i)^(?:from|between)\s+")
_SEPARATOR = re.compile(r"\s*[-–—]\s*|\s+(?i:to|until|till|through|and)\s+")
_NUMERIC = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")
_BARE_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?(?P<year>,?\s+\d{4})?$")
_MONTH = re.compile(rf"(?i)\b{MONTH_NAME}")
_WEEKDAY = re.compile(rf"(?i)\b{WEEKDAY_NAME}\b")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_RANGE_LEAD = re.compile(r"(?i)\b(from|between)\s+$")
_DAY_BEFORE = re.compile(
    r"(?i)(?<![\w.,£$€%])(\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–]|\s(?:to|until|till|through|and))\s*$"
)
_DAY_FIRST = re.compile(rf"(?i)^(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH_NAME}")


class RangeEnd(NamedTuple):
    """One end of a range: its offsets in the text and the words to resolve it by."""

    start: int
    end: int
    words: str


def split_range(text: str, start: int, end: int) -> tuple[RangeEnd, RangeEnd] | None:
    """The two ends of the range ``text[start:end]``, or None when it is not a range."""
    phrase = text[start:end]
    if _NUMERIC.match(phrase.strip()):
        return None  # 2025-03-17, 17/03/2025: one date
    lead = _LEAD.match(phrase)
    offset = start + (lead.end() if lead else 0)
    body = text[offset:end]
    separator = _SEPARATOR.search(body)
    if separator is None or separator.start() == 0 or separator.end() == len(body):
        return None
    left, right = body[: separator.start()], body[separator.end() :]
    if not (_MONTH.search(left) or _WEEKDAY.search(left) or re.search(r"\d", left)):
        return None  # "the year to February" is a period ending then, not a range
    left_words, right_words = left, right
    bare = _BARE_DAY.match(right)
    if bare:
        month = _MONTH.search(left)
        if month is None:
            return None
        year = bare.group("year") or _year_of(left)
        right_words = f"{month.group()} {bare.group(1)}" + (f", {year.strip(', ')}" if year else "")
    if _YEAR.search(left) is None and (year := _year_of(right)):
        left_words = f"{left} {year}" if _MONTH.fullmatch(left.strip()) else f"{left}, {year}"
    return (
        RangeEnd(offset, offset + len(left), left_words),
        RangeEnd(offset + separator.end(), end, right_words),
    )


def _year_of(words: str) -> str | None:
    match = _YEAR.search(words)
    return match.group() if match else None


def ordered_ends(
    text: str, mentions: list[DateMention], published: dt.date | None
) -> list[DateMention]:
    """``mentions`` (in order) with the two ends of each range put in order (module docstring)."""
    for index in range(1, len(mentions)):
        first, last = mentions[index - 1], mentions[index]
        if not _joined_as_range(text, first, last) or not _inverted(first, last):
            continue
        past = published is not None and (last.value or "") <= published.isoformat()
        moved = _shifted(first, -1) if past else _shifted(last, 1)
        if moved is None:
            continue
        pair = (moved, last) if past else (first, moved)
        if not _inverted(*pair):
            mentions[index - 1], mentions[index] = pair
    return mentions


def _joined_as_range(text: str, first: DateMention, last: DateMention) -> bool:
    """'from X to Y', 'between X and Y', 'X-Y': two expressions naming one range."""
    gap = text[first.end : last.start]
    if not _SEPARATOR.fullmatch(gap):
        return False
    word = gap.strip().lower()
    if word in ("-", "–", "—"):
        return True
    lead = _range_lead(text, first.start)
    return lead is not None and (word != "and" or lead.group(1).lower() == "between")


def _range_lead(text: str, at: int) -> re.Match[str] | None:
    """The "from" or "between" right before offset ``at`` that opens a range, if any."""
    return _RANGE_LEAD.search(text[max(0, at - 12) : at])


def _inverted(first: DateMention, last: DateMention) -> bool:
    if not first.value or not last.value:
        return False
    length = min(len(first.value), len(last.value))
    return first.value[:length] > last.value[:length]


def _shifted(mention: DateMention, step: int) -> DateMention | None:
    """``mention`` a week (a weekday) or a year (no year written) later (step 1) or earlier."""
    value, precision = mention.value or "", mention.precision
    if _YEAR.search(mention.text):
        return None  # the year is written: it stays
    if precision == "day" and not re.search(r"\d", mention.text):
        day = dt.date.fromisoformat(value) + dt.timedelta(days=7 * step)
        return DateMention(mention.start, mention.end, mention.text, day.isoformat(), precision)
    if precision in ("day", "month"):
        year = int(value[:4]) + step
        shifted = f"{year:04d}{value[4:]}"
        if precision == "day" and not valid_day(shifted):
            return None
        return DateMention(mention.start, mention.end, mention.text, shifted, precision)
    return None


def valid_day(value: str) -> bool:
    """True when ``value`` is a calendar day in ISO form ("2025-02-29" is not)."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def day_first_starts(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """The bare day opening a day-first range before each mention that ends one ("3" of
    "3-10 March": the 3rd of March), as new mentions (module docstring)."""
    found = []
    for mention in mentions:
        day = _DAY_FIRST.match(mention.text)
        if day is None or mention.precision != "day" or not mention.value:
            continue
        before = _DAY_BEFORE.search(text, max(0, mention.start - 16), mention.start)
        if before is None or not 0 < int(before.group(1)) < int(day.group(1)):
            continue
        joined_by_word = not before.group(0).rstrip().endswith(("-", "–"))
        if joined_by_word and _range_lead(text, before.start(1)) is None:
            continue  # "rose by 5 to 11 March": a quantity, not a range's start
        if any(m.start < before.end(1) and before.start(1) < m.end for m in mentions):
            continue  # the number is already read as a date of its own
        value = f"{mention.value[:8]}{int(before.group(1)):02d}"
        found.append(DateMention(before.start(1), before.end(1), before.group(1), value, "day"))
    return sorted(mentions + found, key=lambda m: m.start)
