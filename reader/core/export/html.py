"""A self-contained annotated HTML copy: readable offline in any browser, reopened losslessly.

The page shows the article with its highlights, a legend, the entity list, the quotes with
their speakers and the resolved dates. It carries the full schema-v1 JSON in
``<script type="application/json" id="entity-reader-annotations">``, which is what the app
reads back (``reader.core.export.reopen``); the visible markup is only for people.

Everything that came from the article or from a file is escaped; the only code the page may
run is its own small script, pinned by hash in a Content-Security-Policy that forbids every
other script, style, image, font, frame and connection.
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import PurePath

from reader import __version__
from reader.core import schema
from reader.core.export.html_assets import SCRIPT, content_security_policy, css_class, stylesheet
from reader.core.model import (
    ENTITY_TYPES,
    EXTRA_TYPES,
    Annotations,
    Article,
    DateMention,
    Entity,
)
from reader.core.visible import show_controls

EMBED_ID = "entity-reader-annotations"
"""Id of the script element holding the annotation JSON."""

_JSON_ESCAPES = {
    "&": "\\u0026",
    "<": "\\u003c",
    ">": "\\u003e",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}

_JSON_TABLE = str.maketrans(_JSON_ESCAPES)

_TYPE_LABELS = {
    "person": "People",
    "country": "Countries",
    "organization": "Organizations",
    "place": "Places",
    "nationality": "Nationalities",
}

_BLOCK_TAGS = {
    "paragraph": "p",
    "list_item": "li",
    "blockquote": "blockquote",
    "preformatted": "pre",
    "dateline": "p",
}


def embed_json(json_text: str) -> str:
    """JSON text safe inside a ``<script>`` element: no ``</script>``, ``<!--`` or ``]]>``.

    These characters only occur inside JSON strings, where the ``\\uXXXX`` form means the
    same, so ``json.loads`` of the result equals ``json.loads(json_text)``.
    """
    return json_text.translate(_JSON_TABLE)


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str  # "mention", "date" or "quote"
    index: int  # mention number (page-wide) or date number
    entity: Entity | None = None
    date: DateMention | None = None


def _regions(article: Article) -> list[tuple[int, int, str, int]]:
    """(start, end, kind, level) of every block, plus any stray text between blocks."""
    text = article.text
    blocks = sorted(article.blocks, key=lambda b: (b.start, b.end))
    if not blocks:
        regions, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                regions.append((pos, pos + len(line), "paragraph", 0))
            pos += len(line) + 1
        return regions
    regions, pos = [], 0
    for block in blocks:
        if block.start > pos and text[pos : block.start].strip():
            regions.append((pos, block.start, "paragraph", 0))
        if block.start >= pos:
            regions.append((block.start, block.end, block.kind, block.level))
            pos = block.end
    if text[pos:].strip():
        regions.append((pos, len(text), "paragraph", 0))
    return regions


def _spans(ann: Annotations) -> list[_Span]:
    spans = []
    number = 0
    for entity in ann.entities:
        for mention in entity.mentions:
            if mention.end > mention.start:
                spans.append(_Span(mention.start, mention.end, "mention", number, entity=entity))
            number += 1
    for i, date in enumerate(ann.dates):
        if date.end > date.start:
            spans.append(_Span(date.start, date.end, "date", i, date=date))
    for i, quote in enumerate(ann.quotes):
        if quote.end > quote.start and quote.kind != "scare":
            spans.append(_Span(quote.start, quote.end, "quote", i))
    return spans


def _innermost(spans: Iterable[_Span], a: int, b: int, kind: str) -> _Span | None:
    covering = [s for s in spans if s.kind == kind and s.start <= a and s.end >= b]
    return min(covering, key=lambda s: (s.end - s.start, s.start), default=None)


def _mark_open(span: _Span, user_mention: bool) -> str:
    entity = span.entity
    assert entity is not None
    source = ' data-source="user"' if user_mention or entity.source == "user" else ""
    return (
        f'<mark class="ent {css_class(entity.type)}" data-entity="{_attr(entity.id)}" '
        f'data-type="{_attr(entity.type)}" data-mention="{span.index}"{source} '
        f'title="{_attr(entity.name)} ({_attr(entity.type)})">'
    )


def _date_open(date: DateMention, index: int) -> str:
    if date.value:
        return (
            f'<time class="date" data-date="{index}" datetime="{_attr(date.value)}" '
            f'title="{_attr(date.text)} = {_attr(date.value)}">'
        )
    return f'<time class="date" data-date="{index}" title="{_attr(date.text)}">'


def _region_html(
    text: str, start: int, end: int, inside: list[_Span], user: set[tuple[int, int, str]]
) -> str:
    """Escaped text of [start, end) with marks; overlaps split into innermost pieces.

    ``inside`` holds the spans that overlap the region; ``user`` the (start, end, entity id)
    of mentions the reader added.
    """
    cuts = {start, end}
    for s in inside:
        cuts.update(p for p in (s.start, s.end) if start < p < end)
    points = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(points):
        piece = escape(text[a:b], quote=False)
        mention = _innermost(inside, a, b, "mention")
        date = _innermost(inside, a, b, "date")
        if mention is not None and mention.entity is not None:
            is_user = (mention.start, mention.end, mention.entity.id) in user
            piece = _mark_open(mention, is_user) + piece + "</mark>"
        if date is not None and date.date is not None:
            piece = _date_open(date.date, date.index) + piece + "</time>"
        quote = _innermost(inside, a, b, "quote")
        if quote is not None:
            piece = f'<span class="quote-span" data-quote="{quote.index}">{piece}</span>'
        out.append(piece)
    return "".join(out)


def _article_html(ann: Annotations) -> str:
    spans = sorted(_spans(ann), key=lambda s: (s.start, s.end))
    starts = [s.start for s in spans]
    longest = max((s.end - s.start for s in spans), default=0)
    user = {(m.start, m.end, e.id) for e in ann.entities for m in e.mentions if m.source == "user"}
    text = ann.article.text
    parts = []
    in_list = False
    for start, end, kind, level in _regions(ann.article):
        # only spans starting in [start - longest, end) can overlap the region
        window = spans[bisect_left(starts, start - longest) : bisect_left(starts, end)]
        inside = [s for s in window if s.end > start]
        inner = _region_html(text, start, end, inside, user)
        if kind == "list_item" and not in_list:
            parts.append("<ul>")
            in_list = True
        elif kind != "list_item" and in_list:
            parts.append("</ul>")
            in_list = False
        if kind == "heading":
            tag = f"h{min(max(level, 1) + 1, 6)}"
            parts.append(f"<{tag}>{inner}</{tag}>")
        else:
            tag = _BLOCK_TAGS.get(kind, "p")
            cls = ' class="dateline"' if kind == "dateline" else ""
            parts.append(f"<{tag}{cls}>{inner}</{tag}>")
    if in_list:
        parts.append("</ul>")
    return "\n".join(parts)


def _types_in_order(ann: Annotations) -> list[str]:
    present = {e.type for e in ann.entities}
    known = [t for t in ENTITY_TYPES if t in present]
    return known + sorted(present - set(known))


def _hidden_layers(types: list[str]) -> str:
    """The body class hiding the optional layers (places, nationalities), as the app does."""
    hidden = " ".join(f"hide-{css_class(t)}" for t in types if t in EXTRA_TYPES)
    return f' class="{hidden}"' if hidden else ""


def _legend(ann: Annotations, types: list[str]) -> str:
    if not types:
        return '<section class="legend"><h2>Legend</h2><p class="empty">No entities.</p></section>'
    items = []
    for t in types:
        count = sum(e.mention_count for e in ann.entities if e.type == t)
        label = _TYPE_LABELS.get(t, t.capitalize())
        pressed = "false" if t in EXTRA_TYPES else "true"
        items.append(
            f'<li class="{css_class(t)}"><button type="button" class="toggle" '
            f'data-layer="{css_class(t)}" aria-pressed="{pressed}" '
            f'title="Show or hide {escape(label.lower())}">'
            f'<span class="swatch"></span>{escape(label)}'
            f'<span class="count">{count}</span></button></li>'
        )
    return f'<section class="legend"><h2>Legend</h2><ul>{"".join(items)}</ul></section>'


def _entity_list(ann: Annotations, types: list[str]) -> str:
    groups = []
    for t in types:
        entities = [e for e in ann.entities if e.type == t]
        entities.sort(key=lambda e: (-e.mention_count, e.name.casefold()))
        items = []
        for e in entities:
            tag = ' <span class="user-tag">yours</span>' if e.source == "user" else ""
            items.append(
                f'<li><button type="button" class="ent-btn {css_class(t)}" '
                f'data-entity="{_attr(e.id)}" data-name="{_attr(e.name)}">'
                f'<span class="swatch"></span><span>{escape(e.name)}{tag}</span>'
                f'<span class="count">{e.mention_count}</span></button></li>'
            )
        label = _TYPE_LABELS.get(t, t.capitalize())
        groups.append(f"<h3>{escape(label)}</h3><ul>{''.join(items)}</ul>")
    body = "".join(groups) or '<p class="empty">No entities.</p>'
    return (
        '<section class="entities"><h2>Entities</h2>'
        '<p class="status" id="status" aria-live="polite"></p>'
        f"{body}</section>"
    )


def _quotes(ann: Annotations) -> str:
    items = []
    for index, q in sorted(enumerate(ann.quotes), key=lambda pair: pair[1].start):
        if q.kind == "scare":  # a quoted phrase ("mass"), not something someone said
            continue
        speaker = ""
        if q.speaker:
            name = escape(q.speaker)
            if q.speaker_id and ann.entity(q.speaker_id) is not None:
                speaker_entity = ann.entity(q.speaker_id)
                assert speaker_entity is not None
                name = (
                    f'<button type="button" class="ent-btn {css_class(speaker_entity.type)}" '
                    f'data-entity="{_attr(q.speaker_id)}" data-name="{_attr(speaker_entity.name)}"'
                    f">{name}</button>"
                )
            speaker = f'<span class="speaker">— {name}</span>'
        else:
            speaker = '<span class="speaker">— speaker unknown</span>'
        tag = ' <span class="user-tag">edited</span>' if q.source == "user" else ""
        items.append(
            f'<li class="quote" data-quote="{index}" tabindex="0" title="Show in the text">'
            f"<q>{escape(q.text)}</q>{tag}{speaker}</li>"
        )
    body = f"<ul>{''.join(items)}</ul>" if items else '<p class="empty">No quotes found.</p>'
    return f'<section class="quotes"><h2>Quotes</h2>{body}</section>'


def _dates(ann: Annotations) -> str:
    items = []
    for index, d in sorted(enumerate(ann.dates), key=lambda pair: pair[1].start):
        value = (
            f'<time datetime="{_attr(d.value)}">{escape(d.value)}</time>'
            if d.value
            else "not resolved"
        )
        items.append(
            f'<li data-date="{index}" tabindex="0" title="Show in the text">{escape(d.text)} '
            f'<span class="resolved">→ {value}</span></li>'
        )
    body = f"<ul>{''.join(items)}</ul>" if items else '<p class="empty">No dates found.</p>'
    return f'<section class="dates"><h2>Dates</h2>{body}</section>'


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _title_spans(ann: Annotations) -> list[_Span]:
    """The headline's mentions, numbered after every body mention (the page counts an
    entity's mentions by distinct ``data-mention``)."""
    number = sum(len(e.mentions) for e in ann.entities)
    spans = []
    for entity in ann.entities:
        for mention in entity.title_mentions:
            if mention.end > mention.start:
                spans.append(_Span(mention.start, mention.end, "mention", number, entity=entity))
            number += 1
    return spans


