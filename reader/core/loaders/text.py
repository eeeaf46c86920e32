"""Plain-text articles, including the sample's ``date YYYY-MM-DD <headline>`` header."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from reader.core.errors import LoadError
from reader.core.model import Article, Block

HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(.*\S)\s*$")


def load_text(path: Path) -> Article:
    """Read a UTF-8 text file; the first line may carry the publication date and headline."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"Could not read {path.name!r}: {exc.strerror}.") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"{path.name!r} is not readable text.") from exc
    return parse_text(text, source=str(path))


def parse_text(text: str, source: str = "") -> Article:
    """Split ``text`` into header, paragraphs and blocks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    title = None
    published = None
    match = None
    if lines and (match := HEADER.match(lines[0])):
        try:
            published = dt.date.fromisoformat(match.group(1))
        except ValueError:  # "date 2025-13-45 ...": not a real header, keep the line as text
            match = None
    if match:
        title = match.group(2)
        lines = lines[1:]
    paragraphs = [line.strip() for line in lines if line.strip()]
    body = "\n".join(paragraphs)
    blocks = []
    offset = 0
    for paragraph in paragraphs:
        blocks.append(Block(offset, offset + len(paragraph)))
        offset += len(paragraph) + 1
    return Article(text=body, title=title, published=published, source=source, blocks=blocks)
