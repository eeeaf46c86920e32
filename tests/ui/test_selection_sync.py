"""The entity panel and the status bar follow what the reader does elsewhere (QA F2, F6)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject

from reader.core.colors import type_colors
from reader.core.loaders import load_article
from reader.ui.entity_model import ENTITY_ID_ROLE
from reader.ui.entity_panel import EntityPanel
from tests.ui.conftest import FakeAnalyser, open_and_wait


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_panel_repaints_a_selection_made_elsewhere(qtbot, sample_path: Path) -> None:
    annotations = FakeAnalyser().analyse(load_article(sample_path))
    panel = EntityPanel(type_colors(False))
    qtbot.addWidget(panel)
    panel.resize(300, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_annotations(annotations, {e.type for e in annotations.entities})
    qtbot.wait(50)
    counter = _PaintCounter()
    panel.tree.viewport().installEventFilter(counter)
    russia = next(e for e in annotations.entities if e.name == "Russia")
    selection = panel.tree.selectionModel()
    with (
        qtbot.assertNotEmitted(panel.entity_activated),
        qtbot.waitSignal(selection.selectionChanged, timeout=1000),
    ):
        panel.select_entity(russia.id)
    qtbot.waitUntil(lambda: counter.paints > 0, timeout=2000)  # the view shows the new row
    assert [i.data(ENTITY_ID_ROLE) for i in selection.selectedRows()] == [russia.id]
    assert panel.tree.currentIndex().data(ENTITY_ID_ROLE) == russia.id
    panel.select_entity(None)
    assert not selection.selectedRows()


def test_panel_follows_a_speaker_clicked_in_the_quotes(qtbot, main_window, sample_path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, sample_path)
    quote = next(q for q in tab.annotations.quotes if q.speaker_id)
    russia = next(e for e in tab.annotations.entities if e.name == "Russia")
    window.select_entity(russia.id)
    window.quotes_panel.speaker_activated.emit(quote.speaker_id)
    rows = window.entity_panel.tree.selectionModel().selectedRows()
    assert [i.data(ENTITY_ID_ROLE) for i in rows] == [quote.speaker_id]


def test_status_bar_shows_the_tab_in_front(qtbot, main_window, sample_path, tmp_path) -> None:
    window = main_window()
    first = open_and_wait(qtbot, window, sample_path)
    first_status = window.status.label.text()
    assert first_status.startswith(f"{len(first.annotations.entities)} entities")
    short = tmp_path / "short.txt"
    short.write_text("Russia and NATO met in Moscow.\n\nNothing else happened.\n", "utf-8")
    second = open_and_wait(qtbot, window, short)
    second_status = window.status.label.text()
    assert second_status.startswith(f"{len(second.annotations.entities)} entities")
    assert second_status != first_status
    window.tabs.setCurrentWidget(first)
    assert window.status.label.text() == first_status
    window.tabs.setCurrentWidget(second)
    assert window.status.label.text() == second_status


def test_background_analysis_does_not_overwrite_the_front_status(
    qtbot, main_window, sample_path, tmp_path
) -> None:
    window = main_window()
    first = open_and_wait(qtbot, window, sample_path)
    front_status = window.status.label.text()
    other = tmp_path / "other.txt"
    other.write_text("Russia and NATO met in Moscow.\n", "utf-8")
    second = open_and_wait(qtbot, window, other)
    window.tabs.setCurrentWidget(first)
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.analyse(second)  # e.g. a re-analysis of the tab behind
    assert window.status.label.text() == front_status
    assert not window.status.progress.isVisible()


def test_clicking_a_later_mention_keeps_the_place(qtbot, main_window, sample_path) -> None:
    """QA F10.1: a click on the 2nd mention said "1 of N" and scrolled to the first."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    window = main_window()
    window.resize(1000, 500)
    tab = open_and_wait(qtbot, window, sample_path)
    macron = next(e for e in tab.annotations.entities if e.name == "Emmanuel Macron")
    nth = len(macron.mentions) - 1
    mention = macron.mentions[nth]
    tab.view.select_range(mention.start, mention.end)  # bring it on screen
    scroll = tab.view.verticalScrollBar().value()
    cursor = QTextCursor(tab.view.document())
    cursor.setPosition(tab.view.offsets.to_qt(mention.start) + 1)
    point = tab.view.cursorRect(cursor).center()
    with qtbot.waitSignal(tab.entity_selected):
        qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert tab.selected == macron.id and tab.mention_index == nth
    assert tab.navigation.count.text().startswith(f"{nth + 1} of {len(macron.mentions)}")
    assert tab.view.verticalScrollBar().value() == scroll
    tab.next_mention()  # goes on from the clicked one (wraps to the first)
    assert tab.mention_index == 0


def test_hiding_a_type_drops_its_selected_entity(qtbot, main_window, sample_path) -> None:
    """QA F10.5: People off kept "Emmanuel Macron 1 of 9" though nothing was highlighted."""
    window = main_window()
    tab = open_and_wait(qtbot, window, sample_path)
    macron = next(e for e in tab.annotations.entities if e.name == "Emmanuel Macron")
    window.select_entity(macron.id)
    assert tab.navigation.isVisible()
    window.action_by_id["view.layer_person"].trigger()
    assert tab.selected is None and not tab.navigation.isVisible()
    assert not window.entity_panel.tree.selectionModel().selectedRows()


def test_panel_keeps_the_selection_after_a_correction(qtbot, main_window, sample_path) -> None:
    """Seen under Xvfb: after a correction the panel's rows were rebuilt without the selection."""
    window = main_window()
    tab = open_and_wait(qtbot, window, sample_path)
    russia = next(e for e in tab.annotations.entities if e.name == "Russia")
    window.select_entity(russia.id)
    start = tab.article.text.index("Le Parisien")
    tab.view.select_range(start, start + len("Le Parisien"))
    window.action_by_id["edit.mark_person"].trigger()
    assert tab.selected == russia.id
    rows = window.entity_panel.tree.selectionModel().selectedRows()
    assert [i.data(ENTITY_ID_ROLE) for i in rows] == [russia.id]


def test_open_error_leaves_the_running_analysis_status(qtbot, main_window, sample_path, tmp_path):
    """QA F10.6: an open error replaced the progress text of the analysis in front."""
    import threading

    from PySide6.QtWidgets import QApplication, QMessageBox

    gate = threading.Event()
    window = main_window(analyser=FakeAnalyser(delay=gate))
    tab = window.open_file(sample_path)
    qtbot.waitUntil(lambda: tab.analysing, timeout=10_000)
    window.open_file(tmp_path / "missing.txt")
    window.tabs.setCurrentWidget(tab)  # the bad one fails behind the article being read

    def dialogs() -> list[QMessageBox]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]

    qtbot.waitUntil(lambda: bool(dialogs()) and tab.analysing, timeout=10_000)
    assert window.current_tab() is tab
    assert window.status.label.text().startswith(f"Finding entities in {sample_path.name}")
    assert not window.status.progress.isHidden()
    dialogs()[0].close()
    gate.set()
    qtbot.waitUntil(lambda: not tab.analysing, timeout=10_000)
