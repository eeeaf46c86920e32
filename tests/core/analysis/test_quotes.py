"""Quotes and speakers on short texts, with the real model and the real entities."""

from __future__ import annotations

import pytest

from reader.core.analysis import SpacyAnalyser
from reader.core.loaders.text import parse_text
from reader.core.model import Annotations, Quote

pytestmark = pytest.mark.model


def analyse(analyser: SpacyAnalyser, text: str) -> Annotations:
    ann = analyser.analyse(parse_text(text))
    for quote in ann.quotes:
        assert ann.article.text[quote.start : quote.end] == quote.text
        if quote.speaker_id is not None:
            entity = ann.entity(quote.speaker_id)
            assert entity is not None and entity.name == quote.speaker
    return ann


def said(ann: Annotations) -> list[tuple[str, str | None, str]]:
    return [(q.text, q.speaker, q.kind) for q in ann.quotes]


def one(ann: Annotations) -> Quote:
    assert len(ann.quotes) == 1, said(ann)
    return ann.quotes[0]


# -- quote styles ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"We are ready to talk," Olaf Scholz told reporters in Berlin.',
        "“We are ready to talk,” Olaf Scholz told reporters in Berlin.",
        "« We are ready to talk », Olaf Scholz told reporters in Berlin.",
    ],
)
def test_each_quote_style_gives_the_same_quote_and_speaker(
    analyser: SpacyAnalyser, text: str
) -> None:
    quote = one(analyse(analyser, text))
    assert (quote.text, quote.speaker, quote.kind) == (
        "We are ready to talk",
        "Olaf Scholz",
        "speech",
    )
    assert quote.speaker_id is not None


def test_curly_single_marks_as_quotation_marks(analyser: SpacyAnalyser) -> None:
    ann = analyse(analyser, "‘We are ready to talk,’ Emmanuel Macron told reporters in Berlin.")
    assert said(ann) == [("We are ready to talk", "Emmanuel Macron", "speech")]


def test_marks_are_outside_the_span(analyser: SpacyAnalyser) -> None:
    ann = analyse(analyser, "“Every fraction of a degree matters,” Simon Stiell said in Geneva.")
    quote = one(ann)
    text = ann.article.text
    assert text[quote.start - 1] == "“" and text[quote.end : quote.end + 2] == ",”"


def test_quote_spanning_sentences_after_a_colon(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "Spain's coach, Luis de la Fuente, said: \"This group has something special. "
        'We will enjoy it tonight and start working again tomorrow."',
    )
    quote = one(ann)
    assert quote.text.startswith("This group") and quote.text.endswith("tomorrow.")
    assert quote.speaker == "Luis de la Fuente"


def test_apostrophes_and_a_stray_mark_do_not_break_pairing(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "Germany's chancellor said \"nothing. Boris Johnson said Britain's plan was "
        '"a disaster for everyone" and that he didn\'t "see any future" for it.',
    )
    assert said(ann) == [
        ("a disaster for everyone", "Boris Johnson", "speech"),
        ("see any future", "Boris Johnson", "speech"),
    ]


# -- speaker patterns ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Europe cannot wait," Olaf Scholz said.', "Olaf Scholz"),
        ('"Europe cannot wait," said Olaf Scholz, the German chancellor.', "Olaf Scholz"),
        ('"Europe cannot wait," Olaf Scholz told reporters after the meeting.', "Olaf Scholz"),
        ('Olaf Scholz said: "Europe cannot wait for others."', "Olaf Scholz"),
        ('Olaf Scholz added that Europe "cannot wait for others".', "Olaf Scholz"),
        ('Olaf Scholz warned that Europe "cannot wait for others".', "Olaf Scholz"),
        ('"Tax cuts would be reckless," Jo Johnson wrote in the Financial Times.', "Jo Johnson"),
        (
            'According to Kaja Kallas, the sanctions are "working better than expected".',
            "Kaja Kallas",
        ),
        ('Peter Szijjarto said on Friday that sanctions had "failed".', "Peter Szijjarto"),
    ],
)
def test_speech_verb_patterns(analyser: SpacyAnalyser, text: str, speaker: str) -> None:
    quote = one(analyse(analyser, text))
    assert (quote.speaker, quote.kind) == (speaker, "speech")


def test_partial_quote_in_a_reported_clause_is_speech(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'Emmanuel Macron said the two countries shared "a common responsibility" for Europe.',
    )
    assert said(ann) == [("a common responsibility", "Emmanuel Macron", "speech")]


