"""Save / Discard / Cancel before unsaved corrections close: tab, window, logout."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.corrections.journal import journal_dir
from reader.core.export.reopen import load_annotated
from reader.ui import export_actions, unsaved
from reader.ui.unsaved import Choice
from tests.ui.conftest import open_and_wait


@pytest.fixture
def article(tmp_path: Path, sample_path: Path) -> Path:
    target = tmp_path / "article.txt"
    target.write_bytes(sample_path.read_bytes())
    return target


def _corrected(qtbot, window, article: Path):
    tab = open_and_wait(qtbot, window, article)
    start = tab.article.text.index("Le Parisien")
    tab.view.select_range(start, start + len("Le Parisien"))
    window.action_by_id["edit.mark_organization"].trigger()
    assert window.corrections.unsaved_tabs() == [tab]
    return tab


def _answer(monkeypatch, choice: Choice) -> list[list[str]]:
    asked: list[list[str]] = []

    def ask(_parent, titles):  # type: ignore[no-untyped-def]
        asked.append(list(titles))
        return choice

    monkeypatch.setattr(unsaved, "ask_unsaved", ask)
    return asked


def test_cancel_keeps_the_tab_and_its_corrections(qtbot, main_window, article, monkeypatch):
    window = main_window()
    tab = _corrected(qtbot, window, article)
    asked = _answer(monkeypatch, Choice.CANCEL)
    window.action_by_id["file.close_tab"].trigger()  # Ctrl+W
    assert asked == [[tab.title]]
    assert window.tab_list == [tab] and window.corrections.unsaved_tabs() == [tab]
    window.tabs.tabCloseRequested.emit(0)  # the tab's close button asks too
    assert len(asked) == 2 and window.tab_list == [tab]


def test_discard_closes_and_drops_the_journal(qtbot, main_window, article, monkeypatch):
    window = main_window()
    _corrected(qtbot, window, article)
    assert len(list(journal_dir().iterdir())) == 1
    _answer(monkeypatch, Choice.DISCARD)
    window.action_by_id["file.close_tab"].trigger()
    assert window.tab_list == []
    qtbot.waitUntil(lambda: list(journal_dir().iterdir()) == [], timeout=5_000)


def test_save_writes_a_copy_then_closes(qtbot, main_window, article, monkeypatch, tmp_path):
    window = main_window()
    tab = _corrected(qtbot, window, article)
    asked = _answer(monkeypatch, Choice.SAVE)
    copy = tmp_path / "copy.html"
    monkeypatch.setattr(export_actions, "ask_save_path", lambda *_a: copy)
    window.close()  # Ctrl+Q and the window's close button
    assert asked == [[tab.title]] and not window.isVisible()
    saved = load_annotated(copy)
    assert any(e.name == "Le Parisien" and e.source == "user" for e in saved.entities)
    assert list(journal_dir().iterdir()) == []


def test_cancelled_save_dialog_keeps_the_window_open(qtbot, main_window, article, monkeypatch):
    window = main_window()
    _corrected(qtbot, window, article)
    _answer(monkeypatch, Choice.SAVE)
    monkeypatch.setattr(export_actions, "ask_save_path", lambda *_a: None)
    window.close()
    assert window.isVisible() and len(window.corrections.unsaved_tabs()) == 1


def test_no_question_without_unsaved_corrections(qtbot, main_window, article, monkeypatch):
    window = main_window()
    open_and_wait(qtbot, window, article)
    asked = _answer(monkeypatch, Choice.CANCEL)
    window.action_by_id["file.close_tab"].trigger()
    assert asked == [] and window.tab_list == []


def test_quitting_shows_the_real_question(qtbot, main_window, article):
    window = main_window()
    _corrected(qtbot, window, article)
    seen: list[str] = []

    def press(button: QMessageBox.StandardButton) -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "unsavedDialog" and w.isVisible()
        ]
        if not boxes:
            QTimer.singleShot(50, lambda: press(button))
            return
        seen.append(boxes[0].text())
        boxes[0].button(button).click()

    QTimer.singleShot(50, lambda: press(QMessageBox.StandardButton.Cancel))
    window.action_by_id["file.quit"].trigger()
    assert window.isVisible() and "Save your corrections" in seen[0]
    QTimer.singleShot(50, lambda: press(QMessageBox.StandardButton.Discard))
    window.action_by_id["file.quit"].trigger()
    assert not window.isVisible() and len(seen) == 2


class FakeSession:
    """Stands in for QSessionManager (Qt makes one only for a real logout)."""

    def __init__(self) -> None:
        self.cancelled = False

    def allowsInteraction(self) -> bool:
        return True

    def cancel(self) -> None:
        self.cancelled = True

    def release(self) -> None:
        pass


def test_logout_asks_and_cancel_cancels_it(qtbot, main_window, article, monkeypatch):
    window = main_window()
    _corrected(qtbot, window, article)
    asked = _answer(monkeypatch, Choice.CANCEL)
    session = FakeSession()
    window.commit_data(session)  # type: ignore[arg-type]
    assert asked and session.cancelled and window.tab_list
