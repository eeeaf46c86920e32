"""run_app: the window shows first, opens the sample article without arguments; crash logging."""

from __future__ import annotations

import gc
import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.logs import log_file, setup_logging, shutdown_logging
from reader.core.paths import sample_article
from reader.ui import app as app_module
from reader.ui.errors import install_dialog_excepthooks
from reader.ui.tasks import TaskManager
from reader.ui.theme import ThemeManager
from tests.ui.conftest import FakeAnalyser


@pytest.fixture
def restore_app(qapp, monkeypatch: pytest.MonkeyPatch):
    """Undo what run_app changes process-wide: excepthook, log handlers, style sheet, frozen
    objects."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    level = logging.getLogger("reader").level
    yield
    shutdown_logging()
    logging.getLogger("reader").setLevel(level)
    qapp.setStyleSheet("")
    qapp.setPalette(QPalette())
    gc.unfreeze()


def test_no_argument_opens_sample_article(qtbot, monkeypatch, restore_app) -> None:
    seen: dict[str, object] = {}
    real_window = app_module.MainWindow

    def window_factory(*args, **kwargs):
        window = real_window(*args, **kwargs)
        seen["window"] = window

        def shown(tab) -> None:
            seen["visible_before_analysis"] = window.isVisible() and tab.annotations is None
            seen["path"] = tab.path

        window.article_shown.connect(shown)
        window.analysis_finished.connect(lambda _tab: QTimer.singleShot(0, window.close))
        return window

    monkeypatch.setattr(app_module, "MainWindow", window_factory)
    analyser = FakeAnalyser()
    safety = QTimer()  # closes the app if analysis never finishes; a net, not a wait
    safety.setSingleShot(True)
    safety.timeout.connect(QApplication.closeAllWindows)
    safety.start(60_000)
    try:
        assert app_module.run_app([], analyser=analyser) == 0
    finally:
        safety.stop()
    assert seen["path"] == sample_article().resolve()
    assert seen["visible_before_analysis"] is True
    assert analyser.calls == 1
    assert gc.get_freeze_count() > 0  # start-up objects are out of the collector's way
    assert QApplication.applicationName() == "entity-reader"
    assert QApplication.organizationName() == "Entity Reader"


def _dialogs() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_uncaught_exception_is_logged_and_shown(qtbot, restore_app) -> None:
    path = setup_logging()
    assert path == log_file()
    install_dialog_excepthooks(TaskManager())
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    boxes = _dialogs()
    assert boxes and "unexpected error" in boxes[0].text()
    assert str(log_file()) in boxes[0].text()
    for box in boxes:
        box.close()
    shutdown_logging()
    assert "RuntimeError: boom in a slot" in Path(path).read_text()


def test_worker_thread_exception_reaches_a_dialog(qtbot, restore_app) -> None:
    setup_logging()
    tasks = TaskManager()
    install_dialog_excepthooks(tasks)

    def fail() -> None:
        raise ValueError("boom on a worker")

    worker = threading.Thread(target=fail, name="a-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(_dialogs()))
    for box in _dialogs():
        box.close()


def test_theme_choice_overrides_system(qapp, restore_app) -> None:
    theme = ThemeManager("dark")
    changes: list[bool] = []
    theme.changed.connect(changes.append)
    theme.apply()
    assert theme.dark
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 100
    theme.set_choice("light")
    assert not theme.dark and changes == [False]
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 200
    theme.set_choice("system")  # offscreen reports no dark preference
    assert theme.choice == "system" and not theme.dark
