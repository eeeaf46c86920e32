"""People's names the model cut in pieces, put together again by their first names.

A first name (``first_names``: how often it was given) is the strongest sign a reader has that
a capitalised pair is somebody's name. The small model sometimes tags the surname alone
("Brenner" of "Rudolf Brenner's letters"), or tags the first name as a place and the surname
as something else, or nothing at all ("Dolly Prentice" in "recorded by Dolly Prentice").
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reader.core.analysis import first_names, rules
from reader.core.analysis.candidates import Candidate
from reader.core.analysis.countries import country_key, territory_code
from reader.core.analysis.date_words import MONTHS, WEEKDAYS
from reader.core.analysis.places import STATE_ABBREVIATIONS, is_city
from reader.core.analysis.runner import token_column
from reader.core.model import ORGANIZATION, PERSON, PLACE

FIRST_NAME_BIRTHS = 1000
"""How often a word must have been given as a first name to be taken for one right before a
person's surname: rarer "first names" are as often words or surnames."""
PAIR_FIRST_NAME_BIRTHS = 10_000
"""The same for a pair the model did not tag as a person: a common first name only ("Lake",
"General", "Florida" were each given a few thousand times, "Dolly" 60,000 times)."""
_PLACE_NAMES = frozenset(STATE_ABBREVIATIONS.values())
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)


def _name_word(token: Any) -> bool:
    """A capitalised proper noun of letters, no title or honorific ("Chancellor Olaf")."""
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.is_alpha
        and len(token) > 1
        and token.lower_ not in rules.TITLE_WORDS | rules.HONORIFICS
    )


def with_first_names(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """A first name right before a person's name is part of that name.

    The word is a name word the parser joins to the name (a compound of it) on the same line,
    inside no other span, given as a first name FIRST_NAME_BIRTHS times or more.
    """
    taken = {i for c in cands for i in range(c.start, c.end)}
    out = []
    for c in cands:
        word = doc[c.start - 1] if c.start else None
        if (
            word is not None
            and c.type == PERSON
            and not c.fixed
            and word.i not in taken
            and _name_word(word)
            and word.dep_ == "compound"
            and c.start <= word.head.i < c.end
            and "\n" not in word.whitespace_
            and sum(first_names.births(word.text)) >= FIRST_NAME_BIRTHS
        ):
            c = replace(c, start=word.i)
            taken.add(word.i)
        out.append(c)
    return out


def _alone_in_its_entity(doc: Any, token: Any) -> bool:
    """No model entity spans this token with another: its label, if any, is of it alone."""
    return not token.ent_type_ or (
        token.ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")
    )


def _place_name(text: str) -> bool:
    return bool(is_city(text) or country_key(text) or territory_code(text)) or (
        text in _PLACE_NAMES
    )


def _proper_noun_pairs(doc: Any) -> list[int]:
    """Indices of tokens that start two capitalised proper nouns of letters in a row, read from
    token columns: a Token for every index costs more than the rest of the rule."""
    propn = doc.vocab.strings["PROPN"]
    flags = [
        pos == propn and bool(title) and bool(alpha)
        for pos, title, alpha in zip(
            *(token_column(doc, attr) for attr in ("POS", "IS_TITLE", "IS_ALPHA")), strict=True
        )
    ]
    return [i for i in range(len(flags) - 1) if flags[i] and flags[i + 1]]


def pairs_with_first_names(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """A common first name and a capitalised surname after it are one person's name when the
    model made no name of the two: it tagged neither, or each word apart ("Billie" a place,
    the surname a date).

    The first word is given PAIR_FIRST_NAME_BIRTHS times or more and names no place, month or
    weekday ("Georgia", "May"); the two are name words, the first a compound of the second,
    which ends the name; no model entity spans both ("Morgan Stanley", "Victoria Cross" are
    the model's); of ours, at most a one-word place or organization on the first name.
    """
    owner = {i: c for c in cands for i in range(c.start, c.end)}
    dropped: set[Candidate] = set()
    added: list[Candidate] = []
    for i in _proper_noun_pairs(doc):
        first, last = doc[i], doc[i + 1]
        mine = owner.get(first.i)
        one_word_guess = mine is None or (
            mine.end - mine.start == 1 and mine.type in (PLACE, ORGANIZATION)
        )
        if (
            last.i in owner
            or not one_word_guess
            or first.whitespace_ != " "
            or not (_name_word(first) and _name_word(last))
            or first.dep_ != "compound"
            or first.head.i != last.i
            or last.dep_ == "compound"
            or not (_alone_in_its_entity(doc, first) and _alone_in_its_entity(doc, last))
            or first.lower_ in _CALENDAR
            or _place_name(first.text)
            or sum(first_names.births(first.text)) < PAIR_FIRST_NAME_BIRTHS
        ):
            continue
        if mine is not None:
            dropped.add(mine)
        added.append(Candidate(first.i, last.i + 1, "PERSON", PERSON))
    if not added:
        return cands
    kept = [c for c in cands if c not in dropped]
    return sorted(kept + added, key=lambda c: c.start)
