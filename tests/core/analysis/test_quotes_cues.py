"""Speaker cues beyond the speech verb: light verbs with a speech noun, repeated quotations."""

from __future__ import annotations

import pytest

from reader.core.analysis import SpacyAnalyser
from reader.core.loaders.text import parse_text
from tests.fixtures.speech import speakers

pytestmark = pytest.mark.model


def test_a_light_verb_with_a_speech_noun_reports_speech(analyser: SpacyAnalyser) -> None:
    """'X issued a statement' / 'X had a short statement': X is the speaker of what follows."""
    text = (
        "The council voted on the harbour plan in the evening.\n"
        "The mayor's deputy, Helen Arkwright, had a short statement after the vote. "
        "\u201cThis is a good day for the harbour and for everyone who works there.\u201d\n"
    )
    got = speakers(analyser, text)
    assert got["This is a good day for the harbour and for everyone who works there."] == (
        "Helen Arkwright"
    )


def test_a_pull_quote_takes_the_speaker_of_the_words_it_repeats(analyser: SpacyAnalyser) -> None:
    """A bare copy of attributed words (a pull quote) is the same speaker's, not its
    neighbour's."""
    text = (
        "The tribunal ruled against the operator on Monday.\n"
        "\u201cThe operator ignored every warning it was given,\u201d said Tomas Verhoeven, "
        "an engineer who gave evidence.\n"
        "\u2018We will not see a verdict like this again soon\u2019\n"
        "The operator's chief, Ingrid Salo, said the firm would appeal.\n"
        "\u201cWe will not see a verdict like this again soon. It changes the industry,\u201d "
        "said Pieter Smet, a lawyer for the families.\n"
    )
    got = speakers(analyser, text)
    assert got["We will not see a verdict like this again soon"] == "Pieter Smet"
    assert got["The operator ignored every warning it was given"] == "Tomas Verhoeven"


def test_a_short_repeated_term_does_not_take_a_speaker(analyser: SpacyAnalyser) -> None:
    """Under four words a repeat is a term or slogan, which may be anyone's."""
    text = (
        "Campaigners held banners reading \u201cNo More Cuts\u201d outside the hall.\n"
        "\u201cNo more cuts, and no more closures,\u201d said Rosa Lindqvist, who leads the "
        "campaign.\n"
    )
    ann = analyser.analyse(parse_text(text))
    banner = [q for q in ann.quotes if q.text == "No More Cuts"]
    assert banner and banner[0].speaker is None


def test_a_role_set_before_the_name_with_a_comma_names_that_person_later(
    analyser: SpacyAnalyser,
) -> None:
    """'Fiji's Prime Minister and Chairman of the Forum, Dr Jone Tabua ...' / 'The Prime Minister
    said, "..."': the role is the person it introduced."""
    text = (
        "Fiji's Prime Minister and Chairman of the Pacific Forum, Dr Jone Tabua has voiced his "
        "support for a regional fund.\n"
        "The fund was proposed by Senator Mary Vale at a meeting in Suva.\n"
        "The Prime Minister said, \u201cWe claim to have strong ties but I do not see the "
        "evidence of that.\u201d\n"
    )
    got = speakers(analyser, text)
    assert got["We claim to have strong ties but I do not see the evidence of that."] == (
        "Jone Tabua"
    )


def test_a_coordinated_subject_speaks_through_the_conjunct_that_names_someone(
    analyser: SpacyAnalyser,
) -> None:
    """'he and his co-authors predicted "..."': he, whoever "his co-authors" are."""
    text = (
        "Thomas Brandt changed how economists think about firms with a famous paper. It was "
        "1987, yet he and his co-authors predicted \u201ca shift toward markets rather than "
        "hierarchies to co-ordinate activity\u201d.\n"
    )
    got = speakers(analyser, text)
    assert got["a shift toward markets rather than hierarchies to co-ordinate activity"] == (
        "Thomas Brandt"
    )


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        (
            "General Marcus Webb wrote the memoir in exile. The memoir repeats Webb's demands "
            "for more \u201cliving space\u201d on every page.\n",
            "living space",
            "Marcus Webb",
        ),
        (
            "The mayor, Julia Hartmann, renewed her call for \u201ccalm and patience\u201d on "
            "Sunday.\n",
            "calm and patience",
            "Julia Hartmann",
        ),
    ],
)
def test_the_possessor_of_a_noun_of_saying_speaks_the_quote_it_holds(
    analyser: SpacyAnalyser, text: str, quoted: str, speaker: str
) -> None:
    """ "X's demands for 'living space'": X's words, a partial quote, not a scare quote."""
    assert speakers(analyser, text)[quoted] == speaker


