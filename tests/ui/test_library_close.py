"""Closing the window while a library write is running or queued: the write lands, then the
writer's connection closes on its worker, and nothing fails on the way."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.library import search as queries
from reader.core.library.store import Library
from reader.core.model import Annotations, Article
from reader.core.settings import Settings
from reader.ui import library_controller
from reader.ui.main_window import MainWindow
from tests.ui.conftest import FakeAnalyser, close_without_asking

TALKS = 'Emmanuel Macron met NATO officials in {}. "We stand with Ukraine," Macron said.\n'


@pytest.fixture
def own_window(qtbot, fake_analyser: FakeAnalyser) -> Iterator[MainWindow]:
    """A window that owns its workers, as closing it then shuts them down (the app's case
    where the window outlives nothing)."""
    window = MainWindow(Settings(), fake_analyser)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.isVisible():
        close_without_asking(window)
    window.tasks.shutdown(wait=True)  # joins the workers: the writes and the close ran
    window.deleteLater()


def _annotations(tmp_path: Path, name: str) -> tuple[Path, Annotations]:
    path = tmp_path / name
    text = TALKS.format(name)  # a text of its own: an article of its own in the library
    path.write_text(text, encoding="utf-8")
    article = Article(text, title=f"Talks in {name}", source=str(path))
    return path, FakeAnalyser().analyse(article)


def _library_titles(window: MainWindow) -> list[str]:
    with Library(window.library.path) as library:
        return [a.title for a in queries.articles(library.conn)]


def test_a_write_running_when_the_window_closes_lands(
    qtbot, own_window: MainWindow, tmp_path: Path, monkeypatch, caplog
) -> None:
    started, release = threading.Event(), threading.Event()
    real_add = library_controller.add_annotations

    def slow_add(*args, **kwargs) -> None:  # holds the write open while the window closes
        started.set()
        release.wait(10)
        real_add(*args, **kwargs)

    monkeypatch.setattr(library_controller, "add_annotations", slow_add)
    path, annotations = _annotations(tmp_path, "talks.txt")
    caplog.set_level(logging.WARNING)
    own_window.library.add_article(path, annotations, is_copy=False)
    assert started.wait(10)
    close_without_asking(own_window)  # the writer must not be closed under the write
    release.set()
    own_window.tasks.shutdown(wait=True)
    wal = own_window.library.path.with_name(own_window.library.path.name + "-wal")
    assert not wal.exists()  # SQLite removes the WAL when the last connection closes
    assert _library_titles(own_window) == ["Talks in talks.txt"]
    assert [r.getMessage() for r in caplog.records] == []


def test_writes_queued_behind_other_work_land_before_the_writer_closes(
    qtbot, own_window: MainWindow, tmp_path: Path, caplog
) -> None:
    busy, release = threading.Event(), threading.Event()

    def other_work(_progress: object) -> None:  # an analysis, say, ahead of the writes
        busy.set()
        release.wait(10)

    caplog.set_level(logging.WARNING)
    own_window.tasks.run(other_work, lambda _none: None, pool="analysis")
    assert busy.wait(10)
    for name in ("one.txt", "two.txt"):
        path, annotations = _annotations(tmp_path, name)
        own_window.library.add_article(path, annotations, is_copy=False)
    close_without_asking(own_window)
    own_window.library.add_article(*_annotations(tmp_path, "late.txt"), is_copy=False)
    release.set()
    own_window.tasks.shutdown(wait=True)
    # the two queued before the close landed; one asked for after it is not started
    assert sorted(_library_titles(own_window)) == ["Talks in one.txt", "Talks in two.txt"]
    assert [r.getMessage() for r in caplog.records] == []
