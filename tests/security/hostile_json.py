"""Hand-crafted hostile annotated copies (JSON text), shared by the JSON and HTML tests.

Each case is built lazily (some are tens of megabytes) and must be refused with
AnnotationFormatError: offsets out of range, wrong types, huge numbers, deep nesting, sizes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

TEXT = "Emmanuel Macron met Volodymyr Zelensky in Kyiv."
DEEP = 200_000
MENTION = "entities/0/mentions/0/"


def valid() -> dict[str, Any]:
    """A small valid schema-v1 copy to damage."""
    return {
        "format": "entity-reader",
        "version": 1,
        "article": {
            "text": TEXT,
            "title": "T",
            "published": "2025-03-17",
            "blocks": [[0, len(TEXT), "paragraph", 0]],
        },
        "pipeline": {"model": "en_core_web_sm", "model_version": "3.8.0", "reader_version": "0"},
        "entities": [
            {
                "id": "e1",
                "type": "person",
                "name": "Emmanuel Macron",
                "mentions": [{"start": 0, "end": 15, "text": "Emmanuel Macron", "source": "model"}],
            }
        ],
        "quotes": [],
        "dates": [],
    }


def valid_text() -> str:
    return json.dumps(valid())


def with_value(path: str, value: Any) -> Callable[[], str]:
    """The valid copy with the node at ``path`` ("a/0/b") replaced by ``value``."""

    def build() -> str:
        data = valid()
        node: Any = data
        keys = [int(k) if k.isdigit() else k for k in path.split("/")]
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
        return json.dumps(data)

    return build


def replaced(old: str, new: str) -> Callable[[], str]:
    """The valid copy's JSON text with ``old`` replaced once by ``new`` (for non-JSON values)."""

    def build() -> str:
        text = valid_text()
        assert old in text, old
        return text.replace(old, new, 1)

    return build


def many_entities(count: int) -> Callable[[], str]:
    def build() -> str:
        body = ",".join(f'{{"id":"e{n}","type":"person","name":"x"}}' for n in range(2, count + 2))
        return valid_text().replace('"entities": [', '"entities": [' + body + ",", 1)

    return build


def many_mentions(count: int) -> Callable[[], str]:
    def build() -> str:
        mention = '{"start":0,"end":15,"text":"Emmanuel Macron"},'
        return valid_text().replace('"mentions": [', '"mentions": [' + mention * count, 1)

    return build


def const(text: str) -> Callable[[], str]:
    return lambda: text


DEEP_LIST = "[" * DEEP + "]" * DEEP
QUOTE = {"start": 0, "end": 8, "text": "Emmanuel"}

CASES: dict[str, Callable[[], str]] = {
    # offsets out of range
    "start negative": with_value(MENTION + "start", -1),
    "end past text": with_value(MENTION + "end", 10_000),
    "start after end": with_value(MENTION + "start", 16),
    "text mismatch": with_value(MENTION + "text", "Vladimir Putin!"),
    "block past text": with_value("article/blocks/0", [0, 999, "paragraph", 0]),
    "quote past text": with_value("quotes", [{"start": 40, "end": 400, "text": "x"}]),
    "date negative": with_value("dates", [{"start": -5, "end": 2, "text": "Em"}]),
    # wrong types
    "start is text": with_value(MENTION + "start", "0"),
    "start is float": with_value(MENTION + "start", 0.0),
    "end is bool": with_value(MENTION + "end", True),
    "start is null": with_value(MENTION + "start", None),
    "start is list": with_value(MENTION + "start", [0]),
    "mention is list": with_value("entities/0/mentions/0", [0, 15]),
    "mentions is text": with_value("entities/0/mentions", "all of them"),
    "entities is object": with_value("entities", {"e1": {}}),
    "entity is number": with_value("entities/0", 7),
    "entity name is number": with_value("entities/0/name", 42),
    "entity id is null": with_value("entities/0/id", None),
    "text is number": with_value("article/text", 12345),
    "text is null": with_value("article/text", None),
    "article is list": with_value("article", [TEXT]),
    "blocks is bool": with_value("article/blocks", True),
    "blocks is object": with_value("article/blocks", {"0": [0, 1, "p", 0]}),
    "block kind is number": with_value("article/blocks/0", [0, 1, 2, 0]),
    "published impossible": with_value("article/published", "2025-13-45"),
    "published is number": with_value("article/published", 20250317),
    "pipeline is list": with_value("pipeline", ["en"]),
    "source unknown": with_value(MENTION + "source", "admin"),
    "quote kind unknown": with_value("quotes", [{**QUOTE, "kind": "x"}]),
    "speaker unknown": with_value("quotes", [{**QUOTE, "speaker_id": "e999"}]),
    "precision unknown": with_value("dates", [{**QUOTE, "precision": "eon"}]),
    "duplicate ids": with_value("entities", valid()["entities"] * 2),
    "version is bool": with_value("version", True),
    "version 2": with_value("version", 2),
    "version huge text": with_value("version", "9" * 100_000),
    "wrong format": with_value("format", "something-else"),
    "top level list": const("[]"),
    "top level string": const('"entity-reader"'),
    "top level huge float": const("1e999"),
    "empty": const(""),
    "not json": const("<html>hello</html>"),
    "truncated": lambda: valid_text()[:-20],
    "lone surrogate in text": replaced("Kyiv", "Ky\\ud800v"),
    "lone surrogate in name": replaced('"name": "Emmanuel', '"name": "\\udfffE'),
    "nul in key": replaced('"format"', '"for\\u0000mat"'),
    # huge numbers
    "start 10**30": with_value(MENTION + "start", 10**30),
    "end 10**30": with_value(MENTION + "end", 10**30),
    "start 1e308": with_value(MENTION + "start", 1e308),
    "start NaN": replaced('"start": 0', '"start": NaN'),
    "start -Infinity": replaced('"start": 0', '"start": -Infinity'),
    "start 5000 digits": replaced('"start": 0', '"start": ' + "9" * 5000),
    "level 10**100 and bad range": with_value("article/blocks/0", [5, 1, "heading", 10**100]),
    # deep nesting
    "deep arrays": const(DEEP_LIST),
    "deep objects": const('{"a":' * DEEP + "1" + "}" * DEEP),
    "deep in entities": replaced('"quotes": []', '"quotes": ' + DEEP_LIST),
    "deep in mention": replaced('"start": 0', '"start": ' + DEEP_LIST),
    # sizes
    "10**6 entities": many_entities(10**6),
    "over 10**6 mentions": many_mentions(1_000_001),
    "text over the limit": with_value("article/text", "x" * 20_000_001),
}
