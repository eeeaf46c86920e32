"""``find_date_phrases`` scans each pattern only over the stretches that hold the words it needs;
for any text it must find what running every pattern over the whole text finds."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from reader.core.analysis import date_patterns
from reader.core.analysis.date_patterns import PATTERNS, find_date_phrases, keep_longest
from tests.property.budget import budget

# Words of every pattern, words that look like them, and the separators around them, barriers
# (quotes, brackets, colons) and the characters patterns do read (",", ".", "-", "/") alike.
_WORDS = """
    Monday Tuesday Sunday Mondays March May June July Sept Sep Sept. Nov. Dec Mayor Marching
    January December 6 17 26th 31 0 2025 1999 1990 2020s 2023-04-05 12
    the of in since by until from for to and a an one two ten his their this that
    last next this past coming earlier later early late mid mid- end start beginning turn
    first half quarter spring morning afternoon evening night tonight today TODAY Tomorrow
    yesterday yeſterday week weekend weeks month months year years day days ago Chicago agog
    time Senate run campaign
"""
WORDS = tuple(_WORDS.split())
SEPARATORS = (" ", "  ", "\n", ", ", ",", ".", ". ", "-", " - ", "/", '"', "“", "”", "(", ")",
              ": ", ";", "’", "'s ", "—", "\u00a0", "")  # fmt: skip


def plain(text: str) -> list[tuple[int, int]]:
    """What ``find_date_phrases`` gives: every pattern over the whole text."""
    hits = {date_patterns._span(m) for pattern in PATTERNS for m in pattern.finditer(text)}
    return keep_longest(list(hits), len(text))


texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=40
).map(lambda parts: "".join(word + sep for word, sep in parts))


@given(texts)
@budget(300)
@example('He left "Monday, March 17, 2025" and came back')
@example("(in March) since May 4 the 2022: a 2022 Senate run; last week, two days ago.")
@example("Nov. 6 (Reuters) - on Thursday last; tonight, mid-2020s, early May")
def test_same_hits_as_every_pattern_over_the_whole_text(text: str) -> None:
    assert find_date_phrases(text) == plain(text)


@given(st.text(max_size=300))
@budget(200)
def test_same_hits_on_any_text(text: str) -> None:
    assert find_date_phrases(text) == plain(text)


@given(texts)
@budget(300)
@example("in the first half of March; Monday morning; 26 of December 2025; Nov. 6")
def test_every_hit_holds_the_words_its_pattern_needs(text: str) -> None:
    """What the prefilter relies on: a pattern edited to match without its needed words
    (``NEEDS``) fails here rather than missing dates silently."""
    for pattern, kind in zip(PATTERNS, date_patterns.NEEDS, strict=True):
        for match in pattern.finditer(text):
            assert date_patterns._NEED[kind].search(match.group()), (pattern.pattern, kind)
