"""The find bar under the text: type to search, F3 / Shift+F3 to move, Esc to close."""

from __future__ import annotations

import contextlib
from bisect import bisect_left

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from reader.ui.reading_view import ReadingView
from reader.ui.throttle import Throttle

SEARCH_DELAY_MS = 150
QUICK_SEARCH_CHARS = 3
"""Queries this long search on every keystroke; shorter ones wait for a pause in typing."""


class FindBar(QFrame):
    """Searches the current reading view and shows "3 of 12".

    Signals:
        closed(): the bar was hidden (focus goes back to the text).
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view: ReadingView | None = None
        self.matches: list[tuple[int, int]] = []
        self.current: int | None = None
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(240)
        self.count = QLabel(self)
        self.count.setObjectName("matchCount")
        self.case = QCheckBox("Match case", self)
        previous = QToolButton(self)
        previous.setText("‹")
        previous.setToolTip("Previous match (Shift+F3)")
        following = QToolButton(self)
        following.setText("›")
        following.setToolTip("Next match (F3)")
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.field)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.count)
        layout.addWidget(self.case)
        layout.addStretch(1)
        layout.addWidget(close)
        self.throttle = Throttle(self.search, SEARCH_DELAY_MS, self)
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self._return_pressed)
        self.case.toggled.connect(lambda _on: self.search(self.field.text()))
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        close.clicked.connect(self.close_bar)
        self.hide()

    def _typed(self, text: str) -> None:
        # Short queries match everywhere in a long article: wait until typing pauses.
        if len(text) >= QUICK_SEARCH_CHARS:
            self.throttle.delay_ms = 0
        else:
            self.throttle.delay_ms = SEARCH_DELAY_MS
        self.throttle(text)

    def _return_pressed(self) -> None:
        if self.throttle.pending:
            self.throttle.flush()
        else:
            self.find_next()

    def set_view(self, view: ReadingView | None) -> None:
        """Search this view (the current tab's); clears marks in the previous one."""
        if self.view is not None and self.view is not view:
            with contextlib.suppress(RuntimeError):  # the tab was closed
                self.view.find_all("")
        self.view = view
        if self.isVisible():
            self.search(self.field.text())

    def open_bar(self) -> None:
        """Show and focus the field, pre-filled with the selected text."""
        if self.view is not None:
            selected = self.view.textCursor().selectedText()
            if selected and "\u2029" not in selected and len(selected) < 80:
                self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search(self.field.text())

    def close_bar(self) -> None:
        """Hide and remove the match marks."""
        if self.view is not None:
            self.view.find_all("")
            self.view.setFocus()
        self.hide()
        self.closed.emit()

    def search(self, text: str) -> None:
        """Mark every match and move to the first one after the cursor."""
        if self.view is None:
            return
        self.matches = self.view.find_all(text, self.case.isChecked())
        self.current = None
        if self.matches:
            cursor = self.view.textCursor().selectionStart()
            starts = [m[0] for m in self.matches]
            self._go(bisect_left(starts, cursor) % len(self.matches))
        self._update_count(text)

    def find_next(self) -> None:
        """Next match (wraps)."""
        if not self.isVisible():
            self.open_bar()
            return
        if self.matches:
            self._go(0 if self.current is None else (self.current + 1) % len(self.matches))
            self._update_count(self.field.text())

    def find_previous(self) -> None:
        """Previous match (wraps)."""
        if not self.isVisible():
            self.open_bar()
            return
        if self.matches:
            self._go(-1 if self.current is None else (self.current - 1) % len(self.matches))
            self._update_count(self.field.text())

    def _go(self, index: int) -> None:
        self.current = index % len(self.matches)
        start, end = self.matches[self.current]
        if self.view is not None:
            self.view.select_positions(start, end)

    def _update_count(self, text: str) -> None:
        if not text:
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No matches")
        else:
            position = "" if self.current is None else f"{self.current + 1} of "
            self.count.setText(f"{position}{len(self.matches)}")
        self.field.setProperty("notFound", bool(text) and not self.matches)
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
