"""Telling people about failures in the window: plain-sentence dialogs.

Logging and the wording of unexpected errors belong to ``reader.core.logs`` (shared with the
CLI); this module only shows what it returns, and routes uncaught exceptions to a dialog.
"""

from __future__ import annotations

import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader.core.errors import ReaderError
from reader.core.logs import install_excepthooks, report_error

if TYPE_CHECKING:
    from reader.ui.tasks import TaskManager

_unowned: set[QMessageBox] = set()


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


def describe(error: BaseException, action: str) -> tuple[str, str | None]:
    """(sentence, details for the dialog's "Show Details") for an error; logs it.

    ``action`` is a verb phrase: "open 'a.pdf'", "analyse 'a.txt'".
    """
    sentence = report_error(error, action)
    if isinstance(error, ReaderError):
        return sentence, error.detail
    return sentence, "".join(traceback.format_exception(type(error), error, error.__traceback__))


def show_error_dialog(sentence: str) -> None:
    """Show an uncaught error's sentence over the active window."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        show_message(app.activeWindow(), "Entity Reader", sentence)


def install_dialog_excepthooks(tasks: TaskManager) -> None:
    """Uncaught exceptions (UI thread or a worker) are logged and shown in a dialog.

    A worker's hook runs on that worker, so ``tasks`` queues the dialog to the UI thread.
    """
    install_excepthooks(lambda sentence: tasks.call_on_ui(lambda: show_error_dialog(sentence)))
