"""Names that a word of a settlement's or area's kind governs are places, not bodies.

The mirror of ``org_context``'s "the retailer X": English names a place through a common noun
of its kind, either as the noun's "of" complement ("the town of Brevik", "the enclave of X")
or as a proper-noun modifier of a lower-case place noun ("the Kallmer area", "the Darfur
region"). The small model often tags such a little-known town ORG or PERSON; the parse says
what it is. Only the model's own spans are re-typed (searching for untagged names added wrong
places on the validation pages), and a name whose own words name a body ("Kallmer Water
Authority", ``name_kinds.named_as_body``) or that is part of a person's full name in the
article stays what it was.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reader.core.analysis import name_kinds
from reader.core.analysis.candidates import Candidate
from reader.core.analysis.doc_columns import span, span_texts
from reader.core.model import ORGANIZATION, PERSON, PLACE

# Common nouns of a settlement or an area of land, the heads that take a place's name.
PLACE_NOUNS = frozenset(
    {
        "town", "city", "village", "hamlet", "enclave", "suburb", "neighbourhood",
        "neighborhood", "district", "region", "province", "county", "municipality", "area",
        "island", "islands", "port", "settlement", "borough", "parish", "township", "outskirts",
    }
)  # fmt: skip


def _governing_place_noun(span: Any) -> bool:
    """True when the span's root is "of"'s object after a place noun ("the town of X") or
    modifies a lower-case place noun as a compound ("the X area")."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.i < span.start:
        noun = head.head
        return noun.lower_ in PLACE_NOUNS and noun.text.islower() and noun.i == head.i - 1
    if root.dep_ == "compound" and head.i == span.end:
        return head.text.islower() and head.lower_ in PLACE_NOUNS
    return False


def places_by_context(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """An organization or person the model tagged that a place noun governs is a place, and so
    are the article's other mentions of a name a place noun governs once, that the model
    tagged as a body or a person (one sense per article: "the enclave of Lodmar" ... "the new
    map reunites Lodmar")."""
    of = span_texts(doc)  # a Span's text without the Span (every candidate is read)
    person_words = {
        w
        for c in cands
        if c.type == PERSON and c.end - c.start > 1
        for w in of(c.start, c.end).split()
    }

    def retypable(c: Candidate, kinds: tuple[str, ...] = (ORGANIZATION, PERSON)) -> bool:
        if c.type not in kinds or c.fixed:
            return False
        text = of(c.start, c.end)
        return not name_kinds.named_as_body(text) and not person_words.intersection(text.split())

    named = {
        of(c.start, c.end)
        for c in cands
        if retypable(c, (ORGANIZATION, PERSON, PLACE))
        and _governing_place_noun(span(doc, c.start, c.end))
    }
    if not named:
        return cands
    return [
        replace(c, label="GPE", type=PLACE, key=None)
        if retypable(c) and of(c.start, c.end) in named
        else c
        for c in cands
    ]
