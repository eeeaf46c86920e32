"""JSON schema version 1: ``Annotations`` <-> plain dicts (documented in docs/schema.md).

``to_dict`` is deterministic (sorted, stable ids) so a round trip gives byte-identical JSON.
``from_dict`` trusts nothing: it checks types, offsets and text fields and raises
``AnnotationFormatError`` with a plain message.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, cast

from reader.core.errors import AnnotationFormatError
from reader.core.model import (
    Annotations,
    Article,
    Block,
    DateMention,
    Entity,
    Mention,
    PipelineInfo,
    Quote,
)

FORMAT = "entity-reader"
VERSION = 1

# Limits for hostile copies (docs/security.md): far above any real article, low enough that a
# crafted file is refused in well under a second instead of eating memory or time.
MAX_JSON_CHARS = 64_000_000
"""Longest JSON text ``loads`` parses (a book-length article with every span is ~20 MB)."""
MAX_TEXT_CHARS = 20_000_000
"""Longest article text accepted."""
MAX_ENTITIES = 100_000
"""Most entities in one copy."""
MAX_SPANS = 1_000_000
"""Most mentions + quotes + dates + blocks in one copy."""


def to_dict(ann: Annotations) -> dict[str, Any]:
    """The schema-v1 dict of ``ann``."""
    art = ann.article
    return {
        "format": FORMAT,
        "version": VERSION,
        "article": {
            "title": art.title,
            "published": art.published.isoformat() if art.published else None,
            "source": art.source,
            "text": art.text,
            "byline": art.byline,
            "site": art.site,
            "dateline": art.dateline,
            "blocks": [[b.start, b.end, b.kind, b.level] for b in art.blocks],
        },
        "pipeline": {
            "model": ann.pipeline.model,
            "model_version": ann.pipeline.model_version,
            "reader_version": ann.pipeline.reader_version,
        },
        "entities": [_entity_dict(e) for e in ann.entities],
        "quotes": [
            {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
                "speaker_id": q.speaker_id,
                "kind": q.kind,
                "source": q.source,
            }
            for q in ann.quotes
        ],
        "dates": [
            {
                "start": d.start,
                "end": d.end,
                "text": d.text,
                "value": d.value,
                "precision": d.precision,
            }
            for d in ann.dates
        ],
    }


def _mention_dicts(mentions: list[Mention]) -> list[dict[str, Any]]:
    return [{"start": m.start, "end": m.end, "text": m.text, "source": m.source} for m in mentions]


def _entity_dict(entity: Entity) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": entity.id,
        "type": entity.type,
        "name": entity.name,
        "source": entity.source,
        "country": entity.country,
        "mentions": _mention_dicts(entity.mentions),
    }
    if entity.title_mentions:  # only when there are: copies without headline names stay as before
        data["title_mentions"] = _mention_dicts(entity.title_mentions)
    return data


def dumps(ann: Annotations, *, indent: int | None = 2) -> str:
    """Serialise to schema-v1 JSON text (UTF-8 safe, stable key order)."""
    return json.dumps(to_dict(ann), ensure_ascii=False, indent=indent)


def _require(cond: bool, message: str) -> None:
    if not cond:
        raise AnnotationFormatError(f"The annotations are damaged: {message}.")


def _short(value: Any) -> str:
    """``repr`` for a message, cut so a hostile value cannot flood a dialog."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _list(value: Any, what: str) -> list[Any]:
    """A JSON array field; missing means empty."""
    if value is None:
        return []
    _require(isinstance(value, list), f"the {what} are not a list")
    return cast(list[Any], value)  # checked by _require, which mypy cannot see into


_SURROGATE = re.compile("[\ud800-\udfff]")
"""JSON may escape lone surrogates ("\\ud800"); such a string could never be saved as UTF-8."""


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and not _SURROGATE.search(value)


def _str_or_none(value: Any, what: str) -> str | None:
    _require(value is None or _is_text(value), f"{what} is not text")
    return cast("str | None", value)  # checked by _require, which mypy cannot see into


