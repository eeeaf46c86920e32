"""Step 3 of quotes.py: quotations with no cue of their own take the speaker of their context.

What the parse says about each quotation is a ``QuoteReading`` (quotes.py fills it in); here the
readings are read in order of the text, so an inherited speaker passes on, and each context is
looked up, never walked back to (linear in the number of quotations).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.analysis.quote_marks import QuoteSpan
from reader.core.analysis.speakers import Speaker, SpeakerResolver
from reader.core.model import PERSON

_STOPS = (".", "!", "?")


@dataclass
class QuoteReading:
    """What the parse says about one quotation."""

    span: QuoteSpan
    tokens: Sequence[Any]  # a Span: its Tokens are built where read
    speaker: Speaker | None = None
    direct: bool = False  # attributed by a cue of its own (steps 1-2)
    reported: bool = False  # inside the reported clause of a speech verb with a speaker
    kind: str = "speech"


def inherit_speakers(resolver: SpeakerResolver, readings: list[QuoteReading]) -> None:
    """Step 3: quotations with no cue of their own take the speaker of their context.

    In order of the text, so an inherited speaker passes on. The context is, nearest first:
    the latest quotation of the same paragraph with a speaker; when the paragraph is nothing
    but quotation and follows the previous one directly, the latest of that paragraph; the
    quotation that ran on into this one from the paragraph before it; the last speech verb of
    an earlier sentence of the paragraph; for a paragraph of nothing but quotation, the last
    speech verb of the paragraph before it (reported speech going on in the speaker's own
    words); for a quotation opening a sentence with no cue at all, the person the sentence
    before it in its paragraph was about. Each lookup is a dictionary read (a backward walk
    over the quotations was quadratic on 10^5 of them).
    """
    by_paragraph: dict[int, list[QuoteReading]] = {}
    for reading in readings:
        by_paragraph.setdefault(resolver.layout.paragraph(reading.span.start), []).append(reading)
    alone: dict[int, bool] = {}
    first = {paragraph: found[0] for paragraph, found in by_paragraph.items()}
    latest: dict[int, QuoteReading] = {}  # paragraph -> its latest quotation with a speaker so far
    earlier_paragraphs: list[int] = []  # paragraphs with quotations, before the current one
    speech_before = _SpeechBefore(resolver)
    for reading in readings:
        paragraph = resolver.layout.paragraph(reading.span.start)
        if not earlier_paragraphs or earlier_paragraphs[-1] != paragraph:
            earlier_paragraphs.append(paragraph)
        needs = not (
            reading.speaker or reading.direct or reading.kind == "scare" or not reading.tokens
        )  # a cue that names nobody ("One, who asked not to be named, said") is not filled in
        if needs and _after_narration(resolver, reading):
            needs = False  # a partial quote in narration, after a sentence of narration
        if needs:
            if paragraph not in alone:
                alone[paragraph] = _stands_alone(resolver, by_paragraph[paragraph], paragraph)
            before = earlier_paragraphs[-3:-1]
            reading.speaker = _context_speaker(
                reading, paragraph, before, latest, by_paragraph, alone[paragraph]
            ) or speech_before.speaker(reading)
            if reading.speaker is None and alone[paragraph]:
                # a paragraph of quotation right after reported speech: that speaker goes on
                reading.speaker = speech_before.in_paragraph_before(by_paragraph[paragraph][0])
            if reading.speaker is None and (not alone[paragraph] or reading is first[paragraph]):
                reading.speaker = _handed_over(resolver, reading, across=alone[paragraph])
        if reading.kind == "speech" and reading.speaker is not None:
            latest[paragraph] = reading
    _lead_quotations(resolver, by_paragraph, alone)


def _after_narration(resolver: SpeakerResolver, reading: QuoteReading) -> bool:
    """Whether a quotation sits inside a sentence of narration that follows another sentence
    of narration (no quotation, no speech verb in either before it): 'Fines rose in May. The
    law makes clear that fines apply to "false statements".' The voice quoted before has
    fallen silent: the words are the document's or the story's, not the earlier speaker's."""
    first = reading.tokens[0]
    index = resolver.layout.segment_of(first)
    if index == 0:
        return False
    start, _ = resolver.layout.segments[index]
    if not any(c.isalnum() for c in resolver.text[resolver.doc[start].idx : reading.span.open_at]):
        return False  # the quotation opens its sentence: speech going on
    prev_start, _ = resolver.layout.segments[index - 1]
    if not resolver.layout.same_paragraph(resolver.doc[prev_start], first):
        return False
    previous = resolver.text[resolver.doc[prev_start].idx : resolver.doc[start].idx]
    if not previous.rstrip().endswith(_STOPS):
        return False  # the parse's segments cut sentences at dashes and colons too
    return not any(
        resolver.layout.is_quoted(t) or resolver.is_speech_verb(t)
        for t in resolver.doc[prev_start : first.i]
        if t.idx < reading.span.open_at
    )  # nor a quotation or speech verb earlier in its own sentence


