"""Names in the headline: the body's entities, found again in the title.

Linguistic pattern: a news headline names what its story names, in a shorter form ("Macron",
"US", "Scholz" for the body's "Emmanuel Macron", "United States", "Olaf Scholz"), and is often
written in title case, where every word looks like a name to the model ("Pledge Joint Aid").
So a headline mention is kept only when it belongs to an entity of the body:

1. every surface form of a body entity (its mentions as written), found whole-word in the
   title, longest first;
2. the model's own spans in the parsed title (``entities.typed_candidates``), where they do not
   overlap those;
3. each goes through the body's alias rule (``aliases.merge_mentions``) together with the body's
   mentions, the headline read first (it comes first); a headline mention that lands with body
   mentions joins the entity of the first of them. One that lands alone (a name only in the
   headline, a title-case word, a surname shared by two people) is not taken.

The body's entities, their ids and their mentions stay exactly what the body alone gives:
only ``Entity.title_mentions`` are added (offsets into ``Article.title``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from reader.core.analysis.aliases import TypedMention, merge_mentions
from reader.core.analysis.countries import country_key, demonym_code
from reader.core.analysis.entities import typed_candidates
from reader.core.model import COUNTRY, NATIONALITY, Entity, Mention

MAX_TITLE_CHARS = 1_000
"""Longer "headlines" are not parsed (no headline is; a hostile file's could be megabytes)."""


def parse_title(nlp: Any, title: str | None) -> Any | None:
    """The parsed headline, or None when there is none worth parsing."""
    if not title or not title.strip() or len(title) > MAX_TITLE_CHARS:
        return None
    return nlp(title)


def surface_mentions(title: str, entities: list[Entity]) -> list[TypedMention]:
    """Whole-word occurrences in ``title`` of the body entities' mention texts (longest first,
    never overlapping), typed as their entity."""
    forms: dict[str, Entity] = {}
    for entity in entities:
        for mention in entity.mentions:
            forms.setdefault(mention.text, entity)
    forms = {form: entity for form, entity in forms.items() if form.strip()}
    if not forms:
        return []
    pattern = re.compile(
        r"(?<![\w.])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?!\w)"
    )
    found = []
    for match in pattern.finditer(title):
        entity = forms[match.group()]
        found.append(_typed(match.start(), match.end(), match.group(), entity.type, entity.country))
    return found


def _typed(start: int, end: int, text: str, kind: str, country: str | None) -> TypedMention:
    """A mention with the merge key ``entities`` gives it (a country's code)."""
    key = None
    if kind == COUNTRY:
        key = country_key(text) or country
    elif kind == NATIONALITY:
        key = demonym_code(text) or country
    return TypedMention(start, end, text, kind, key)


def model_mentions(title_doc: Any) -> list[TypedMention]:
    """The model's typed spans in the parsed headline (offsets into the title)."""
    found = []
    for c in typed_candidates(title_doc):
        span = title_doc[c.start : c.end]
        assert c.type is not None  # typed_candidates yields typed candidates only
        found.append(TypedMention(span.start_char, span.end_char, span.text, c.type, c.key))
    return found


def _without_overlaps(first: list[TypedMention], then: list[TypedMention]) -> list[TypedMention]:
    taken: set[int] = set()
    kept = []
    for m in [*first, *then]:
        chars = set(range(m.start, m.end))
        if m.end > m.start and not chars & taken:
            kept.append(m)
            taken |= chars
    return kept


def with_headline_mentions(
    title: str | None, title_doc: Any | None, entities: list[Entity]
) -> list[Entity]:
    """``entities`` with the headline's mentions of each (see the module docstring)."""
    if not title or title_doc is None or not entities:
        return entities
    candidates = _without_overlaps(surface_mentions(title, entities), model_mentions(title_doc))
    if not candidates:
        return entities
    shift = len(title) + 1  # the headline sits before the body: negative offsets, read first
    owner: dict[tuple[int, int], Entity] = {}
    body: list[TypedMention] = []
    for entity in entities:
        for m in entity.mentions:
            owner[(m.start, m.end)] = entity
            body.append(_typed(m.start, m.end, m.text, entity.type, entity.country))
    moved = [replace(m, start=m.start - shift, end=m.end - shift) for m in candidates]
    found: dict[str, list[Mention]] = {}
    for group in merge_mentions(moved + body):
        in_body = [m for m in group.mentions if m.start >= 0]
        if not in_body:
            continue
        target = owner[(in_body[0].start, in_body[0].end)]
        found.setdefault(target.id, []).extend(
            Mention(m.start + shift, m.end + shift, m.text) for m in group.mentions if m.start < 0
        )
    return [
        replace(e, title_mentions=sorted(found[e.id], key=_start)) if e.id in found else e
        for e in entities
    ]


def _start(mention: Mention) -> int:
    return mention.start
