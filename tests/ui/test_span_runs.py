"""SpanIndex sorts a book's spans in runs (the GIL let go between them), to the same order."""

from __future__ import annotations

import random

from reader.ui.spans import SORT_RUN, Span, SpanIndex, sorted_in_runs


def test_spans_sorted_in_runs_are_in_the_order_one_sort_gives() -> None:
    rng = random.Random(3)
    spans = [
        Span(start, start + rng.randint(1, 9), f"e{rng.randint(1, 3)}", "person")
        for start in (rng.randrange(50_000) for _ in range(2 * SORT_RUN + 123))
    ]
    spans += spans[:500]  # the same span twice, as overlapping results may give
    rng.shuffle(spans)
    assert sorted_in_runs(list(spans)) == sorted(spans)
    index = SpanIndex(spans)
    assert index.spans == sorted(spans)
    assert index.starts == [s.start for s in sorted(spans)]
    assert index.overlapping(1_000, 1_010) == [
        s for s in sorted(spans) if s.start < 1_010 and s.end > 1_000
    ]
