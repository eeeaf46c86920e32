"""Schema v1: any valid Annotations survive JSON unchanged; any damaged copy is refused cleanly."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from reader.core import schema
from reader.core.errors import AnnotationFormatError
from reader.core.model import Annotations
from tests.property.budget import budget
from tests.property.strategies import annotations, json_values


@given(annotations())
@budget(150)
def test_json_round_trip_is_lossless(ann: Annotations) -> None:
    text = schema.dumps(ann)
    again = schema.loads(text)
    assert again == ann
    assert schema.dumps(again) == text  # byte-identical: diffs of saved copies stay clean


@given(annotations())
@budget(50)
def test_compact_json_round_trip_is_lossless(ann: Annotations) -> None:
    assert schema.loads(schema.dumps(ann, indent=None)) == ann


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a node inside a JSON value."""
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _replace(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


@given(annotations(), st.data())
@budget(150)
def test_a_damaged_copy_is_refused_with_a_plain_message(ann: Annotations, data: st.DataObject):
    """Replace any node with any JSON value: the result loads or is refused, nothing else."""
    original = schema.to_dict(ann)
    path = data.draw(st.sampled_from(_paths(original)))
    damaged = _replace(copy.deepcopy(original), path, data.draw(json_values))
    try:
        loaded = schema.from_dict(damaged)
    except AnnotationFormatError as exc:
        assert exc.message.startswith("The annotations are damaged")
        return
    text = loaded.article.text
    for entity in loaded.entities:
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text


@given(st.text(max_size=200) | json_values.map(json.dumps))
@example('{"format": "entity-reader", "version": 1, "article": {"text": "", "blocks": true}}')
@example('{"format": "entity-reader", "version": true, "article": {"text": "\\ud800"}}')
@budget(100)
def test_any_text_loads_or_is_refused(text: str) -> None:
    try:
        ann = schema.loads(text)
    except AnnotationFormatError as exc:
        assert exc.message.startswith("The annotations are")
    else:
        assert isinstance(ann, Annotations)
