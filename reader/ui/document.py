"""Lay out an Article as a QTextDocument: a header (title, byline, date), then the body.

The body is inserted exactly as ``Article.text`` (each "\\n" becomes a block boundary, one
position in Qt as in Python), so ``OffsetMap`` can translate offsets; ``Article.blocks`` only
decides how each paragraph looks. A paragraph longer than ``LONG_LINE`` characters (a 5 MB
file on one line) is shown as several blocks: one space every ``DISPLAY_PIECE`` characters or
so becomes a block break, which has the same length, so offsets stay exact. Qt lays out,
formats and re-lays out text per block, and one block of megabytes froze the window for
seconds on every highlight change. Heading sizes use relative font adjustments, so zoom is a
single change of the document's default font.

Building the document of a 1 MB article takes 40-80 ms, so the window builds it on the I/O
worker with the file's loading (``build_for_ui``): Qt documents QTextDocument as reentrant, and
the finished document is moved to the UI thread before the view shows it.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from reader.core.model import Article, Block
from reader.ui.gil_free import move_to_thread
from reader.ui.positions import OffsetMap
from reader.ui.theme import PageColors

LINE_HEIGHT = 150
"""Body line height in percent of the font's height."""
PARAGRAPH_GAP = 0.75
"""Space after a paragraph, in ems."""
BASE_POINT_SIZE = 12.5
"""Reading size at 100% zoom."""
SERIF_FAMILIES = [
    "Charter",
    "Georgia",
    "Source Serif 4",
    "DejaVu Serif",
    "Liberation Serif",
    "serif",
]
SANS_FAMILIES = ["Inter", "Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", "sans-serif"]
DISPLAY_SAFE = str.maketrans({"\r": " ", "\ufeff": "\u2060"})
"""Characters Qt would merge or drop on insertion, swapped for ones of the same length so every
offset still lands on its character: "\r\n" becomes one block break and a leading U+FEFF
vanishes otherwise."""
LONG_LINE = 8_000
"""Paragraphs longer than this (characters) are shown as several blocks."""
DISPLAY_PIECE = 2_000
"""About how long each shown block of such a paragraph is (a few screen lines' layout)."""
INSERT_PIECE = 262_144
"""Characters handed to Qt in one ``insertText`` (see ``insert_in_pieces``)."""
HEADING_ADJUST = {1: 3, 2: 2, 3: 1}
"""Heading level -> QTextFormat.FontSizeAdjustment (relative to the body size)."""
UNSHAPED_FROM_CHARS = 250_000
"""Articles this long are laid out without optional shaping (``QFont.PreferNoShaping``).

Every laid-out block keeps HarfBuzz's shaping data for as long as the document lives: about
65 bytes a character for news-length paragraphs (270 MB of the window's memory on a 5 MB
book), released by neither ``clearLayout`` nor ``setCacheEnabled(False)``. Without optional
shaping a block keeps ~4 bytes a character and lays out a third faster. Latin text then loses
kerning and ligatures (a slightly looser "AVATAR"), so shorter articles keep them; scripts
that need shaping (Arabic, Devanagari, ...) are shaped either way."""


def reading_font(zoom: int, length: int = 0) -> QFont:
    """The body font at ``zoom`` percent for an article of ``length`` characters."""
    font = QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(BASE_POINT_SIZE * zoom / 100)
    if length >= UNSHAPED_FROM_CHARS:
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


def _format_date(date: dt.date) -> str:
    return f"{date:%A}, {date.day} {date:%B %Y}"


def header_meta(article: Article) -> str:
    """The line under the title: byline · site · date."""
    parts = [p for p in (article.byline, article.site) if p]
    if article.published:
        parts.append(_format_date(article.published))
    return "  ·  ".join(parts)


def _body_format(block: Block | None, font_size: float) -> tuple[QTextBlockFormat, QTextCharFormat]:
    fmt = QTextBlockFormat()
    fmt.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setBottomMargin(font_size * PARAGRAPH_GAP * 1.33)
    char = QTextCharFormat()
    kind = block.kind if block else "paragraph"
    if kind == "heading":
        char.setFontWeight(QFont.Weight.Bold)
        char.setFontFamilies(SANS_FAMILIES)
        level = block.level if block else 1
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_ADJUST.get(level, 0))
        fmt.setTopMargin(font_size * 0.8)
        fmt.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    elif kind == "blockquote":
        fmt.setLeftMargin(font_size * 2)
        char.setFontItalic(True)
    elif kind == "list_item":
        fmt.setLeftMargin(font_size * 1.5)
    elif kind == "preformatted":
        char.setFontFamilies(["DejaVu Sans Mono", "monospace"])
        char.setFontFixedPitch(True)
    elif kind == "dateline":
        char.setFontWeight(QFont.Weight.DemiBold)
        char.setFontFamilies(SANS_FAMILIES)
        char.setFontCapitalization(QFont.Capitalization.AllUppercase)
        char.setFontLetterSpacing(104)
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
    return fmt, char


