"""Speakers named again by an epithet: their age ("the 54-year-old") or the office an
abbreviated rank stood for ("Sen." then "the senator"), in sentences written for these tests.

Both are gaps left open (strict xfail): rules for them were written and measured on
2026-12-05 (the patch is kept outside the project) and changed no column of
bench/accuracy.py, so by the project's rule (a rule must gain on development) they were not
kept. The guards that such epithets name nobody when no one was given that age or office pass
today and must keep passing whatever rule closes the gaps."""

from __future__ import annotations

import pytest

from reader.core.analysis import SpacyAnalyser
from tests.fixtures.speech import speakers

pytestmark = pytest.mark.model

Q, E = "\u201c", "\u201d"


_NOT_KEPT = pytest.mark.xfail(
    reason="no rule reads age or office epithets (neutral on bench/accuracy.py)", strict=True
)


@_NOT_KEPT
def test_an_age_names_the_person_given_that_age(analyser: SpacyAnalyser) -> None:
    """'Olsen, 54,' and 'the 61-year-old Berg': each age, before or after the verb, is the
    person it was given to."""
    text = (
        "Tom Olsen, 54, has run the ferry since 2019. The 61-year-old Ruth Berg disagrees.\n"
        f"{Q}The ferry will sail again,{E} the 54-year-old said.\n"
        f"{Q}It will not,{E} said the 61-year-old.\n"
    )
    found = speakers(analyser, text)
    assert found["The ferry will sail again"] == "Tom Olsen"
    assert found["It will not"] == "Ruth Berg"


def test_an_age_nobody_was_given_names_nobody(analyser: SpacyAnalyser) -> None:
    text = (
        "Tom Olsen has run the ferry since 2019.\n"
        f"{Q}The ferry will sail again,{E} the 54-year-old said.\n"
    )
    assert speakers(analyser, text)["The ferry will sail again"] is None


@_NOT_KEPT
def test_an_abbreviated_office_is_the_office_later(analyser: SpacyAnalyser) -> None:
    """'Sen. Maria Lopez' and then 'the senator'; 'Det. Insp. Paul Kerr' and 'the inspector'."""
    text = (
        f"Sen. Maria Lopez voted against the farm bill.\n{Q}It is a bad law,{E} the senator said.\n"
    )
    assert speakers(analyser, text)["It is a bad law"] == "Maria Lopez"
    text = (
        "Det. Insp. Paul Kerr led the search of the harbour.\n"
        f"{Q}We are keeping an open mind,{E} the inspector said.\n"
    )
    assert speakers(analyser, text)["We are keeping an open mind"] == "Paul Kerr"


def test_an_office_nobody_held_names_nobody(analyser: SpacyAnalyser) -> None:
    """A plain 'Ms' is no office: 'the senator' then refers to no one."""
    text = (
        f"Ms Maria Lopez voted against the farm bill.\n{Q}It is a bad law,{E} the senator said.\n"
    )
    assert speakers(analyser, text)["It is a bad law"] is None
