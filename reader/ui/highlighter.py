"""Entity highlights as per-block layout formats, the mechanism QSyntaxHighlighter uses.

Each text block's QTextLayout gets its list of format ranges (``QTextLayout.setFormats``), then
the document is told that the blocks changed so Qt lays them out again. The document's text,
char formats and undo history are never edited. Blocks on screen are painted at once; the rest
follow from the event loop in slices of a few milliseconds, so neither a toggle nor a new
(provisional) result on an article with 100,000+ mentions blocks the window. A block whose
highlights did not change is not touched, so Qt does not lay it out again: a growing
provisional result costs a layout only where it added something. (QSyntaxHighlighter itself
was measured first: its ``rehighlight`` formats and re-lays out every block synchronously and
took over a second on 16,800 mentions.)

Qt is told once per batch of neighbouring blocks (``_Batch``), never once per block: every
``markContentsDirty`` walks all the blocks after the range to move them (about 5 ms for the
4,000 blocks of a 1 MB article), and ``setFormats`` already widens Qt's pending change to
span every block given formats since the last call, so blocks far apart must not share one.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextDocument, QTextLayout

from reader.core.colors import TypeColors
from reader.ui.spans import Span, SpanIndex

SLICE_S = 0.008
"""Time for painting off-screen blocks per event-loop turn (the rest waits for the next)."""
SLICE_CHARS = 12_000
"""Longest range (characters) laid out again by one call to Qt; a slice stops after the call
that passes its deadline, so one call's layout is what a slice may overrun by."""
VisibleBlocks = Callable[[], tuple[int, int]]
Signature = tuple[tuple[int, int, str, bool], ...]


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
        self._index = SpanIndex()
        self._visible: set[str] = set()
        self._selected: str | None = None
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}
        self._blocks_of: dict[str | None, set[int]] = {}
        """Entity id -> numbers of the blocks its mentions sit in (filled when asked)."""
        self._shown: dict[int, Signature | None] = {}
        """Block number -> the highlights it carries (None: unknown, repaint it)."""
        self._stale: set[int] = set()
        """Block numbers to repaint before the sweep goes on (a selection changed)."""
        self._sweep: int | None = None
        """Next block number of the pass over the whole document, None when there is none."""
        self._sweep_block = QTextBlock()
        self._ahead: set[int] = set()
        """Blocks the sweep has not reached but that were painted already (they were on screen)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    @property
    def spans(self) -> list[Span]:
        """Every mention span, sorted by start."""
        return self._index.spans

    @property
    def index(self) -> SpanIndex:
        """The spans with their search index (to hand to another highlighter)."""
        return self._index

    @property
    def pending(self) -> int:
        """Blocks still waiting to be painted."""
        waiting = len(self._stale)
        if self._sweep is not None:
            left = self.document.blockCount() - self._sweep
            waiting += max(0, left - sum(1 for n in self._ahead if n >= self._sweep))
        return waiting

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
                fmt.setBackground(QColor(c.emphasis if emphasised else c.background))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(c.color))
                self._formats[(kind, emphasised)] = fmt
        self._shown = dict.fromkeys(self._shown)  # same spans, new formats: repaint them
        self.rehighlight()

    def set_spans(self, spans: list[Span] | SpanIndex, visible: set[str]) -> None:
        """Replace all spans (new annotations) and repaint what changed.

        A ``SpanIndex`` built beforehand (on the worker) saves the sorting here.
        """
        self._index = spans if isinstance(spans, SpanIndex) else SpanIndex(spans)
        self._blocks_of = {}
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
        touched = self._blocks(entity_id) | self._blocks(self._selected)
        self._selected = entity_id
        self._stale |= touched
        self._schedule()

    def rehighlight(self) -> None:
        """Look at every block again (on-screen ones now, the others from the event loop)."""
        self._sweep = 0
        self._sweep_block = self.document.firstBlock()
        self._ahead.clear()
        self._stale.clear()
        self._schedule()

    def flush(self) -> None:
        """Paint every pending block now (tests, export, before a screenshot)."""
        self._timer.stop()
        while self._stale or self._sweep is not None:
            self._run(None)

    def paint_visible(self) -> None:
        """Paint the pending blocks that are on screen (called on scroll and resize)."""
        if not self._stale and self._sweep is None:
            return
        if self._visible_blocks is None:
            self.flush()
            return
        first, last = self._visible_blocks()
        block = self.document.findBlockByNumber(first)
        batch = _Batch(None)  # one screen: a short range
        for number in range(first, last + 1):
            if not block.isValid():
                break
            if self._is_pending(number):
                self._stale.discard(number)
                if self._sweep is not None and number >= self._sweep:
                    self._ahead.add(number)
                if self._paint(block, number):
                    batch.add(block)
            block = block.next()
        batch.flush(self.document)

    # -- internals ----------------------------------------------------------------------------
    def _is_pending(self, number: int) -> bool:
        if number in self._stale:
            return True
        return self._sweep is not None and number >= self._sweep and number not in self._ahead

    def _schedule(self) -> None:
        self.paint_visible()
        if self._stale or self._sweep is not None:
            self._timer.start()

    def _blocks(self, entity_id: str | None) -> set[int]:
        """Numbers of the blocks holding mentions of ``entity_id`` (cached per span set)."""
        if entity_id is None:
            return set()
        if entity_id not in self._blocks_of:
            numbers: set[int] = set()
            end = -1
            for span in self._index.spans:
                if span.entity_id != entity_id or span.start < end:
                    continue
                block = self.document.findBlock(span.start)
                if block.isValid():
                    numbers.add(block.blockNumber())
                    end = block.position() + block.length()
            self._blocks_of[entity_id] = numbers
        return self._blocks_of[entity_id]

    def _step(self) -> None:
        self._run(time.perf_counter() + SLICE_S)
        if self._stale or self._sweep is not None:
            self._timer.start()

    def _run(self, deadline: float | None) -> None:
        """Repaint stale blocks (in document order), then sweep on, until ``deadline``."""
        batch = _Batch(None if deadline is None else SLICE_CHARS)
        for number in sorted(self._stale):
            if _late(deadline):
                break
            block = self.document.findBlockByNumber(number)
            if block.isValid() and not batch.fits(block):
                batch.flush(self.document)
                if _late(deadline):
                    break
            self._stale.discard(number)
            if block.isValid() and self._paint(block, number):
                batch.add(block)
        while self._sweep is not None and not _late(deadline):
            block = self._sweep_block
            if not block.isValid() or block.blockNumber() != self._sweep:
                block = self.document.findBlockByNumber(self._sweep)
            if not block.isValid():
                self._sweep = None
                self._ahead.clear()
                break
            if not batch.fits(block):
                batch.flush(self.document)
                if _late(deadline):
                    break
            if self._sweep not in self._ahead and self._paint(block, self._sweep):
                batch.add(block)
            self._sweep += 1
            self._sweep_block = block.next()
        batch.flush(self.document)

    def _paint(self, block: QTextBlock, number: int) -> bool:
        """Give ``block`` its format ranges; False when it already had exactly these."""
        start = block.position()
        length = block.length()
        spans = []
        signature = []
        if self._formats:
            for span in self._index.overlapping(start, start + length):
                key = (span.kind, span.entity_id == self._selected)
                if span.kind in self._visible and key in self._formats:
                    spans.append((span, key))
                    signature.append((span.start, span.end, span.kind, key[1]))
        shown = tuple(signature)
        if self._shown.get(number, ()) == shown:
            return False
        ranges = []
        for span, key in spans:
            item = QTextLayout.FormatRange()
            item.start = max(span.start, start) - start
            item.length = min(span.end, start + length) - start - item.start
            item.format = self._formats[key]
            ranges.append(item)
        block.layout().setFormats(ranges)
        if shown:
            self._shown[number] = shown
        else:
            self._shown.pop(number, None)
        return True

    def spans_in(self, start: int, end: int) -> list[Span]:
        """Spans overlapping the half-open document range [start, end)."""
        return self._index.overlapping(start, end)

    def span_at(self, position: int) -> Span | None:
        """The visible span under document position ``position``, if any."""
        for span in self.spans_in(position, position + 1):
            if span.kind in self._visible:
                return span
        return None


def _late(deadline: float | None) -> bool:
    return deadline is not None and time.perf_counter() >= deadline


class _Batch:
    """Blocks given new formats, laid out again by one ``markContentsDirty`` over the range
    from the first to the last (see the module docstring).

    Args:
        limit: longest range in characters (None: no limit); ``fits`` says when it is reached.
    """

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.start = -1
        self.end = -1

    def fits(self, block: QTextBlock) -> bool:
        """Whether ``block`` joins the batch without stretching it past the limit."""
        if self.start < 0 or self.limit is None:
            return True
        start = block.position()
        end = start + block.length()
        return max(self.end, end) - min(self.start, start) <= self.limit

    def add(self, block: QTextBlock) -> None:
        start = block.position()
        end = start + block.length()
        if self.start < 0:
            self.start, self.end = start, end
        else:
            self.start, self.end = min(self.start, start), max(self.end, end)

    def flush(self, document: QTextDocument) -> None:
        """Have Qt lay the range out again (nothing when no block was added)."""
        if self.start >= 0:
            document.markContentsDirty(self.start, self.end - self.start)
        self.start = self.end = -1
