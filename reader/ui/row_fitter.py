"""Rows of a word-wrapping table as tall as their text, measured once per row and width.

Qt's ``ResizeToContents`` asks the delegate for every row's size again on each show, resize,
filter change and paint after a change: three to five passes of 30-50 ms per result for 300
quotes. The delegate's height of a wrapped cell is the font's bounding box of its text in the
column width less the item margins; the same measure taken here from the display text costs
about 20 µs a cell, and only when the rows or the column widths change.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QObject, QRect, Qt, QTimer
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

UNBOUNDED = 1_000_000
"""Height of the measuring box: tall enough for any cell."""


def cell_margin(view: QAbstractItemView) -> int:
    """Room the item delegate leaves on each side of a cell's text (Qt's own ``textMargin``)."""
    return view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1


def cell_width(view: QAbstractItemView, texts: Iterable[str]) -> int:
    """Width of a one-line cell fitting the widest of ``texts``, as the delegate measures it."""
    metrics = QFontMetricsF(view.font())
    widest = max((metrics.horizontalAdvance(text) for text in texts), default=0.0)
    return math.ceil(widest) + 2 * cell_margin(view)


class RowFitter(QObject):
    """Keeps ``table``'s row heights fitted to its text; past ``limit`` rows all rows get
    ``lines`` lines (measuring thousands of rows would freeze the window).

    Call ``fit`` after the rows change; column width changes are followed by themselves.

    Args:
        table: a table with word wrap on (also the QObject parent).
        limit: most rows measured one by one.
        lines: lines per row past the limit.
    """

    def __init__(self, table: QTableView, limit: int, lines: int = 3) -> None:
        super().__init__(table)
        self.table = table
        self.limit = limit
        self.lines = lines
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        table.horizontalHeader().sectionResized.connect(self._column_resized)

    def fit(self) -> None:
        """Size every row for the rows and column widths shown now."""
        table = self.table
        model = table.model()
        header = table.verticalHeader()
        metrics = table.fontMetrics()
        rows = model.rowCount() if model is not None else 0
        if model is None or rows > self.limit:
            header.setDefaultSectionSize(self.lines * metrics.lineSpacing() + 8)
            for row in range(rows):  # sections measured before keep their size otherwise
                if header.sectionSize(row) != header.defaultSectionSize():
                    header.resizeSection(row, header.defaultSectionSize())
            return
        margin = cell_margin(table)
        boxes = [
            (column, QRect(0, 0, max(1, table.columnWidth(column) - 2 * margin), UNBOUNDED))
            for column in range(model.columnCount())
            if not table.isColumnHidden(column)
        ]
        flags = Qt.TextFlag.TextWordWrap
        for row in range(rows):
            height = metrics.height()
            for column, box in boxes:
                text = model.index(row, column).data()
                if text:
                    height = max(height, metrics.boundingRect(box, flags, str(text)).height())
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)

    def _column_resized(self, _column: int, old: int, new: int) -> None:
        if old != new:
            self._later.start()  # once per burst (a dock being dragged)
