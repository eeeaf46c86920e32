"""Quotes against the hand labels: the sample in full, and figures over all 12 articles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.core.analysis import SpacyAnalyser
from reader.core.loaders import load_article
from reader.core.model import Quote
from tests.fixtures.gold import GoldSpan, article_paths, load_gold, resolve_in_order

pytestmark = pytest.mark.model


@dataclass
class QuoteScore:
    """Counts for one or more articles; a quote is found when its span matches exactly."""

    gold_speech: int = 0
    found_speech: int = 0
    right_speaker: int = 0
    gold_scare: int = 0
    right_scare: int = 0
    predicted: int = 0

    def add(self, other: QuoteScore) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float:
        return self.found_speech / self.gold_speech if self.gold_speech else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.right_speaker / self.found_speech if self.found_speech else 1.0


def score(gold: list[GoldSpan], predicted: list[Quote]) -> QuoteScore:
    by_span = {(q.start, q.end): q for q in predicted}
    result = QuoteScore(predicted=len(predicted))
    for label in gold:
        quote = by_span.get((label.start, label.end))
        if label.label == "scare":
            result.gold_scare += 1
            result.right_scare += quote is not None and quote.kind == "scare"
            continue
        result.gold_speech += 1
        if quote is not None and quote.kind == "speech":
            result.found_speech += 1
            result.right_speaker += quote.speaker == label.get("speaker")
    return result


@pytest.fixture(scope="module")
def analysed(nlp) -> dict[str, tuple[list[GoldSpan], list[Quote]]]:
    analyser = SpacyAnalyser(nlp)
    results = {}
    for path in article_paths():
        article = load_article(path)
        gold = load_gold(path.stem, "quotes")
        assert gold is not None, f"{path.stem} has no quotes gold file"
        results[path.stem] = (
            resolve_in_order(article.text, gold),
            analyser.analyse(article).quotes,
        )
    return results


def test_every_article_has_quote_labels() -> None:
    assert len(article_paths()) == 12
    for path in article_paths():
        gold = load_gold(path.stem, "quotes")
        assert gold, path.stem
        assert all(item["kind"] in ("speech", "scare") for item in gold)
        assert all((item["speaker"] is None) == (item["kind"] == "scare") for item in gold)


def test_sample_every_direct_quote_with_its_speaker(
    sample_path: Path, analysed: dict[str, tuple[list[GoldSpan], list[Quote]]]
) -> None:
    gold, predicted = analysed[sample_path.stem]
    by_span = {(q.start, q.end): q for q in predicted}
    for label in gold:
        quote = by_span.get((label.start, label.end))
        assert quote is not None, f"missed {label.text!r}"
        assert quote.kind == label.label, label.text
        assert quote.speaker == label.get("speaker"), label.text
    assert len(predicted) == len(gold)


def test_sample_speakers_are_entities_of_the_article(sample_path: Path, nlp) -> None:
    ann = SpacyAnalyser(nlp).analyse(load_article(sample_path))
    speech = [q for q in ann.quotes if q.kind == "speech"]
    assert speech
    for quote in speech:
        entity = ann.entity(quote.speaker_id or "")
        assert entity is not None and entity.name == quote.speaker and entity.type == "person"


def test_recall_and_speaker_accuracy_over_all_articles(
    analysed: dict[str, tuple[list[GoldSpan], list[Quote]]],
) -> None:
    total = QuoteScore()
    for stem, (gold, predicted) in analysed.items():
        article = score(gold, predicted)
        total.add(article)
        print(
            f"{stem:24} speech {article.found_speech}/{article.gold_speech} found, "
            f"{article.right_speaker} right speaker; scare {article.right_scare}/"
            f"{article.gold_scare}; predicted {article.predicted}"
        )
    print(
        f"ALL: quote recall {total.recall:.3f} ({total.found_speech}/{total.gold_speech}), "
        f"speaker accuracy {total.speaker_accuracy:.3f} ({total.right_speaker}/"
        f"{total.found_speech}), scare {total.right_scare}/{total.gold_scare}"
    )
    # Floors that guard against regressions; the figures themselves are printed above.
    assert total.recall >= 0.95
    assert total.speaker_accuracy >= 0.9
    assert total.right_scare == total.gold_scare
