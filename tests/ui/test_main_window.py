"""The real window with a fake analyser: opening, highlights, navigation, panels, settings."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.errors import ModelUnavailableError
from reader.core.model import Annotations, Article, Entity, Mention
from reader.core.settings import Settings, load_settings
from reader.ui import actions as registry
from reader.ui.entity_model import ENTITY_ID_ROLE
from tests.ui.conftest import FAKE_ENTITIES, FakeAnalyser, find_mentions, open_and_wait


def _entity(tab, name: str):
    return next(e for e in tab.annotations.entities if e.name == name)


def _panel_index(window, name: str):
    proxy = window.entity_panel.proxy
    for group in range(proxy.rowCount()):
        parent = proxy.index(group, 0)
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            if index.data() == name:
                return index
    raise AssertionError(f"{name} not in the entity panel")


def _click_index(qtbot, view, index) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _selection(tab) -> tuple[int, int] | None:
    return tab.view.selected_range()


def test_opens_sample_text_first_then_highlights(qtbot, main_window, sample_path: Path) -> None:
    gate = threading.Event()
    analyser = FakeAnalyser(delay=gate)
    window = main_window(analyser=analyser)
    with qtbot.waitSignal(window.article_shown) as shown:
        window.open_file(sample_path)
    tab = shown.args[0]
    # The text is on screen while the analyser is still blocked.
    plain = tab.view.toPlainText()
    assert plain.startswith("Macron: Russia's permission")
    assert "Kyiv" in plain and "date 2025-03-17" not in plain
    assert "Monday, 17 March 2025" in plain
    assert tab.annotations is None and window.status.progress.isVisible()
    with qtbot.waitSignal(window.analysis_finished):
        gate.set()
    assert analyser.threads == ["reader-analysis_0"]
    assert window.current_annotations() is tab.annotations
    assert not window.status.progress.isVisible()
    assert tab.view.highlighter is not None and tab.view.highlighter.spans
    assert window.entity_panel.proxy.rowCount() == 3  # people, countries, organizations
    assert window.windowTitle().startswith("Macron: Russia's permission")


def test_highlight_formats_sit_on_the_mentions(qtbot, main_window, sample_path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, sample_path)
    highlighter = tab.view.highlighter
    qtbot.waitUntil(lambda: highlighter.pending == 0)  # off-screen blocks follow in chunks
    ukraine = _entity(tab, "Ukraine").mentions[-1]
    start = tab.view.offsets.to_qt(ukraine.start)
    block = tab.view.document().findBlock(start)
    ranges = [(r.start + block.position(), r.length) for r in block.layout().formats()]
    assert (start, len("Ukraine")) in ranges
    moscow = _entity(tab, "Moscow").mentions[0]  # a place: off by default
    m_start = tab.view.offsets.to_qt(moscow.start)
    m_block = tab.view.document().findBlock(m_start)
    assert all(r.start + m_block.position() != m_start for r in m_block.layout().formats())
    window.action_by_id["view.layer_place"].trigger()
    qtbot.waitUntil(lambda: highlighter.pending == 0)
    assert any(r.start + m_block.position() == m_start for r in m_block.layout().formats())
    assert window.settings.layers["place"] is True
    assert window.entity_panel.proxy.rowCount() == 4


def test_click_entity_in_panel_then_next_moves_selection(qtbot, main_window, sample_path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, sample_path)
    macron = _entity(tab, "Emmanuel Macron")
    _click_index(qtbot, window.entity_panel.tree, _panel_index(window, "Emmanuel Macron"))
    first = macron.mentions[0]
    assert tab.selected == macron.id
    assert _selection(tab) == (first.start, first.end)
    assert tab.navigation.isVisible()
    assert tab.navigation.count.text() == f"1 of {len(macron.mentions)}"
    paragraphs = {
        tab.view.document().findBlock(tab.view.offsets.to_qt(m.start)).blockNumber()
        for m in macron.mentions
    }
    assert len(tab.view.scroll_bar.marks) == len(paragraphs) > 1
    qtbot.keyClick(tab.view, Qt.Key.Key_F8)
    second = macron.mentions[1]
    assert _selection(tab) == (second.start, second.end)
    assert tab.navigation.count.text() == f"2 of {len(macron.mentions)}"
    qtbot.keyClick(tab.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    last = macron.mentions[-1]
    assert _selection(tab) == (last.start, last.end)  # wraps around
    qtbot.mouseClick(tab.navigation.next_button, Qt.MouseButton.LeftButton)
    assert _selection(tab) == (first.start, first.end)
    qtbot.keyClick(tab.view, Qt.Key.Key_Escape)
    assert tab.selected is None and not tab.navigation.isVisible()
    assert not tab.view.scroll_bar.marks


def test_click_highlight_in_text_selects_entity(qtbot, main_window, sample_path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, sample_path)
    russia = _entity(tab, "Russia")
    mention = russia.mentions[0]
    cursor = QTextCursor(tab.view.document())
    cursor.setPosition(tab.view.offsets.to_qt(mention.start) + 2)
    point = tab.view.cursorRect(cursor).center()
    assert tab.view.tooltip_text(russia.id).startswith("<b>Russia</b><br>Country")
    assert tab.view.span_at_point(point).entity_id == russia.id
    with qtbot.waitSignal(tab.entity_selected):
        qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert tab.selected == russia.id
    current = window.entity_panel.tree.currentIndex()
    assert current.data(ENTITY_ID_ROLE) == russia.id
    # A click on plain text does not change the selection.
    cursor.setPosition(0)
    qtbot.mouseClick(
        tab.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tab.view.cursorRect(cursor).center() + QPoint(2, 0),
    )
    assert tab.selected == russia.id


def test_click_quote_jumps_and_speaker_selects_person(qtbot, main_window, sample_path) -> None:
    window = main_window()
    window.resize(1000, 500)  # short viewport: the last quote is off screen
    tab = open_and_wait(qtbot, window, sample_path)
    panel = window.quotes_panel
    last_row = panel.quote_proxy.rowCount() - 1
    quote = tab.annotations.quotes[-1]
    assert tab.view.verticalScrollBar().value() == 0
    _click_index(qtbot, panel.quote_table, panel.quote_proxy.index(last_row, 0))
    assert _selection(tab) == (quote.start, quote.end)
    assert tab.view.verticalScrollBar().value() > 0
    rect = tab.view.cursorRect()
    assert 0 <= rect.top() < tab.view.viewport().height()
    _click_index(qtbot, panel.quote_table, panel.quote_proxy.index(last_row, 1))
    assert tab.selected == quote.speaker_id
    assert tab.entity().name == "Emmanuel Macron"


def test_click_date_jumps(qtbot, main_window, sample_path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, sample_path)
    panel = window.quotes_panel
    panel.setCurrentIndex(1)
    date = tab.annotations.dates[0]
    _click_index(qtbot, panel.date_table, panel.date_model.index(0, 0))
    assert _selection(tab) == (date.start, date.end)


def test_find_bar_counts_and_walks_matches(qtbot, main_window, sample_path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, sample_path)
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "ceasefire")
    expected = tab.view.toPlainText().lower().count("ceasefire")
    assert bar.count.text() == f"1 of {expected}"
    first = tab.view.textCursor().selectionStart()
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.count.text() == f"2 of {expected}"
    assert tab.view.textCursor().selectionStart() > first
    assert tab.view.textCursor().selectedText().lower() == "ceasefire"
    assert len(tab.view.extraSelections()) == expected
    assert tab.view.scroll_bar.find_marks  # matches are marked along the scroll bar
    bar.field.setText("zzzz-not-there")
    assert bar.count.text() == "No matches"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and tab.view.extraSelections() == []
    assert tab.view.scroll_bar.find_marks == []


def test_zoom_changes_font_and_is_remembered(qtbot, main_window, sample_path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, sample_path)
    macron = _entity(tab, "Emmanuel Macron")
    window.select_entity(macron.id)
    tab.next_mention()
    size = tab.view.document().defaultFont().pointSizeF()
    window.action_by_id["view.zoom_in"].trigger()
    assert tab.view.document().defaultFont().pointSizeF() > size
    # The new layout keeps the selection: emphasis, "2 of N" and the selected mention.
    assert tab.view.highlighter.selected == macron.id
    assert _selection(tab) == (macron.mentions[1].start, macron.mentions[1].end)
    assert window.settings.zoom == 110
    window.action_by_id["view.zoom_reset"].trigger()
    assert tab.view.document().defaultFont().pointSizeF() == size
    window.commands.zoom_out()
    window.close()
    assert load_settings().zoom == 90


def test_theme_switch_recolours_page(qtbot, main_window, sample_path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, sample_path)
    window.action_by_id["view.theme_dark"].trigger()
    assert window.theme.dark and window.settings.theme == "dark"
    assert "#1c1d20" in tab.view.styleSheet()
    assert tab.view.highlighter.spans  # highlights survive the re-layout
    window.action_by_id["view.theme_light"].trigger()
    assert "#fbfaf7" in tab.view.styleSheet()


def test_tabs_keep_their_own_annotations(qtbot, main_window, sample_path, tmp_path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("NATO met in Brussels.\nUkraine spoke. 🇺🇦 Russia listened.\n")
    window = main_window()
    first = open_and_wait(qtbot, window, sample_path)
    second = open_and_wait(qtbot, window, other)
    assert window.tabs.count() == 2 and window.current_tab() is second
    names = {e.name for e in window.current_annotations().entities}
    assert names == {"NATO", "Ukraine", "Russia"}
    # With an emoji before it, "Russia" must still be highlighted exactly.
    russia = _entity(second, "Russia").mentions[0]
    qt_start, qt_end = second.view.offsets.to_qt_range(russia.start, russia.end)
    second.view.select_positions(qt_start, qt_end)
    assert second.view.textCursor().selectedText() == "Russia"
    with qtbot.waitSignal(window.annotations_changed):
        window.action_by_id["go.previous_tab"].trigger()
    assert window.current_tab() is first
    assert window.current_annotations() is first.annotations
    window.open_file(other)  # already open: brought to the front, not opened twice
    assert window.tabs.count() == 2 and window.current_tab() is second
    window.action_by_id["file.close_tab"].trigger()
    assert window.tabs.count() == 1 and window.tab_list == [first]


def test_article_view_has_keyboard_focus_on_open_and_tab_switch(
    qtbot, main_window, sample_path, tmp_path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("NATO met in Brussels.\n")
    window = main_window()
    first = open_and_wait(qtbot, window, sample_path)
    assert window.focusWidget() is first.view  # PageDown scrolls the article without a click
    second = open_and_wait(qtbot, window, other)
    assert window.focusWidget() is second.view
    window.entity_panel.setFocus()
    window.action_by_id["go.previous_tab"].trigger()
    assert window.current_tab() is first and window.focusWidget() is first.view


def test_entity_panel_starts_wide_enough_for_its_names(qtbot, main_window, tmp_path) -> None:
    from reader.ui.side_panels import ENTITY_DOCK_LIMIT

    article = tmp_path / "agency.txt"
    article.write_text("Agence France-Presse and the International Atomic Energy Agency met.\n")

    class LongNames:
        def analyse(self, article: Article, progress=None) -> Annotations:  # type: ignore[no-untyped-def]
            names = ("Agence France-Presse", "International Atomic Energy Agency")
            entities = [
                Entity(f"e{n}", "organization", name, [Mention(s, s + len(name), name)])
                for n, name in enumerate(names)
                for s in [article.text.index(name)]
            ]
            return Annotations(article, entities=entities)

    window = main_window(analyser=LongNames())
    window.resize(1320, 860)
    open_and_wait(qtbot, window, article)
    wanted = window.entity_panel.content_width()
    assert wanted > 270  # the default width would cut these names
    qtbot.waitUntil(lambda: window.entity_dock.width() >= min(wanted, ENTITY_DOCK_LIMIT) - 2)
    assert window.entity_dock.width() <= ENTITY_DOCK_LIMIT + 2


def test_drop_opens_files(qtbot, main_window, sample_path) -> None:
    window = main_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_path))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.analysis_finished):
        window.dropEvent(drop)
    assert window.tabs.count() == 1
    assert window.settings.recent_files == [str(sample_path.resolve())]


def _deliver_drop(target, paths) -> QDropEvent:
    """Drag enter, move and drop through Qt's event delivery, as a file manager's drag arrives."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    point = QPoint(target.width() // 2, target.height() // 2)
    button, modifier = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    args = (Qt.DropAction.CopyAction, mime, button, modifier)
    enter = QDragEnterEvent(point, *args)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, *args)
    QApplication.sendEvent(target, move)
    drop = QDropEvent(point, *args)
    QApplication.sendEvent(target, drop)
    return drop


