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


def test_a_pronoun_after_a_spokesperson_names_whom_they_speak_for(
    analyser: SpacyAnalyser,
) -> None:
    """'A spokeswoman for X said ... “...,” she said': "she" is the spokeswoman, whose words
    are X's, as in the first sentence; the quotation after it goes on in X's name."""
    text = (
        "A spokeswoman for Northwind Airways said the flight was delayed by fog.\n"
        "\u201cSafety comes first for every crew,\u201d she said.\n"
        "\u201cPassengers were offered hotel rooms.\u201d\n"
    )
    got = speakers(analyser, text)
    assert got["Safety comes first for every crew"] == "Northwind Airways"
    assert got["Passengers were offered hotel rooms."] == "Northwind Airways"


def test_a_named_spokesperson_speaks_in_their_own_name(analyser: SpacyAnalyser) -> None:
    """'A spokesman for the council, John Hale, said': the pronoun after it is John Hale."""
    text = (
        "A spokesman for the city council, John Hale, said the roads were safe.\n"
        "\u201cWe have checked every bridge,\u201d he said.\n"
    )
    assert speakers(analyser, text)["We have checked every bridge"] == "John Hale"