def test_surname_resolves_to_the_full_name(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "Mexican President Claudia Sheinbaum spoke on Sunday.\n"
        '"Mexico will always defend its sovereignty," Sheinbaum said.',
    )
    assert one(ann).speaker == "Claudia Sheinbaum"


def test_two_people_sharing_a_surname_stay_apart(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'Boris Johnson said the government was "strangling enterprise". His brother, '
        'Jo Johnson, disagreed. "Tax cuts paid for with borrowing would be reckless," '
        "Jo Johnson wrote.",
    )
    assert [q.speaker for q in ann.quotes] == ["Boris Johnson", "Jo Johnson"]


def test_organization_can_speak(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'Meta said the decision was "an attempt to handicap successful American businesses".',
    )
    assert one(ann).speaker == "Meta"


# -- pronouns and titles ---------------------------------------------------------------------


def test_he_said_goes_back_to_the_named_person(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "Emmanuel Macron met reporters in Berlin on Tuesday.\n"
        'He said: "Germany and France will present a plan next month."',
    )
    assert one(ann).speaker == "Emmanuel Macron"


def test_she_added_after_the_quote(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        '"I am confident that the economy will grow," Rachel Reeves told the BBC.\n'
        '"Inflation will fall back towards the target," she added.',
    )
    assert [q.speaker for q in ann.quotes] == ["Rachel Reeves", "Rachel Reeves"]


def test_pronoun_prefers_the_subject_over_an_object(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "Kaja Kallas called on Viktor Orban to lift his veto. "
        'She said the bloc "cannot wait any longer".',
    )
    assert one(ann).speaker == "Kaja Kallas"


def test_pronoun_gender_from_an_honorific(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "British Prime Minister Keir Starmer met Ms Giorgia Meloni in Rome. "
        '"We agree on migration," she said.',
    )
    assert "Meloni" in (one(ann).speaker or "")


def test_reported_clause_is_not_the_pronouns_referent(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'Russia "does not want peace," Emmanuel Macron said in a statement. '
        'On the contrary, the Russian president "was building up hostilities," he said.',
    )
    assert [q.speaker for q in ann.quotes] == ["Emmanuel Macron", "Emmanuel Macron"]


def test_title_goes_back_to_the_person_who_carried_it(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "German Chancellor Olaf Scholz and French President Emmanuel Macron met in Berlin.\n"
        '"We will not let Ukraine stand alone," the French president said.',
    )
    assert one(ann).speaker == "Emmanuel Macron"


def test_title_from_an_apposition(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "Cindy McCain, the agency's executive director, visited Port Sudan.\n"
        '"We are running out of time," the executive director said.',
    )
    assert one(ann).speaker == "Cindy McCain"


# -- paragraphs --------------------------------------------------------------------------------


def test_following_quote_in_a_paragraph_inherits_the_speaker(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "“The next 24 hours will be critical,” said Vassilis Kikilias, the minister. "
        "“We are asking people to follow every evacuation order.”",
    )
    assert [q.speaker for q in ann.quotes] == ["Vassilis Kikilias", "Vassilis Kikilias"]


def test_quote_running_on_into_the_next_paragraph(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'Kaja Kallas said: "Russia is not serious about peace.\n'
        '"The pressure has to increase and it will."',
    )
    assert [q.speaker for q in ann.quotes] == ["Kaja Kallas", "Kaja Kallas"]


def test_a_new_paragraph_does_not_inherit(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        '"Russia is not serious about peace," Kaja Kallas said.\n'
        'The banner read "Peace now, peace for everyone, peace in our time".',
    )
    assert [q.speaker for q in ann.quotes] == ["Kaja Kallas", None]


# -- scare quotes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ('Portugal coach Roberto Martinez praised his team\'s "courage".', "courage"),
        ('Critics mocked the "reform" on Monday.', "reform"),
        ('The council approved a "green corridor" for cyclists.', "green corridor"),
    ],
)
def test_scare_quotes(analyser: SpacyAnalyser, text: str, term: str) -> None:
    quote = one(analyse(analyser, text))
    assert (quote.text, quote.kind, quote.speaker, quote.speaker_id) == (term, "scare", None, None)


