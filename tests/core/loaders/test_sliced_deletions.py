"""Deletions by regular expression run a slice at a time and give what one call gives (issue 18).

``re`` holds the GIL for a whole call, so on a 5 MB one-line book one deletion froze the window
for up to a third of a second; ``delete_in_slices`` cuts the text between calls.
"""

from __future__ import annotations

import re
from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.loaders import builder
from reader.core.loaders.builder import (
    CONTROLS,
    INVISIBLE,
    JOINERS_IN_WORDS,
    delete_in_slices,
    drop_invisible,
    strip_controls,
)

PATTERNS = [CONTROLS, INVISIBLE, JOINERS_IN_WORDS]
ALPHABET = "aZé \n.\u200d\u200c\u200e\u202a\u2066\u00ad\u200b\x00\x1f\ufeff\u4e2d\u0645"
"""Latin letters, spaces, joiners, invisible characters, controls and two other scripts."""


class _Spy:
    """A pattern that records how much text each of its calls was given."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.lengths: list[int] = []

    def sub(self, repl: str, text: str) -> str:
        self.lengths.append(len(text))
        return self.pattern.sub(repl, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120), st.integers(min_value=1, max_value=12))
def test_slices_give_what_one_call_gives(text: str, size: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(builder, "REGEX_SLICE", size)
        for pattern in PATTERNS:
            assert delete_in_slices(pattern, text) == pattern.sub("", text)


def test_a_joiner_at_every_cut_of_a_long_text_is_judged_by_both_neighbours() -> None:
    word = "Ma\u200dria Gon\u200czalez \u4e2d\u200d\u4e2d \ufeffsaid\u00ad. "
    text = word * (3 * builder.REGEX_SLICE // len(word))
    spy = _Spy(JOINERS_IN_WORDS)
    assert delete_in_slices(cast(re.Pattern[str], spy), text) == JOINERS_IN_WORDS.sub("", text)
    assert len(spy.lengths) >= 3
    assert max(spy.lengths) <= builder.REGEX_SLICE + len(word)
    assert drop_invisible(text) == JOINERS_IN_WORDS.sub("", INVISIBLE.sub("", text))
    assert strip_controls(text) == CONTROLS.sub("", text)


def test_text_without_a_place_to_cut_is_deleted_from_in_one_call() -> None:
    text = "Ma\u200dria" * builder.REGEX_SLICE
    spy = _Spy(JOINERS_IN_WORDS)
    assert delete_in_slices(cast(re.Pattern[str], spy), text) == "Maria" * builder.REGEX_SLICE
    assert spy.lengths == [len(text)]


def test_ascii_text_has_no_invisible_character_to_look_for() -> None:
    text = "Macron met Scholz in Berlin. " * 1000
    assert drop_invisible(text) is text
