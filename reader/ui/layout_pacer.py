"""Lay a long document out from the event loop in slices of a few milliseconds.

Qt lays a QTextDocument out lazily after every full relayout (a new document, a resize, a zoom):
a 10 ms timer lays out 1,000 characters, then twice as many on each tick, up to 200,000 at a
time, 35-100 ms of a frozen window per tick on a 1 MB article. Each ``markContentsDirty`` sets
Qt's step back to 1,000 characters. So the pacer lays out a few milliseconds' worth itself on
each turn of the event loop (asking for a block's rectangle lays the text out up to it), then
marks its last block dirty: Qt's own ticks stay small and the layout still finishes soon.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextBlock, QTextDocument

SLICE_S = 0.006
"""Layout time per event-loop turn."""
STEP_CHARS = 4_000
"""Characters laid out between two looks at the clock (about 1 ms)."""


class LayoutPacer(QObject):
    """Keeps the lazy layout of ``document`` in small slices; ``restart`` after a relayout.

    Args:
        document: the document shown (also the QObject parent).
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.document = document
        self._position = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    @property
    def done(self) -> bool:
        """The whole document was laid out since the last ``restart``."""
        return not self._timer.isActive()

    def restart(self) -> None:
        """Qt started its layout over (new page width, new fonts): follow it from the top."""
        self._position = 0
        self._timer.start()

    def _step(self) -> None:
        deadline = time.perf_counter() + SLICE_S
        layout = self.document.documentLayout()
        end = self.document.characterCount() - 1
        block = QTextBlock()
        while time.perf_counter() < deadline:
            block = self.document.findBlock(min(self._position + STEP_CHARS, end))
            if not block.isValid():
                return
            layout.blockBoundingRect(block)  # lays the text out up to this block
            self._position = block.position() + block.length()
            if self._position > end:
                return  # laid out to the end: Qt's timer stops by itself
        self.document.markContentsDirty(block.position(), block.length())
        self._timer.start()
