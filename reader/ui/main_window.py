"""The main window: tabs of articles, the entity and quotes/dates panels, menus from the registry.

Opening a file loads it on the I/O worker, shows the text at once, then analyses it on the
analysis worker; highlights and panels follow when the result comes back. Other parts of the
app read ``current_annotations()``, listen to ``annotations_changed`` and push edits back with
``set_annotations``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QSessionManager,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.analysis import Analyser
from reader.core.colors import type_colors
from reader.core.model import ENTITY_TYPES, Annotations
from reader.core.settings import Settings, save_settings
from reader.ui import actions as registry
from reader.ui import unsaved
from reader.ui.article_loading import ArticleLoader, progress_text
from reader.ui.article_tab import ArticleTab
from reader.ui.commands import APP_TITLE, WindowCommands
from reader.ui.corrections_ui import CorrectionController
from reader.ui.export_actions import ExportController
from reader.ui.file_choosers import dropped_paths
from reader.ui.find_bar import FindBar
from reader.ui.legend import Legend
from reader.ui.library_controller import LibraryController
from reader.ui.side_panels import SidePanels
from reader.ui.spans import Prepared
from reader.ui.status import StatusArea
from reader.ui.tasks import TaskManager
from reader.ui.theme import ThemeManager, page_colors

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The reader's window: layout and data flow; the commands live in controllers it owns.

    ``loader`` opens and analyses articles, ``commands`` handles the menus' plain verbs,
    ``corrections`` the corrections, undo and journals, ``exports`` saving, export and print,
    ``library`` the library, ``panels`` the docks beside the article (whose panels and docks
    are also ``entity_panel``, ``quotes_panel``, ``entity_dock``, ``quotes_dock``).
    They see the window through ``reader.ui.window_api.ReaderWindow``.

    Args:
        settings: preferences (saved on close).
        analyser: turns an Article into Annotations on the analysis worker.
        tasks: the app's TaskManager (one is created and owned when None).
        theme: the app's ThemeManager (one is created when None).

    Signals:
        article_shown(object): an ArticleTab now shows its text.
        partial_shown(object): an ArticleTab shows provisional highlights (analysis goes on).
        analysis_finished(object): an ArticleTab received annotations from the analyser.
        analysis_failed(object, str): an ArticleTab's analysis failed, with the message.
        annotations_changed(object): the current tab's Annotations (or None) changed.
    """

    article_shown = Signal(object)
    partial_shown = Signal(object)
    analysis_finished = Signal(object)
    analysis_failed = Signal(object, str)
    annotations_changed = Signal(object)

    def __init__(
        self,
        settings: Settings,
        analyser: Analyser,
        tasks: TaskManager | None = None,
        theme: ThemeManager | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.analyser = analyser
        self._owns_tasks = tasks is None
        self.tasks = tasks or TaskManager(self)
        self.theme = theme or ThemeManager(settings.theme, self)
        self.tab_list: list[ArticleTab] = []
        self.model_ready = False
        """The analysis has answered once (the status stops mentioning the model's load)."""
        self.loader = ArticleLoader(self)
        self.commands = WindowCommands(self)
        self.corrections = CorrectionController(self)
        self.exports = ExportController(self)
        self.exports.copy_saved.connect(self.corrections.copy_saved)
        self.library = LibraryController(self)
        self.exports.copy_written.connect(self.library.copy_written)
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self._build_central()
        self._build_panels()
        self.action_by_id, self.menus = registry.install_actions(self)
        self.legend = Legend(self, [self.action_by_id[f"view.layer_{k}"] for k in ENTITY_TYPES])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.legend)
        self.status = StatusArea(self.statusBar())
        self.menus["file/recent"].aboutToShow.connect(self.commands.fill_recent)
        self._sync_actions()
        self._apply_colors()
        self.theme.changed.connect(lambda _dark: self._apply_colors())
        self._restore_geometry()
        self.corrections.sync_undo_actions()

    # -- construction --------------------------------------------------------------------------
    def _build_central(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("articleTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(lambda i: self.close_tab(self.tabs.widget(i)))
        self.tabs.currentChanged.connect(lambda _index: self.refresh_current())
        self.find_bar = FindBar(self)
        self.welcome = QLabel(
            "<p style='font-size:15pt'>No article open</p>"
            "<p>Open one with <b>File ▸ Open…</b> (Ctrl+O), from <b>Open Recent</b>,<br>"
            "or drop a file here: .txt, .md, .html, .pdf, .docx.</p>",
            self,
        )
        self.welcome.setObjectName("welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setEnabled(False)
        self.welcome.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

    def _build_panels(self) -> None:
        self.panels = SidePanels(self, self.settings, type_colors(self.theme.dark))
        self.panels.entity_activated.connect(self.select_entity)
        self.panels.range_activated.connect(self.jump_to_range)
        self.entity_panel, self.quotes_panel = self.panels.entity_panel, self.panels.quotes_panel
        self.entity_dock, self.quotes_dock = self.panels.entity_dock, self.panels.quotes_dock
        self.library_dock = self.library.build_panel(self.entity_dock)
        self.panels.place_behind_entities(self.library_dock)

    def _sync_actions(self) -> None:
        """Check marks follow the settings and the docks."""
        for kind, on in self.settings.layers.items():
            action = self.action_by_id.get(f"view.layer_{kind}")
            if action is not None:
                action.setChecked(on)
        theme_action = self.action_by_id.get(f"view.theme_{self.settings.theme}")
        if theme_action is not None:
            theme_action.setChecked(True)
        actions = self.action_by_id
        self.panels.sync_actions(actions["view.entities_panel"], actions["view.quotes_panel"])

    def add_action(self, spec: registry.ActionSpec) -> QAction:
        """Add one more registered command to this window (menu and shortcut)."""
        action = registry.create_action(self, spec, {})
        self.action_by_id[spec.id] = action
        if spec.menu:
            registry.menu_for(self.menus, spec.menu).addAction(action)
        return action

    def dialog_parent(self) -> QWidget:
        """Dialogs of the controllers are centred on the window."""
        return self

    # -- the current article ---------------------------------------------------------------------
    def open_files(self, paths: Sequence[str | Path]) -> None:
        """Open each file in a tab (an already open file just comes to the front); a folder
        is added to the library instead."""
        folders = [Path(p) for p in paths if Path(p).is_dir()]
        if folders:
            self.library.index_folders(folders)
        self.loader.open_files([p for p in paths if not Path(p).is_dir()])

    def open_file(self, path: str | Path) -> ArticleTab:
        """Load ``path`` in the background; its tab appears at once."""
        return self.loader.open_file(path)

    def analyse(self, tab: ArticleTab) -> None:
        """Analyse (again) the article of ``tab``; see ``ArticleLoader.analyse``."""
        self.loader.analyse(tab)

    def current_tab(self) -> ArticleTab | None:
        """The tab in front."""
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ArticleTab) else None

    def current_annotations(self) -> Annotations | None:
        """Final annotations of the article in front (None while it is being analysed)."""
        tab = self.current_tab()
        return tab.annotations if tab and not tab.analysing else None

    def set_annotations(
        self,
        annotations: Annotations,
        tab: ArticleTab | None = None,
        prepared: Prepared | None = None,
    ) -> None:
        """Show new annotations for ``tab`` (default: the current one) everywhere."""
        tab = tab or self.current_tab()
        if tab is None:
            return
        self.show_annotations(tab, annotations, prepared)
        if tab is self.current_tab():
            self.annotations_changed.emit(annotations)

    def show_annotations(
        self, tab: ArticleTab, annotations: Annotations, prepared: Prepared | None = None
    ) -> None:
        """Show ``annotations`` in ``tab``, and in the panels when it is in front."""
        tab.set_annotations(annotations, self.visible_types(), prepared)
        if tab is self.current_tab():
            self.panels.show(annotations, self.visible_types(), tab.selected, tab.analysing)
            if not tab.analysing:
                self.panels.fit_entity_dock_once()

    def visible_types(self) -> set[str]:
        """Entity types highlighted now."""
        return {kind for kind, on in self.settings.layers.items() if on}

    def refresh_current(self) -> None:
        """The tab in front changed, or its text arrived: the panels, bar and title follow it."""
        tab = self.current_tab()
        self.stack.setCurrentWidget(self.tabs if self.tabs.count() else self.welcome)
        if tab is None:
            self.panels.show(None, self.visible_types(), None, analysing=False)
        else:
            self.panels.show(tab.annotations, self.visible_types(), tab.selected, tab.analysing)
        self.find_bar.set_view(tab.view if tab else None)
        self.show_tab_status(tab)
        title = tab.article.title if tab and tab.article and tab.article.title else None
        self.setWindowTitle(f"{title} — {APP_TITLE}" if title else APP_TITLE)
        if tab is not None:  # PageDown, Space and Ctrl+End scroll the article without a click
            tab.view.setFocus()
        self.annotations_changed.emit(self.current_annotations())

    def show_tab_status(self, tab: ArticleTab | None, text: str | None = None) -> None:
        """Remember ``text`` as ``tab``'s status; the bar shows it only for the tab in front."""
        if tab is None:
            self.status.show_done("")
            return
        if text is not None:
            tab.status_text = text
        if tab is not self.current_tab():
            return
        if tab.article is None:
            self.status.show_busy(f"Opening {tab.path.name}…")
        elif tab.analysing:
            self.status.show_busy(progress_text(tab.path.name, tab.progress, self.model_ready))
            if tab.progress is not None:
                self.status.show_progress(tab.progress)
        else:
            self.status.show_done(tab.status_text)

    def entity_selected_in(self, tab: ArticleTab, entity_id: str | None) -> None:
        """An entity was selected (or let go) in ``tab``'s text: the panel follows in front."""
        if tab is self.current_tab():
            self.entity_panel.select_entity(entity_id)

    def select_entity(self, entity_id: str) -> None:
        """Select an entity in the current article and go to its first mention."""
        tab = self.current_tab()
        if tab is not None:
            tab.select_entity(entity_id)
            tab.view.setFocus()

    def jump_to_range(self, start: int, end: int) -> None:
        """Select a Python-offset range of the current article and scroll to it."""
        tab = self.current_tab()
        if tab is not None:
            tab.view.select_range(start, end)

    def close_tab(self, tab: QWidget | None) -> None:
        """Close an article tab (its pending results are dropped)."""
        if not isinstance(tab, ArticleTab) or tab not in self.tab_list:
            return
        if not self.confirm_close([tab]):
            return
        self.tab_list.remove(tab)
        tab.closed = True  # read by its analysis on the worker: stop between chunks
        if self.find_bar.view is tab.view:
            self.find_bar.set_view(None)
        self.tabs.removeTab(self.tabs.indexOf(tab))
        tab.deleteLater()

    # -- window events ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.find_bar.isVisible():
                self.find_bar.close_bar()
            else:
                self.commands.clear_entity()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    def _restore_geometry(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))
        else:
            self.resize(1320, 860)
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode()))

    def _apply_colors(self) -> None:
        dark = self.theme.dark
        types = type_colors(dark)
        page = page_colors(dark)
        for tab in self.tab_list:
            tab.set_colors(page, types)
        if self.find_bar.isVisible():  # the new layout dropped the match marks
            self.find_bar.search(self.find_bar.field.text())
        self.panels.set_colors(types)
        self.legend.set_colors(types)

    def save_state(self) -> None:
        """Remember geometry and layout in the settings and write them."""
        # QByteArray is a buffer; PySide6's stub does not say so (no __buffer__)
        geometry, state = self.saveGeometry().toBase64(), self.saveState().toBase64()
        self.settings.window_geometry = bytes(geometry).decode()  # type: ignore[call-overload]
        self.settings.window_state = bytes(state).decode()  # type: ignore[call-overload]
        self.save_settings()

    def save_settings(self) -> None:
        """Write the settings file (a failure is logged, never raised at the reader)."""
        try:
            save_settings(self.settings)
        except OSError as exc:
            log.warning("Could not save settings: %s", exc)

    def confirm_close(self, tabs: list[ArticleTab]) -> bool:
        """Save / Discard / Cancel when any of ``tabs`` has unsaved corrections."""
        return unsaved.confirm_close(
            self, self.corrections, tabs, self.exports.ask_target, self.exports.save_failed
        )

    def commit_data(self, manager: QSessionManager) -> None:
        """The session is ending (logout): ask as on quit; Cancel cancels the logout."""
        if not self.corrections.unsaved_tabs():
            return
        if not manager.allowsInteraction() or not self.confirm_close(list(self.tab_list)):
            manager.cancel()
        else:
            manager.release()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_close(list(self.tab_list)):
            event.ignore()
            return
        self.corrections.finish_journals()
        self.save_state()
        self.library.close()  # before the shutdown: its writes queued so far still land
        if self._owns_tasks:
            self.tasks.shutdown()
        super().closeEvent(event)
