"""Speakers named by a role: titles set before or after a name, across honorifics."""

from __future__ import annotations

import pytest

from reader.core.analysis import SpacyAnalyser
from reader.core.loaders.text import parse_text
from reader.core.model import Annotations

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def analyser(nlp) -> SpacyAnalyser:
    return SpacyAnalyser(nlp)


def speakers(analyser: SpacyAnalyser, text: str) -> dict[str, str | None]:
    ann: Annotations = analyser.analyse(parse_text(text))
    return {q.text: q.speaker for q in ann.quotes if q.kind == "speech"}


def test_a_role_before_honorifics_names_the_person_after_them(analyser: SpacyAnalyser) -> None:
    """'Prime Minister and leader of the party, Hon. Dr. Ruth Baptiste, ...': the styles'
    dots cut the sentence for the parser, yet "the Prime Minister" later is her."""
    text = (
        "Prime Minister and leader of the party, Hon. Dr. Ruth Baptiste, addressed the nation "
        "on the storm damage.\n"
        "\u201cWe will not be intimidated by the weather,\u201d the Prime Minister said.\n"
    )
    assert speakers(analyser, text)["We will not be intimidated by the weather"] == (
        "Ruth Baptiste"
    )


def test_a_role_in_capitals_after_the_name_is_a_title(analyser: SpacyAnalyser) -> None:
    """'Hon. Peter Adams, Minister of Education, ...': an apposition in capitals (tagged a
    proper noun) is the role "the Minister" refers back to."""
    text = (
        "Hon. Peter Adams, Minister of Education, opened the new school on Monday.\n"
        "\u201cEducation is the key to our future,\u201d the Minister said.\n"
    )
    assert speakers(analyser, text)["Education is the key to our future"] == "Peter Adams"


def test_a_title_word_in_a_sentence_still_needs_its_name(analyser: SpacyAnalyser) -> None:
    """A role that no name followed introduces nobody: the quote stays unattributed."""
    text = (
        "The Minister of Education opened the new school on Monday.\n"
        "\u201cEducation is the key to our future,\u201d the Minister said.\n"
    )
    assert speakers(analyser, text)["Education is the key to our future"] is None
