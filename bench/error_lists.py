"""Quote, date and alias errors of one article against its gold labels, printed for tuning rules.

bench/accuracy.py --details calls these on the development fixtures and the real
*development* pages only: the held-out and validation pages are measured, never looked at.
The matching is the scoring's (tests/fixtures/scoring.py): a quote or date is found when its
span is exactly the gold one; an alias cluster is a gold entity found under two or more surfaces,
merged when all of its found mentions are in one of our entities.
"""

from __future__ import annotations

import re
from collections import defaultdict

from reader.core.model import Annotations, Entity
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


def _surfaces(entity: Entity, spans: set[tuple[int, int]], text: str) -> str:
    """The distinct surfaces of ``entity`` among the gold mentions ``spans``, in text order."""
    found = sorted((m.start, m.end) for m in entity.mentions if (m.start, m.end) in spans)
    return " | ".join(dict.fromkeys(text[s:e] for s, e in found))


def alias_errors(stem: str, gold: list[GoldSpan], ann: Annotations) -> None:
    """Print the gold alias clusters we split (with our entity of each surface) and our
    entities that join two gold entities (with the gold entity of each surface)."""
    text = ann.article.text
    by_span = {(m.start, m.end, e.type): e for e in ann.entities for m in e.mentions}
    ours: dict[str, dict[str, Entity]] = defaultdict(dict)  # gold entity -> our entities
    spans: dict[str, set[tuple[int, int]]] = defaultdict(set)  # its found mentions
    golds: dict[str, dict[str, set[tuple[int, int]]]] = defaultdict(lambda: defaultdict(set))
    for span in gold:
        entity = by_span.get((span.start, span.end, span.label))
        if entity is None:
            continue
        name = f"{span.label}:{span.get('name')}"
        ours[name][entity.id] = entity
        spans[name].add((span.start, span.end))
        golds[entity.id][name].add((span.start, span.end))
    for name, entities in ours.items():
        if len(entities) >= 2 and len({text[s:e] for s, e in spans[name]}) >= 2:
            parts = "; ".join(
                f"{e.name!r} ({_surfaces(e, spans[name], text)})" for e in entities.values()
            )
            print(f"  {stem}: alias split  {name!r} -> ours {parts}")
    for entity_id, names in golds.items():
        if len(names) >= 2:
            entity = ours[next(iter(names))][entity_id]
            parts = "; ".join(f"{n!r} ({_surfaces(entity, s, text)})" for n, s in names.items())
            print(f"  {stem}: alias joined {entity.name!r} holds gold {parts}")