@pytest.mark.parametrize("count", [1, 3])
def test_files_dropped_on_the_article_open_in_tabs(
    qtbot, main_window, sample_path, tmp_path, count
) -> None:
    window = main_window()
    first = open_and_wait(qtbot, window, sample_path)
    paths = []
    for number in range(count):
        path = tmp_path / f"dropped{number}.txt"
        path.write_text(f"Quokka day {number}: NATO met in Brussels.\n")
        paths.append(path)
    drop = _deliver_drop(first.view.viewport(), paths)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: window.tabs.count() == 1 + count, timeout=10_000)
    assert [tab.path for tab in window.tab_list[1:]] == [path.resolve() for path in paths]
    assert "Quokka" not in first.view.toPlainText()  # nothing pasted into the article


def test_recent_menu_lists_opened_files(qtbot, main_window, sample_path) -> None:
    window = main_window()
    open_and_wait(qtbot, window, sample_path)
    menu = window.menus["file/recent"]
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    assert any(sample_path.name in t for t in texts)
    window.commands.close_current_tab()
    entry = next(a for a in menu.actions() if sample_path.name in a.text())
    with qtbot.waitSignal(window.analysis_finished):
        entry.trigger()
    assert window.tabs.count() == 1


def test_load_error_shows_dialog_with_message(qtbot, main_window, tmp_path) -> None:
    window = main_window()
    window.open_file(tmp_path / "missing.txt")

    def dialog() -> QMessageBox:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        assert boxes
        return boxes[0]

    qtbot.waitUntil(lambda: dialog() is not None)
    box = dialog()
    assert "does not exist" in box.text()
    assert window.tabs.count() == 0
    box.close()