def test_a_quote_in_an_interview_turn_is_the_labelled_persons(analyser: SpacyAnalyser) -> None:
    """'Ms Ferrante: In my first book I called them “thinking machines”': the "I" of the turn."""
    text = (
        "The magazine spoke to the author Lucia Ferrante about her new book.\n"
        "The Review: What do you call these groups?\n"
        "Ms Ferrante: In my first book I called them \u201cthinking machines\u201d, but the "
        "name never caught on.\n"
    )
    assert speakers(analyser, text)["thinking machines"] == "Lucia Ferrante"


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        (
            "Asked about the delay, Davies replied: \u201cWe are doing our best.\u201d\n",
            "We are doing our best.",
            "Davies",
        ),
        (
            "\u201cThis budget is a disaster,\u201d Reyes wrote on Facebook.\n",
            "This budget is a disaster",
            "Reyes",
        ),
    ],
)
def test_a_surname_the_tagger_took_for_a_common_noun_still_speaks(
    analyser: SpacyAnalyser, text: str, quoted: str, speaker: str
) -> None:
    """Surnames ending in -s ("Davies", "Reyes") are tagged NN/NNS by the small model."""
    assert speakers(analyser, text)[quoted] == speaker


def test_a_quote_after_a_sentence_about_a_person_is_theirs(analyser: SpacyAnalyser) -> None:
    """'Mark Davies, the chief executive, was blunt. “We got this wrong.”'"""
    text = (
        "The airline cancelled 300 flights over the weekend.\n"
        "Mark Davies, the company's chief executive, was blunt. \u201cWe got this wrong and we "
        "are sorry.\u201d\n"
    )
    assert speakers(analyser, text)["We got this wrong and we are sorry."] == "Mark Davies"


def test_a_quote_after_a_sentence_about_a_thing_stays_unattributed(
    analyser: SpacyAnalyser,
) -> None:
    text = (
        "Mark Davies runs the airline.\n"
        "The notice on the door was short. \u201cClosed until further notice.\u201d\n"
    )
    assert speakers(analyser, text)["Closed until further notice."] is None


def test_a_paragraph_of_quotation_after_a_paragraph_about_a_person_is_theirs(
    analyser: SpacyAnalyser,
) -> None:
    """'The mayor, Julia Hartmann, defended the plan.' / '“We cannot wait any longer.”'"""
    text = (
        "The mayor, Julia Hartmann, defended the plan in a radio interview.\n"
        "\u201cWe cannot wait any longer.\u201d\n"
        "The council meets again in May.\n"
    )
    assert speakers(analyser, text)["We cannot wait any longer."] == "Julia Hartmann"


def test_a_memoir_speaks_in_its_owners_words(analyser: SpacyAnalyser) -> None:
    """'Her memoir recalls “...”': a piece of writing gives its author's words."""
    text = (
        "Ruth Okafor spent a decade on the book.\n"
        "Her memoir recalls \u201cthe long winter when the river froze and nobody came.\u201d\n"
    )
    got = speakers(analyser, text)
    assert got["the long winter when the river froze and nobody came."] == "Ruth Okafor"


def test_a_passage_with_no_owner_is_the_sentence_subjects(analyser: SpacyAnalyser) -> None:
    """'X hated ..., with one passage relating “...”': the passage is X's writing ("relate"
    tells here), and the quotation going on in the same sentence is X's too."""
    text = (
        "The novelist Ruth Okafor hated the war years, with one passage relating "
        "\u201cwe ate bread made of acorns and called it cake,\u201d and another recalling "
        "\u201cthe silence of the empty market.\u201d\n"
    )
    got = speakers(analyser, text)
    assert got["we ate bread made of acorns and called it cake"] == "Ruth Okafor"


