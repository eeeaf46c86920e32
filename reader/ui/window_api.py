"""What the window's controllers may use of the window: one small Protocol, in a leaf module.

The controllers (article loading, window commands, corrections, export) are owned by
``MainWindow`` and typed against ``ReaderWindow`` instead of importing the window, so no
module of ``reader.ui`` imports ``main_window`` but the app that builds it: the import graph
has no circle, and each controller says exactly what it needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMenu, QTabWidget, QWidget

    from reader.core.analysis import Analyser
    from reader.core.model import Annotations
    from reader.core.settings import Settings
    from reader.ui.article_tab import ArticleTab
    from reader.ui.entity_panel import EntityPanel
    from reader.ui.find_bar import FindBar
    from reader.ui.quotes_panel import QuotesDatesPanel
    from reader.ui.spans import Prepared
    from reader.ui.status import StatusArea
    from reader.ui.tasks import TaskManager
    from reader.ui.theme import ThemeManager


class ReaderWindow(Protocol):
    """The reader's main window as its controllers see it."""

    settings: Settings
    analyser: Analyser
    tasks: TaskManager
    theme: ThemeManager
    tabs: QTabWidget
    tab_list: list[ArticleTab]
    status: StatusArea
    find_bar: FindBar
    entity_panel: EntityPanel
    quotes_panel: QuotesDatesPanel
    entity_dock: QDockWidget
    quotes_dock: QDockWidget
    menus: dict[str, QMenu]
    action_by_id: dict[str, QAction]
    model_ready: bool

    @property
    def article_shown(self) -> SignalInstance: ...
    @property
    def partial_shown(self) -> SignalInstance: ...
    @property
    def analysis_finished(self) -> SignalInstance: ...
    @property
    def analysis_failed(self) -> SignalInstance: ...
    @property
    def annotations_changed(self) -> SignalInstance: ...

    def dialog_parent(self) -> QWidget:
        """The widget dialogs are centred on (the window itself)."""
        ...

    def current_tab(self) -> ArticleTab | None: ...
    def set_annotations(
        self,
        annotations: Annotations,
        tab: ArticleTab | None = None,
        prepared: Prepared | None = None,
    ) -> None: ...
    def show_annotations(
        self, tab: ArticleTab, annotations: Annotations, prepared: Prepared | None = None
    ) -> None: ...
    def show_tab_status(self, tab: ArticleTab | None, text: str | None = None) -> None: ...
    def visible_types(self) -> set[str]: ...
    def open_files(self, paths: Sequence[str | Path]) -> None: ...
    def open_file(self, path: str | Path) -> ArticleTab: ...
    def close_tab(self, tab: QWidget | None) -> None: ...
    def refresh_current(self) -> None:
        """The tab in front changed or its text arrived: the panels, bar and title follow."""
        ...

    def entity_selected_in(self, tab: ArticleTab, entity_id: str | None) -> None: ...

    def save_settings(self) -> None: ...
