"""Hostile annotated copies are refused with a plain message: never a crash, never a hang."""

from __future__ import annotations

import json

import pytest

from reader.core import schema
from reader.core.errors import AnnotationFormatError
from tests.security.hostile_json import CASES, valid, valid_text
from tests.security.watchdog import watchdog

HANG_SECONDS = 60


def test_the_undamaged_copy_loads() -> None:
    ann = schema.loads(valid_text())
    assert [e.name for e in ann.entities] == ["Emmanuel Macron"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_json_is_refused_with_a_plain_message(name: str) -> None:
    text = CASES[name]()
    with watchdog(HANG_SECONDS, name), pytest.raises(AnnotationFormatError) as caught:
        schema.loads(text)
    message = caught.value.message
    assert message.startswith("The annotations are")
    assert len(message) < 200, "a hostile value must not flood the error dialog"
    assert "Traceback" not in message


def test_copy_over_the_size_limit_is_refused_before_parsing() -> None:
    huge = " " * (schema.MAX_JSON_CHARS + 1)
    with pytest.raises(AnnotationFormatError, match="too large"):
        schema.loads(huge)


def test_the_limits_themselves_are_accepted() -> None:
    """Bounded, not arbitrary: a copy at MAX_ENTITIES still opens."""
    data = valid()
    data["entities"] = [
        {"id": f"e{n}", "type": "person", "name": "x"} for n in range(schema.MAX_ENTITIES)
    ]
    with watchdog(HANG_SECONDS):
        ann = schema.loads(json.dumps(data))
    assert len(ann.entities) == schema.MAX_ENTITIES
