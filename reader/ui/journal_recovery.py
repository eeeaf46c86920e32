"""Offering back the corrections a crash left in the journal, when their article reopens.

Owned by the corrections controller (``reader.ui.corrections_ui``), which takes the replayed
stack from the ``restored`` signal. The dialog does not block: the article is readable while it
waits for an answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from reader.core.corrections.journal import (
    FoundJournal,
    find_journal,
    replay,
    unreadable_sentence,
)

if TYPE_CHECKING:
    from reader.ui.article_tab import ArticleTab
    from reader.ui.window_api import ReaderWindow


class JournalRecovery(QObject):
    """Find a journal for new annotations and offer to restore it.

    Signals:
        restored(object, object, str): an ArticleTab, the CorrectionStack replayed onto its
            annotations, and what to tell the user.
    """

    restored = Signal(object, object, str)

    def __init__(self, window: ReaderWindow) -> None:
        super().__init__(window.dialog_parent())
        self._window = window

    def annotations_arrived(self, tab: ArticleTab) -> None:
        """Analysed or restored: offer the corrections a crash left for these annotations."""
        if tab.annotations is None:
            return
        found = find_journal(tab.annotations)
        if found is not None and found.corrections:
            self.offer_journal(tab, found)

    def offer_journal(self, tab: ArticleTab, found: FoundJournal) -> QMessageBox:
        """Ask (without blocking) whether to restore the corrections in ``found``."""
        count = found.corrections
        box = QMessageBox(self._window.dialog_parent())
        box.setObjectName("restoreJournalDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Restore Corrections")
        plural = "s" if count != 1 else ""
        text = (
            f"You made {count} correction{plural} to “{tab.title}” that were not saved "
            "before Entity Reader closed."
        )
        if found.unreadable:
            text += f" {unreadable_sentence(found.unreadable)}"
        box.setText(f"{text} Restore them?")
        restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.buttonClicked.connect(
            lambda button: self._journal_answer(tab, found, button is restore)
        )
        box.open()
        return box

    def _journal_answer(self, tab: ArticleTab, found: FoundJournal, restore: bool) -> None:
        if tab.annotations is None or tab not in self._window.tab_list:
            return
        if not restore:
            found.path.unlink(missing_ok=True)
            self._window.status.show_message("The earlier corrections were discarded.")
            return
        result = replay(tab.annotations, found)
        message = f"Restored {result.applied} correction{'s' if result.applied != 1 else ''}."
        if result.skipped:
            message += f" {len(result.skipped)} no longer applied and were skipped."
        if found.unreadable:
            message += f" {unreadable_sentence(found.unreadable)}"
        self.restored.emit(tab, result.stack, message)
