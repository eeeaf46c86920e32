"""Issue 13, news development pages: US party-state tags and place nouns, on our own sentences."""

from __future__ import annotations

import pytest

from reader.core.analysis.entities import extract_entities
from reader.core.analysis.state_tags import party_state_tags
from reader.core.model import ORGANIZATION, PERSON, PLACE


def _by_text(doc) -> dict[str, str]:
    return {m.text: e.type for e in extract_entities(doc) for m in e.mentions}


def test_party_state_tags_give_the_state_only_in_the_tag_shape() -> None:
    text = "Rep. Ann Hale (D-Calif.) and Sen. Jo Beck (R-Texas) met Miss. Ind. voters."
    spans = [text[s:e] for s, e in party_state_tags(text)]
    assert spans == ["Calif.", "Texas"]
    assert party_state_tags("the (D-Foo.) tag and (X-N.C.)") == []


@pytest.mark.model
def test_the_state_of_a_party_state_tag_is_a_place_joined_with_its_full_name(nlp) -> None:
    doc = nlp(
        "Senator Maria Lopez (D-Calif.) voted against the bill, and Rep. Tom Hale (R-N.C.) "
        "joined her. Voters in North Carolina were split."
    )
    types = _by_text(doc)
    assert types["Calif."] == PLACE and types["N.C."] == PLACE
    assert types["Maria Lopez"] == PERSON and types["Tom Hale"] == PERSON
    carolina = next(e for e in extract_entities(doc) if e.name == "North Carolina")
    assert {m.text for m in carolina.mentions} == {"N.C.", "North Carolina"}


@pytest.mark.model
def test_a_name_governed_by_a_place_noun_is_a_place(nlp) -> None:
    types = _by_text(nlp("Residents of the fishing town of Brevik protested on Monday."))
    assert types["Brevik"] == PLACE


@pytest.mark.model
def test_a_body_named_beside_a_place_noun_stays_a_body(nlp) -> None:
    types = _by_text(nlp("The Kallmer Water Authority said the town of Brevik was dry."))
    assert types["Kallmer Water Authority"] == ORGANIZATION
    assert types["Brevik"] == PLACE


@pytest.mark.model
def test_a_place_found_by_its_place_noun_is_that_place_elsewhere_in_the_article(nlp) -> None:
    doc = nlp(
        "Redistricting cracked the liberal enclave of Lodmar and transformed the seat. "
        "The newly redrawn map reunites Lodmar, but the seat still favors Republicans."
    )
    lodmar = [e for e in extract_entities(doc) if e.name == "Lodmar"]
    assert [(e.type, len(e.mentions)) for e in lodmar] == [(PLACE, 2)]