def _handed_over(resolver: SpeakerResolver, reading: QuoteReading, across: bool) -> Speaker | None:
    """The person the sentence before a quotation was about, when the quotation opens a
    sentence with no cue at all: 'Mark Davies, the chief executive, was blunt. “We got this
    wrong.”' (the story introduces a person, then gives their words), also across a paragraph
    break when the quotation opens a paragraph of nothing but quotation."""
    first = reading.tokens[0]
    index = resolver.layout.segment_of(first)
    if index == 0:
        return None
    start, _ = resolver.layout.segments[index]
    if resolver.text[resolver.doc[start].idx : reading.span.open_at].strip():
        return None  # words before the quotation in its own sentence
    prev_start, prev_end = resolver.layout.segments[index - 1]
    gap = resolver.layout.paragraph(first.idx) - resolver.layout.paragraph(
        resolver.doc[prev_start].idx
    )
    if gap > (1 if across else 0):
        return None
    roots = [
        t for t in resolver.doc[prev_start:prev_end]
        if t.head.i == t.i and t.pos_ in ("VERB", "AUX") and not resolver.layout.is_quoted(t)
    ]  # fmt: skip
    if not roots:
        return None
    speaker = resolver.subject_of(roots[0])
    return speaker if speaker is not None and speaker.type == PERSON else None


def _lead_quotations(
    resolver: SpeakerResolver, by_paragraph: dict[int, list[QuoteReading]], alone: dict[int, bool]
) -> None:
    """A paragraph of nothing but quotation that nobody said before it takes the speaker of
    the quotation opening the next paragraph (a lead quote, attributed right after it:
    '“We ran out of fuel.”' / '“For days we have asked for fuel,” Dr Sobhi Skaik said.')."""
    for paragraph, readings in by_paragraph.items():
        if not alone.get(paragraph):
            continue
        following = by_paragraph.get(paragraph + 1)
        if not following or not following[0].direct or following[0].speaker is None:
            continue
        start, _ = resolver.layout.paragraph_bounds(paragraph + 1)
        if resolver.text[start : following[0].span.open_at].strip():
            continue  # the next paragraph must open with its quotation
        for reading in readings:
            if reading.speaker is None and reading.kind == "speech" and reading.tokens:
                reading.speaker = following[0].speaker


def _context_speaker(
    reading: QuoteReading,
    paragraph: int,
    before: list[int],
    latest: dict[int, QuoteReading],
    by_paragraph: dict[int, list[QuoteReading]],
    alone: bool,
) -> Speaker | None:
    """The speaker ``inherit_speakers`` gives ``reading`` from the quotations before it, or None.

    ``before`` holds the (at most two) paragraphs with quotations just before this one.
    """
    if paragraph in latest:
        return latest[paragraph].speaker
    if not before:
        return None
    previous = before[-1]
    candidate: QuoteReading | None = by_paragraph[previous][-1]
    if alone and previous == paragraph - 1:
        if previous in latest:
            return latest[previous].speaker
        candidate = by_paragraph[before[0]][-1] if len(before) == 2 else None
    if (
        candidate is not None
        and candidate.span.runs_on
        and reading.span.continues
        and candidate.kind == "speech"
    ):
        return candidate.speaker
    return None


def _stands_alone(resolver: SpeakerResolver, readings: list[QuoteReading], paragraph: int) -> bool:
    """Whether a paragraph is nothing but its quotations ``readings`` (an answer going on)."""
    start, end = resolver.layout.paragraph_bounds(paragraph)
    outside = list(resolver.text[start:end])
    for reading in readings:
        close = min(reading.span.close_at + 1, end)
        outside[reading.span.open_at - start : close - start] = " " * (close - reading.span.open_at)
    return all(not c.isalnum() for c in outside)


class _SpeechBefore:
    """Subject of the last speech verb in earlier sentences of a quotation's paragraph.

    Answered once per sentence and remembered, so a paragraph of many sentences is walked
    once, not once per quotation in it.
    """

    def __init__(self, resolver: SpeakerResolver) -> None:
        self.resolver = resolver
        self._memo: dict[int, Speaker | None] = {}

    def speaker(self, reading: QuoteReading) -> Speaker | None:
        first = reading.tokens[0]
        return self._from(
            self.resolver.layout.segment_of(first) - 1, self.resolver.layout.paragraph(first.idx)
        )

    def in_paragraph_before(self, reading: QuoteReading) -> Speaker | None:
        """The last speech verb's speaker in the paragraph right before the quotation's."""
        first = reading.tokens[0]
        return self._from(
            self.resolver.layout.segment_of(first) - 1,
            self.resolver.layout.paragraph(first.idx) - 1,
        )

    def _from(self, index: int, paragraph: int) -> Speaker | None:
        """The last speech verb's speaker in sentences ``index``, ``index - 1``, ... of
        ``paragraph``."""
        resolver = self.resolver
        walked: list[int] = []
        found: Speaker | None = None
        while index >= 0:
            start, end = resolver.layout.segments[index]
            if resolver.layout.paragraph(resolver.doc[start].idx) != paragraph:
                break
            if index in self._memo:
                found = self._memo[index]
                break
            walked.append(index)
            found = self._in_segment(start, end)
            if found is not None:
                break
            index -= 1
        # the answer from each walked sentence downwards is the one found here
        for step in walked:
            self._memo[step] = found
        return found

    def _in_segment(self, start: int, end: int) -> Speaker | None:
        resolver = self.resolver
        for token in reversed(resolver.doc[start:end]):
            if resolver.is_speech_verb(token) and not resolver.layout.is_quoted(token):
                speaker = resolver.subject_of(token)
                if speaker is not None:
                    return speaker
        return None
