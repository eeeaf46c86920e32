"""The title-case line checks: the lookup of the line that holds a span answers what a scan of
every line answers, and the early-stopping word test says what the whole-line test says."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.analysis import title_case
from tests.property.budget import budget

# Lines as title_case_lines gives them: in order, apart, none empty.
lines = st.lists(st.integers(0, 200), max_size=12, unique=True).map(
    lambda cuts: [(a, b) for a, b in zip(sorted(cuts)[::2], sorted(cuts)[1::2], strict=False)]
)


@given(lines, st.integers(0, 210), st.integers(0, 30))
@budget(300)
def test_a_span_is_inside_a_line_as_a_scan_of_every_line_says(
    found: list[tuple[int, int]], start: int, width: int
) -> None:
    end = start + width
    expected = any(a <= start and end <= b for a, b in found)
    assert title_case._inside(found, start, end) == expected


@given(st.text(alphabet="Aab Cd'-9_\u00c9\u00e9.", max_size=60))
@budget(300)
def test_a_line_is_title_case_when_every_long_word_is_capitalised(line: str) -> None:
    words = title_case._LONG_WORD.findall(line)
    expected = len(words) >= title_case.MIN_LONG_WORDS and all(w[0].isupper() for w in words)
    assert title_case.is_title_case(line) == expected
