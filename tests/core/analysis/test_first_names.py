"""First names tell a person's sex where the text has not: "she" after "Tom Hale interviewed
Maria Lopez" is Maria Lopez (reader/core/analysis/first_names.py); and a first name before a
person's surname is part of the name, and with a surname the model left untagged makes a
person's name (reader/core/analysis/person_names.py)."""

from __future__ import annotations

import pytest

from reader.core.analysis import SpacyAnalyser, first_names
from reader.core.analysis.candidates import Candidate
from reader.core.analysis.person_names import pairs_with_first_names, with_first_names
from reader.core.analysis.rules import HONORIFICS, TITLE_WORDS
from reader.core.model import ORGANIZATION, PERSON, PLACE, Entity, EntityType, Mention
from tests.fixtures.speech import speakers


def _entity(entity_id: str, name: str, kind: EntityType = PERSON) -> Entity:
    return Entity(entity_id, kind, name, [Mention(0, len(name), name)])


def test_a_name_given_almost_only_to_one_sex_tells_it() -> None:
    assert first_names.sex_of_first_name("Maria") == "f"
    assert first_names.sex_of_first_name("Thomas") == "m"
    assert first_names.sex_of_first_name("JOSÉ") == "m"  # case and accents do not matter


def test_a_name_given_to_both_sexes_or_unknown_tells_nothing() -> None:
    assert first_names.sex_of_first_name("Jordan") is None  # about a quarter girls
    assert first_names.sex_of_first_name("Kim") is None
    assert first_names.sex_of_first_name("Zzyxqor") is None
    assert first_names.births("Zzyxqor") == (0, 0)


def test_only_a_persons_name_of_two_words_has_a_first_name() -> None:
    skip = TITLE_WORDS | HONORIFICS
    entities = [
        _entity("e1", "Maria Lopez"),
        _entity("e2", "Dr. Thomas Hale"),  # the honorific is passed over
        _entity("e3", "Maria"),  # one word: a surname as often as not
        _entity("e4", "J. Smith"),  # an initial tells nothing
        _entity("e5", "Victoria Holdings", ORGANIZATION),
    ]
    assert first_names.sexes_by_first_name(entities, skip) == {"e1": "f", "e2": "m"}


@pytest.mark.model
def test_she_after_a_man_and_a_woman_is_the_woman(analyser: SpacyAnalyser) -> None:
    """The subject of the sentence before is the usual referent, but not when the first names
    say it is a man and the pronoun is "she"."""
    text = (
        "Tom Hale interviewed Maria Lopez at the book fair on Sunday.\n"
        "\u201cThose stories kept me going through the winter,\u201d she said.\n"
    )
    assert speakers(analyser, text)["Those stories kept me going through the winter"] == (
        "Maria Lopez"
    )


@pytest.mark.model
def test_an_honorific_outranks_the_first_name(analyser: SpacyAnalyser) -> None:
    """ "Sir" says the man; his name, mostly given to girls, must not rule him out of "he"."""
    text = (
        "Sir Evelyn Ward met Tom Hale at the gallery on Friday.\n"
        "\u201cThe new wing will open in spring,\u201d he said.\n"
    )
    assert speakers(analyser, text)["The new wing will open in spring"] == "Evelyn Ward"


@pytest.mark.model
def test_a_guessed_sex_does_not_outrank_a_subject_of_unknown_sex(
    analyser: SpacyAnalyser,
) -> None:
    """A first name the table lacks leaves the subject a candidate, and the subject is still
    preferred to a man whose sex only his first name tells."""
    text = (
        "Oleksandr Hrytsenko met Tom Hale in the capital on Monday.\n"
        "\u201cWe need more generators before the frost,\u201d he said.\n"
    )
    assert speakers(analyser, text)["We need more generators before the frost"] == (
        "Oleksandr Hrytsenko"
    )


# A first name the model left out of a person's name (person_names.with_first_names).