def _title_html(ann: Annotations) -> str:
    """The escaped headline, its names marked as in the text."""
    title = ann.article.title or ""
    user = {
        (m.start, m.end, e.id) for e in ann.entities for m in e.title_mentions if m.source == "user"
    }
    return _region_html(title, 0, len(title), _title_spans(ann), user)


def _header(ann: Annotations) -> str:
    art = ann.article
    title = _title_html(ann) if art.title else "Untitled article"
    meta = []
    if art.byline:
        meta.append(f"<span>{escape(art.byline)}</span>")
    if art.site:
        meta.append(f"<span>{escape(art.site)}</span>")
    if art.published:
        meta.append(
            f'<span><time datetime="{art.published.isoformat()}">'
            f"{_long_date(art.published)}</time></span>"
        )
    if art.source:
        meta.append(f"<span>{escape(show_controls(PurePath(art.source).name))}</span>")
    meta_html = f'<p class="meta">{"".join(meta)}</p>' if meta else ""
    return f"<header><h1>{title}</h1>{meta_html}</header>"


def _provenance(ann: Annotations) -> str:
    pipe = ann.pipeline
    model = f"{pipe.model} {pipe.model_version}".strip() or "an unknown model"
    edits = (
        sum(e.source == "user" for e in ann.entities)
        + sum(m.source == "user" for e in ann.entities for m in e.mentions)
        + sum(q.source == "user" for q in ann.quotes)
    )
    plural = "s" if edits != 1 else ""
    corrected = f" with {edits} correction{plural} by the reader" if edits else ""
    return (
        f'<footer class="provenance">Annotated by Entity Reader {escape(__version__)} '
        f"using {escape(model)}{corrected}. This page works offline and loads nothing.</footer>"
    )


def render_html(ann: Annotations) -> str:
    """The annotated copy of ``ann`` as one HTML page; the same input gives the same bytes."""
    types = _types_in_order(ann)
    css = stylesheet(types)
    title = escape(ann.article.title) if ann.article.title else "Annotated article"
    payload = embed_json(schema.dumps(ann))
    csp = _attr(content_security_policy(css))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n'
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="Entity Reader {_attr(__version__)}">\n'
        f"<title>{title}</title>\n"
        f"<style>{css}</style>\n"
        f"</head>\n<body{_hidden_layers(types)}>\n"
        '<div class="page">\n<main>\n'
        f"{_header(ann)}\n<article>\n{_article_html(ann)}\n</article>\n{_provenance(ann)}\n"
        "</main>\n<aside>\n"
        f"{_legend(ann, types)}\n{_entity_list(ann, types)}\n{_quotes(ann)}\n{_dates(ann)}\n"
        "</aside>\n</div>\n"
        f'<script type="application/json" id="{EMBED_ID}">{payload}</script>\n'
        f"<script>{SCRIPT}</script>\n"
        "</body>\n</html>\n"
    )