def test_relating_to_is_not_speech(analyser: SpacyAnalyser) -> None:
    """'issues relating to “...”' links, it does not tell: no speaker from "relating"."""
    text = "The union raised issues relating to \u201cunpaid overtime and broken promises.\u201d\n"
    assert speakers(analyser, text).get("unpaid overtime and broken promises.") is None


def test_a_plural_speech_noun_makes_a_light_verb_speech(analyser: SpacyAnalyser) -> None:
    """'The judge allowed her to give long speeches: “...”' as 'to give a speech': she
    speaks (the colon hangs on "allowed", whose subject is the judge)."""
    text = (
        "The protest leader Maria Kovacs was arrested in May.\n"
        "At her trial the judge allowed her to give long speeches: \u201cI regret nothing, "
        "and I would do it all again tomorrow.\u201d\n"
    )
    got = speakers(analyser, text)
    assert got["I regret nothing, and I would do it all again tomorrow."] == "Maria Kovacs"


def test_a_question_quoting_you_back_is_the_next_turns_guest(analyser: SpacyAnalyser) -> None:
    """'The Harbour Herald: You argue that cities are “too slow”.' / 'Ms Lindqvist: ...': the
    interviewer quotes the guest "you" addresses, who answers in the next turn."""
    text = (
        "Rosa Lindqvist studies how cities change.\n"
        "The Harbour Herald: You argue that most cities are \u201chopelessly slow\u201d to "
        "adapt. Why?\n"
        "Ms Lindqvist: Because budgets are set years ahead, and nobody wants to move first.\n"
    )
    assert speakers(analyser, text)["hopelessly slow"] == "Rosa Lindqvist"


def test_a_question_with_no_you_keeps_no_speaker(analyser: SpacyAnalyser) -> None:
    """Without "you" as the speaker, the interviewer's quotation is not the guest's."""
    text = (
        "Rosa Lindqvist studies how cities change.\n"
        "The Harbour Herald: Critics argue that most cities are \u201chopelessly slow\u201d to "
        "adapt. Why?\n"
        "Ms Lindqvist: Because budgets are set years ahead, and nobody wants to move first.\n"
    )
    assert speakers(analyser, text).get("hopelessly slow") is None


def test_a_partial_quote_after_narration_is_not_the_earlier_speakers(
    analyser: SpacyAnalyser,
) -> None:
    """A sentence of narration between them silences the earlier voice: the later words,
    quoted inside narration of their own, are the document's."""
    text = (
        "The harbour master, Ingrid Salo, spoke first. \u201cWe need these rules now,\u201d "
        "she said. The new rules take effect in March and apply to every boat in the bay. "
        "The code makes clear that owners must report \u201cany spill, however small, within "
        "the hour\u201d to the office.\n"
    )
    got = speakers(analyser, text)
    assert got["We need these rules now"] == "Ingrid Salo"
    assert got["any spill, however small, within the hour"] is None


def test_a_partial_quote_right_after_speech_still_goes_on(analyser: SpacyAnalyser) -> None:
    """With no narration in between, the earlier speaker's words go on."""
    text = (
        "The harbour master, Ingrid Salo, spoke first. \u201cWe need these rules now,\u201d "
        "she said. Owners must report \u201cany spill, however small, within the hour\u201d "
        "to the office.\n"
    )
    got = speakers(analyser, text)
    assert got["any spill, however small, within the hour"] == "Ingrid Salo"


def test_a_quote_after_one_in_its_own_sentence_still_inherits(analyser: SpacyAnalyser) -> None:
    """Narration before, but a quotation earlier in the same sentence: the voice goes on."""
    text = (
        "The harbour master, Ingrid Salo, spoke first. \u201cWe need these rules now,\u201d "
        "she said. The new rules take effect in March and apply to every boat in the bay. "
        "The rules follow her call for \u201cmore care in the bay\u201d and require reports "
        "of \u201cany spill, however small, within the hour.\u201d\n"
    )
    got = speakers(analyser, text)
    assert got["any spill, however small, within the hour."] == "Ingrid Salo"
