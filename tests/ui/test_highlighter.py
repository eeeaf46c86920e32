"""Highlights: formats land on the mentions (emoji included), on-screen blocks first."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor

from reader.core.colors import type_colors
from reader.core.loaders.text import parse_text
from reader.core.model import Annotations, Entity, Mention
from reader.ui.reading_view import ReadingView
from reader.ui.theme import page_colors

PARAGRAPH = "😀 Macron met Scholz; Ukraine 🇺🇦 and Russia talked with NATO. " * 3

_SHOWN: list[ReadingView] = []


@pytest.fixture(autouse=True)
def _views_live_until_teardown() -> Iterator[None]:
    """Keep every view a test showed until its teardown, then close it.

    qtbot holds widgets weakly and a view is in a reference cycle with its highlighter: a view
    dropped when its test returned could be collected inside a later paint event (the segfault
    tests/ui/test_document_thread.py's fixture avoids the same way).
    """
    yield
    while _SHOWN:
        _SHOWN.pop().close()


def _view(qtbot, paragraphs: int) -> tuple[ReadingView, Annotations]:
    article = parse_text("\n".join([PARAGRAPH] * paragraphs))
    text = article.text
    entities = []
    for i, (name, kind) in enumerate(
        [
            ("Macron", "person"),
            ("Ukraine", "country"),
            ("Russia", "country"),
            ("NATO", "organization"),
        ]
    ):
        mentions = [Mention(m.start(), m.end(), name) for m in re.finditer(name, text)]
        entities.append(Entity(f"e{i}", kind, name, mentions))
    view = ReadingView()
    qtbot.addWidget(view)
    _SHOWN.append(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    view.show_article(article, page_colors(False), type_colors(False), 100)
    annotations = Annotations(article, entities=entities)
    view.show_annotations(annotations, {"person", "country", "organization"})
    return view, annotations


def _utf16_slice(text: str, start: int, length: int) -> str:
    """``text`` sliced in UTF-16 units, as Qt counts (block.text() arrives as a Python str)."""
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * (start + length)].decode("utf-16-le")


def _formatted(view: ReadingView) -> set[str]:
    """The text under every format range in the document."""
    found = set()
    block = view.document().firstBlock()
    while block.isValid():
        for item in block.layout().formats():
            found.add(_utf16_slice(block.text(), item.start, item.length))
        block = block.next()
    return found


def test_formats_cover_exactly_the_mentions_after_emoji(qtbot) -> None:
    view, _annotations = _view(qtbot, 3)
    view.highlighter.flush()
    assert _formatted(view) == {"Macron", "Ukraine", "Russia", "NATO"}
    view.set_visible_types({"country"})
    view.highlighter.flush()
    assert _formatted(view) == {"Ukraine", "Russia"}


def test_long_article_paints_screen_first_then_the_rest(qtbot) -> None:
    view, annotations = _view(qtbot, 400)
    highlighter = view.highlighter
    qtbot.waitUntil(lambda: highlighter.pending == 0)
    view.set_visible_types({"person"})
    first, _last = view.visible_blocks()
    assert highlighter.pending > 0  # off-screen blocks wait for the event loop
    on_screen = view.document().findBlockByNumber(first)
    texts = {
        _utf16_slice(on_screen.text(), r.start, r.length) for r in on_screen.layout().formats()
    }
    assert texts == {"Macron"}
    qtbot.waitUntil(lambda: highlighter.pending == 0)
    assert _formatted(view) == {"Macron"}
    total = sum(len(e.mentions) for e in annotations.entities)
    assert total > 3000


def test_emphasis_changes_only_the_selected_entity(qtbot) -> None:
    view, _annotations = _view(qtbot, 2)
    view.highlighter.flush()
    view.emphasise("e1")
    view.highlighter.flush()
    colors = type_colors(False)
    block = view.document().firstBlock()
    backgrounds = {
        _utf16_slice(block.text(), r.start, r.length): r.format.background().color()
        for r in block.layout().formats()
    }
    assert backgrounds["Ukraine"] == QColor(colors["country"].emphasis)
    assert backgrounds["Russia"] == QColor(colors["country"].background)
    assert view.scroll_bar.marks


def _blocks_on_screen(view: ReadingView) -> tuple[int, int]:
    """First and last block on screen, by looking at every block's rectangle."""
    document = view.document()
    layout = document.documentLayout()
    top = view.verticalScrollBar().value()
    bottom = top + view.viewport().height()
    shown = []
    block = document.firstBlock()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.bottom() >= top and rect.top() <= bottom:
            shown.append(block.blockNumber())
        block = block.next()
    return shown[0], shown[-1]


def test_visible_blocks_follow_the_scroll_position(qtbot) -> None:
    view, _annotations = _view(qtbot, 300)
    qtbot.waitUntil(lambda: view.pacer is not None and view.pacer.done)
    bar = view.verticalScrollBar()
    for fraction in (0.0, 0.9, 0.1, 0.5, 1.0, 0.3):
        bar.setValue(round(fraction * bar.maximum()))
        first, last = _blocks_on_screen(view)
        assert view.visible_blocks() == (max(0, first - 2), last + 2)
        start, end = view.visible_range()
        if fraction:  # the top answers from the text alone
            assert view.offsets.to_qt(start) <= view.document().findBlockByNumber(first).position()
            assert view.offsets.to_qt(end) >= view.document().findBlockByNumber(last).position()


def test_layout_pacer_lays_the_whole_document_out(qtbot) -> None:
    view, _annotations = _view(qtbot, 400)
    assert view.pacer is not None
    qtbot.waitUntil(lambda: view.pacer.done)
    document = view.document()
    layout = document.documentLayout()
    last = layout.blockBoundingRect(document.lastBlock())
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() >= last.bottom() - view.viewport().height())
    view.resize(500, 400)  # a new width: Qt lays the document out again, the pacer follows
    assert not view.pacer.done
    qtbot.waitUntil(lambda: view.pacer.done)


def test_emphasis_reaches_every_mention_of_a_long_article(qtbot) -> None:
    view, annotations = _view(qtbot, 300)
    highlighter = view.highlighter
    qtbot.waitUntil(lambda: highlighter.pending == 0)
    view.emphasise("e1")  # Ukraine: in every paragraph, most of them off screen
    qtbot.waitUntil(lambda: highlighter.pending == 0)
    colors = type_colors(False)
    block = view.document().firstBlock()
    seen = 0
    while block.isValid():
        for item in block.layout().formats():
            name = _utf16_slice(block.text(), item.start, item.length)
            expected = QColor(colors["country"].emphasis) if name == "Ukraine" else None
            if expected is not None:
                assert item.format.background().color() == expected
                seen += 1
            else:
                assert item.format.background().color() != QColor(colors["country"].emphasis)
        block = block.next()
    assert seen == len(annotations.entities[1].mentions)
