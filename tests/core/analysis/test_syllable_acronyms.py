"""An acronym that takes some words' first letters joins the one name it spells that way."""

from __future__ import annotations

from reader.core.analysis.aliases import merge_mentions
from reader.core.analysis.syllable_acronyms import spelled_by_prefixes
from reader.core.model import ORGANIZATION
from tests.fixtures.mentions import spaced_mentions


def _orgs(*texts: str) -> list[list[str]]:
    mentions = spaced_mentions(*((t, ORGANIZATION) for t in texts))
    return [[m.text for m in e.mentions] for e in merge_mentions(mentions)]


def test_an_acronym_of_word_starts_joins_the_name_it_spells() -> None:
    groups = _orgs("Council for Harbour Revival Over Midlands", "CHAROM", "Tide Watch")
    assert groups == [["Council for Harbour Revival Over Midlands", "CHAROM"], ["Tide Watch"]]


def test_every_word_must_give_a_letter_in_order() -> None:
    assert spelled_by_prefixes("MARTEX", ["Mariner", "Trade", "Exchange"])
    assert not spelled_by_prefixes("MAREX", ["Mariner", "Trade", "Exchange"])  # no T
    assert not spelled_by_prefixes("TRAMEX", ["Mariner", "Trade", "Exchange"])  # out of order


def test_plain_initials_and_names_under_three_words_are_left_to_the_usual_rule() -> None:
    assert not spelled_by_prefixes("MTE", ["Mariner", "Trade", "Exchange"])
    assert not spelled_by_prefixes("NASA", ["National", "Sanitation"])


def test_two_names_it_spells_leave_the_acronym_apart() -> None:
    groups = _orgs("Mariner Trade Exchange", "Marsh Trail Exchange", "MARTEX")
    assert ["MARTEX"] in groups and len(groups) == 3
