"""Schema v1: round trips are exact, and damaged input is refused with a plain message."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from reader.core import schema
from reader.core.errors import AnnotationFormatError
from reader.core.model import (
    Annotations,
    Article,
    Block,
    DateMention,
    Entity,
    Mention,
    PipelineInfo,
    Quote,
)

TEXT = 'Macron said "peace" on Saturday in Paris. 🇫🇷 Emmanuel Macron left.'


def _annotations() -> Annotations:
    article = Article(
        text=TEXT,
        title="T",
        published=dt.date(2025, 3, 17),
        source="x.txt",
        blocks=[Block(0, len(TEXT))],
    )
    macron = Entity(
        "e1",
        "person",
        "Emmanuel Macron",
        [Mention(0, 6, "Macron"), Mention(45, 60, "Emmanuel Macron")],
    )
    return Annotations(
        article,
        PipelineInfo("en_core_web_sm", "3.8.0", "0.1.0"),
        [macron],
        [Quote(13, 18, "peace", "Emmanuel Macron", "e1")],
        [DateMention(23, 31, "Saturday", "2025-03-15", "day")],
    )


def test_offsets_index_the_text() -> None:
    ann = _annotations()
    for mention in ann.entities[0].mentions:
        assert TEXT[mention.start : mention.end] == mention.text


def test_round_trip_is_byte_identical() -> None:
    first = schema.dumps(_annotations())
    second = schema.dumps(schema.loads(first))
    assert first == second
    data = json.loads(first)
    assert data["format"] == "entity-reader"
    assert data["version"] == 1
    assert data["article"]["published"] == "2025-03-17"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["entities"][0]["mentions"][0].update(end=10_000),
        lambda d: d["entities"][0]["mentions"][0].update(text="Merkel"),
        lambda d: d["quotes"][0].update(start="0"),
        lambda d: d["quotes"][0].update(speaker_id="e99"),
        lambda d: d.update(version=2),
        lambda d: d["article"].update(published="17/03/2025"),
        lambda d: d["dates"][0].update(precision="week"),
        lambda d: d.update(entities={}),
    ],
)
def test_tampered_files_are_refused(tamper) -> None:
    data = json.loads(schema.dumps(_annotations()))
    tamper(data)
    with pytest.raises(AnnotationFormatError, match="damaged"):
        schema.from_dict(data)


def test_invalid_json_is_refused() -> None:
    with pytest.raises(AnnotationFormatError):
        schema.loads("{not json")


def _with_headline() -> Annotations:
    ann = _annotations()
    ann.article.title = "Macron in Paris"
    ann.entities[0].title_mentions = [Mention(0, 6, "Macron")]
    return ann


def test_headline_mentions_round_trip_and_index_the_title() -> None:
    """Issue 16 item 3: an entity's title_mentions index article.title, not the text."""
    first = schema.dumps(_with_headline())
    data = json.loads(first)
    assert data["entities"][0]["title_mentions"] == [
        {"start": 0, "end": 6, "text": "Macron", "source": "model"}
    ]
    reopened = schema.loads(first)
    assert reopened.entities[0].title_mentions == [Mention(0, 6, "Macron")]
    assert reopened.entities[0].mention_count == 3
    assert schema.dumps(reopened) == first


def test_no_headline_mentions_writes_what_copies_always_had() -> None:
    """Without headline names a copy is byte for byte what the previous writer wrote."""
    data = json.loads(schema.dumps(_annotations()))
    assert all("title_mentions" not in e for e in data["entities"])


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["entities"][0]["title_mentions"][0].update(text="Paris"),
        lambda d: d["entities"][0]["title_mentions"][0].update(end=99),
        lambda d: d["article"].update(title=None),
        lambda d: d["entities"][0].update(title_mentions={}),
    ],
)
def test_tampered_headline_mentions_are_refused(tamper) -> None:
    data = json.loads(schema.dumps(_with_headline()))
    tamper(data)
    with pytest.raises(AnnotationFormatError, match="damaged"):
        schema.from_dict(data)
