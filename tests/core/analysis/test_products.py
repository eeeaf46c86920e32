"""Software names (``products``): each pattern on sentences of our own, and what it leaves alone."""

from __future__ import annotations

import pytest

from reader.core.analysis import products
from reader.core.analysis.entities import extract_entities
from reader.core.model import ORGANIZATION, PERSON, PLACE

pytestmark = pytest.mark.model


def _by_text(doc) -> dict[str, str]:
    return {m.text: e.type for e in extract_entities(doc) for m in e.mentions}


def _span(doc, text: str, nth: int = 0):
    starts = [t.i for t in doc if doc[t.i : t.i + len(text.split())].text == text]
    start = starts[nth]
    return doc[start : start + len(text.split())]


def test_a_name_modifying_a_software_noun_is_software_in_the_whole_article(nlp) -> None:
    doc = nlp(
        "Marta Ortiz maintains Zephyr, a small project. She says Zephyr changed how her team "
        "works. The Zephyr compiler now builds in seconds, and Zephyr libraries cover most needs."
    )
    assert products.modifies_software_noun(_span(doc, "Zephyr", 2))
    assert not products.modifies_software_noun(_span(doc, "Zephyr", 1))
    found = _by_text(doc)
    assert "Zephyr" not in found, found
    assert found.get("Marta Ortiz") == PERSON, found


def test_a_name_with_a_version_number_is_software(nlp) -> None:
    doc = nlp(
        "Kestrel 2.4 shipped on Monday. Kestrel now starts faster, said Marta Ortiz, and "
        "Kestrel is easier to learn."
    )
    assert products.has_version_number(_span(doc, "Kestrel"))
    found = _by_text(doc)
    assert "Kestrel" not in found, found
    assert found.get("Marta Ortiz") == PERSON, found


def test_a_number_of_percent_after_a_company_is_no_version(nlp) -> None:
    doc = nlp("Shares of Nvidia rose 3.5 percent on Monday after Nvidia announced new chips.")
    assert not products.has_version_number(_span(doc, "Nvidia"))


def test_what_code_is_written_in_is_a_language(nlp) -> None:
    doc = nlp(
        "The billing system was rewritten in Corvid last spring. Corvid has since spread "
        "across the company."
    )
    assert products.language_of_code(_span(doc, "Corvid"))
    assert "Corvid" not in _by_text(doc)


def test_a_known_place_a_letter_was_written_in_stays_a_place(nlp) -> None:
    doc = nlp("The letter was written in Geneva in 1952, and Geneva kept it.")
    assert products.language_of_code(_span(doc, "Geneva"))  # the pattern, but a known city
    assert _by_text(doc).get("Geneva") == PLACE


def test_names_beside_a_class_noun_of_software_are_software(nlp) -> None:
    doc = nlp("Like Haskell and other functional languages, Ocaml offers pattern matching.")
    assert products.beside_software_class(_span(doc, "Haskell"))
    assert "Haskell" not in _by_text(doc)
    doc = nlp("Teams often pick languages like Fennel or Corvid for small tools.")
    assert products.beside_software_class(_span(doc, "Corvid"))  # second of two conjuncts


def test_an_organizations_own_evidence_wins_over_software(nlp) -> None:
    doc = nlp("The company Zephyr said the Zephyr compiler would be released next year.")
    assert _by_text(doc).get("Zephyr") == ORGANIZATION


def test_a_persons_surname_stays_a_person(nlp) -> None:
    doc = nlp("Ada Lovelace wrote the first program. Lovelace libraries are still studied.")
    assert products.modifies_software_noun(_span(doc, "Lovelace", 1))
    found = _by_text(doc)
    assert found.get("Lovelace") == PERSON, found
