"""Speakers named by a role: titles set before or after a name, across honorifics."""

from __future__ import annotations

import pytest

from reader.core.analysis import SpacyAnalyser
from tests.fixtures.speech import speakers

pytestmark = pytest.mark.model


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


def test_a_subject_the_parse_hung_on_the_line_before_still_speaks(nlp) -> None:
    """A line with no final stop (a link, a caption) runs on into the next paragraph for the
    parser, which may take its noun for the subject of the next paragraph's verb; the
    paragraph's own name, hung across the break, is the speaker. The parse is given here as
    the small model makes it on such pages."""
    from spacy.tokens import Doc

    from reader.core.analysis.quotes import find_quotes
    from reader.core.model import ORGANIZATION, PERSON, Entity, Mention

    rows = [  # word, trailing space, pos, dep, head
        ("Read", True, "VERB", "ccomp", 16), ("more", True, "ADV", "advmod", 0),
        ("(", False, "PUNCT", "punct", 0), ("The", True, "DET", "det", 4),
        ("Courier", False, "PROPN", "nsubj", 16), (")", False, "PUNCT", "punct", 4),
        ("\n", False, "SPACE", "dep", 5), ("Prof", True, "PROPN", "compound", 9),
        ("Anna", True, "PROPN", "compound", 9), ("Weller", False, "PROPN", "appos", 4),
        (",", True, "PUNCT", "punct", 9), ("a", True, "DET", "det", 12),
        ("virologist", True, "NOUN", "appos", 9), ("at", True, "ADP", "prep", 12),
        ("Norbridge", False, "PROPN", "pobj", 13), (",", True, "PUNCT", "punct", 9),
        ("says", False, "VERB", "ROOT", 16), (":", True, "PUNCT", "punct", 16),
        ("\u201c", False, "PUNCT", "punct", 16), ("Schools", True, "NOUN", "nsubj", 20),
        ("are", True, "AUX", "ccomp", 16), ("not", True, "PART", "neg", 20),
        ("ready", False, "ADJ", "acomp", 20), (".", False, "PUNCT", "punct", 20),
        ("\u201d", False, "PUNCT", "punct", 20),
    ]  # fmt: skip
    doc = Doc(
        nlp.vocab,
        words=[r[0] for r in rows],
        spaces=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
    )
    text = doc.text
    entities = [
        Entity("e1", ORGANIZATION, "The Courier", [Mention(11, 22, "The Courier")]),
        Entity(
            "e2",
            PERSON,
            "Anna Weller",
            [Mention(text.index("Anna"), text.index(","), "Anna Weller")],
        ),
    ]
    quotes = find_quotes(doc, entities)
    assert [(q.text, q.speaker) for q in quotes] == [("Schools are not ready.", "Anna Weller")]


def test_a_sex_guessed_from_a_pronoun_does_not_leave_she_with_nobody(
    analyser: SpacyAnalyser,
) -> None:
    """'His lawyer, Jane Roe, said he would appeal' lets the first pass guess her a man (the
    "he" of her clause); a later "she" with no woman in reach is still her, while the man
    the story named first keeps his own quotes."""
    text = (
        "Tom Baker was defiant on Monday.\n"
        "\u201cI have done nothing wrong,\u201d he told reporters. \u201cI will not resign.\u201d\n"
        "His lawyer, Jane Roe, said he would appeal.\n"
        "\u201cThe verdict is unsafe,\u201d she said.\n"
    )
    got = speakers(analyser, text)
    assert got["I have done nothing wrong"] == "Tom Baker"
    assert got["The verdict is unsafe"] == "Jane Roe"
