"""What the reading view marks over its text: find matches, shaded in the page's find colour,
and ticks along the scroll bar for them and for the selected entity's mentions.

Owned by the view (``ReadingView.marks``), which says what to mark in document positions; this
only reads the document's layout to place the ticks. One tick per paragraph is all a scroll
bar can show, and it keeps long articles quick.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.ui.marked_scrollbar import MarkedScrollBar

FIND_TICK_COLOR = QColor("#E0C000")
"""Find ticks before a page colour is known."""


class ViewMarks:
    """The find matches and the scroll bar's ticks of one text view.

    Args:
        view: the view whose document is marked.
        scroll_bar: its scroll bar, which draws the ticks.
    """

    def __init__(self, view: QTextEdit, scroll_bar: MarkedScrollBar) -> None:
        self._view = view
        self._bar = scroll_bar
        self._find_selections: list[QTextEdit.ExtraSelection] = []

    def mention_ticks(self, starts: list[int], color: QColor, current: int | None) -> None:
        """Ticks for mentions starting at these document positions; ``current`` (one of them,
        placed by its line) gets a longer tick."""
        at = self.fraction(current) if current is not None else None
        self._bar.set_marks(self._paragraph_ticks(starts), color, at)

    def clear_mention_ticks(self) -> None:
        """No entity selected: no mention ticks."""
        self._bar.clear_marks()

    def find_all(
        self, text: str, case_sensitive: bool, limit: int, color: QColor | None
    ) -> list[tuple[int, int]]:
        """Document ranges of every match of ``text`` (at most ``limit``), shaded in ``color``
        (the page's find colour; None: not shaded) and ticked along the scroll bar."""
        document = self._view.document()
        matches: list[tuple[int, int]] = []
        self._find_selections = []
        if text:
            flags = QTextDocument.FindFlag(0)
            if case_sensitive:
                flags |= QTextDocument.FindFlag.FindCaseSensitively
            fmt = QTextCharFormat()
            if color is not None:
                fmt.setBackground(color)
            cursor = QTextCursor(document)
            while len(matches) < limit:
                cursor = document.find(text, cursor, flags)
                if cursor.isNull():
                    break
                matches.append((cursor.selectionStart(), cursor.selectionEnd()))
                selection = QTextEdit.ExtraSelection()
                selection.cursor = QTextCursor(cursor)
                selection.format = fmt
                self._find_selections.append(selection)
        self._view.setExtraSelections(self._find_selections)
        tick = color if color is not None else FIND_TICK_COLOR
        self._bar.set_find_marks(
            self._paragraph_ticks([start for start, _end in matches]), tick.darker(130)
        )
        return matches

    def _paragraph_ticks(self, starts: list[int]) -> list[float]:
        """One tick per paragraph holding any of these positions, at the paragraph's top (its
        last position given stands for it)."""
        document = self._view.document()
        blocks = {document.findBlock(start).position(): start for start in starts}
        return [self.fraction(start, lines=False) for start in blocks.values()]

    def fraction(self, position: int, lines: bool = True) -> float:
        """Vertical place of document position ``position`` as a fraction of the height
        (``lines``: of its line, else of its paragraph's top)."""
        document = self._view.document()
        layout = document.documentLayout()
        height = layout.documentSize().height() or 1.0
        block = document.findBlock(position)
        top = layout.blockBoundingRect(block).top()
        if lines:
            line = block.layout().lineForTextPosition(position - block.position())
            if line.isValid():
                top += line.y()
        return min(1.0, max(0.0, top / height))
