"""The commands behind the menus and shortcuts; ``reader/ui/actions.py`` names them as handlers.

A mixin of ``MainWindow`` so the window module keeps to layout and data flow; every method here
is a small verb that acts on the current tab, the settings or the panels.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__
from reader.core.settings import ZOOM_STEP, Settings
from reader.ui import actions as registry
from reader.ui.errors import show_message
from reader.ui.open_files import ask_open_paths, fill_recent_menu

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMenu, QTabWidget

    from reader.ui.article_tab import ArticleTab
    from reader.ui.entity_panel import EntityPanel
    from reader.ui.find_bar import FindBar
    from reader.ui.status import StatusArea
    from reader.ui.theme import ThemeManager

APP_TITLE = "Entity Reader"


class WindowCommands:
    """Action handlers of the main window (see ``actions.ACTIONS``)."""

    settings: Settings
    tabs: QTabWidget
    tab_list: list[ArticleTab]
    menus: dict[str, QMenu]
    action_by_id: dict[str, QAction]
    find_bar: FindBar
    status: StatusArea
    theme: ThemeManager
    entity_panel: EntityPanel
    entity_dock: QDockWidget
    quotes_dock: QDockWidget

    if TYPE_CHECKING:

        def current_tab(self) -> ArticleTab | None: ...
        def open_files(self, paths: list[str | Path]) -> None: ...
        def open_file(self, path: str | Path) -> ArticleTab: ...
        def close_tab(self, tab: object) -> None: ...
        def visible_types(self) -> set[str]: ...

    def open_dialog(self) -> None:
        paths = ask_open_paths(self, self.settings.last_open_dir)
        if paths:
            self.settings.last_open_dir = str(Path(paths[0]).parent)
            self.open_files(paths)

    def _fill_recent(self) -> None:
        fill_recent_menu(self.menus["file/recent"], self.settings, self.open_file)

    def close_current_tab(self) -> None:
        self.close_tab(self.current_tab())

    def copy_selection(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.view.copy()

    def select_all(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.view.selectAll()

    def show_find_bar(self) -> None:
        self.find_bar.open_bar()

    def find_next(self) -> None:
        self.find_bar.find_next()

    def find_previous(self) -> None:
        self.find_bar.find_previous()

    def zoom_in(self) -> None:
        self._set_zoom(self.settings.zoom + ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.settings.zoom - ZOOM_STEP)

    def zoom_reset(self) -> None:
        self._set_zoom(100)

    def _set_zoom(self, percent: int) -> None:
        zoom = self.settings.set_zoom(percent)
        for tab in self.tab_list:
            tab.set_zoom(zoom)
        if self.find_bar.isVisible():  # the new layout dropped the match marks
            self.find_bar.search(self.find_bar.field.text())
        self.status.show_message(f"Zoom {zoom}%", 2000)

    def set_theme(self, choice: str, _checked: bool = True) -> None:
        self.settings.theme = choice
        self.theme.set_choice(choice)

    def toggle_layer(self, kind: str, on: bool) -> None:
        self.settings.layers[kind] = on
        visible = self.visible_types()
        for tab in self.tab_list:
            tab.view.set_visible_types(visible)
        self.entity_panel.set_visible(visible)
        for tab in self.tab_list:  # a selected entity whose type is now hidden: let it go
            entity = tab.entity()
            if entity is not None and entity.type not in visible:
                tab.clear_entity()
        tab = self.current_tab()
        self.entity_panel.select_entity(tab.selected if tab else None)

    def toggle_entity_panel(self, on: bool) -> None:
        self.entity_dock.setVisible(on)

    def toggle_quotes_panel(self, on: bool) -> None:
        self.quotes_dock.setVisible(on)

    def next_mention(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.next_mention()

    def previous_mention(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.previous_mention()

    def clear_entity(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.clear_entity()

    def next_tab(self) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())

    def previous_tab(self) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() - 1) % self.tabs.count())

    def show_about(self) -> None:
        show_message(
            self,
            f"About {APP_TITLE}",
            f"{APP_TITLE} {__version__}\n\nRead news articles with the people, countries and "
            "organizations made visible. Entities are found by spaCy; colours are the "
            "Okabe-Ito palette, safe for colour-blind readers.",
            information=True,
        )

    def show_shortcuts(self) -> None:
        """Every command with a key, read from the registry (so it is never out of date)."""
        rows = [
            f"<tr><td>{html.escape(path)}</td><td>&nbsp;&nbsp;<b>{html.escape(keys[0])}</b>"
            + "".join(f" or {html.escape(key)}" for key in keys[1:])
            + "</td></tr>"
            for path, keys in registry.shortcut_rows(list(self.action_by_id))
        ]
        box = show_message(
            self,
            "Keyboard Shortcuts",
            "<table>" + "".join(rows) + "</table>",
            information=True,
        )
        box.setObjectName("shortcutsDialog")
