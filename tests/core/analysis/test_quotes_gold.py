"""Quotes against the hand labels: the sample in full, and figures over all 12 articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.analysis import SpacyAnalyser
from reader.core.loaders import load_article
from reader.core.model import Annotations
from tests.fixtures.gold import FIXTURES, article_paths, load_gold, resolve_in_order
from tests.fixtures.scoring import Counts, score_quotes, share

pytestmark = pytest.mark.model

HELDOUT = FIXTURES / "heldout"


@pytest.fixture(scope="module")
def analysed(nlp) -> dict[str, Annotations]:
    analyser = SpacyAnalyser(nlp)
    return {path.stem: analyser.analyse(load_article(path)) for path in article_paths()}


def test_every_article_has_quote_labels() -> None:
    assert len(article_paths()) == 12
    for path in article_paths():
        gold = load_gold(path.stem, "quotes")
        assert gold, path.stem
        assert all(item["kind"] in ("speech", "scare") for item in gold)
        assert all((item["speaker"] is None) == (item["kind"] == "scare") for item in gold)
        resolve_in_order(load_article(path).text, gold)  # every label is in the text


def test_sample_every_direct_quote_with_its_speaker(
    sample_path: Path, analysed: dict[str, Annotations]
) -> None:
    ann = analysed[sample_path.stem]
    gold = resolve_in_order(ann.article.text, load_gold(sample_path.stem, "quotes") or [])
    by_span = {(q.start, q.end): q for q in ann.quotes}
    for label in gold:
        quote = by_span.get((label.start, label.end))
        assert quote is not None, f"missed {label.text!r}"
        assert quote.kind == label.label, label.text
        assert quote.speaker == label.get("speaker"), label.text
    assert len(ann.quotes) == len(gold)


def test_sample_speakers_are_entities_of_the_article(
    sample_path: Path, analysed: dict[str, Annotations]
) -> None:
    ann = analysed[sample_path.stem]
    speech = [q for q in ann.quotes if q.kind == "speech"]
    assert speech
    for quote in speech:
        entity = ann.entity(quote.speaker_id or "")
        assert entity is not None and entity.name == quote.speaker and entity.type == "person"


def _recall(counts: Counts, kind: str) -> float:
    total = counts.tp[kind] + counts.fn[kind]
    return counts.tp[kind] / total if total else 1.0


def test_recall_and_speaker_accuracy_over_all_articles(analysed: dict[str, Annotations]) -> None:
    total = Counts()
    for stem, ann in analysed.items():
        counts = score_quotes(stem, ann)
        total += counts
        print(
            f"{stem:24} speech {counts.tp['speech']}/{counts.tp['speech'] + counts.fn['speech']}"
            f" found, {counts.tp['speaker']} right speaker; scare {counts.tp['scare']}/"
            f"{counts.tp['scare'] + counts.fn['scare']}; predicted {len(ann.quotes)}"
        )
    speakers = share(total, "speaker") or 0.0
    print(
        f"ALL: quote recall {_recall(total, 'speech'):.3f}, speaker accuracy {speakers:.3f}, "
        f"scare quotes found {_recall(total, 'scare'):.3f}"
    )
    # Floors that guard against regressions; the figures themselves are printed above.
    assert _recall(total, "speech") >= 0.95
    assert speakers >= 0.9
    assert _recall(total, "scare") == 1.0


def test_heldout_articles(nlp) -> None:
    """Articles the rules were not written against (their quote labels came before any run)."""
    analyser = SpacyAnalyser(nlp)
    total = Counts()
    for path in sorted(HELDOUT.glob("*.txt")):
        assert load_gold(path.stem, "quotes") is not None, path.stem
        total += score_quotes(path.stem, analyser.analyse(load_article(path)))
    speakers = share(total, "speaker") or 0.0
    print(f"HELD-OUT: quote recall {_recall(total, 'speech'):.3f}, speaker accuracy {speakers:.3f}")
    assert _recall(total, "speech") >= 0.8
    assert speakers >= 0.6
