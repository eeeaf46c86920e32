"""The reading view: one article, highlighted, at a readable measure, centred.

It shows what the core computed and reports what the reader pointed at; it never decides
which entity is selected (``ArticleTab`` does). Offsets arrive as Python ``str`` indices and go
through the tab's ``OffsetMap`` only. Find matches and the scroll bar's ticks are drawn by the
``ViewMarks`` it owns (``marks``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.core.colors import TypeColors
from reader.core.model import Annotations, Article
from reader.ui.document import BuiltDocument, build_document, reading_font
from reader.ui.highlighter import EntityHighlighter
from reader.ui.layout_pacer import LayoutPacer
from reader.ui.marked_scrollbar import MarkedScrollBar
from reader.ui.positions import OffsetMap
from reader.ui.screen_blocks import blocks_in_range
from reader.ui.spans import Prepared, Span, mention_spans
from reader.ui.theme import PageColors
from reader.ui.view_marks import ViewMarks

MEASURE_EMS = 40
"""Maximum text width in ems (about 70 characters per line)."""
TOP_SCREEN_CHARS = 3000
"""Characters a full-height window shows at the top of an article (analysed first)."""
CLICK_SLOP = 4
"""A press and release closer than this (pixels) is a click, not a selection drag."""


class ReadingView(QTextBrowser):
    """Read-only article view with entity highlights, tooltips and scroll-bar marks.

    Signals:
        entity_clicked(str): the reader clicked a highlighted mention of this entity id.
    """

    entity_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingView")
        self.setOpenLinks(False)
        self.setAcceptDrops(False)  # drops go to the main window, which opens files
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.scroll_bar = MarkedScrollBar(self)
        self.setVerticalScrollBar(self.scroll_bar)
        self.marks = ViewMarks(self, self.scroll_bar)
        self.article: Article | None = None
        self.offsets = OffsetMap("")
        self.highlighter: EntityHighlighter | None = None
        self.pacer: LayoutPacer | None = None
        self._names: dict[str, tuple[str, str, int]] = {}
        self._type_colors: dict[str, TypeColors] = {}
        self._page: PageColors | None = None
        self._zoom = 100
        self._press: QPoint | None = None
        self._own_document: QTextDocument | None = None
        """The document of ours shown (Qt's own first document is not)."""
        self._first_hint = 0
        """Number of the first block on screen when last asked (``_screen_blocks`` starts there)."""
        self.scroll_bar.valueChanged.connect(self._paint_visible)
        self.viewport().setMouseTracking(True)

    # -- content ---------------------------------------------------------------------------
    def show_article(
        self,
        article: Article,
        page: PageColors,
        types: dict[str, TypeColors],
        zoom: int,
        built: BuiltDocument | None = None,
    ) -> None:
        """Lay out ``article``; the same article laid out again keeps its highlights.

        ``built`` is its document made beforehand off the UI thread; it is used when it still
        fits (the theme or zoom may have changed meanwhile).
        """
        same = article is self.article and self.highlighter is not None
        self.article = article
        self._page = page
        self._type_colors = types
        self._zoom = zoom
        self._apply_page_palette()
        visible = self.highlighter.visible if self.highlighter else set()
        spans = self.highlighter.index if same and self.highlighter else None
        if built is not None and built.fits(article, page, zoom):
            document, self.offsets = built.document, built.offsets
        else:
            document, self.offsets = build_document(article, page, zoom)
        # setDocument deletes only a document of its own making; one of ours (with its
        # highlighter and layout pacer) would live on beside the new one. Ours are known by
        # ``_own_document``: asking Qt's first document for its parent (a private Qt class)
        # had PySide set up its lazily made types, 90-140 ms of the first opening.
        previous = self._own_document
        stale = previous if previous is not None and previous is not document else None
        document.setParent(self)  # the view owns it (Python does not)
        self._own_document = document
        wrap = document.defaultTextOption().wrapMode()
        if self.wordWrapMode() != wrap:  # setDocument imposes the view's own mode
            self.setWordWrapMode(wrap)
        self.setDocument(document)
        if stale is not None:
            stale.deleteLater()
        self.highlighter = EntityHighlighter(document, self.visible_blocks)
        self.highlighter.set_colors(types)
        if spans is not None:
            self.highlighter.set_spans(spans, visible)
        else:
            self.highlighter.set_visible(visible)
        self._update_measure()
        self.pacer = LayoutPacer(document)
        self.pacer.restart()

    def prepare(self, annotations: Annotations) -> Prepared:
        """Highlight spans for ``annotations``, made ahead of ``show_annotations``.

        Pure Python and safe on any thread: the analysis worker makes them and hands them
        back with its result, so the UI thread does not spend its time on 100,000 mentions.
        """
        offsets = self.offsets
        return Prepared(annotations, offsets, *mention_spans(annotations, offsets))

    def show_annotations(
        self, annotations: Annotations, visible: set[str], prepared: Prepared | None = None
    ) -> None:
        """Highlight every mention; ``visible`` are the types to paint.

        ``prepared`` (from ``prepare``) is used while it fits: the same annotations, and the
        text not laid out again since.
        """
        if (
            prepared is None
            or prepared.annotations is not annotations
            or prepared.offsets is not self.offsets
        ):
            prepared = self.prepare(annotations)
        self._names = prepared.names
        if self.highlighter is not None:
            self.highlighter.set_spans(prepared.span_index, visible)

    def set_visible_types(self, visible: set[str]) -> None:
        """Toggle highlight layers."""
        if self.highlighter is not None:
            self.highlighter.set_visible(visible)

    def set_colors(self, page: PageColors, types: dict[str, TypeColors]) -> None:
        """Re-colour for a new theme (the header's muted colour needs a new layout)."""
        if self.article is None:
            return
        position = self.scroll_fraction()
        self.show_article(self.article, page, types, self._zoom)
        self.set_scroll_fraction(position)

    def set_zoom(self, zoom: int) -> None:
        """Scale the text and its spacing; the reading position is kept."""
        self._zoom = zoom
        if self.article is None or self._page is None:
            self.document().setDefaultFont(reading_font(zoom))
            return
        fraction = self.scroll_fraction()
        self.show_article(self.article, self._page, self._type_colors, zoom)
        self.set_scroll_fraction(fraction)

    def scroll_fraction(self) -> float:
        """Scroll position as a fraction of the range."""
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        """Restore a position from ``scroll_fraction``."""
        bar = self.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))

    def _apply_page_palette(self) -> None:
        # A style sheet, not a palette: the app's style sheet would override a palette.
        if self._page is None:
            return
        page = self._page
        self.setStyleSheet(
            f"QTextBrowser#readingView {{ background: {page.background.name()}; "
            f"color: {page.text.name()}; border: none; }}"
        )

    def visible_blocks(self) -> tuple[int, int]:
        """Numbers of the first and last text blocks on screen (with a small margin)."""
        first, last = self._screen_blocks()
        return max(0, first - 2), last + 2

    def _screen_blocks(self) -> tuple[int, int]:
        """Numbers of the first and last text blocks on screen (see ``screen_blocks``)."""
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first, last = blocks_in_range(self.document(), top, bottom, self._first_hint)
        self._first_hint = first
        return first, last

    def visible_range(self) -> tuple[int, int]:
        """Python-offset range of the body text on screen (analysed first).

        Right after opening, the view shows the top: answered from the text alone.
        """
        if self.verticalScrollBar().value() == 0 and self.article is not None:
            return 0, min(len(self.article.text), TOP_SCREEN_CHARS)
        first, last = self._screen_blocks()
        document = self.document()
        top = document.findBlockByNumber(first).position()
        end_block = document.findBlockByNumber(last)
        bottom = end_block.position() + end_block.length() - 1
        length = self.offsets.qt_length
        start = self.offsets.to_py(min(max(top, self.offsets.base), self.offsets.base + length))
        end = self.offsets.to_py(min(max(bottom, self.offsets.base), self.offsets.base + length))
        return (start or 0, end or 0)

    def _paint_visible(self, _value: int = 0) -> None:
        if self.highlighter is not None:
            self.highlighter.paint_visible()

    # -- measure ---------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_measure()
        self._paint_visible()
        if self.pacer is not None:  # a new width: Qt lays the document out again
            self.pacer.restart()

    def _update_measure(self) -> None:
        """Centre the text in a column at most MEASURE_EMS wide."""
        document = self.document()
        em = QFontMetricsF(document.defaultFont()).height() / 1.2
        measure = em * MEASURE_EMS
        margin = document.documentMargin()
        available = self.viewport().width() - 2 * margin
        side = margin + max(0.0, (available - measure) / 2)
        root = document.rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) > 0.5:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)

    # -- selection and jumping ---------------------------------------------------------------
    def select_range(self, start: int, end: int, *, center: bool = True) -> None:
        """Select the Python-offset range [start, end) and scroll it into view."""
        qt_start, qt_end = self.offsets.to_qt_range(start, end)
        self.select_positions(qt_start, qt_end, center=center)

    def select_positions(self, qt_start: int, qt_end: int, *, center: bool = True) -> None:
        """Select a document range (already in Qt positions) and scroll to it."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if center:
            rect = self.cursorRect(cursor)
            bar = self.verticalScrollBar()
            target = bar.value() + rect.top() - self.viewport().height() // 3
            if rect.top() < 0 or rect.bottom() > self.viewport().height() * 0.8:
                bar.setValue(target)
        else:
            self.ensureCursorVisible()

    def selected_range(self) -> tuple[int, int] | None:
        """Python-offset range of the current text selection in the body, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.offsets.to_py(cursor.selectionStart())
        end = self.offsets.to_py(cursor.selectionEnd())
        if start is None or end is None:
            return None
        return start, end

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy the article's own characters (a long paragraph is shown as several blocks)."""
        selected = self.selected_range()
        if selected is None or self.article is None:
            return super().createMimeDataFromSelection()
        data = QMimeData()
        data.setText(self.article.text[selected[0] : selected[1]])
        return data

    def emphasise(self, entity_id: str | None) -> None:
        """Give every mention of ``entity_id`` the emphasis shade and mark the scroll bar."""
        if self.highlighter is None:
            return
        self.highlighter.set_selected(entity_id)
        self.update_marks(entity_id, None)

    def update_marks(self, entity_id: str | None, current_start: int | None) -> None:
        """Ticks along the scroll bar for ``entity_id``'s mentions (current one stronger)."""
        if entity_id is None or self.highlighter is None:
            self.marks.clear_mention_ticks()
            return
        spans = [s for s in self.highlighter.spans if s.entity_id == entity_id]
        kind = spans[0].kind if spans else ""
        color = QColor(self._type_colors[kind].color if kind in self._type_colors else "#888")
        self.marks.mention_ticks([s.start for s in spans], color, current_start)

    # -- pointing: click and hover -----------------------------------------------------------
    def span_at_point(self, point: QPoint) -> Span | None:
        """The visible highlight under a viewport point."""
        if self.highlighter is None:
            return None
        doc_point = QPointF(
            point.x() + self.horizontalScrollBar().value(),
            point.y() + self.verticalScrollBar().value(),
        )
        position = self.document().documentLayout().hitTest(doc_point, Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return None
        return self.highlighter.span_at(position) or self.highlighter.span_at(position - 1)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            over = self.span_at_point(event.position().toPoint()) is not None
            shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
            if self.viewport().cursor().shape() != shape:
                self.viewport().setCursor(shape)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        if (point - press).manhattanLength() > CLICK_SLOP:
            return
        span = self.span_at_point(point)
        if span is not None:
            self.entity_clicked.emit(span.entity_id)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            span = self.span_at_point(event.pos())
            if span is not None and span.entity_id in self._names:
                QToolTip.showText(event.globalPos(), self.tooltip_text(span.entity_id), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_text(self, entity_id: str) -> str:
        """ "Emmanuel Macron — Person, 4 mentions" for a highlight's tooltip."""
        name, kind, count = self._names[entity_id]
        label = self._type_colors[kind].singular if kind in self._type_colors else kind.title()
        plural = "mention" if count == 1 else "mentions"
        return f"<b>{name}</b><br>{label} · {count} {plural}"

    # -- find ------------------------------------------------------------------------------
    def find_all(
        self, text: str, case_sensitive: bool = False, limit: int = 5000
    ) -> list[tuple[int, int]]:
        """Document ranges of every match of ``text``, marked in the page's find colour."""
        find = self._page.find if self._page is not None else None
        return self.marks.find_all(text, case_sensitive, limit, find)
