"""Reference-list authors (``references``): entries written for these tests; prose left alone."""

from __future__ import annotations

import pytest

from reader.core.analysis import references
from reader.core.analysis.entities import extract_entities
from reader.core.model import ORGANIZATION, PERSON


def _authors(text: str) -> list[str]:
    return [text[start:end] for start, end in references.author_spans(text)]


def test_surname_and_initials_joined_by_semicolons_before_a_bracketed_year() -> None:
    entry = '^ a b Okafor, T.N.; de la Cruz, M. B. (Mar 2014). "Counting Herons". Bird Notes.\n'
    assert _authors(entry) == ["Okafor, T.N.", "de la Cruz, M. B."]


def test_surname_and_given_names_with_a_trailing_particle_and_a_dated_year() -> None:
    entry = (
        "Brandvold, Sigrid; Quist, Henrik J.; Berg, Anneke van den (2021-05-04). "
        "Salt marsh mapping from the air. Coastal Review.\n"
    )
    assert _authors(entry) == ["Brandvold, Sigrid", "Quist, Henrik J.", "Berg, Anneke van den"]


def test_year_between_commas_and_a_list_marker_and_et_al() -> None:
    text = (
        "[4] Mwangi, R., & Łukasik, P., 2017. Tides and timing. Marine Letters 3.\n"
        "2. Ferreira, J. et al. (2009) Notes on lichens.\n"
    )
    assert _authors(text) == ["Mwangi, R.", "Łukasik, P.", "Ferreira, J."]


@pytest.mark.parametrize(
    "line",
    [
        "Paris, France (2019) was the venue of the congress that year.\n",
        "Smith, the mayor, said in 2019. She left soon after.\n",
        "Okafor, T.N. wrote to the council about the herons.\n",  # no year after the authors
        "Okafor, T.N.; Berg, A. Counting Herons. Bird Notes (2014).\n",  # year not next
        "LONDON, Ont. (2019) - The fair opened on Monday.\n",  # a dateline in capitals
        "Readers wrote in: Okafor, T.N. (2014). Counting Herons.\n",  # not at the line's start
        "Berg, Anneke (2021)\n",  # nothing after the year: no title
        "Washington, D.C. (2019). A report on transit.\n",  # a city and its district
    ],
)
def test_prose_and_partial_shapes_are_no_reference_entry(line: str) -> None:
    assert _authors(line) == []


def test_initials_that_spell_a_state_after_a_name_that_is_no_city_are_an_author() -> None:
    assert _authors("Okafor, N.C. (2019). Counting Herons.\n") == ["Okafor, N.C."]


@pytest.mark.model
def test_each_author_is_one_person_over_surname_and_initials(nlp) -> None:
    doc = nlp(
        "Herons return to the estuary each spring, a survey found.\n"
        "References\n"
        '^ Okafor, T.N.; Vanterpool, G.E.; Hallström, Ingrid (2014). "Counting Herons in '
        'Estuaries". Journal of Coastal Birds. 12: 40–52.\n'
    )
    found = {m.text: e.type for e in extract_entities(doc) for m in e.mentions}
    for author in ("Okafor, T.N.", "Vanterpool, G.E.", "Hallström, Ingrid"):
        assert found.get(author) == PERSON, found
    assert "G.E." not in found and "Vanterpool" not in found, found


def test_the_title_is_in_quotation_marks_or_runs_to_a_full_stop() -> None:
    text = (
        '^ Okafor, T.N. (2014). "Counting Herons, Again". Bird Notes. 4: 1–9.\n'
        "Berg, Anneke van den (2021-05-04). Salt Marsh Mapping from the Air. Coastal Review.\n"
    )
    titles = [text[start:end] for _authors, (start, end) in references.entries(text)]
    assert titles == ["Counting Herons, Again", "Salt Marsh Mapping from the Air"]


_ENTRY = (
    "\nReferences\n^ Berg, A.; Okafor, T.N. (2019). Counting Waders with Acoustic Sensor "
    "Networks. Journal of Bird Notes. 4: 1–9.\n"
)


def _organizations(nlp, body: str) -> list[tuple[int, str]]:
    doc = nlp(body + _ENTRY)
    return sorted(
        (m.start, m.text)
        for e in extract_entities(doc)
        if e.type == ORGANIZATION
        for m in e.mentions
    )


@pytest.mark.model
def test_a_body_in_a_title_stands_only_where_the_article_names_it_too(nlp) -> None:
    body = "Volunteers counted waders on the estuary again this spring."
    journal = (body + _ENTRY).index("Journal of Bird Notes")
    assert _organizations(nlp, body) == [(journal, "Journal of Bird Notes")]
    named = "The charity Acoustic Sensor Networks counted waders on the estuary this spring."
    text = named + _ENTRY
    assert _organizations(nlp, named) == [
        (12, "Acoustic Sensor Networks"),
        (text.index("Acoustic Sensor Networks", 13), "Acoustic Sensor Networks"),
        (text.index("Journal of Bird Notes"), "Journal of Bird Notes"),
    ]
