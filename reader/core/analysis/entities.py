"""Entities from spaCy's NER: map labels to our types and merge mentions of one thing."""

from __future__ import annotations

from typing import Any

from reader.core.model import COUNTRY, NATIONALITY, ORGANIZATION, PERSON, PLACE, Entity, Mention

LABEL_TO_TYPE = {"PERSON": PERSON, "ORG": ORGANIZATION, "NORP": NATIONALITY, "LOC": PLACE}


def entity_type(label: str, text: str) -> str | None:
    """Our type for a spaCy label (GPE is a country only if it names one)."""
    if label == "GPE":
        from reader.core.analysis.countries import country_code

        return COUNTRY if country_code(text) else PLACE
    return LABEL_TO_TYPE.get(label)


def extract_entities(doc: Any) -> list[Entity]:
    """One Entity per (type, name); mentions sorted by position."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    for ent in doc.ents:
        kind = entity_type(ent.label_, ent.text)
        if kind is None:
            continue
        groups.setdefault((kind, ent.text), []).append(
            Mention(ent.start_char, ent.end_char, ent.text)
        )
    ordered = sorted(groups.items(), key=lambda item: item[1][0].start)
    return [
        Entity(id=f"e{i}", type=kind, name=name, mentions=mentions)
        for i, ((kind, name), mentions) in enumerate(ordered, start=1)
    ]
