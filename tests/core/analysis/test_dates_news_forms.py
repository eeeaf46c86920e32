"""The forms news writes dates in, resolved against the publication date (issue 13), with
sentences written for these tests.

Each case is a publication date, a sentence and every date it should give as (span, value):
weekdays in each tense a story uses (past, future, present progressive, "is set to", "plans
to", "would", reported speech), relative units ("last month", "earlier this year"), months
written without a year on either side of New Year, seasons, ranges (both ends), "today" /
"tomorrow" / "yesterday" inside quotes, headline fragments, years alone. Decades are left out
or kept without a value (the labelling conventions of the news corpus).
"""

from __future__ import annotations

import datetime as dt

import pytest

from reader.core.analysis.dates import find_dates

pytestmark = pytest.mark.model

WED = dt.date(2025, 3, 19)  # a Wednesday in March
MID_JAN = dt.date(2026, 1, 14)  # a Wednesday just after New Year
NEW_YEAR = dt.date(2026, 1, 1)  # a Thursday
EARLY_DEC = dt.date(2025, 12, 10)  # a Wednesday just before New Year
AUGUST = dt.date(2025, 8, 20)  # a Wednesday in late summer

Case = tuple[dt.date, str, list[tuple[str, str | None]]]


def values(nlp, text: str, published: dt.date) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(nlp(text), published)]


def _xfail(case: Case, reason: str) -> object:
    return pytest.param(*case, marks=pytest.mark.xfail(reason=reason, strict=True))


WEEKDAYS: list[Case | object] = [
    (WED, "The union is meeting management on Thursday.", [("Thursday", "2025-03-20")]),
    (WED, "The airline is set to resume flights on Saturday.", [("Saturday", "2025-03-22")]),
    (WED, "The mayor plans to visit the flooded district on Tuesday.", [("Tuesday", "2025-03-25")]),
    (WED, "Officials said the bridge would reopen on Sunday.", [("Sunday", "2025-03-23")]),
    (
        WED,
        "The company said on Monday that it will cut 200 jobs on Friday.",
        [("Monday", "2025-03-17"), ("Friday", "2025-03-21")],
    ),
    (
        WED,
        "The council announced on Wednesday that the market would close on Saturday.",
        [("Wednesday", "2025-03-19"), ("Saturday", "2025-03-22")],
    ),
    (
        WED,
        "The police said on Tuesday that the suspect had fled on Sunday.",
        [("Tuesday", "2025-03-18"), ("Sunday", "2025-03-16")],
    ),
    (
        WED,
        "The talks, which began on Monday, are expected to end on Thursday.",
        [("Monday", "2025-03-17"), ("Thursday", "2025-03-20")],
    ),
    (WED, "Voters head to the polls on Sunday.", [("Sunday", "2025-03-23")]),
    (WED, "The striker was injured in training last Friday.", [("last Friday", "2025-03-14")]),
    (WED, "Rescue teams were searching the rubble on Thursday.", [("Thursday", "2025-03-13")]),
    (WED, "The prime minister is travelling to Brussels on Friday.", [("Friday", "2025-03-21")]),
    (WED, "The results are expected on Tuesday.", [("Tuesday", "2025-03-25")]),
    (WED, "The museum reopened to visitors on Wednesday.", [("Wednesday", "2025-03-19")]),
    (
        WED,
        "He told the radio station on Sunday that he would stand down in May.",
        [("Sunday", "2025-03-16"), ("May", "2025-05")],
    ),
    (
        WED,
        "Officials said on Friday the vote would take place on March 30.",
        [("Friday", "2025-03-14"), ("March 30", "2025-03-30")],
    ),
    (NEW_YEAR, "The fireworks started on Wednesday night.", [("Wednesday night", "2025-12-31")]),
    (WED, "The trial begins Monday.", [("Monday", "2025-03-24")]),
    (
        WED,
        "The storm is expected to hit the coast late Thursday.",
        [("late Thursday", "2025-03-20")],
    ),
    (
        WED,
        "The candidates are campaigning ahead of Sunday's vote.",
        [("Sunday", "2025-03-23")],
    ),
    (WED, "Friday's attack killed 12 people.", [("Friday", "2025-03-14")]),
    (
        WED,
        "The bank said yesterday that it would raise rates tomorrow.",
        [("yesterday", "2025-03-18"), ("tomorrow", "2025-03-20")],
    ),
]

RELATIVE: list[Case | object] = [
    (WED, "Prices rose sharply last month.", [("last month", "2025-02")]),
    (WED, "The new rules take effect next month.", [("next month", "2025-04")]),
    (WED, "Earlier this year, the bank raised its rates.", [("Earlier this year", "2025")]),
    (WED, "The verdict is due later this month.", [("later this month", "2025-03")]),
    (WED, "The factory closed last week.", [("last week", None)]),
    (WED, "Unemployment fell last year.", [("last year", "2024")]),
    (WED, "The talks collapsed late last month.", [("late last month", "2025-02")]),
    (WED, "The inquiry will report by the end of the year.", [("the end of the year", "2025")]),
]

