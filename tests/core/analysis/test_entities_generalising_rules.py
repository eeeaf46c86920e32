"""Entity rules of issue 13's second round, each on sentences of our own."""

from __future__ import annotations

import pytest

from reader.core.analysis import name_kinds, span_splits, title_case
from reader.core.analysis.entities import extract_entities
from reader.core.model import COUNTRY, ORGANIZATION, PERSON


def _by_text(doc) -> dict[str, str]:
    return {m.text: e.type for e in extract_entities(doc) for m in e.mentions}


def _entity_of(doc, text: str):
    return next(e for e in extract_entities(doc) for m in e.mentions if m.text == text)


@pytest.mark.model
def test_a_possessive_written_with_an_opening_quote_ends_the_name(nlp) -> None:
    doc = nlp("Last week Harbour Gazette‘s Weekend Review ran a long interview with the mayor.")
    found = _by_text(doc)
    assert found.get("Harbour Gazette") == ORGANIZATION, found
    assert not any("‘" in text or "Weekend" in text for text in found), found


def test_title_case_lines_are_told_by_their_long_words() -> None:
    assert title_case.is_title_case("Council Approves Bakery Expansion Plan for the Harbour")
    assert not title_case.is_title_case("The Harbourside Council approved the plan on Monday.")
    assert not title_case.is_title_case("By Ann Lee")  # too few long words to tell
    text = "Mayor Backs New Harbour Plan\nThe council met on Monday."
    assert title_case.title_case_lines(text) == [(0, 28)]


@pytest.mark.model
def test_a_docs_title_case_lines_are_found_once(nlp) -> None:
    text = "Mayor Backs New Harbour Plan\nThe council met on Monday.\nBakers Welcome Harbour Plan"
    doc = nlp(text)
    lines = title_case.doc_title_case_lines(doc)
    assert lines == title_case.title_case_lines(text) == [(0, 28), (56, 83)]
    assert title_case.doc_title_case_lines(doc) is lines


@pytest.mark.model
def test_a_title_case_line_keeps_only_names_the_body_confirms(nlp) -> None:
    doc = nlp(
        "Brantwell Liable for Faulty Third-Party Heaters Rules NY Appeals Court\n"
        "A state court found on Thursday that Brantwell can be held liable for heaters sold by "
        "other sellers on its website. Brantwell said it would appeal.\n"
        "Dellmore Shares Fall After Strike At Kestrel Plant\n"
        "Workers at the plant walked out on Friday."
    )
    found = _by_text(doc)
    assert found.get("Brantwell") == ORGANIZATION, found
    glued = [text for text in found if {"Liable", "Heaters", "Shares"} & set(text.split())]
    assert glued == [], found


@pytest.mark.model
def test_a_countrys_possessive_before_a_name_joins_two_names(nlp) -> None:
    doc = nlp("The deal gives France’s Valmont Group a foothold in the region.")
    found = _by_text(doc)
    assert found.get("France") == COUNTRY, found
    assert found.get("Valmont Group") == ORGANIZATION, found


def test_split_after_place_possessive_leaves_other_spans_whole(nlp) -> None:
    doc = nlp.make_doc("Valmont Group’s board met. France’s Valmont Group agreed.")
    assert span_splits.split_after_place_possessive(doc, 0, 3) == [(0, 3)]
    assert span_splits.split_after_place_possessive(doc, 6, 10) == [(6, 7), (8, 10)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Another company, Pelco, announced last April that it would provide the software.",
            "Pelco",
        ),
        ("The anti-war groups like Indivisible cannot agree on a candidate.", "Indivisible"),
        ("A Zoomit spokesperson said the service would return on Monday.", "Zoomit"),
        ("The campaign's Facebook page was created on Monday.", "Facebook"),
    ],
)
def test_words_of_an_organizations_kind_make_the_name_beside_them_one(
    nlp, sentence: str, name: str
) -> None:
    found = _by_text(nlp(sentence))
    assert found.get(name) == ORGANIZATION, found


@pytest.mark.model
def test_a_name_the_context_calls_an_organization_is_one_wherever_it_is_written(nlp) -> None:
    doc = nlp(
        "A Zoomit spokesperson said the service would return. Users of Zoomit in Lisbon "
        "complained on Monday."
    )
    zoomit = [e for e in extract_entities(doc) if any(m.text == "Zoomit" for m in e.mentions)]
    assert len(zoomit) == 1 and zoomit[0].type == ORGANIZATION
    assert [m.text for m in zoomit[0].mentions] == ["Zoomit", "Zoomit"]


@pytest.mark.model
def test_a_person_with_a_spokesperson_stays_a_person(nlp) -> None:
    found = _by_text(nlp("A spokesperson said on Monday. A Donald Trump spokesperson declined."))
    assert found.get("Donald Trump") == PERSON, found


@pytest.mark.model
def test_a_known_persons_name_capitalised_mid_sentence_is_that_person(nlp) -> None:
    doc = nlp(
        "Mark Meadows said no. While Meadows’ announcement came late, the anti-Meadows groups "
        "met on Monday."
    )
    meadows = _entity_of(doc, "Mark Meadows")
    assert meadows.type == PERSON
    assert [m.text for m in meadows.mentions] == ["Mark Meadows", "Meadows", "Meadows"]


def test_split_at_colons_gives_each_side(nlp) -> None:
    doc = nlp.make_doc("Northfield Weekly: What now")
    assert [doc[s:e].text for s, e in span_splits.split_at_colons(doc, 0, len(doc))] == [
        "Northfield Weekly",
        "What now",
    ]


@pytest.mark.model
def test_a_name_does_not_run_over_a_colon(nlp) -> None:
    doc = nlp("It is an extract from the book.\nThe Economist: What do you make of the vote?")
    found = {m.text: e.type for e in extract_entities(doc, "The Economist") for m in e.mentions}
    assert found == {"The Economist": ORGANIZATION}


@pytest.mark.model
def test_a_common_nouns_initialism_is_no_organization(nlp) -> None:
    doc = nlp("Schools in Ohio will use AI to scan the halls, and Zoomit sells the AI software.")
    found = _by_text(doc)
    assert "AI" not in found, found
    assert name_kinds.common_initialism("GDP") and not name_kinds.common_initialism("IBM")