def _span(obj: Any, text: str, what: str) -> tuple[int, int, str]:
    """``(start, end, text)`` of a mention, quote or date that lies exactly on the text.

    Checked in one expression first and explained only on failure: the three messages built
    for every span were a sixth of the time a copy of 850,000 mentions took to validate.
    """
    if isinstance(obj, dict):
        start, end, span_text = obj.get("start"), obj.get("end"), obj.get("text")
        if (
            type(start) is int
            and type(end) is int
            and isinstance(span_text, str)
            and 0 <= start <= end <= len(text)
            and text[start:end] == span_text
        ):
            return start, end, span_text
    return _bad_span(obj, text, what)


def _bad_span(obj: Any, text: str, what: str) -> tuple[int, int, str]:
    """Raise the sentence that says what is wrong with a span ``_span`` refused."""
    _require(isinstance(obj, dict), f"a {what} is not an object")
    start, end, span_text = obj.get("start"), obj.get("end"), obj.get("text")
    _require(
        type(start) is int and type(end) is int and isinstance(span_text, str),
        f"a {what} has no valid start, end and text",
    )
    _require(0 <= start <= end <= len(text), f"a {what} lies outside the article")
    _require(text[start:end] == span_text, f"a {what} does not match the article text")
    return start, end, span_text


def from_dict(data: Any) -> Annotations:
    """Rebuild ``Annotations`` from a schema-v1 dict, validating every field."""
    _require(isinstance(data, dict), "the top level is not an object")
    _require(data.get("format") == FORMAT, "this is not an Entity Reader file")
    version = data.get("version")
    _require(type(version) is int and version == VERSION, f"unsupported version {_short(version)}")
    art = data.get("article")
    _require(isinstance(art, dict), "the article is missing")
    text = art.get("text")
    _require(_is_text(text), "the article has no valid text")
    _require(len(text) <= MAX_TEXT_CHARS, f"the text is longer than {MAX_TEXT_CHARS:,} characters")
    _check_sizes(art, data)
    published = art.get("published")
    pub_date = None
    if published is not None:
        _require(isinstance(published, str), "the publication date is not text")
        try:
            pub_date = dt.date.fromisoformat(published)
        except ValueError:
            _require(False, "the publication date is not a YYYY-MM-DD date")
    blocks = []
    for raw in _list(art.get("blocks"), "blocks"):
        _require(
            isinstance(raw, list)
            and len(raw) == 4
            and type(raw[0]) is int
            and type(raw[1]) is int
            and _is_text(raw[2])
            and type(raw[3]) is int
            and 0 <= raw[0] <= raw[1] <= len(text),
            "a block is malformed",
        )
        blocks.append(Block(raw[0], raw[1], raw[2], raw[3]))
    article = Article(
        text=text,
        title=_str_or_none(art.get("title"), "the title"),
        byline=_str_or_none(art.get("byline"), "the byline"),
        published=pub_date,
        source=_str_or_none(art.get("source"), "the source") or "",
        blocks=blocks,
        site=_str_or_none(art.get("site"), "the site"),
        dateline=_str_or_none(art.get("dateline"), "the dateline"),
        format="annotated",
    )
    pipe = data.get("pipeline") or {}
    _require(isinstance(pipe, dict), "the pipeline is not an object")
    pipeline = PipelineInfo(
        model=_str_or_none(pipe.get("model"), "the model") or "",
        model_version=_str_or_none(pipe.get("model_version"), "the model version") or "",
        reader_version=_str_or_none(pipe.get("reader_version"), "the reader version") or "",
    )
    entities = []
    seen_ids: set[str] = set()
    raw_entities = data.get("entities", [])
    _require(isinstance(raw_entities, list), "the entities are not a list")
    for raw in raw_entities:
        _require(isinstance(raw, dict), "an entity is not an object")
        ent_id, ent_type, name = raw.get("id"), raw.get("type"), raw.get("name")
        _require(
            _is_text(ent_id) and _is_text(ent_type) and _is_text(name),
            "an entity has no valid id, type and name",
        )
        _require(ent_id not in seen_ids, f"the entity id {_short(ent_id)} is used twice")
        seen_ids.add(ent_id)
        raw_mentions = raw.get("mentions", [])
        _require(isinstance(raw_mentions, list), "an entity's mentions are not a list")
        mentions = _mentions(raw_mentions, text, "mention")
        title_mentions = _mentions(  # missing in copies made before headlines were analysed
            _list(raw.get("title_mentions"), "headline mentions"),
            article.title or "",
            "headline mention",
        )
        entities.append(
            Entity(
                id=ent_id,
                type=ent_type,
                name=name,
                mentions=mentions,
                source=_source(raw.get("source")),
                country=_str_or_none(raw.get("country"), "a country code"),
                title_mentions=title_mentions,
            )
        )
    quotes = []
    raw_quotes = data.get("quotes", [])
    _require(isinstance(raw_quotes, list), "the quotes are not a list")
    for q in raw_quotes:
        start, end, span_text = _span(q, text, "quote")
        kind = q.get("kind", "speech")
        _require(kind in ("speech", "scare"), "a quote has an unknown kind")
        speaker_id = _str_or_none(q.get("speaker_id"), "a speaker id")
        _require(speaker_id is None or speaker_id in seen_ids, "a quote names an unknown speaker")
        quotes.append(
            Quote(
                start,
                end,
                span_text,
                speaker=_str_or_none(q.get("speaker"), "a speaker"),
                speaker_id=speaker_id,
                kind=kind,
                source=_source(q.get("source")),
            )
        )
    dates = []
    raw_dates = data.get("dates", [])
    _require(isinstance(raw_dates, list), "the dates are not a list")
    for d in raw_dates:
        start, end, span_text = _span(d, text, "date")
        precision = d.get("precision")
        _require(precision in (None, "day", "month", "year"), "a date has an unknown precision")
        dates.append(
            DateMention(
                start, end, span_text, _str_or_none(d.get("value"), "a date value"), precision
            )
        )
    return Annotations(article, pipeline, entities, quotes, dates)