@pytest.mark.parametrize(
    ("text", "term", "speaker"),
    [
        (
            'Emmanuel Macron said they would not deploy a "mass" of soldiers.',
            "mass",
            "Emmanuel Macron",
        ),
        (
            'Keir Starmer said the plan would move to the "operational phase" soon.',
            "operational phase",
            "Keir Starmer",
        ),
        (
            'Olaf Scholz added that the brigade would serve as a "security guarantee" for '
            "the region.",
            "security guarantee",
            "Olaf Scholz",
        ),
        ('Mary Kane told reporters the tunnel was a "death trap".', "death trap", "Mary Kane"),
    ],
)
def test_partial_quote_in_reported_speech_is_speech(
    analyser: SpacyAnalyser, text: str, term: str, speaker: str
) -> None:
    """A quoted phrase inside the reported clause of a speech verb is the speaker's words."""
    quote = one(analyse(analyser, text))
    assert (quote.text, quote.kind, quote.speaker) == (term, "speech", speaker)


def test_short_quote_governed_by_a_speech_verb_is_speech(analyser: SpacyAnalyser) -> None:
    ann = analyse(analyser, 'Donald Trump called the deal a "disaster" on Monday.')
    assert said(ann) == [("disaster", "Donald Trump", "speech")]


def test_single_word_adverb_from_a_speaker_is_speech(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'Justin Trudeau said Canada would respond "forcefully" if tariffs went ahead.',
    )
    assert said(ann) == [("forcefully", "Justin Trudeau", "speech")]


def test_no_quotes_no_results(analyser: SpacyAnalyser) -> None:
    assert analyse(analyser, "Macron said that Ukraine is sovereign.").quotes == []


def test_so_called_marks_a_term(analyser: SpacyAnalyser) -> None:
    ann = analyse(analyser, 'The so-called "coalition of the willing" met in London on Sunday.')
    assert said(ann) == [("coalition of the willing", None, "scare")]


# -- more attribution shapes ------------------------------------------------------------------


def test_attribution_in_the_middle_of_a_quote(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        '"We are ready," Emmanuel Macron said, "but we need guarantees from our allies."',
    )
    assert [q.speaker for q in ann.quotes] == ["Emmanuel Macron", "Emmanuel Macron"]
    assert ann.quotes[1].text == "but we need guarantees from our allies."


def test_comma_outside_the_marks(analyser: SpacyAnalyser) -> None:
    quote = one(analyse(analyser, '"We are ready", Emmanuel Macron said.'))
    assert (quote.text, quote.speaker) == ("We are ready", "Emmanuel Macron")


def test_quoted_as_saying(analyser: SpacyAnalyser) -> None:
    quote = one(analyse(analyser, '"We will respond," Justin Trudeau was quoted as saying.'))
    assert quote.speaker == "Justin Trudeau"


def test_question_asked(analyser: SpacyAnalyser) -> None:
    quote = one(analyse(analyser, '"Why now?" asked Olaf Scholz.'))
    assert (quote.text, quote.speaker) == ("Why now?", "Olaf Scholz")


def test_each_speaker_of_a_paragraph_keeps_their_quote(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'Emmanuel Macron met Olaf Scholz. "We agree on everything," Scholz said. '
        'Macron was less sure. "There is work to do," he said.',
    )
    assert [q.speaker for q in ann.quotes] == ["Olaf Scholz", "Emmanuel Macron"]


def test_partial_then_full_quote_by_pronoun(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'Emmanuel Macron told Le Monde that Europe faced "an existential threat". '
        '"We must wake up," he said.',
    )
    assert said(ann) == [
        ("an existential threat", "Emmanuel Macron", "speech"),
        ("We must wake up", "Emmanuel Macron", "speech"),
    ]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ('Precarious work is not just an issue for "gig economy" workers.', "gig economy"),
        ('Kaja Kallas told "BBC Breakfast" viewers that sanctions would stay.', "BBC Breakfast"),
        ('Students live in halls, or "dorms" as they are known in the US.', "dorms"),
    ],
)
def test_more_terms(analyser: SpacyAnalyser, text: str, term: str) -> None:
    quote = one(analyse(analyser, text))
    assert (quote.text, quote.kind, quote.speaker) == (term, "scare", None)


def test_a_cue_that_names_nobody_is_not_inherited(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        '"We have been abandoned," Emmanuel Macron said. A second official, who asked not '
        'to be named, said: "The government looked to us to sort out the mess."',
    )
    assert [q.speaker for q in ann.quotes] == ["Emmanuel Macron", None]


def test_description_of_an_organization(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "The lander was built by Toyota, the Japanese carmaker. "
        '"We have learned from every mistake," the carmaker said.',
    )
    quote = one(ann)
    assert quote.speaker_id is not None and "Toyota" in (quote.speaker or "")


