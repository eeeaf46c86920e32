"""Plain-text articles (.txt): encoding detected, line endings normalised, paragraphs found.

A file with one paragraph per line (like the sample) gives one block per line. A hard-wrapped
file (lines of at most ~100 characters, most of them full and most full lines ending
mid-sentence) is reflowed: a full line joins the
next one with a space, and a short line, a blank line or a list marker ends the paragraph.
The first line may be the sample header ``date YYYY-MM-DD <headline>`` (see datelines.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.loaders.builder import Part, build_article, normalise_newlines, strip_controls
from reader.core.loaders.datelines import split_header
from reader.core.loaders.encoding import load_text_file
from reader.core.model import Article

MAX_WRAP_WIDTH = 100
"""Longest line of a hard-wrapped file (typical widths are 66-80)."""
FULL_LINE = 0.6
"""A line at least this share of the wrap width continues on the next line."""
SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
LIST_MARKER = re.compile(r"^\s*(?:[-*•–]|\d{1,3}[.)])\s+")


def load_text(path: Path) -> Article:
    """Read and parse a plain-text file."""
    return load_text_file(path, parse_text)


def parse_text(text: str, source: str = "", notices: list[str] | None = None) -> Article:
    """Split ``text`` into the sample header, paragraphs and blocks."""
    text = normalise_newlines(strip_controls(text))
    header, text = split_header(text)
    lines = [line.strip() for line in text.split("\n")]
    parts = [Part(paragraph) for paragraph in paragraphs(lines)]
    return build_article(
        parts,
        source=source,
        fmt="txt",
        title=header.title if header else None,
        published=header.published if header else None,
        notices=notices,
    )


def paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs of stripped ``lines``: one per line, or reflowed when the text is hard-wrapped."""
    width = _wrap_width(lines)
    if width is None:
        return [line for line in lines if line]
    result: list[str] = []
    current: list[str] = []
    for line in lines:
        if current and (not line or LIST_MARKER.match(line)):
            result.append(" ".join(current))
            current = []
        if line:
            current.append(line)
            if len(line) < FULL_LINE * width:
                result.append(" ".join(current))
                current = []
    if current:
        result.append(" ".join(current))
    return result


def _wrap_width(lines: list[str]) -> int | None:
    """The wrap width of a hard-wrapped text, or None when lines are paragraphs."""
    filled = [len(line) for line in lines if line]
    if len(filled) < 3:
        return None
    width = max(filled)
    if width > MAX_WRAP_WIDTH or width < 40:
        return None
    full = [line for line in lines if len(line) >= FULL_LINE * width]
    open_ended = [line for line in full if not SENTENCE_END.search(line)]
    if len(full) >= 0.5 * len(filled) and len(open_ended) >= 0.5 * len(full):
        return width
    return None
