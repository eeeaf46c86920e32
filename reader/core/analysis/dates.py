"""Date expressions in a parsed article, resolved against the publication date.

Where the expressions come from: spaCy's DATE and TIME entities, plus the surface patterns of
``date_patterns`` for what the small model misses; overlapping candidates keep the longest
that is a calendar reference. What each one means: ``date_resolution`` (pure, no spaCy),
given the tense of the governing verb from the dependency parse ("will meet on Monday" looks
forward, "met on Monday" back).

Kept and dropped (the schema's ``dates`` list):

- Kept: every calendar reference, with a value where one can be computed ("Saturday",
  "last year", "March 26", "the end of 2025" -> "2025", wire datelines "Nov 6"). References with
  no day, month or year precision ("last week", "the 1990s", "election day") are kept with
  value and precision None, and so are relative ones when the publication date is unknown.
- Dropped: durations, ages and windows that are not calendar references ("two years",
  "a third day", "24 hours", "the coming months", "the warmest year"), and clock times.
- Ranges ("March 3-5") keep the value of their start.
- "election day" (and polling, voting, referendum, inauguration day) takes the one day the
  article names in a sentence about that event ("will elect a new parliament on October 26").
- "today", "tonight", "tomorrow", "yesterday" inside a direct quote count from the day the
  words were spoken: a day named in the same sentence outside the quote, else the last day
  the story has named before the quote, else the publication date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from typing import Any

from reader.core.analysis.date_patterns import find_date_phrases, overlaps_sorted
from reader.core.analysis.date_resolution import (
    DEICTIC,
    DEICTIC_TAIL,
    Resolution,
    Tense,
    normalise,
    resolve,
)
from reader.core.model import DateMention

DATE_LABELS = frozenset({"DATE", "TIME"})
# A pattern hit inside one of these is part of a name ("Theresa May", "March of Dimes").
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"}
)
FUTURE_AUX = frozenset({"will", "'ll", "wo", "shall", "would", "'d", "should", "may", "might"})
PAST_AUX = frozenset({"have", "has", "had", "'ve", "was", "were", "been"})
PROGRESSIVE_PRESENT = frozenset({"is", "are", "am", "'s", "'re"})
# Words that make what follows a plan: "due to present", "planned for", "invited to join".
FUTURE_CUES = frozenset(
    {
        "due", "planned", "scheduled", "expected", "set", "slated", "upcoming", "forthcoming",
        "going", "plans", "plan", "intends", "aims", "hopes", "wants", "invited", "asked",
        "agreed", "promised", "pledged", "vowed", "threatened", "likely", "poised", "ready",
        "prepared", "preparing", "next",
    }
)  # fmt: skip
REPORTING = frozenset(
    {"say", "says", "tell", "tells", "add", "adds", "argue", "argues", "note", "notes", "write",
     "writes", "warn", "warns", "claim", "claims", "report", "reports", "insist", "insists"}
)  # fmt: skip
INHERITING_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "ccomp", "acl", "relcl"})
DATELINE = re.compile(r"^[A-Z][A-Za-z .'\-]+,\s+[^\n]{1,40}\([^)\n]{1,40}\)\s*[-–—]*\s*$")
EDGE_WORDS = re.compile(r"^(?:on|in|at|since|by|until|from|for|during|of)\s+", re.IGNORECASE)
EVENT_STEMS = {
    "election": "elect", "polling": "(?:poll|vot|elect)", "voting": "(?:vot|elect|poll)",
    "referendum": "referend", "inauguration": "inaugur",
}  # fmt: skip
EVENT_DAY = re.compile(r"(?:the\s+)?(election|polling|voting|referendum|inauguration)\s+day")
QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"'}
_OPENING_MARK = re.compile("[" + re.escape("".join(QUOTE_PAIRS)) + "]")


def find_dates(doc: Any, published: dt.date | None) -> list[DateMention]:
    """Date expressions in ``doc``; relative ones resolved only when ``published`` is known."""
    text = doc.text
    quotes = quote_spans(text)
    resolved: list[tuple[int, int, Resolution]] = []
    deictic_in_quote: list[tuple[int, int]] = []
    for start, end in _candidates(doc):
        expression = text[start:end]
        if _is_deictic(expression) and _inside(start, end, quotes):
            deictic_in_quote.append((start, end))
            continue
        tense = "unknown" if _in_dateline(text, start) else governing_tense(doc, start, end)
        result = resolve(expression, published, tense)
        if result is not None:
            resolved.append((start, end, result))
    for start, end in deictic_in_quote:
        anchor = speech_day(doc, start, resolved, quotes, published)
        result = resolve(text[start:end], published, "unknown", anchor)
        if result is not None:
            resolved.append((start, end, result))
    kept = [_event_day(doc, text, item, resolved) for item in _longest(resolved)]
    mentions = [
        DateMention(start, end, text[start:end], result.value, result.precision)
        for start, end, result in kept
    ]
    return sorted(mentions, key=lambda m: m.start)


def _event_day(
    doc: Any,
    text: str,
    item: tuple[int, int, Resolution],
    resolved: list[tuple[int, int, Resolution]],
) -> tuple[int, int, Resolution]:
    """An "election day" is the day the article gives for the election ("elect ... on Oct 26").

    Only for a few scheduled public events, and only when a sentence that names the event
    (by the stem of its word) also names exactly one calendar day. ``text`` is ``doc.text``,
    passed in because spaCy rebuilds it on every access (once per date made this quadratic).
    """
    start, end, result = item
    match = EVENT_DAY.fullmatch(normalise(text[start:end]))
    if result.value is not None or match is None:
        return item
    stem = EVENT_STEMS[match.group(1)]
    for sent in doc.sents:
        if sent.start_char <= start < sent.end_char or not re.search(
            rf"\b{stem}", sent.text, re.IGNORECASE
        ):
            continue
        days = {
            r.value
            for s, _, r in resolved
            if r.precision == "day"
            and sent.start_char <= s < sent.end_char
            and not _in_dateline(text, s)
        }
        if len(days) == 1:
            return start, end, Resolution(days.pop(), "day")
    return item


def _candidates(doc: Any) -> list[tuple[int, int]]:
    """Trimmed spans from DATE/TIME entities and from the patterns, overlaps included."""
    text = doc.text
    spans: set[tuple[int, int]] = set()
    for ent in doc.ents:
        if ent.label_ in DATE_LABELS:
            spans.update(_split_entity(text, ent.start_char, ent.end_char))
    names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NAME_LABELS]
    for start, end in find_date_phrases(text):
        if not overlaps_sorted(names, start, end):
            spans.add((start, end))
    return sorted(spans)


def _split_entity(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An entity cut at commas that join two expressions ("Sunday, two years"), then trimmed.

    A comma before a year ("March 26, 2025") or after a weekday before a month
    ("Monday, March 17") stays inside one expression.
    """
    parts: list[tuple[int, int]] = []
    cursor = start
    for match in re.finditer(r",\s*", text[start:end]):
        cut, after = start + match.start(), start + match.end()
        before_text, after_text = text[cursor:cut], text[after:end]
        if re.match(r"\d{4}\b", after_text) or (
            re.fullmatch(r"[A-Z][a-z]+day", before_text.strip())
            and re.match(r"[A-Z][a-z]+\.?\s+\d", after_text)
        ):
            continue
        parts.append((cursor, cut))
        cursor = after
    parts.append((cursor, end))
    return [span for span in (_trim(text, s, e) for s, e in parts) if span[0] < span[1]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge spaces, punctuation and a leading preposition ("on Saturday" -> "Saturday")."""
    while start < end and (text[start].isspace() or text[start] in ",;:("):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:)"):
        end -= 1
    if match := EDGE_WORDS.match(text[start:end]):
        start += match.end()
    return start, end


def _longest(resolved: list[tuple[int, int, Resolution]]) -> list[tuple[int, int, Resolution]]:
    """Among overlapping calendar references keep the longest (ties: the earliest)."""
    kept: list[tuple[int, int, Resolution]] = []
    for item in sorted(resolved, key=lambda r: (r[0] - r[1], r[0])):
        if not any(item[0] < e and s < item[1] for s, e, _ in kept):
            kept.append(item)
    return kept


def _in_dateline(text: str, start: int) -> bool:
    """Is ``start`` in a wire dateline line ("BERLIN, Nov 6 (Reuters) -")?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return bool(DATELINE.match(line))


def governing_tense(doc: Any, start: int, end: int) -> Tense:
    """Past, future or unknown, from the verb that governs the expression in the parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "unknown"
    node = span.root
    if any(child.lower_ == "ago" for child in node.children):
        return "past"
    for _ in range(12):
        head = node.head
        if head is node:
            return "unknown"
        if head.lower_ == "since" and node.dep_ == "pobj":
            return "past"
        if head.lower_ in FUTURE_CUES or any(
            c.dep_ == "amod" and c.lower_ in FUTURE_CUES for c in head.children
        ):
            return "future"
        if head.pos_ in ("VERB", "AUX"):
            return verb_tense(head)
        node = head
    return "unknown"


def verb_tense(verb: Any, depth: int = 0) -> Tense:
    """Tense of one verb from its auxiliaries and tag; bare verbs inherit from their head."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & FUTURE_AUX:
        return "future"
    if "to" in auxes:
        head = verb.head
        if head.lower_ in FUTURE_CUES or head is verb:
            return "future"
        return _inherit(verb, depth)
    tag = verb.tag_
    if tag == "VBD" or (tag == "VBN" and (auxes & PAST_AUX or verb.dep_ in ("acl", "amod"))):
        return "past"
    if tag == "VBG":
        if auxes & PROGRESSIVE_PRESENT:
            return "future"
        if auxes & {"was", "were"}:
            return "past"
        return _inherit(verb, depth)
    if tag in ("VBZ", "VBP"):
        return "unknown" if verb.lower_ in REPORTING else "present"
    if tag in ("VB", "VBN"):
        return _inherit(verb, depth)
    return "unknown"


def _inherit(verb: Any, depth: int) -> Tense:
    """A bare verb takes its head verb's tense ("will meet ... and then travel on Tuesday")."""
    head = verb.head
    if head is verb or depth > 6 or verb.dep_ not in INHERITING_DEPS:
        return "unknown"
    while head.pos_ not in ("VERB", "AUX") and head.head is not head:
        if head.lower_ in FUTURE_CUES:
            return "future"
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return "unknown"
    return verb_tense(head, depth + 1)


def _is_deictic(expression: str) -> bool:
    key = normalise(expression)
    return key in DEICTIC or bool(DEICTIC_TAIL.match(key))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each direct quotation, marks included; straight quotes pair per line.

    In text order and never overlapping, so ``_inside`` can binary-search them.
    """
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        position = 0
        while (found := _OPENING_MARK.search(line, position)) is not None:
            opening = found.start()
            close_at = line.find(QUOTE_PAIRS[found.group()], opening + 1)
            if close_at < 0:
                position = opening + 1
                continue
            spans.append((line_start + opening, line_start + close_at + 1))
            position = close_at + 1
        line_start += len(line) + 1
    return spans


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) lies within one of ``spans`` (sorted, non-overlapping)."""
    last = bisect.bisect_right(spans, (start, math.inf)) - 1  # the last span starting <= start
    return last >= 0 and end <= spans[last][1]


def speech_day(
    doc: Any,
    start: int,
    resolved: list[tuple[int, int, Resolution]],
    quotes: list[tuple[int, int]],
    published: dt.date | None,
) -> dt.date | None:
    """The day quoted words were spoken: named in the sentence, else the story's last day.

    Only days outside quotes and not after publication count; failing those, the publication
    date ("today" in a quote with no other clue is the day of the article).
    """
    if published is None:
        return None
    days = [
        (s, dt.date.fromisoformat(r.value))
        for s, e, r in resolved
        if r.precision == "day" and r.value and not _inside(s, e, quotes)
    ]
    days = [(s, day) for s, day in days if day <= published]
    sentence = doc.char_span(start, start + 1, alignment_mode="expand")
    if sentence is not None:
        sent = sentence[0].sent
        same = [day for s, day in days if sent.start_char <= s < sent.end_char]
        if same:
            return same[0]
    before = [day for s, day in days if s < start]
    return before[-1] if before else published
