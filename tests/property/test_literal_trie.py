"""``literal_trie.longest_first`` finds what the longest-first alternation of the same names
finds, with the context around it that the entity rules put there."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from reader.core.analysis.literal_trie import first_chars, longest_first, lowered_for
from tests.property.budget import budget

# A small alphabet, so names share prefixes and occur in the text often.
names = st.lists(st.text(alphabet="Nnew Y.-ok", min_size=0, max_size=8), max_size=12)
texts = st.text(alphabet="Nnew Y.-ok,\n", max_size=120)
# Both cases of each letter, and one that lowers to two characters.
mixed_names = st.lists(st.text(alphabet="NnEeWwYy .-İi", min_size=1, max_size=8), max_size=12)
mixed_texts = st.text(alphabet="NnEeWwYy .-İi,\n", max_size=120)


def spans(source: str, text: str, flags: int = 0, first: str = "") -> list[tuple[int, int]]:
    pattern = re.compile(first + r"(?<![\w.])(?:" + source + r")(?![\w])", flags)
    return [m.span() for m in pattern.finditer(text)]


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@given(names, texts)
@budget(400)
@example(["New", "New York", "New York City", "Ne"], "New York Cityx New York, New Yorker Ne")
@example(["ab", "abc", "abd", ""], "abcd abd ab. ab")
def test_same_matches_as_the_alternation(words: list[str], text: str) -> None:
    assert spans(longest_first(words), text) == spans(alternation(words), text)


@given(mixed_names, mixed_texts)
@budget(400)
@example(["New York", "NEW", "new york city", "nEW yORK"], "NEW YORK CITYx new york, New Yorker")
@example(["İst", "i", "İ"], "İst ist i̇st İ")
def test_ignoring_case_same_matches_as_the_alternation(words: list[str], text: str) -> None:
    """Names that differ only in case still match longest first (``one_sense`` finds an
    organization's name again in capitals)."""
    found = spans(longest_first(words, ignore_case=True), text, re.IGNORECASE)
    assert found == spans(alternation(words), text, re.IGNORECASE)


def test_a_name_is_written_once_per_branch() -> None:
    """Names sharing a beginning share it in the pattern (what makes it fast)."""
    assert longest_first(["Kent", "Kentucky", "Ken"]) == "Ken(?:t(?:ucky)?)?"


@given(names, texts)
@budget(400)
@example(["New", "Ne", "ew"], "New Ne ew. -ew")
@example(["ab", ""], "ab x")
def test_a_first_characters_lookahead_finds_the_same(words: list[str], text: str) -> None:
    """``first_chars`` before the lookbehind only lets ``re`` skip where no name starts."""
    source = longest_first(words)
    assert spans(source, text, first=first_chars(words)) == spans(source, text)


@given(mixed_names, mixed_texts)
@budget(400)
@example(["New", "nEW", "İst"], "NEW new İst ist i̇st")
def test_a_first_characters_lookahead_ignoring_case_finds_the_same(
    words: list[str], text: str
) -> None:
    source = longest_first(words, ignore_case=True)
    first = first_chars(words, ignore_case=True)
    assert spans(source, text, re.IGNORECASE, first) == spans(source, text, re.IGNORECASE)


def test_first_chars_is_one_class_and_empty_for_an_empty_name() -> None:
    assert first_chars(["Kent", "Ken", "York", "[x]"]) == r"(?=[KY\[])"
    assert first_chars(["Kent", ""]) == first_chars([]) == ""


# Letters ``re.IGNORECASE`` folds beyond ``str.lower`` ("ſ" is "s", "ı" is "i", final "ς"),
# the Kelvin sign, and "İ", which lowers to two characters.
folding_names = st.lists(st.text(alphabet="SsſIiıKkKΣσς .-", min_size=1, max_size=6), max_size=8)
folding_texts = st.text(alphabet="SsſIiıİKkKΣσςΑ .-,\n", max_size=80)


@given(folding_names, folding_texts)
@budget(400)
@example(["Kiss", "KISS"], "kiss KISS Kiss kisses")
@example(["kiss"], "KIſS kiss")
@example(["sis"], "SIΣ sis ΣΙΣ")
def test_the_lowered_text_finds_what_ignoring_case_finds(words: list[str], text: str) -> None:
    """Where ``lowered_for`` gives a text, the case-sensitive trie search in it finds what the
    ``re.IGNORECASE`` search of the text does; where it cannot promise that, it gives None."""
    source = longest_first(words, ignore_case=True)
    lowered = lowered_for(text, words)
    if lowered is not None:
        found = spans(source, lowered, first=first_chars(words, ignore_case=True))
        assert found == spans(source, text, re.IGNORECASE)


def test_the_lowered_text_only_where_it_finds_the_same() -> None:
    assert lowered_for("The KISS Trust met the Kiss Trust.", ["Kiss Trust"]) == (
        "the kiss trust met the kiss trust."
    )
    assert lowered_for("The KIſS Trust", ["Kiss Trust"]) is None  # "ſ" is "s" to re only
    assert lowered_for("İstanbul Trust", ["Istanbul Trust"]) is None  # lowers to two
    assert lowered_for("ΟΔΟΣ", ["οδος"]) is None  # the final sigma's context rule
