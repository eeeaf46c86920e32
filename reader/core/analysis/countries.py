"""Is a place name a sovereign country, and which one? pycountry plus the names news uses.

pycountry (ISO 3166-1) knows official and short names ("Russian Federation", "Viet Nam",
"Korea, Republic of") but not the forms wire copy writes ("Russia", "Britain", "U.S.",
"South Korea"), and it lists dependent territories ("Greenland", "Hong Kong") that are places,
not countries. This module adds the first and removes the second. Nationality words ("French",
"Ukrainians") are mapped to their country by the table in ``demonyms``.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from reader.core.analysis.demonyms import DEMONYMS

# Names news text uses that pycountry does not derive (lower case, dots removed).
COMMON_NAMES: dict[str, str] = {
    "britain": "GB",
    "great britain": "GB",
    "united kingdom": "GB",
    "united states": "US",
    "united states of america": "US",
    "america": "US",
    "russia": "RU",
    "turkey": "TR",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "holland": "NL",
    "vatican": "VA",
    "vatican city": "VA",
    "holy see": "VA",
    "burma": "MM",
    "east timor": "TL",
    "cape verde": "CV",
    "swaziland": "SZ",
    "macedonia": "MK",
    "north macedonia": "MK",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "dr congo": "CD",
    "congo-kinshasa": "CD",
    "republic of congo": "CG",
    "republic of the congo": "CG",
    "congo-brazzaville": "CG",
    "kosovo": "XK",
    "palestine": "PS",
    "state of palestine": "PS",
    "south korea": "KR",
    "north korea": "KP",
    "laos": "LA",
    "brunei": "BN",
    "micronesia": "FM",
    "the gambia": "GM",
    "gambia": "GM",
    "the bahamas": "BS",
    "bahamas": "BS",
    "uae": "AE",
    "emirates": "AE",
}

# Abbreviations match case-sensitively: "US" is the country, "us" is a pronoun.
ABBREVIATIONS: dict[str, str] = {
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "U.S.A.": "US",
    "UK": "GB",
    "U.K.": "GB",
    "UAE": "AE",
    "U.A.E.": "AE",
    "DRC": "CD",
    "PRC": "CN",
}

# The UK's constituent countries are countries in news usage but not sovereign states of their
# own: they are countries linked to GB, kept apart from "Britain" when merging aliases.
CONSTITUENT: dict[str, str] = {
    "england": "GB-ENG",
    "scotland": "GB-SCT",
    "wales": "GB-WLS",
    "northern ireland": "GB-NIR",
}

# ISO 3166-1 entries that are dependent territories or uninhabited areas, not sovereign states.
_NOT_SOVEREIGN_CODES = (
    "AI AQ AS AW AX BL BM BQ BV CC CW CX FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO "
    "MP MQ MS NC NF PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT EH"
)
NOT_SOVEREIGN: frozenset[str] = frozenset(_NOT_SOVEREIGN_CODES.split())

_DOTS = re.compile(r"\.")
_SPACE = re.compile(r"\s+")


def normalise(name: str) -> str:
    """Lower case, one space, no dots, no leading "the", no possessive: the lookup key."""
    key = _SPACE.sub(" ", name.strip().lower().replace("’", "'"))
    key = key.removesuffix("'s").removesuffix("'")
    key = _DOTS.sub("", key)
    return key.removeprefix("the ").strip()


def _short_forms(name: str) -> list[str]:
    """pycountry's "Moldova, Republic of" also answers to "Moldova"."""
    forms = [name]
    head, comma, _tail = name.partition(",")
    if comma and head.strip().lower() not in ("korea", "congo", "virgin islands"):
        forms.append(head)
    return forms


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        if code in NOT_SOVEREIGN:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                for form in _short_forms(value):
                    index.setdefault(normalise(form), code)
    index.update({normalise(k): v for k, v in COMMON_NAMES.items()})
    return index


@lru_cache(maxsize=4096)
def country_key(name: str) -> str | None:
    """Merge key of the country ``name`` names: alpha-2, or "GB-ENG" style for UK nations."""
    stripped = name.strip().removesuffix("'s").removesuffix("’s")
    if stripped in ABBREVIATIONS:
        return ABBREVIATIONS[stripped]
    bare = re.sub(r"^[Tt]he\s+", "", stripped)
    if bare in ABBREVIATIONS:
        return ABBREVIATIONS[bare]
    if not bare or not bare[0].isupper():
        return None
    key = normalise(bare)
    if key in CONSTITUENT:
        return CONSTITUENT[key]
    return _index().get(key)


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code when ``name`` names a sovereign country (or a UK nation)."""
    key = country_key(name)
    return key.split("-")[0] if key else None


def demonym_code(word: str) -> str | None:
    """Alpha-2 code of the country a nationality word refers to ("Ukrainians" -> "UA")."""
    key = word.strip().replace("’", "'").removesuffix("'s").removesuffix("'")
    if not key or not key[0].isupper():
        return None
    lower = key.lower()
    if lower in DEMONYMS:
        return DEMONYMS[lower]
    if lower.endswith("s") and lower[:-1] in DEMONYMS:
        return DEMONYMS[lower[:-1]]
    return None


def demonym_name(code: str) -> str | None:
    """The adjective for a country code ("UA" -> "Ukrainian"), used as the canonical name."""
    word = next((w for w, alpha2 in DEMONYMS.items() if alpha2 == code), None)
    return word.title() if word else None


@lru_cache(maxsize=512)
def country_name(code: str) -> str | None:
    """The short name news uses for an alpha-2 code ("RU" -> "Russia")."""
    for name, alpha2 in COMMON_NAMES.items():
        if alpha2 == code and name in _PREFERRED:
            return name.title().replace(" Of ", " of ")
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


_PREFERRED = frozenset({"russia", "united states", "united kingdom", "turkey", "czech republic"})
