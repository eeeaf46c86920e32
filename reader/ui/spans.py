"""Highlight spans: mentions in document positions, searchable, built on any thread.

Pure Python: the analysis worker turns a result into spans (``mention_spans``) before the UI
thread shows it, so the UI does not spend its time on 100,000 mentions of a big article.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Iterable
from typing import NamedTuple

from reader.core.model import Annotations
from reader.ui.positions import OffsetMap


class Span(NamedTuple):
    """One highlighted mention in document positions (UTF-16, header included).

    A tuple, so sorting spans orders them by start and building 100,000 of them is quick.
    """

    start: int
    end: int
    entity_id: str
    kind: str


class SpanIndex:
    """Spans sorted by start, searchable by position; pure Python, so any thread may build it.

    Args:
        spans: the spans, in any order.
    """

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans: list[Span] = sorted_in_runs(list(spans))
        self.starts = [s.start for s in self.spans]
        self.max_len = max((s.end - s.start for s in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans overlapping the half-open document range [start, end)."""
        spans = self.spans
        result = []
        for i in range(bisect_left(self.starts, start - self.max_len), len(spans)):
            span = spans[i]
            if span.start >= end:
                break
            if span.end > start:
                result.append(span)
        return result


SORT_RUN = 20_000
"""Spans sorted by one call to ``sorted``: a sort holds the GIL from start to end, and the
500,000 spans of a 5 MB book sorted at once held it (and froze the window) ~0.3 s."""


def sorted_in_runs(spans: list[Span]) -> list[Span]:
    """``sorted(spans)``, with the GIL let go between runs of ``SORT_RUN`` (for a worker).

    Runs are sorted in C, then merged by ``heapq.merge``, which is Python code: the
    interpreter hands the GIL to the UI thread every few milliseconds meanwhile.
    """
    if len(spans) <= SORT_RUN:
        return sorted(spans)
    runs = [sorted(spans[i : i + SORT_RUN]) for i in range(0, len(spans), SORT_RUN)]
    return list(heapq.merge(*runs))


class Prepared(NamedTuple):
    """Annotations turned into what the view paints, for one ``OffsetMap``."""

    annotations: Annotations
    offsets: OffsetMap
    span_index: SpanIndex  # not "index", which would hide tuple.index
    names: dict[str, tuple[str, str, int]]


def mention_spans(
    annotations: Annotations, offsets: OffsetMap
) -> tuple[SpanIndex, dict[str, tuple[str, str, int]]]:
    """The highlight spans of every mention, and entity id -> (name, type, mention count).

    Headline mentions are highlighted too: the document shows the title first, at position 0
    (``document.build_document``), so their title offsets map from there.
    """
    spans = []
    names = {}
    title = annotations.article.title or ""
    headline = OffsetMap(title, 0) if title and offsets.base > 0 else None
    for entity in annotations.entities:
        names[entity.id] = (entity.name, entity.type, entity.mention_count)
        entity_id, kind = entity.id, entity.type
        to_qt = offsets.to_qt
        spans += [Span(to_qt(m.start), to_qt(m.end), entity_id, kind) for m in entity.mentions]
        if headline is not None:
            spans += [
                Span(headline.to_qt(m.start), headline.to_qt(m.end), entity_id, kind)
                for m in entity.title_mentions
                if m.end <= len(title)
            ]
    return SpanIndex(spans), names
