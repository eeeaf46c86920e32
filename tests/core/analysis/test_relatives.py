"""A bare surname of several full names passes over a relative named beside its subject."""

from __future__ import annotations

import pytest

from reader.core.analysis.aliases import TypedMention, merge_mentions
from reader.core.analysis.relatives import introduced_as_relative
from reader.core.model import PERSON, Article


def _token_span(doc, name: str) -> tuple[int, int]:
    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name))
    return span.start, span.end


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Lena Harte, the senator's wife, runs a charity.", "Lena Harte"),
        ("Former mayor Ivo Brandt placed his son, Milo Brandt, on the ballot.", "Milo Brandt"),
        ("Harte's wife, Lena Harte, declined to comment.", "Lena Harte"),
        (
            "It was set up by a Carl Harte, who appears to be the brother of the senator.",
            "Carl Harte",
        ),
    ],
)
def test_an_apposition_or_relative_clause_of_a_kin_noun_names_a_relative(
    nlp, sentence: str, name: str
) -> None:
    doc = nlp(sentence)
    assert introduced_as_relative(doc, *_token_span(doc, name))


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Former mayor Ivo Brandt placed his son, Milo Brandt, on the ballot.", "Ivo Brandt"),
        ("Lena Harte, the company's lawyer, declined to comment.", "Lena Harte"),
        ("Senator Paul Harte said on Monday that he would retire.", "Paul Harte"),
    ],
)
def test_the_subject_and_other_appositions_are_no_relatives(nlp, sentence: str, name: str) -> None:
    doc = nlp(sentence)
    assert not introduced_as_relative(doc, *_token_span(doc, name))


def test_a_bare_surname_goes_to_the_subject_over_a_relative_named_since() -> None:
    mentions = [
        TypedMention(0, 10, "Paul Harte", PERSON),
        TypedMention(50, 60, "Lena Harte", PERSON, relative=True),
        TypedMention(90, 95, "Harte", PERSON),
    ]
    (paul, lena) = merge_mentions(mentions)
    assert [m.text for m in paul.mentions] == ["Paul Harte", "Harte"]
    assert [m.text for m in lena.mentions] == ["Lena Harte"]


def test_a_bare_surname_still_goes_to_the_most_recent_when_both_are_relatives_or_neither() -> None:
    for relative in (False, True):
        mentions = [
            TypedMention(0, 10, "Paul Harte", PERSON, relative=relative),
            TypedMention(50, 60, "Lena Harte", PERSON, relative=relative),
            TypedMention(90, 95, "Harte", PERSON),
        ]
        names = [(e.name, [m.text for m in e.mentions]) for e in merge_mentions(mentions)]
        assert names == [("Paul Harte", ["Paul Harte"]), ("Lena Harte", ["Lena Harte", "Harte"])]


@pytest.mark.model
def test_the_analysis_gives_the_surname_to_the_senator_not_his_wife(analyser) -> None:
    text = (
        "Senator Paul Harte said on Monday that he would retire. Lena Harte, the senator's "
        "wife, runs a charity in the town. Harte said he had told his staff first."
    )
    ann = analyser.analyse(Article(text=text))
    people = {e.name: [m.text for m in e.mentions] for e in ann.entities if e.type == PERSON}
    assert people["Paul Harte"] == ["Paul Harte", "Harte"]
    assert people["Lena Harte"] == ["Lena Harte"]
