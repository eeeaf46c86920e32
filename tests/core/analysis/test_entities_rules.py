"""Span rules and entity extraction on real model output (titles, "the", possessives,
datelines, the date header, nationalities, places beside countries)."""

from __future__ import annotations

import pytest

from reader.core.analysis import wire_lines
from reader.core.analysis.entities import extract_entities
from reader.core.model import COUNTRY, NATIONALITY, ORGANIZATION, PERSON, PLACE


def _by_text(doc) -> dict[str, str]:
    return {m.text: e.type for e in extract_entities(doc) for m in e.mentions}


def test_dateline_forms() -> None:
    text = "BERLIN, Nov 6 (Reuters) - Talks began."
    (place, agency) = wire_lines.dateline(text)
    assert text[slice(*place)] == "BERLIN" and text[slice(*agency)] == "Reuters"
    text = "date 2025-03-17 Headline here\nKyiv • UNN\nFrance said."
    (place, agency) = wire_lines.dateline(text)
    assert text[slice(*place)] == "Kyiv" and text[slice(*agency)] == "UNN"
    assert wire_lines.dateline("Talks began in Berlin.") is None


def test_header_end() -> None:
    assert wire_lines.header_end("date 2025-03-17 Macron says") == len("date 2025-03-17")
    assert wire_lines.header_end("Macron says") == 0


@pytest.mark.model
def test_titles_the_and_possessive_are_not_in_spans(nlp) -> None:
    doc = nlp(
        "President Salome Zourabichvili met French President Emmanuel Macron. "
        "The talks, hosted by the Bank of England's governor, followed a report in The Guardian."
    )
    found = _by_text(doc)
    assert found["Salome Zourabichvili"] == PERSON
    assert found["Emmanuel Macron"] == PERSON
    assert found["Bank of England"] == ORGANIZATION
    assert found["The Guardian"] == ORGANIZATION
    assert found["French"] == NATIONALITY
    assert not any(t.startswith(("President", "the ")) or t.endswith("'s") for t in found)


@pytest.mark.model
def test_countries_places_and_linked_nationalities(nlp) -> None:
    doc = nlp(
        "Russia attacked Kharkiv overnight, and Moscow denied it. Ukrainians in Europe "
        "asked the United States and Great Britain for help."
    )
    ents = extract_entities(doc)
    types = {e.name: (e.type, e.country) for e in ents}
    assert types["Russia"] == (COUNTRY, "RU")
    assert types["United States"] == (COUNTRY, "US")
    assert types["Great Britain"] == (COUNTRY, "GB")
    assert types["Moscow"][0] == PLACE
    assert types["Europe"][0] == PLACE
    assert types["Ukrainian"] == (NATIONALITY, "UA")


@pytest.mark.model
def test_surname_mislabelled_by_model_follows_full_name(nlp) -> None:
    doc = nlp(
        "German Chancellor Olaf Scholz met Emmanuel Macron in Berlin. "
        "According to Scholz, Poland has been invited."
    )
    ents = extract_entities(doc)
    scholz = next(e for e in ents if e.name == "Olaf Scholz")
    assert scholz.type == PERSON
    assert [m.text for m in scholz.mentions] == ["Olaf Scholz", "Scholz"]


@pytest.mark.model
def test_date_header_never_becomes_an_entity(nlp) -> None:
    text = "date 2025-03-17 Macron visits Kyiv\nKyiv • UNN\nMacron arrived in Ukraine."
    ents = extract_entities(nlp(text))
    head = wire_lines.header_end(text)
    assert all(m.start >= head for e in ents for m in e.mentions)
    assert ("UNN", ORGANIZATION) in {(e.name, e.type) for e in ents}


@pytest.mark.model
def test_ids_are_deterministic_and_offsets_index_the_text(nlp) -> None:
    text = "Macron said France and the U.S. agree. Emmanuel Macron spoke to Reuters."
    first = extract_entities(nlp(text))
    second = extract_entities(nlp(text))
    assert [(e.id, e.name) for e in first] == [(e.id, e.name) for e in second]
    assert [e.id for e in first] == [f"e{i}" for i in range(1, len(first) + 1)]
    for e in first:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


@pytest.mark.model
def test_wire_dateline_and_seat_of_power(nlp) -> None:
    text = (
        "WASHINGTON (AP) — President Joe Biden met Japanese Prime Minister Fumio Kishida "
        "at the White House on Friday. Kishida said Japan's economy was growing."
    )
    ents = {e.name: e for e in extract_entities(nlp(text))}
    assert ents["Washington"].type == PLACE
    assert ents["AP"].type == ORGANIZATION
    assert ents["White House"].type == ORGANIZATION
    assert [m.text for m in ents["Fumio Kishida"].mentions] == ["Fumio Kishida", "Kishida"]
    assert (ents["Japan"].type, ents["Japanese"].type) == (COUNTRY, NATIONALITY)


@pytest.mark.model
def test_language_is_not_a_nationality(nlp) -> None:
    found = _by_text(nlp('"Nous sommes prêts," he added in French for journalists from France.'))
    assert "French" not in found
    assert found["France"] == COUNTRY


@pytest.mark.model
def test_unions_of_states_are_organizations_not_places(nlp) -> None:
    ents = extract_entities(nlp("The EU and the U.N. met. The European Union said so."))
    eu = next(e for e in ents if e.name == "European Union")
    assert eu.type == ORGANIZATION
    assert [m.text for m in eu.mentions] == ["EU", "European Union"]
    assert all(e.type == ORGANIZATION for e in ents)


@pytest.mark.model
def test_title_words_tagged_as_organization_are_dropped(nlp) -> None:
    doc = nlp(
        "Interior Minister Ali Yerlikaya said teams were ready. "
        "British Energy Secretary Ed Miliband agreed."
    )
    found = _by_text(doc)
    assert "Interior" not in found and "British Energy" not in found
    assert found["British"] == NATIONALITY
    assert found["Ali Yerlikaya"] == PERSON and found["Ed Miliband"] == PERSON


@pytest.mark.model
def test_untagged_surname_and_mistyped_full_name_become_the_person(nlp) -> None:
    dino = extract_entities(
        nlp("Justice Flavio Dino wrote the ruling. Dino wrote that the state had failed.")
    )
    assert [(e.name, [m.text for m in e.mentions]) for e in dino] == [
        ("Flavio Dino", ["Flavio Dino", "Dino"])
    ]
    meloni = extract_entities(
        nlp("Italy's Giorgia Meloni met the press. Meloni said talks went well.")
    )
    person = next(e for e in meloni if e.type == PERSON)
    assert [m.text for m in person.mentions] == ["Giorgia Meloni", "Meloni"]


@pytest.mark.model
def test_pro_and_anti_prefixes_leave_the_nationality(nlp) -> None:
    ents = extract_entities(nlp("Kremlin-backed and pro-Russian groups protested."))
    russian = next(e for e in ents if e.type == NATIONALITY)
    assert (russian.name, russian.country, russian.mentions[0].text) == ("Russian", "RU", "Russian")
