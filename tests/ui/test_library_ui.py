"""The library in the app: Add Folder to Library…, the Library panel, articles opened and saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.core.library import search as queries
from reader.core.library.store import Library, Stamp
from reader.core.model import Annotations, Article, Entity, Mention, Quote
from reader.ui import export_actions, library_controller
from reader.ui.library_models import PAGE, ROW_ROLE
from reader.ui.library_panel import ENTITY, TEXT
from tests.ui.conftest import open_and_wait

TALKS = (
    "date 2025-03-17 Macron meets NATO\n"
    'Emmanuel Macron met NATO officials in Kyiv. "We will stand with Ukraine for as long as it '
    'takes," Macron said on Monday.\n'
)
MARKETS = "date 2025-03-10 Markets calm\nRussia and the United States traded barbs; NATO met.\n"
VISIT = "date 2025-03-20 A visit\nMacron flew to Ukraine on Saturday.\n"


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "talks.txt").write_text(TALKS, encoding="utf-8")
    (folder / "markets.txt").write_text(MARKETS, encoding="utf-8")
    (folder / "visit.txt").write_text(VISIT, encoding="utf-8")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    return folder


def _index(qtbot, window, folders: list[Path]):
    with qtbot.waitSignal(window.library.index_finished, timeout=30_000) as blocker:
        window.library.index_folders(folders)
    return blocker.args[0]


def _show_panel(qtbot, window):
    window.library.toggle_panel(True)  # View ▸ Library Panel
    qtbot.waitUntil(lambda: window.library.panel.connected, timeout=5_000)
    return window.library.panel


def _titles(panel) -> list[str]:
    model = panel.articles
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_add_folder_indexes_in_the_background_and_fills_the_panel(
    qtbot, main_window, news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = main_window()
    monkeypatch.setattr(library_controller, "ask_folder", lambda _parent: news)
    titles = [a.text() for a in window.menus["file"].actions() if not a.isSeparator()]
    assert "Add &Folder to Library…" in titles
    with qtbot.waitSignal(window.library.index_finished, timeout=30_000) as blocker:
        window.action_by_id["file.add_folder_to_library"].trigger()
        assert window.library.indexing
    report = blocker.args[0]
    assert len(report.added) == 3 and [Path(p).name for p, _ in report.unreadable] == [
        "broken.json"
    ]
    assert "3 added" in window.status.label.text()
    panel = _show_panel(qtbot, window)
    assert sorted(_titles(panel)) == ["A visit", "Macron meets NATO", "Markets calm"]
    assert "1 files could not be read" in panel.footer.text()
    assert "broken.json" in panel.footer.toolTip()
    again = _index(qtbot, window, [news])
    assert len(again.unchanged) == 3 and not again.added


def test_the_list_sorts_by_any_column_in_sqlite(qtbot, main_window, news: Path) -> None:
    window = main_window()
    _index(qtbot, window, [news])
    panel = _show_panel(qtbot, window)
    panel.article_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _titles(panel) == ["A visit", "Macron meets NATO", "Markets calm"]
    panel.article_view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert _titles(panel) == ["A visit", "Macron meets NATO", "Markets calm"]  # 20, 17, 10 March
    panel.article_view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _titles(panel) == ["Markets calm", "Macron meets NATO", "A visit"]


def test_search_by_words_and_by_name(qtbot, main_window, news: Path) -> None:
    window = main_window()
    _index(qtbot, window, [news])
    panel = _show_panel(qtbot, window)
    panel.search("barbs", TEXT)
    assert _titles(panel) == ["Markets calm"]
    panel.search("Macron", ENTITY)
    assert sorted(_titles(panel)) == ["A visit", "Macron meets NATO"]
    assert "Emmanuel Macron" in panel.heading.text() and "2 articles" in panel.heading.text()
    quotes = panel.quotes
    assert quotes.total == 1
    assert quotes.data(quotes.index(0, 1)) == "Emmanuel Macron"
    related = [panel.related.item(i).text() for i in range(panel.related.count())]
    assert any(text.startswith("NATO") for text in related)
    assert panel.pages.tabText(1) == "Quotes (1)"


def test_typing_searches_after_a_pause(qtbot, main_window, news: Path) -> None:
    window = main_window()
    _index(qtbot, window, [news])
    panel = _show_panel(qtbot, window)
    qtbot.keyClicks(panel.search_box, "Kyiv")
    qtbot.waitUntil(lambda: _titles(panel) == ["Macron meets NATO"], timeout=5_000)


def test_activating_rows_opens_the_article_at_the_quote(qtbot, main_window, news: Path) -> None:
    window = main_window()
    _index(qtbot, window, [news])
    panel = _show_panel(qtbot, window)
    panel.search("Macron", ENTITY)
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        panel.quote_view.activated.emit(panel.quotes.index(0, 2))
    tab = window.current_tab()
    assert tab is not None and tab.path == (news / "talks.txt").resolve()
    row = panel.quotes.data(panel.quotes.index(0, 0), ROW_ROLE)
    qtbot.waitUntil(lambda: tab.view.textCursor().selectedText() == row.text, timeout=5_000)
    panel.search("", TEXT)
    first = next(
        r
        for r in range(panel.articles.rowCount())
        if panel.articles.data(panel.articles.index(r, 0)) == "Markets calm"
    )
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        panel.article_view.activated.emit(panel.articles.index(first, 0))
    assert window.current_tab().path == (news / "markets.txt").resolve()


def test_an_entitys_article_opens_at_its_first_mention(qtbot, main_window, news: Path) -> None:
    window = main_window()
    _index(qtbot, window, [news])
    panel = _show_panel(qtbot, window)
    panel.search("NATO", ENTITY)
    row = next(
        r
        for r in range(panel.articles.rowCount())
        if panel.articles.data(panel.articles.index(r, 0)) == "Markets calm"
    )
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        panel.article_view.activated.emit(panel.articles.index(row, 0))
    tab = window.current_tab()
    # the one "NATO" of the article is selected: it opened at the mention, not at the top
    qtbot.waitUntil(lambda: tab.view.textCursor().selectedText() == "NATO", timeout=5_000)


def test_an_opened_article_and_its_saved_copy_join_the_library(
    qtbot, main_window, news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = main_window()
    with qtbot.waitSignal(window.library.article_added, timeout=20_000):
        tab = open_and_wait(qtbot, window, news / "talks.txt")
    reader = window.library.reader()
    assert [a.title for a in queries.articles(reader.conn)] == ["Macron meets NATO"]
    copy = tmp_path / "talks.annotated.html"
    monkeypatch.setattr(export_actions, "ask_save_path", lambda *_args: copy)
    with qtbot.waitSignal(window.library.article_added, timeout=20_000) as blocker:
        window.action_by_id["file.save_annotated"].trigger()
    assert blocker.args == [str(copy)]
    held = reader.conn.execute("SELECT path, from_copy FROM articles").fetchall()
    assert held == [(str(copy), 1)]  # one article, held by the copy with the user's corrections
    assert tab.is_copy is False


def test_a_folder_given_to_the_window_is_indexed(qtbot, main_window, news: Path) -> None:
    window = main_window()
    with qtbot.waitSignal(window.library.index_finished, timeout=30_000):
        window.open_files([news])
    assert window.tabs.count() == 0
    assert queries.count_articles(window.library.reader().conn) == 3


def test_a_large_library_opens_one_page_and_fetches_more_on_scroll(qtbot, main_window) -> None:
    window = main_window()
    with Library(window.library.path) as library:
        for i in range(PAGE * 2 + 10):
            text = f"Emmanuel Macron spoke, number {i}."
            ann = Annotations(
                Article(text, title=f"Article {i:04}", published=dt.date(2025, 1, 1)),
                entities=[
                    Entity("e1", "person", "Emmanuel Macron", [Mention(0, 15, "Emmanuel Macron")])
                ],
                quotes=[Quote(16, 21, "spoke", "Emmanuel Macron", "e1")],
            )
            library.add_file(
                f"/many/{i}.txt", Stamp(1, i, str(i)), ann, is_copy=False, analyser="x"
            )
    panel = _show_panel(qtbot, window)
    assert panel.articles.total == PAGE * 2 + 10
    assert panel.articles.rowCount() == PAGE
    panel.article_view.scrollToBottom()
    qtbot.waitUntil(lambda: panel.articles.rowCount() > PAGE, timeout=5_000)
    while panel.articles.canFetchMore():
        panel.articles.fetchMore()
    assert panel.articles.rowCount() == PAGE * 2 + 10
    panel.search("Macron", ENTITY)
    assert panel.quotes.total == PAGE * 2 + 10 and panel.quotes.rowCount() == PAGE


def test_the_timeline_shows_publications_and_mentioned_dates_and_opens_them(
    qtbot, main_window, news: Path
) -> None:
    window = main_window()
    _index(qtbot, window, [news])
    panel = _show_panel(qtbot, window)
    panel.search("Macron", ENTITY)
    panel.pages.setCurrentWidget(panel.timeline)
    timeline = panel.timeline
    published = sorted(m.point.value for m in timeline.marks if m.lane == 0)
    mentioned = sorted(m.point.value for m in timeline.marks if m.lane == 1)
    assert published == ["2025-03-17", "2025-03-20"]  # Macron's two articles
    assert mentioned == ["2025-03-15", "2025-03-17"]  # "on Saturday", "on Monday"
    assert timeline.first == dt.date(2025, 3, 15) and timeline.last == dt.date(2025, 3, 21)
    xs = [m.rect.center().x() for m in sorted(timeline.marks, key=lambda m: m.point.value)]
    assert xs == sorted(xs)  # later dates further right
    saturday = next(m for m in timeline.marks if m.point.value == "2025-03-15")
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=saturday.rect.center().toPoint())
    tab = window.current_tab()
    assert tab.path == (news / "visit.txt").resolve()
    qtbot.waitUntil(lambda: tab.view.textCursor().selectedText() == "on Saturday", timeout=5_000)
    panel.search("", TEXT)  # the whole library: all three articles
    assert len([m for m in timeline.marks if m.lane == 0]) == 3


def test_a_wrong_merge_is_split_from_the_panel(qtbot, main_window) -> None:
    window = main_window()
    with Library(window.library.path) as library:
        for i, (title, name) in enumerate(
            [("Talks", "Carissa F. Etienne"), ("Tennis", "Etienne")]  # another Etienne
        ):
            text = f"{name} spoke."
            mention = Mention(0, len(name), name)
            ann = Annotations(
                Article(text, title=title), entities=[Entity("e1", "person", name, [mention])]
            )
            library.add_file(
                f"/news/{i}.txt", Stamp(1, i, str(i)), ann, is_copy=False, analyser="x"
            )
    panel = _show_panel(qtbot, window)
    panel.search("Carissa F. Etienne", ENTITY)
    assert sorted(_titles(panel)) == ["Talks", "Tennis"]
    assert not panel.split_button.isHidden()
    [action] = panel.split_menu.actions()
    assert action.text() == "“Etienne” is not Carissa F. Etienne"
    action.trigger()
    qtbot.waitUntil(lambda: _titles(panel) == ["Talks"], timeout=10_000)
    assert panel.split_button.isHidden()
    panel.search("Etienne", ENTITY)  # the name alone is now its own entity
    assert _titles(panel) == ["Tennis"]
