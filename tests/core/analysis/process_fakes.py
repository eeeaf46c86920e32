"""Analysers the analysis process builds in tests (``ProcessAnalyser(factory=...)``).

They live in an importable module because the process imports them by name.
"""

from __future__ import annotations

import os
import time

from reader.core.analysis.incremental import AnalysisCancelled
from reader.core.errors import ModelUnavailableError
from reader.core.model import Annotations, Article, Entity, Mention, PipelineInfo

INFO = PipelineInfo(model="fake", model_version="1", reader_version="test")


def _result(article: Article) -> Annotations:
    """One person per capitalised word: enough to see that the article crossed the pipe."""
    entities = []
    start = 0
    for word in article.text.split():
        start = article.text.index(word, start)
        if word[:1].isupper():
            mention = Mention(start, start + len(word), word)
            entities.append(Entity(f"e{len(entities) + 1}", "person", word, [mention]))
        start += len(word)
    return Annotations(article, INFO, entities)


class Echo:
    """Answers at once; ``slow`` articles take up to 30 s and poll ``should_stop``."""

    def pipeline_info(self) -> PipelineInfo:
        return INFO

    def analyse(self, article: Article, progress=None) -> Annotations:
        if progress:
            progress(0.5)
            progress(1.0)
        return _result(article)

    def analyse_incremental(self, article, first_range, on_partial, progress, should_stop):
        if article.text.startswith("slow"):
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if should_stop():
                    raise AnalysisCancelled(article.source or "")
                time.sleep(0.01)
        if article.text.startswith("crash"):
            os._exit(3)
        if article.text.startswith("bug"):
            raise KeyError("no such thing")
        if on_partial:
            on_partial(Annotations(article, INFO))
        return self.analyse(article, progress)


class NoModel:
    """Like a machine without the model installed."""

    def pipeline_info(self) -> PipelineInfo:
        raise ModelUnavailableError("No spaCy model is installed.", detail="pip install it")

    def analyse(self, article: Article, progress=None) -> Annotations:
        return self.pipeline_info()


class Counting(Echo):
    """Names its one entity after how many analyses this process ran, and says it is the
    installed model, so its results go into the analysis cache."""

    calls = 0

    def pipeline_info(self) -> PipelineInfo:
        from reader.core.cache import installed_pipeline

        return installed_pipeline() or INFO

    def analyse(self, article: Article, progress=None) -> Annotations:
        Counting.calls += 1
        mention = Mention(0, 1, article.text[:1])
        entity = Entity("e1", "person", f"call{Counting.calls}", [mention])
        return Annotations(article, self.pipeline_info(), [entity])

    def analyse_incremental(self, article, first_range, on_partial, progress, should_stop):
        return self.analyse(article, progress)
