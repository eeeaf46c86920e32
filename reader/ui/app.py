"""Start the desktop app: ``run_app(files)`` is what ``entity-reader`` and ``main.py`` call."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.core.analysis import Analyser, ClosableAnalyser
from reader.core.logs import setup_logging
from reader.core.paths import sample_article
from reader.core.settings import load_settings
from reader.ui.errors import install_dialog_excepthooks
from reader.ui.main_window import MainWindow
from reader.ui.tasks import TaskManager
from reader.ui.theme import ThemeManager

APP_NAME = "Entity Reader"
ORGANIZATION = "Entity Reader"


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with the reader's names and style (reused if one exists)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv if argv is not None else sys.argv[:1]))
    app.setApplicationName("entity-reader")
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("entity-reader")
    app.setStyle("Fusion")
    return app


def default_analyser() -> Analyser:
    """The spaCy analyser in its own process, so the window never waits on it.

    The process (and its model) starts when the first article is analysed, from the worker.
    """
    from reader.core.analysis.process import ProcessAnalyser

    return ProcessAnalyser()


def freeze_startup_objects() -> None:
    """Take what start-up created (modules, classes, functions: ~80,000 objects that live as
    long as the process) out of the cyclic garbage collector's sight.

    A full collection walks every tracked object while holding the GIL; with these frozen it
    costs ~10 ms instead of ~90 ms, a stall of the window each time one runs. Frozen objects
    are still freed by reference counting; only a reference cycle among them would stay.
    """
    gc.freeze()


def run_app(files: Sequence[str], analyser: Analyser | None = None) -> int:
    """Show the window with ``files`` (the sample article when none) and run the event loop."""
    setup_logging()
    app = create_application()
    tasks = TaskManager()
    install_dialog_excepthooks(tasks)
    settings = load_settings()
    theme = ThemeManager(settings.theme)
    theme.apply()
    analyser = analyser or default_analyser()
    window = MainWindow(settings, analyser, tasks=tasks, theme=theme)
    window.show()
    app.commitDataRequest.connect(window.commit_data)  # a logout asks about unsaved work too
    freeze_startup_objects()
    paths = list(files) or [str(sample_article())]
    # Open after the first paint: the window appears before any loading or model work.
    QTimer.singleShot(0, lambda: window.open_files(paths))
    try:
        return app.exec()
    finally:
        tasks.shutdown()
        if isinstance(analyser, ClosableAnalyser):
            analyser.close()
