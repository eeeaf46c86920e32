"""Date expressions in a parsed article, resolved against the publication date.

Where the expressions come from: spaCy's DATE and TIME entities, plus the surface patterns of
``date_patterns`` for what the small model misses (a pattern hit inside a name is dropped
unless it is a full date with day and year); overlapping candidates keep one with a value,
the longest (``date_context``, which also reads a date against its neighbours). What each
one means: ``date_resolution`` (pure, no spaCy), given the tense of the governing verb from
the dependency parse (``date_tense``: "will meet on Monday" looks forward, "met on Monday"
back; a plan looks forward, "is due to present on March 4", unless the plan itself is past,
"was slated to speak on Saturday", which points either way).

Kept and dropped (the schema's ``dates`` list):

- Kept: every calendar reference, with a value where one can be computed ("Saturday",
  "last year", "March 26", "the end of 2025" -> "2025", wire datelines "Nov 6"). References with
  no day, month or year precision ("last week", "the 1990s", "election day") are kept with
  value and precision None, and so are relative ones when the publication date is unknown.
- Dropped: durations, ages and windows that are not calendar references ("two years",
  "a third day", "24 hours", "the coming months", "the warmest year"), offsets from a time
  the story set ("hours later", "the following day"), and clock times.
- Ranges give both ends as two mentions ("June 6-10": "June 6" and "10", June 10;
  "from May 2021 to June 2022"), see ``date_ranges``; one whose ends do not both resolve
  keeps the value of its start. Ends found apart are put in order ("from Monday to Thursday"); a
  range written day first ("3-10 March") starts at its bare number.
- "election day" (and polling, voting, referendum, inauguration day) takes the one day the
  article names in a sentence about that event ("will elect a new parliament on October 26").
- "today", "tonight", "tomorrow", "yesterday" inside a direct quote count from the day the
  words were spoken: a day named in the same sentence outside the quote, else the last day
  the story has named before the quote, else the publication date.
- A future reported in the past ("said on Friday that talks would resume on Monday") counts
  forwards from the day or month of speech named before it in its sentence (``date_reported``).
- A weekday inside a direct quote counts from the day of speech (found as for "today"); one
  in the past perfect ("had left on Thursday") from the day before the past moment named
  earlier in its sentence.
- A fronted "Today" that means "nowadays" ("Today there are no medicines at all") is kept with
  no value (``date_tense.means_nowadays``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from reader.core.analysis.date_context import (
    prefer_values,
    range_ends,
    sentence_timeline,
    weekdays_in_apposition,
    with_clause_year,
)
from reader.core.analysis.date_patterns import find_date_phrases
from reader.core.analysis.date_ranges import day_first_starts, ordered_ends
from reader.core.analysis.date_reported import SpeechMoments, counts_from_speech
from reader.core.analysis.date_resolution import (
    DEICTIC,
    DEICTIC_TAIL,
    UNRESOLVED,
    Resolution,
    is_weekday,
    resolve,
)
from reader.core.analysis.date_tense import (
    clause_verb,
    governing_tense,
    in_past_perfect,
    means_nowadays,
    reported_future,
    spoken_in,
)
from reader.core.analysis.date_words import normalise
from reader.core.analysis.date_years import Tense
from reader.core.analysis.doc_columns import sentence_chars
from reader.core.analysis.runner import doc_ents, doc_quotes, doc_text
from reader.core.model import DateMention

DATE_LABELS = frozenset({"DATE", "TIME"})
MONTH_OR_WEEKDAY = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*"
)
# A pattern hit inside one of these is part of a name ("Theresa May", "March of Dimes").
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"}
)
FULL_DATE = re.compile(
    rf"\b{MONTH_OR_WEEKDAY}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_OR_WEEKDAY}\.?\s+\d{{4}}\b"
)
DATELINE = re.compile(r"^[A-Z][A-Za-z .'\-]+,\s+[^\n]{1,40}\([^)\n]{1,40}\)\s*[-–—]*\s*$")
EDGE_WORDS = re.compile(r"^(?:on|in|at|since|by|until|from|for|during|of)\s+", re.IGNORECASE)
EVENT_STEMS = {
    "election": "elect", "polling": "(?:poll|vot|elect)", "voting": "(?:vot|elect|poll)",
    "referendum": "referend", "inauguration": "inaugur",
}  # fmt: skip
EVENT_DAY = re.compile(r"(?:the\s+)?(election|polling|voting|referendum|inauguration)\s+day")


def find_dates(doc: Any, published: dt.date | None) -> list[DateMention]:
    """Date expressions in ``doc``; relative ones resolved only when ``published`` is known."""
    text = doc_text(doc)
    quotes = Spans([(q.open_at, q.close_at + 1) for q in doc_quotes(doc)])
    datelines = Spans(dateline_lines(text))
    resolved: list[tuple[int, int, Resolution]] = []
    deictic_in_quote: list[tuple[int, int]] = []
    anchored_weekdays: list[tuple[int, int, Tense]] = []  # (start, end, tense)
    reported: list[tuple[int, int, int]] = []  # (start, end, reporting verb): "said ... would"
    for start, end in _candidates(doc, text):
        expression = text[start:end]
        if means_nowadays(doc, start, end):
            resolved.append((start, end, UNRESOLVED))
            continue
        if _is_deictic(expression) and quotes.containing(start, end):
            deictic_in_quote.append((start, end))
            continue
        tense = (
            "unknown"
            if datelines.containing(start, start)
            else governing_tense(doc, start, end, quotes)
        )
        if is_weekday(expression) and (
            quotes.containing(start, end) or in_past_perfect(doc, start, end)
        ):
            anchored_weekdays.append((start, end, tense))
            continue
        if (
            published is not None
            and tense == "future"
            and counts_from_speech(expression)
            and not quotes.containing(start, end)
            and (speaking := reported_future(doc, start, end)) is not None
        ):
            reported.append((start, end, speaking))
            continue
        result = resolve(expression, published, tense)
        if result is not None:
            resolved.append((start, end, result))
    if reported and published is not None:
        resolved.extend(_from_speech(doc, text, resolved, reported, quotes, published))
    if deictic_in_quote or anchored_weekdays:
        speech = SpeechDays(doc, resolved, quotes, published)
        for start, end in deictic_in_quote:
            result = resolve(text[start:end], published, "unknown", speech.day_of(start))
            if result is not None:
                resolved.append((start, end, result))
        for start, end, tense in anchored_weekdays:
            result = resolve(text[start:end], speech.weekday_anchor(start, end, tense), tense)
            if result is not None:
                resolved.append((start, end, result))
    kept = prefer_values(
        with_clause_year(text, resolved, lambda s, e: clause_verb(doc, s, e)), len(text)
    )
    events = EventDays(doc, text, resolved, datelines)
    items: list[tuple[int, int, Resolution]] = []
    for item in kept:
        start, end, _ = item

        def resolve_end(words: str, start: int = start, end: int = end) -> Resolution | None:
            return resolve(words, published, governing_tense(doc, start, end, quotes))

        items.extend(range_ends(text, events.resolve(text, item), resolve_end))
    mentions = [
        DateMention(start, end, text[start:end], result.value, result.precision)
        for start, end, result in sorted(items, key=lambda item: item[0])
    ]
    sentences = [a for a, _ in sentence_chars(doc)] if doc.has_annotation("SENT_START") else []
    timeline = sentence_timeline(
        text,
        weekdays_in_apposition(text, mentions),
        lambda offset: bisect.bisect_right(sentences, offset),
    )
    return ordered_ends(text, day_first_starts(text, timeline), published)


def _from_speech(
    doc: Any,
    text: str,
    resolved: list[tuple[int, int, Resolution]],
    reported: list[tuple[int, int, int]],
    quotes: Spans,
    published: dt.date,
) -> list[tuple[int, int, Resolution]]:
    """Reported futures resolved forwards from the moment of speech (``date_reported``)."""
    moments = SpeechMoments(resolved, quotes.containing, published)
    sentence_starts = [a for a, _ in sentence_chars(doc)]
    found = []
    for start, end, speaking in reported:
        index = bisect.bisect_right(sentence_starts, start) - 1

        def of_speech(at: int, to: int, verb: int = speaking) -> bool:
            return spoken_in(doc, at, to) == verb

        reference = moments.reference(sentence_starts[index] if index >= 0 else 0, start, of_speech)
        result = resolve(text[start:end], reference or published, "future")
        if result is not None:
            found.append((start, end, result))
    return found


class Spans:
    """Sorted, non-overlapping (start, end) spans with a logarithmic containment test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]

    def containing(self, start: int, end: int) -> bool:
        """Is [start, end) inside one of the spans?"""
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and start >= self.spans[index][0] and end <= self.spans[index][1]


