"""Spanish-language names of bodies (issue 13), on sentences of our own."""

from __future__ import annotations

import pytest

from reader.core.analysis.entities import extract_entities
from reader.core.analysis.spanish_bodies import short_name, spanish_body_spans
from reader.core.model import ORGANIZATION


def _spans(text: str) -> list[str]:
    return [text[s:e] for s, e in spanish_body_spans(text)]


def test_a_spanish_head_noun_starts_a_name_its_links_hold_together() -> None:
    text = "With Fundación Lumbre and the Ministerio de Ambiente y Recursos Naturales today."
    assert _spans(text) == ["Fundación Lumbre", "Ministerio de Ambiente y Recursos Naturales"]


def test_a_head_english_also_writes_needs_a_spanish_link() -> None:
    assert _spans("The Red Cross and Banco Azul helped the Red por la Defensa de los Ríos.") == [
        "Red por la Defensa de los Ríos"
    ]


def test_a_name_never_runs_over_a_line_break() -> None:
    assert _spans("Sponsored by Fundación\nThe next story") == []


def test_the_short_name_is_the_words_after_the_last_link() -> None:
    assert short_name("Red por la Defensa de los Ríos Libres") == "Ríos Libres"
    assert short_name("Ministerio de Ambiente") is None
    assert short_name("Fundación Lumbre") is None


@pytest.mark.model
def test_a_spanish_body_is_one_organization_and_its_short_name_too(nlp) -> None:
    doc = nlp(
        "The report was written with Fundación Lumbre and the Red por la Defensa de los Ríos "
        "Libres, a network of Mexican groups. Ríos Libres said the study took a year."
    )
    types = {m.text: e.type for e in extract_entities(doc) for m in e.mentions}
    assert types["Fundación Lumbre"] == ORGANIZATION
    assert types["Red por la Defensa de los Ríos Libres"] == ORGANIZATION
    assert types["Ríos Libres"] == ORGANIZATION
    assert "Defensa de los Ríos Libres" not in types
