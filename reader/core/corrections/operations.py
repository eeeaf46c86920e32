"""Corrections by hand: undoable operations on ``Annotations``, marked as the reader's own.

Each correction is a small frozen dataclass that can be applied to annotations and written
as a JSON object (``to_dict`` / ``correction_from_dict``), so the journal can record it and
replay it after a crash. ``reader.core.corrections.undo`` applies them with undo and redo.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Protocol

from reader.core.errors import ReaderError
from reader.core.model import (
    COUNTRY,
    ENTITY_TYPES,
    Annotations,
    Entity,
    Mention,
    Quote,
)


class CorrectionError(ReaderError):
    """A correction that cannot apply (the span is empty, the entity is gone, ...)."""


def _require(cond: bool, message: str) -> None:
    if not cond:
        raise CorrectionError(message)


def trim_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to exclude surrounding whitespace and quotation marks."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    strip = " \t\n\r\u00a0\"'“”‘’«»"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def _entity(ann: Annotations, entity_id: str) -> Entity:
    entity = ann.entity(entity_id)
    _require(entity is not None, "That entity no longer exists.")
    assert entity is not None
    return entity


def _span_text(ann: Annotations, start: int, end: int) -> str:
    text = ann.article.text
    _require(
        isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text),
        "Select some text in the article first.",
    )
    span = text[start:end]
    _require(bool(span.strip()), "The selection holds no words.")
    return span


def _article(word: str) -> str:
    """``word`` with "a" or "an": "an organization", "a person"."""
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _check_type(entity_type: str) -> None:
    _require(entity_type in ENTITY_TYPES, f"Unknown entity type {entity_type!r}.")


def _country_for(entity_type: str, name: str) -> str | None:
    if entity_type != COUNTRY:
        return None
    from reader.core.analysis.countries import country_code

    return country_code(name)


def next_user_id(ann: Annotations) -> str:
    """A fresh id for an entity the reader adds: u1, u2, ..."""
    used = {e.id for e in ann.entities}
    n = 1
    while f"u{n}" in used:
        n += 1
    return f"u{n}"


def _entity_name(ann: Annotations, entity_id: str) -> str:
    """The entity's name for a description, or its id once it is gone."""
    entity = ann.entity(entity_id)
    return entity.name if entity else entity_id


def _update_quotes_of(ann: Annotations, entity_id: str, /, **changes: Any) -> None:
    """Apply ``changes`` (Quote fields) to the quotes the entity spoke; they become the reader's."""
    ann.quotes = [
        replace(q, **changes, source="user") if q.speaker_id == entity_id else q for q in ann.quotes
    ]


def _drop_entity(ann: Annotations, entity: Entity) -> None:
    """Remove ``entity``; quotes it spoke keep the speaker's name but lose the link."""
    ann.entities.remove(entity)
    _update_quotes_of(ann, entity.id, speaker_id=None)


class Correction(Protocol):
    """What every correction offers. Each is a dataclass (the journal stores its fields)."""

    op: ClassVar[str]
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    def apply(self, ann: Annotations) -> None: ...
    def describe(self, ann: Annotations) -> str: ...


def overlapping_mentions(ann: Annotations, start: int, end: int) -> list[tuple[Entity, Mention]]:
    """Every (entity, mention) whose span shares a character with [start, end)."""
    return [
        (entity, mention)
        for entity in ann.entities
        for mention in entity.mentions
        if mention.start < end and start < mention.end
    ]


