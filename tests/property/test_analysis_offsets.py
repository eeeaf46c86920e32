"""For any Unicode text, every offset the real analysis returns indexes Article.text exactly."""

from __future__ import annotations

import pytest
from hypothesis import example, given

from reader.core import schema
from reader.core.analysis import SpacyAnalyser
from reader.core.loaders.text import parse_text
from reader.core.model import Annotations, Article
from tests.property.budget import budget
from tests.property.strategies import hostile_text

pytestmark = pytest.mark.model


def assert_offsets_exact(ann: Annotations) -> None:
    """The invariant every part of the app relies on: text[start:end] == span text."""
    text = ann.article.text
    spans = [(m, "mention") for e in ann.entities for m in e.mentions]
    spans += [(q, "quote") for q in ann.quotes] + [(d, "date") for d in ann.dates]
    for span, what in spans:
        assert 0 <= span.start <= span.end <= len(text), (what, span)
        assert text[span.start : span.end] == span.text, (what, span)
    for entity in ann.entities:
        starts = [m.start for m in entity.mentions]
        assert starts == sorted(starts), entity
    ids = [e.id for e in ann.entities]
    assert len(ids) == len(set(ids))
    for quote in ann.quotes:
        assert quote.speaker_id is None or quote.speaker_id in ids


@given(hostile_text)
@budget(25)
@example("Emmanuel Macron \U0001f600 said in Kyiv\r\n\x00 that \u201cUkraine\u0301 will win\u201d.")
@example(
    "\u202e\u05e9\u05dc\u05d5\u05dd Russia\u0308 and NATO\x00\x00 on Saturday \U0001f1fa\U0001f1e6"
)
def test_raw_text_offsets_are_exact(nlp, text: str) -> None:
    ann = SpacyAnalyser(nlp).analyse(Article(text=text))
    assert ann.article.text == text
    assert_offsets_exact(ann)
    # What the analysis produced is what schema v1 can carry.
    assert schema.dumps(schema.loads(schema.dumps(ann))) == schema.dumps(ann)


@given(hostile_text)
@budget(15)
def test_loaded_text_offsets_are_exact(nlp, text: str) -> None:
    """The same through the text loader (header line, CRLF folding, paragraph blocks)."""
    article = parse_text("date 2025-03-17 A headline\r\n" + text)
    ann = SpacyAnalyser(nlp).analyse(article)
    assert_offsets_exact(ann)
    for block in article.blocks:
        assert 0 <= block.start <= block.end <= len(article.text)
