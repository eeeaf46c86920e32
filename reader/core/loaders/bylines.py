"""Bylines: the "By Maria Lopez" line under a headline, and the prefixes a byline drops."""

from __future__ import annotations

import re

BYLINE_PREFIX = re.compile(r"^(?:view all posts by|posted by|written by|by)\s+", re.IGNORECASE)
BYLINE_LINE = re.compile(r"^by\s+(?P<name>[A-Z][^.!?;:]{1,78}?)\s*$", re.IGNORECASE)
LINKING_WORDS = {"and", "&", "of", "de", "van", "von", "der", "da", "in", "for", "the"}
MAX_BYLINE_CHARS = 80


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
