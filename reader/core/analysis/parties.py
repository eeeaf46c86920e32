"""Political parties named by their members' word: "Democrats", "a Tory MP", "the GOP".

News names the large parties of English-speaking countries by an adjective or a plural noun
("Democratic voters", "Republicans in the state", "a former Conservative chief whip"); the
model tags these NORP, like a nationality, but they name the party, an organization. Only the
capitalised word counts ("conservative voters" is an opinion). The table maps each word to
its party, so "Democrats", "Democratic" and "Democratic Party" are one entity.
"""

from __future__ import annotations

PARTY_WORDS: dict[str, str] = {
    "democrat": "Democratic Party",
    "democrats": "Democratic Party",
    "democratic": "Democratic Party",
    "republican": "Republican Party",
    "republicans": "Republican Party",
    "gop": "Republican Party",
    "conservative": "Conservative Party",
    "conservatives": "Conservative Party",
    "tory": "Conservative Party",
    "tories": "Conservative Party",
    "labour": "Labour Party",
    "liberal democrat": "Liberal Democrats",
    "liberal democrats": "Liberal Democrats",
    "lib dem": "Liberal Democrats",
    "lib dems": "Liberal Democrats",
}
"""Lower-case word -> the party's name."""


def party_name(text: str) -> str | None:
    """The party a capitalised party word names ("Tories" -> "Conservative Party"), else None."""
    bare = text.strip().removesuffix("'s").removesuffix("’s").removesuffix("’").removesuffix("'")
    if not bare or not bare[0].isupper():
        return None
    lower = bare.lower()
    if lower.endswith(" party"):
        lower = lower.removesuffix(" party")
    return PARTY_WORDS.get(lower)


def faction_name(text: str) -> bool:
    """ "New Democrats", "Social Democrats", "Christian Democrats": a name of two or more
    capitalised words ending in a party's members' word names a body of its own (a caucus,
    a faction, another country's party), which the model tags NORP like the bare word."""
    words = text.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    return words[-1].lower() in PARTY_WORDS and party_name(text) is None
