"""Bylines: the "By Maria Lopez" line under a headline, and the prefixes a byline drops."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reader.core.loaders.datelines import written_date

BYLINE_PREFIX = re.compile(r"^(?:view all posts by|posted by|written by|by)\s+", re.IGNORECASE)
BYLINE_LINE = re.compile(r"^by\s+(?P<name>[A-Z][^.!?;:]{1,78}?)\s*$", re.IGNORECASE)
LINKING_WORDS = {"and", "&", "of", "de", "van", "von", "der", "da", "in", "for", "the"}
MAX_BYLINE_CHARS = 80
MAX_CREDIT_CHARS = 120
CREDIT_SEPARATOR = re.compile(
    r"\s+[-—–|·•]\s+|\s*,\s+(?=(?:first\s+)?(?:published|updated|posted)\b)", re.I
)
DATE_WORDS = re.compile(
    r"^(?:(?:first\s+)?(?:published|updated|posted)(?:\s+on)?|on)\s*:?\s*", re.I
)


@dataclass(frozen=True)
class Credit:
    """A credit line: who wrote the article and, when the line says, on which day."""

    byline: str
    published: dt.date | None


def find_byline(line: str) -> str | None:
    """The author named by a line of its own such as "By Maria Lopez", else None.

    The names after "By" must be mostly capitalised words, so a sentence that happens to start
    with "By" ("By Monday, the talks had ended") is not taken for a byline.
    """
    if len(line) > MAX_BYLINE_CHARS:
        return None
    match = BYLINE_LINE.match(line)
    if not match:
        return None
    name = match["name"].rstrip(",")
    words = [word for word in re.split(r"[\s,]+", name) if word]
    named = [word for word in words if word.lower() not in LINKING_WORDS]
    if not named or any(not word[:1].isupper() for word in named):
        return None
    return name


def find_credit(line: str) -> Credit | None:
    """The credit a line of its own gives: "By Jane Doe", "By Jane Doe — published 2021-07-15",
    "By Jane Doe | July 15, 2021"; None for anything else (a byline followed by other words)."""
    if len(line) > MAX_CREDIT_CHARS:
        return None
    head, *rest = CREDIT_SEPARATOR.split(line, maxsplit=1)
    byline = find_byline(head)
    if byline is None:
        return None
    if not rest:
        return Credit(byline, None)
    published = written_date(DATE_WORDS.sub("", rest[0]))
    return Credit(byline, published) if published else None
