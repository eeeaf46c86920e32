"""A body's head noun alone after "this" is a common noun that points, no name.

Speakers name the body they stand in with a demonstrative and its head noun: "the challenge
we have in this House", "members of this Council". The model tags the capitalised head ORG;
the labels (and a reader) take it for a reference to the body, as "this company" would be.

"the <Head>" is left alone: a head after "the" ending a longer name found earlier ("the
International Monetary Fund ... the Fund") was tried and cost organization F1 on the
development pages, whose labels count many of those ("the Court") as the body (issue 13).
"""

from __future__ import annotations

from typing import Any

from reader.core.analysis import name_kinds
from reader.core.analysis.candidates import Candidate
from reader.core.analysis.doc_columns import span_texts
from reader.core.model import ORGANIZATION

HEADS = name_kinds.ORGANIZATION_HEADS | name_kinds.HEAD_FIRST_BODIES
DEMONSTRATIVES = frozenset({"this", "these", "that"})
"""Lower-case words before a head noun that point at a body rather than name it, when they
are its determiner (tag DT): "that" is more often the conjunction of "said that Parliament
must vote" (tag IN), before a name."""


def demonstrative_heads(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """Candidates without the lone head nouns after a demonstrative ("this House")."""
    of = span_texts(doc)
    return [
        c
        for c in cands
        if not (
            c.end - c.start == 1
            and c.start > 0
            and not c.fixed
            and c.type == ORGANIZATION
            and of(c.start, c.end) in HEADS
            and of(c.start - 1, c.start) in DEMONSTRATIVES
            and doc[c.start - 1].tag_ == "DT"
        )
    ]
