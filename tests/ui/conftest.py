"""GUI fixtures: a fake analyser with fixed answers, and a main-window factory that cleans up."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.core.analysis import Progress
from reader.core.model import Annotations, Article, DateMention, Entity, Mention, Quote
from reader.core.settings import Settings
from reader.ui.main_window import MainWindow
from reader.ui.tasks import TaskManager

OFFSCREEN_NOISE = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
)
"""Harmless Qt warnings of the offscreen platform plugin (docks ask it for size hints)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Ignore the offscreen plugin's noise in every GUI test (real warnings still fail)."""
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


FAKE_ENTITIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("person", "Emmanuel Macron", ("Emmanuel Macron", "Macron")),
    ("person", "Keir Starmer", ("Kier Starmer", "Starmer")),
    ("country", "Ukraine", ("Ukraine",)),
    ("country", "Russia", ("Russia",)),
    ("country", "United States", ("the United States",)),
    ("organization", "NATO", ("NATO",)),
    ("organization", "Kremlin", ("Kremlin",)),
    ("place", "Moscow", ("Moscow",)),
    ("nationality", "French", ("French",)),
)
"""(type, canonical name, surface forms) the fake analyser looks for, literally."""


def find_mentions(text: str, forms: tuple[str, ...], taken: set[int]) -> list[Mention]:
    """Whole-word occurrences of ``forms`` (longest first) not overlapping earlier ones."""
    mentions = []
    for form in sorted(forms, key=len, reverse=True):
        for match in re.finditer(rf"\b{re.escape(form)}\b", text):
            span = set(range(match.start(), match.end()))
            if span & taken:
                continue
            taken |= span
            mentions.append(Mention(match.start(), match.end(), match.group()))
    return sorted(mentions, key=lambda m: m.start)


class FakeAnalyser:
    """Fixed, predictable Annotations from literal string search (no model).

    Quotes are the text between straight double quotes of 25+ characters, attributed to Macron
    when "Macron said" follows within 20 characters; every "Saturday" is 2025-03-15.

    Attributes:
        calls: number of ``analyse`` calls.
        threads: names of the threads ``analyse`` ran on.
    """

    def __init__(self, delay: threading.Event | None = None) -> None:
        self.calls = 0
        self.threads: list[str] = []
        self._gate = delay

    def analyse(self, article: Article, progress: Progress | None = None) -> Annotations:
        self.calls += 1
        self.threads.append(threading.current_thread().name)
        if self._gate is not None:
            self._gate.wait(10)
        text = article.text
        taken: set[int] = set()
        entities = []
        for kind, name, forms in FAKE_ENTITIES:
            mentions = find_mentions(text, forms, taken)
            if mentions:
                entities.append(Entity(f"e{len(entities) + 1}", kind, name, mentions))
            if progress:
                progress(len(entities) / len(FAKE_ENTITIES))
        macron = next((e.id for e in entities if e.name == "Emmanuel Macron"), None)
        quotes = []
        for match in re.finditer(r'"([^"]{25,})"', text):
            said = "Macron said" in text[match.end() : match.end() + 20]
            quotes.append(
                Quote(
                    match.start(1),
                    match.end(1),
                    match.group(1),
                    "Emmanuel Macron" if said else None,
                    macron if said else None,
                )
            )
        dates = [
            DateMention(m.start(), m.end(), m.group(), "2025-03-15", "day")
            for m in re.finditer(r"\bon Saturday\b", text)
        ]
        dates += [
            DateMention(m.start(), m.end(), m.group(), "2025-03-17", "day")
            for m in re.finditer(r"\bon Monday\b", text)
        ]
        dates.sort(key=lambda d: d.start)
        return Annotations(article, entities=entities, quotes=quotes, dates=dates)


@pytest.fixture
def fake_analyser() -> FakeAnalyser:
    """A new FakeAnalyser."""
    return FakeAnalyser()


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def main_window(qtbot, fake_analyser: FakeAnalyser) -> Iterator[WindowFactory]:
    """Factory: ``main_window(analyser=None, settings=None)`` -> a shown MainWindow.

    Every window is closed at teardown, its workers are joined, and the test fails if a
    worker thread or a top-level window outlives it.
    """
    created: list[tuple[MainWindow, TaskManager]] = []

    def make(analyser: object | None = None, settings: Settings | None = None) -> MainWindow:
        tasks = TaskManager()
        window = MainWindow(settings or Settings(), analyser or fake_analyser, tasks=tasks)
        # Not qtbot.addWidget: it closes windows before this fixture's teardown, and a plain
        # close would ask about unsaved corrections (close_without_asking below).
        window.show()
        qtbot.waitExposed(window)
        created.append((window, tasks))
        return window

    yield make
    for window, tasks in created:
        close_without_asking(window)
        window.deleteLater()
        tasks.shutdown(wait=True)
    QApplication.processEvents()
    leaked = [t.name for t in threading.enumerate() if t.name.startswith("reader-")]
    assert not leaked, f"worker threads still running: {leaked}"
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not visible, f"windows left open: {visible}"


def close_without_asking(window: MainWindow) -> None:
    """Close ``window`` as the end of a test (or a crash) would: no Save / Discard / Cancel
    question, and journals of unsaved corrections stay for the next session."""
    window.confirm_close = lambda _tabs: True  # type: ignore[method-assign]
    window.close()


def open_and_wait(qtbot, window: MainWindow, path: Path | str, timeout: int = 20_000):
    """Open ``path`` and wait until its analysis came back; returns the tab."""
    with qtbot.waitSignal(window.analysis_finished, timeout=timeout) as blocker:
        window.open_file(path)
    return blocker.args[0]