class BuiltDocument(NamedTuple):
    """A document built for ``article`` with these colours and zoom (see ``build_for_ui``)."""

    article: Article
    document: QTextDocument
    offsets: OffsetMap
    colors: PageColors
    zoom: int

    def fits(self, article: Article, colors: PageColors, zoom: int) -> bool:
        """Whether it shows ``article`` as the view would build it now."""
        return self.article is article and self.colors == colors and self.zoom == zoom


def build_for_ui(article: Article, colors: PageColors, zoom: int = 100) -> BuiltDocument:
    """``build_document`` from any thread; the document belongs to the UI thread after it.

    A QObject can only be pushed to another thread by the thread it lives in, so the move
    happens here, on the thread that built it, with the GIL released (``gil_free``: holding
    it there deadlocked with the UI thread destroying a widget).
    """
    document, offsets = build_document(article, colors, zoom)
    app = QCoreApplication.instance()
    if app is not None:
        move_to_thread(document, app.thread())
    return BuiltDocument(article, document, offsets, colors, zoom)


def build_document(
    article: Article, colors: PageColors, zoom: int = 100
) -> tuple[QTextDocument, OffsetMap]:
    """A new document showing ``article`` and the map from its offsets to document positions."""
    doc = QTextDocument()
    doc.setDefaultFont(reading_font(zoom, len(article.text)))
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(28)
    size = BASE_POINT_SIZE * zoom / 100  # spacing scales with the text
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    has_header = False
    if article.title:
        fmt = QTextBlockFormat()
        fmt.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(size * 0.6)
        fmt.setTopMargin(size * 0.8)
        char = QTextCharFormat()
        char.setFontWeight(QFont.Weight.Bold)
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, 3)
        cursor.setBlockFormat(fmt)
        cursor.setBlockCharFormat(char)
        cursor.insertText(article.title, char)
        has_header = True
    meta = header_meta(article)
    if meta:
        if has_header:
            cursor.insertBlock()
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(size * 1.6)
        char = QTextCharFormat()
        char.setFontFamilies(SANS_FAMILIES)
        char.setForeground(colors.muted)
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
        cursor.setBlockFormat(fmt)
        cursor.setBlockCharFormat(char)
        cursor.insertText(meta, char)
        has_header = True
    elif has_header:
        cursor.setBlockFormat(_spaced(cursor.blockFormat(), size * 1.6))
    if has_header:
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    base = cursor.position()
    shown, unbreakable = _display(article.text)
    insert_in_pieces(cursor, shown, QTextCharFormat())
    cursor.endEditBlock()
    option = doc.defaultTextOption()  # the reading view adopts it (see _display)
    option.setWrapMode(
        QTextOption.WrapMode.WrapAnywhere
        if unbreakable
        else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    )
    doc.setDefaultTextOption(option)
    offsets = OffsetMap(article.text, base)
    _format_body(doc, article, offsets, size, shown)
    return doc, offsets


def insert_in_pieces(cursor: QTextCursor, text: str, fmt: QTextCharFormat) -> None:
    """``cursor.insertText(text, fmt)``, ``INSERT_PIECE`` characters at a time.

    PySide holds the GIL through one ``insertText``: 30-50 ms for a 5 MB book on the I/O
    worker, and the window could not run its Python meanwhile. Pieces inserted one after the
    other at the cursor make the same document (Python's slices never split a character).
    """
    for start in range(0, len(text), INSERT_PIECE):
        cursor.insertText(text[start : start + INSERT_PIECE], fmt)


def display_text(text: str) -> str:
    """``text`` as the document shows it: the same length, character for character, except
    ``DISPLAY_SAFE`` swaps and a block break for one space in every ``DISPLAY_PIECE`` or so
    characters of a paragraph longer than ``LONG_LINE``."""
    return _display(text)[0]


