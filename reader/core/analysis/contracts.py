"""What an analyser is, and the one way to call one: a leaf module every caller can import.

``Analyser`` is all the UI and the cache require (tests inject fakes). Some analysers can do
more, and say so by their type: ``IncrementalAnalyser`` analyses the text on screen first and
reports provisional results; ``StoringAnalyser`` also writes its result to the analysis cache
itself (the app's analysis process); ``ClosableAnalyser`` holds a resource to release.
``run_analysis`` picks the richest call an analyser supports, so no caller tests for methods.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from reader.core.model import Annotations, Article, PipelineInfo

Progress = Callable[[float], None]
OnPartial = Callable[[Annotations], None]
ShouldStop = Callable[[], bool]

PARSE_SHARE = 0.94
"""Share of the progress bar for the spaCy pipeline; the article-wide pass (join, entities,
quotes, dates) takes the rest: ~6% of the time, measured on 300 kB of news text."""
STAGE_DONE = {"entities": 0.96, "quotes": 0.975, "dates": 1.0}


class Analyser(Protocol):
    """Anything that turns an Article into Annotations (the UI injects fakes in tests)."""

    def analyse(self, article: Article, progress: Progress | None = None) -> Annotations: ...


@runtime_checkable
class IncrementalAnalyser(Analyser, Protocol):
    """An analyser that can analyse ``first_range`` first and report provisional results."""

    def analyse_incremental(
        self,
        article: Article,
        first_range: tuple[int, int] | None,
        on_partial: OnPartial | None,
        progress: Progress | None = None,
        should_stop: ShouldStop | None = None,
    ) -> Annotations: ...


@runtime_checkable
class StoringAnalyser(Protocol):
    """An analyser that stores its result in the analysis cache itself (after replying)."""

    def analyse_and_store(
        self,
        article: Article,
        first_range: tuple[int, int] | None,
        on_partial: OnPartial | None,
        progress: Progress | None,
        should_stop: ShouldStop | None,
        cache_folder: Path,
    ) -> Annotations: ...


@runtime_checkable
class ClosableAnalyser(Protocol):
    """An analyser holding a resource (a process) that is released when the app closes."""

    def close(self) -> None: ...


class DocAnnotator(Protocol):
    """What the incremental run needs of ``SpacyAnalyser``: the model, the helper processes
    (``analysis.helpers.ParseHelpers`` or None) and the article pass."""

    helpers: Any

    @property
    def nlp(self) -> Any: ...
    def pipeline_info(self) -> PipelineInfo: ...
    def annotate_doc(
        self, article: Article, doc: Any, progress: Progress | None = None
    ) -> Annotations: ...


def run_analysis(
    analyser: Analyser,
    article: Article,
    progress: Progress | None = None,
    *,
    first_range: tuple[int, int] | None = None,
    on_partial: OnPartial | None = None,
    should_stop: ShouldStop | None = None,
) -> Annotations:
    """Analyse ``article`` with the richest call ``analyser`` supports.

    Region first (``first_range``) with provisional results (``on_partial``) and early stop
    (``should_stop``) where the analyser is incremental; a plain ``analyse`` otherwise.
    """
    if isinstance(analyser, IncrementalAnalyser):
        return analyser.analyse_incremental(article, first_range, on_partial, progress, should_stop)
    return analyser.analyse(article, progress)
