"""Quotes and dates on the held-out articles stay above a floor (a regression guard, not a target).

The held-out articles (tests/fixtures/heldout) were labelled before the analyser saw them. Measured
with bench/accuracy.py on 8 articles (2026-11-27): quote recall 1.000 (22/22), speaker accuracy
0.864 (19/22), dates found 1.000 (40/40) and all 40 resolved right. The floors sit a little below,
so one or two new misses pass and a real regression fails. The entity floor is in
test_entities_accuracy.py.
"""

from __future__ import annotations

import pytest

from reader.core.analysis import SpacyAnalyser
from reader.core.loaders import load_article
from tests.fixtures.gold import FIXTURES
from tests.fixtures.scoring import Counts, score_dates, score_quotes, share

pytestmark = pytest.mark.model

HELDOUT = FIXTURES / "heldout"


@pytest.fixture(scope="module")
def heldout_scores(nlp) -> tuple[Counts, Counts]:
    """Quote and date counts summed over every held-out article."""
    analyser = SpacyAnalyser(nlp)
    quotes, dates = Counts(), Counts()
    for path in sorted(HELDOUT.glob("*.txt")):
        annotations = analyser.analyse(load_article(path))
        quotes += score_quotes(path.stem, annotations)
        dates += score_dates(path.stem, annotations)
    return quotes, dates


def test_every_heldout_article_has_quote_and_date_labels() -> None:
    for path in sorted(HELDOUT.glob("*.txt")):
        for aspect in ("entities", "quotes", "dates"):
            assert (FIXTURES / "gold" / f"{path.stem}.{aspect}.json").exists(), (path.stem, aspect)


def test_heldout_quote_recall_and_speakers_stay_above_floor(
    heldout_scores: tuple[Counts, Counts],
) -> None:
    quotes, _ = heldout_scores
    assert quotes.labelled
    recall = quotes.tp["speech"] / (quotes.tp["speech"] + quotes.fn["speech"])
    assert recall >= 0.9, (quotes.tp["speech"], quotes.fn["speech"])
    speakers = share(quotes, "speaker")
    assert speakers is not None and speakers >= 0.8, (quotes.tp["speaker"], quotes.fp["speaker"])


def test_heldout_dates_are_found_and_resolved_above_floor(
    heldout_scores: tuple[Counts, Counts],
) -> None:
    _, dates = heldout_scores
    assert dates.labelled
    found = dates.tp["found"] / (dates.tp["found"] + dates.fn["found"])
    assert found >= 0.9, (dates.tp["found"], dates.fn["found"])
    resolved = share(dates, "resolved")
    assert resolved is not None and resolved >= 0.9, (dates.tp["resolved"], dates.fp["resolved"])
