"""bench/error_lists.py prints exactly the quote and date errors, gold against ours."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))

from error_lists import alias_errors, date_errors, quote_errors, sentence_around

from reader.core.model import Annotations, Article, DateMention, Entity, Mention, Quote
from tests.fixtures.gold import GoldSpan

TEXT = (
    "The mayor spoke on Monday. “We will build it,” said Ana Ruiz. "
    "“Not here,” Tom Bell replied.\nThe vote is on Friday night."
)


def _span(surface: str, **extra: object) -> GoldSpan:
    start = TEXT.index(surface)
    return GoldSpan(start, start + len(surface), surface, extra=tuple(extra.items()))


def _quote(surface: str, speaker: str | None) -> Quote:
    start = TEXT.index(surface)
    return Quote(start, start + len(surface), surface, speaker=speaker)


def _date(surface: str, value: str, precision: str) -> DateMention:
    start = TEXT.index(surface)
    return DateMention(start, start + len(surface), surface, value, precision)  # type: ignore[arg-type]


def test_sentence_around_stops_at_the_sentence_ends() -> None:
    start = TEXT.index("Friday")
    assert sentence_around(TEXT, start, start + 6) == "The vote is on Friday night."
    start = TEXT.index("Monday")
    assert sentence_around(TEXT, start, start + 6) == "The mayor spoke on Monday."


def test_quote_errors_list_the_missed_quote_and_the_wrong_speaker_only(
    capsys: pytest.CaptureFixture[str],
) -> None:
    gold = [
        _span("We will build it,", speaker="Ana Ruiz", kind="speech"),
        _span("Not here,", speaker="Tom Bell", kind="speech"),
        _span("The mayor", speaker=None, kind="speech"),
    ]
    ours = [_quote("We will build it,", "Ana Ruiz"), _quote("Not here,", "Ana Ruiz")]
    quote_errors("page", gold, Annotations(article=Article(text=TEXT), quotes=ours))
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "speaker wrong" in lines[0] and "gold 'Tom Bell', ours 'Ana Ruiz'" in lines[0]
    assert "quote missed" in lines[1] and "'The mayor'" in lines[1]


def test_date_errors_list_the_missed_and_the_wrong_date_with_their_sentence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    gold = [
        _span("Monday", value="2024-03-04", precision="day"),
        _span("Friday", value="2024-03-08", precision="day"),
    ]
    ours = [_date("Monday", "2024-03-11", "day"), _date("Friday night", "2024-03-08", "day")]
    date_errors("page", gold, Annotations(article=Article(text=TEXT), dates=ours))
    out = capsys.readouterr().out
    assert "date wrong    'Monday' gold 2024-03-04/day, ours 2024-03-11/day" in out
    assert "| The mayor spoke on Monday." in out
    assert "date missed   'Friday' gold 2024-03-08/day" in out
    assert "'Friday night'=2024-03-08/day" in out


def test_nothing_is_listed_when_ours_equal_the_gold(capsys: pytest.CaptureFixture[str]) -> None:
    gold = [_span("Monday", value="2024-03-04", precision="day")]
    quotes = [_span("Not here,", speaker="Tom Bell", kind="speech")]
    ann = Annotations(
        article=Article(text=TEXT),
        quotes=[_quote("Not here,", "Tom Bell")],
        dates=[_date("Monday", "2024-03-04", "day")],
    )
    date_errors("page", gold, ann)
    quote_errors("page", quotes, ann)
    assert capsys.readouterr().out == ""


ALIAS_TEXT = "Ana Ruiz met Tom Bell. Ruiz spoke; Bell left. Dr. Ana Ruiz returned."


def _gold(surface: str, name: str, occurrence: int = 0) -> GoldSpan:
    """The gold label of the ``occurrence``-th (from 0) ``surface`` in ALIAS_TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = ALIAS_TEXT.index(surface, start + 1)
    return GoldSpan(start, start + len(surface), surface, "person", (("name", name),))


def _entity(entity_id: str, name: str, *spans: GoldSpan) -> Entity:
    return Entity(entity_id, "person", name, [Mention(s.start, s.end, s.text) for s in spans])


def test_alias_errors_list_a_split_cluster_and_a_wrong_join_only(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana, ruiz = _gold("Ana Ruiz", "Ana Ruiz"), _gold("Ruiz", "Ana Ruiz", 1)
    tom, bell = _gold("Tom Bell", "Tom Bell"), _gold("Bell", "Tom Bell", 1)
    entities = [
        _entity("e1", "Ana Ruiz", ana),
        _entity("e2", "Tom Bell", tom, ruiz),
        _entity("e3", "Bell", bell),
    ]
    ann = Annotations(article=Article(text=ALIAS_TEXT), entities=entities)
    alias_errors("page", [ana, ruiz, tom, bell], ann)
    assert capsys.readouterr().out.splitlines() == [
        "  page: alias split  'person:Ana Ruiz' -> ours 'Ana Ruiz' (Ana Ruiz); 'Tom Bell' (Ruiz)",
        "  page: alias split  'person:Tom Bell' -> ours 'Tom Bell' (Tom Bell); 'Bell' (Bell)",
        "  page: alias joined 'Tom Bell' holds gold 'person:Ana Ruiz' (Ruiz); "
        "'person:Tom Bell' (Tom Bell)",
    ]


def test_no_alias_error_when_each_cluster_is_one_entity_of_its_own(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana, ruiz, tom = (
        _gold("Ana Ruiz", "Ana Ruiz"),
        _gold("Ruiz", "Ana Ruiz", 1),
        _gold("Tom Bell", "Tom Bell"),
    )
    entities = [_entity("e1", "Ana Ruiz", ana, ruiz), _entity("e2", "Tom Bell", tom)]
    alias_errors(
        "page", [ana, ruiz, tom], Annotations(article=Article(text=ALIAS_TEXT), entities=entities)
    )
    assert capsys.readouterr().out == ""
