"""Date, headline, place and agency written in the text itself.

Two conventions are read:

- the sample header, a first line ``date YYYY-MM-DD <headline>`` (leading white space allowed):
  it gives ``published`` and ``title`` and is removed from the text (it is file metadata, not
  article content);
- a wire dateline, either a line of its own ("Kyiv • UNN") or the start of the first paragraph
  ("KYIV, March 16 (Reuters) - ..."). It gives ``dateline`` (the place), ``site`` (the agency)
  and, when it names a year, ``published``. The dateline is visible article content, so it stays
  in the text; a dateline line of its own becomes a block of kind "dateline".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(\S.*?)\s*$")

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WORD = r"[A-Z][\w'’.\-]*"
_PLACE = rf"{_WORD}(?:[ \-]{_WORD}){{0,3}}"
INLINE = re.compile(
    rf"^(?P<place>{_PLACE})"
    rf"(?:,\s*(?P<region>{_WORD}(?: {_WORD}){{0,2}}))??"
    rf"(?:,\s*(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?)?"
    r"\s*(?:\((?P<agency>[A-Z][\w&.'’\- ]{0,30})\))?"
    r"(?:\s*[-–—]+\s+|(?<=\))(?=\S))(?=\S)"
)
WRITTEN_DATE = re.compile(
    rf"^(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH}),?\s+(?P<year2>\d{{4}}))$"
)
STANDALONE = re.compile(
    rf"^(?P<place>{_PLACE})\s*[•·|]\s*(?P<agency>[A-Z][\w&.'’\- ]{{0,30}}?)\s*$"
)


@dataclass(frozen=True)
class Header:
    """The sample's first line: publication date and headline."""

    published: dt.date
    title: str


@dataclass(frozen=True)
class Dateline:
    """A wire dateline found at the start of the article.

    Attributes:
        place: where the story was filed, in ordinary capitals ("Kyiv", "New York").
        agency: the news agency, as written ("Reuters", "UNN"), or None.
        month, day, year: the date it names, any part possibly None.
        standalone: the dateline is a line of its own rather than the start of a paragraph.
    """

    place: str
    agency: str | None
    month: int | None
    day: int | None
    year: int | None
    standalone: bool

    @property
    def date(self) -> dt.date | None:
        """The full date, when the dateline names year, month and day and they are valid."""
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


def split_header(text: str) -> tuple[Header | None, str]:
    """The sample header of ``text`` (if its first line is one) and the text after it."""
    first, newline, rest = text.partition("\n")
    match = HEADER.match(first)
    if not match:
        return None, text
    try:
        published = dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None, text
    return Header(published, match.group(2)), rest if newline else ""


def find_dateline(text: str) -> Dateline | None:
    """The wire dateline that ``text`` (one block) is or starts with, or None."""
    if len(text) <= 60 and (match := STANDALONE.match(text)):
        return Dateline(_ordinary_case(match["place"]), match["agency"], None, None, None, True)
    match = INLINE.match(text)
    if not match:
        return None
    place = match["place"]
    evidence = match["agency"] or match["month"] or (match["region"] and place.isupper())
    if not evidence or not (place.isupper() or match["agency"]):
        return None
    month = _MONTHS[match["month"][:3].lower()] if match["month"] else None
    return Dateline(
        place=_ordinary_case(place),
        agency=match["agency"],
        month=month,
        day=int(match["day"]) if match["day"] else None,
        year=int(match["year"]) if match["year"] else None,
        standalone=False,
    )


def written_date(text: str) -> dt.date | None:
    """The calendar day ``text`` is, written "2021-07-15", "July 15, 2021" or "15 July 2021"."""
    match = WRITTEN_DATE.match(text.strip())
    if not match:
        return None
    try:
        if match["iso"]:
            return dt.date.fromisoformat(match["iso"])
        month = match["month"] or match["month2"]
        day = match["day"] or match["day2"]
        year = match["year"] or match["year2"]
        return dt.date(int(year), _MONTHS[month[:3].lower()], int(day))
    except ValueError:
        return None


def _ordinary_case(place: str) -> str:
    """ "NEW YORK" -> "New York"; a place already in mixed case is kept as written."""
    if not place.isupper():
        return place
    return "-".join(
        " ".join(word.capitalize() for word in chunk.split(" ")) for chunk in place.split("-")
    )
