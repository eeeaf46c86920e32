"""Repeated quotations: a pull quote or a quoted headline echoes words quoted in the body.

News pages lift a striking line out of the story and print it again, bare, as a headline, a
standfirst or a pull quote between paragraphs ('‘It is impossible to overstate this ruling’'),
while the body gives the same words with their attribution ('Her lawyer, Jane Roe, said: “It is
impossible to overstate this ruling. ...”'). The bare copy has no cue of its own, and what
inheritance gives it from its surroundings is a guess; the attributed copy says who spoke. So a
quotation without a cue of its own whose words (at least ``MIN_ECHO_WORDS`` of them) occur in
another speech quotation with a speaker takes that speaker: an attributed copy first, else a
longer one that holds it.
"""

from __future__ import annotations

import re

from reader.core.analysis.quote_inheritance import QuoteReading

MIN_ECHO_WORDS = 4
"""Shorter repeats are terms and slogans, which may be anyone's."""
_NOT_WORD = re.compile(r"[^\w]+")


def echo_speakers(text: str, readings: list[QuoteReading]) -> None:
    """Give each uncued quotation the speaker of the quotation it repeats (module docstring).

    Only the sources holding the quotation's first word are compared (in order, as all were):
    comparing every quotation with every source grew with the square of the article.
    """
    keyed = [(_words(text, r), r) for r in readings]
    sources = [
        (key, f" {key} ", r) for key, r in keyed if r.kind == "speech" and r.speaker is not None
    ]
    holding: dict[str, list[int]] = {}  # word -> indexes of the sources that hold it
    for index, (source_key, _, _) in enumerate(sources):
        for word in set(source_key.split()):
            holding.setdefault(word, []).append(index)
    for key, reading in keyed:
        if reading.direct or reading.kind != "speech" or len(key.split()) < MIN_ECHO_WORDS:
            continue
        padded = f" {key} "
        candidates = [sources[index] for index in holding.get(key.split()[0], [])]
        holders = [
            (source, other)
            for source, padded_source, other in candidates
            if other is not reading and padded in padded_source
            and (other.direct or len(source) > len(key))
        ]  # fmt: skip
        if holders:
            direct = [other for _, other in holders if other.direct]
            reading.speaker = (direct or [holders[0][1]])[0].speaker


def _words(text: str, reading: QuoteReading) -> str:
    """The quotation's words, lower-cased, without punctuation: what a repeat keeps."""
    return _NOT_WORD.sub(" ", text[reading.span.start : reading.span.end].lower()).strip()
