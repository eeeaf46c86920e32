"""The text's context menu: Qt's own entries plus the corrections that fit where you clicked.

Owned by the corrections controller (``reader.ui.corrections_ui``): the entries call its
commands, typed by the ``CorrectionCommands`` Protocol so this module does not import it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu

from reader.core.colors import type_colors
from reader.core.corrections.operations import trim_selection
from reader.core.model import ENTITY_TYPES, Annotations, Quote

if TYPE_CHECKING:
    from reader.ui.article_tab import ArticleTab
    from reader.ui.reading_view import ReadingView


def quote_at(annotations: Annotations, offset: int) -> Quote | None:
    """The quote covering ``offset``."""
    return next((q for q in annotations.quotes if q.start <= offset <= q.end), None)


def _follow_click(view: ReadingView, point: QPoint) -> None:
    """A right-click outside the selection acts where it landed, as in any editor.

    The old selection goes; the word under the pointer becomes the selection, unless it is a
    highlight (the menu then offers that entity's commands).
    """
    cursor = view.textCursor()
    clicked = view.cursorForPosition(point)
    if cursor.hasSelection() and (
        cursor.selectionStart() <= clicked.position() <= cursor.selectionEnd()
    ):
        return
    if view.span_at_point(point) is None:
        clicked.select(QTextCursor.SelectionType.WordUnderCursor)
    view.setTextCursor(clicked)


class CorrectionCommands(Protocol):
    """The corrections controller's commands that the menu's entries call."""

    def mark_selection(self, kind: str, _checked: bool = False) -> None: ...
    def add_selection_to_entity(self) -> None: ...
    def remove_mention_at_cursor(self) -> None: ...
    def remove_selected_entity(self) -> None: ...
    def change_entity_type(self, kind: str | None = None) -> None: ...
    def rename_selected_entity(self) -> None: ...
    def merge_selected_entity(self) -> None: ...
    def edit_quote_speaker(self) -> None: ...
    def cursor_offset(self) -> int | None: ...


class CorrectionMenu:
    """The context menu of each tab's text; its entries call ``commands``."""

    def __init__(self, commands: CorrectionCommands) -> None:
        self._commands = commands

    def attach(self, tab: ArticleTab) -> None:
        """Give ``tab``'s text this menu (once; a tab shown again keeps it)."""
        view = tab.view
        if view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu:
            return
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda point, t=tab: self._show_context_menu(t, point)
        )

    def correction_menu(self, tab: ArticleTab, point: QPoint) -> QMenu:
        """The text's context menu: Qt's own (Copy, Select All) plus the corrections."""
        view = tab.view
        menu = view.createStandardContextMenu(point)
        menu.setObjectName("correctionMenu")
        annotations = tab.annotations
        if annotations is None:
            return menu
        menu.addSeparator()
        _follow_click(view, point)
        span = view.span_at_point(point)
        if span is not None and not view.textCursor().hasSelection():
            tab.select_entity(span.entity_id, jump=False)
        selection = view.selected_range()
        if selection is not None and tab.article is not None:
            start, end = trim_selection(tab.article.text, *selection)
            if start < end:
                text = tab.article.text[start:end]
                shown = text if len(text) <= 30 else text[:28] + "…"
                mark = menu.addMenu(f"Mark “{shown}” as")
                for kind in ENTITY_TYPES:
                    _add(
                        mark,
                        type_colors(False)[kind].singular,
                        partial(self._commands.mark_selection, kind),
                    )
                entity = tab.entity()
                if entity is not None:
                    _add(
                        menu,
                        f"Mark as a Mention of {entity.name}",
                        self._commands.add_selection_to_entity,
                    )
        entity = tab.entity()
        if entity is not None:
            if span is not None and span.start >= view.offsets.base:  # not the headline's
                _add(
                    menu,
                    f"Remove This Mention of {entity.name}",
                    self._commands.remove_mention_at_cursor,
                )
            _add(menu, f"Remove {entity.name}", self._commands.remove_selected_entity)
            retype = menu.addMenu(f"Change Type of {entity.name}")
            for kind in ENTITY_TYPES:
                action = _add(
                    retype,
                    type_colors(False)[kind].singular,
                    partial(self._commands.change_entity_type, kind),
                )
                action.setEnabled(kind != entity.type)
            _add(menu, f"Rename {entity.name}…", self._commands.rename_selected_entity)
            _add(menu, f"Merge {entity.name} Into…", self._commands.merge_selected_entity)
        offset = self._commands.cursor_offset()
        if offset is not None and quote_at(annotations, offset) is not None:
            _add(menu, "Edit Quote Speaker…", self._commands.edit_quote_speaker)
        return menu

    def _show_context_menu(self, tab: ArticleTab, point: QPoint) -> None:
        view = tab.view
        if not view.textCursor().hasSelection():  # right-click moves the cursor, as editors do
            cursor = view.cursorForPosition(point)
            view.setTextCursor(cursor)
        menu = self.correction_menu(tab, point)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(view.viewport().mapToGlobal(point))


def _add(menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
    action = menu.addAction(text)
    action.triggered.connect(lambda _checked=False: slot())
    return action