class MissingModel:
    def analyse(self, article: Article, progress=None) -> Annotations:
        raise ModelUnavailableError("The English language model is not installed.")


def test_missing_model_shows_banner_and_text(qtbot, main_window, sample_path) -> None:
    window = main_window(analyser=MissingModel())
    with qtbot.waitSignal(window.analysis_failed) as failed:
        window.open_file(sample_path)
    tab = failed.args[0]
    assert tab.banner.isVisible()
    assert "not installed" in tab.banner.label.text()
    assert "not installed" in window.status.label.text()
    assert "Ukraine" in tab.view.toPlainText()
    assert tab.annotations is None


def test_actions_registry_builds_menus_and_shortcuts(qtbot, main_window) -> None:
    from reader.ui.actions import ACTIONS, ActionSpec

    window = main_window()
    assert set(window.action_by_id) == {spec.id for spec in ACTIONS}
    assert window.action_by_id["go.next_mention"].shortcut().toString() == "F8"
    assert window.action_by_id["edit.find"].shortcut().toString() == "Ctrl+F"
    calls: list[str] = []
    window.export_sample = lambda: calls.append("export")  # type: ignore[attr-defined]
    action = window.add_action(ActionSpec("file.export", "&Export…", "file", "export_sample"))
    action.trigger()
    assert calls == ["export"]
    assert action in window.menus["file"].actions()


