"""Untagged repeats of a name found once take its type, except a country's (rule selection)."""

from __future__ import annotations

import pytest

from reader.core.analysis.candidates import Candidate
from reader.core.analysis.entities import _fill_repeats
from reader.core.model import COUNTRY, ORGANIZATION

TEXT = "Jordan closed the crossing on Monday. Later, officials said Jordan would reopen it."


def _repeats(nlp, kind: str, label: str) -> list[tuple[str | None, int]]:
    """(type, offset) of what ``_fill_repeats`` adds when only the first "Jordan" is tagged,
    as ``kind``."""
    doc = nlp(TEXT)
    doc.ents = [doc.char_span(0, len("Jordan"), label=label)]
    first = Candidate(0, 1, label, kind)
    return [(c.type, doc[c.start].idx) for c in _fill_repeats(doc, TEXT, [first])[1:]]


@pytest.mark.model
def test_an_untagged_repeat_of_an_organization_takes_its_type(nlp) -> None:
    assert _repeats(nlp, ORGANIZATION, "ORG") == [(ORGANIZATION, TEXT.rindex("Jordan"))]


@pytest.mark.model
def test_an_untagged_repeat_of_a_country_name_is_left_to_the_model(nlp) -> None:
    """The model tags a country where it names one; an untagged repeat is another sense."""
    assert _repeats(nlp, COUNTRY, "GPE") == []
