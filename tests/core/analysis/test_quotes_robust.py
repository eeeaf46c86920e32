"""Quotes never break on odd text: any mix of marks, apostrophes and paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.core.analysis import SpacyAnalyser
from reader.core.analysis.quote_marks import MARKS, pair_quotes
from reader.core.loaders.text import parse_text

PIECES = [
    "Macron", "said", "he", "she", "added", "the", "French", "president", "Russia's", "don't",
    "mass", "told", "reporters", "Ukraine", "according", "to", ",", ".", ":", "\n", '"', "“",
    "”", "«", "»", "'", "’", "‘", "Kallas", "Emmanuel",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)


@given(texts)
@example('" Macron \n Macron ”')  # a quotation run on into the next paragraph
def test_pairing_gives_clean_spans(text: str) -> None:
    spans = pair_quotes(text)
    previous_end = -1
    for span in spans:
        assert span.open_at < span.start < span.end <= span.close_at
        quoted = text[span.start : span.end]
        assert quoted == quoted.strip() and quoted
        # a quotation run on from the previous paragraph opens where its paragraph starts
        assert text[span.open_at] in MARKS or (span.continues and text[span.open_at - 1] == "\n")
        assert "\n" not in quoted
        assert span.open_at > previous_end
        previous_end = span.close_at


@pytest.mark.model
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts)
def test_find_quotes_never_fails_and_offsets_hold(nlp, text: str) -> None:
    ann = SpacyAnalyser(nlp).analyse(parse_text(text))
    ids = {e.id for e in ann.entities}
    for quote in ann.quotes:
        assert ann.article.text[quote.start : quote.end] == quote.text
        assert quote.kind in ("speech", "scare")
        assert quote.speaker_id is None or quote.speaker_id in ids
        if quote.kind == "scare":
            assert quote.speaker is None


@pytest.mark.model
def test_quotes_from_an_unparsed_doc_keep_their_offsets(nlp) -> None:
    """Without a parse (a bare tokenised Doc) quotes are still found, just unattributed."""
    from reader.core.analysis.quotes import find_quotes

    text = 'Macron said "we are ready".\n“Yes,” he added. « Oui »'
    quotes = find_quotes(nlp.make_doc(text), [])
    assert [q.text for q in quotes] == ["we are ready", "Yes", "Oui"]
    assert all(q.speaker is None for q in quotes)
