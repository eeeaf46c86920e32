"""find_dates with the real spaCy model: spans, tense from the parse, and the gold articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.analysis.dates import find_dates
from reader.core.analysis.runner import doc_quotes
from reader.core.loaders import load_article
from reader.core.model import DateMention
from tests.fixtures.gold import article_paths, load_gold, resolve_in_order

pytestmark = pytest.mark.model

MONDAY = dt.date(2025, 3, 17)


def dates_in(nlp, text: str, published: dt.date | None = MONDAY) -> list[DateMention]:
    return find_dates(nlp(text), published)


def values(mentions: list[DateMention]) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in mentions]


def test_span_is_the_expression_and_indexes_the_text(nlp) -> None:
    text = "Macron added in an interview on Saturday that troops could go."
    [mention] = dates_in(nlp, text)
    assert (mention.text, mention.value, mention.precision) == ("Saturday", "2025-03-15", "day")
    assert text[mention.start : mention.end] == mention.text


def test_future_tense_turns_a_weekday_forward(nlp) -> None:
    text = (
        "Macron will meet with Canadian Prime Minister Mark Carney on Monday, and then travel "
        "to Berlin on Tuesday to meet with German Chancellor Olaf Scholz."
    )
    assert values(dates_in(nlp, text)) == [("Monday", "2025-03-17"), ("Tuesday", "2025-03-18")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministers met in Brussels on Thursday.", "2025-03-13"),
        ("The ministers will meet in Brussels on Thursday.", "2025-03-20"),
        ("She said she would speak with officials on Thursday.", "2025-03-20"),
        ("The report is due to be published on Thursday.", "2025-03-20"),
        ("His planned trip to Berlin on Thursday has worried officials.", "2025-03-20"),
        ("The tariffs were announced on Thursday by the White House.", "2025-03-13"),
        ("The summit opens in Paris on Thursday.", "2025-03-20"),
    ],
)
def test_the_governing_verb_decides_a_bare_weekday(nlp, sentence: str, expected: str) -> None:
    [mention] = dates_in(nlp, sentence)
    assert (mention.text, mention.value) == ("Thursday", expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The vote is scheduled for Friday.", [("Friday", "2025-03-21")]),
        ("Putin is expected to respond on Wednesday.", [("Wednesday", "2025-03-19")]),
        ("The EU summit on Thursday will discuss defence.", [("Thursday", "2025-03-20")]),
        ("In December, inflation fell to 2.5%.", [("December", "2024-12")]),
        ("Elections are due in October.", [("October", "2025-10")]),
        (
            "Trump said on Sunday he would speak to Putin on Tuesday.",
            [("Sunday", "2025-03-16"), ("Tuesday", "2025-03-18")],
        ),
        ("The proposal was agreed in Jeddah last Tuesday.", [("last Tuesday", "2025-03-11")]),
        (
            "The meeting, first announced in February, will take place on April 2.",
            [("February", "2025-02"), ("April 2", "2025-04-02")],
        ),
        ("He was born on 12 June 1965 in Lyon.", [("12 June 1965", "1965-06-12")]),
        (
            "The deal, signed in 2015, expires in October.",
            [("2015", "2015"), ("October", "2025-10")],
        ),
        (
            "The strike began on Tuesday and is expected to last until Friday.",
            [("Tuesday", "2025-03-11"), ("Friday", "2025-03-21")],
        ),
        ("Zelenskiy met Trump at the White House on Feb. 28.", [("Feb. 28", "2025-02-28")]),
        ("Inflation hit a record in the summer of 2022.", [("the summer of 2022", "2022")]),
        (
            "Prices rose 3% in the year to February, data showed on Friday.",
            [("the year to February", "2025-02"), ("Friday", "2025-03-14")],
        ),
    ],
)
def test_wire_sentences(nlp, sentence: str, expected: list[tuple[str, str]]) -> None:
    assert values(dates_in(nlp, sentence)) == expected


def test_relative_and_month_expressions_keep_their_precision(nlp) -> None:
    text = (
        "Last year, wildfires burned more than 170,000 hectares. The Bank of England kept rates "
        "unchanged last month and will meet again in April. The rules took effect in "
        "March 2024, and inflation should fall by the end of 2025."
    )
    found = [(m.text, m.value, m.precision) for m in dates_in(nlp, text)]
    assert found == [
        ("Last year", "2024", "year"),
        ("last month", "2025-02", "month"),
        ("April", "2025-04", "month"),
        ("March 2024", "2024-03", "month"),
        ("the end of 2025", "2025", "year"),
    ]


def test_durations_are_left_out(nlp) -> None:
    text = (
        "Firefighters battled the blaze for a third day on Friday. The next 24 hours will be "
        "critical, and the lander should reach orbit in about four months, two years after a crash."
    )
    assert values(dates_in(nlp, text)) == [("Friday", "2025-03-14")]


def test_weeks_are_references_without_a_value(nlp) -> None:
    text = "Bidzina Ivanishvili said last week that he would visit Port Sudan next week."
    found = [(m.text, m.value, m.precision) for m in dates_in(nlp, text)]
    assert found == [("last week", None, None), ("next week", None, None)]


def test_without_publication_date_only_absolute_dates_resolve(nlp) -> None:
    text = (
        "The talks were held on Saturday and will resume next month. Trade was worth more than "
        "$1.5 trillion in 2023, and forecasts are due on March 26, 2025."
    )
    assert values(dates_in(nlp, text, published=None)) == [
        ("Saturday", None),
        ("next month", None),
        ("2023", "2023"),
        ("March 26, 2025", "2025-03-26"),
    ]


def test_wire_dateline_is_a_date(nlp) -> None:
    text = "BERLIN, Nov 6 (Reuters) -\nScholz and Macron met in Berlin on Tuesday."
    assert values(dates_in(nlp, text, dt.date(2024, 11, 6))) == [
        ("Nov 6", "2024-11-06"),
        ("Tuesday", "2024-11-05"),
    ]


def test_quoted_today_counts_from_the_day_it_was_said(nlp) -> None:
    text = (
        "Spain beat Portugal in Madrid on Sunday night.\n"
        'The coach said: "We will enjoy it tonight and start working again tomorrow."'
    )
    assert values(dates_in(nlp, text, dt.date(2025, 5, 19))) == [
        ("Sunday night", "2025-05-18"),
        ("tonight", "2025-05-18"),
        ("tomorrow", "2025-05-19"),
    ]


def test_unquoted_today_is_the_publication_day(nlp) -> None:
    text = "The ministers met on Saturday. The decision will be announced tomorrow."
    assert values(dates_in(nlp, text)) == [("Saturday", "2025-03-15"), ("tomorrow", "2025-03-18")]


def test_election_day_takes_the_date_given_for_the_election(nlp) -> None:
    text = (
        "Georgia will elect a new parliament on October 26. "
        '"We will show on election day that they do not have to," said Nika Melia.'
    )
    assert values(dates_in(nlp, text, dt.date(2024, 10, 8))) == [
        ("October 26", "2024-10-26"),
        ("election day", "2024-10-26"),
    ]


def test_election_day_without_a_dated_election_stays_unresolved(nlp) -> None:
    text = "Voters queued for hours on election day, officials said."
    assert values(dates_in(nlp, text, dt.date(2024, 10, 8))) == [("election day", None)]


def test_a_verb_inside_a_quote_does_not_set_the_tense_outside_it(nlp) -> None:
    text = (
        "“I think they were being overly cautious.” Saturday’s peak demand, according "
        "to Mr. Marcus, reached 44,947 megawatts, much lower than the 46,797 he saw on Friday."
    )
    assert values(dates_in(nlp, text, dt.date(2020, 8, 16))) == [
        ("Saturday", "2020-08-15"),
        ("Friday", "2020-08-14"),
    ]


def test_an_entity_is_cut_at_a_dash_unless_it_is_a_range(nlp) -> None:
    published = dt.date(2025, 2, 1)
    forecast = "Read the morning forecast for November 5 - Foggy and frosty start for many."
    assert values(dates_in(nlp, forecast, published)) == [("November 5", "2024-11-05")]
    festival = "The festival runs March 3 - March 5 in Austin."
    assert values(dates_in(nlp, festival, published)) == [
        ("March 3", "2025-03-03"),
        ("March 5", "2025-03-05"),
    ]  # a range gives both ends


def test_a_name_is_not_a_month(nlp) -> None:
    text = "Theresa May spoke to Mark Carney in March."
    assert values(dates_in(nlp, text)) == [("March", "2025-03")]


def test_doc_quotes_pair_all_three_styles_once_per_doc(nlp) -> None:
    text = 'He said “one” and « two » and "three".\n"Open quote never closed'
    doc = nlp(text)
    spans = doc_quotes(doc)
    assert [text[q.open_at : q.close_at + 1] for q in spans] == ["“one”", "« two »", '"three"']
    assert doc_quotes(doc) is spans  # the quote and the date stages share one pairing


def test_output_is_deterministic(nlp, sample_path: Path) -> None:
    article = load_article(sample_path)
    doc = nlp(article.text)
    assert find_dates(doc, article.published) == find_dates(doc, article.published)


# The date gold (tests/fixtures/gold/*.dates.json) is labelled by hand as a reader would, with
# the weekday arithmetic checked with datetime: every calendar reference including wire
# datelines; durations, ages, windows and clock times left out ("a third day", "the next 24
# hours", "60 days", "the coming months", "the final minute", "the warmest year"); "last
# week" and "next week" with value null; "the end of 2025" as the year 2025; in 07 the
# coach's "tonight" and "tomorrow" are Sunday and Monday (said after Sunday night's game,
# published Monday); in 04 "election day" is October 26, the date given for the vote.


def score(nlp, path: Path) -> tuple[int, int, list[str]]:
    """(correct, total, misses): a gold date is correct when span, value and precision match."""
    article = load_article(path)
    gold = resolve_in_order(article.text, load_gold(path.stem, "dates") or [])
    found = {(m.start, m.end): m for m in find_dates(nlp(article.text), article.published)}
    misses = []
    for span in gold:
        mention = found.get((span.start, span.end))
        got = (mention.value, mention.precision) if mention else "missing"
        if got != (span.get("value"), span.get("precision")):
            misses.append(f"{span.text!r}: gold {span.get('value')}, got {got}")
    return len(gold) - len(misses), len(gold), misses


def test_every_date_of_the_sample_is_resolved_correctly(nlp, sample_path: Path) -> None:
    _, total, misses = score(nlp, sample_path)
    assert total == 5
    assert misses == []


def test_every_article_has_date_gold() -> None:
    for path in article_paths():
        assert load_gold(path.stem, "dates"), path.stem


def test_date_accuracy_over_all_gold_articles(nlp) -> None:
    """Over the sample and the eleven fixtures (58 hand-labelled dates)."""
    results = [score(nlp, path) for path in article_paths()]
    total = sum(r[1] for r in results)
    assert total >= 50
    assert [m for r in results for m in r[2]] == []


def test_no_date_outside_the_gold_in_fixture_articles(nlp) -> None:
    """Precision: everything found is a gold date (durations and times stay out)."""
    for path in article_paths():
        article = load_article(path)
        gold = resolve_in_order(article.text, load_gold(path.stem, "dates") or [])
        spans = {(g.start, g.end) for g in gold}
        extra = [
            m.text
            for m in find_dates(nlp(article.text), article.published)
            if (m.start, m.end) not in spans
        ]
        assert extra == [], path.stem


def test_tense_walk_stops_at_the_root(nlp) -> None:
    """Regression: spaCy makes a new Token per access, so identity never ends a walk to the root.

    "The decision to resign on Friday." has a verbless root; comparing tokens with ``is`` looped
    forever and stalled every later analysis on the worker.
    """
    from tests.security.watchdog import watchdog

    with watchdog(60, "date analysis"):
        doc = nlp("The decision to resign on Friday.")
        dates = find_dates(doc, dt.date(2025, 3, 17))
    assert [(d.text, d.value) for d in dates] == [("Friday", "2025-03-14")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the clause's tense decides: future and plans forward, past back
        ("The report will be presented on March 4.", [("March 4", "2026-03-04")]),
        ("The payment is due in December.", [("December", "2025-12")]),
        ("The team won on Saturday.", [("Saturday", "2025-03-15")]),
        ("In November, the council voted to close the school.", [("November", "2024-11")]),
        ("She is due to speak on Saturday.", [("Saturday", "2025-03-22")]),
        # a plan that is itself past points either way: the nearest day (a weekday: the past)
        ("Jane Roe was slated to introduce him on Saturday.", [("Saturday", "2025-03-15")]),
        ("He was asked to break the news on Dec. 18.", [("Dec. 18", "2024-12-18")]),
    ],
)
def test_the_clause_tense_gives_the_direction(
    nlp, sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert values(dates_in(nlp, sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The summit will be held June 6-10 in Lima.",
            [("June 6", "2025-06-06"), ("10", "2025-06-10")],
        ),
        (
            "He served as mayor from May 2021 to June 2022.",
            [("May 2021", "2021-05"), ("June 2022", "2022-06")],
        ),
        (
            "The trial ran between January and April 3, 2024.",
            [("January", "2024-01"), ("April 3, 2024", "2024-04-03")],
        ),
    ],
)
def test_a_range_gives_both_ends(nlp, sentence: str, expected: list[tuple[str, str]]) -> None:
    assert values(dates_in(nlp, sentence)) == expected


def test_a_weekday_in_apposition_to_a_dated_day_is_that_day(nlp) -> None:
    text = "He broke the news to the staff on Dec. 18, a Wednesday, before the vote."
    assert values(dates_in(nlp, text)) == [("Dec. 18", "2024-12-18"), ("Wednesday", "2024-12-18")]
    wrong_day = "They met on Dec. 18, a Thursday."  # the calendar disagrees: the nearest one
    assert values(dates_in(nlp, wrong_day))[1] == ("Thursday", "2025-03-13")


def test_a_month_without_a_year_takes_the_year_of_its_clause(nlp) -> None:
    text = "In the summer of 2004, Jane Roe announced her resignation in mid-August."
    assert values(dates_in(nlp, text)) == [
        ("the summer of 2004", "2004"),
        ("mid-August", "2004-08"),
    ]
    fronted = "After denying the rumours in the summer of 2004, Jane Roe resigned in mid-August."
    assert values(dates_in(nlp, fronted))[1] == ("mid-August", "2004-08")  # an adverbial clause
    other_clause = "The deal, signed in 2015, expires in October."  # 2015 is "signed"'s
    assert values(dates_in(nlp, other_clause))[1] == ("October", "2025-10")


def test_a_date_with_a_value_beats_a_longer_candidate_without(nlp) -> None:
    text = "The exams were postponed by three weeks April 28, 2022 after the storm."
    assert ("April 28, 2022", "2022-04-28") in values(dates_in(nlp, text))


def test_a_full_date_is_a_date_even_inside_a_name(nlp) -> None:
    """The model may tag a byline and its date as one PERSON; a day, month and year is no name."""
    text = "By James Whittaker - May 4, 2022 Share this story"
    assert ("May 4, 2022", "2022-05-04") in values(dates_in(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new rule takes effect in January.", ("January", "2026-01")),
        ("The ban comes into force in February.", ("February", "2026-02")),
        ("The season opens in January.", ("January", "2026-01")),
        ("The mayor speaks during a debate on December 29.", ("December 29", "2024-12-29")),
    ],
)
def test_the_present_of_a_scheduled_onset_looks_ahead_however_far(nlp, text, expected) -> None:
    """'takes effect', 'comes into force', 'opens' state a timetable: the next such month, even
    ten months off; a caption's present ('speaks during a debate') keeps the nearest date."""
    assert expected in values(dates_in(nlp, text))
