"""Which longer organization a shorter name made of its last words is short for (``aliases``).

Two cases the plain "ends exactly one longer name" rule gets wrong:

- the last words follow a preposition, article or "and" in the longer name: they are its
  complement, another thing ("Derechos Digitales" is no short form of "Red en Defensa de los
  Derechos Digitales", "America" none of "Bank of America");
- several longer names end with it and one is it after a country: a national body is named
  without its country once the country is clear ("House" after "U.S. House", not "White House").
"""

from __future__ import annotations

from reader.core.analysis.countries import country_key

# Normalised words after which a name's last words are a complement, not its head.
_COMPLEMENT = "of for and the in on at to de du des la le el y et los las del a an with from by &"
COMPLEMENT_WORDS = frozenset(_COMPLEMENT.split())


def complement_of(long: tuple[str, ...], size: int) -> bool:
    """Whether the last ``size`` words of the normalised name ``long`` follow a preposition,
    article or "and"."""
    return long[-size - 1] in COMPLEMENT_WORDS


def national_owners(owners: list[int], texts: list[str], size: int) -> list[int]:
    """Of ``owners`` (their names ``texts``, as written), those whose words before the last
    ``size`` are a country: "U.S." of "U.S. House"."""
    found = []
    for owner, text in zip(owners, texts, strict=True):
        words = text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if len(words) > size and country_key(" ".join(words[:-size])):
            found.append(owner)
    return found
