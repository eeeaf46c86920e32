"""Figures that need the reader window (offscreen is fine): open, highlight, stall, toggle.

The window is built the way ``reader.ui.app.run_app`` builds it, with the already loaded
analyser, and driven through its public methods and signals; nothing is faked.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

TIMEOUT_S = 1800.0
"""Longest wait for one step (the 5 MB analysis on a busy machine)."""
TICK_MS = 10
IDLE_S = 3.0
"""How long the idle timer runs: its worst gap is what the machine alone costs."""
CACHE_WRITE_S = 30.0
"""Longest wait for the cache entry of a finished analysis to appear."""
SAFETY_POLL_MS = 50
"""How often ``wait_until`` checks its predicate between the signals that wake it."""


def ui_available() -> str | None:
    """None when the reader window can be built here, else the reason it cannot."""
    try:
        import reader.ui.app
        import reader.ui.main_window  # noqa: F401
    except ImportError as exc:
        return f"no reader window on this branch yet: {exc}"
    return None


def wait_until(
    predicate: Callable[[], bool],
    timeout: float = TIMEOUT_S,
    wake: Sequence[SignalInstance] = (),
) -> float:
    """Run the event loop until ``predicate()``; the time it became true (perf_counter).

    ``predicate`` is checked whenever one of the ``wake`` signals fires, so the time is exact,
    and every ``SAFETY_POLL_MS`` besides. Without ``wake`` signals it is polled every
    millisecond. A 1 ms Python poll is not free: it takes the GIL from the app's workers 1,000
    times a second, which the app alone does not do (probes of the 1 MB opening: worst gap
    42-61 ms with it, 32-43 ms with a 10 ms poll).
    """
    loop = QEventLoop()
    done: list[float] = []
    deadline = time.perf_counter() + timeout

    def check(*_args: object) -> None:
        if done:
            return
        if predicate():
            done.append(time.perf_counter())
            loop.quit()
        elif time.perf_counter() > deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(SAFETY_POLL_MS if wake else 1)
    timer.timeout.connect(check)
    for signal in wake:
        signal.connect(check)
    timer.start()
    check()
    if not done:
        loop.exec()
    timer.stop()
    for signal in wake:
        signal.disconnect(check)
    if not done:
        raise TimeoutError("the window did not get there in time")
    return done[0]


class Ticker:
    """A 10 ms QTimer on the UI thread; the longest gap between ticks is the worst stall."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self._timer.start()

    def stop(self) -> float:
        """Stop; the longest gap in milliseconds."""
        self._timer.stop()
        self.ticks.append(time.perf_counter())
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)) * 1000


class Reader:
    """The main window, built as run_app builds it, with the given analyser."""

    def __init__(self, analyser: Any) -> None:
        from reader.core.settings import load_settings
        from reader.ui.app import create_application, freeze_startup_objects
        from reader.ui.main_window import MainWindow
        from reader.ui.tasks import TaskManager
        from reader.ui.theme import ThemeManager

        self.app = create_application()
        settings = load_settings()
        self.theme = ThemeManager(settings.theme)
        self.theme.apply()
        self.tasks = TaskManager()
        self.window = MainWindow(settings, analyser, tasks=self.tasks, theme=self.theme)
        self.window.resize(1280, 860)
        self.window.show()
        freeze_startup_objects()
        wait_until(lambda: self.window.isVisible(), 10)
        self.shown: set[int] = set()
        self.finished: set[int] = set()
        self.window.article_shown.connect(lambda tab: self.shown.add(id(tab)))
        self.window.analysis_finished.connect(lambda tab: self.finished.add(id(tab)))

    def open(self, path: Path) -> tuple[Any, float]:
        """Ask the window to open ``path``; the tab and the request time."""
        start = time.perf_counter()
        return self.window.open_file(path), start

    def text_shown(self, tab: Any) -> float:
        end = wait_until(lambda: id(tab) in self.shown, wake=[self.window.article_shown])
        tab.view.viewport().repaint()  # the first screen actually painted
        return max(end, time.perf_counter())

    def highlights_shown(self, tab: Any) -> float:
        """Time the tab got its first annotations (partial or final), painted."""
        window = self.window
        end = wait_until(
            lambda: tab.annotations is not None,
            wake=[window.partial_shown, window.analysis_finished, window.annotations_changed],
        )
        tab.view.viewport().repaint()
        return max(end, time.perf_counter())

    def analysed(self, tab: Any, timeout: float = TIMEOUT_S) -> float:
        end = wait_until(
            lambda: id(tab) in self.finished, timeout, wake=[self.window.analysis_finished]
        )
        tab.view.viewport().repaint()
        return max(end, time.perf_counter())

    def close(self, tab: Any) -> None:
        self.window.close_tab(tab)
        self.shown.discard(id(tab))
        self.finished.discard(id(tab))
        wait_until(lambda: True, 1)

    def shutdown(self) -> None:
        self.tasks.shutdown()
        self.window.close()


