"""Country names, abbreviations and nationality words resolve to ISO codes; places do not."""

from __future__ import annotations

import pytest

from reader.core.analysis.countries import (
    country_code,
    country_key,
    country_name,
    demonym_code,
    demonym_name,
)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russia", "RU"),
        ("Great Britain", "GB"),
        ("Britain", "GB"),
        ("the United States", "US"),
        ("United States", "US"),
        ("U.S.", "US"),
        ("US", "US"),
        ("Ukraine", "UA"),
        ("UKRAINE", "UA"),
        ("Russia's", "RU"),
        ("the Netherlands", "NL"),
        ("South Korea", "KR"),
        ("North Korea", "KP"),
        ("Iran", "IR"),
        ("Vietnam", "VN"),
        ("Moldova", "MD"),
        ("Turkey", "TR"),
        ("Ivory Coast", "CI"),
        ("Cyprus", "CY"),
        ("Georgia", "GE"),
    ],
)
def test_country_names_and_common_forms(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize(
    "name", ["Moscow", "Kyiv", "Europe", "Berlin", "Port Sudan", "Greenland", "Hong Kong", "us"]
)
def test_cities_regions_territories_and_pronouns_are_not_countries(name: str) -> None:
    assert country_code(name) is None


def test_uk_nations_are_countries_kept_apart_from_britain() -> None:
    assert country_code("England") == "GB"
    assert country_key("England") != country_key("Britain")


def test_short_names_for_codes() -> None:
    assert country_name("RU") == "Russia"
    assert country_name("US") == "United States"
    assert country_name("VN") == "Vietnam"


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("French", "FR"),
        ("Ukrainians", "UA"),
        ("Ukrainian", "UA"),
        ("Britons", "GB"),
        ("British", "GB"),
        ("Americans", "US"),
        ("Swiss", "CH"),
        ("Chinese", "CN"),
        ("Germans", "DE"),
    ],
)
def test_nationality_words(word: str, code: str) -> None:
    assert demonym_code(word) == code


def test_regional_and_lower_case_words_are_not_nationalities() -> None:
    assert demonym_code("European") is None
    assert demonym_code("french") is None
    assert demonym_name("UA") == "Ukrainian"
