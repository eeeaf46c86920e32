"""First names and the sex of the people given them, from a table shipped with the app.

A reader who meets "Maria Lopez and Tom Hale met on Monday. She said ..." knows who "she" is
before any pronoun or honorific says so: first names are given to boys or to girls. The table
(``resources/first_names.tsv``, made by ``tools/first_names.py``) holds, for each of ~26,000
first names, how many babies of each sex were given it in the US Social Security
Administration's records of 1880-2015 (public domain). It is read once, the first time a name
is looked up, never fetched.

Only a name given almost always to one sex tells one ("Jordan", "Kim", "Jean" tell none), and
the guess stays a guess: callers let the text (a pronoun, "Ms") overrule it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reader.core import paths
from reader.core.model import PERSON, Entity

TABLE = "first_names.tsv"
ONE_SEX_SHARE = 0.97
"""Share of a name's births that must be of one sex for the name to tell it."""


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[int, int]]:
    """first name (lower case, ASCII) -> (boys, girls)."""
    text = paths.resource(TABLE).read_text(encoding="ascii")
    fields = iter(text[text.index("\n") + 1 :].split())  # after the header line
    rows = zip(fields, fields, fields, strict=True)  # name, boys, girls
    return {name: (int(boys), int(girls)) for name, boys, girls in rows}


def _key(word: str) -> str:
    """The table's spelling of a name: lower case, accents dropped ("José" -> "jose")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def births(word: str) -> tuple[int, int]:
    """(boys, girls) given the first name ``word``; (0, 0) for a name the table lacks."""
    return _table().get(_key(word), (0, 0))


def sex_of_first_name(word: str) -> str | None:
    """ "m" or "f" when ``word`` is a first name given almost only to that sex, else None."""
    boys, girls = births(word)
    total = boys + girls
    if not total:
        return None
    if boys >= ONE_SEX_SHARE * total:
        return "m"
    if girls >= ONE_SEX_SHARE * total:
        return "f"
    return None


def sexes_by_first_name(entities: list[Entity], skip: frozenset[str]) -> dict[str, str]:
    """entity id -> "m"/"f" for each person whose name starts with a first name of one sex.

    Only a name of two words or more has a first name ("Hale" alone is a surname); an
    honorific or title word in ``skip`` before it is passed over ("Dr Maria Lopez"), and an
    initial ("J. Smith") tells nothing.
    """
    sexes: dict[str, str] = {}
    for entity in entities:
        if entity.type != PERSON:
            continue
        words = [w for w in entity.name.split() if w.rstrip(".").lower() not in skip]
        if len(words) < 2 or not words[0].isalpha() or len(words[0]) < 2:
            continue
        sex = sex_of_first_name(words[0])
        if sex is not None:
            sexes[entity.id] = sex
    return sexes
