"""Names that a noun of an event's or an award's kind introduces are events, none of ours.

The mirror of ``org_context``'s "resistance groups like Indivisible": English gives examples of
a class with "such as", "like" or "including" after the class noun, so the names listed there
are of the noun's kind. Where the noun is an event's or an award's ("conferences such as
HarbourConf, TideFest and TideCon Asia", "awards like the Halvard Medal"), the names are what
takes place or is won, not a body that acts, a person or a place, though the small model tags
such coined names ORG, PERSON or GPE. The parse gives the list: the object of "as" / "like" /
"including" hanging on the lower-case class noun, and its conjuncts. Every other mention of a
name written the same way goes too (one sense per article); a known place ("festivals such as
Glastonbury" names the town's festival by the town) and the rules' fixed spans stay.
"""

from __future__ import annotations

from typing import Any

from reader.core.analysis import places
from reader.core.analysis.candidates import Candidate
from reader.core.analysis.countries import country_key, normalise
from reader.core.analysis.doc_columns import span_texts, word_hashes
from reader.core.analysis.runner import token_column
from reader.core.model import ORGANIZATION, PERSON, PLACE

# Lower-case nouns of the kinds of events and awards, singular and plural.
EVENT_CLASS_NOUNS = frozenset(
    {
        "conference", "conferences", "festival", "festivals", "summit", "summits",
        "tournament", "tournaments", "championship", "championships", "award", "awards",
        "prize", "prizes", "competition", "competitions", "contest", "contests", "expo",
        "expos", "convention", "conventions", "fair", "fairs", "race", "races", "marathon",
        "marathons", "symposium", "symposia", "hackathon", "hackathons",
    }
)  # fmt: skip
_CUES = frozenset({"as", "like", "including"})
_RETYPED = (ORGANIZATION, PERSON, PLACE)


def _listed_tokens(doc: Any) -> set[int]:
    """Indices of the head words of the names an event noun's "such as" / "like" /
    "including" lists (the class nouns found by the LOWER column: a Token per word is slow)."""
    hashes = word_hashes(doc, EVENT_CLASS_NOUNS)
    found: set[int] = set()
    for i in (i for i, word in enumerate(token_column(doc, "LOWER")) if word in hashes):
        noun = doc[i]
        if not (noun.is_lower or noun.is_sent_start):
            continue  # "the Halvard Prize like ..." is a name, not the class
        for cue in noun.rights:
            if cue.dep_ != "prep" or cue.lower_ not in _CUES:
                continue
            if cue.lower_ == "as" and doc[cue.i - 1].lower_ != "such":
                continue  # "as" alone: "the summit as host"
            for obj in cue.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    found.update(w.i for w in (obj, *obj.conjuncts) if w.pos_ == "PROPN")
    return found


def events_by_context(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """The candidates an event noun lists, and their other mentions, dropped."""
    heads = _listed_tokens(doc)
    if not heads:
        return cands

    of = span_texts(doc)  # a candidate's text from the columns, not a Span each

    def droppable(c: Candidate) -> bool:
        text = of(c.start, c.end)
        return (
            c.type in _RETYPED
            and not c.fixed
            and not country_key(text)
            and not places.is_city(text)
        )

    events = {
        normalise(of(c.start, c.end))
        for c in cands
        if droppable(c) and heads.intersection(range(c.start, c.end))
    }
    if not events:
        return cands
    return [c for c in cands if not (droppable(c) and normalise(of(c.start, c.end)) in events)]
