"""What a date's neighbours tell about it, once every expression has a first value. Pure Python.

``dates.find_dates`` resolves each expression on its own (``date_resolution``); these passes
then read the expressions beside it, in the words of a careful reader:

- Overlapping candidates: one with a calendar value beats one without, then the longest
  ("postponed by three weeks April 28, 2022": the date, not "three weeks April 28").
- A month or day written without a year takes the one year its clause named before it
  ("In the summer of 2004, he announced a resignation in mid-August": August 2004).
- A range gives both ends (``date_ranges``: "June 6-10" -> "June 6" and "10").
- A weekday in apposition to a dated day is that day when the calendar agrees ("on Dec. 18, a
  Wednesday"), not the Wednesday nearest to publication.
- Days of one sentence written without a year are one timeline: a day more than half a year
  from the day before it in its sentence takes the year that brings it nearest ("published on
  Dec. 19, ahead of the deadline on Dec. 20": one December, whatever verb the parser hung the
  second on).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from reader.core.analysis.date_patterns import keep_longest
from reader.core.analysis.date_ranges import split_range, valid_day
from reader.core.analysis.date_resolution import Resolution
from reader.core.analysis.date_words import MONTH_NAME, WEEKDAY_NAME, WEEKDAYS
from reader.core.model import DateMention

Resolved = tuple[int, int, Resolution]

_HAS_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")
_NAMES_MONTH = re.compile(rf"(?i)\b{MONTH_NAME}")
_RELATIVE_WORD = re.compile(r"(?i)\b(?:last|next|this)\b")
_APPOSITION = re.compile(r",\s*(?:a\s+|which was\s+)?|\s*\((?:a\s+)?")
_BARE_WEEKDAY = re.compile(rf"(?i)^{WEEKDAY_NAME}$")


def prefer_values(resolved: list[Resolved], size: int) -> list[Resolved]:
    """One candidate per stretch of text: valued ones first, each the longest of its overlap."""
    valued = keep_longest([r for r in resolved if r[2].value is not None], size)
    taken = bytearray(size + 1)
    for start, end, _ in valued:
        taken[start:end] = b"\x01" * (end - start)
    rest = [r for r in resolved if r[2].value is None and taken.find(1, r[0], r[1]) < 0]
    return sorted(valued + keep_longest(rest, size), key=lambda r: r[0])


def with_clause_year(
    text: str, resolved: list[Resolved], clause_of: Callable[[int, int], int | None]
) -> list[Resolved]:
    """Year-less months and days dated by the one year named earlier in their clause.

    ``clause_of(start, end)`` identifies the clause of an expression (its governing verb):
    in "The deal, signed in 2015, expires in October" the year is another clause's.
    """
    years: dict[int, set[str]] = {}  # clause -> explicit years seen so far
    out = []
    for start, end, result in sorted(resolved, key=lambda r: r[0]):
        expression = text[start:end]
        explicit = _HAS_YEAR.findall(expression)
        candidate = (
            result.precision in ("month", "day")
            and result.value
            and _NAMES_MONTH.search(expression)
            and not _RELATIVE_WORD.search(expression)
        )
        clause = clause_of(start, end) if explicit or candidate else None
        if clause is not None:
            seen = years.setdefault(clause, set())
            if explicit:
                seen.update(explicit)
            elif len(seen) == 1:
                dated = Resolution(next(iter(seen)) + (result.value or "")[4:], result.precision)
                if dated.precision == "month" or valid_day(dated.value or ""):
                    result = dated
        out.append((start, end, result))
    return out


def range_ends(
    text: str, item: Resolved, resolve_words: Callable[[str], Resolution | None]
) -> list[Resolved]:
    """A range as its two ends, when both resolve (``resolve_words`` reads one end's words)."""
    start, end, _ = item
    ends = split_range(text, start, end)
    if ends is None:
        return [item]
    parts = []
    for part in ends:
        result = resolve_words(part.words)
        if result is None or result.value is None:
            return [item]
        parts.append((part.start, part.end, result))
    return parts


def weekdays_in_apposition(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` (in order) with each weekday in apposition to a dated day set to it."""
    for index in range(1, len(mentions)):
        day, weekday = mentions[index - 1], mentions[index]
        if day.precision != "day" or not day.value or not _BARE_WEEKDAY.match(weekday.text):
            continue
        if not _APPOSITION.fullmatch(text[day.end : weekday.start]):
            continue
        if WEEKDAYS[dt.date.fromisoformat(day.value).weekday()] == weekday.text.lower():
            mentions[index] = DateMention(
                weekday.start, weekday.end, weekday.text, day.value, "day"
            )
    return mentions


HALF_YEAR_DAYS = 183


def sentence_timeline(
    text: str, mentions: list[DateMention], sentence_of: Callable[[int], int]
) -> list[DateMention]:
    """``mentions`` (in order) with year-less days kept near the year-less day before them in
    their sentence (``sentence_of(offset)`` numbers sentences)."""
    previous: DateMention | None = None
    for index, mention in enumerate(mentions):
        if not _yearless_day(text, mention):
            continue
        if previous is not None and sentence_of(previous.start) == sentence_of(mention.start):
            mentions[index] = _nearest_year(mention, dt.date.fromisoformat(previous.value or ""))
        previous = mentions[index]
    return mentions


def _yearless_day(text: str, mention: DateMention) -> bool:
    expression = text[mention.start : mention.end]
    return (
        mention.precision == "day"
        and bool(mention.value)
        and bool(_NAMES_MONTH.search(expression))
        and not _HAS_YEAR.search(expression)
        and not _RELATIVE_WORD.search(expression)
    )


def _nearest_year(mention: DateMention, reference: dt.date) -> DateMention:
    """The mention moved by a year when that brings it within half a year of ``reference``."""
    day = dt.date.fromisoformat(mention.value or "")
    if abs((day - reference).days) <= HALF_YEAR_DAYS:
        return mention
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            moved = day.replace(year=year)
        except ValueError:
            continue  # February 29
        if abs((moved - reference).days) <= HALF_YEAR_DAYS:
            return DateMention(
                mention.start, mention.end, mention.text, moved.isoformat(), mention.precision
            )
    return mention