def ui_figures(analyser: Any, files: dict[str, Path], runs: int, emit: Callable, na: Callable):
    """open_to_text, open_to_highlights, first_screen, stall, toggle, cached reopen."""
    from reader.core.cache import AnalysisCache
    from reader.core.model import PERSON

    reader = Reader(analyser)
    cache = AnalysisCache()
    texts, highlights = [], []
    for _ in range(runs):
        cache.clear()
        tab, start = reader.open(files["5kB"])
        texts.append(reader.text_shown(tab) - start)
        highlights.append(reader.analysed(tab) - start)
        reader.close(tab)
    emit("open_to_text_s[5kB]", statistics.median(texts), "s", "window, model loaded")
    emit("open_to_highlights_s[5kB]", statistics.median(highlights), "s", "window, model loaded")

    cache.clear()
    ticker = Ticker()
    ticker.start()
    idle = QTimer()
    idle.setSingleShot(True)
    idle.start(round(IDLE_S * 1000))
    wait_until(lambda: not idle.isActive(), wake=[idle.timeout])
    emit("idle_ui_stall_ms", ticker.stop(), "ms", f"the same timer, window idle {IDLE_S:.0f} s")
    ticker.start()
    tab, start = reader.open(files["1MB"])
    text_1mb = reader.text_shown(tab) - start
    first = reader.highlights_shown(tab)
    partial = tab.analysing
    end = reader.analysed(tab)
    stall = ticker.stop()
    how = "a provisional result" if partial else "the full result (no region-first in the window)"
    emit("first_screen_highlights_s[1MB]", first - start, "s", f"first highlights came from {how}")
    emit("ui_analysis_1MB_s", end - start, "s", "open to every highlight, in the window")
    emit("max_ui_stall_ms", stall, "ms", "10 ms QTimer, open + analysis + highlights, 1 MB")

    visible = reader.window.visible_types()
    toggles = []
    for _ in range(max(runs, 3)):
        begin = time.perf_counter()
        reader.window.commands.toggle_layer(PERSON, PERSON not in visible)
        tab.view.viewport().repaint()
        reader.window.commands.toggle_layer(PERSON, PERSON in visible)
        tab.view.viewport().repaint()
        toggles.append((time.perf_counter() - begin) * 1000 / 2)
    emit("highlight_toggle_ms[1MB]", statistics.median(toggles), "ms", "hide or show people")

    try:  # the analysis process writes the entry just after its reply
        wait_until(lambda: bool(cache.entries()), CACHE_WRITE_S)
        cached = True
    except TimeoutError:
        cached = False
    reader.close(tab)
    if not cached:
        na("cached_reopen_s[1MB]", "the window does not store analyses: call analyse_cached")
        texts_1mb = [text_1mb]
    else:
        reopen, texts_1mb = [], [text_1mb]
        for _ in range(runs):
            tab, start = reader.open(files["1MB"])
            texts_1mb.append(reader.text_shown(tab) - start)
            reopen.append(reader.analysed(tab) - start)
            reader.close(tab)
        emit("cached_reopen_s[1MB]", statistics.median(reopen), "s", "open to highlights, cache")
    emit("open_to_text_s[1MB]", statistics.median(texts_1mb), "s", "window")
    reader.shutdown()


# -- child processes ------------------------------------------------------------------------------
class _FirstPaint(QObject):
    """Prints the wall-clock time of the first paint of the main window, then exits."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            print(f"{time.time():.6f}", flush=True)
            os._exit(0)  # the analysis worker may still be loading the model
        return False


def child_startup(path: Path) -> None:
    """``entity-reader FILE`` until its window first paints (started by the parent)."""
    app = QApplication(sys.argv[:1])
    watcher = _FirstPaint()
    app.installEventFilter(watcher)
    from reader.ui.app import run_app

    run_app([str(path)])


def child_rss_ui(path: Path) -> dict[str, float]:
    """Open ``path`` in the window, as the app does, and wait for every highlight.

    Memory is sampled every 50 ms from /proc (Linux): the app's and the analysis process's
    resident sizes together, and each one's own peak (VmHWM, exact).
    """
    from reader.ui.app import default_analyser

    analyser = default_analyser()
    reader = Reader(analyser)
    figures = {"together": 0.0, "app": 0.0, "analysis": 0.0}

    def sample() -> None:
        pid = analyser.pid
        app = _status_mb("self", "VmRSS:")
        analysis = _status_mb(str(pid), "VmRSS:") if pid is not None else 0.0
        figures["together"] = max(figures["together"], app + analysis)
        if pid is not None:
            figures["analysis"] = max(figures["analysis"], _status_mb(str(pid), "VmHWM:"))

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(sample)
    timer.start()
    tab, _start = reader.open(path)
    reader.analysed(tab)
    sample()
    timer.stop()
    figures["app"] = _status_mb("self", "VmHWM:")
    reader.shutdown()
    analyser.close()
    return figures


def _status_mb(pid: str, field: str) -> float:
    """A memory field of /proc/PID/status in MB (0 when the process is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return 0.0
