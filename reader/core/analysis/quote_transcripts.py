"""Interview transcripts: a paragraph labelled with its speaker's name and a colon.

Question-and-answer pieces print each turn as 'Ms Roe: I think the plan ...'. A quotation in
such a turn with no speaker of its own ('Ms Roe: In my first book I called them “thinking
machines”') is the labelled person's: the "I" of the turn is them. Only a person's name makes a
label (the interviewer's turns are often labelled with the publication, whose questions quote
the guest back). Such a question, 'The Paper: You argue that cities are “too slow”.', quotes the
guest whom "you" addresses: a quotation in a labelled turn that no person labels, in a sentence
where "you" is the subject of a speech verb, is the person's who labels the next turn.
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
        if reading.speaker is None and _quotes_you(resolver, reading):
            reading.speaker = _addressee(resolver, paragraph, labels)


def _quotes_you(resolver: SpeakerResolver, reading: QuoteReading) -> bool:
    """Whether the quotation's sentence has "you" as the subject of a speech verb ("You
    argue that ...", "you have called it ...")."""
    start, end = resolver.layout.segments[resolver.layout.segment_of(reading.tokens[0])]
    return any(
        t.lower_ == "you"
        and t.dep_ == "nsubj"
        and not resolver.layout.is_quoted(t)
        and resolver.is_speech_verb(t.head)
        for t in resolver.doc[start:end]
    )


def _addressee(
    resolver: SpeakerResolver, paragraph: int, labels: dict[int, Speaker | None]
) -> Speaker | None:
    """The guest a question addresses: the person labelling the next turn, when the question
    is itself a labelled turn (the interviewer's, labelled by no person)."""
    start, end = resolver.layout.paragraph_bounds(paragraph)
    if _LABEL.match(resolver.text, start, end) is None:
        return None
    if resolver.layout.paragraph(len(resolver.text)) <= paragraph:
        return None  # the last paragraph: no turn follows
    if paragraph + 1 not in labels:
        labels[paragraph + 1] = _label(resolver, paragraph + 1)
    return labels[paragraph + 1]


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