@dataclass(frozen=True)
class AddEntity:
    """Mark the span [start, end) as a new entity of ``type`` (named after the span).

    The reader's mark replaces whatever the model had there: mentions overlapping the span
    are taken from their entities (an entity left with none goes), so no two spans overlap.
    A span that already is a mention of an entity of this type is refused with its name.
    """

    start: int
    end: int
    type: str
    name: str | None = None
    op: ClassVar[str] = "add_entity"

    def apply(self, ann: Annotations) -> None:
        span = _span_text(ann, self.start, self.end)
        _check_type(self.type)
        name = (self.name or span).strip()
        _require(bool(name), "An entity needs a name.")
        overlaps = overlapping_mentions(ann, self.start, self.end)
        for entity, mention in overlaps:
            _require(
                entity.type != self.type or (mention.start, mention.end) != (self.start, self.end),
                f"“{span}” is already a mention of {entity.name}.",
            )
        for entity, mention in overlaps:
            entity.mentions = [m for m in entity.mentions if m is not mention]
            entity.source = "user"
            if not entity.mentions:
                _drop_entity(ann, entity)
        ann.entities.append(
            Entity(
                id=next_user_id(ann),
                type=self.type,
                name=name,
                mentions=[Mention(self.start, self.end, span, "user")],
                source="user",
                country=_country_for(self.type, name),
            )
        )

    def describe(self, ann: Annotations) -> str:
        text = f"Mark “{ann.article.text[self.start : self.end]}” as {self.type}"
        replaced = sorted({e.name for e, _m in overlapping_mentions(ann, self.start, self.end)})
        return f"{text} (no longer {', '.join(replaced)})" if replaced else text


@dataclass(frozen=True)
class AddMention:
    """Mark the span [start, end) as one more mention of an existing entity."""

    entity_id: str
    start: int
    end: int
    op: ClassVar[str] = "add_mention"

    def apply(self, ann: Annotations) -> None:
        entity = _entity(ann, self.entity_id)
        span = _span_text(ann, self.start, self.end)
        _require(
            all((m.start, m.end) != (self.start, self.end) for m in entity.mentions),
            f"That text is already a mention of {entity.name}.",
        )
        entity.mentions = sorted(
            [*entity.mentions, Mention(self.start, self.end, span, "user")],
            key=lambda m: (m.start, m.end),
        )
        entity.source = "user"

    def describe(self, ann: Annotations) -> str:
        name = _entity_name(ann, self.entity_id)
        return f"Mark “{ann.article.text[self.start : self.end]}” as {name}"


@dataclass(frozen=True)
class RemoveEntity:
    """Remove an entity and all its mentions."""

    entity_id: str
    op: ClassVar[str] = "remove_entity"

    def apply(self, ann: Annotations) -> None:
        _drop_entity(ann, _entity(ann, self.entity_id))

    def describe(self, ann: Annotations) -> str:
        return f"Remove {_entity_name(ann, self.entity_id)}"


@dataclass(frozen=True)
class RemoveMention:
    """Remove one mention; an entity left with none is removed too."""

    entity_id: str
    start: int
    end: int
    op: ClassVar[str] = "remove_mention"

    def apply(self, ann: Annotations) -> None:
        entity = _entity(ann, self.entity_id)
        kept = [m for m in entity.mentions if (m.start, m.end) != (self.start, self.end)]
        _require(len(kept) < len(entity.mentions), "That mention no longer exists.")
        if not kept:
            _drop_entity(ann, entity)
            return
        entity.mentions = kept
        entity.source = "user"

    def describe(self, ann: Annotations) -> str:
        return f"Remove the mention “{ann.article.text[self.start : self.end]}”"


@dataclass(frozen=True)
class ChangeType:
    """Give an entity another type (a city marked as a country becomes a place)."""

    entity_id: str
    type: str
    op: ClassVar[str] = "change_type"

    def apply(self, ann: Annotations) -> None:
        entity = _entity(ann, self.entity_id)
        _check_type(self.type)
        _require(entity.type != self.type, f"{entity.name} is already {_article(self.type)}.")
        entity.type = self.type
        entity.country = _country_for(self.type, entity.name)
        entity.source = "user"

    def describe(self, ann: Annotations) -> str:
        return f"Make {_entity_name(ann, self.entity_id)} {_article(self.type)}"