def test_organization_named_by_a_noun_in_its_name(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "The European Commission fined Apple on Wednesday. "
        '"Both companies have failed to comply with the law," the commission said.',
    )
    quote = one(ann)
    assert quote.speaker_id is not None and "European Commission" in (quote.speaker or "")


def test_modifier_under_a_speech_verb_is_speech(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'Emmanuel Macron called it an "outrageous" attack on European democracy.',
    )
    assert said(ann) == [("outrageous", "Emmanuel Macron", "speech")]


def test_a_paragraph_of_quotation_alone_continues_the_previous_speaker(
    analyser: SpacyAnalyser,
) -> None:
    ann = analyse(
        analyser,
        '"I had three conversations with my father," Emmanuel Macron said.\n'
        '"There is a lot to work through there. I feel really let down."\n'
        "The interview was broadcast on Sunday. "
        '"Nobody expected this to happen so soon."',
    )
    assert [q.speaker for q in ann.quotes] == ["Emmanuel Macron", "Emmanuel Macron", None]


def test_sex_learnt_from_an_earlier_pronoun(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "Cindy McCain said she would visit Port Sudan next week.\n"
        "Emmanuel Macron met McCain in Paris on Monday. "
        '"We are running out of money," she said.',
    )
    assert one(ann).speaker == "Cindy McCain"


def test_someones_office_speaks_for_them(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "The Foreign Office issued a warning on Monday. "
        '"We are monitoring the situation," Emmanuel Macron\'s office said.',
    )
    assert one(ann).speaker == "Emmanuel Macron"


def test_it_said_goes_back_to_the_organization(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "The World Food Programme warned of famine on Monday. Cindy McCain visited Sudan. "
        '"We are running out of money," it said.',
    )
    assert one(ann).speaker == "World Food Programme"


def test_the_company_said(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "Meta criticised the European Commission on Wednesday. "
        '"It is an attempt to handicap American businesses," the company said.',
    )
    assert one(ann).speaker == "Meta"


def test_capitalised_words_handed_to_a_speaker_are_speech(analyser: SpacyAnalyser) -> None:
    quote = one(analyse(analyser, '"Thank You," Emmanuel Macron said as he left.'))
    assert (quote.text, quote.kind, quote.speaker) == ("Thank You", "speech", "Emmanuel Macron")


def test_a_cited_title_is_not_speech(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'The foundation published its yearly report "Who Has Your Back? Government Data '
        'Requests in Europe" on Monday.',
    )
    assert [q.kind for q in ann.quotes] == ["scare"]


def test_a_term_once_is_a_term_again(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'A further 69,000 staff were on "atypical contracts" last year.\n'
        'Universities UK said its members had cut zero-hours contracts and "atypical '
        'contracts" since 2015.',
    )
    assert [(q.text, q.kind) for q in ann.quotes] == [
        ("atypical contracts", "scare"),
        ("atypical contracts", "scare"),
    ]


def test_a_leader_by_nationality(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "Leaders met in Ottawa, where Italy's Giorgia Meloni and Canadian Prime Minister Mark "
        'Carney held talks. The Italian leader said Europe needed "a clear answer" on trade.',
    )
    assert one(ann).speaker == "Giorgia Meloni"


def test_a_spokesman_speaks_for_the_organization(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "The deal was welcomed by the World Wildlife Fund. A spokesman for the World Wildlife "
        'Fund said the government was "moving in the right direction".',
    )
    assert one(ann).speaker == "World Wildlife Fund"


def test_agreed_colon(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        '"We are running out of time," Emmanuel Macron said. Cindy McCain agreed: '
        '"We baled the government out after the fiasco."',
    )
    assert [q.speaker for q in ann.quotes] == ["Emmanuel Macron", "Cindy McCain"]


def test_many_quotations_in_one_paragraph_all_inherit(analyser: SpacyAnalyser) -> None:
    """Each quotation with no cue takes the running speaker (looked up, not walked back to)."""
    text = 'Mary Kane spoke at length. "We are ready," she said. ' + '"We go now." ' * 300
    ann = analyse(analyser, text)
    assert len(ann.quotes) == 301
    assert {q.speaker for q in ann.quotes} == {"Mary Kane"}


