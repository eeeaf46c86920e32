"""Telling people about failures: plain-sentence dialogs, and a log file with the tracebacks."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader.core import paths
from reader.core.errors import ReaderError

log = logging.getLogger("reader")
LOG_NAME = "entity-reader.log"
_unowned: set[QMessageBox] = set()


def log_file() -> Path:
    """The file tracebacks go to."""
    return paths.log_dir() / LOG_NAME


def setup_logging() -> Path | None:
    """Log warnings and errors to ``log_file()`` (rotated); returns its path, None if unwritable."""
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


def show_message(
    parent: QWidget | None,
    title: str,
    text: str,
    detail: str | None = None,
    *,
    information: bool = False,
) -> QMessageBox:
    """A non-blocking dialog (a warning unless ``information``) with a plain sentence."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information if information else QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setDetailedText(detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("errorDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:  # nothing owns it: keep it alive until it closes
        _unowned.add(box)
        box.finished.connect(lambda _result: _unowned.discard(box))
    box.open()
    return box


def describe(error: BaseException) -> tuple[str, str | None]:
    """(plain sentence, technical detail) for any exception; logs unexpected ones."""
    if isinstance(error, ReaderError):
        if error.detail:
            log.info("%s (%s)", error.message, error.detail)
        return error.message, error.detail
    log.error(
        "Unexpected error",
        exc_info=(type(error), error, error.__traceback__),
    )
    where = log_file()
    text = (
        "Something went wrong that Entity Reader did not expect. "
        f"The details were saved to {where}."
    )
    return text, "".join(traceback.format_exception(type(error), error, error.__traceback__))


def install_excepthook() -> None:
    """Uncaught exceptions in Qt callbacks: log them and show a dialog instead of dying quietly."""

    def hook(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("Uncaught exception", exc_info=(kind, error, tb))
        text, detail = describe(error) if isinstance(error, ReaderError) else (
            "Something went wrong that Entity Reader did not expect. "
            f"The details were saved to {log_file()}.",
            "".join(traceback.format_exception(kind, error, tb)),
        )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            show_message(app.activeWindow(), "Entity Reader", text, detail)

    sys.excepthook = hook
