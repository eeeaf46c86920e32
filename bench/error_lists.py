"""Quote and date errors of one article against its gold labels, printed for tuning rules.

bench/accuracy.py --details calls these on the development fixtures and the real
*development* pages only: the held-out and validation pages are measured, never looked at.
The matching is the scoring's (tests/fixtures/scoring.py): a quote or date is found when its
span is exactly the gold one.
"""

from __future__ import annotations

import re

from reader.core.model import Annotations
from tests.fixtures.gold import GoldSpan

# Where a sentence ends, to show a date in its sentence: end punctuation then space, or a line end.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
CONTEXT_MAX = 240


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], cut to CONTEXT_MAX characters around it."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
    left, right = max(left, start - CONTEXT_MAX // 2), min(right, end + CONTEXT_MAX // 2)
    return " ".join(text[left:right].split())


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else f"{flat[: limit - 3]}..."


def quote_errors(stem: str, gold: list[GoldSpan], ann: Annotations) -> None:
    """Print the speech quotes missed and those with the wrong speaker (gold vs ours)."""
    text = ann.article.text
    predicted = {(q.start, q.end): q for q in ann.quotes}
    for span in gold:
        if (span.get("kind") or "speech") != "speech":
            continue
        found = predicted.get((span.start, span.end))
        quote = _short(text[span.start : span.end])
        if found is None or found.kind != "speech":
            print(f"  {stem}: quote missed  @{span.start} {quote!r} (gold {span.get('speaker')})")
        elif found.speaker != span.get("speaker"):
            print(
                f"  {stem}: speaker wrong @{span.start} gold {span.get('speaker')!r}, "
                f"ours {found.speaker!r}: {quote!r}"
            )


def date_errors(stem: str, gold: list[GoldSpan], ann: Annotations) -> None:
    """Print the dates missed and those resolved wrong (gold vs ours), with their sentence."""
    text = ann.article.text
    predicted = {(d.start, d.end): d for d in ann.dates}
    for span in gold:
        found = predicted.get((span.start, span.end))
        want = (span.get("value"), span.get("precision"))
        if found is not None and (found.value, found.precision) == want:
            continue
        overlapping = [d for d in ann.dates if d.start < span.end and span.start < d.end]
        if found is None:
            ours = ", ".join(f"{d.text!r}={d.value}/{d.precision}" for d in overlapping)
            head = f"date missed   {text[span.start : span.end]!r} gold {want[0]}/{want[1]}"
            head += f", ours overlapping: {ours}" if ours else ""
        else:
            head = (
                f"date wrong    {found.text!r} gold {want[0]}/{want[1]}, "
                f"ours {found.value}/{found.precision}"
            )
        sentence = sentence_around(text, span.start, span.end)
        print(f"  {stem}: {head} @{span.start}\n      | {sentence}")
