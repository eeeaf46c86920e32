"""Nothing lost on close: Save / Discard / Cancel for tabs whose corrections no copy holds.

Asked on Ctrl+W, a tab's close button, Ctrl+Q, the window's close button and a session
logout. Save writes an annotated copy of each (the HTML copy reopens losslessly); Discard
also deletes the recovery journal, so the corrections are not offered back later; Cancel
keeps everything open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from reader.core.errors import ReaderError
from reader.core.export.formats import FORMATS, save
from reader.core.model import Annotations
from reader.ui.article_tab import ArticleTab


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class CorrectionsOwner(Protocol):
    """What the guard needs from the window."""

    def unsaved_tabs(self) -> list[ArticleTab]: ...
    def corrections_saved(self, tab: ArticleTab) -> None: ...
    def discard_corrections(self, tab: ArticleTab) -> None: ...


def ask_unsaved(parent: QWidget | None, titles: Sequence[str]) -> Choice:
    """The question, as a modal dialog (tests replace this function)."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved Corrections")
    if len(titles) == 1:
        box.setText(f"Save your corrections to “{titles[0]}” before closing?")
    else:
        box.setText(f"Save your corrections to {len(titles)} articles before closing?")
        box.setInformativeText("\n".join(f"• {title}" for title in titles))
    Button = QMessageBox.StandardButton
    box.setStandardButtons(Button.Save | Button.Discard | Button.Cancel)
    box.setDefaultButton(Button.Save)
    box.setEscapeButton(Button.Cancel)
    answer = box.exec()
    return {Button.Save: Choice.SAVE, Button.Discard: Choice.DISCARD}.get(
        Button(answer), Choice.CANCEL
    )


AskTarget = Callable[[ArticleTab, str, str, str], Path | None]
"""(tab, dialog title, suffix, description) -> the path the user chose, or None."""


def confirm_close(
    window: QWidget,
    owner: CorrectionsOwner,
    tabs: Sequence[ArticleTab],
    ask_target: AskTarget,
    on_error: Callable[[Path, BaseException], None],
) -> bool:
    """Whether ``tabs`` may close: asks only when some have unsaved corrections."""
    unsaved = [tab for tab in owner.unsaved_tabs() if tab in tabs]
    if not unsaved:
        return True
    choice = ask_unsaved(window, [tab.title for tab in unsaved])
    if choice is Choice.CANCEL:
        return False
    for tab in unsaved:
        if choice is Choice.DISCARD:
            owner.discard_corrections(tab)
        elif not _save_copy(owner, tab, ask_target, on_error):
            return False  # the user cancelled the save dialog, or the save failed
    return True


def _save_copy(
    owner: CorrectionsOwner,
    tab: ArticleTab,
    ask_target: AskTarget,
    on_error: Callable[[Path, BaseException], None],
) -> bool:
    """Save ``tab``'s annotated copy now (the window is about to close: no background task)."""
    info = FORMATS["html"]
    target = ask_target(tab, "Save Annotated Copy", info.suffix, info.description)
    if target is None:
        return False
    annotations = tab.annotations
    assert isinstance(annotations, Annotations)
    try:
        save(annotations, target, "html")
    except (ReaderError, OSError) as error:
        on_error(target, error)
        return False
    owner.corrections_saved(tab)
    return True
