"""Opening an article and analysing it: load on the I/O worker, show, analyse, show again.

A mixin of ``MainWindow``. The text appears as soon as the file is read; the analysis runs on
the analysis worker through ``analyse_cached`` (cache first; the screenful on show first, with
provisional highlights); the final result replaces them. Results for a closed tab are dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, SignalInstance

from reader.core.errors import ModelUnavailableError
from reader.core.model import Annotations, Article
from reader.core.settings import Settings
from reader.ui.article_tab import ArticleTab
from reader.ui.document import BuiltDocument, build_for_ui
from reader.ui.errors import describe, show_message
from reader.ui.open_files import load_document
from reader.ui.tasks import Progress, TaskManager
from reader.ui.theme import PageColors, page_colors, type_colors

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from reader.core.analysis import Analyser
    from reader.ui.entity_panel import EntityPanel
    from reader.ui.quotes_panel import QuotesDatesPanel
    from reader.ui.status import StatusArea
    from reader.ui.theme import ThemeManager


PANEL_PARTIAL_LIMIT = 300
"""Provisional results with more entities than this go to the text only; the side panels wait
for the final result (a panel reset of thousands of rows stalled the window for seconds on
every provisional result of a 1 MB article)."""


def summary(annotations: Annotations) -> str:
    """What the status bar says about an analysed article."""
    mentions = sum(len(e.mentions) for e in annotations.entities)
    quotes = sum(1 for q in annotations.quotes if q.kind != "scare")
    return (
        f"{len(annotations.entities)} entities, {mentions} mentions, "
        f"{quotes} quotes, {len(annotations.dates)} dates"
    )


def load_for_view(
    path: Path, colors: PageColors, zoom: int
) -> tuple[Article | Annotations, BuiltDocument]:
    """What ``load_document`` reads, with its document already built (on the I/O worker)."""
    loaded = load_document(path)
    article = loaded.article if isinstance(loaded, Annotations) else loaded
    return loaded, build_for_ui(article, colors, zoom)


class ArticleOpening:
    """Tabs come and go here; see the module docstring."""

    settings: Settings
    analyser: Analyser
    tasks: TaskManager
    theme: ThemeManager
    tabs: QTabWidget
    tab_list: list[ArticleTab]
    status: StatusArea
    quotes_panel: QuotesDatesPanel
    _model_ready: bool
    entity_panel: EntityPanel
    article_shown: SignalInstance
    partial_shown: SignalInstance
    analysis_finished: SignalInstance
    analysis_failed: SignalInstance

    if TYPE_CHECKING:

        def current_tab(self) -> ArticleTab | None: ...
        def close_tab(self, tab: object) -> None: ...
        def set_annotations(
            self, annotations: Annotations, tab: ArticleTab | None = None
        ) -> None: ...
        def _show_annotations(self, tab: ArticleTab, annotations: Annotations) -> None: ...
        def _current_changed(self, index: int) -> None: ...
        def _tab_selection(self, tab: ArticleTab, entity_id: str | None) -> None: ...
        def save_settings(self) -> None: ...

    def open_files(self, paths: list[str | Path]) -> None:
        """Open each file in a tab (an already open file just comes to the front)."""
        for path in paths:
            self.open_file(path)

    def open_file(self, path: str | Path) -> ArticleTab:
        """Load ``path`` in the background; its tab appears at once."""
        path = Path(path).expanduser().resolve()
        for tab in self.tab_list:
            if tab.path == path:
                self.tabs.setCurrentWidget(tab)
                return tab
        tab = ArticleTab(path, self)
        tab.entity_selected.connect(lambda entity_id, t=tab: self._tab_selection(t, entity_id))
        self.tab_list.append(tab)
        index = self.tabs.addTab(tab, path.name)
        self.tabs.setTabToolTip(index, str(path))
        self.tabs.setCurrentWidget(tab)
        self.status.show_busy(f"Opening {path.name}…")
        colors, zoom = page_colors(self.theme.dark), self.settings.zoom

        self.tasks.run(
            lambda _progress: load_for_view(path, colors, zoom),
            on_success=lambda loaded: self._loaded(tab, *loaded),
            on_failure=lambda error: self._load_failed(tab, error),
            pool="io",
        )
        return tab

    def _loaded(
        self, tab: ArticleTab, loaded: Article | Annotations, built: BuiltDocument | None = None
    ) -> None:
        if tab not in self.tab_list:
            return
        self.settings.add_recent(tab.path)
        self.save_settings()  # the recent list survives a crash
        saved = loaded if isinstance(loaded, Annotations) else None
        article = loaded.article if isinstance(loaded, Annotations) else loaded
        tab.is_copy = saved is not None
        tab.show_article(
            article,
            page_colors(self.theme.dark),
            type_colors(self.theme.dark),
            self.settings.zoom,
            built,
        )
        index = self.tabs.indexOf(tab)
        self.tabs.setTabText(index, tab.title)
        if tab is self.current_tab():
            self._current_changed(index)
        self.article_shown.emit(tab)
        if saved is not None:  # an annotated copy: show what was saved, corrections included
            self._restore_copy(tab, saved)
        else:
            # After the text's first paint (posted events run before a zero timer): the
            # worker's first step, reading a cache entry, holds the GIL in long stretches,
            # and the paint waited for it at each call into Python (90-150 ms on 1 MB).
            tab.analysing = True
            self.show_tab_status(tab)
            QTimer.singleShot(0, lambda: self._analyse_if_open(tab))

    def _restore_copy(self, tab: ArticleTab, saved: Annotations) -> None:
        """Highlight a copy's saved annotations once their spans are made on the I/O worker.

        As an analysis's are on the analysis worker: made here on the UI thread, a copy of a
        million mentions froze the window for seconds after its text appeared.
        """
        view = tab.view
        self.tasks.run(
            lambda _progress: view.prepare_annotations(saved),
            on_success=lambda _none: self._analysed(tab, saved),
            on_failure=lambda _error: self._analysed(tab, saved),  # then made on this thread
            pool="io",
        )

    def _analyse_if_open(self, tab: ArticleTab) -> None:
        if tab in self.tab_list and not tab.closed:
            self.analyse(tab)

    def _load_failed(self, tab: ArticleTab, error: BaseException) -> None:
        text, detail = describe(error, f"open {tab.path.name!r}")
        if not tab.path.exists():
            self.settings.remove_recent(tab.path)
        self.close_tab(tab)
        front = self.current_tab()
        if front is None:
            self.status.show_done(text)
        else:  # the dialog says it; the bar goes on with the article in front
            self.show_tab_status(front)
        show_message(self, "Cannot Open", text, detail)

    def analyse(self, tab: ArticleTab) -> None:
        """Analyse the tab's article on the analysis worker (from the cache when it has it).

        The screenful on show is analysed first and shown provisionally; the final result
        replaces it. Closing the tab stops the work between chunks.
        """
        article = tab.article
        if article is None:
            return
        tab.analysing = True
        self.show_tab_status(tab)
        if tab is self.current_tab():
            self.quotes_panel.set_analysing(True)
        first_range = tab.view.visible_range()
        analyser = self.analyser
        tasks = self.tasks

        def stop() -> bool:
            return tab.closed or tasks.closed

        def partial(annotations: Annotations) -> None:
            tab.view.prepare_annotations(annotations)  # the pure-Python part, on the worker
            tasks.run_on_ui(lambda: self._partial(tab, annotations))

        def work(progress: Progress) -> Annotations:
            from reader.core.cache import analyse_cached

            annotations = analyse_cached(
                analyser,
                article,
                progress,
                first_range=first_range,
                on_partial=partial,
                should_stop=stop,
            )
            tab.view.prepare_annotations(annotations)
            return annotations

        tasks.run(
            work,
            on_success=lambda annotations: self._analysed(tab, annotations),
            on_failure=lambda error: self._analysis_failed(tab, error),
            on_progress=lambda fraction: self._tab_progress(tab, fraction),
        )

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
            note = "" if self._model_ready else " (the language model loads the first time)"
            self.status.show_busy(f"Finding entities in {tab.path.name}{note}…")
        else:
            self.status.show_done(tab.status_text)

    def _tab_progress(self, tab: ArticleTab, fraction: float) -> None:
        if tab is self.current_tab():
            self.status.show_progress(fraction)

    def _partial(self, tab: ArticleTab, annotations: Annotations) -> None:
        """Provisional highlights for what is on screen while the rest is analysed."""
        if tab not in self.tab_list or not tab.analysing:
            return
        if len(annotations.entities) <= PANEL_PARTIAL_LIMIT:
            self._show_annotations(tab, annotations)
        else:
            tab.set_annotations(annotations, self.visible_types())
            if tab is self.current_tab():  # no stale rows whose ids the text no longer has
                self.entity_panel.set_annotations(None, self.visible_types())
                self.quotes_panel.set_annotations(None, analysing=True)
        self.partial_shown.emit(tab)

    def _analysed(self, tab: ArticleTab, annotations: Annotations) -> None:
        if tab not in self.tab_list:
            return
        tab.analysing = False
        self._model_ready = True
        self.set_annotations(annotations, tab)
        self.show_tab_status(tab, summary(annotations))
        self.analysis_finished.emit(tab)

    def _analysis_failed(self, tab: ArticleTab, error: BaseException) -> None:
        if tab not in self.tab_list:
            return  # closed meanwhile: a cancelled analysis is no failure
        tab.analysing = False
        text, _detail = describe(error, f"analyse {tab.path.name!r}")
        if isinstance(error, ModelUnavailableError):
            text = f"{text} The article is shown without highlights."
        tab.banner.show_message(text)
        self.show_tab_status(tab, text)
        if tab is self.current_tab():
            self.quotes_panel.set_analysing(False)
        self.analysis_failed.emit(tab, text)
