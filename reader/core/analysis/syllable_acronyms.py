"""Acronyms made of the first letters of each word, some words giving more than one: "CREEP"
for "Committee to Re-Elect the President", "NABISCO" for "National Biscuit Company".

``aliases`` tries this only for an acronym that spells no name's initials, and only against
names of three words or more (minor words aside), each of which gives the acronym its first
letter or letters in order: with fewer words, chance matches ("NASA" from "National
Sanitation") outnumber real ones.
"""

from __future__ import annotations

from functools import cache

MIN_WORDS = 3


def spelled_by_prefixes(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` (capitals) are the start of every word of ``words`` in order, at
    least one word giving two letters or more (plain initials are the usual rule's)."""
    if len(words) < MIN_WORDS or len(letters) <= len(words):
        return False
    heads = [w.replace("-", "").upper() for w in words]

    @cache
    def spells(at: int, word: int) -> bool:
        if word == len(heads):
            return at == len(letters)
        head = heads[word]
        return any(
            letters[at : at + size] == head[:size] and spells(at + size, word + 1)
            for size in range(1, min(len(head), len(letters) - at) + 1)
        )

    return spells(0, 0)
