"""Book-length and one-line articles: shown as layout-friendly blocks, offsets exact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextOption

from reader.core.analysis import Progress
from reader.core.model import Annotations, Article, Block, Entity, Mention
from reader.ui import document as document_module
from reader.ui.document import (
    DISPLAY_PIECE,
    LONG_LINE,
    UNSHAPED_FROM_CHARS,
    build_document,
    display_text,
    insert_in_pieces,
)
from reader.ui.theme import page_colors

SENTENCE = "Macron met Scholz in Berlin. "


class OneLineAnalyser:
    """Literal search for two names: quick on megabytes, exact offsets (no model)."""

    def analyse(self, article: Article, progress: Progress | None = None) -> Annotations:
        entities = []
        for number, (kind, name) in enumerate([("person", "Macron"), ("place", "Berlin")]):
            mentions = [Mention(m.start(), m.end(), name) for m in re.finditer(name, article.text)]
            entities.append(Entity(f"e{number + 1}", kind, name, mentions))
        if progress:
            progress(1.0)
        return Annotations(article, entities=entities)


def test_display_text_swaps_only_spaces_for_block_breaks() -> None:
    text = ("word " * 400 + "A sentence ends. ") * 200 + "\n" + "short paragraph\n" + "x" * 30_000
    shown = display_text(text)
    assert len(shown) == len(text)
    changed = [i for i, (a, b) in enumerate(zip(text, shown, strict=True)) if a != b]
    assert changed and all(text[i] == " " and shown[i] == "\n" for i in changed)
    lines = shown.split("\n")
    assert max(len(line) for line in lines[:-1]) <= DISPLAY_PIECE * 2
    assert lines[-1] == "x" * 30_000  # no space to swap: left whole
    assert display_text("short\ntext") == "short\ntext"
    assert len(text.split("\n")[0]) > LONG_LINE


class _PieceRecorder:
    """Stands for a QTextCursor: keeps what each ``insertText`` was given."""

    def __init__(self) -> None:
        self.pieces: list[str] = []

    def insertText(self, text: str, _fmt: QTextCharFormat) -> None:
        self.pieces.append(text)


def test_the_text_goes_to_qt_in_pieces_of_whole_characters() -> None:
    text = ("Ein Satz \U0001f600 über Zürich.\n" + SENTENCE * 40) * 2_000
    cursor = _PieceRecorder()
    insert_in_pieces(cursor, text, QTextCharFormat())  # type: ignore[arg-type]
    assert len(cursor.pieces) == -(-len(text) // document_module.INSERT_PIECE) > 1
    assert max(len(piece) for piece in cursor.pieces) == document_module.INSERT_PIECE
    assert "".join(cursor.pieces) == text


def test_a_document_inserted_in_pieces_is_the_one_inserted_whole(qapp, monkeypatch) -> None:
    body = "A heading\n" + ("Ein Satz \U0001f600 über Zürich. " * 600).strip() + "\nLast."
    article = Article(
        text=body,
        title="Title",
        byline="Jane Roe",
        blocks=[
            Block(0, 9, "heading", 2),
            Block(10, len(body) - 6),
            Block(len(body) - 5, len(body)),
        ],
    )
    monkeypatch.setattr(document_module, "INSERT_PIECE", 10**9)
    whole, whole_offsets = build_document(article, page_colors(False))
    monkeypatch.setattr(document_module, "INSERT_PIECE", 777)
    pieces, offsets = build_document(article, page_colors(False))
    assert pieces.toPlainText() == whole.toPlainText()
    assert pieces.blockCount() == whole.blockCount() > 4  # the long paragraph is several blocks
    assert pieces.toHtml() == whole.toHtml()  # every block's and character's format too
    assert offsets.base == whole_offsets.base


def test_long_articles_are_laid_out_without_optional_shaping(qapp) -> None:
    no_shaping = QFont.StyleStrategy.PreferNoShaping
    paragraph = SENTENCE * 10 + "\n"
    short = Article(text=paragraph * 10, title="Short")
    long = Article(text=paragraph * (UNSHAPED_FROM_CHARS // len(paragraph) + 1), title="Long")
    short_doc, _ = build_document(short, page_colors(False))
    long_doc, offsets = build_document(long, page_colors(False))
    assert not short_doc.defaultFont().styleStrategy() & no_shaping  # kerning kept
    assert long_doc.defaultFont().styleStrategy() & no_shaping
    # The title and body still lay out in that font: the text is whole and wraps into lines.
    body = long_doc.findBlock(offsets.base)
    assert body.text() == paragraph.rstrip("\n")
    long_doc.setTextWidth(600)
    assert long_doc.documentLayout().blockBoundingRect(body).height() > 0
    assert body.layout().lineCount() > 1


def test_five_megabyte_single_line_gets_exact_highlights(qtbot, main_window, tmp_path) -> None:
    path: Path = tmp_path / "oneline.txt"
    path.write_text(SENTENCE * (5_000_000 // len(SENTENCE)), encoding="utf-8")
    window = main_window(analyser=OneLineAnalyser())
    with qtbot.waitSignal(window.analysis_finished, timeout=120_000) as finished:
        window.open_file(path)
    tab = finished.args[0]
    view = tab.view
    assert "\n" not in tab.article.text.strip()
    assert view.document().blockCount() > 1000  # one block per couple of thousand characters
    berlin = tab.annotations.entities[1].mentions
    assert len(berlin) > 170_000
    last = berlin[-1]
    view.select_range(last.start, last.end)
    assert view.textCursor().selectedText() == "Berlin"
    assert view.selected_range() == (last.start, last.end)
    qtbot.waitUntil(lambda: view.highlighter.pending == 0, timeout=120_000)
    block = view.document().findBlock(view.offsets.to_qt(last.start))
    formatted = {block.text()[r.start : r.start + r.length] for r in block.layout().formats()}
    assert formatted == {"Macron"}  # places are off by default
    # Copying across a shown block break gives the article's own characters.
    cursor = QTextCursor(view.document())
    start = view.offsets.to_qt(0)
    cursor.setPosition(start)
    cursor.setPosition(start + 3 * DISPLAY_PIECE, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    copied = view.createMimeDataFromSelection().text()
    assert copied == tab.article.text[: 3 * DISPLAY_PIECE]


@pytest.mark.parametrize("mark", ["a", '"'])
def test_a_word_with_no_break_points_wraps_anywhere(qtbot, main_window, tmp_path, mark) -> None:
    """Qt's word-boundary wrapping is quadratic in an unbroken word (a minute for 10^6 letters)."""
    word: Path = tmp_path / "word.txt"
    word.write_text(mark * 1_000_000, encoding="utf-8")
    prose: Path = tmp_path / "prose.txt"
    prose.write_text(SENTENCE * (20_000 // len(SENTENCE)), encoding="utf-8")
    window = main_window(analyser=OneLineAnalyser())
    tabs = []
    for path in (word, prose):
        with qtbot.waitSignal(window.analysis_finished, timeout=60_000) as finished:
            window.open_file(path)
        tabs.append(finished.args[0])
    word_view, prose_view = (tab.view for tab in tabs)
    assert word_view.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    assert prose_view.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    # The whole word lays out (seconds, not minutes) into many lines, its text exact.
    size = word_view.document().documentLayout().documentSize()
    assert size.height() > 20 * size.width()
    assert word_view.document().toPlainText().endswith(mark * 1_000_000)
