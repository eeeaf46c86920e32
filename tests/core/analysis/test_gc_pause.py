"""The collector is paused while the article-wide pass runs, and restored after."""

from __future__ import annotations

import gc

import pytest

from reader.core.analysis.gc_pause import collector_paused
from reader.core.analysis.runner import parse_text
from reader.core.model import Article


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_pause_disables_and_restores(collector_on) -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause does not end the outer one
    assert gc.isenabled()


def test_pause_restores_after_an_error(collector_on) -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("stage failed")
    assert gc.isenabled()


def test_a_collector_switched_off_stays_off(collector_on) -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_the_pass_runs_paused(analyser, collector_on) -> None:
    text = "Mara Olsen, the mayor, said on Monday: “We will rebuild the bridge.”"
    states: list[bool] = []
    annotations = analyser.annotate_doc(
        Article(text), parse_text(analyser.nlp, text), lambda _done: states.append(gc.isenabled())
    )
    assert states and not any(states)
    assert gc.isenabled()
    assert [e.name for e in annotations.entities if e.type == "person"] == ["Mara Olsen"]