# -- titles and roles ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Prime Minister Keith Mitchell met the envoys on Monday.\n"
            'The Prime Minister said, "We are taken for granted."',
            "Keith Mitchell",
        ),
        (
            'The Labour MP Jane Roe spoke first. "We will vote against it," the Labour MP said.',
            "Jane Roe",
        ),
        ('Leader of the House Dr Jane Roe said: "The vote is on Tuesday."', "Jane Roe"),
        ('Ministry of Finance spokesman John Smith said: "The budget is balanced."', "John Smith"),
    ],
)
def test_the_speaker_is_the_person_not_the_role(
    analyser: SpacyAnalyser, text: str, speaker: str
) -> None:
    """A role phrase is the person the article introduced with it; a name closing a phrase
    led by a title or an organization is the speaker."""
    assert one(analyse(analyser, text)).speaker == speaker


# -- quote runs ----------------------------------------------------------------------------


def test_speech_going_on_with_continued_and_went_on(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "Mary Kane stayed at the hospital.\n"
        '"I am worried about him," she continued. "I am shocked," she went on.',
    )
    assert [q.speaker for q in ann.quotes] == ["Mary Kane", "Mary Kane"]


def test_a_paragraph_of_quotation_after_reported_speech(analyser: SpacyAnalyser) -> None:
    """No attribution of its own: the speaker of the reported speech just before goes on."""
    ann = analyse(
        analyser,
        "Supplies are short, said Dr Marwan Haddad, director of the city hospital.\n"
        '"It is not enough for one day in a hospital."',
    )
    assert said(ann) == [("It is not enough for one day in a hospital.", "Marwan Haddad", "speech")]


def test_one_quotation_over_two_paragraphs_has_one_speaker(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'Mary Kane spoke after the vote. "We will not give in to pressure.\n'
        'We will stay as long as it takes," she said.',
    )
    assert [q.speaker for q in ann.quotes] == ["Mary Kane", "Mary Kane"]


def test_a_quotation_signed_by_a_name_with_no_verb(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        '"Our agents continue to guard the coast," Augusto Rey, director of the marine branch.',
    )
    assert one(ann).speaker == "Augusto Rey"


def test_a_colon_hands_the_quotation_to_the_subject_of_its_clause(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "Atef Kahlout runs the ward. Kahlout does not hide the choices, but he resents them: "
        '"We consider this one of the hardest decisions."',
    )
    assert one(ann).speaker == "Atef Kahlout"
    # no person before the colon: no speaker from it
    ann = analyse(analyser, 'The plan has three parts: "training, equipment and money".')
    assert one(ann).speaker is None


def test_confided_reports_speech(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'Tony Schwartz struggled. He confided to his journal, "the book will be a success."',
    )
    assert one(ann).speaker == "Tony Schwartz"


def test_a_term_later_does_not_unmake_an_earlier_partial_quote(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        'Thomas Malone said people and computers form what he calls "superminds".\n'
        'Critics doubt that "superminds" exist at all.',
    )
    assert [(q.text, q.kind) for q in ann.quotes] == [
        ("superminds", "speech"),
        ("superminds", "scare"),
    ]


def test_a_headline_source_and_colon_make_speech(analyser: SpacyAnalyser) -> None:
    """'Prison official: ‘Anyone’ could escape': the words are the source's, unnamed."""
    ann = analyse(analyser, "Prison official: ‘Anyone’ could escape from the jail")
    assert said(ann) == [("Anyone", None, "speech")]
    ann = analyse(analyser, 'The plan has three parts: "training, equipment and money".')
    assert one(ann).kind == "scare"  # a verb before the colon: no headline attribution


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            'The tool the city wants is benignly branded "smart video analytics."',
            "smart video analytics.",
        ),
        (
            'The White House said he had built a wall under the rubric of "security" at home.',
            "security",
        ),
        ('Jane Roe said the deal was dubbed "the big swap" by traders.', "the big swap"),
    ],
)
def test_a_word_that_names_a_term_makes_a_scare_quote(
    analyser: SpacyAnalyser, text: str, term: str
) -> None:
    """A term named rather than used is a mention, even in reported speech."""
    quote = one(analyse(analyser, text))
    assert (quote.text, quote.kind, quote.speaker) == (term, "scare", None)


def test_a_lead_quotation_takes_the_speaker_attributed_right_after(analyser: SpacyAnalyser) -> None:
    ann = analyse(
        analyser,
        "The hospital has been dark since Monday.\n"
        '"We ran out of fuel. The hospital is out of service."\n'
        '"For days we have asked for fuel," said Dr Mary Kane, the director.',
    )
    assert [q.speaker for q in ann.quotes] == ["Mary Kane", "Mary Kane"]
