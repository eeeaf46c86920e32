"""Correcting by hand in the window: Edit menu, context menu, undo/redo, crash recovery."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from reader.core.corrections.journal import find_journal, journal_dir
from reader.ui import export_actions
from tests.ui.conftest import FakeAnalyser, close_without_asking, open_and_wait


@pytest.fixture
def article(tmp_path: Path, sample_path: Path) -> Path:
    target = tmp_path / "article.txt"
    target.write_bytes(sample_path.read_bytes())
    return target


def _select(tab, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = tab.article.text.index(needle, start + 1)
    tab.view.select_range(start, start + len(needle))
    return start, start + len(needle)


def _entity(tab, name: str):
    return next(e for e in tab.annotations.entities if e.name == name)


def _spans(tab) -> set[tuple[int, int, str]]:
    return {(s.start, s.end, s.kind) for s in tab.view.highlighter.spans}


def test_edit_menu_has_undo_redo_and_corrections(qtbot, main_window) -> None:
    window = main_window()
    edit = [a.text() for a in window.menus["edit"].actions() if not a.isSeparator()]
    assert edit[:2] == ["&Undo", "&Redo"] and "Co&rrect" in edit
    correct = [a.text() for a in window.menus["edit/correct"].actions() if not a.isSeparator()]
    assert correct[0] == "Mark as &Person" and "Re&name Entity…" in correct
    assert not window.action_by_id["edit.undo"].isEnabled()


def test_mark_selection_undo_redo(qtbot, main_window, article: Path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    start, end = _select(tab, "Le Parisien")
    window.action_by_id["edit.mark_organization"].trigger()
    added = _entity(tab, "Le Parisien")
    assert (added.type, added.source, added.mentions[0].source) == ("organization", "user", "user")
    qt = tab.view.offsets.to_qt_range(start, end)
    assert (*qt, "organization") in _spans(tab)
    undo = window.action_by_id["edit.undo"]
    assert undo.isEnabled() and undo.text() == "&Undo Mark “Le Parisien” as organization"
    undo.trigger()
    assert all(e.name != "Le Parisien" for e in tab.annotations.entities)
    assert (*qt, "organization") not in _spans(tab)
    window.action_by_id["edit.redo"].trigger()
    assert _entity(tab, "Le Parisien").source == "user"


def test_selection_with_spaces_and_quotes_is_trimmed(qtbot, main_window, article: Path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    _select(tab, ' "mass" ')
    window.action_by_id["edit.mark_person"].trigger()
    assert _entity(tab, "mass").mentions[0].text == "mass"


def test_without_selection_nothing_changes(qtbot, main_window, article: Path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    before = len(tab.annotations.entities)
    window.action_by_id["edit.mark_person"].trigger()
    assert len(tab.annotations.entities) == before
    assert "Select some text" in window.statusBar().currentMessage()


def test_entity_corrections_from_the_menu(qtbot, main_window, article: Path, monkeypatch) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    moscow = _entity(tab, "Moscow")
    window.select_entity(moscow.id)
    window.corrections.change_entity_type("country")
    assert _entity(tab, "Moscow").type == "country"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Moskva", True))
    window.action_by_id["edit.rename_entity"].trigger()
    assert _entity(tab, "Moskva").source == "user"
    russia = _entity(tab, "Russia")
    russia_id, russia_count = russia.id, len(russia.mentions)
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda parent, title, label, items, *a: (items[0], True)
    )
    window.action_by_id["edit.merge_entity"].trigger()  # into the first offered: same type first
    merged = _entity(tab, "Russia")
    assert merged.id == russia_id and len(merged.mentions) == russia_count + 1
    assert all(e.name != "Moskva" for e in tab.annotations.entities)
    window.select_entity(merged.id)
    window.action_by_id["edit.remove_entity"].trigger()
    assert all(e.name != "Russia" for e in tab.annotations.entities)
    for _ in range(4):
        window.action_by_id["edit.undo"].trigger()
    assert _entity(tab, "Moscow").type == "place"


def test_add_and_remove_a_mention(qtbot, main_window, article: Path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    ukraine = _entity(tab, "Ukraine")
    count = len(ukraine.mentions)
    window.select_entity(ukraine.id)
    _select(tab, "Ukrainians")
    window.action_by_id["edit.add_mention"].trigger()
    assert len(_entity(tab, "Ukraine").mentions) == count + 1
    _select(tab, "Ukrainians")
    window.action_by_id["edit.remove_mention"].trigger()
    assert len(_entity(tab, "Ukraine").mentions) == count


def test_edit_and_remove_a_quote_speaker(qtbot, main_window, article: Path, monkeypatch) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    quote = next(q for q in tab.annotations.quotes if q.speaker_id)
    tab.view.select_range(quote.start + 1, quote.start + 2)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("A diplomat", True))
    window.action_by_id["edit.edit_speaker"].trigger()
    edited = next(q for q in tab.annotations.quotes if q.start == quote.start)
    assert (edited.speaker, edited.speaker_id, edited.source) == ("A diplomat", None, "user")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("(no speaker)", True))
    window.action_by_id["edit.edit_speaker"].trigger()
    assert next(q for q in tab.annotations.quotes if q.start == quote.start).speaker is None


def test_context_menu_offers_corrections(qtbot, main_window, article: Path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    _select(tab, "Le Parisien")
    rect = tab.view.cursorRect(tab.view.textCursor())
    menu = window.corrections.menu.correction_menu(tab, rect.center())
    texts = [a.text() for a in menu.actions()]
    assert "Mark “Le Parisien” as" in texts
    mark = next(a.menu() for a in menu.actions() if a.text() == "Mark “Le Parisien” as")
    [person] = [a for a in mark.actions() if a.text() == "Person"]
    person.trigger()
    assert _entity(tab, "Le Parisien").type == "person"
    menu.deleteLater()
    # right-clicking a highlight offers the entity's own commands
    ukraine = _entity(tab, "Ukraine").mentions[0]
    tab.view.select_range(ukraine.start, ukraine.start)
    point = tab.view.cursorRect(tab.view.textCursor()).center()
    point.setX(point.x() + 3)
    menu = window.corrections.menu.correction_menu(tab, point)
    texts = [a.text() for a in menu.actions()]
    assert "Remove This Mention of Ukraine" in texts and "Rename Ukraine…" in texts
    menu.deleteLater()
    # right-clicking a plain word away from the selection offers that word, not the selection
    _select(tab, "Le Parisien")
    text = tab.article.text
    word = text.index("permission")
    tab.view.select_range(word + 2, word + 2)
    point = tab.view.cursorRect(tab.view.textCursor()).center()
    _select(tab, "Le Parisien")
    menu = window.corrections.menu.correction_menu(tab, point)
    texts = [a.text() for a in menu.actions()]
    assert "Mark “permission” as" in texts and "Mark “Le Parisien” as" not in texts
    menu.deleteLater()


def _restore_dialog() -> QMessageBox | None:
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "restoreJournalDialog" and w.isVisible()
    ]
    return boxes[0] if boxes else None


def _crashed_session(qtbot, main_window, article: Path) -> None:
    """Make two corrections, then lose the window without saving (as a crash would)."""
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    _select(tab, "Le Parisien")
    window.action_by_id["edit.mark_organization"].trigger()
    window.select_entity(_entity(tab, "Moscow").id)
    window.corrections.change_entity_type("country")
    close_without_asking(window)


def test_reopening_after_a_crash_offers_the_corrections(qtbot, main_window, article: Path) -> None:
    _crashed_session(qtbot, main_window, article)
    assert len(list(journal_dir().iterdir())) == 1
    window = main_window(analyser=FakeAnalyser())
    tab = open_and_wait(qtbot, window, article)
    qtbot.waitUntil(lambda: _restore_dialog() is not None, timeout=5_000)
    box = _restore_dialog()
    assert "2 corrections" in box.text()
    [restore] = [b for b in box.buttons() if b.text() == "&Restore"]
    restore.click()
    assert _entity(tab, "Le Parisien").source == "user"
    assert _entity(tab, "Moscow").type == "country"
    assert window.action_by_id["edit.undo"].isEnabled()
    window.action_by_id["edit.undo"].trigger()
    assert _entity(tab, "Moscow").type == "place"


def test_a_damaged_journal_line_costs_that_step_and_is_told(
    qtbot, main_window, article: Path
) -> None:
    _crashed_session(qtbot, main_window, article)
    [path] = journal_dir().iterdir()
    header, first, second = path.read_bytes().splitlines()
    path.write_bytes(b"\n".join([header, first[:-9] + b"\xff\xfe garbage", second, b""]))
    window = main_window(analyser=FakeAnalyser())
    tab = open_and_wait(qtbot, window, article)
    qtbot.waitUntil(lambda: _restore_dialog() is not None, timeout=5_000)
    box = _restore_dialog()
    assert "1 correction " in box.text() and "One recorded step could not be read" in box.text()
    [restore] = [b for b in box.buttons() if b.text() == "&Restore"]
    restore.click()
    assert _entity(tab, "Moscow").type == "country"
    assert all(e.name != "Le Parisien" for e in tab.annotations.entities)
    assert "Restored 1 correction. One recorded step could not be read" in (
        window.statusBar().currentMessage()
    )


def test_declining_discards_the_journal(qtbot, main_window, article: Path) -> None:
    _crashed_session(qtbot, main_window, article)
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    qtbot.waitUntil(lambda: _restore_dialog() is not None, timeout=5_000)
    box = _restore_dialog()
    [discard] = [b for b in box.buttons() if b.text() == "&Discard"]
    discard.click()
    assert all(e.name != "Le Parisien" for e in tab.annotations.entities)
    assert find_journal(tab.annotations) is None


def test_saved_corrections_leave_no_journal(
    qtbot, main_window, article: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(export_actions, "ask_save_path", lambda *a: tmp_path / "copy.html")
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    _select(tab, "Le Parisien")
    window.action_by_id["edit.mark_organization"].trigger()
    assert len(list(journal_dir().iterdir())) == 1
    index = window.tabs.indexOf(tab)
    assert window.tabs.tabText(index) == f"• {tab.title}"
    window.action_by_id["file.save_annotated"].trigger()
    qtbot.waitUntil(lambda: "Saved copy.html" in window.status.label.text(), timeout=10_000)
    assert window.tabs.tabText(index) == tab.title
    window.close()
    assert list(journal_dir().iterdir()) == []


@pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing"
)
def test_right_click_pops_up_the_menu_and_ctrl_z_undoes(qtbot, main_window, article: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMenu

    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    _select(tab, "Le Parisien")
    point = tab.view.cursorRect(tab.view.textCursor()).center()
    tab.view.customContextMenuRequested.emit(point)
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert [m.objectName() for m in menus] == ["correctionMenu"]
    menus[0].close()
    window.action_by_id["edit.mark_person"].trigger()
    assert _entity(tab, "Le Parisien").type == "person"
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert all(e.name != "Le Parisien" for e in tab.annotations.entities)


def test_no_corrections_on_provisional_highlights(qtbot, main_window, article: Path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    tab.analysing = True  # as while the rest of a long article is still being analysed
    _select(tab, "Le Parisien")
    window.action_by_id["edit.mark_person"].trigger()
    assert all(e.name != "Le Parisien" for e in tab.annotations.entities)
    assert "still being analysed" in window.statusBar().currentMessage()


def test_marking_a_highlighted_mention_replaces_it(qtbot, main_window, article: Path) -> None:
    """QA F8: marking Moscow (a place) as a country leaves one span there, not two."""
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    moscow = _entity(tab, "Moscow")
    mention = moscow.mentions[0]
    tab.view.select_range(mention.start, mention.end)
    window.action_by_id["edit.mark_country"].trigger()
    covering = [
        e.type
        for e in tab.annotations.entities
        for m in e.mentions
        if m.start < mention.end and mention.start < m.end
    ]
    assert covering == ["country"]
    qt = tab.view.offsets.to_qt_range(mention.start, mention.end)
    assert [s for s in _spans(tab) if s[:2] == qt] == [(*qt, "country")]
    assert "no longer Moscow" in window.action_by_id["edit.undo"].text()
    # the same span as a country again: said, and nothing changes
    tab.view.select_range(mention.start, mention.end)
    count = len(tab.annotations.entities)
    window.action_by_id["edit.mark_country"].trigger()
    assert "already a mention of Moscow" in window.statusBar().currentMessage()
    assert len(tab.annotations.entities) == count


def test_status_counts_follow_a_correction(qtbot, main_window, article: Path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    before = len(tab.annotations.entities)
    assert window.status.label.text().startswith(f"{before} entities")
    _select(tab, "Le Parisien")
    window.action_by_id["edit.mark_organization"].trigger()
    assert window.status.label.text().startswith(f"{before + 1} entities")
    window.action_by_id["edit.undo"].trigger()
    assert window.status.label.text().startswith(f"{before} entities")
