"""The library in the app: File ▸ Add Folder to Library…, the Library panel, opened articles.

Owned by the window. Every write to the library runs on the analysis worker, one file per
task through ``reader.core.library.indexer.IndexRun``, so an article opened during a long
index run is analysed between two files, and the library has one writer (its own
connection, used on that worker only). The panel reads through a second connection on the
UI thread; WAL lets it read while the worker writes. Every article the window analyses, and
every annotated copy it saves, is added too. On close the writer's connection is closed on its
worker after the writes queued before it, which the task manager lets finish.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, wait
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow

from reader.core.errors import ModelUnavailableError
from reader.core.library.indexer import (
    INDEXED_SUFFIXES,
    IndexReport,
    IndexRun,
    add_annotations,
    index_folders,
)
from reader.core.library.store import Library, default_path
from reader.core.model import Annotations
from reader.ui import actions as registry
from reader.ui.article_tab import ArticleTab
from reader.ui.errors import describe
from reader.ui.library_panel import LibraryPanel
from reader.ui.side_panels import make_dock
from reader.ui.window_api import ReaderWindow

log = logging.getLogger(__name__)
T = TypeVar("T")

REFRESH_MS = 500
"""The panel reads the library again at most this often while it is being written."""
LIBRARY_DOCK_WIDTH = 480
"""Width the Library panel starts at (pixels): a title, its date and its source side by side."""

LIBRARY_ACTIONS = (
    registry.ActionSpec(
        "file.add_folder_to_library",
        "Add &Folder to Library…",
        "file",
        "library.add_folder_dialog",
        section="library",
        tip="Index every article in a folder, in the background",
    ),
    registry.ActionSpec(
        "view.library_panel",
        "&Library Panel",
        "view",
        "library.toggle_panel",
        ("Ctrl+Shift+L",),
        checkable=True,
        section="panels",
    ),
)
for _spec in LIBRARY_ACTIONS:
    registry.register(_spec, before="file.close_tab" if _spec.menu == "file" else "go.next_mention")


def ask_folder(parent: object) -> Path | None:
    """The folder dialog; None when cancelled. (Tests replace this function.)"""
    chosen = QFileDialog.getExistingDirectory(parent, "Add Folder to Library")  # type: ignore[arg-type]
    return Path(chosen) if chosen else None


class LibraryController(QObject):
    """Indexing in the background and the Library panel; see the module docstring.

    Args:
        window: the main window.
        path: the library file (``default_path()`` when None).

    Signals:
        index_finished(object): an index run ended, with its ``IndexReport``.
        article_added(str): an article the window analysed (or a saved copy) is in the library.
    """

    index_finished = Signal(object)
    article_added = Signal(str)

    def __init__(self, window: ReaderWindow, path: Path | None = None) -> None:
        super().__init__(window.dialog_parent())
        self._window = window
        self.path = path or default_path()
        self._reader: Library | None = None
        self._writer: Library | None = None
        self._queue: list[list[Path]] = []
        self._run: IndexRun | None = None
        self._busy = False
        """A run is starting or under way (its folders are no longer in the queue)."""
        self._closed = False
        """``close`` was called: nothing more is written or read."""
        self._writes: list[Future[object]] = []
        """Writes submitted that may not have finished (pruned as more are submitted)."""
        self.panel: LibraryPanel | None = None
        self.dock: QDockWidget | None = None
        self._widen_once = not window.settings.window_state
        """Widen the panel the first time it shows, unless the user's own layout was restored."""
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._refresh_panel)
        window.analysis_finished.connect(self._analysed)

    # -- the panel -------------------------------------------------------------------------------
    def build_panel(self, beside: QDockWidget) -> QDockWidget:
        """The Library dock, tabbed with ``beside`` (the entity panel's)."""
        self.panel = LibraryPanel()
        self.panel.open_requested.connect(self.open_at)
        self.panel.split_requested.connect(self.split)
        dock = make_dock("libraryDock", "Library", self.panel, beside.parentWidget())
        self.dock = dock
        dock.visibilityChanged.connect(self._panel_visible)
        return dock

    def _panel_visible(self, visible: bool) -> None:
        action = self._window.action_by_id.get("view.library_panel")
        if action is not None and self.dock is not None:
            action.setChecked(self.dock.isVisible())
        if visible and self._widen_once:
            QTimer.singleShot(0, self._widen)
        if visible and self.panel is not None and not self.panel.connected and not self._closed:
            self.panel.set_connection(self.reader().conn)
            self._show_unreadable()

    def _widen(self) -> None:
        """The first time the reader looks at the panel: titles, dates and sources side by
        side (unless the reader's own layout was restored)."""
        dock = self.dock
        main = dock.parentWidget() if dock is not None else None
        if dock is None or not isinstance(main, QMainWindow) or not dock.isVisible():
            return  # only passed through while the window was laid out
        if not main.isVisible() or not self._widen_once:
            return
        self._widen_once = False
        if dock.width() < LIBRARY_DOCK_WIDTH:
            main.resizeDocks([dock], [LIBRARY_DOCK_WIDTH], Qt.Orientation.Horizontal)

    def toggle_panel(self, on: bool) -> None:
        """View ▸ Library Panel."""
        if self.dock is not None:
            self.dock.setVisible(on)
            if on:
                self.dock.raise_()

    def reader(self) -> Library:
        """The UI thread's connection (opened on first use)."""
        if self._reader is None:
            self._reader = Library(self.path)
        return self._reader

    def _writer_library(self) -> Library:
        """The writer's connection: only ever used on the analysis worker."""
        if self._writer is None:
            self._writer = Library(self.path)
        return self._writer

    def _write(
        self,
        fn: Callable[[object], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None],
        *,
        finish: bool = True,
    ) -> None:
        """Run a write on the writer's worker; ``finish``: it lands even if the window
        closes first (an index run's next file does not: the next run takes it)."""
        if self._closed:
            return
        future = self._window.tasks.run(fn, on_success, on_failure, pool="analysis", finish=finish)
        self._writes = [w for w in self._writes if not w.done()]
        if future is not None:
            self._writes.append(future)

    def open_at(self, path: str, start: int, end: int) -> None:
        """Open an article from the library, at [start, end) when given."""
        tab = self._window.open_file(path)
        if start < 0:
            return
        if tab.article is not None:
            self._window.tabs.setCurrentWidget(tab)
            tab.view.select_range(start, end)
            return

        def shown(shown_tab: object) -> None:
            if shown_tab is tab:
                self._window.article_shown.disconnect(shown)
                tab.view.select_range(start, end)

        self._window.article_shown.connect(shown)

    def split(self, kind: str, name: str) -> None:
        """Make the alias ``name`` an entity of its own (on the writer's worker)."""

        def split(_progress: object) -> bool:
            return self._writer_library().split(kind, name)

        def done(found: bool) -> None:
            if found:
                self._window.status.show_message(f"“{name}” is now an entity of its own")
            self._refresh_panel()

        self._write(split, done, self._add_failed(Path(name)))

    # -- indexing --------------------------------------------------------------------------------
    def add_folder_dialog(self) -> None:
        """File ▸ Add Folder to Library…"""
        folder = ask_folder(self._window.dialog_parent())
        if folder is not None:
            self.index_folders([folder])

    def index_folders(self, folders: list[Path]) -> None:
        """Index ``folders`` in the background (after the run under way, if any)."""
        self._queue.append([Path(f) for f in folders])
        if not self._busy:
            self._start_next()

    @property
    def indexing(self) -> bool:
        """An index run is under way or waiting."""
        return self._busy or bool(self._queue)

    def _start_next(self) -> None:
        if not self._queue or self._closed:
            return
        self._busy = True
        folders = self._queue.pop(0)
        names = ", ".join(f.name or str(f) for f in folders)
        self._window.status.show_busy(f"Adding {names} to the library…")
        analyser = self._window.analyser

        def start(_progress: object) -> IndexRun:
            run = IndexRun(self._writer_library(), folders, analyser)
            run.drop_removed()
            return run

        self._write(start, self._started, self._failed, finish=False)

    def _started(self, run: IndexRun) -> None:
        self._run = run
        self._step(0)

    def _step(self, done: int) -> None:
        run = self._run
        if run is None or self._window.tasks.closed or self._closed:
            return
        if done >= len(run.files):
            self._finish(run)
            return
        self._window.status.show_progress(max(done, 1) / (len(run.files) + 1))
        path = run.files[done]
        self._write(
            lambda _progress: run.index(path),
            lambda _result: self._stepped(done + 1),
            self._failed,
            finish=False,
        )

    def _stepped(self, done: int) -> None:
        self._schedule_refresh()
        self._step(done)

    def _finish(self, run: IndexRun) -> None:
        report = run.finish()
        self._run, self._busy = None, False
        self._window.status.show_done(f"Library: {report.summary()}")
        self._refresh_panel()
        self._show_unreadable()
        self.index_finished.emit(report)
        self._start_next()

    def _failed(self, error: BaseException) -> None:
        run, self._run, self._busy = self._run, None, False
        text, _detail = describe(error, "add the folder to the library")
        if isinstance(error, ModelUnavailableError):
            self._queue.clear()
        self._window.status.show_done(f"Library: {text}")
        self._refresh_panel()
        self.index_finished.emit(run.finish(stopped=True) if run else IndexReport(stopped=True))
        self._start_next()

    def _refresh_panel(self) -> None:
        if self.panel is not None and self.panel.connected and not self._closed:
            self.panel.refresh()

    def _show_unreadable(self) -> None:
        if self.panel is None or self._closed:
            return
        unreadable = self.reader().unreadable()
        if not unreadable:
            self.panel.set_footer("")
            return
        tip = "\n".join(f"{Path(path).name}: {reason}" for path, reason in unreadable[:50])
        self.panel.set_footer(f"{len(unreadable)} files could not be read (hover for why)", tip)

    # -- articles the window opens -----------------------------------------------------------------
    def _analysed(self, tab: ArticleTab) -> None:
        if tab.annotations is None:
            return
        self.add_article(tab.path, tab.annotations, is_copy=tab.is_copy)

    def copy_written(self, _tab: ArticleTab, path: Path) -> None:
        """A file was exported from a tab: an annotated copy is read into the library, which
        then holds its corrections for the article (other formats are not articles)."""
        if path.suffix.lower() not in INDEXED_SUFFIXES:
            return
        analyser = self._window.analyser

        def add(_progress: object) -> str:
            index_folders(self._writer_library(), [path], analyser)
            return str(path)

        self._write(add, self._added, self._add_failed(path))

    def add_article(self, path: Path, annotations: Annotations, *, is_copy: bool) -> None:
        """Record an article the window has the annotations of (on the writer's worker)."""
        snapshot = annotations.snapshot()  # corrections change the tab's own

        def add(_progress: object) -> str:
            add_annotations(self._writer_library(), path, snapshot, is_copy=is_copy)
            return str(path)

        self._write(add, self._added, self._add_failed(path))

    @staticmethod
    def _add_failed(path: Path) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            log.warning("Could not add %s to the library: %s", path, error)

        return failed

    def _added(self, path: str) -> None:
        self.article_added.emit(path)
        self._schedule_refresh()

    def _schedule_refresh(self) -> None:
        """Coalesce the panel's re-reads while files keep arriving."""
        if not self._refresh.isActive():
            self._refresh.start()

    def close(self) -> None:
        """Close both connections: the reader's now, the writer's on its worker after the
        writes queued before this (closing it here could cut a write in half)."""
        if self._closed:
            return
        self._closed = True
        self._refresh.stop()
        if self._reader is not None:
            self._reader.close()
            self._reader = None

        def close_writer(_progress: object) -> None:
            writer, self._writer = self._writer, None
            if writer is not None:
                writer.close()

        queued = self._window.tasks.run(
            close_writer, lambda _none: None, self._add_failed(self.path), finish=True
        )
        if queued is None:  # the workers were shut down first: wait for what still runs
            wait(self._writes)
            close_writer(None)