NEW_YEAR_MONTHS: list[Case | object] = [
    (MID_JAN, "The festival was held in December.", [("December", "2025-12")]),
    (MID_JAN, "The new terminal will open in December.", [("December", "2026-12")]),
    (MID_JAN, "The ship ran aground on December 28.", [("December 28", "2025-12-28")]),
    (MID_JAN, "Schools reopened on January 5.", [("January 5", "2026-01-05")]),
    (MID_JAN, "Last December, the river burst its banks.", [("Last December", "2025-12")]),
    (EARLY_DEC, "The hearing is scheduled for January 12.", [("January 12", "2026-01-12")]),
    (EARLY_DEC, "The plant shut down in January.", [("January", "2025-01")]),
    (WED, "The harvest begins in September.", [("September", "2025-09")]),
    (
        WED,
        "The ceasefire, agreed on February 27, will expire on April 10.",
        [("February 27", "2025-02-27"), ("April 10", "2025-04-10")],
    ),
    (
        MID_JAN,
        "Analysts expect the central bank to cut rates in February.",
        [("February", "2026-02")],
    ),
]

SEASONS: list[Case | object] = [
    (WED, "The club hopes to sign the striker this summer.", [("this summer", "2025")]),
    (WED, "Sales slumped last summer.", [("last summer", "2024")]),
    (AUGUST, "The pool was closed for repairs last summer.", [("last summer", "2024")]),
    (AUGUST, "The new line opens this autumn.", [("this autumn", "2025")]),
    (dt.date(2025, 10, 8), "The pool was busy last summer.", [("last summer", "2025")]),
    (MID_JAN, "Heavy snow fell this winter.", [("this winter", None)]),
    (WED, "The plant opened in spring 2021.", [("spring 2021", "2021")]),
    (WED, "Profits rose in Q2 2024.", [("Q2 2024", "2024")]),
]

RANGES: list[Case | object] = [
    (
        WED,
        "The exhibition ran from May 2021 to June 2022.",
        [("May 2021", "2021-05"), ("June 2022", "2022-06")],
    ),
    (
        WED,
        "The coast road was closed between January and April 3.",
        [("January", "2024-01"), ("April 3", "2024-04-03")],
    ),
    (
        WED,
        "The festival runs from June 12 to June 15.",
        [("June 12", "2025-06-12"), ("June 15", "2025-06-15")],
    ),
    (WED, "The consultation is open until April 30.", [("April 30", "2025-04-30")]),
    (
        WED,
        "Between 2010 and 2015, the population doubled.",
        [("2010", "2010"), ("2015", "2015")],
    ),
]

QUOTED: list[Case | object] = [
    (
        WED,
        "\u201cWe will finish the work tomorrow,\u201d the foreman said on Monday.",
        [("tomorrow", "2025-03-18"), ("Monday", "2025-03-17")],
    ),
    (
        WED,
        "\u201cToday is a sad day for the town,\u201d the mayor said.",
        [("Today", "2025-03-19")],
    ),
    (
        WED,
        "Speaking on Friday, the coach said: \u201cWe play again on Sunday.\u201d",
        [("Friday", "2025-03-14"), ("Sunday", "2025-03-16")],
    ),
    (
        WED,
        "On Monday, she said: \u201cI met him yesterday.\u201d",
        [("Monday", "2025-03-17"), ("yesterday", "2025-03-16")],
    ),
    (
        WED,
        "\u201cTomorrow we will know more,\u201d the spokesman said on Friday.",
        [("Tomorrow", "2025-03-15"), ("Friday", "2025-03-14")],
    ),
]

HEADLINES_AND_YEARS: list[Case | object] = [
    (WED, "Senate to vote on budget Tuesday", [("Tuesday", "2025-03-25")]),
    (WED, "Storm to close schools Friday", [("Friday", "2025-03-21")]),
    (WED, "Markets rally on March 18", [("March 18", "2025-03-18")]),
    (WED, "The bridge was built in 1932.", [("1932", "1932")]),
    (WED, "The plan runs until 2030.", [("2030", "2030")]),
]

PROGRESSIVE: list[Case | object] = [
    (WED, "Fans are gearing up for Saturday's final.", [("Saturday", "2025-03-22")]),
    (WED, "The orchestra is touring Japan in October.", [("October", "2025-10")]),
    (WED, "Police are investigating a shooting on March 10.", [("March 10", "2025-03-10")]),
    (
        MID_JAN,
        "Officials are still counting the cost of the floods in December.",
        [("December", "2025-12")],
    ),
    (WED, "Residents are cleaning up after Sunday's storm.", [("Sunday", "2025-03-16")]),
    (
        WED,
        "The minister is facing criticism after Monday's vote.",
        [("Monday", "2025-03-17")],
    ),
    _xfail(
        (WED, "Police are investigating Monday's robbery.", [("Monday", "2025-03-17")]),
        "a progressive's object may be an event gone (investigating a robbery) or one ahead "
        "(hosting a summit): only the verb's meaning tells, and the parse does not",
    ),
]

