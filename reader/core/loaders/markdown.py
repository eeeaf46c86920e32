"""Markdown articles (.md): rendered structure, no markup characters in the text.

markdown-it-py (CommonMark, plus tables and strikethrough) parses the file. Headings,
paragraphs, list items, block quotes, table rows and code blocks become blocks; emphasis,
links and images leave only their words (an image its alt text); raw HTML tags are dropped.
A YAML front matter block (``---`` ... ``---``) gives title, author and date; the first
level-1 heading is the title when nothing else gives one. The sample header works as in .txt.
Markdown nested deeper than markdown-it follows (which would silently drop the rest of the
file) is shown as plain text, with a notice.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.loaders.builder import (
    Part,
    build_article,
    inline,
    normalise_newlines,
    preformatted,
    strip_controls,
)
from reader.core.loaders.datelines import split_header
from reader.core.loaders.encoding import load_text_file
from reader.core.loaders.text import parse_text
from reader.core.model import Article

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
FRONT_FIELD = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.+?)\s*$", re.MULTILINE)
TAG = re.compile(r"<[^>]*>")
TOO_DEEP_NOTICE = "This Markdown is nested too deeply to render; it is shown as plain text."
_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def load_markdown(path: Path) -> Article:
    """Read and parse a Markdown file."""
    return load_text_file(path, parse_markdown)


def parse_markdown(text: str, source: str = "", notices: list[str] | None = None) -> Article:
    """The Article for Markdown source ``text``."""
    text = normalise_newlines(strip_controls(text))
    header, text = split_header(text)
    meta, text = _front_matter(text)
    tokens = _PARSER.parse(text)
    if max((token.level for token in tokens), default=0) >= _PARSER.options["maxNesting"] - 1:
        # markdown-it stops at its nesting limit and drops the rest of the file: show it all
        # as plain text instead of losing it
        article = parse_text(text, source=source, notices=notices)
        article.format = "md"
        article.notices.insert(0, TOO_DEEP_NOTICE)
        return article
    parts = blocks_of(tokens)
    title = header.title if header else meta.get("title")
    if not title:
        title = next((p.text for p in parts[:3] if p.kind == "heading" and p.level == 1), None)
    published = header.published if header else _date(meta.get("date"))
    return build_article(
        parts,
        source=source,
        fmt="md",
        title=title,
        byline=meta.get("author"),
        published=published,
        notices=notices,
    )


def blocks_of(tokens: list[Token]) -> list[Part]:
    """One Part per rendered block of a markdown-it token stream."""
    parts: list[Part] = []
    containers: list[str] = []
    heading = 0
    row: list[str] | None = None
    for token in tokens:
        kind = token.type
        if kind in ("list_item_open", "blockquote_open"):
            containers.append(kind)
        elif kind in ("list_item_close", "blockquote_close"):
            containers.pop()
        elif kind == "heading_open":
            heading = int(token.tag[1:])
        elif kind == "heading_close":
            heading = 0
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            parts.append(Part("\t".join(row)))
            row = None
        elif kind in ("fence", "code_block"):
            parts.append(Part(preformatted(token.content), "preformatted"))
        elif kind == "html_block":
            parts.append(Part(inline(TAG.sub(" ", token.content)), _context(containers)))
        elif kind == "inline":
            words = inline(_inline_text(token))
            if row is not None:
                row.append(words)
            elif heading:
                parts.append(Part(words, "heading", heading))
            else:
                parts.append(Part(words, _context(containers)))
    return parts


def _context(containers: list[str]) -> str:
    if "list_item_open" in containers:
        return "list_item"
    if "blockquote_open" in containers:
        return "blockquote"
    return "paragraph"


def _inline_text(token: Token) -> str:
    """The words of an inline token: markup dropped, line breaks as spaces, images as alt text."""
    pieces: list[str] = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
        elif child.type == "html_inline":
            continue
        elif child.type == "image":
            pieces.append(_inline_text(child))
        else:
            pieces.append(child.content)
    return "".join(pieces)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple ``key: value`` fields of a YAML front matter block, and the text after it."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {
        found["key"].lower(): found["value"].strip("'\"")
        for found in FRONT_FIELD.finditer(match["body"])
    }
    return fields, text[match.end() :]


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
