"""Alias merging: one entity per real-world thing, canonical names, deterministic ids."""

from __future__ import annotations

from reader.core.analysis.aliases import initials, merge_mentions
from reader.core.model import COUNTRY, ORGANIZATION, PERSON, PLACE
from tests.fixtures.mentions import spaced_mentions as _mentions


def _names(entities) -> list[tuple[str, str, list[str]]]:
    return [(e.id, e.name, [m.text for m in e.mentions]) for e in entities]


def test_surname_joins_full_name_and_name_is_longest() -> None:
    ents = merge_mentions(_mentions(("Macron", PERSON), ("Emmanuel Macron", PERSON)))
    assert _names(ents) == [("e1", "Emmanuel Macron", ["Macron", "Emmanuel Macron"])]


def test_countries_merge_by_code_with_full_name() -> None:
    ents = merge_mentions(
        _mentions(("U.S.", COUNTRY, "US"), ("United States", COUNTRY, "US"), ("US", COUNTRY, "US"))
    )
    assert len(ents) == 1
    assert ents[0].name == "United States"
    assert ents[0].country == "US"


def test_country_known_only_by_abbreviation_gets_its_short_name() -> None:
    ents = merge_mentions(_mentions(("U.S.", COUNTRY, "US")))
    assert ents[0].name == "United States"


def test_the_guardian_and_guardian_are_one_organization() -> None:
    ents = merge_mentions(_mentions(("Guardian", ORGANIZATION), ("The Guardian", ORGANIZATION)))
    assert _names(ents) == [("e1", "The Guardian", ["Guardian", "The Guardian"])]


def test_acronym_joins_the_organization_it_spells() -> None:
    assert "OSCE" in initials("Organization for Security and Co-operation in Europe")
    assert "AFP" in initials("Agence France-Presse")
    ents = merge_mentions(_mentions(("European Union", ORGANIZATION), ("EU", ORGANIZATION)))
    assert _names(ents) == [("e1", "European Union", ["European Union", "EU"])]


def test_dateline_capitals_take_the_usual_case() -> None:
    ents = merge_mentions(_mentions(("BERLIN", PLACE), ("Berlin", PLACE)))
    assert ents[0].name == "Berlin"
    assert merge_mentions(_mentions(("TBILISI", PLACE)))[0].name == "Tbilisi"


def test_two_people_sharing_a_surname_stay_apart() -> None:
    ents = merge_mentions(
        _mentions(
            ("Boris Johnson", PERSON),
            ("Johnson", PERSON),
            ("Jo Johnson", PERSON),
            ("Johnson", PERSON),
        )
    )
    assert _names(ents) == [
        ("e1", "Boris Johnson", ["Boris Johnson", "Johnson"]),
        ("e2", "Jo Johnson", ["Jo Johnson", "Johnson"]),
    ]


def test_ambiguous_surname_before_any_full_name_stays_separate() -> None:
    ents = merge_mentions(
        _mentions(("Johnson", PERSON), ("Boris Johnson", PERSON), ("Jo Johnson", PERSON))
    )
    assert [e.name for e in ents] == ["Johnson", "Boris Johnson", "Jo Johnson"]


def test_same_type_only_and_ids_follow_first_mention() -> None:
    ents = merge_mentions(
        _mentions(("Jordan", COUNTRY, "JO"), ("Michael Jordan", PERSON), ("Jordan", COUNTRY, "JO"))
    )
    assert [(e.id, e.type, e.name, len(e.mentions)) for e in ents] == [
        ("e1", COUNTRY, "Jordan", 2),
        ("e2", PERSON, "Michael Jordan", 1),
    ]


def test_company_legal_form_does_not_split_an_organization() -> None:
    ents = merge_mentions(_mentions(("Microsoft Corp", ORGANIZATION), ("Microsoft", ORGANIZATION)))
    assert _names(ents) == [("e1", "Microsoft Corp", ["Microsoft Corp", "Microsoft"])]


