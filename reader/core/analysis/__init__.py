"""Analysis: Article -> Annotations. The only package that touches spaCy objects."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from reader import __version__
from reader.core.analysis.contracts import (
    PARSE_SHARE,
    STAGE_DONE,
    Analyser,
    ClosableAnalyser,
    IncrementalAnalyser,
    Progress,
    StoringAnalyser,
    run_analysis,
)
from reader.core.model import Annotations, Article, PipelineInfo

__all__ = [
    "PARSE_SHARE",
    "STAGE_DONE",
    "Analyser",
    "ClosableAnalyser",
    "IncrementalAnalyser",
    "Progress",
    "SpacyAnalyser",
    "StoringAnalyser",
    "analyser_on_cores",
    "app_analyser",
    "run_analysis",
]


class SpacyAnalyser:
    """The real analyser: spaCy NER plus our rules for countries, aliases, quotes and dates.

    The model loads lazily on first use, so constructing one is free (the UI builds it on
    the UI thread and runs ``analyse`` on the worker).
    """

    def __init__(self, nlp: Any | None = None, helpers: Any | None = None) -> None:
        self._nlp = nlp
        self.helpers = helpers
        """``reader.core.analysis.helpers.ParseHelpers`` that parse a long article's end on
        the other cores, or None (one process)."""

    @property
    def nlp(self) -> Any:
        """The loaded spaCy pipeline."""
        if self._nlp is None:
            from reader.core.analysis.pipeline import load_pipeline

            self._nlp = load_pipeline()
        return self._nlp

    def pipeline_info(self) -> PipelineInfo:
        """Model name and version, as recorded in the annotations and the cache key."""
        meta = self.nlp.meta
        return PipelineInfo(
            model=f"{meta.get('lang', 'en')}_{meta.get('name', '')}",
            model_version=str(meta.get("version", "")),
            reader_version=__version__,
        )

    def analyse(self, article: Article, progress: Progress | None = None) -> Annotations:
        """Run the pipeline over ``article.text`` and collect entities, quotes and dates."""
        from reader.core.analysis.runner import parse_text

        parsing = None if progress is None else lambda done: progress(done * PARSE_SHARE)
        doc = parse_text(self.nlp, article.text, parsing, helpers=self.helpers)
        return self.annotate_doc(article, doc, progress)

    def annotate_doc(
        self, article: Article, doc: Any, progress: Progress | None = None
    ) -> Annotations:
        """The article-wide analysis of ``doc``, the parsed ``article.text``.

        The one place that orders the stages: quotes need the entities (speakers), dates need
        the publication date. ``progress`` hears ``STAGE_DONE`` after each stage.
        """
        from reader.core.analysis.dates import find_dates
        from reader.core.analysis.entities import extract_entities
        from reader.core.analysis.gc_pause import collector_paused
        from reader.core.analysis.headline import parse_title, with_headline_mentions
        from reader.core.analysis.quotes import find_quotes

        def done(stage: str) -> None:
            if progress is not None:
                progress(STAGE_DONE[stage])

        with collector_paused():  # ~10% of the pass went to collections (gc_pause)
            entities = extract_entities(doc, article.site)
            entities = with_headline_mentions(
                article.title, parse_title(self.nlp, article.title), entities
            )
            done("entities")
            quotes = find_quotes(doc, entities)
            done("quotes")
            dates = find_dates(doc, article.published)
            done("dates")
        return Annotations(article, self.pipeline_info(), entities, quotes, dates)

    def close(self) -> None:
        """End the helper processes, if any (the model stays loaded)."""
        if self.helpers is not None:
            self.helpers.close()

    def analyse_incremental(
        self,
        article: Article,
        first_range: tuple[int, int] | None,
        on_partial: Callable[[Annotations], None] | None,
        progress: Progress | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> Annotations:
        """``analyse``, the text in ``first_range`` first (see ``analysis.incremental``)."""
        from reader.core.analysis.incremental import analyse_incremental

        return analyse_incremental(
            self, article, first_range, on_partial, progress, should_stop=should_stop
        )


HELPER_NICE = 10
"""Priority lowered by this much for the app's helpers: the window keeps its share of a core."""


def analyser_on_cores(cores: int | None = None, *, nice: int = 0) -> SpacyAnalyser:
    """A ``SpacyAnalyser`` that parses a long article on ``cores`` cores (default: all of
    them): ``cores - 1`` helper processes (``analysis.helpers``), started when first needed."""
    from reader.core.analysis.helpers import ParseHelpers

    count = (cores or os.cpu_count() or 1) - 1
    return SpacyAnalyser(helpers=ParseHelpers(count, nice=nice) if count > 0 else None)


def app_analyser() -> SpacyAnalyser:
    """What the app's analysis process runs: every core, helpers at a lower priority."""
    return analyser_on_cores(nice=HELPER_NICE)
