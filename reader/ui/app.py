"""Start the desktop app: ``run_app(files)`` is what ``entity-reader`` and ``main.py`` call."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import __version__
from reader.core import desktop
from reader.core.analysis import Analyser, ClosableAnalyser
from reader.core.logs import report_error, setup_logging
from reader.core.paths import sample_article
from reader.core.settings import load_settings
from reader.ui.errors import install_dialog_excepthooks
from reader.ui.main_window import MainWindow
from reader.ui.single_instance import InstanceServer, hand_to_running_instance, show_handed_files
from reader.ui.tasks import TaskManager
from reader.ui.theme import ThemeManager

APP_NAME = "Entity Reader"
ORGANIZATION = "Entity Reader"
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "vnc"})
"""Qt platforms with no one to see a dialog: a failed start is only printed there."""


def app_icon() -> QIcon:
    """The app's icon: the shipped PNG of each size (16 to 512; Qt scales between them).

    Pixel-exact at the small sizes title bars and task bars use, where the SVG blurs.
    """
    icon = QIcon()
    for size, png in desktop.icon_pngs().items():
        icon.addFile(str(png), QSize(size, size))
    return icon


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with the reader's names and style (reused if one exists)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv if argv is not None else sys.argv[:1]))
    app.setApplicationName("entity-reader")
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(desktop.APP_ID)  # matches the shipped .desktop entry
    app.setWindowIcon(app_icon())
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


def report_start_failure(error: BaseException) -> int:
    """A window that cannot start says so: one plain line on stderr, a dialog where a display
    is, the traceback in the log; returns the exit status (1)."""
    sentence = report_error(error, "start Entity Reader")
    print(f"entity-reader: {sentence}", file=sys.stderr, flush=True)
    app = QApplication.instance()
    if isinstance(app, QApplication) and QGuiApplication.platformName() not in HEADLESS_PLATFORMS:
        QMessageBox.critical(None, APP_NAME, sentence)
    return 1


def run_app(
    files: Sequence[str], analyser: Analyser | None = None, new_window: bool = False
) -> int:
    """Show the window with ``files`` (the sample article when none) and run the event loop.

    When the app already runs here, ``files`` open as tabs of its window and this returns at
    once, unless ``new_window`` (reader/ui/single_instance.py). A failure before the window
    shows is reported by ``report_start_failure`` (exit status 1).
    """
    setup_logging()
    tasks: TaskManager | None = None
    instance: InstanceServer | None = None
    try:
        app = create_application()
        if not new_window and hand_to_running_instance(files):
            return 0
        instance = InstanceServer()
        instance.listen()
        tasks = TaskManager()
        install_dialog_excepthooks(tasks)
        settings = load_settings()
        theme = ThemeManager(settings.theme)
        theme.apply()
        analyser = analyser or default_analyser()
        window = MainWindow(settings, analyser, tasks=tasks, theme=theme)
        window.setWindowIcon(app.windowIcon())
        window.show()
    except Exception as exc:  # the excepthook's dialog would be queued to a loop never run
        if tasks is not None:
            tasks.shutdown()
        if instance is not None:
            instance.close()
        return report_start_failure(exc)
    app.commitDataRequest.connect(window.commit_data)  # a logout asks about unsaved work too
    instance.files_received.connect(lambda paths: show_handed_files(window, paths))
    freeze_startup_objects()
    paths = list(files) or [str(sample_article())]
    # Open after the first paint: the window appears before any loading or model work.
    QTimer.singleShot(0, lambda: window.open_files(paths))
    try:
        return app.exec()
    finally:
        instance.close()
        tasks.shutdown()
        if isinstance(analyser, ClosableAnalyser):
            analyser.close()
