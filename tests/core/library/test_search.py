"""Searching the library: full text, an entity by any of its names, a speaker's quotes, dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.library import search as queries
from reader.core.library.store import Library
from reader.core.library.timeline import timeline as timeline_points
from reader.core.model import COUNTRY, ORGANIZATION, PERSON
from tests.core.library.articles import add, annotations

TALKS = (
    "Emmanuel Macron met Olaf Scholz in Paris. Macron said: the alliance will hold. "
    "Scholz said: the gas pipeline is closed."
)
VISIT = "Macron flew to Kyiv with officials of the European Union. Macron said: Europe is with you."
MARKETS = "Shares of Microsoft rose in New York; the euro fell against the dollar."


@pytest.fixture
def library(tmp_path: Path):
    with Library(tmp_path / "lib.sqlite3") as opened:
        add(
            opened,
            "/news/talks.txt",
            annotations(
                TALKS,
                [(PERSON, "Emmanuel Macron"), (PERSON, "Olaf Scholz"), (COUNTRY, "Paris")],
                title="Talks in Paris",
                published=dt.date(2025, 3, 17),
                quotes=[
                    ("the alliance will hold", "Emmanuel Macron"),
                    ("the gas pipeline is closed", "Olaf Scholz"),
                ],
            ),
        )
        add(
            opened,
            "/news/visit.txt",
            annotations(
                VISIT,
                [(PERSON, "Macron"), (ORGANIZATION, "European Union")],
                title="A visit to Kyiv",
                published=dt.date(2025, 3, 20),
                quotes=[("Europe is with you", "Macron")],
            ),
        )
        add(
            opened,
            "/news/markets.txt",
            annotations(
                MARKETS,
                [(ORGANIZATION, "Microsoft")],
                title="Markets",
                published=dt.date(2024, 12, 1),
            ),
        )
        yield opened


def _paths(rows) -> list[str]:
    return [Path(r.path).name for r in rows]


def test_full_text_finds_articles_and_quotes_with_every_word(library: Library) -> None:
    result = queries.search(library.conn, "gas pipeline")
    assert _paths(result.articles) == ["talks.txt"]
    assert [q.text for q in result.quotes] == ["the gas pipeline is closed"]
    assert queries.search(library.conn, "gas Kyiv").articles == []  # every word must occur
    assert _paths(queries.search(library.conn, "pipe*").articles) == ["talks.txt"]


def test_typed_punctuation_and_operators_are_plain_words(library: Library) -> None:
    for typed in ('"gas', "gas AND", "NEAR(gas", "-gas", "gas:", "col:gas"):
        queries.search(library.conn, typed)  # never an FTS5 syntax error
    assert queries.fts_query('say "no" AND*') == '"say" """no""" "AND"*'


def test_a_surname_finds_the_full_name_across_articles(library: Library) -> None:
    result = queries.search(library.conn, entity="Macron")
    assert [e.name for e in result.entities] == ["Emmanuel Macron"]
    assert [(e.articles, e.mentions) for e in result.entities] == [(2, 2)]
    assert _paths(result.articles) == ["visit.txt", "talks.txt"]  # newest first
    assert [q.text for q in result.quotes] == ["the alliance will hold", "Europe is with you"]


def test_a_speakers_quotes_across_articles_by_date(library: Library) -> None:
    result = queries.search(library.conn, speaker="Emmanuel Macron")
    assert [(q.text, q.published) for q in result.quotes] == [
        ("the alliance will hold", "2025-03-17"),
        ("Europe is with you", "2025-03-20"),
    ]
    assert _paths(result.articles) == ["visit.txt", "talks.txt"]
    narrowed = queries.search(library.conn, "Europe", speaker="Macron")
    assert [q.text for q in narrowed.quotes] == ["Europe is with you"]
    assert queries.search(library.conn, speaker="Scholz").quotes[0].speaker == "Olaf Scholz"
    macron = queries.find_entities(library.conn, "Macron")
    assert queries.count_quotes(library.conn, speaker_ids=macron) == 2
    assert queries.count_quotes(library.conn, text="Europe", speaker_ids=macron) == 1


def test_dates_and_types_narrow_the_result(library: Library) -> None:
    result = queries.search(library.conn, entity="Macron", date_from="2025-03-18")
    assert _paths(result.articles) == ["visit.txt"]
    everything = queries.search(library.conn, date_to="2025-01-01")
    assert _paths(everything.articles) == ["markets.txt"]
    assert queries.search(library.conn, entity="Macron", kind=ORGANIZATION).articles == []
    assert queries.search(library.conn, entity="Nobody").articles == []


def test_listing_sorts_and_pages_without_loading_texts(library: Library) -> None:
    by_title = queries.articles(library.conn, order="title")
    assert [a.title for a in by_title] == ["A visit to Kyiv", "Markets", "Talks in Paris"]
    page = queries.articles(library.conn, order="title", limit=1, offset=1)
    assert [a.title for a in page] == ["Markets"]
    most = queries.articles(library.conn, order="mentions")
    assert most[0].title == "Talks in Paris" and most[0].mentions == 3
    backwards = queries.articles(library.conn, order="title", descending=True)
    assert [a.title for a in backwards] == ["Talks in Paris", "Markets", "A visit to Kyiv"]
    assert queries.count_articles(library.conn) == 3
    assert queries.count_articles(library.conn, text="Macron") == 2
    macron = queries.find_entities(library.conn, "Macron")
    assert queries.count_articles(library.conn, text="Kyiv", entity_ids=macron) == 1


def test_co_occurring_entities_are_counted_by_shared_articles(library: Library) -> None:
    macron = queries.find_entities(library.conn, "Macron", PERSON)[0]
    pairs = [(row.name, shared) for row, shared in queries.co_occurring(library.conn, macron)]
    assert sorted(pairs) == [("European Union", 1), ("Olaf Scholz", 1), ("Paris", 1)]
    assert queries.aliases_of(library.conn, macron) == ["Emmanuel Macron", "Macron"]


def test_the_timeline_has_publications_and_the_dates_they_mention(library: Library) -> None:
    add(
        library,
        "/news/dated.txt",
        annotations(
            "In March 2024 the Union met; Macron spoke.",
            [(PERSON, "Macron")],
            title="Dated",
            dates=[("March 2024", "2024-03")],
        ),
    )
    published, mentioned = timeline_points(library.conn)
    assert [(p.title, p.value) for p in published] == [
        ("Markets", "2024-12-01"),
        ("Talks in Paris", "2025-03-17"),
        ("A visit to Kyiv", "2025-03-20"),
    ]  # "Dated" has no publication date: only what it mentions is on the timeline
    assert [(m.title, m.value, m.precision, m.start) for m in mentioned] == [
        ("Dated", "2024-03", "month", 3)
    ]
    macron = queries.find_entities(library.conn, "Macron")
    published, mentioned = timeline_points(library.conn, entity_ids=macron)
    assert [p.title for p in published] == ["Talks in Paris", "A visit to Kyiv"]
    assert [m.title for m in mentioned] == ["Dated"]
