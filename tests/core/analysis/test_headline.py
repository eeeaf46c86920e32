"""The headline is analysed with the body: its names join the body's entities (issue 16 item 3)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reader.core import schema
from reader.core.analysis import SpacyAnalyser
from reader.core.analysis.headline import MAX_TITLE_CHARS, parse_title, surface_mentions
from reader.core.loaders import load_article
from reader.core.model import Article, Entity, Mention

PROJECT_ROOT = Path(__file__).resolve().parents[3]
"""The repository (tests run from a checkout)."""

ARTICLES = PROJECT_ROOT / "tests" / "fixtures" / "articles"


def test_surface_forms_of_body_entities_are_found_whole_word_longest_first() -> None:
    macron = Entity("e1", "person", "Emmanuel Macron", [Mention(0, 15, "Emmanuel Macron")])
    macron.mentions.append(Mention(30, 36, "Macron"))
    us = Entity("e2", "country", "United States", [Mention(40, 44, "U.S."), Mention(50, 52, "US")])
    found = surface_mentions("Emmanuel Macron's U.S. trip; Macronism; USA, US", [macron, us])
    assert [(m.text, m.type, m.key) for m in found] == [
        ("Emmanuel Macron", "person", None),
        ("U.S.", "country", "US"),
        ("US", "country", "US"),
    ]


def _body_only(annotations):
    """The annotations' dict without headline mentions: what the body alone gives."""
    data = schema.to_dict(annotations)
    for entity in data["entities"]:
        entity.pop("title_mentions", None)
    return data


@pytest.mark.model
def test_headline_names_join_the_body_entities_and_leave_the_body_as_it_was(
    nlp, sample_path
) -> None:
    analyser = SpacyAnalyser(nlp)
    article = load_article(sample_path)
    assert article.title.startswith("Macron: Russia's permission")
    annotations = analyser.analyse(article)
    untitled = analyser.analyse(dataclasses.replace(article, title=None))
    body, alone = _body_only(annotations), schema.to_dict(untitled)
    assert body.pop("article")["title"] == article.title and alone.pop("article")["title"] is None
    assert body == alone  # the body's ids, mentions, quotes and dates are as without a headline
    found = {e.name: [m.text for m in e.title_mentions] for e in annotations.entities}
    assert found["Emmanuel Macron"] == ["Macron"]  # the body's alias rule: a bare surname
    assert found["Russia"] == ["Russia"] and found["Ukraine"] == ["Ukraine"]
    for entity in annotations.entities:
        for m in entity.title_mentions:
            assert article.title[m.start : m.end] == m.text
        assert entity.mention_count == len(entity.mentions) + len(entity.title_mentions)
    assert schema.loads(schema.dumps(annotations)).entities == annotations.entities


@pytest.mark.model
def test_title_case_words_and_names_only_in_the_headline_are_not_taken(nlp) -> None:
    """Title case makes every word look like a name; a headline-only name has no entity."""
    article = load_article(ARTICLES / "01_berlin_talks.txt")
    article.title = "Scholz And Macron Pledge Joint Push On European Defence As Biden Looks On"
    annotations = SpacyAnalyser(nlp).analyse(article)
    found = sorted((e.name, m.text) for e in annotations.entities for m in e.title_mentions)
    assert ("Olaf Scholz", "Scholz") in found and ("Emmanuel Macron", "Macron") in found
    body_names = {m.text for e in annotations.entities for m in e.mentions}
    assert "Biden" not in body_names and all(text != "Biden" for _name, text in found)
    assert all("Pledge" not in text and "Joint" not in text for _name, text in found)


@pytest.mark.model
def test_no_headline_or_a_huge_one_is_not_parsed(nlp) -> None:
    assert parse_title(nlp, None) is None and parse_title(nlp, "   ") is None
    assert parse_title(nlp, "Greece " * (MAX_TITLE_CHARS // 7 + 1)) is None
    article = Article("Greece burns. Greece evacuates.", title="Greece " * 200)
    annotations = SpacyAnalyser(nlp).analyse(article)
    assert all(not e.title_mentions for e in annotations.entities)