@dataclass(frozen=True)
class MergeEntities:
    """Fold ``other_id`` into ``keep_id``: its mentions and quotes move over."""

    keep_id: str
    other_id: str
    op: ClassVar[str] = "merge"

    def apply(self, ann: Annotations) -> None:
        _require(self.keep_id != self.other_id, "An entity cannot be merged with itself.")
        keep, other = _entity(ann, self.keep_id), _entity(ann, self.other_id)
        spans = {(m.start, m.end): m for m in other.mentions}
        spans.update({(m.start, m.end): m for m in keep.mentions})
        keep.mentions = [spans[k] for k in sorted(spans)]
        headline = {(m.start, m.end): m for m in other.title_mentions}
        headline.update({(m.start, m.end): m for m in keep.title_mentions})
        keep.title_mentions = [headline[k] for k in sorted(headline)]
        keep.source = "user"
        ann.entities.remove(other)
        _update_quotes_of(ann, other.id, speaker_id=keep.id, speaker=keep.name)

    def describe(self, ann: Annotations) -> str:
        other, keep = _entity_name(ann, self.other_id), _entity_name(ann, self.keep_id)
        return f"Merge {other} into {keep}"


@dataclass(frozen=True)
class RenameEntity:
    """Change an entity's canonical name (quotes it spoke follow)."""

    entity_id: str
    name: str
    op: ClassVar[str] = "rename"

    def apply(self, ann: Annotations) -> None:
        entity = _entity(ann, self.entity_id)
        name = " ".join(self.name.split())
        _require(bool(name), "An entity needs a name.")
        _require(name != entity.name, f"The entity is already called {name}.")
        entity.name = name
        entity.country = _country_for(entity.type, name) or entity.country
        entity.source = "user"
        _update_quotes_of(ann, entity.id, speaker=name)

    def describe(self, ann: Annotations) -> str:
        return f"Rename to {self.name}"


@dataclass(frozen=True)
class SetSpeaker:
    """Set, change or (with both None) remove the speaker of the quote at [start, end)."""

    start: int
    end: int
    speaker: str | None = None
    speaker_id: str | None = None
    op: ClassVar[str] = "set_speaker"

    def apply(self, ann: Annotations) -> None:
        index = next(
            (i for i, q in enumerate(ann.quotes) if (q.start, q.end) == (self.start, self.end)),
            None,
        )
        _require(index is not None, "That quote no longer exists.")
        assert index is not None
        speaker = " ".join(self.speaker.split()) if self.speaker else None
        if self.speaker_id is not None:
            speaker = speaker or _entity(ann, self.speaker_id).name
        quote: Quote = ann.quotes[index]
        ann.quotes[index] = replace(
            quote, speaker=speaker or None, speaker_id=self.speaker_id, source="user"
        )

    def describe(self, ann: Annotations) -> str:
        if self.speaker is None and self.speaker_id is None:
            return "Remove the quote's speaker"
        name = self.speaker
        if name is None and self.speaker_id and (entity := ann.entity(self.speaker_id)):
            name = entity.name
        if name is None:  # the entity was removed since: say so, not "None"
            return "Attribute the quote to a removed entity"
        return f"Attribute the quote to {name}"


CORRECTIONS: dict[str, type[Correction]] = {
    cls.op: cls
    for cls in (
        AddEntity,
        AddMention,
        RemoveEntity,
        RemoveMention,
        ChangeType,
        MergeEntities,
        RenameEntity,
        SetSpeaker,
    )
}


_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "str": (str,),
    "str | None": (str, type(None)),
}


def correction_to_dict(correction: Correction) -> dict[str, Any]:
    """``{"op": ..., fields...}``, the journal's form of a correction."""
    assert dataclasses.is_dataclass(correction)
    return {"op": correction.op, **dataclasses.asdict(correction)}


def correction_from_dict(data: Any) -> Correction:
    """The correction a journal line describes; CorrectionError when it is malformed."""
    _require(isinstance(data, dict), "A journal entry is not an object.")
    cls = CORRECTIONS.get(data.get("op"))
    _require(cls is not None, f"Unknown correction {data.get('op')!r}.")
    assert cls is not None
    names = {f.name for f in dataclasses.fields(cls)}
    try:
        correction = cls(**{k: v for k, v in data.items() if k in names})
    except TypeError as exc:
        raise CorrectionError(f"A {cls.op} entry is incomplete.") from exc
    for f in dataclasses.fields(cls):
        allowed = _FIELD_TYPES.get(str(f.type), ())
        _require(
            type(getattr(correction, f.name)) in allowed, f"A {cls.op} entry has a bad {f.name}."
        )
    return correction
