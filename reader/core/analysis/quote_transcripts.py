"""Interview transcripts: a paragraph labelled with its speaker's name and a colon.

Question-and-answer pieces print each turn as 'Ms Roe: I think the plan ...'. A quotation in
such a turn with no speaker of its own ('Ms Roe: In my first book I called them “thinking
machines”') is the labelled person's: the "I" of the turn is them. Only a person's name makes a
label (the interviewer's turns are often labelled with the publication, whose questions quote
the guest back).
"""

from __future__ import annotations

import re

from reader.core.analysis.quote_inheritance import QuoteReading
from reader.core.analysis.speakers import Speaker, SpeakerResolver, speaker_of
from reader.core.model import PERSON

MAX_LABEL_CHARS = 40
_LABEL = re.compile(rf"[^\n:]{{1,{MAX_LABEL_CHARS}}}:\s")


def transcript_speakers(resolver: SpeakerResolver, readings: list[QuoteReading]) -> None:
    """Give each speech quotation with no speaker the person labelling its paragraph."""
    labels: dict[int, Speaker | None] = {}
    for reading in readings:
        if reading.speaker is not None or reading.kind != "speech" or not reading.tokens:
            continue
        paragraph = resolver.layout.paragraph(reading.span.start)
        if paragraph not in labels:
            labels[paragraph] = _label(resolver, paragraph)
        reading.speaker = labels[paragraph]


def _label(resolver: SpeakerResolver, paragraph: int) -> Speaker | None:
    """The person named by the paragraph's 'Name:' label, if it opens with one."""
    start, end = resolver.layout.paragraph_bounds(paragraph)
    match = _LABEL.match(resolver.text, start, end)
    if match is None or any(mark in match.group() for mark in '"“”‘’«»'):
        return None
    span = resolver.doc.char_span(start, match.end() - 2, alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    entity = resolver.entity_for_tokens(list(span))
    if entity is None or entity.type != PERSON:
        return None
    if not all(t.pos_ == "PROPN" or t.is_title or t.is_punct for t in span):
        return None  # a name and its title, not a clause ending in a colon
    return speaker_of(entity)
