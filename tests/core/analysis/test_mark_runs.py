"""Long runs of marks reach the model as one token; the text and its offsets stay exact."""

from __future__ import annotations

import pytest

from reader.core.analysis.mark_runs import MIN_RUN, model_input
from reader.core.analysis.runner import parse_text

pytestmark = pytest.mark.model


def test_text_without_a_long_run_goes_to_the_model_as_it_is(nlp) -> None:
    text = 'She said "no" ("never!!") -- and left...'
    assert model_input(nlp, text) is text


@pytest.mark.parametrize(
    "text",
    [
        '"' * 1_000,
        'He wrote "' + "!" * MIN_RUN + '" and  then ' + "?" * (MIN_RUN + 5) + "\nNext line.",
        "word" + "«»" * MIN_RUN + "word",
        "“" * MIN_RUN + " Kane said.",
    ],
)
def test_a_long_run_is_one_token_and_the_text_is_exact(nlp, text: str) -> None:
    doc = parse_text(nlp, text)
    assert doc.text == text
    runs = [t for t in doc if len(t.text) >= MIN_RUN]
    assert runs and all(not any(c.isalnum() or c.isspace() for c in t.text) for t in runs)
    assert len(doc) < len(text) // 4  # not one token a mark


def test_words_around_a_run_are_tokenized_as_usual(nlp) -> None:
    run = '"' * 40
    doc = parse_text(nlp, f"Mary Kane met Olaf Scholz. {run} They talked.")
    assert [t.text for t in doc] == [
        "Mary", "Kane", "met", "Olaf", "Scholz", ".", run, "They", "talked", ".",
    ]  # fmt: skip
    assert doc[5].whitespace_ == " " and doc[6].whitespace_ == " "
