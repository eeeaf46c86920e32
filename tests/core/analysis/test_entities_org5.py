"""Organization rules of issue 13's fifth round (happenings the model tags ORG or PERSON; party
factions it tags NORP), on sentences of our own."""

from __future__ import annotations

import pytest

from reader.core.analysis import name_kinds, parties
from reader.core.analysis.entities import entity_type, extract_entities
from reader.core.model import ORGANIZATION


def _types(doc) -> list[tuple[str, str]]:
    return [(m.text, e.type) for e in extract_entities(doc) for m in e.mentions]


def test_happenings_by_their_head_or_first_word() -> None:
    class _Token:
        def __init__(self, text: str) -> None:
            self.text = text

    class _Span(list):
        def __init__(self, words: str, root: str) -> None:
            super().__init__(_Token(w) for w in words.split())
            self.root = _Token(root)

    assert name_kinds.happening_name(_Span("Kapp Putsch", "Putsch"))
    assert name_kinds.happening_name(_Span("Storm Babet", "Babet"))
    assert name_kinds.happening_name(_Span("Operation Quiet Harbour", "Harbour"))
    assert not name_kinds.happening_name(_Span("Institute for the Study of War", "Institute"))
    assert not name_kinds.happening_name(_Span("Storm", "Storm"))
    assert not name_kinds.happening_name(_Span("Operation and", "Operation"))


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence, name",
    [
        ("The failed Kapp Putsch happened in 1920.", "Kapp Putsch"),
        ("Storm Babet flooded homes across the valley.", "Storm Babet"),
        ("Typhoon Haiyan killed thousands in the region.", "Typhoon Haiyan"),
        ("The army launched Operation Protective Edge in July.", "Operation Protective Edge"),
        ("The Cuban Missile Crisis lasted thirteen days.", "Cuban Missile Crisis"),
    ],
)
def test_a_happening_is_no_entity(nlp, monkeypatch, sentence: str, name: str) -> None:
    doc = nlp(sentence)
    assert name not in [text for text, _ in _types(doc)]
    monkeypatch.setattr(name_kinds, "happening_name", lambda span: False)
    assert name in [text for text, _ in _types(doc)]  # the model's tag, without the rule


@pytest.mark.model
def test_a_body_named_after_a_war_stays_a_body(nlp) -> None:
    doc = nlp("The Institute for the Study of War said the front had not moved.")
    assert ("Institute for the Study of War", ORGANIZATION) in _types(doc)


def test_a_party_word_after_capitalised_words_names_a_faction() -> None:
    assert parties.faction_name("New Democrats") and parties.faction_name("Social Democrats")
    assert not parties.faction_name("Democrats")  # the party itself (party_name)
    assert not parties.faction_name("Liberal Democrats")  # a party of the table
    assert not parties.faction_name("moderate Republicans")  # an opinion, not a name
    assert entity_type("NORP", "Christian Democrats") == ORGANIZATION
    assert entity_type("NORP", "American Republicans") != ORGANIZATION  # a nationality first


@pytest.mark.model
def test_a_caucus_the_model_calls_a_nationality_is_an_organization(nlp, monkeypatch) -> None:
    doc = nlp("Members of the New Democrats met on Tuesday to discuss the bill.")
    assert ("New Democrats", ORGANIZATION) in _types(doc)
    monkeypatch.setattr(parties, "faction_name", lambda text: False)
    assert ("New Democrats", ORGANIZATION) not in _types(doc)  # the rule's work
