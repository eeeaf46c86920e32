"""Offering back the corrections a crash left in the journal, when their article reopens.

Part of the corrections mixin (``reader.ui.corrections_ui``). The dialog does not block: the
article is readable while it waits for an answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from reader.core.journal import FoundJournal, find_journal, replay, unreadable_sentence

if TYPE_CHECKING:
    from reader.ui.article_tab import ArticleTab
    from reader.ui.main_window import MainWindow


class JournalRecovery:
    """Mixin part: find a journal for new annotations and offer to restore it."""

    # -- recovering a journal after a crash --------------------------------------------------------
    def _annotations_arrived(self: MainWindow, tab: ArticleTab) -> None:
        """Analysed or restored: say so for an annotated copy, then offer an earlier journal."""
        if tab.annotations is None:
            return
        if tab.article is not None and tab.article.format == "annotated":
            self.show_restored(tab, tab.annotations)
        found = find_journal(tab.annotations)
        if found is not None and found.corrections:
            self.offer_journal(tab, found)

    def offer_journal(self: MainWindow, tab: ArticleTab, found: FoundJournal) -> QMessageBox:
        """Ask (without blocking) whether to restore the corrections in ``found``."""
        count = found.corrections
        box = QMessageBox(self)
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

    def _journal_answer(
        self: MainWindow, tab: ArticleTab, found: FoundJournal, restore: bool
    ) -> None:
        if tab.annotations is None or tab not in self.tab_list:
            return
        if not restore:
            found.path.unlink(missing_ok=True)
            self.status.show_message("The earlier corrections were discarded.")
            return
        result = replay(tab.annotations, found)
        self._track(tab, result.stack)
        message = f"Restored {result.applied} correction{'s' if result.applied != 1 else ''}."
        if result.skipped:
            message += f" {len(result.skipped)} no longer applied and were skipped."
        if found.unreadable:
            message += f" {unreadable_sentence(found.unreadable)}"
        self._redraw(tab, result.stack, message)
