"""Of several longer bodies a short name ends, the national one after a country is meant."""

from __future__ import annotations

from reader.core.analysis.aliases import merge_mentions
from reader.core.analysis.org_short_forms import complement_of, national_owners
from reader.core.model import ORGANIZATION
from tests.fixtures.mentions import spaced_mentions


def _orgs(*texts: str) -> list[list[str]]:
    mentions = spaced_mentions(*((t, ORGANIZATION) for t in texts))
    return [[m.text for m in e.mentions] for e in merge_mentions(mentions)]


def test_a_short_name_joins_the_body_that_is_it_after_a_country() -> None:
    groups = _orgs("U.K. Harbour Board", "Riverside Harbour Board", "Harbour Board")
    assert groups == [["U.K. Harbour Board", "Harbour Board"], ["Riverside Harbour Board"]]


def test_two_national_bodies_leave_the_short_name_apart() -> None:
    groups = _orgs("U.K. Harbour Board", "France Harbour Board", "Harbour Board")
    assert ["Harbour Board"] in groups and len(groups) == 3


def test_national_owners_keeps_only_names_led_by_a_country() -> None:
    texts = ["the U.S. Tide Office", "Coastal Tide Office", "Canada Tide Office"]
    assert national_owners([4, 7, 9], texts, 2) == [4, 9]


def test_complement_words_stand_before_a_complement() -> None:
    assert complement_of(("union", "for", "fair", "trade"), 2)
    assert not complement_of(("northern", "fair", "trade"), 2)
