"""JSONL in the span format spaCy / Prodigy-style annotation tools read.

One line per article: ``{"text": ..., "spans": [{"start", "end", "label"}], "meta": {...}}``.
Offsets are character offsets into ``text`` (Python ``str`` indices, as everywhere in the
reader); labels are the entity types in upper case (PERSON, COUNTRY, ORGANIZATION, ...).
"""

from __future__ import annotations

import json
from typing import Any

from reader.core.model import Annotations


def span_label(entity_type: str) -> str:
    """The label a span of this entity type carries in JSONL and DocBin exports."""
    return entity_type.upper()


def spans(ann: Annotations) -> list[dict[str, Any]]:
    """Every mention as ``{"start", "end", "label"}``, sorted by position (overlaps kept)."""
    found = {
        (m.start, m.end, span_label(e.type))
        for e in ann.entities
        for m in e.mentions
        if m.end > m.start
    }
    return [{"start": s, "end": e, "label": label} for s, e, label in sorted(found)]


def to_record(ann: Annotations) -> dict[str, Any]:
    """The JSONL record of one article."""
    art = ann.article
    meta: dict[str, Any] = {"source": art.source}
    if art.title:
        meta["title"] = art.title
    if art.published:
        meta["published"] = art.published.isoformat()
    return {"text": art.text, "spans": spans(ann), "meta": meta}


def render_jsonl(ann: Annotations) -> str:
    """One JSON line (with its newline), UTF-8 text unescaped."""
    return json.dumps(to_record(ann), ensure_ascii=False) + "\n"
