"""Visible region first: provisional results for the region, then the same final result."""

from __future__ import annotations

import pytest

from reader.core import schema
from reader.core.analysis import PARSE_SHARE, STAGE_DONE, SpacyAnalyser, incremental, runner
from reader.core.analysis.incremental import (
    AnalysisCancelled,
    analyse_incremental,
    first_spans,
)
from reader.core.loaders import load_article
from reader.core.model import Annotations, Article

SPANS = [(0, 10), (10, 20), (20, 30)]


def test_first_spans_cover_the_requested_range() -> None:
    assert first_spans(SPANS, None) == [0]
    assert first_spans(SPANS, (12, 15)) == [1]
    assert first_spans(SPANS, (5, 25)) == [0, 1, 2]
    assert first_spans(SPANS, (10, 10)) == [1]
    assert first_spans(SPANS, (30, 40)) == [2]
    assert first_spans([(0, 0)], (0, 0)) == [0]


def _assert_exact(ann: Annotations) -> None:
    text = ann.article.text
    ids = {e.id for e in ann.entities}
    for entity in ann.entities:
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text
    for span in [*ann.quotes, *ann.dates]:
        assert text[span.start : span.end] == span.text
    assert all(q.speaker_id is None or q.speaker_id in ids for q in ann.quotes)


@pytest.fixture
def long_article(sample_path, monkeypatch) -> Article:
    """The sample four times over (with emoji and CRLF), cut into ~1,500-character chunks."""
    monkeypatch.setattr(runner, "CHUNK_CHARS", 1_500)
    sample = load_article(sample_path)
    body = sample.text.replace("Macron", "Macron \U0001f600", 1).replace("\n", "\r\n")
    text = "\r\n".join(f"Part {i} \U0001f1fa\U0001f1e6.\r\n{body}" for i in range(4))
    return Article(text=text, title=sample.title, published=sample.published, source="long")


@pytest.mark.model
def test_region_first_then_the_same_result_as_analyse(nlp, long_article) -> None:
    analyser = SpacyAnalyser(nlp)
    spans = runner.chunk_spans(long_article.text)
    assert len(spans) > 6
    middle = spans[len(spans) // 2]
    partials: list[Annotations] = []
    seen: list[float] = []
    final = analyse_incremental(
        analyser, long_article, middle, partials.append, seen.append, partial_every=0.0
    )
    assert partials, "the region gives a provisional result before the rest"
    region = partials[0]
    mentions = [m for e in region.entities for m in e.mentions]
    assert mentions and all(middle[0] <= m.start < middle[1] for m in mentions)
    for ann in [*partials, final]:
        _assert_exact(ann)
        assert ann.article is long_article
    assert len(partials) > 2
    assert seen == sorted(seen) and seen[-1] == 1.0
    # the article-wide pass after parsing moves the bar on, instead of sitting at 100%
    assert [f for f in seen if f > PARSE_SHARE] == list(STAGE_DONE.values())
    analysed: list[float] = []
    expected = analyser.analyse(long_article, analysed.append)
    assert analysed == sorted(analysed) and analysed[-3:] == list(STAGE_DONE.values())
    assert schema.to_dict(final) == schema.to_dict(expected)
    last = partials[-1]
    assert {e.name for e in last.entities} >= {e.name for e in region.entities}


@pytest.mark.model
def test_short_article_has_no_partial_and_matches_analyse(nlp, sample_path) -> None:
    analyser = SpacyAnalyser(nlp)
    article = load_article(sample_path)
    partials: list[Annotations] = []
    final = analyse_incremental(analyser, article, (100, 400), partials.append)
    assert partials == []
    assert schema.to_dict(final) == schema.to_dict(analyser.analyse(article))


@pytest.mark.model
def test_should_stop_cancels_between_chunks(nlp, long_article) -> None:
    calls: list[int] = []

    def stop() -> bool:
        calls.append(1)
        return len(calls) >= 2

    with pytest.raises(AnalysisCancelled):
        analyse_incremental(SpacyAnalyser(nlp), long_article, None, should_stop=stop)
    assert len(calls) == 2


@pytest.mark.model
def test_provisional_results_merge_aliases_across_runs_as_the_final_one(
    nlp, long_article, monkeypatch
) -> None:
    """A bare "Macron" in a later run joins the "Emmanuel Macron" of an earlier one at once,
    not only in the final result (issue 16 item 8)."""
    monkeypatch.setattr(incremental, "RUN_CHUNKS", 1)  # every chunk its own run
    analyser = SpacyAnalyser(nlp)
    partials: list[Annotations] = []
    final = analyse_incremental(analyser, long_article, None, partials.append, partial_every=0.0)
    people = {e.name for e in final.entities if e.type == "person"}
    assert "Emmanuel Macron" in people and "Macron" not in people
    assert len(partials) > 2
    for partial in partials:
        _assert_exact(partial)
        names = [e.name for e in partial.entities if e.type == "person"]
        assert "Macron" not in names, "a second person until the final result"
        assert len(names) == len(set(names))
    last = partials[-1]
    macron = next(e for e in last.entities if e.name == "Emmanuel Macron")
    assert any(m.text == "Macron" for m in macron.mentions)
    speakers = {q.speaker_id for q in last.quotes if q.speaker_id}
    assert speakers <= {e.id for e in last.entities}
