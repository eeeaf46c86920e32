"""A vertical scroll bar that marks where the selected entity is mentioned in the article."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollBar, QStyle, QStyleOptionSlider, QWidget


class MarkedScrollBar(QScrollBar):
    """Draws short ticks over the groove at fractions of the document height.

    Attributes:
        marks: positions in 0..1 (fraction of the document height).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("markedScrollBar")
        self.marks: list[float] = []
        self.current: float | None = None
        self.find_marks: list[float] = []
        self._color = QColor("#E69F00")
        self._find_color = QColor("#E0C000")

    def set_marks(self, marks: list[float], color: QColor, current: float | None = None) -> None:
        """Show ticks at these fractions in ``color``; ``current`` gets a longer tick."""
        self.marks = marks
        self._color = color
        self.current = current
        self.update()

    def clear_marks(self) -> None:
        """Remove the entity ticks."""
        self.set_marks([], self._color)

    def set_find_marks(self, marks: list[float], color: QColor) -> None:
        """Ticks for find matches (drawn narrower, beside the entity ticks)."""
        self.find_marks = marks
        self._find_color = color
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.marks and not self.find_marks:
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarGroove, self
        )
        if groove.height() <= 0:
            groove = self.rect()
        painter = QPainter(self)
        width = groove.width()
        for fraction in self.find_marks:
            y = groove.top() + round(fraction * (groove.height() - 2))
            painter.fillRect(QRect(groove.right() - width // 2, y, width // 2, 2), self._find_color)
        for fraction in self.marks:
            y = groove.top() + round(fraction * (groove.height() - 3))
            painter.fillRect(QRect(groove.left() + 2, y, width - 4, 3), self._color)
        if self.current is not None:
            y = groove.top() + round(self.current * (groove.height() - 3))
            painter.fillRect(QRect(groove.left(), y - 1, width, 5), self.palette().text())
        painter.end()
