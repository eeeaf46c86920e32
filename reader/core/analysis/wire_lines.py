"""Spans that wire copy gives by its form, before the model's: the ``date`` header, the
dateline's place and agency, a photo credit's agency and photographer.

Span conventions as in ``rules`` (docs/schema.md):

- the wire dateline ("BERLIN, Nov 6 (Reuters) -", "Kyiv • UNN") gives a place and an agency;
- nothing comes from a ``date YYYY-MM-DD`` header line if the text still has one.
"""

from __future__ import annotations

import re

HEADER = re.compile(r"\A\s*date\s+\d{4}-\d{2}-\d{2}\b")

# "BERLIN, Nov 6 (Reuters) -", "KYIV (UNN) —", "Kyiv • UNN"
_DATELINE_PAREN = re.compile(
    r"(?P<place>[A-Z][^\W\d_][^\n,()•·|]{0,38}?)\s*(?:,[^\n()]{0,40}?)?\s*"
    r"\((?P<agency>[A-Z][\w&.'’ -]{0,38}?)\)\s*[-–—]"
)
_DATELINE_BULLET = re.compile(
    r"(?P<place>[A-Z][^\W\d_][^\n,()•·|]{0,38}?)\s*[•·|]\s*(?P<agency>[A-Z][\w&.'’ -]{0,38}?)\s*$",
    re.MULTILINE,
)


def header_end(text: str) -> int:
    """End of a ``date YYYY-MM-DD`` header at the very start of ``text``, else 0."""
    match = HEADER.match(text)
    return match.end() if match else 0


def body_start(text: str) -> int:
    """Where the body's first line starts: after a ``date`` header's line and blank space
    (the end of ``text`` when the header is all of it)."""
    start = header_end(text)
    if start:
        newline = text.find("\n", start)
        start = len(text) if newline < 0 else newline + 1
    while start < len(text) and text[start].isspace():
        start += 1
    return start


# "KHAN YOUNIS, GAZA —", "WASHINGTON —": a dateline with no agency, in capitals.
_BARE_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?:, (?P<region>[A-Z][A-Z'’.-]+"
    r"(?: [A-Z][A-Z'’.-]+){0,3}))? [—–-]+ "
)


# "(AP Photo/Jane Doe)", "Reuters Photo/Ann Lee": an agency, the credit word, a photographer.
_PHOTO_CREDIT = re.compile(
    r"(?P<agency>[A-Z][\w&.]*(?: [A-Z][\w&.]*)?) (?:Photos?|Pool Photo|File Photo)/ ?"
    r"(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
)


def photo_credits(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(agency span, photographer span) of every photo credit: media named in credits are
    organizations and the photographer a person, though the model tags the whole credit ORG."""
    return [
        ((m.start("agency"), m.end("agency")), (m.start("name"), m.end("name")))
        for m in _PHOTO_CREDIT.finditer(text)
    ]


def bare_dateline(text: str) -> list[tuple[int, int]]:
    """Place spans (city, then region) of a capitals dateline with no agency at the start of
    the body ("KHAN YOUNIS, GAZA — The assault ..."), or []."""
    match = _BARE_DATELINE.match(text, body_start(text))
    if match is None:
        return []
    return [
        (start_, end_)
        for group in ("place", "region")
        if (start_ := match.start(group)) >= 0 and len(match.group(group)) >= 3
        for end_ in [match.end(group)]
    ]


def dateline(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(place span, agency span) of a wire dateline at the start of the body, or None.

    Only the first line after an optional header counts: a dateline is never mid-article.
    """
    start = body_start(text)
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[start:line_end]
    for pattern in (_DATELINE_PAREN, _DATELINE_BULLET):
        match = pattern.match(line)
        if match:
            return (
                (start + match.start("place"), start + match.end("place")),
                (start + match.start("agency"), start + match.end("agency")),
            )
    return None