def test_a_first_name_before_a_tagged_surname_joins_the_name(nlp) -> None:
    doc = nlp("Collectors bid for Rudolf Brenner’s letters on Monday.")
    assert (doc[3].text, doc[4].text) == ("Rudolf", "Brenner")
    surname = Candidate(4, 5, "PERSON", PERSON)  # as the model tags it in some sentences
    assert with_first_names(doc, [surname]) == [Candidate(3, 5, "PERSON", PERSON)]


def test_a_title_or_a_word_of_another_span_before_the_name_stays_out(nlp) -> None:
    doc = nlp("The talks with Chancellor Olaf Scholz ended early.")
    assert doc[3].text == "Chancellor"  # a first name too: 2,097 boys
    scholz = Candidate(4, 6, "PERSON", PERSON)
    assert with_first_names(doc, [scholz]) == [scholz]
    doc = nlp("Collectors bid for Rudolf Brenner’s letters on Monday.")
    place = Candidate(3, 4, "GPE", PLACE)
    surname = Candidate(4, 5, "PERSON", PERSON)
    assert with_first_names(doc, [place, surname]) == [place, surname]


def test_a_first_name_before_an_organization_is_not_read_as_one(nlp) -> None:
    doc = nlp("Collectors bid for Rudolf Brenner’s letters on Monday.")
    body = Candidate(4, 5, "ORG", ORGANIZATION)
    assert with_first_names(doc, [body]) == [body]


# A common first name and a surname the model did not tag as one name
# (person_names.pairs_with_first_names). The model's labels are set by hand (doc.ents), so
# each test says which of its mistakes it stands for.


def _with_labels(nlp, text: str, labels: list[tuple[int, int, str]]):
    from spacy.tokens import Span

    doc = nlp(text)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in labels]
    return doc


def test_an_untagged_first_name_and_surname_are_a_person(nlp) -> None:
    doc = _with_labels(nlp, "The song was first recorded by Dolly Prentice in 1962.", [])
    assert (doc[6].text, doc[7].text) == ("Dolly", "Prentice")
    assert pairs_with_first_names(doc, []) == [Candidate(6, 8, "PERSON", PERSON)]


def test_a_first_name_tagged_as_a_place_on_its_own_is_still_a_first_name(nlp) -> None:
    text = "Asked about the gaps in the report, Billie Fenwick replied that she had not seen it."
    doc = _with_labels(nlp, text, [(8, 9, "GPE"), (9, 10, "DATE")])  # each word apart
    assert (doc[8].text, doc[9].text) == ("Billie", "Fenwick")
    place = Candidate(8, 9, "GPE", PLACE)
    assert pairs_with_first_names(doc, [place]) == [Candidate(8, 10, "PERSON", PERSON)]


def test_a_name_the_model_tagged_whole_stays_the_models(nlp) -> None:
    """ "Morgan Stanley" is a bank, "Victoria Cross" a medal: the model's one span over both
    words is a judgement of the whole name, which a first name does not overrule."""
    doc = _with_labels(nlp, "Shares of Morgan Stanley fell on Monday.", [(2, 4, "ORG")])
    bank = Candidate(2, 4, "ORG", ORGANIZATION)
    assert pairs_with_first_names(doc, [bank]) == [bank]
    doc = _with_labels(nlp, "He was given the Victoria Cross in 1944.", [(4, 6, "EVENT")])
    assert pairs_with_first_names(doc, []) == []


def test_a_first_name_that_names_a_place_or_a_month_makes_no_person(nlp) -> None:
    """Left untagged, "Georgia Power" and "Sydney Harbour" are still not people: "Georgia"
    is a country and "Sydney" a city before they are first names; "May" is a month."""
    texts = (
        "Investors left Georgia Power alone.",
        "Crowds filled Sydney Harbour early.",
        "They marked May Day quietly.",
    )
    for text in texts:
        doc = _with_labels(nlp, text, [])
        assert (doc[2].dep_, doc[2].head.i) == ("compound", 3), text  # the pair's parse
        assert pairs_with_first_names(doc, []) == [], text
