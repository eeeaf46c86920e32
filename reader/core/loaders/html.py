"""Saved web pages (.html, .htm): the article body and its metadata, not the menus.

trafilatura finds the article body (navigation, ads, comments and scripts dropped) and its
title, author and site. The publication date is the one the publisher declares for the article
(JSON-LD ``datePublished`` of an Article or WebPage, or ``article:published_time``), then
trafilatura's, then htmldate's extensive search. A valid page with little or no article text
opens with a notice, never an error. A page nested deeper than the HTML parser follows (255
levels) is refused: the parser stops there and the rest of the page would be silently lost.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from pathlib import Path
from typing import Any, TypedDict, cast

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.settings import Document, set_date_params
from trafilatura.utils import load_html as parse_tree

from reader.core.errors import LoadError
from reader.core.loaders.builder import Part, build_article, inline, preformatted
from reader.core.loaders.bylines import BYLINE_PREFIX
from reader.core.loaders.encoding import refuse_binary
from reader.core.loaders.files import MAX_TEXT_BYTES, read_file
from reader.core.model import Article

MAX_DEPTH = 254
"""libxml2's HTML parser stops at 256 levels; a tree this deep was cut short."""
LITTLE_TEXT = 500
"""Below this many characters of body text the reader is told the page holds little article."""
NO_TEXT_NOTICE = (
    "No article text was found on this page; it may be a menu, a template or a page whose "
    "text is loaded by scripts."
)
LITTLE_TEXT_NOTICE = (
    "Little article text was found on this page; the rest may be loaded by scripts, "
    "behind a paywall, or not part of the saved file."
)
TEMPLATE_NOTICE = (
    "This page looks like an unfilled template ({{...}} placeholders), not an article."
)
SPACED = frozenset({"p", "head", "item", "cell", "row", "quote", "code", "table"})
"""Elements whose text is a separate unit, so it never runs into its neighbour's words."""
WORDLESS = re.compile(r"^[\W_]*$")
ARTICLE_TYPES = ("Article", "Posting", "Report", "WebPage")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def load_html(path: Path) -> Article:
    """Read and parse a saved web page."""
    return parse_html(read_file(path, MAX_TEXT_BYTES), str(path), path.name)


def parse_html(data: bytes, source: str, name: str) -> Article:
    """The Article in the web page ``data``."""
    if not data.strip():
        raise LoadError(f"The file {name!r} contains no text.")
    refuse_binary(data, name)
    tree = parse_tree(data)
    if tree is None:
        raise LoadError(f"{name!r} could not be read as a web page.")
    if _depth(tree) >= MAX_DEPTH:
        raise LoadError(
            f"{name!r} is nested too deeply to read (over {MAX_DEPTH} levels of tags); "
            "it is probably damaged or machine-generated."
        )
    declared = _declared_date(tree)
    page_title = _page_title(tree)
    document = _extract(data, tree, name, recall=False)
    if _length(document) < LITTLE_TEXT:
        second = _extract(data, None, name, recall=True)
        if _length(second) > _length(document):
            document = second
    body = document.body if document is not None else None
    parts = body_parts(body) if body is not None else []
    parts = [part for part in parts if not WORDLESS.match(part.text)]
    published = declared or _date(document.date if document else None) or _htmldate(data)
    title = (document.title if document else None) or page_title
    site = document.sitename if document else None
    byline = BYLINE_PREFIX.sub("", document.author or "") if document else None
    return build_article(
        parts,
        source=source,
        fmt="html",
        title=title,
        byline=byline,
        published=published,
        site=None if site == title else site,
        notices=_notices(parts),
    )


def _length(document: Document | None) -> int:
    return len(document.text or "") if document is not None else 0


class _ExtractionOptions(TypedDict):
    """The keyword arguments both ``bare_extraction`` calls share."""

    include_comments: bool
    include_tables: bool
    include_images: bool
    include_links: bool
    include_formatting: bool
    favor_recall: bool
    date_extraction_params: dict[str, Any]


