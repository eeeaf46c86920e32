"""Is a place name a sovereign country, and which one? pycountry plus the names news uses.

pycountry (ISO 3166-1) knows official and short names ("Russian Federation", "Viet Nam",
"Korea, Republic of") but not the forms wire copy writes ("Russia", "Britain", "U.S.",
"South Korea"), and it lists dependent territories ("Greenland", "Hong Kong") that are places,
not countries. This module adds the first and removes the second. Nationality words ("French",
"Ukrainians") are mapped to their country by the table in ``demonyms``.
"""

from __future__ import annotations

import re
import unicodedata
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
    "U.S": "US",  # the final dot is often dropped before a noun ("U.S President")
    "U.K": "GB",
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

# Abbreviations news uses for territories (places, not countries), matched case-sensitively.
TERRITORY_ABBREVIATIONS: dict[str, str] = {"BVI": "VG", "USVI": "VI", "TCI": "TC"}

_DOTS = re.compile(r"\.")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """Lower case, one space, no dots, no leading "the", no possessive: the lookup key.

    Kept for the names seen last: the entity rules ask for the same few thousand names tens
    of thousands of times an article (~3 us a call, 72,000 calls on 1 MB)."""
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


@lru_cache(maxsize=1 << 16)
def fold(key: str) -> str:
    """A lookup key without accents, "saint" for "st" and "and" for "&": "Sao Tome and
    Principe" answers to "São Tomé and Príncipe", "Saint Kitts" to "St. Kitts".

    Kept for the keys seen last, as ``normalise``: every candidate's text is folded for the
    territory look-up, the same few thousand names over and over (~15 us a call)."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    bare = re.sub(r"\bst\b", "saint", bare)
    return bare.replace(" & ", " and ")


def _forms(country: object) -> list[str]:
    """Every name pycountry gives, with "Virgin Islands, British" turned round as well."""
    forms = []
    for attr in ("name", "common_name", "official_name"):
        value = getattr(country, attr, None)
        if value:
            forms.extend(_short_forms(value))
            head, comma, tail = value.partition(",")
            if comma and tail.strip():
                forms.append(f"{tail.strip()} {head.strip()}")
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
    index.update({fold(k): v for k, v in list(index.items())})
    return index


@lru_cache(maxsize=1)
def _territory_index() -> dict[str, str]:
    """Folded names of dependent territories, with "Cayman" for "Cayman Islands"."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        if country.alpha_2 not in NOT_SOVEREIGN:
            continue
        for form in _forms(country):
            key = fold(normalise(form))
            index.setdefault(key, country.alpha_2)
            if key.endswith(" islands") and "," not in form and len(key.split()) > 1:
                index.setdefault(key.removesuffix(" islands"), country.alpha_2)
    return index


@lru_cache(maxsize=1 << 16)
def territory_code(name: str) -> str | None:
    """ISO code of the dependent territory ``name`` names ("Cayman", "BVI"), else None.

    Kept for the names seen last (as ``country_key``): asked of every candidate's text."""
    stripped = name.strip().removesuffix("'s").removesuffix("’s")
    if stripped in TERRITORY_ABBREVIATIONS:
        return TERRITORY_ABBREVIATIONS[stripped]
    if not stripped or not stripped[0].isupper():
        return None
    return _territory_index().get(fold(normalise(stripped)))


# "Antigua and Barbuda", "St. Kitts and Nevis", "Turks and Caicos Islands": up to three
# capitalised words, "and" (or "&", maybe "the"), up to three more.
_WORD = r"[A-Z][\w'’-]*\.?"
_AND_PHRASE = re.compile(  # the capital first, so re skips ahead to one (literal_trie.first_chars)
    rf"(?=[A-Z])(?<![\w.]){_WORD}(?:\s{_WORD}){{0,2}}\s(?:and|&)\s(?:the\s)?{_WORD}"
    rf"(?:\s{_WORD}){{0,2}}"
)


def and_names(text: str) -> list[tuple[int, int]]:
    """Spans of country or territory names with "and" in them: one name, not two places.

    The model tags "Antigua" and "Barbuda" apart (as people, even); the longest part of each
    capitalised "X and Y" phrase that is a name in pycountry is the mention.
    """
    spans = []
    for match in _AND_PHRASE.finditer(text):
        words = list(re.finditer(r"\S+", match.group()))
        best = None
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                start = match.start() + words[i].start()
                end = match.start() + words[j - 1].end()
                piece = text[start:end].rstrip(".,")
                if " and " not in piece and " & " not in piece:
                    continue
                known = country_key(piece) or territory_code(piece)
                if known and (best is None or len(piece) > best[1] - best[0]):
                    best = (start, start + len(piece))
        if best:
            spans.append(best)
    return spans


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
    return _index().get(key) or _index().get(fold(key))


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
