"""Any valid Annotations survive the annotated HTML copy unchanged (rendered, then reopened)."""

from __future__ import annotations

from hypothesis import given

from reader.core import schema
from reader.core.export.html import render_html
from reader.core.export.reopen import parse_annotated
from reader.core.model import Annotations
from tests.property.budget import budget
from tests.property.strategies import annotations


@given(annotations())
@budget(80)
def test_html_round_trip_is_lossless(ann: Annotations) -> None:
    page = render_html(ann)
    again = parse_annotated(page, html=True)
    assert again == ann
    assert render_html(again) == page  # the same input gives the same bytes
    assert schema.dumps(again) == schema.dumps(ann)
