"""Correcting annotations by hand in the window (``CorrectionController``): Edit menu, context menu.

Every command builds a correction from ``reader.core.corrections`` and applies it through the
tab's ``CorrectionStack`` (undo/redo, journaled to disk as it happens), then hands the
annotations back to the window to redraw. After an article is analysed or restored, a journal
left by a crash is offered for restoring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from reader.core.colors import type_colors
from reader.core.corrections.journal import Journal
from reader.core.corrections.operations import (
    AddEntity,
    AddMention,
    ChangeType,
    Correction,
    CorrectionError,
    MergeEntities,
    RemoveEntity,
    RemoveMention,
    RenameEntity,
    SetSpeaker,
    trim_selection,
)
from reader.core.corrections.undo import CorrectionStack
from reader.core.model import ENTITY_TYPES, PERSON, Annotations, Entity, Mention
from reader.ui import correction_actions  # noqa: F401  (registers the Correct menu)
from reader.ui.article_loading import summary
from reader.ui.correction_menu import CorrectionMenu, quote_at
from reader.ui.journal_recovery import JournalRecovery

if TYPE_CHECKING:
    from reader.ui.article_tab import ArticleTab
    from reader.ui.window_api import ReaderWindow

NO_SPEAKER = "(no speaker)"


def mention_at(
    annotations: Annotations, offset: int, prefer: str | None
) -> tuple[Entity, Mention] | None:
    """The mention covering ``offset`` (the preferred entity's first)."""
    found = [
        (e, m)
        for e in annotations.entities
        for m in e.mentions
        if m.start <= offset < m.end or (m.start < offset <= m.end)
    ]
    found.sort(key=lambda pair: (pair[0].id != prefer, pair[1].end - pair[1].start))
    return found[0] if found else None


class CorrectionController:
    """The correction commands, undo/redo and the journals of the window's tabs.

    Owns the text's context menu (``CorrectionMenu``) and the offer to restore a crash's
    journal (``JournalRecovery``); the window owns this controller.
    """

    def __init__(self, window: ReaderWindow) -> None:
        self._window = window
        self._stacks: dict[int, CorrectionStack] = {}
        self.menu = CorrectionMenu(self)
        self.recovery = JournalRecovery(window)
        self.recovery.restored.connect(self._restored)
        window.article_shown.connect(self.menu.attach)
        window.analysis_finished.connect(self.recovery.annotations_arrived)
        window.annotations_changed.connect(lambda _annotations: self.sync_undo_actions())

    def _restored(self, tab: ArticleTab, stack: CorrectionStack, message: str) -> None:
        """A crash's journal was replayed onto ``tab``: track its stack and show the result."""
        self._track(tab, stack)
        self._redraw(tab, stack, message)

    # -- the stack of the current tab ---------------------------------------------------------
    def correction_stack(self, tab: ArticleTab | None = None) -> CorrectionStack | None:
        """The undo stack of ``tab``'s current annotations (created with its journal)."""
        tab = tab or self._window.current_tab()
        if tab is None or tab.annotations is None:
            return None
        stack = self._stacks.get(id(tab))
        if stack is None or stack.ann is not tab.annotations:
            stack = CorrectionStack(tab.annotations, recorder=Journal(tab.annotations))
            self._track(tab, stack)
        return stack

    def _track(self, tab: ArticleTab, stack: CorrectionStack) -> None:
        old = self._stacks.get(id(tab))
        if old is not None and isinstance(old.recorder, Journal):
            old.recorder.close()
        key = id(tab)
        if key not in self._stacks:
            tab.destroyed.connect(lambda _obj=None: self._forget(key))
        self._stacks[key] = stack

    def _forget(self, key: int) -> None:
        stack = self._stacks.pop(key, None)
        if stack is not None:
            _finish(stack)

    def finish_journals(self) -> None:
        """Close every journal; delete those whose corrections are all saved."""
        for stack in self._stacks.values():
            _finish(stack)

    def apply_correction(self, correction: Correction) -> bool:
        """Apply to the current article and redraw; a refusal is said in the status bar."""
        tab = self._window.current_tab()
        stack = self.correction_stack(tab)
        if tab is None or stack is None:
            self._window.status.show_message("Corrections need an analysed article.")
            return False
        if tab.analysing:  # provisional highlights: the final result would replace the edit
            self._window.status.show_message("Wait a moment: the article is still being analysed.")
            return False
        try:
            stack.apply(correction)
        except CorrectionError as error:
            self._window.status.show_message(error.message)
            return False
        self._redraw(tab, stack, stack.undo_text)
        return True

    def _redraw(self, tab: ArticleTab, stack: CorrectionStack, done: str) -> None:
        self._window.set_annotations(stack.ann, tab)
        self._window.show_tab_status(
            tab, summary(stack.ann)
        )  # the counts under the passing message
        message = stack.record_error or done
        self._window.status.show_message(message)
        self.sync_undo_actions()
        self._mark_modified(tab, stack)

    def _mark_modified(self, tab: ArticleTab, stack: CorrectionStack) -> None:
        """A bullet before the tab's title while it has corrections no copy holds yet."""
        index = self._window.tabs.indexOf(tab)
        if index >= 0:
            self._window.tabs.setTabText(index, f"• {tab.title}" if stack.modified else tab.title)

    def sync_undo_actions(self) -> None:
        """Undo and Redo name what they would do for the tab in front (or are disabled)."""
        tab = self._window.current_tab()
        stack = self._stacks.get(id(tab)) if tab else None
        if stack is not None and tab is not None and stack.ann is not tab.annotations:
            stack = None
        undo, redo = (
            self._window.action_by_id.get("edit.undo"),
            self._window.action_by_id.get("edit.redo"),
        )
        if undo is not None:
            undo.setEnabled(bool(stack and stack.can_undo))
            undo.setText(f"&Undo {stack.undo_text}" if stack and stack.can_undo else "&Undo")
        if redo is not None:
            redo.setEnabled(bool(stack and stack.can_redo))
            redo.setText(f"&Redo {stack.redo_text}" if stack and stack.can_redo else "&Redo")

    def copy_saved(self, tab: ArticleTab, lossless: bool) -> None:
        """A copy of ``tab`` was saved; a lossless one holds its corrections now."""
        if lossless:
            self.corrections_saved(tab)

    def corrections_saved(self, tab: ArticleTab) -> None:
        """Every correction of ``tab`` is in a saved copy: no longer unsaved work."""
        stack = self._stacks.get(id(tab))
        if stack is not None:
            stack.mark_saved()
            self._mark_modified(tab, stack)

    def unsaved_tabs(self) -> list[ArticleTab]:
        """Open tabs with corrections that no saved copy holds yet, in tab order."""
        tabs = []
        for tab in self._window.tab_list:
            stack = self._stacks.get(id(tab))
            if stack is not None and stack.ann is tab.annotations and stack.modified:
                tabs.append(tab)
        return tabs

    def discard_corrections(self, tab: ArticleTab) -> None:
        """The user chose to lose ``tab``'s unsaved corrections: its journal goes too."""
        stack = self._stacks.pop(id(tab), None)
        if stack is not None and isinstance(stack.recorder, Journal):
            stack.recorder.discard()

    # -- handlers named in CORRECTION_ACTIONS ---------------------------------------------------
    def undo_correction(self) -> None:
        tab, stack = self._window.current_tab(), self.correction_stack()
        if tab is None or stack is None or not stack.can_undo:
            return
        text = stack.undo()
        self._redraw(tab, stack, f"Undone: {text}")

    def redo_correction(self) -> None:
        tab, stack = self._window.current_tab(), self.correction_stack()
        if tab is None or stack is None or not stack.can_redo:
            return
        text = stack.redo()
        self._redraw(tab, stack, f"Redone: {text}")

    def _selection(self) -> tuple[int, int] | None:
        tab = self._window.current_tab()
        if tab is None or tab.article is None:
            return None
        selected = tab.view.selected_range()
        if selected is None:
            self._window.status.show_message("Select some text in the article first.")
            return None
        start, end = trim_selection(tab.article.text, *selected)
        if start >= end:
            self._window.status.show_message("The selection holds no words.")
            return None
        return start, end

    def mark_selection(self, kind: str, _checked: bool = False) -> None:
        span = self._selection()
        if span is not None:
            self.apply_correction(AddEntity(span[0], span[1], kind))

    def add_selection_to_entity(self) -> None:
        tab = self._window.current_tab()
        if tab is None or tab.selected is None:
            self._window.status.show_message(
                "Select an entity first (click it), then the new text."
            )
            return
        span = self._selection()
        if span is not None:
            self.apply_correction(AddMention(tab.selected, span[0], span[1]))

    def cursor_offset(self) -> int | None:
        tab = self._window.current_tab()
        if tab is None:
            return None
        cursor = tab.view.textCursor()
        return tab.view.offsets.to_py(cursor.selectionStart())

    def remove_mention_at_cursor(self) -> None:
        tab, offset = self._window.current_tab(), self.cursor_offset()
        if tab is None or tab.annotations is None or offset is None:
            return
        found = mention_at(tab.annotations, offset, tab.selected)
        if found is None:
            self._window.status.show_message("There is no highlighted mention at the cursor.")
            return
        entity, mention = found
        self.apply_correction(RemoveMention(entity.id, mention.start, mention.end))

    def _target_entity(self) -> Entity | None:
        tab = self._window.current_tab()
        entity = tab.entity() if tab else None
        if entity is None and tab is not None and tab.annotations is not None:
            offset = self.cursor_offset()
            found = mention_at(tab.annotations, offset, None) if offset is not None else None
            entity = found[0] if found else None
        if entity is None:
            self._window.status.show_message(
                "Select an entity first (click it in the text or the list)."
            )
        return entity

    def remove_selected_entity(self) -> None:
        entity = self._target_entity()
        if entity is not None:
            self.apply_correction(RemoveEntity(entity.id))

    def change_entity_type(self, kind: str | None = None) -> None:
        entity = self._target_entity()
        if entity is None:
            return
        if kind is None:
            labels = {t: c.singular for t, c in type_colors(False).items()}
            choices = [labels.get(t, t.title()) for t in ENTITY_TYPES]
            current = ENTITY_TYPES.index(entity.type) if entity.type in ENTITY_TYPES else 0
            label, ok = QInputDialog.getItem(
                self._window.dialog_parent(),
                "Change Type",
                f"{entity.name} is a:",
                choices,
                current,
                False,
            )
            if not ok:
                return
            kind = ENTITY_TYPES[choices.index(label)]
        self.apply_correction(ChangeType(entity.id, kind))

    def rename_selected_entity(self) -> None:
        entity = self._target_entity()
        if entity is None:
            return
        name, ok = QInputDialog.getText(
            self._window.dialog_parent(), "Rename Entity", "Canonical name:", text=entity.name
        )
        if ok:
            self.apply_correction(RenameEntity(entity.id, name))

    def merge_selected_entity(self) -> None:
        tab, entity = self._window.current_tab(), self._target_entity()
        if tab is None or tab.annotations is None or entity is None:
            return
        others = [e for e in tab.annotations.entities if e.id != entity.id]
        others.sort(key=lambda e: (e.type != entity.type, e.name.casefold()))
        if not others:
            self._window.status.show_message("There is no other entity to merge with.")
            return
        labels = [f"{e.name} ({e.type})" for e in others]
        label, ok = QInputDialog.getItem(
            self._window.dialog_parent(),
            "Merge Entity",
            f"Merge {entity.name} into:",
            labels,
            0,
            False,
        )
        if ok:
            keep = others[labels.index(label)]
            self.apply_correction(MergeEntities(keep.id, entity.id))

    def edit_quote_speaker(self) -> None:
        tab, offset = self._window.current_tab(), self.cursor_offset()
        if tab is None or tab.annotations is None or offset is None:
            return
        quote = quote_at(tab.annotations, offset)
        if quote is None:
            self._window.status.show_message("Put the cursor in a quote first.")
            return
        people = sorted(
            (e for e in tab.annotations.entities if e.type == PERSON), key=lambda e: e.name
        )
        names = [NO_SPEAKER] + [e.name for e in people]
        current = quote.speaker or NO_SPEAKER
        if current not in names:
            names.insert(1, current)
        name, ok = QInputDialog.getItem(
            self._window.dialog_parent(),
            "Quote Speaker",
            "Who said it:",
            names,
            names.index(current),
            True,
        )
        if not ok:
            return
        name = name.strip()
        if not name or name == NO_SPEAKER:
            self.apply_correction(SetSpeaker(quote.start, quote.end))
            return
        match = next((e for e in people if e.name == name), None)
        self.apply_correction(
            SetSpeaker(quote.start, quote.end, None if match else name, match.id if match else None)
        )


def _finish(stack: CorrectionStack) -> None:
    journal = stack.recorder
    if isinstance(journal, Journal):
        if stack.modified:
            journal.close()
        else:
            journal.discard()