def _display(text: str) -> tuple[str, bool]:
    """``display_text(text)``, and whether a paragraph over ``LONG_LINE`` has a stretch with
    no space to break at (none within about four ``DISPLAY_PIECE``s).

    Such a document wraps anywhere: Qt looks for a word boundary first
    (``WrapAtWordBoundaryOrAnywhere``) and rescans the rest of an unbroken word for every line
    it fills, quadratic: over a minute for one 1,000,000-letter word (or 1,000,000 quote marks)
    while nothing paints. ``WrapAnywhere`` lays the same out in ~0.5 s. The mode is per
    document, so such an article also breaks ordinary words at line ends; it is rarely prose.
    """
    if "\r" in text or "\ufeff" in text:  # translate takes ~80 ms on 1 MB even when idle
        text = text.translate(DISPLAY_SAFE)
    breaks: list[int] = []
    unbreakable = False
    for start, end in _long_lines(text):
        cuts, whole = _display_breaks(text, start, end)
        breaks += cuts
        unbreakable = unbreakable or whole
    if not breaks:
        return text, unbreakable
    parts = []
    previous = 0
    for cut in breaks:  # each cut is the index of a space
        parts.append(text[previous:cut])
        previous = cut + 1
    parts.append(text[previous:])
    return "\n".join(parts), unbreakable


def _long_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line longer than ``LONG_LINE`` (end excludes the newline)."""
    if len(text) <= LONG_LINE:
        return []
    lines = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > LONG_LINE:
            lines.append((start, end))
        start = end + 1
    return lines


def _display_breaks(text: str, start: int, end: int) -> tuple[list[int], bool]:
    """Indices of the spaces in ``text[start:end]`` that become block breaks, and whether a
    stretch of it had none.

    A space after a sentence end near every ``DISPLAY_PIECE`` characters, else any space;
    text without spaces (none within four pieces) is left whole: nothing can be swapped.
    """
    breaks = []
    unbreakable = False
    position = start
    while end - position > DISPLAY_PIECE * 3 // 2:
        low, high = position + DISPLAY_PIECE // 2, position + DISPLAY_PIECE
        cut = text.rfind(". ", low, high + 1)
        cut = cut + 1 if cut >= 0 else text.rfind(" ", low, high)
        if cut < 0:
            cut = text.find(" ", high, min(end, position + 4 * DISPLAY_PIECE))
            if cut < 0:
                unbreakable = True
                position += 4 * DISPLAY_PIECE
                continue
        breaks.append(cut)
        position = cut + 1
    return breaks, unbreakable


def _spaced(fmt: QTextBlockFormat, bottom: float) -> QTextBlockFormat:
    fmt.setBottomMargin(bottom)
    return fmt


def _format_body(
    doc: QTextDocument, article: Article, offsets: OffsetMap, size: float, shown: str
) -> None:
    """Give every body block the format of the Article block that covers it.

    Every body block gets the paragraph format in one call; only blocks of other kinds are
    then visited one by one (one Qt call per block of a 1 MB article took 20-30 ms). The
    blocks' positions come from the shown text's line breaks, not from walking Qt's blocks.
    """
    starts = _block_starts(doc, offsets, shown)
    blocks = sorted(article.blocks, key=lambda b: b.start)
    block_starts = [offsets.to_qt(b.start) for b in blocks]
    block_ends = [offsets.to_qt(b.end) for b in blocks]
    formats: dict[tuple[str, int], tuple[QTextBlockFormat, QTextCharFormat]] = {}
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.setPosition(offsets.base)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    cursor.setBlockFormat(_body_format(None, size)[0])
    index = 0
    for pos in starts:
        while index < len(blocks) and block_ends[index] < pos:
            index += 1
        covering = blocks[index] if index < len(blocks) and block_starts[index] <= pos else None
        key = (covering.kind, covering.level) if covering else ("paragraph", 0)
        if key == ("paragraph", 0):
            continue
        if key not in formats:
            formats[key] = _body_format(covering, size)
        fmt, char = formats[key]
        cursor.setPosition(pos)
        cursor.setBlockFormat(fmt)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(char)
    cursor.endEditBlock()


def _block_starts(doc: QTextDocument, offsets: OffsetMap, shown: str) -> list[int]:
    """Document positions of the body's blocks: one after each line break of ``shown``.

    Qt also breaks blocks at a few characters no loader leaves in (U+FDD0, U+FDD1); if the
    count disagrees, Qt's own blocks are walked.
    """
    starts = [offsets.base]
    find = shown.find
    at = find("\n")
    while at >= 0:
        starts.append(offsets.to_qt(at + 1))
        at = find("\n", at + 1)
    first = doc.findBlock(offsets.base)
    if doc.blockCount() - first.blockNumber() == len(starts):
        return starts
    starts = []
    block = first
    while block.isValid():
        starts.append(block.position())
        block = block.next()
    return starts
