"""The article's document built on a worker thread reads, maps and finds like one built here."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor

from reader.core.colors import type_colors
from reader.core.loaders.text import parse_text
from reader.core.model import Article
from reader.ui.document import BuiltDocument, build_document, build_for_ui
from reader.ui.reading_view import ReadingView
from reader.ui.theme import page_colors

TEXT = (
    "Macron met Scholz in Berlin 😀 on Monday.\n"
    "Ukraine 🇺🇦 and Russia talked with NATO.\r\n"
    "\ufeffA last paragraph, with a zero-width no-break space in front.\n"
)


def _article() -> Article:
    return Article(text=TEXT * 40, title="A title", byline="A. Writer")


def _built_on_worker(article: Article, zoom: int = 100) -> BuiltDocument:
    built: list[BuiltDocument] = []
    worker = threading.Thread(
        target=lambda: built.append(build_for_ui(article, page_colors(False), zoom))
    )
    worker.start()
    worker.join(30)
    assert built, "the worker did not build the document"
    return built[0]


@pytest.fixture
def view(qtbot) -> Iterator[ReadingView]:
    """A shown view, alive until the test's teardown.

    qtbot keeps only a weak reference, and a view is in a reference cycle with its
    highlighter: once the test returned, a garbage collection inside one of its paint events
    deleted the window being painted (a segfault in ``MarkedScrollBar.paintEvent``).
    """
    shown = ReadingView()
    qtbot.addWidget(shown)
    shown.resize(700, 400)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def test_document_built_on_a_worker_belongs_to_the_ui_thread_and_matches(qtbot) -> None:
    article = _article()
    built = _built_on_worker(article)
    here, offsets = build_document(article, page_colors(False))
    assert built.document.thread() == QCoreApplication.instance().thread()
    assert built.document.toPlainText() == here.toPlainText()
    assert built.document.blockCount() == here.blockCount()
    assert (built.offsets.base, built.offsets.qt_length) == (offsets.base, offsets.qt_length)
    for offset in range(0, len(article.text), 97):
        assert built.offsets.to_qt(offset) == offsets.to_qt(offset)


def test_view_shows_the_worker_document_with_selection_and_find(view) -> None:
    article = _article()
    built = _built_on_worker(article)
    view.show_article(article, page_colors(False), type_colors(False), 100, built)
    assert view.document() is built.document
    start = article.text.rindex("NATO")
    view.select_range(start, start + 4)
    assert view.textCursor().selectedText() == "NATO"
    assert view.selected_range() == (start, start + 4)
    matches = view.find_all("Scholz")
    assert len(matches) == article.text.count("Scholz")
    first = view.offsets.to_py(matches[0][0])
    assert article.text[first : first + 6] == "Scholz"


def test_a_document_built_for_another_zoom_is_not_used(view) -> None:
    article = _article()
    built = _built_on_worker(article, zoom=150)
    view.show_article(article, page_colors(False), type_colors(False), 100, built)
    assert view.document() is not built.document
    assert view.document().toPlainText() == built.document.toPlainText()


def test_window_opens_a_file_into_a_ui_thread_document(qtbot, main_window, tmp_path) -> None:
    path: Path = tmp_path / "article.txt"
    path.write_text("Emmanuel Macron spoke in Kyiv on Saturday.\n" * 50, encoding="utf-8")
    window = main_window()
    with qtbot.waitSignal(window.analysis_finished, timeout=20_000) as finished:
        window.open_file(path)
    tab = finished.args[0]
    document = tab.view.document()
    assert document.thread() == QCoreApplication.instance().thread()
    assert document.parent() is tab.view  # the view owns it: the next document replaces it
    expected = parse_text(path.read_text(encoding="utf-8")).text
    assert tab.article.text == expected
    mention = tab.annotations.entities[0].mentions[-1]
    tab.view.select_range(mention.start, mention.end)
    assert tab.view.textCursor().selectedText() == mention.text


def test_a_new_layout_replaces_the_old_document(view) -> None:
    """A theme or zoom change lays the article out again: the old document must go."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QTextDocument

    article = _article()
    view.show_article(article, page_colors(False), type_colors(False), 100)
    for zoom in (120, 140):
        view.set_zoom(zoom)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert view.findChildren(QTextDocument) == [view.document()]


def test_showing_an_article_asks_no_document_for_its_parent(view, monkeypatch) -> None:
    """Qt's first document belongs to a private Qt class; asking for it made PySide set up
    its lazily made types on the UI thread (90-140 ms of the first opening, issue 18). The
    view knows its own documents instead, and still replaces them."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QTextDocument

    asked: list[QTextDocument] = []
    parent = QTextDocument.parent
    monkeypatch.setattr(QTextDocument, "parent", lambda doc: asked.append(doc) or parent(doc))
    article = _article()
    view.show_article(article, page_colors(False), type_colors(False), 100)
    first = view.document()
    view.show_article(article, page_colors(True), type_colors(True), 100)
    assert asked == []
    monkeypatch.undo()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert view.findChildren(QTextDocument) == [view.document()] != [first]


def _expected_formats(document, article: Article, offsets, size: float) -> list[tuple]:
    """Per body block, the formats of the Article block covering it (walking Qt's blocks)."""
    from reader.ui.document import _body_format

    blocks = sorted(article.blocks, key=lambda b: b.start)
    expected = []
    block = document.findBlock(offsets.base)
    while block.isValid():
        pos = block.position()
        covering = next(
            (b for b in blocks if offsets.to_qt(b.start) <= pos <= offsets.to_qt(b.end)), None
        )
        fmt, char = _body_format(covering, size)
        styled = covering is not None and covering.kind != "paragraph"
        expected.append((pos, fmt, char if styled else None))
        block = block.next()
    return expected


@pytest.mark.parametrize("odd", ["", "\ufdd0"])
def test_body_blocks_get_the_format_of_their_article_block(odd: str) -> None:
    from reader.core.model import Block
    from reader.ui.document import BASE_POINT_SIZE, LONG_LINE

    parts = [
        ("heading", 1, "A heading 😀"),
        ("paragraph", 0, "Plain text " * 30),
        ("blockquote", 0, f"Quoted{odd} words, said someone."),
        ("list_item", 0, "First item"),
        ("list_item", 0, "Second item"),
        ("paragraph", 0, "Long line. " * (LONG_LINE // 5)),  # shown as several blocks
        ("preformatted", 0, "code = 1"),
        ("dateline", 0, "KYIV"),
        ("heading", 2, "Another heading"),
        ("paragraph", 0, "The end."),
    ]
    text, blocks = "", []
    for kind, level, words in parts:
        start = len(text)
        text += words + "\n"
        blocks.append(Block(start, start + len(words), kind, level))
    article = Article(text=text, title="Formats", blocks=blocks)
    document, offsets = build_document(article, page_colors(False))
    expected = _expected_formats(document, article, offsets, BASE_POINT_SIZE)
    assert len(expected) > len(parts)  # the long line was split
    for pos, fmt, char in expected:
        block = document.findBlock(pos)
        assert block.blockFormat() == fmt, block.text()[:30]
        if char is not None and block.length() > 1:
            cursor = QTextCursor(document)
            cursor.setPosition(pos + 1)
            assert cursor.charFormat().fontWeight() == char.fontWeight()
            assert cursor.charFormat().fontItalic() == char.fontItalic()
            assert cursor.charFormat().fontFamilies() == char.fontFamilies()
