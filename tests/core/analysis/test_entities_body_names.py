"""Organization rules of issue 13's third round: names whose own words say they are bodies,
each on sentences of our own."""

from __future__ import annotations

import pytest

from reader.core.analysis import name_kinds, rules
from reader.core.analysis.entities import extract_entities
from reader.core.model import ORGANIZATION, PERSON, PLACE


def _by_text(doc) -> dict[str, str]:
    return {m.text: e.type for e in extract_entities(doc) for m in e.mentions}


def test_a_clubs_own_words_name_it() -> None:
    assert name_kinds.club_name("Marlow Town FC")
    assert name_kinds.club_name("Kestrel United")
    assert name_kinds.club_name("AC Milan")
    assert not name_kinds.club_name("United")
    assert not name_kinds.club_name("Mexico City")


def test_a_name_says_it_is_a_body_by_its_last_word() -> None:
    assert name_kinds.named_as_body("Atlantis Semiconductors")
    assert name_kinds.named_as_body("Kestrel Holdings Ltd")
    assert name_kinds.named_as_body("Marlow Town FC")
    assert not name_kinds.named_as_body("Semiconductors")
    assert not name_kinds.named_as_body("Atlantis Avenue")


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "On Monday, shares in Atlantis Semiconductors rose after the results were out, and "
            "traders were glad.",
            "Atlantis Semiconductors",
        ),
        (
            "On Friday, the new club Marlow Town FC signed the striker from Kestrel United for "
            "a fee that was not disclosed.",
            "Kestrel United",
        ),
    ],
)
def test_a_name_ending_in_a_bodys_word_is_an_organization(nlp, sentence: str, name: str) -> None:
    found = _by_text(nlp(sentence))
    assert found.get(name) == ORGANIZATION, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The leaders of the Group of Seven met in Canada to talk about trade and the war.",
            "Group of Seven",
        ),
    ],
)
def test_a_head_noun_first_then_of_names_one_body(nlp, sentence: str, name: str) -> None:
    found = _by_text(nlp(sentence))
    assert found.get(name) == ORGANIZATION, found


@pytest.mark.model
def test_a_place_the_model_found_does_not_grow_into_a_body(nlp) -> None:
    found = _by_text(
        nlp("Israeli troops entered the West Bank on Monday and stayed there for a week.")
    )
    assert found.get("West Bank") == PLACE, found
    assert not any(kind == ORGANIZATION for kind in found.values()), found


@pytest.mark.model
def test_a_topic_after_on_is_not_part_of_the_body(nlp) -> None:
    found = _by_text(
        nlp("The motion before Parliament on Brexit was tabled by a member of the opposition.")
    )
    assert "Parliament on Brexit" not in found, found


@pytest.mark.model
def test_a_headline_in_title_case_keeps_its_capitals_to_itself(nlp) -> None:
    doc = nlp(
        "Council of Kestrel Towns Backs Ferry Plan Again\n"
        "The plan was approved by the council on Monday after a long debate."
    )
    found = _by_text(doc)
    assert not any("Backs" in name for name in found), found


def test_words_of_one_class_joined_by_and_make_one_name() -> None:
    assert name_kinds.coordinated_in_one_name("Post", "Courier")
    assert name_kinds.coordinated_in_one_name("Tidewater Hotels", "Resorts")
    assert not name_kinds.coordinated_in_one_name("Tidewater Hotels", "Courier")
    assert not name_kinds.coordinated_in_one_name("Google", "Meta")
    assert not name_kinds.coordinated_in_one_name("Post", "Daily Telegraph")


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The story was first published by the Harbour Post and Courier last year, the "
            "editor said.",
            "Harbour Post and Courier",
        ),
        (
            "A spokesman said Tidewater Hotels and Resorts plans to open a new site in the spring.",
            "Tidewater Hotels and Resorts",
        ),
    ],
)
def test_a_name_the_model_split_at_and_is_one_organization(nlp, sentence: str, name: str) -> None:
    found = _by_text(nlp(sentence))
    assert found.get(name) == ORGANIZATION, found
    assert not any(kind == ORGANIZATION and text != name for text, kind in found.items()), found


@pytest.mark.model
def test_two_companies_joined_by_and_stay_two(nlp) -> None:
    found = _by_text(
        nlp("The Post and Daily Telegraph both ran the story on Monday, the editor said.")
    )
    assert "Post and Daily Telegraph" not in found, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "She posted the video on Facebook, Twitter, WhatsApp and Telegram, where it spread "
            "quickly.",
            ["Facebook", "Twitter", "WhatsApp", "Telegram"],
        ),
        (
            "The deal between Google and Meta was signed on Monday, the companies said in a "
            "statement.",
            ["Google", "Meta"],
        ),
        ("Regulators in Brussels fined Zoomit and Apple for the practice last year.", ["Zoomit"]),
    ],
)
def test_names_coordinated_with_an_organization_are_organizations(
    nlp, sentence: str, names: list[str]
) -> None:
    found = _by_text(nlp(sentence))
    assert all(found.get(name) == ORGANIZATION for name in names), found


@pytest.mark.model
def test_a_persons_surname_coordinated_with_a_company_stays_a_person(nlp) -> None:
    doc = nlp(
        "Elon Vardy spoke on Monday. The deal between Vardy and Google was signed later, the "
        "company said."
    )
    found = _by_text(doc)
    assert found.get("Vardy") == PERSON, found
    assert found.get("Google") == ORGANIZATION, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("On Tuesday the Portuguese club Benfica signed a young striker from Lyon.", "Benfica"),
        ("Dozens of Pelco employees walked out of the plant on Friday morning.", "Pelco"),
    ],
)
def test_more_words_of_an_organizations_kind_name_the_class_beside_them(
    nlp, sentence: str, name: str
) -> None:
    found = _by_text(nlp(sentence))
    assert found.get(name) == ORGANIZATION, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The Committee to Protect Journalists said three reporters were held in the capital "
            "last week.",
            "Committee to Protect Journalists",
        ),
        (
            "A spokesman for the Committee to Reelect the President declined to comment on the "
            "report.",
            "Committee to Reelect the President",
        ),
    ],
)
def test_an_infinitive_and_its_object_belong_to_the_bodys_name(
    nlp, sentence: str, name: str
) -> None:
    found = _by_text(nlp(sentence))
    assert found.get(name) == ORGANIZATION, found


def test_a_quote_mark_after_a_dropped_article_is_no_part_of_the_name(nlp) -> None:
    doc = nlp.make_doc("They wrote to the “Harbour Friends Society” last year.")
    start = [t.text for t in doc].index("the")
    end = [t.text for t in doc].index("”") + 1
    cleaned = rules.clean_span(doc, start, end, "ORG")
    assert cleaned is not None
    assert doc[cleaned[0] : cleaned[1]].text == "Harbour Friends Society"


def test_a_stretch_of_land_is_named_by_its_last_word() -> None:
    assert name_kinds.facility_name("Berbice Coast")
    assert name_kinds.facility_name("Northern Territory")
    assert name_kinds.facility_name("Kestrel Valley")
    assert not name_kinds.facility_name("Kestrel Valley Bank")


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "He had left his home at Tamar Lodge, Berbice Coast around 20:00hrs on Thursday to "
            "go fishing.",
            "Berbice Coast",
        ),
        (
            "Officials arrested the Northern Territory’s chief minister on Monday, police said.",
            "Northern Territory",
        ),
    ],
)
def test_a_coast_or_a_territory_tagged_org_is_a_place(nlp, sentence: str, name: str) -> None:
    found = _by_text(nlp(sentence))
    assert found.get(name) == PLACE, found