def _extract(data: bytes, tree: HtmlElement | None, name: str, *, recall: bool) -> Document | None:
    """trafilatura's extraction; without metadata when the metadata step fails on a damaged page.

    trafilatura and htmldate raise all kinds of exceptions on hostile markup (an lxml
    assertion, a recursion limit, ...); the body alone is still worth showing, and a page
    where even that fails is a ``LoadError``.
    """
    options: _ExtractionOptions = {
        "include_comments": False,
        "include_tables": True,
        "include_images": False,
        "include_links": False,
        "include_formatting": False,
        "favor_recall": recall,
        # the quick date search; the extensive one (seconds on some pages, as it loads every
        # dateparser locale) runs only when nothing else gave a date
        "date_extraction_params": set_date_params(extensive=False),
    }
    # without as_dict=True bare_extraction returns a Document or None, never a dict
    try:
        return cast(
            "Document | None",
            trafilatura.bare_extraction(
                tree if tree is not None else parse_tree(data), with_metadata=True, **options
            ),
        )
    except Exception:  # see the docstring: retry without the metadata step
        pass
    try:
        return cast(
            "Document | None",
            trafilatura.bare_extraction(parse_tree(data), with_metadata=False, **options),
        )
    except Exception as exc:
        raise LoadError(
            f"{name!r} could not be read as a web page; the file may be damaged.",
            detail=repr(exc),
        ) from exc


def body_parts(body: etree._Element) -> list[Part]:
    """One Part per block of trafilatura's body tree (p, head, list/item, quote, code, table)."""
    parts: list[Part] = []
    for child in body:
        _walk(child, parts, "paragraph")
    return parts


def _walk(element: etree._Element, parts: list[Part], kind: str) -> None:
    tag = element.tag
    if tag == "head":
        rend = str(element.get("rend") or "h2")
        level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
        parts.append(Part(inline(_text(element)), "heading", level))
    elif tag == "list":
        for item in element:
            _walk(item, parts, "list_item")
    elif tag == "item":
        parts.append(Part(inline(_text(element)), "list_item"))
        for nested in element.iterchildren("list"):
            _walk(nested, parts, "list_item")
    elif tag == "code":
        parts.append(Part(preformatted("".join(element.itertext())), "preformatted"))
    elif tag == "table":
        for row in element.iter("row"):
            cells = (inline(_text(cell)) for cell in row.iterchildren("cell"))
            parts.append(Part("\t".join(cell for cell in cells if cell)))
    elif tag == "quote" or any(child.tag in ("p", "list", "head") for child in element):
        inner = "blockquote" if tag == "quote" else kind
        if any(child.tag in ("p", "list", "head", "quote") for child in element):
            for child in element:
                _walk(child, parts, inner)
        else:
            parts.append(Part(inline(_text(element)), inner))
    else:
        parts.append(Part(inline(_text(element)), kind))


def _text(element: etree._Element) -> str:
    """Words of an element: line breaks as spaces, nested lists left to their own blocks."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            pieces.append(" ")
        elif child.tag in SPACED:
            pieces.append(f" {_text(child)} ")
        elif child.tag != "list":
            pieces.append(_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _depth(tree: etree._Element) -> int:
    """The deepest nesting of elements in ``tree``, without recursion."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _declared_date(tree: HtmlElement) -> dt.date | None:
    """The publication date the publisher declares: JSON-LD first, then Open Graph."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        found = _json_ld_date(data, budget=[500])
        if found:
            return found
    for value in tree.xpath('//meta[@property="article:published_time"]/@content'):
        found = _date(str(value))
        if found:
            return found
    return None


def _json_ld_date(data: object, budget: list[int]) -> dt.date | None:
    """``datePublished`` of the first Article-like object in JSON-LD ``data``."""
    budget[0] -= 1
    if budget[0] < 0:
        return None
    if isinstance(data, list):
        items: list[object] = data
    elif isinstance(data, dict):
        types = data.get("@type")
        names = types if isinstance(types, list) else [types]
        if "datePublished" in data and any(
            isinstance(t, str) and t.endswith(ARTICLE_TYPES) for t in names
        ):
            found = _date(str(data["datePublished"]))
            if found:
                return found
        items = [data.get("@graph"), data.get("mainEntity"), data.get("mainEntityOfPage")]
    else:
        return None
    for item in items:
        found = _json_ld_date(item, budget)
        if found:
            return found
    return None


def _date(value: str | None) -> dt.date | None:
    """The calendar day of an ISO date or timestamp as written (no time zone shift)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _htmldate(data: bytes) -> dt.date | None:
    try:
        found = find_date(data, extensive_search=True, original_date=True)
    except Exception:  # htmldate fails in many ways on damaged markup; the date stays unknown
        return None
    return _date(found)


def _page_title(tree: HtmlElement) -> str | None:
    titles = tree.xpath("//title")
    return inline(titles[0].text_content()) or None if titles else None


def _notices(parts: list[Part]) -> list[str]:
    text = " ".join(part.text for part in parts)
    notices = []
    if "{{" in text and "}}" in text:
        notices.append(TEMPLATE_NOTICE)
    if not text:
        notices.append(NO_TEXT_NOTICE)
    elif len(text) < LITTLE_TEXT:
        notices.append(LITTLE_TEXT_NOTICE)
    return notices