def test_family_name_first_joins_the_one_full_name_it_starts() -> None:
    ents = merge_mentions(
        _mentions(("Xi Jinping", PERSON), ("Xi", PERSON), ("Trump", PERSON), ("Xi", PERSON))
    )
    assert _names(ents) == [
        ("e1", "Xi Jinping", ["Xi Jinping", "Xi", "Xi"]),
        ("e2", "Trump", ["Trump"]),
    ]


def test_a_surname_first_name_is_read_in_the_order_said() -> None:
    ents = merge_mentions(
        _mentions(
            ("Odile van Rensburg", PERSON),
            ("Rensburg, Odile van", PERSON),
            ("Okonjo, T.", PERSON),
        )
    )
    assert _names(ents) == [
        ("e1", "Odile van Rensburg", ["Odile van Rensburg", "Rensburg, Odile van"]),
        ("e2", "T. Okonjo", ["Okonjo, T."]),
    ]


def test_a_generational_suffix_after_a_comma_is_no_given_name() -> None:
    ents = merge_mentions(_mentions(("Ezra Pond, Jr.", PERSON), ("Pond", PERSON)))
    assert _names(ents) == [("e1", "Ezra Pond, Jr.", ["Ezra Pond, Jr.", "Pond"])]


def test_an_initialled_name_joins_the_one_full_name_it_abbreviates() -> None:
    ents = merge_mentions(
        _mentions(("Greta Halvorsen", PERSON), ("Halvorsen", PERSON), ("Halvorsen, G.K.", PERSON))
    )
    assert _names(ents) == [
        ("e1", "Greta Halvorsen", ["Greta Halvorsen", "Halvorsen", "Halvorsen, G.K."])
    ]


def test_an_initial_two_full_names_share_or_none_has_stays_apart() -> None:
    two = merge_mentions(
        _mentions(
            ("Greta Halvorsen", PERSON), ("Gunnar Halvorsen", PERSON), ("G. Halvorsen", PERSON)
        )
    )
    assert [e.name for e in two] == ["Greta Halvorsen", "Gunnar Halvorsen", "G. Halvorsen"]
    other = merge_mentions(_mentions(("Greta Halvorsen", PERSON), ("Halvorsen, P.", PERSON)))
    assert [e.name for e in other] == ["Greta Halvorsen", "P. Halvorsen"]


def test_a_persons_name_is_the_first_full_form_not_a_later_middle_initial() -> None:
    ents = merge_mentions(
        _mentions(("Rosa Lindqvist", PERSON), ("Lindqvist", PERSON), ("Rosa M. Lindqvist", PERSON))
    )
    assert _names(ents) == [
        ("e1", "Rosa Lindqvist", ["Rosa Lindqvist", "Lindqvist", "Rosa M. Lindqvist"])
    ]
    capitals = merge_mentions(_mentions(("ROSA LINDQVIST", PERSON), ("Rosa M. Lindqvist", PERSON)))
    assert [e.name for e in capitals] == ["Rosa M. Lindqvist"]


def test_last_words_after_a_preposition_are_no_short_form_of_the_longer_body() -> None:
    ents = merge_mentions(
        _mentions(
            ("Union for the Fair Harbour Trade", ORGANIZATION),
            ("Fair Harbour Trade", ORGANIZATION),
            ("Coalition of Hill Farmers", ORGANIZATION),
            ("Hill Farmers", ORGANIZATION),
        )
    )
    assert len(ents) == 4  # each is a body of its own: the longer name is about the shorter


def test_last_words_without_a_preposition_before_them_still_join_the_longer_body() -> None:
    ents = merge_mentions(
        _mentions(("Northern Harbour Trade Council", ORGANIZATION), ("Trade Council", ORGANIZATION))
    )
    long = "Northern Harbour Trade Council"
    assert _names(ents) == [("e1", long, [long, "Trade Council"])]
