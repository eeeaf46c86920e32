"""The commands behind the menus and shortcuts; ``reader/ui/actions.py`` names them as handlers.

A controller the window owns (``window.commands``), so the window module keeps to layout and data
flow; every method here is a small verb that acts on the current tab, the settings or the panels.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__
from reader.core.settings import ZOOM_STEP
from reader.ui import actions as registry
from reader.ui.errors import show_message
from reader.ui.file_choosers import ask_open_paths, fill_recent_menu

if TYPE_CHECKING:
    from reader.ui.window_api import ReaderWindow

APP_TITLE = "Entity Reader"


class WindowCommands:
    """Action handlers of the main window (see ``actions.ACTIONS``); owned by the window."""

    def __init__(self, window: ReaderWindow) -> None:
        self._window = window

    def open_dialog(self) -> None:
        paths = ask_open_paths(self._window.dialog_parent(), self._window.settings.last_open_dir)
        if paths:
            self._window.settings.last_open_dir = str(Path(paths[0]).parent)
            self._window.open_files(paths)

    def fill_recent(self) -> None:
        """Fill File ▸ Open Recent as it opens."""
        fill_recent_menu(
            self._window.menus["file/recent"], self._window.settings, self._window.open_file
        )

    def close_current_tab(self) -> None:
        self._window.close_tab(self._window.current_tab())

    def copy_selection(self) -> None:
        tab = self._window.current_tab()
        if tab is not None:
            tab.view.copy()

    def select_all(self) -> None:
        tab = self._window.current_tab()
        if tab is not None:
            tab.view.selectAll()

    def show_find_bar(self) -> None:
        self._window.find_bar.open_bar()

    def find_next(self) -> None:
        self._window.find_bar.find_next()

    def find_previous(self) -> None:
        self._window.find_bar.find_previous()

    def zoom_in(self) -> None:
        self._set_zoom(self._window.settings.zoom + ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._window.settings.zoom - ZOOM_STEP)

    def zoom_reset(self) -> None:
        self._set_zoom(100)

    def _set_zoom(self, percent: int) -> None:
        zoom = self._window.settings.set_zoom(percent)
        for tab in self._window.tab_list:
            tab.set_zoom(zoom)
        if self._window.find_bar.isVisible():  # the new layout dropped the match marks
            self._window.find_bar.search(self._window.find_bar.field.text())
        self._window.status.show_message(f"Zoom {zoom}%", 2000)

    def set_theme(self, choice: str, _checked: bool = True) -> None:
        self._window.settings.theme = choice
        self._window.theme.set_choice(choice)

    def toggle_layer(self, kind: str, on: bool) -> None:
        self._window.settings.layers[kind] = on
        visible = self._window.visible_types()
        for tab in self._window.tab_list:
            tab.view.set_visible_types(visible)
        self._window.entity_panel.set_visible(visible)
        for tab in self._window.tab_list:  # a selected entity whose type is now hidden: let it go
            entity = tab.entity()
            if entity is not None and entity.type not in visible:
                tab.clear_entity()
        current = self._window.current_tab()
        self._window.entity_panel.select_entity(current.selected if current else None)

    def toggle_entity_panel(self, on: bool) -> None:
        self._window.entity_dock.setVisible(on)

    def toggle_quotes_panel(self, on: bool) -> None:
        self._window.quotes_dock.setVisible(on)

    def next_mention(self) -> None:
        tab = self._window.current_tab()
        if tab is not None:
            tab.next_mention()

    def previous_mention(self) -> None:
        tab = self._window.current_tab()
        if tab is not None:
            tab.previous_mention()

    def clear_entity(self) -> None:
        tab = self._window.current_tab()
        if tab is not None:
            tab.clear_entity()

    def next_tab(self) -> None:
        if self._window.tabs.count():
            self._window.tabs.setCurrentIndex(
                (self._window.tabs.currentIndex() + 1) % self._window.tabs.count()
            )

    def previous_tab(self) -> None:
        if self._window.tabs.count():
            self._window.tabs.setCurrentIndex(
                (self._window.tabs.currentIndex() - 1) % self._window.tabs.count()
            )

    def show_about(self) -> None:
        show_message(
            self._window.dialog_parent(),
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
            for path, keys in registry.shortcut_rows(list(self._window.action_by_id))
        ]
        box = show_message(
            self._window.dialog_parent(),
            "Keyboard Shortcuts",
            "<table>" + "".join(rows) + "</table>",
            information=True,
        )
        box.setObjectName("shortcutsDialog")
