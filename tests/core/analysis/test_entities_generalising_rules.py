"""Entity rules of issue 13's second round, each on sentences of our own."""

from __future__ import annotations

import pytest

from reader.core.analysis.entities import extract_entities
from reader.core.model import ORGANIZATION


def _by_text(doc) -> dict[str, str]:
    return {m.text: e.type for e in extract_entities(doc) for m in e.mentions}


@pytest.mark.model
def test_a_possessive_written_with_an_opening_quote_ends_the_name(nlp) -> None:
    doc = nlp("Last week Harbour Gazette‘s Weekend Review ran a long interview with the mayor.")
    found = _by_text(doc)
    assert found.get("Harbour Gazette") == ORGANIZATION, found
    assert not any("‘" in text or "Weekend" in text for text in found), found
