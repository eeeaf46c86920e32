"""Surface patterns for date expressions the small spaCy model can miss. Pure Python.

spaCy's DATE entities are the main source; these patterns are the safety net for weekdays,
"last week", "next month", month names with or without a day or year, "in 2023", wire
datelines ("BERLIN, Nov 6 (Reuters) -"), "tomorrow", "tonight", "the end of 2025" and a year
that modifies a noun after a determiner ("a 2022 Senate run"). A
leading preposition is context, never part of the span. The caller drops hits that fall inside
a name (a person called May, an organisation named after a month).
"""

from __future__ import annotations

import bisect
import re
from typing import TypeVar

# (start, end, ...) items: whatever follows the span travels along untouched.
T = TypeVar("T", bound=tuple[int, int, *tuple[object, ...]])

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_QUALIFIER = (
    r"(?:(?:the\s+)?(?i:end|start|beginning|middle|close|turn|spring|summer|autumn|fall|winter"
    r"|first half|second half|first quarter|second quarter|third quarter|fourth quarter)\s+of\s+"
    r"|(?i:early|late)\s+|(?i:mid)-\s*)?"
)
_PREP = r"(?i:in|since|by|until|till|from|for|of|during|before|after|through|to|between|and)"
_DETERMINER = r"(?i:a|the|his|her|their|its|our|my|your|this|that)"
_NUM = r"(?:\d+|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty))"

PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        # "Monday, March 17, 2025", "March 26", "26 March 2025", "Nov 6", "March 2024"
        rf"\b{_QUALIFIER}(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?",
        rf"\b{_QUALIFIER}(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH_FULL}\b"
        rf"(?:,?\s+{_YEAR}\b)?",
        rf"\b{_QUALIFIER}{_MONTH_FULL}\s+{_YEAR}\b",
        # a bare month needs a preposition or qualifier before it ("in March", "since May")
        rf"\b{_PREP}\s+(?P<d>{_QUALIFIER}{_MONTH_FULL})\b(?!\s+\d)",
        rf"\b(?:(?i:early|late)\s+|(?i:mid)-\s*){_MONTH_FULL}\b(?!\s+\d)",
        # weekdays, with "last", "next", "this" and a part of the day
        rf"\b(?:(?i:last|next|this|this past|this coming|past|coming)\s+)?"
        rf"{_WEEKDAY}\b(?!s){_DAY_PART}",
        # "on Thursday last" (not "Thursday last week", which is a day of that week)
        rf"\b{_WEEKDAY}\s+last\b(?!\s+(?:week|weekend|month|year|night|time)\b)",
        # "last February", "this March", "next May"
        rf"\b(?i:last|next|this)\s+{_MONTH_FULL}\b(?!\s+\d)",
        # deictic words
        r"\b(?i:today|tonight|tomorrow|yesterday)\b(?:\s+(?:morning|afternoon|evening|night))?",
        r"\b(?i:this|last)\s+(?:morning|afternoon|evening|night)\b",
        # relative calendar units
        r"\b(?:(?i:earlier|later)\s+)?(?i:last|next|this)\s+(?:week|weekend|month|year)\b",
        rf"\b{_NUM}\s+(?:day|week|month|year)s?\s+ago\b",
        r"\b(?:the\s+)?(?i:end|start|beginning|middle)\s+of\s+(?:the|this|next|last)\s+"
        r"(?:year|month)\b",
        # years and decades
        rf"\b{_PREP}\s+(?P<d>{_QUALIFIER}{_YEAR})\b(?![-/.,]?\d)",
        rf"\b(?:(?i:early|late)\s+|(?i:mid)-\s*){_YEAR}\b",
        # a year modifying a noun after a determiner: "a 2022 Senate run", "his 2016 campaign"
        rf"\b{_DETERMINER}\s+(?P<d>{_YEAR})(?=\s+[A-Za-z])",
        r"\b(?:the\s+)?(?:1[89]\d0|20\d0)s\b",
        r"\b\d{4}-\d{2}-\d{2}\b",
    )
)


def _span(match: re.Match[str]) -> tuple[int, int]:
    """The expression itself: group "d" where the pattern needs context before it."""
    return match.span("d") if "d" in match.re.groupindex else match.span()


# What every hit of each pattern contains (``NEEDS[i]`` for ``PATTERNS[i]``), so that a stretch
# of text without it is never scanned by that pattern: eighteen scans of every character were a
# third of the article-wide pass. Case matters as in the pattern ("today" is case-insensitive).
_NEED = {
    "month or abbreviation": re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"),
    "month": re.compile(_MONTH_FULL),
    "weekday": re.compile(_WEEKDAY),
    "deictic": re.compile(r"(?i:to(?:day|night|morrow)|yesterday)"),
    "day part": re.compile(r"morning|afternoon|evening|night"),
    "unit": re.compile(r"week|month|year"),
    "ago": re.compile(r"ago"),
    "year": re.compile(_YEAR),
    "digit": re.compile(r"\d"),
}
NEEDS: tuple[str, ...] = (
    "month or abbreviation", "month", "month", "month", "month", "weekday", "weekday", "month",
    "deictic", "day part", "unit", "ago", "unit", "year", "year", "year", "year", "digit",
)  # fmt: skip
assert len(NEEDS) == len(PATTERNS), "one needed word kind per pattern"

_BARRIER = re.compile(r"[^\w\s,.\-/]")
"""Characters no pattern reads, not even in a lookahead, and not word characters (so ``\\b``
sees one as it sees the text's end): a hit never spans one, and a pattern run between two
of them finds exactly the hits a run over the whole text finds there."""
_GAP = 200
"""Stretches closer than this are scanned as one (fewer calls; still cut at barriers)."""


def _stretches(text: str, kind: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Ranges, cut at barriers (``cuts``), holding every occurrence of ``kind``'s words."""
    ranges: list[tuple[int, int]] = []
    need = _NEED[kind]
    # the next search starts at the end of the stretch found (a barrier: no needed word
    # holds one), so the words inside a stretch are not matched one by one
    match = need.search(text)
    while match is not None:
        i = bisect.bisect_right(cuts, match.start())
        start = cuts[i - 1] + 1 if i else 0
        end = cuts[i] if i < len(cuts) else len(text)
        if ranges and start - ranges[-1][1] < _GAP:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
        match = need.search(text, end)
    return ranges


def find_date_phrases(text: str) -> list[tuple[int, int]]:
    """(start, end) of every pattern hit, the longest where hits overlap, in text order.

    Each pattern runs only over the stretches between barriers that hold the words it needs:
    the same hits as running it over the whole text.
    """
    cuts = [m.start() for m in _BARRIER.finditer(text)]
    stretches = {kind: _stretches(text, kind, cuts) for kind in _NEED}
    hits = {
        _span(m)
        for pattern, kind in zip(PATTERNS, NEEDS, strict=True)
        for start, end in stretches[kind]
        for m in pattern.finditer(text, start, end)
    }
    return keep_longest(list(hits), len(text))


def keep_longest(items: list[T], size: int) -> list[T]:
    """Among overlapping (start, end, ...) items keep the longest (ties: the earliest).

    Linear in the text: taken characters are marked in a bytearray, not compared pairwise.
    """
    taken = bytearray(size + 1)
    kept = []
    for item in sorted(items, key=lambda i: (i[0] - i[1], i[0])):
        start, end = item[0], item[1]
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\x01" * (end - start)
            kept.append(item)
    return sorted(kept, key=lambda i: i[0])
