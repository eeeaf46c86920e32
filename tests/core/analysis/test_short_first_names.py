"""A short first name said alone joins the one full name whose first name it shortens."""

from __future__ import annotations

from reader.core.analysis.aliases import merge_mentions
from reader.core.analysis.short_first_names import short_first_names
from reader.core.model import PERSON
from tests.fixtures.mentions import spaced_mentions


def _people(*texts: str) -> list[tuple[str, list[str]]]:
    mentions = spaced_mentions(*((t, PERSON) for t in texts))
    return [(e.name, [m.text for m in e.mentions]) for e in merge_mentions(mentions)]


def test_a_short_first_name_joins_the_full_name_it_shortens() -> None:
    people = _people("Jonathan Pryce", "Margo Hale", "Jon")
    assert people == [("Jonathan Pryce", ["Jonathan Pryce", "Jon"]), ("Margo Hale", ["Margo Hale"])]


def test_two_full_names_it_may_shorten_leave_it_apart() -> None:
    people = _people("Jonathan Pryce", "Jonas Webb", "Jon")
    assert ("Jon", ["Jon"]) in people and len(people) == 3


def test_a_form_given_to_both_sexes_or_another_sex_is_no_short_form() -> None:
    assert short_first_names({("chris",), ("christopher", "lane")}) == {}  # Chris: girls too
    assert short_first_names({("jon",), ("jonna", "lane")}) == {}  # Jonna is a girl's name
    assert short_first_names({("jon",), ("jonathan", "lane")}) == {("jon",): ("jonathan", "lane")}
