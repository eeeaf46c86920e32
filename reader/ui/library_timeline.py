"""A timeline of the library (or of one entity): when articles were published, and the dates
they speak of, on one time axis; a click opens the article there.

Drawn with QPainter: the app depends on PySide6-Essentials, which has no Qt Charts, and
pyqtgraph would bring numpy and a plotting stack for two rows of marks. Two lanes share the
axis: publications (a dot per article) and mentioned dates (a dot for a day, a bar for a month
or a year, which is how precise the text was).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QToolTip, QWidget

from reader.core.library.timeline import TimelinePoint

MARGIN = 12
LANE_HEIGHT = 34
LABEL_WIDTH = 92
DOT = 7.0
LANES = ("Published", "Mentioned")


def date_span(value: str, precision: str) -> tuple[dt.date, dt.date]:
    """The days a resolved date covers, [first, after): a day, a month or a year."""
    if precision == "year" or len(value) == 4:
        year = int(value[:4])
        return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    if precision == "month" or len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        after = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), after
    day = dt.date.fromisoformat(value[:10])
    return day, day + dt.timedelta(days=1)


@dataclass(frozen=True)
class Mark:
    """A drawn mark and what a click on it opens."""

    rect: QRectF
    point: TimelinePoint
    lane: int


class TimelineView(QWidget):
    """Marks for ``set_points``' publications and mentioned dates.

    Signals:
        open_requested(str, int, int): open this article at [start, end) (-1: at the top).
    """

    open_requested = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryTimeline")
        self.setMouseTracking(True)
        self.setMinimumHeight(MARGIN * 3 + LANE_HEIGHT * len(LANES))
        self._points: tuple[list[TimelinePoint], list[TimelinePoint]] = ([], [])
        self.marks: list[Mark] = []
        self.first: dt.date | None = None
        self.last: dt.date | None = None

    def set_points(self, published: list[TimelinePoint], mentioned: list[TimelinePoint]) -> None:
        """Show these (``reader.core.library.timeline.timeline``)."""
        self._points = (published, mentioned)
        spans = [date_span(p.value, p.precision) for p in published + mentioned]
        self.first = min((s[0] for s in spans), default=None)
        self.last = max((s[1] for s in spans), default=None)
        self._layout()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout()

    def _x(self, day: dt.date) -> float:
        assert self.first is not None and self.last is not None
        width = max(1.0, self.width() - LABEL_WIDTH - 2 * MARGIN)
        total = max(1, (self.last - self.first).days)
        return LABEL_WIDTH + MARGIN + width * (day - self.first).days / total

    def _layout(self) -> None:
        """Where every mark goes for the current size (hit-testing uses the same rects)."""
        self.marks = []
        if self.first is None:
            return
        for lane, points in enumerate(self._points):
            middle = MARGIN + lane * LANE_HEIGHT + LANE_HEIGHT / 2
            for point in points:
                begin, after = date_span(point.value, point.precision)
                left, right = self._x(begin), self._x(after)
                if right - left < DOT:
                    centre = (left + right) / 2
                    rect = QRectF(centre - DOT / 2, middle - DOT / 2, DOT, DOT)
                else:
                    rect = QRectF(left, middle - DOT / 3, right - left, DOT * 2 / 3)
                self.marks.append(Mark(rect, point, lane))

    def mark_at(self, position: QPointF) -> Mark | None:
        """The mark under ``position`` (the last drawn, on top), or None."""
        for mark in reversed(self.marks):
            if mark.rect.adjusted(-2, -2, 2, 2).contains(position):
                return mark
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        painter.setPen(text)
        if self.first is None or self.last is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No dated articles")
            return
        for lane, label in enumerate(LANES):
            top = MARGIN + lane * LANE_HEIGHT
            painter.drawText(
                QRectF(0, top, LABEL_WIDTH, LANE_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label,
            )
        axis = MARGIN + len(LANES) * LANE_HEIGHT
        painter.drawLine(QPointF(self._x(self.first), axis), QPointF(self._x(self.last), axis))
        self._draw_ticks(painter, axis)
        colours = (palette.color(QPalette.ColorRole.Highlight), QColor("#d9822b"))
        painter.setPen(Qt.PenStyle.NoPen)
        for mark in self.marks:
            colour = QColor(colours[mark.lane])
            colour.setAlpha(190)
            painter.setBrush(colour)
            if mark.rect.width() <= DOT:
                painter.drawEllipse(mark.rect)
            else:
                painter.drawRect(mark.rect)

    def _draw_ticks(self, painter: QPainter, axis: float) -> None:
        """A labelled tick at each new year (each month when the span is short), labels
        spaced so they never overlap."""
        assert self.first is not None and self.last is not None
        months = (self.last - self.first).days < 2 * 366
        ticks = []
        day = dt.date(self.first.year, self.first.month if months else 1, 1)
        while day <= self.last:
            if day >= self.first:
                ticks.append(day)
            day = (
                dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
                if months
                else (dt.date(day.year + 1, 1, 1))
            )
        metrics = painter.fontMetrics()
        free_from = -1.0
        for tick in ticks or [self.first]:
            x = self._x(tick)
            painter.drawLine(QPointF(x, axis - 3), QPointF(x, axis + 3))
            label = tick.strftime("%b %Y") if months else str(tick.year)
            if x >= free_from:
                painter.drawText(QPointF(x + 2, axis + MARGIN + 4), label)
                free_from = x + metrics.horizontalAdvance(label) + 12

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        mark = self.mark_at(event.position())
        if mark is None:
            QToolTip.hideText()
            return
        what = "published" if mark.lane == 0 else f"mentions {mark.point.value}"
        QToolTip.showText(event.globalPosition().toPoint(), f"{mark.point.title}: {what}", self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        mark = self.mark_at(event.position())
        if mark is not None and event.button() == Qt.MouseButton.LeftButton:
            point = mark.point
            self.open_requested.emit(point.path, point.start, point.end)
