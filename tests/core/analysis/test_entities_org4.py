"""Organization rules of issue 13's fourth round (share rows, "this House"), on our sentences."""

from __future__ import annotations

import pytest

from reader.core.analysis import generic_heads, share_rows
from reader.core.analysis.entities import extract_entities
from reader.core.model import ORGANIZATION


def _types(doc) -> list[tuple[str, str]]:
    return [(m.text, e.type) for e in extract_entities(doc) for m in e.mentions]


_ROW = (
    "Harbour officials close the pier By Mara Quell - June 2, 2024 Share Facebook Twitter "
    "WhatsApp Email Telegram A storm closed the pier on Sunday."
)


@pytest.mark.model
def test_each_platform_of_a_share_row_is_an_organization(nlp, monkeypatch) -> None:
    found = _types(nlp(_ROW))
    platforms = [text for text, kind in found if kind == ORGANIZATION]
    assert platforms == ["Facebook", "Twitter", "WhatsApp", "Telegram"], found  # no "Email"
    monkeypatch.setattr(share_rows, "platforms_in_share_rows", lambda doc, cands: cands)
    assert not any(kind == ORGANIZATION for _, kind in _types(nlp(_ROW)))  # the rule's work


@pytest.mark.model
def test_a_share_row_one_button_a_line_ends_before_a_headline(nlp) -> None:
    doc = nlp("Share\nFacebook\nTwitter\nHarbour Council Approves Budget\nThe council met.")
    assert [t for t, kind in _types(doc) if kind == ORGANIZATION][:2] == ["Facebook", "Twitter"]
    assert [len(items) for _, items in share_rows._rows(doc)] == [2]  # not "Harbour" ...


@pytest.mark.model
def test_share_as_a_word_starts_no_row(nlp) -> None:
    assert share_rows._rows(nlp("Share Prices Fall as Kelpline Cuts Jobs")) == []
    assert share_rows._rows(nlp("Share Facebook")) == []  # one platform is no row


_HOUSE = '"The question before this House is simple," the minister told members on Tuesday.'


@pytest.mark.model
def test_a_bodys_head_noun_alone_after_this_is_no_name(nlp, monkeypatch) -> None:
    assert ("House", ORGANIZATION) not in _types(nlp(_HOUSE))
    monkeypatch.setattr(generic_heads, "DEMONSTRATIVES", frozenset())
    assert ("House", ORGANIZATION) in _types(nlp(_HOUSE))  # the model's reading, without it


@pytest.mark.model
def test_a_head_after_the_conjunction_that_stays_a_body(nlp) -> None:
    found = _types(nlp("The minister said that Parliament must vote on the bill before June."))
    assert ("Parliament", ORGANIZATION) in found, found  # "that" is no determiner here


@pytest.mark.model
def test_the_head_after_the_stays_a_body(nlp) -> None:
    found = _types(nlp("The Senate voted on Monday. Leaders of the House said they would wait."))
    assert ("House", ORGANIZATION) in found, found