def test_window_state_survives_restart(qtbot, main_window) -> None:
    window = main_window()
    window.resize(700, 500)  # the offscreen screen is 800x600
    window.entity_dock.hide()
    width = window.width()
    window.close()
    settings = load_settings()
    assert settings.window_geometry and settings.window_state
    again = main_window(settings=settings)
    assert not again.entity_dock.isVisible()
    assert again.width() == width < 800
    assert isinstance(settings, Settings)


def test_set_annotations_replaces_highlights(qtbot, main_window, sample_path) -> None:
    window = main_window()
    tab = open_and_wait(qtbot, window, sample_path)
    annotations = window.current_annotations()
    kept = [e for e in annotations.entities if e.name == "Ukraine"]
    edited = Annotations(annotations.article, entities=kept)
    with qtbot.waitSignal(window.annotations_changed) as changed:
        window.set_annotations(edited)
    assert changed.args == [edited]
    assert {s.entity_id for s in tab.view.highlighter.spans} == {kept[0].id}
    assert window.entity_panel.proxy.rowCount() == 1


def test_hover_shows_type_and_name(qtbot, main_window, sample_path) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    window = main_window()
    tab = open_and_wait(qtbot, window, sample_path)
    nato = _entity(tab, "NATO")
    cursor = QTextCursor(tab.view.document())
    cursor.setPosition(tab.view.offsets.to_qt(nato.mentions[0].start) + 1)
    tab.view.select_positions(cursor.position(), cursor.position())
    point = tab.view.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, tab.view.viewport().mapToGlobal(point))
    QApplication.sendEvent(tab.view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "NATO" in QToolTip.text() and "Organization" in QToolTip.text()
    QToolTip.hideText()


def test_welcome_page_when_no_article_is_open(qtbot, main_window, sample_path) -> None:
    window = main_window()
    window.tabs.currentChanged.emit(-1)
    assert window.stack.currentWidget() is window.welcome
    open_and_wait(qtbot, window, sample_path)
    assert window.stack.currentWidget() is window.tabs
    window.commands.close_current_tab()
    assert window.stack.currentWidget() is window.welcome


def test_saved_annotations_are_shown_without_analysis(
    qtbot, main_window, sample_path, monkeypatch
) -> None:
    from reader.core.loaders import load_article
    from reader.ui import article_loading as window_module

    saved = FakeAnalyser().analyse(load_article(sample_path))
    saved.entities = saved.entities[:1]
    monkeypatch.setattr(window_module, "load_document", lambda _path: saved)
    analyser = FakeAnalyser()
    window = main_window(analyser=analyser)
    tab = open_and_wait(qtbot, window, sample_path)
    assert analyser.calls == 0
    assert tab.annotations is saved
    assert {s.entity_id for s in tab.view.highlighter.spans} == {saved.entities[0].id}


def test_shortcuts_dialog_lists_the_registry(qtbot, main_window) -> None:
    window = main_window()
    window.action_by_id["help.shortcuts"].trigger()
    box = window.findChild(QMessageBox, "shortcutsDialog")
    assert box is not None and box.isVisible()
    assert "Next Mention" in box.text() and "F8" in box.text()
    assert "Find" in box.text() and "Ctrl+F" in box.text()
    box.close()
    rows = dict(registry.shortcut_rows(list(window.action_by_id)))
    assert rows["Edit ▸ Undo"][0] == "Ctrl+Z" and "F14" not in rows["Edit ▸ Undo"]
    assert rows["Edit ▸ Copy"] == ["Ctrl+C"]  # not Ctrl+Ins or the Sun Copy key (F16)
    assert rows["Edit ▸ Find Next"] == ["F3", "Ctrl+G"]  # both typed by people
    assert rows["File ▸ Print"] == ["Ctrl+P"]  # menu paths, no bare "PDF"
    assert all(" ▸ " in path for path in rows)
    window.action_by_id["edit.undo"].setText("&Undo Remove Details")  # a dynamic label
    assert "Edit ▸ Undo" in dict(registry.shortcut_rows(list(window.action_by_id)))


def test_no_two_actions_share_a_shortcut(qtbot, main_window) -> None:
    window = main_window()
    owner: dict[str, str] = {}
    for action_id, action in window.action_by_id.items():
        for key in action.shortcuts():
            text = key.toString()
            assert text not in owner, f"{text} is bound to {owner[text]} and {action_id}"
            owner[text] = action_id


class SteppedAnalyser(FakeAnalyser):
    """Reports each of ``steps`` as progress and waits for the test before the next one."""

    def __init__(self, steps: list[float]) -> None:
        super().__init__()
        self.steps = steps
        self.go = threading.Semaphore(0)

    def analyse(self, article: Article, progress=None) -> Annotations:
        for fraction in self.steps:
            self.go.acquire(timeout=10)
            if progress:
                progress(fraction)
        self.go.acquire(timeout=10)
        return super().analyse(article)


def test_status_shows_the_analysis_phase_and_percentage(qtbot, main_window, sample_path) -> None:
    """Issue 16 item 8: the model's load only until it answers, then a figure and the phase."""
    analyser = SteppedAnalyser([0.42, 0.96])
    window = main_window(analyser=analyser)
    tab = window.open_file(sample_path)
    label, bar = window.status.label, window.status.progress
    name = sample_path.name
    qtbot.waitUntil(lambda: tab.analysing, timeout=10_000)
    assert label.text() == (
        f"Finding entities in {name}: loading the language model (the first time only)…"
    )
    analyser.go.release()
    qtbot.waitUntil(lambda: label.text() == f"Finding entities in {name}: 42%", timeout=10_000)
    assert (bar.minimum(), bar.maximum(), bar.value()) == (0, 100, 42) and not bar.isHidden()
    analyser.go.release()
    qtbot.waitUntil(
        lambda: label.text() == f"Linking names, quotes and dates in {name}: 96%", timeout=10_000
    )
    analyser.go.release()
    qtbot.waitUntil(lambda: not tab.analysing, timeout=10_000)
    assert label.text().endswith("dates") and bar.isHidden()
    window.analyse(tab)  # once the model answered, no word of loading it
    qtbot.waitUntil(lambda: tab.analysing, timeout=10_000)
    assert label.text() == f"Finding entities in {name}…"
    for _ in range(3):
        analyser.go.release()
    qtbot.waitUntil(lambda: not tab.analysing, timeout=10_000)


class HeadlineAnalyser(FakeAnalyser):
    """FakeAnalyser that also finds its names in the headline, literally (the real rule is
    tested in tests/core/analysis/test_headline.py)."""

    def analyse(self, article: Article, progress=None) -> Annotations:
        annotations = super().analyse(article, progress)
        title = article.title or ""
        forms = {name: found for _kind, name, found in FAKE_ENTITIES}
        for entity in annotations.entities:
            entity.title_mentions = find_mentions(title, forms[entity.name], set())
        return annotations


def test_headline_names_are_highlighted_counted_and_clickable(
    qtbot, main_window, sample_path
) -> None:
    """Issue 16 item 3: names in the title are highlighted like the body's, and counted."""
    window = main_window(analyser=HeadlineAnalyser())
    tab = open_and_wait(qtbot, window, sample_path)
    macron = _entity(tab, "Emmanuel Macron")
    assert [m.text for m in macron.title_mentions] == ["Macron"]
    title_block = tab.view.document().firstBlock()
    assert title_block.text() == tab.article.title
    qtbot.waitUntil(lambda: tab.view.highlighter.pending == 0)
    ranges = [(r.start, r.length) for r in title_block.layout().formats()]
    for entity in tab.annotations.entities:
        for m in entity.title_mentions:  # the title is plain ASCII: offsets are positions
            assert (m.start, m.end - m.start) in ranges
    assert tab.view.highlighter.span_at(1).entity_id == macron.id
    index = _panel_index(window, "Emmanuel Macron")
    count = index.siblingAtColumn(1).data()
    assert count == len(macron.mentions) + 1 == macron.mention_count
    assert window.status.label.text().startswith(
        f"{len(tab.annotations.entities)} entities, "
        f"{sum(e.mention_count for e in tab.annotations.entities)} mentions"
    )