def dateline_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the short lines that are wire datelines ("BERLIN, Nov 6 (Reuters) -")."""
    found = []
    offset = 0
    for line in text.split("\n"):
        if len(line) <= 120 and DATELINE.match(line):
            found.append((offset, offset + len(line)))
        offset += len(line) + 1
    return found


class EventDays:
    """An "election day" is the day the article gives for the election ("elect ... on Oct 26").

    Only for a few scheduled public events, and only when a sentence that names the event
    (by the stem of its word) also names exactly one calendar day outside a dateline.
    """

    def __init__(
        self, doc: Any, text: str, resolved: list[tuple[int, int, Resolution]], datelines: Spans
    ) -> None:
        self.doc = doc
        self.text = text
        self.resolved = resolved
        self.datelines = datelines
        self._by_stem: dict[str, list[tuple[int, int, str]]] = {}

    def resolve(self, text: str, item: tuple[int, int, Resolution]) -> tuple[int, int, Resolution]:
        start, end, result = item
        match = EVENT_DAY.fullmatch(normalise(text[start:end]))
        if result.value is not None or match is None:
            return item
        for sent_start, sent_end, value in self._dated_sentences(EVENT_STEMS[match.group(1)]):
            if not sent_start <= start < sent_end:
                return start, end, Resolution(value, "day")
        return item

    def _dated_sentences(self, stem: str) -> list[tuple[int, int, str]]:
        """Sentences naming the event by its stem and exactly one day: (start, end, day)."""
        if stem not in self._by_stem:
            days = sorted(
                (s, r.value)
                for s, _, r in self.resolved
                if r.precision == "day" and r.value and not self.datelines.containing(s, s)
            )
            positions = [s for s, _ in days]
            found = []
            for start_char, end_char in sentence_chars(self.doc):
                lo = bisect.bisect_left(positions, start_char)
                hi = bisect.bisect_left(positions, end_char)
                values = {value for _, value in days[lo:hi]}
                sentence = self.text[start_char:end_char]
                if len(values) == 1 and re.search(rf"\b{stem}", sentence, re.IGNORECASE):
                    found.append((start_char, end_char, values.pop()))
            self._by_stem[stem] = found
        return self._by_stem[stem]


def _candidates(doc: Any, text: str) -> list[tuple[int, int]]:
    """Trimmed spans from DATE/TIME entities and from the patterns, overlaps included."""
    spans: set[tuple[int, int]] = set()
    names = bytearray(len(text) + 1)
    for ent in doc_ents(doc):
        if ent.label_ in DATE_LABELS:
            spans.update(_split_entity(text, ent.start_char, ent.end_char))
        elif ent.label_ in NAME_LABELS:
            names[ent.start_char : ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
    for start, end in find_date_phrases(text):
        # inside a name it is a name ("Theresa May"), unless it is a full date with day and
        # year, which no name is ("By Jane Roe - May 4, 2022" tagged as one PERSON)
        if names.find(1, start, end) < 0 or FULL_DATE.search(text, start, end):
            spans.add((start, end))
    return sorted(spans)


def _split_entity(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An entity cut where a comma or a dash joins two expressions, then trimmed.

    "Sunday, two years" and "November 5 - Foggy" are cut; a comma before a year ("March 26,
    2025"), after a weekday before a month ("Monday, March 17") and a dash between two dates
    (a range) stay inside one expression.
    """
    parts: list[tuple[int, int]] = []
    cursor = start
    for match in re.finditer(r",\s*|\s+[-–—]\s+", text[start:end]):
        cut, after = start + match.start(), start + match.end()
        before_text, after_text = text[cursor:cut], text[after:end]
        dash = match.group().strip() in ("-", "–", "—")
        if dash and re.match(rf"\d|{MONTH_OR_WEEKDAY}", after_text):
            continue  # a range: "March 3 - March 5", resolved to its start
        if (not dash and re.match(r"\d{4}\b", after_text)) or (
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


def _is_deictic(expression: str) -> bool:
    key = normalise(expression)
    return key in DEICTIC or bool(DEICTIC_TAIL.match(key))


class SpeechDays:
    """The day quoted words were spoken: named in the sentence, else the story's last day.

    Only days outside quotes and not after publication count; failing those, the publication
    date ("today" in a quote with no other clue is the day of the article).
    """

    def __init__(
        self,
        doc: Any,
        resolved: list[tuple[int, int, Resolution]],
        quotes: Spans,
        published: dt.date | None,
    ) -> None:
        self.published = published
        self.quotes = quotes
        days = sorted(
            (s, dt.date.fromisoformat(r.value))
            for s, e, r in resolved
            if r.precision == "day" and r.value and not quotes.containing(s, e)
        )
        self.days = [(s, day) for s, day in days if published is None or day <= published]
        self.positions = [s for s, _ in self.days]
        self.sentences = Spans(sentence_chars(doc))

    def weekday_anchor(self, start: int, end: int, tense: str) -> dt.date | None:
        """The day a weekday counts from when the story sets one.

        Inside a quotation, the day the words were spoken ('Speaking on Thursday, she said:
        “He left on Monday”' counts back from that Thursday), that day itself left out: a
        speaker calls it "today", so "He left Thursday night", said on a Thursday, is the
        Thursday before. In the past perfect, the day before the past moment named earlier in
        its sentence ('On Thursday, she said he had left on Thursday last': the Thursday before
        that one). Else the publication date, counted as for any weekday of the story.
        """
        if self.quotes.containing(start, end):
            spoken = self.day_of(start)
            if spoken is None or spoken == self.published:
                return self.published  # no day of speech of its own: as the story's weekdays
            return spoken + dt.timedelta(days=1 if tense in ("future", "present") else -1)
        sent_start, _ = self._sentence_at(start)
        lo = bisect.bisect_left(self.positions, sent_start)
        hi = bisect.bisect_left(self.positions, start)
        if lo < hi:
            return self.days[hi - 1][1] - dt.timedelta(days=1)
        return self.published

    def _sentence_at(self, start: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.sentences.starts, start) - 1
        return self.sentences.spans[index] if index >= 0 else (0, 0)

    def day_of(self, start: int) -> dt.date | None:
        if self.published is None:
            return None
        index = bisect.bisect_right(self.sentences.starts, start) - 1
        if index >= 0:
            sent_start, sent_end = self.sentences.spans[index]
            lo = bisect.bisect_left(self.positions, sent_start)
            hi = bisect.bisect_left(self.positions, sent_end)
            if lo < hi:
                return self.days[lo][1]
        before = bisect.bisect_left(self.positions, start)
        return self.days[before - 1][1] if before else self.published
