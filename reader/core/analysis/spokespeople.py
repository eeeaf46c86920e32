"""Who speaks for someone else: spokespeople, offices and the nouns that name a body again.

News gives an organization's or a person's words through someone who speaks for them ("a
spokesman for Greenpeace UK said", "Macron's office said"); the quotation is then theirs, and so
is one a later "he"/"she" gives, since the pronoun is that spokesperson. speakers.py asks these
questions of a subject noun phrase.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from reader.core.model import PERSON, Entity

ORGANIZATION_NOUNS = frozenset(
    {
        "company", "firm", "group", "agency", "organisation", "organization", "ministry",
        "department", "bank", "carmaker", "automaker", "airline", "retailer", "insurer",
        "broadcaster", "newspaper", "bloc", "alliance", "union", "party", "committee",
        "council", "commission", "institution", "university", "charity", "body", "regulator",
    }
)  # fmt: skip
"""Nouns by which a news story names an organization again ("the company said")."""
SPOKES_WORDS = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "representative", "official",
        "officials", "source", "sources",
    }
)  # fmt: skip
"""Who speaks for an organization or a person: "a spokesman for Greenpeace UK said"."""
WRITING_NOUNS = frozenset(
    {
        "book", "books", "memoir", "memoirs", "autobiography", "diary", "letter", "letters",
        "essay", "essays", "passage", "passages", "chapter", "manifesto", "poem", "column",
    }
)  # fmt: skip
"""Pieces of writing, whose words are their author's: "his memoir recalls", "one passage
relating". Not bodies' papers ("the ruling", "the law"), whose words are no one person's."""
OFFICE_WORDS = frozenset({"office", "campaign", "camp", "team"})
"""Who speaks for someone: "Macron's office said" is attributed to Macron."""


def speaks_for_someone(token: Any) -> bool:
    """Whether a subject is one person speaking for someone ("a spokesman for X"), whom a
    later "he"/"she" names: the words are then X's, as they were in the first sentence. A
    spokesperson named in apposition ("..., John Hale, said") speaks in their own name."""
    return (
        token.pos_ == "NOUN"
        and token.lower_ in SPOKES_WORDS
        and token.tag_ == "NN"
        and not any(c.dep_ == "appos" for c in token.children)
    )


def spoken_for(
    head: Any,
    entity_at: Mapping[int, Entity],
    entity_for_tokens: Callable[[list[Any]], Entity | None],
) -> Entity | None:
    """Whom "a spokesman for Greenpeace UK" or "a Greenpeace spokesman" speaks for.

    ``entity_at`` maps token indices to the entity whose mention covers them;
    ``entity_for_tokens`` picks the entity a name's tokens refer to.
    """
    for child in head.children:
        if child.dep_ in ("compound", "poss") and child.i in entity_at:
            return entity_for_tokens(name_tokens(child))
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in entity_at:
                    return entity_for_tokens(name_tokens(obj))
    return None


def author_subject(
    before: Any, entity_at: Mapping[int, Entity], is_quoted: Callable[[Any], bool]
) -> Entity | None:
    """The author of a piece of writing named with no owner: the person its sentence is
    about, a subject in the tokens ``before`` it ("Hitler believed books were for the weak,
    with one passage relating “...”"; "Roe kept a diary, one letter recalling “...”")."""
    for token in before:
        if token.dep_ in ("nsubj", "nsubjpass") and not is_quoted(token):
            entity = entity_at.get(token.i)
            if entity is not None and entity.type == PERSON:
                return entity
    return None


def name_tokens(token: Any) -> list[Any]:
    """A name with its compounds ("Greenpeace UK"), so the whole name picks the entity."""
    return [t for t in token.lefts if t.dep_ == "compound"] + [token]
