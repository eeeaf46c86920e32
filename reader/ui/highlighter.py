"""Entity highlights as per-block layout formats, the mechanism QSyntaxHighlighter uses.

Each text block's QTextLayout gets its list of format ranges (``QTextLayout.setFormats``), then
the document is told that the block changed so Qt lays it out again. The document's text, char
formats and undo history are never edited. Blocks on screen are painted at once; the rest
follow in small chunks from the event loop, so toggling a type on an article with 10,000+
mentions never blocks the window. (QSyntaxHighlighter itself was measured first: its
``rehighlight`` formats and re-lays out every block synchronously and took over a second on
16,800 mentions.)
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextDocument, QTextLayout

from reader.ui.theme import TypeColors


@dataclass(frozen=True)
class Span:
    """One highlighted mention in document positions (UTF-16, header included)."""

    start: int
    end: int
    entity_id: str
    kind: str


CHUNK_BLOCKS = 40
"""Off-screen blocks painted per event-loop turn."""
VisibleBlocks = Callable[[], tuple[int, int]]


class EntityHighlighter(QObject):
    """Paints mention spans of visible types; the selected entity gets the emphasis shade.

    Args:
        document: the reading document (also the QObject parent).
        visible_blocks: returns the (first, last) block numbers on screen; painted first.

    Attributes:
        spans: every mention span, sorted by start (set with ``set_spans``).
    """

    def __init__(
        self, document: QTextDocument, visible_blocks: VisibleBlocks | None = None
    ) -> None:
        super().__init__(document)
        self.document = document
        self._visible_blocks = visible_blocks
        self.spans: list[Span] = []
        self._starts: list[int] = []
        self._max_len = 0
        self._visible: set[str] = set()
        self._selected: str | None = None
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}
        self._blocks_of: dict[str | None, set[int]] = {}
        self._painted: set[int] = set()
        """Block numbers that carry formats now."""
        self._stale: set[int] = set()
        """Block numbers whose formats must be recomputed."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    @property
    def pending(self) -> int:
        """Blocks still waiting to be painted."""
        return len(self._stale)

    @property
    def visible(self) -> set[str]:
        """Entity types currently painted."""
        return set(self._visible)

    @property
    def selected(self) -> str | None:
        """The emphasised entity id."""
        return self._selected

    def set_colors(self, colors: dict[str, TypeColors]) -> None:
        """Character formats for the current theme; repaints everything."""
        self._formats = {}
        for kind, c in colors.items():
            for emphasised in (False, True):
                fmt = QTextCharFormat()
                fmt.setBackground(c.emphasis if emphasised else c.background)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(c.color)
                self._formats[(kind, emphasised)] = fmt
        self.rehighlight()

    def set_spans(self, spans: list[Span], visible: set[str]) -> None:
        """Replace all spans (new annotations) and repaint."""
        self.spans = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in self.spans]
        self._blocks_of = self._block_numbers_by_entity(self.spans)
        self._max_len = max((s.end - s.start for s in self.spans), default=0)
        self._visible = set(visible)
        self.rehighlight()

    def set_visible(self, visible: set[str]) -> None:
        """Show only these entity types."""
        if set(visible) != self._visible:
            self._visible = set(visible)
            self.rehighlight()

    def set_selected(self, entity_id: str | None) -> None:
        """Emphasise every mention of ``entity_id`` (None clears); repaints only its blocks."""
        if entity_id == self._selected:
            return
        touched = self._blocks_of.get(entity_id, set()) | self._blocks_of.get(self._selected, set())
        self._selected = entity_id
        self._invalidate(touched)

    def rehighlight(self) -> None:
        """Recompute the formats of every block that has or had a highlight."""
        self._invalidate(self._painted.union(*self._blocks_of.values()))

    def flush(self) -> None:
        """Paint every pending block now (tests, export, before a screenshot)."""
        self._timer.stop()
        self._paint(sorted(self._stale))

    def paint_visible(self) -> None:
        """Paint the pending blocks that are on screen (called on scroll and resize)."""
        if not self._stale:
            return
        if self._visible_blocks is None:
            self.flush()
            return
        first, last = self._visible_blocks()
        self._paint(sorted(n for n in self._stale if first <= n <= last))

    def _block_numbers_by_entity(self, spans: list[Span]) -> dict[str | None, set[int]]:
        """Entity id -> numbers of the blocks its mentions sit in (spans sorted by start)."""
        numbers: dict[str | None, set[int]] = {}
        block = QTextBlock()
        end = -1
        for span in spans:
            if span.start >= end:
                block = self.document.findBlock(span.start)
                if not block.isValid():
                    continue
                end = block.position() + block.length()
            numbers.setdefault(span.entity_id, set()).add(block.blockNumber())
        return numbers

    def _invalidate(self, numbers: set[int]) -> None:
        self._stale |= numbers
        self.paint_visible()
        if self._stale:
            self._timer.start()

    def _step(self) -> None:
        self._paint(sorted(self._stale)[:CHUNK_BLOCKS])
        if self._stale:
            self._timer.start()

    def _paint(self, numbers: list[int]) -> None:
        """Set the format ranges of these blocks; mark each run of adjacent blocks dirty once."""
        run_start = run_end = -1
        previous = -2
        for number in numbers:
            self._stale.discard(number)
            block = self.document.findBlockByNumber(number)
            if not block.isValid():
                continue
            ranges = self._ranges(block)
            block.layout().setFormats(ranges)
            if ranges:
                self._painted.add(number)
            else:
                self._painted.discard(number)
            if number != previous + 1 and run_start >= 0:
                self.document.markContentsDirty(run_start, run_end - run_start)
                run_start = -1
            if run_start < 0:
                run_start = block.position()
            run_end = block.position() + block.length()
            previous = number
        if run_start >= 0:
            self.document.markContentsDirty(run_start, run_end - run_start)

    def _ranges(self, block: QTextBlock) -> list[QTextLayout.FormatRange]:
        start = block.position()
        length = block.length()
        ranges = []
        if not self._formats:
            return ranges
        for span in self.spans_in(start, start + length):
            if span.kind not in self._visible:
                continue
            fmt = self._formats.get((span.kind, span.entity_id == self._selected))
            if fmt is None:
                continue
            item = QTextLayout.FormatRange()
            item.start = max(span.start, start) - start
            item.length = min(span.end, start + length) - start - item.start
            item.format = fmt
            ranges.append(item)
        return ranges

    def spans_in(self, start: int, end: int) -> list[Span]:
        """Spans overlapping the half-open document range [start, end)."""
        first = bisect_left(self._starts, start - self._max_len)
        result = []
        for span in self.spans[first:]:
            if span.start >= end:
                break
            if span.end > start:
                result.append(span)
        return result

    def span_at(self, position: int) -> Span | None:
        """The visible span under document position ``position``, if any."""
        for span in self.spans_in(position, position + 1):
            if span.kind in self._visible:
                return span
        return None
