"""Pairing quotation marks in plain text (no model needed)."""

from __future__ import annotations

import pytest

from reader.core.analysis.quote_marks import pair_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in pair_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we are ready" on Monday.', ["we are ready"]),
        (
            "“The next 24 hours will be critical,” said Kikilias.",
            ["The next 24 hours will be critical"],
        ),
        ("« We did not ask for this », Trudeau said.", ["We did not ask for this"]),
        ("„Wir schaffen das“, said Merkel.", ["Wir schaffen das"]),
    ],
)
def test_each_style_pairs_and_excludes_the_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_offsets_index_the_text_and_exclude_marks_spaces_and_trailing_comma() -> None:
    text = '«  Nous sommes prêts  », he added, and "fine,"'
    spans = pair_quotes(text)
    assert [text[s.start : s.end] for s in spans] == ["Nous sommes prêts", "fine"]
    assert text[spans[0].open_at] == "«" and text[spans[0].close_at] == "»"
    assert [s.style for s in spans] == ["guillemet", "straight"]


def test_sentence_punctuation_inside_the_marks_is_kept() -> None:
    text = '“We are asking people to follow every order.” And "Really?" she asked.'
    assert quoted(text) == ["We are asking people to follow every order.", "Really?"]


def test_quote_spanning_sentences_is_one_quote() -> None:
    text = 'He said: "This group is special. We will enjoy it tonight." Then he left.'
    assert quoted(text) == ["This group is special. We will enjoy it tonight."]


def test_apostrophes_do_not_break_pairing() -> None:
    text = 'Russia\'s "mass" of soldiers, don\'t "show our support" and Ukraine’s “key points”'
    assert quoted(text) == ["mass", "show our support", "key points"]


def test_curly_single_marks_as_the_quotation_marks() -> None:
    text = "‘We are ready,’ Macron said of Russia’s offer. They don’t agree."
    spans = pair_quotes(text)
    assert [text[s.start : s.end] for s in spans] == ["We are ready"]
    assert spans[0].style == "single"


def test_nesting_either_way_is_left_inside() -> None:
    text = "She said ‘he told me “never”’ and “yes ‘maybe’ ok” then."
    assert quoted(text) == ["he told me “never”", "yes ‘maybe’ ok"]


def test_a_stray_opening_single_mark_costs_nothing() -> None:
    text = "In the ‘90s the plan was “a disaster” for everyone."
    assert quoted(text) == ["a disaster"]


def test_nested_single_quotes_are_left_inside() -> None:
    text = "\"He called it 'a disgrace', and I agree,\" she said."
    assert quoted(text) == ["He called it 'a disgrace', and I agree"]


def test_stray_opening_mark_costs_only_its_own_quote() -> None:
    text = 'He said "this is odd and then Johnson called the plan "a disaster" on Monday.'
    assert quoted(text) == ["a disaster"]


def test_stray_closing_mark_is_ignored() -> None:
    text = 'A 17" screen. Then "a real quote" followed.'
    assert quoted(text) == ["a real quote"]


def test_unclosed_mark_never_swallows_the_next_paragraph() -> None:
    text = 'He said "unclosed here.\nMacron said "yes" later.'
    assert quoted(text) == ["yes"]


def test_quote_running_on_into_next_paragraph() -> None:
    text = 'Kallas said: "First paragraph of a statement.\n"Second paragraph," she said.'
    spans = pair_quotes(text)
    assert [text[s.start : s.end] for s in spans] == [
        "First paragraph of a statement.",
        "Second paragraph",
    ]
    assert spans[0].runs_on and not spans[0].continues
    assert spans[1].continues and not spans[1].runs_on


def test_mixed_styles_in_one_paragraph() -> None:
    text = 'Straight "one", curly “two” and guillemets « three » here.'
    assert quoted(text) == ["one", "two", "three"]


def test_empty_quotes_are_skipped() -> None:
    assert quoted('An empty "" pair and "   " blanks.') == []


def test_many_single_openers_before_in_word_apostrophes() -> None:
    """‘ with only apostrophes after it pairs with nothing, however many (the closers are
    listed once per paragraph; bench/quote_marks.py times it)."""
    text = "‘a don’t " * 2_000
    assert quoted(text) == []
    # a closer at the very end: the first ‘ opens, the others are nested inside
    assert quoted(text + "end’ now") == [text[1:] + "end"]


def test_a_new_paragraph_of_the_same_quotation_on_one_line() -> None:
    """An opener right after a sentence end inside an open quotation starts the next
    paragraph of that quotation (paragraphs the page joined), not a stray."""
    text = "Kane told him: “These were new laws.\u00a0 “That is why we act.” Then he left."
    spans = pair_quotes(text)
    assert quoted(text) == ["These were new laws.", "That is why we act."]
    assert (spans[0].runs_on, spans[1].continues) == (True, True)


def test_an_opener_after_words_is_still_a_stray() -> None:
    assert quoted("The report said “X is Y and officials added “Z.”") == ["Z."]


def test_a_quotation_left_open_ends_at_the_next_paragraphs_closing_mark() -> None:
    """'“First part.' / 'second part,” she said.': one quotation over two paragraphs."""
    text = "She said: “We will go.\nAnd we will stay,” she added.\nNo quotes here."
    spans = pair_quotes(text)
    assert quoted(text) == ["We will go.", "And we will stay"]
    assert (spans[0].runs_on, spans[1].continues) == (True, True)
    assert text[spans[1].open_at] == "A"  # the continuation starts at its paragraph
