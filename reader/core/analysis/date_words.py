"""The words of date expressions, and which expressions are not dates at all. Pure Python.

Shared by the resolver (``date_resolution``) and the spaCy side (``dates``): month and weekday
names, number words and units, and the patterns that tell a calendar reference ("last
year") from a duration, an age, a window from now, a generic period or a clock time ("two
years", "65 years old", "the coming months", "a banner year", "10 a.m.").
"""

from __future__ import annotations

import re

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
# Counted from a time the story has set, not from publication: "hours later", "the
# following day", "that week". The mention the story anchored on already carries the date.
STORY_OFFSET = re.compile(
    rf"^(?:{_APPROX}\s+)*(?:{NUMBER_WORDS}[\s-]*)?{UNIT}s?\s+"
    rf"(?:later|earlier|before|after|afterwards|on|previously)$"
    rf"|^the\s+(?:following|previous|preceding|next|prior|same)\s+"
    rf"(?:{UNIT}|morning|afternoon|evening)$"
    rf"|^(?:(?:earlier|later)\s+)?(?:that|the same)\s+(?:{UNIT}|morning|afternoon|evening)$"
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
    rf"^(?:those|these|other|another|some|many|most|all|both|each|such|a|an)\s+"
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