REPORTED_FUTURE: list[Case | object] = [
    (
        WED,
        "Officials said on Friday that talks would resume on Monday.",
        [("Friday", "2025-03-14"), ("Monday", "2025-03-17")],
    ),
    (
        WED,
        "The firm announced on Monday that it would cut jobs on Tuesday.",
        [("Monday", "2025-03-17"), ("Tuesday", "2025-03-18")],
    ),
    (
        MID_JAN,
        "The government said in November it would raise taxes in December.",
        [("November", "2025-11"), ("December", "2025-12")],
    ),
    (
        EARLY_DEC,
        "Organisers said in October that the festival would take place in November.",
        [("October", "2025-10"), ("November", "2025-11")],
    ),
    (
        WED,
        "The bank said on Monday that it would raise rates next month.",
        [("Monday", "2025-03-17"), ("next month", "2025-04")],
    ),
    (
        WED,
        "The firm, founded in May 1990, said on Monday it would open a store in June.",
        [("May 1990", "1990-05"), ("Monday", "2025-03-17"), ("June", "2025-06")],
    ),
    (
        WED,
        "The firm, founded in May 1990, said it would open a store in June.",
        [("May 1990", "1990-05"), ("June", "2025-06")],
    ),
    (
        WED,
        "The union had said members would strike on Monday.",
        [("Monday", "2025-03-24")],
    ),
]

PEGS_MOVES_PERFECTS: list[Case | object] = [
    (WED, "The storm is forecast to hit the coast on Friday.", [("Friday", "2025-03-21")]),
    (WED, "The bill is projected to pass on Thursday.", [("Thursday", "2025-03-20")]),
    (WED, "The move follows Tuesday's vote in parliament.", [("Tuesday", "2025-03-18")]),
    (
        WED,
        "The decision comes days after Sunday's election.",
        [("Sunday", "2025-03-16")],
    ),
    (
        WED,
        "The decision comes ahead of Sunday's election.",
        [("Sunday", "2025-03-23")],
    ),
    (WED, "The trial was adjourned until Saturday.", [("Saturday", "2025-03-22")]),
    (MID_JAN, "The vote has been pushed back to February 3.", [("February 3", "2026-02-03")]),
    (WED, "The museum moved to the old harbour in 2019.", [("2019", "2019")]),
    (
        WED,
        "By Thursday, the river will have risen by two metres.",
        [("Thursday", "2025-03-20")],
    ),
    (WED, "By Thursday, the river had risen by two metres.", [("Thursday", "2025-03-13")]),
    (WED, "Starting Monday, visitors must book a slot.", [("Monday", "2025-03-24")]),
    (
        WED,
        "Starting Monday, visitors had to book a slot.",
        [("Monday", "2025-03-17")],
    ),
    _xfail(
        (WED, "Monday's announcement comes after weeks of talks.", [("Monday", "2025-03-17")]),
        "the peg's own subject may be the news (an announcement made) or an event ahead "
        "('Sunday's vote comes after a bitter campaign'): only a date reached through 'after' "
        "is read as past",
    ),
]

LEFT_ALONE: list[Case | object] = [
    _xfail(
        (
            WED,
            "The company was founded in March 1999 and went public in May.",
            [("March 1999", "1999-03"), ("May", "1999-05")],
        ),
        "a year-less month of a conjoined clause is not given the year of the clause before "
        "it: conjoined clauses may be years apart ('was elected in 2015 and steps down in May')",
    ),
    _xfail(
        (MID_JAN, "The winter storm hit on Jan. 3.", [("Jan. 3", "2026-01-03")]),
        "a season word modifying a noun ('winter storm') is kept as a date with no value; "
        "unlabelled, it costs no score",
    ),
]


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    WEEKDAYS
    + RELATIVE
    + NEW_YEAR_MONTHS
    + SEASONS
    + RANGES
    + QUOTED
    + HEADLINES_AND_YEARS
    + PROGRESSIVE
    + REPORTED_FUTURE
    + PEGS_MOVES_PERFECTS
    + LEFT_ALONE,
)
def test_news_forms_resolve_in_the_direction_of_their_clause(
    nlp, published: dt.date, text: str, expected: list[tuple[str, str | None]]
) -> None:
    """Every date of the sentence, span and value, as a reader of the paper that day reads it."""
    assert values(nlp, text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The company was founded in the 1990s.",
        "Manufacturing towns boomed in the 1950s and 1960s.",
    ],
)
def test_decades_have_no_calendar_value(nlp, text: str) -> None:
    """Decades are left out of the labels: if kept at all, they carry no value."""
    mentions = find_dates(nlp(text), WED)
    assert all(m.value is None for m in mentions)
    assert all("0s" in m.text for m in mentions)
