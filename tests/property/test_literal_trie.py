"""``literal_trie.longest_first`` finds what the longest-first alternation of the same names
finds, with the context around it that the entity rules put there."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from reader.core.analysis.literal_trie import longest_first
from tests.property.budget import budget

# A small alphabet, so names share prefixes and occur in the text often.
names = st.lists(st.text(alphabet="Nnew Y.-ok", min_size=0, max_size=8), max_size=12)
texts = st.text(alphabet="Nnew Y.-ok,\n", max_size=120)


def spans(source: str, text: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<![\w.])(?:" + source + r")(?![\w])")
    return [m.span() for m in pattern.finditer(text)]


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@given(names, texts)
@budget(400)
@example(["New", "New York", "New York City", "Ne"], "New York Cityx New York, New Yorker Ne")
@example(["ab", "abc", "abd", ""], "abcd abd ab. ab")
def test_same_matches_as_the_alternation(words: list[str], text: str) -> None:
    assert spans(longest_first(words), text) == spans(alternation(words), text)


def test_a_name_is_written_once_per_branch() -> None:
    """Names sharing a beginning share it in the pattern (what makes it fast)."""
    assert longest_first(["Kent", "Kentucky", "Ken"]) == "Ken(?:t(?:ucky)?)?"
