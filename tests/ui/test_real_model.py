"""The window with the real spaCy analyser: open, wait, click an entity, go next, click a quote."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.core.analysis import SpacyAnalyser
from tests.ui.conftest import open_and_wait

pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_real_analysis_drives_navigation(qtbot, main_window, sample_path: Path, nlp) -> None:
    window = main_window(analyser=SpacyAnalyser(nlp))
    tab = open_and_wait(qtbot, window, sample_path, timeout=120_000)
    annotations = window.current_annotations()
    assert annotations is not None and annotations.entities
    for entity in annotations.entities:
        for mention in entity.mentions:
            assert annotations.article.text[mention.start : mention.end] == mention.text
    # The most mentioned person, clicked in the panel.
    people = [e for e in annotations.entities if e.type == "person" and len(e.mentions) > 1]
    person = max(people, key=lambda e: len(e.mentions))
    index = window.entity_panel.model.entity_index(person.id)
    proxy_index = window.entity_panel.proxy.mapFromSource(index)
    tree = window.entity_panel.tree
    tree.scrollTo(proxy_index)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(proxy_index).center()
    )
    assert tab.selected == person.id
    before = tab.view.selected_range()
    assert before == (person.mentions[0].start, person.mentions[0].end)
    qtbot.keyClick(tab.view, Qt.Key.Key_F8)
    after = tab.view.selected_range()
    assert after == (person.mentions[1].start, person.mentions[1].end)
    assert after != before
    assert tab.navigation.count.text() == f"2 of {len(person.mentions)}"
    # A quote, if the analyser found any, jumps and selects.
    if annotations.quotes:
        panel = window.quotes_panel
        row = panel.quote_proxy.rowCount() - 1
        quote = panel.quote_proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 1)
        table = panel.quote_table
        index = panel.quote_proxy.index(row, 0)
        table.scrollTo(index)
        qtbot.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
        )
        assert tab.view.selected_range() == (quote.start, quote.end)
        rect = tab.view.cursorRect()
        assert 0 <= rect.top() < tab.view.viewport().height()


def test_long_article_shows_screen_first_then_final(
    qtbot, main_window, sample_path, nlp, tmp_path
) -> None:
    body = sample_path.read_text(encoding="utf-8").split("\n", 1)[1]
    long_file = tmp_path / "long.txt"
    long_file.write_text("date 2025-03-17 A long article\n" + body * 12, encoding="utf-8")
    window = main_window(analyser=SpacyAnalyser(nlp))
    partial: list[int] = []

    def on_partial(tab) -> None:
        partial.append(len(tab.view.highlighter.spans))
        assert window.current_annotations() is None  # provisional results are not handed out

    window.partial_shown.connect(on_partial)
    tab = open_and_wait(qtbot, window, long_file, timeout=180_000)
    assert partial and partial[0] > 0
    final = window.current_annotations()
    assert final is not None and len(tab.view.highlighter.spans) >= partial[0]
    # Reopening comes from the cache: the same result without running the model again.
    window.commands.close_current_tab()
    again = open_and_wait(qtbot, window, long_file, timeout=60_000)
    assert [e.name for e in again.annotations.entities] == [e.name for e in final.entities]
