"""The annotated HTML copy: complete, escaped, self-contained and pinned by its CSP."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from reader.core import schema
from reader.core.colors import UNKNOWN_BACKGROUND, UNKNOWN_COLOR, colors_for, contrast
from reader.core.export.html import EMBED_ID, embed_json, render_html
from reader.core.export.html_assets import SCRIPT, csp_hash
from reader.core.export.reopen import extract_embedded_json, parse_annotated
from reader.core.model import ENTITY_TYPES, Annotations, Mention


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the raw text of each script/style."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in][-1] += data
        else:
            self.text.append(data)


def _parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser


def test_page_has_highlights_legend_entities_quotes_and_dates(small: Annotations) -> None:
    page = render_html(small)
    parsed = _parse(page)
    marks = [a for t, a in parsed.tags if t == "mark"]
    assert len(marks) == sum(len(e.mentions) for e in small.entities) == 9
    assert {m["data-entity"] for m in marks} == {e.id for e in small.entities}
    assert sorted(int(m["data-mention"] or -1) for m in marks) == list(range(9))
    macron = [m for m in marks if m["data-entity"] == "e1"]
    assert len(macron) == 2 and all("t-person" in (m["class"] or "") for m in macron)
    buttons = [
        a["data-entity"]
        for t, a in parsed.tags
        if t == "button" and "ent-btn" in (a.get("class") or "")
    ]
    assert set(buttons) >= {e.id for e in small.entities}
    text = "".join(parsed.text)
    for needle in ("Legend", "People", "Countries", "Organizations", "Quotes", "Dates"):
        assert needle in text
    assert "France and Germany stand with Ukraine" in text and "— " in text
    assert "2025-03-15" in text and "17 March 2025" in text
    times = [a for t, a in parsed.tags if t == "time" and "date" in (a.get("class") or "")]
    assert times == [
        {
            "class": "date",
            "data-date": "0",
            "datetime": "2025-03-15",
            "title": "Saturday = 2025-03-15",
        }
    ]
    quote_spans = [a for t, a in parsed.tags if t == "span" and a.get("class") == "quote-span"]
    assert {a["data-quote"] for a in quote_spans} == {"0"} and len(quote_spans) >= 1
    jumps = [a for t, a in parsed.tags if t == "li" and ("data-quote" in a or "data-date" in a)]
    assert [(a.get("data-quote"), a.get("data-date")) for a in jumps] == [("0", None), (None, "0")]
    assert page.count("<p>") == 2  # one paragraph per block


def test_optional_layers_start_hidden_like_the_app(small: Annotations) -> None:
    parsed = _parse(render_html(small))
    body = next(a for t, a in parsed.tags if t == "body")
    assert body["class"] == "hide-t-place hide-t-nationality"
    toggles = {
        a["data-layer"]: a["aria-pressed"]
        for t, a in parsed.tags
        if t == "button" and a.get("data-layer")
    }
    assert toggles == {
        "t-person": "true",
        "t-country": "true",
        "t-organization": "true",
        "t-place": "false",
        "t-nationality": "false",
    }


OKABE_ITO_PALETTE = frozenset(
    {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
)
"""Okabe & Ito (2008): the eight colours told apart with the common colour-vision deficiencies."""


def test_colours_follow_the_palette_and_stay_readable(small: Annotations) -> None:
    style = _parse(render_html(small)).raw["style"][0]
    markers = set()
    for entity_type in ENTITY_TYPES:
        light, dark = colors_for(entity_type), colors_for(entity_type, dark=True)
        markers.add(light.color)
        assert light.color in OKABE_ITO_PALETTE
        assert (
            f"mark.t-{entity_type} {{ background-color: {light.background}; "
            f"border-bottom-color: {light.color}; }}"
        ) in style
        assert f".t-{entity_type} .swatch {{ background-color: {light.color}; }}" in style
        assert f"mark.t-{entity_type} {{ background-color: {dark.background}; }}" in style
        # body text stays readable on the tints (WCAG AA for normal text is 4.5)
        assert contrast(light.background, "#1D1D1F") >= 4.5
        assert contrast(dark.background, "#E8E8E3") >= 4.5
    assert len(markers) == len(ENTITY_TYPES)  # one colour per type


def test_csp_allows_exactly_the_page_style_and_script(small: Annotations) -> None:
    page = render_html(small)
    parsed = _parse(page)
    csp = next(
        a["content"]
        for t, a in parsed.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == csp_hash(SCRIPT)
    assert directives["style-src"] == csp_hash(parsed.raw["style"][0])
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    for name in ("img-src", "connect-src", "font-src", "base-uri", "form-action", "object-src"):
        assert directives[name] == "'none'"
    executable = [
        a for t, a in parsed.tags if t == "script" and a.get("type") != "application/json"
    ]
    assert executable == [{}]
    assert parsed.raw["script"][1] == SCRIPT


def test_no_remote_resource_or_url_anywhere(small: Annotations) -> None:
    page = render_html(small)
    assert not re.search(r"(https?:)?//[a-z0-9]", page, re.IGNORECASE)
    assert "url(" not in page and "@import" not in page
    for _tag, attrs in _parse(page).tags:
        assert not {"src", "href", "srcset", "action", "poster"} & set(attrs)


def test_hostile_article_cannot_inject_markup(hostile: Annotations) -> None:
    page = render_html(hostile)
    parsed = _parse(page)
    names = {t for t, _ in parsed.tags}
    assert names <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "div",
        "main",
        "header",
        "h1",
        "p",
        "span",
        "article",
        "mark",
        "footer",
        "aside",
        "section",
        "h2",
        "h3",
        "ul",
        "li",
        "button",
        "q",
        "script",
        "time",
    }
    assert "img" not in names and "svg" not in names and "b" not in names
    for _tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs)
    scripts = [a for t, a in parsed.tags if t == "script"]
    assert len(scripts) == 2
    assert page.count("</script>") == 2
    assert "<!--" not in page.split('id="' + EMBED_ID)[1].split("</script>")[0]
    # the hostile text is shown as text, exactly
    assert "onerror=alert(1)>" in "".join(parsed.text)


def test_embedded_json_is_escaped_and_exact(hostile: Annotations) -> None:
    original = schema.dumps(hostile)
    embedded = embed_json(original)
    assert "<" not in embedded and ">" not in embedded and "&" not in embedded
    assert "\u2028" not in embedded
    assert json.loads(embedded) == json.loads(original)
    page = render_html(hostile)
    assert json.loads(extract_embedded_json(page)) == schema.to_dict(hostile)
    assert schema.dumps(parse_annotated(page, html=True)) == original


def test_rendering_is_deterministic(small: Annotations) -> None:
    assert render_html(small) == render_html(small)


def test_overlapping_mentions_split_into_innermost_pieces(small: Annotations) -> None:
    text = small.article.text
    start = text.index("Emmanuel Macron")
    # a user mention of "Emmanuel" inside the model's "Emmanuel Macron", for Olaf Scholz
    small.entities[1].mentions.append(Mention(start, start + 8, "Emmanuel", "user"))
    parsed = _parse(render_html(small))
    marks = [a for t, a in parsed.tags if t == "mark"]
    first_two = marks[:2]
    assert [m["data-entity"] for m in first_two] == ["e2", "e1"]
    assert first_two[0]["data-source"] == "user"
    # the outer mention is one mention split in two pieces: same number on both
    assert len({m["data-mention"] for m in marks}) == 10


def test_article_without_blocks_uses_lines(small: Annotations) -> None:
    small.article.blocks = []
    page = render_html(small)
    assert page.count("<p>") == 2
    assert len([a for t, a in _parse(page).tags if t == "mark"]) == 9


def test_unknown_type_gets_a_safe_class_and_grey(small: Annotations) -> None:
    small.entities[0].type = "weird type;}body{display:none"
    page = render_html(small)
    style = _parse(page).raw["style"][0]
    assert "display:none" not in style
    assert (
        f"mark.t-weird-type--body-display-none {{ background-color: {UNKNOWN_BACKGROUND[False]}; "
        f"border-bottom-color: {UNKNOWN_COLOR}; }}"
    ) in style


def test_scare_quotes_are_not_listed_as_quotes(small: Annotations) -> None:
    from dataclasses import replace

    small.quotes = [replace(small.quotes[0], kind="scare", speaker=None, speaker_id=None)]
    parsed = _parse(render_html(small))
    assert not [a for t, a in parsed.tags if "data-quote" in a]
    assert "No quotes found." in "".join(parsed.text)
