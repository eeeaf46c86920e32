"""Well-known cities are places: re-typed when the model mislabels them."""

from __future__ import annotations

import pytest

from reader.core.analysis.countries import country_code
from reader.core.analysis.entities import extract_entities
from reader.core.analysis.places import CITIES, is_city
from reader.core.model import COUNTRY, PERSON, PLACE


def test_city_table_holds_no_country() -> None:
    assert is_city("Kyiv") and is_city("The Hague") and not is_city("Ukraine")
    assert not [c for c in CITIES if country_code(c)]


@pytest.mark.model
def test_mislabelled_capitals_are_places(nlp) -> None:
    for text in (
        "Foreign Minister Annalena Baerbock visited Kyiv. Baerbock said Germany would help.",
    ):
        types = {e.name: e.type for e in extract_entities(nlp(text))}
        assert types["Kyiv"] == PLACE, text
        assert COUNTRY in types.values()


@pytest.mark.model
def test_a_persons_name_that_is_also_a_city_stays_the_person(nlp) -> None:
    ents = extract_entities(nlp("George Washington crossed the river. Washington said so."))
    assert [(e.type, e.name, len(e.mentions)) for e in ents] == [(PERSON, "George Washington", 2)]
