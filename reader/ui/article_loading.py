"""Opening an article and analysing it: load on the I/O worker, show, analyse, show again.

Owned by ``MainWindow`` (``ArticleLoader``). The text appears as soon as the file is read; the
analysis runs on the analysis worker through ``analyse_cached`` (cache first; the screenful on
show first, with provisional highlights); the final result replaces them. Work for a tab runs
through ``TaskManager.run_for``: closing the tab stops it and drops its results.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from reader.core.analysis import PARSE_SHARE
from reader.core.colors import type_colors
from reader.core.errors import ModelUnavailableError
from reader.core.model import Annotations, Article
from reader.ui import collector
from reader.ui.article_tab import ArticleTab
from reader.ui.document import BuiltDocument, build_for_ui
from reader.ui.errors import describe, show_message
from reader.ui.file_choosers import load_document
from reader.ui.spans import Prepared
from reader.ui.tasks import TaskContext
from reader.ui.theme import PageColors, page_colors

if TYPE_CHECKING:
    from reader.ui.window_api import ReaderWindow


PANEL_PARTIAL_LIMIT = 300
"""Provisional results with more entities than this go to the text only; the side panels wait
for the final result (a panel reset of thousands of rows stalled the window for seconds on
every provisional result of a 1 MB article)."""


def summary(annotations: Annotations) -> str:
    """What the status bar says about an analysed article."""
    mentions = sum(e.mention_count for e in annotations.entities)
    quotes = sum(1 for q in annotations.quotes if q.kind != "scare")
    return (
        f"{len(annotations.entities)} entities, {mentions} mentions, "
        f"{quotes} quotes, {len(annotations.dates)} dates"
    )


def progress_text(name: str, fraction: float | None, model_ready: bool) -> str:
    """What the status bar says while ``name`` is analysed: the phase, and how far it is.

    No report yet means the model is loading (the first time) or the first chunk is being
    parsed; parsing then fills ``PARSE_SHARE`` of the bar, the article-wide pass the rest.
    """
    if fraction is None:
        if model_ready:
            return f"Finding entities in {name}…"
        return f"Finding entities in {name}: loading the language model (the first time only)…"
    percent = min(99, int(fraction * 100))
    if fraction < PARSE_SHARE:
        return f"Finding entities in {name}: {percent}%"
    return f"Linking names, quotes and dates in {name}: {percent}%"


def status_text(tab: ArticleTab, annotations: Annotations) -> str:
    """The status of an analysed tab; an annotated copy says that the model was not run."""
    if tab.article is not None and tab.article.format == "annotated":
        count = sum(e.mention_count for e in annotations.entities)
        return (
            f"Restored {len(annotations.entities)} entities and {count} mentions from the "
            "annotated copy; the language model was not run."
        )
    return summary(annotations)


def load_for_view(
    path: Path, colors: PageColors, zoom: int
) -> tuple[Article | Annotations, BuiltDocument]:
    """What ``load_document`` reads, with its document already built (on the I/O worker)."""
    loaded = load_document(path)
    article = loaded.article if isinstance(loaded, Annotations) else loaded
    return loaded, build_for_ui(article, colors, zoom)


class ArticleLoader:
    """Tabs come and go here; see the module docstring. Owned by the window."""

    def __init__(self, window: ReaderWindow) -> None:
        self._window = window

    def open_files(self, paths: Sequence[str | Path]) -> None:
        """Open each file in a tab (an already open file just comes to the front)."""
        for path in paths:
            self.open_file(path)

    def open_file(self, path: str | Path) -> ArticleTab:
        """Load ``path`` in the background; its tab appears at once."""
        path = Path(path).expanduser().resolve()
        for tab in self._window.tab_list:
            if tab.path == path:
                self._window.tabs.setCurrentWidget(tab)
                return tab
        tab = ArticleTab(path, self._window.tabs)
        tab.entity_selected.connect(
            lambda entity_id, t=tab: self._window.entity_selected_in(t, entity_id)
        )
        self._window.tab_list.append(tab)
        index = self._window.tabs.addTab(tab, path.name)
        self._window.tabs.setTabToolTip(index, str(path))
        self._window.tabs.setCurrentWidget(tab)
        self._window.status.show_busy(f"Opening {path.name}…")
        colors, zoom = page_colors(self._window.theme.dark), self._window.settings.zoom

        self._window.tasks.run_for(
            tab,
            lambda _context: load_for_view(path, colors, zoom),
            on_success=lambda loaded: self._loaded(tab, *loaded),
            on_failure=lambda error: self._load_failed(tab, error),
            pool="io",
        )
        return tab

    def _loaded(
        self, tab: ArticleTab, loaded: Article | Annotations, built: BuiltDocument | None = None
    ) -> None:
        self._window.settings.add_recent(tab.path)
        self._window.save_settings()  # the recent list survives a crash
        saved = loaded if isinstance(loaded, Annotations) else None
        article = loaded.article if isinstance(loaded, Annotations) else loaded
        tab.is_copy = saved is not None
        tab.show_article(
            article,
            page_colors(self._window.theme.dark),
            type_colors(self._window.theme.dark),
            self._window.settings.zoom,
            built,
        )
        index = self._window.tabs.indexOf(tab)
        self._window.tabs.setTabText(index, tab.title)
        if tab is self._window.current_tab():
            self._window.refresh_current()
        self._window.article_shown.emit(tab)
        if saved is not None:  # an annotated copy: show what was saved, corrections included
            self._restore_copy(tab, saved)
        else:
            # After the text's first paint (posted events run before a zero timer): the
            # worker's first step, reading a cache entry, holds the GIL in long stretches,
            # and the paint waited for it at each call into Python (90-150 ms on 1 MB).
            tab.analysing = True
            self._window.show_tab_status(tab)
            QTimer.singleShot(0, lambda: self._analyse_if_open(tab))

    def _restore_copy(self, tab: ArticleTab, saved: Annotations) -> None:
        """Highlight a copy's saved annotations with spans made on the I/O worker.

        As an analysis's are on the analysis worker: made on the UI thread, a copy of 800,000
        mentions froze the window for seconds after its text appeared.
        """
        view = tab.view
        self._window.tasks.run_for(
            tab,
            lambda _context: view.prepare(saved),
            on_success=lambda prepared: self._analysed(tab, saved, prepared),
            on_failure=lambda _error: self._analysed(tab, saved),  # then made on this thread
            pool="io",
        )

    def _analyse_if_open(self, tab: ArticleTab) -> None:
        if not tab.closed:
            self.analyse(tab)

    def _load_failed(self, tab: ArticleTab, error: BaseException) -> None:
        text, detail = describe(error, f"open {tab.path.name!r}")
        if not tab.path.exists():
            self._window.settings.remove_recent(tab.path)
        self._window.close_tab(tab)
        front = self._window.current_tab()
        if front is None:
            self._window.status.show_done(text)
        else:  # the dialog says it; the bar goes on with the article in front
            self._window.show_tab_status(front)
        show_message(self._window.dialog_parent(), "Cannot Open", text, detail)

    def analyse(self, tab: ArticleTab) -> None:
        """Analyse the tab's article on the analysis worker (from the cache when it has it).

        The screenful on show is analysed first and shown provisionally; the final result
        replaces it. Closing the tab stops the work between chunks.
        """
        article = tab.article
        if article is None:
            return
        tab.analysing = True
        tab.progress = None
        self._window.show_tab_status(tab)
        if tab is self._window.current_tab():
            self._window.quotes_panel.set_analysing(True)
        first_range = tab.view.visible_range()
        analyser = self._window.analyser

        def work(context: TaskContext) -> tuple[Annotations, Prepared]:
            from reader.core.cache import analyse_cached

            def partial(annotations: Annotations) -> None:
                prepared = tab.view.prepare(annotations)  # the pure-Python part, on the worker
                context.post(lambda: self._partial(tab, annotations, prepared))

            with collector.paused_for(len(article.text)):
                annotations = analyse_cached(
                    analyser,
                    article,
                    context.progress,
                    first_range=first_range,
                    on_partial=partial,
                    should_stop=context.should_stop,
                )
                return annotations, tab.view.prepare(annotations)

        self._window.tasks.run_for(
            tab,
            work,
            on_success=lambda result: self._analysed(tab, *result),
            on_failure=lambda error: self._analysis_failed(tab, error),
            on_progress=lambda fraction: self._tab_progress(tab, fraction),
        )

    def _tab_progress(self, tab: ArticleTab, fraction: float) -> None:
        if tab not in self._window.tab_list or not tab.analysing:
            return
        tab.progress = fraction
        self._window.model_ready = True  # a chunk was parsed: the model is loaded
        self._window.show_tab_status(tab)

    def _partial(self, tab: ArticleTab, annotations: Annotations, prepared: Prepared) -> None:
        """Provisional highlights for what is on screen while the rest is analysed."""
        if not tab.analysing:
            return
        if len(annotations.entities) <= PANEL_PARTIAL_LIMIT:
            self._window.show_annotations(tab, annotations, prepared)
        else:
            tab.set_annotations(annotations, self._window.visible_types(), prepared)
            if tab is self._window.current_tab():  # no stale rows whose ids the text no longer has
                self._window.entity_panel.set_annotations(None, self._window.visible_types())
                self._window.quotes_panel.set_annotations(None, analysing=True)
        self._window.partial_shown.emit(tab)

    def _analysed(
        self, tab: ArticleTab, annotations: Annotations, prepared: Prepared | None = None
    ) -> None:
        tab.analysing = False
        self._window.model_ready = True
        self._window.set_annotations(annotations, tab, prepared)
        self._window.show_tab_status(tab, status_text(tab, annotations))
        self._window.analysis_finished.emit(tab)

    def _analysis_failed(self, tab: ArticleTab, error: BaseException) -> None:
        tab.analysing = False
        text, _detail = describe(error, f"analyse {tab.path.name!r}")
        if isinstance(error, ModelUnavailableError):
            text = f"{text} The article is shown without highlights."
        tab.banner.show_message(text)
        self._window.show_tab_status(tab, text)
        if tab is self._window.current_tab():
            self._window.quotes_panel.set_analysing(False)
        self._window.analysis_failed.emit(tab, text)
