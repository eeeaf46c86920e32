"""The collector pauses while a book is analysed, and the book's result is frozen after."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.analysis import Progress
from reader.core.analysis.gc_pause import collector_paused
from reader.core.model import Annotations, Article, Entity, Mention
from reader.ui import collector

SENTENCE = "Macron met Scholz in Berlin. "


@pytest.fixture
def collector_restored() -> Iterator[None]:
    """Whatever a test froze goes back to the collector (later tests rely on gc.collect)."""
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()


def test_a_book_pauses_the_collector_and_freezes_what_was_made(collector_restored) -> None:
    gc.enable()
    gc.unfreeze()
    with collector.paused_for(collector.BIG_TEXT):
        assert not gc.isenabled()
        with collector.paused_for(collector.BIG_TEXT):  # nested: still paused after
            made = [[i] for i in range(1_000)]
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)
    walked = {id(o) for o in gc.get_objects()}  # what collections walk: not the frozen
    assert not any(id(x) in walked for x in made)


def test_the_passs_pause_ending_inside_a_books_leaves_the_collector_paused(
    collector_restored,
) -> None:
    gc.enable()
    gc.unfreeze()
    pass_pause = collector_paused()
    pass_pause.__enter__()
    with collector.paused_for(collector.BIG_TEXT):
        pass_pause.__exit__(None, None, None)  # the pass ends while the book is still analysed
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_article_leaves_the_collector_alone(collector_restored) -> None:
    gc.enable()
    gc.unfreeze()
    with collector.paused_for(collector.BIG_TEXT - 1):
        assert gc.isenabled()
    assert gc.get_freeze_count() == 0


class RecordingAnalyser:
    """Literal search for one name, noting whether the collector ran meanwhile."""

    def __init__(self) -> None:
        self.collecting: list[bool] = []

    def analyse(self, article: Article, progress: Progress | None = None) -> Annotations:
        self.collecting.append(gc.isenabled())
        mentions = [
            Mention(m.start(), m.end(), "Macron") for m in re.finditer("Macron", article.text)
        ]
        return Annotations(article, entities=[Entity("e1", "person", "Macron", mentions)])


def test_analysing_a_book_in_the_window_pauses_the_collector(
    qtbot, main_window, tmp_path: Path, collector_restored
) -> None:
    gc.enable()
    analyser = RecordingAnalyser()
    window = main_window(analyser=analyser)
    short, book = tmp_path / "short.txt", tmp_path / "book.txt"
    short.write_text(SENTENCE * 20, encoding="utf-8")
    book.write_text(SENTENCE * (collector.BIG_TEXT // len(SENTENCE) + 1), encoding="utf-8")
    for path in (short, book):
        with qtbot.waitSignal(window.analysis_finished, timeout=60_000) as finished:
            window.open_file(path)
        tab = finished.args[0]
        assert len(tab.annotations.entities[0].mentions) == tab.article.text.count("Macron")
    assert analyser.collecting == [True, False]
    assert gc.isenabled()
