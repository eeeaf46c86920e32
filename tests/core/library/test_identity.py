"""One entity across articles: the analysis's alias rules applied library-wide, and splits."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library.identity import alias_key
from reader.core.library.store import Library
from reader.core.model import COUNTRY, ORGANIZATION, PERSON
from tests.core.library.articles import add, annotations, entity_of


@pytest.fixture
def library(tmp_path: Path):
    with Library(tmp_path / "lib.sqlite3") as opened:
        yield opened


def _person(library: Library, path: str, name: str) -> None:
    add(library, path, annotations(f"{name} spoke on {path}.", [(PERSON, name)]))


def _entities(library: Library) -> list[str]:
    return sorted(r[0] for r in library.conn.execute("SELECT name FROM entities"))


@pytest.mark.parametrize("order", [("Macron", "Emmanuel Macron"), ("Emmanuel Macron", "Macron")])
def test_a_surname_in_one_article_joins_the_full_name_in_another(
    library: Library, order: tuple[str, str]
) -> None:
    for i, name in enumerate(order):
        _person(library, f"/{i}.txt", name)
    assert entity_of(library, PERSON, "Macron") == "Emmanuel Macron"
    assert _entities(library) == ["Emmanuel Macron"]


def test_a_surname_of_two_full_names_stays_its_own_entity(library: Library) -> None:
    """No recency across articles decides between them, so it is not guessed."""
    _person(library, "/1.txt", "Johnson")
    _person(library, "/2.txt", "Boris Johnson")
    assert entity_of(library, PERSON, "Johnson") == "Boris Johnson"
    _person(library, "/3.txt", "Jo Johnson")
    assert entity_of(library, PERSON, "Johnson") == "Johnson"
    assert _entities(library) == ["Boris Johnson", "Jo Johnson", "Johnson"]


def test_removing_one_full_name_lets_the_surname_join_the_other(library: Library) -> None:
    _person(library, "/1.txt", "Johnson")
    _person(library, "/2.txt", "Boris Johnson")
    _person(library, "/3.txt", "Jo Johnson")
    library.remove_file("/3.txt")
    assert entity_of(library, PERSON, "Johnson") == "Boris Johnson"
    library.remove_file("/2.txt")
    assert entity_of(library, PERSON, "Johnson") == "Johnson"
    assert _entities(library) == ["Johnson"]


def test_a_family_name_written_first_joins_by_its_first_word(library: Library) -> None:
    _person(library, "/1.txt", "Xi Jinping")
    _person(library, "/2.txt", "Xi")
    assert entity_of(library, PERSON, "Xi") == "Xi Jinping"


def test_names_differing_only_in_case_and_dots_are_one_alias(library: Library) -> None:
    _person(library, "/1.txt", "Carissa F. Etienne")
    _person(library, "/2.txt", "Carissa F Etienne")
    assert library.conn.execute("SELECT COUNT(*) FROM aliases").fetchone()[0] == 1


def test_countries_join_by_code_whatever_each_article_called_them(library: Library) -> None:
    add(
        library,
        "/1.txt",
        annotations(
            "The United States said no.",
            [(COUNTRY, "United States")],
            country={"United States": "US"},
        ),
    )
    add(
        library,
        "/2.txt",
        annotations("The U.S. said no.", [(COUNTRY, "U.S.")], country={"U.S.": "US"}),
    )
    assert entity_of(library, COUNTRY, "U.S.") == entity_of(library, COUNTRY, "United States")
    assert len(_entities(library)) == 1
    assert alias_key(COUNTRY, "Britain").key == "GB"  # no code given: looked up by name


def test_organizations_join_without_legal_form_and_by_acronym(library: Library) -> None:
    add(
        library, "/1.txt", annotations("Microsoft Corp. grew.", [(ORGANIZATION, "Microsoft Corp.")])
    )
    add(library, "/2.txt", annotations("Microsoft grew.", [(ORGANIZATION, "Microsoft")]))
    add(library, "/3.txt", annotations("The EU met.", [(ORGANIZATION, "EU")]))
    assert entity_of(library, ORGANIZATION, "EU") == "EU"
    add(
        library,
        "/4.txt",
        annotations("The European Union met.", [(ORGANIZATION, "European Union")]),
    )
    assert entity_of(library, ORGANIZATION, "EU") == "European Union"
    assert entity_of(library, ORGANIZATION, "Microsoft") == entity_of(
        library, ORGANIZATION, "Microsoft Corp."
    )
    add(
        library,
        "/5.txt",
        annotations("The Eurasian Union met.", [(ORGANIZATION, "Eurasian Union")]),
    )
    assert entity_of(library, ORGANIZATION, "EU") == "EU"  # two it could spell: not guessed


def test_a_wrong_merge_is_split_and_can_be_joined_again(library: Library) -> None:
    _person(library, "/1.txt", "Carissa F. Etienne")
    _person(library, "/2.txt", "Etienne")  # another Etienne, a tennis player's father
    assert entity_of(library, PERSON, "Etienne") == "Carissa F. Etienne"
    assert library.split(PERSON, "Etienne")
    assert entity_of(library, PERSON, "Etienne") == "Etienne"
    assert _entities(library) == ["Carissa F. Etienne", "Etienne"]
    _person(library, "/3.txt", "Etienne")  # indexing more keeps the split
    assert entity_of(library, PERSON, "Etienne") == "Etienne"
    assert library.split(PERSON, "Etienne", undo=True)
    assert entity_of(library, PERSON, "Etienne") == "Carissa F. Etienne"
    assert not library.split(PERSON, "Nobody")


def test_splitting_a_mistaken_full_name_frees_the_surname_it_made_ambiguous(
    library: Library,
) -> None:
    """ "Never Trump" taken for a person made "Trump" ambiguous; split off, it owns nothing."""
    _person(library, "/1.txt", "Donald Trump")
    _person(library, "/2.txt", "Never Trump")
    _person(library, "/3.txt", "Trump")
    assert entity_of(library, PERSON, "Trump") == "Trump"
    library.split(PERSON, "Never Trump")
    assert entity_of(library, PERSON, "Trump") == "Donald Trump"
    assert entity_of(library, PERSON, "Never Trump") == "Never Trump"


def test_identity_does_not_depend_on_the_order_articles_came_in(tmp_path: Path) -> None:
    names = [
        "Johnson",
        "Boris Johnson",
        "Xi",
        "Jo Johnson",
        "Xi Jinping",
        "Macron",
        "Emmanuel Macron",
        "Brigitte Macron",
        "Scholz",
        "President Xi Jinping",
    ]
    results = []
    for order, listing in enumerate((names, names[::-1], sorted(names))):
        with Library(tmp_path / f"{order}.sqlite3") as library:
            for name in listing:
                _person(library, f"/{name}.txt", name)
            results.append({name: entity_of(library, PERSON, name) for name in names})
    assert results[0] == results[1] == results[2]
    assert results[0]["Macron"] == "Macron"  # Emmanuel or Brigitte: not guessed
    assert results[0]["Xi Jinping"] == "President Xi Jinping"


POOL = [
    "Johnson", "Boris Johnson", "Jo Johnson", "Xi", "Xi Jinping", "President Xi Jinping",
    "Jinping", "Macron", "Emmanuel Macron", "Brigitte Macron", "Emmanuel", "Ana de la Fuente",
    "de la Fuente", "Fuente", "Ana",
]  # fmt: skip


def _expected_owner(present: set[str]) -> dict[str, str]:
    """The analysis's full-name rule over every name at once, no recency: the specification."""
    from reader.core.analysis.aliases import full_names, name_owners, name_words

    words = {name: name_words(name) for name in present}
    full = full_names(set(words.values()))
    by_words = {w: n for n, w in words.items()}
    owners = {}
    for name, w in words.items():
        found = [] if w in full else name_owners(w, full)
        owners[name] = by_words[found[0]] if len(found) == 1 else name
    return owners


@pytest.mark.parametrize("seed", range(6))
def test_after_any_arrivals_and_removals_owners_follow_the_rule_over_all_names(
    tmp_path: Path, seed: int
) -> None:
    import random

    rng = random.Random(seed)
    present: set[str] = set()
    with Library(tmp_path / "lib.sqlite3") as library:
        for _step in range(40):
            name = rng.choice(POOL)
            if name in present and rng.random() < 0.5:
                library.remove_file(f"/{name}.txt")
                present.discard(name)
            else:
                _person(library, f"/{name}.txt", name)
                present.add(name)
            actual = {name: entity_of(library, PERSON, name) for name in present}
            assert actual == _expected_owner(present), sorted(present)