def _mentions(raw_mentions: list[Any], text: str, what: str) -> list[Mention]:
    """The mentions of a JSON array, each lying exactly on ``text`` (the body or the title)."""
    mentions = []
    for m in raw_mentions:
        start, end, span_text = _span(m, text, what)
        mentions.append(Mention(start, end, span_text, _source(m.get("source"))))
    return mentions


def _check_sizes(art: dict[str, Any], data: dict[str, Any]) -> None:
    """Refuse copies with more entities or spans than MAX_ENTITIES / MAX_SPANS, before any work."""
    entities = data.get("entities")
    entities = entities if isinstance(entities, list) else []  # wrong types: reported later
    _require(len(entities) <= MAX_ENTITIES, f"more than {MAX_ENTITIES:,} entities")
    spans = sum(
        len(e[key])
        for e in entities
        if isinstance(e, dict)
        for key in ("mentions", "title_mentions")
        if isinstance(e.get(key), list)
    )
    for field in (data.get("quotes"), data.get("dates"), art.get("blocks")):
        spans += len(field) if isinstance(field, list) else 0
    _require(spans <= MAX_SPANS, f"more than {MAX_SPANS:,} mentions, quotes, dates and blocks")


def _source(value: Any) -> Any:
    if value == "model" or value is None:
        return "model"
    _require(value == "user", "a source is neither 'model' nor 'user'")
    return value


def loads(text: str) -> Annotations:
    """Parse schema-v1 JSON text (refused unread past MAX_JSON_CHARS)."""
    if len(text) > MAX_JSON_CHARS:
        raise AnnotationFormatError(
            f"The annotations are too large to open (over {MAX_JSON_CHARS // 1_000_000} MB)."
        )
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise AnnotationFormatError("The annotations are not valid JSON.") from exc
    return from_dict(data)
