"""Which blocks of a laid-out document a vertical range shows, without a hit test.

``QTextEdit.cursorForPosition`` at a point outside the text (the margins, a paragraph gap)
goes through every block to the end of the document and lays it all out: 0.2-0.3 s on a
fresh 1 MB article. Here the blocks' layout rectangles are asked for, starting from a hint
(the last answer), so Qt lays out no further than it must to paint that range anyway.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument


def blocks_in_range(
    document: QTextDocument, top: float, bottom: float, hint: int = 0
) -> tuple[int, int]:
    """Numbers of the first and last blocks overlapping document heights [top, bottom].

    Args:
        hint: a block number near the answer (searching from it is quickest).
    """
    layout = document.documentLayout()
    count = document.blockCount()

    def above(number: int) -> bool:  # the block ends before the range starts
        return layout.blockBoundingRect(document.findBlockByNumber(number)).bottom() < top

    # Gallop from the hint to a bracket (``low`` above the range, ``high`` not), then bisect.
    low, high = -1, min(max(hint, 0), count - 1)
    step = 1
    if above(high):
        low, high = high, min(high + step, count - 1)
        while high < count - 1 and above(high):
            step *= 2
            low, high = high, min(high + step, count - 1)
        if above(high):
            low = high = count - 1
    else:
        while high > 0:
            candidate = max(high - step, 0)
            if above(candidate):
                low = candidate
                break
            high = candidate
            step *= 2
    while high - low > 1:
        middle = (low + high) // 2
        if above(middle):
            low = middle
        else:
            high = middle
    first = last = high
    block = document.findBlockByNumber(first)
    while block.isValid() and layout.blockBoundingRect(block).top() <= bottom:
        last = block.blockNumber()
        block = block.next()
    return first, last
