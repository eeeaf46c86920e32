"""Turn a file into an ``Article``. ``load_article`` is the one entry point.

One module per format (text, markdown, html, pdf, docx); each parses bytes read by
``files.read_file`` and assembles its blocks with ``builder``, so every format obeys the same
offset rules (docs/loaders.md). Every failure a person must hear about is a ``LoadError``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import LoadError
from reader.core.loaders.docx import parse_docx
from reader.core.loaders.files import MAX_DOCUMENT_BYTES, MAX_TEXT_BYTES, read_file
from reader.core.loaders.html import parse_html
from reader.core.loaders.markdown import parse_markdown_bytes
from reader.core.loaders.pdf import parse_pdf
from reader.core.loaders.text import load_text, parse_text, parse_text_bytes
from reader.core.model import Article

Parser = Callable[[bytes, str, str], Article]
"""``parser(data, source, name)``: the Article in a file's bytes."""


@dataclass(frozen=True)
class Format:
    """One article format: its name in the file dialog, suffixes, parser and size limit."""

    label: str
    suffixes: tuple[str, ...]
    parse: Parser
    limit: int


FORMATS: tuple[Format, ...] = (
    Format("Text files", (".txt", ".text"), parse_text_bytes, MAX_TEXT_BYTES),
    Format("Markdown", (".md", ".markdown"), parse_markdown_bytes, MAX_TEXT_BYTES),
    Format("Web pages", (".html", ".htm", ".xhtml"), parse_html, MAX_TEXT_BYTES),
    Format("PDF documents", (".pdf",), parse_pdf, MAX_DOCUMENT_BYTES),
    Format("Word documents", (".docx",), parse_docx, MAX_DOCUMENT_BYTES),
)
BY_SUFFIX: dict[str, Format] = {suffix: fmt for fmt in FORMATS for suffix in fmt.suffixes}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(BY_SUFFIX)
TEXT_FORMAT = FORMATS[0]

# Binary signatures: a file named .txt (or without a suffix) may really be one of these.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", ".pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word (.doc) or other Office file"),
    (b"{\\rtf", "a Rich Text (.rtf) document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)

__all__ = [
    "FORMATS",
    "SUPPORTED_SUFFIXES",
    "Format",
    "LoadError",
    "file_dialog_filter",
    "load_article",
    "load_text",
    "parse_text",
]


def load_article(path: str | Path) -> Article:
    """Load ``path`` with the loader for its suffix (or its content); raise ``LoadError``.

    A .txt or .md file, or one with an unknown suffix, whose first bytes show a PDF or a Word
    document is opened as that (with a notice); other binary files are refused.
    """
    path = Path(path)
    fmt = BY_SUFFIX.get(path.suffix.lower())
    actual = None
    if fmt is None or fmt.parse in (parse_text_bytes, parse_markdown_bytes):
        actual = _sniff(_peek(path), path.name)
    chosen = actual or fmt or TEXT_FORMAT
    data = read_file(path, chosen.limit)
    try:
        article = chosen.parse(data, str(path), path.name)
    except LoadError:
        if actual is BY_SUFFIX[".docx"]:
            raise LoadError(f"{path.name!r} is a zip archive, not a text file.") from None
        raise
    if actual is not None:
        article.notices.insert(0, f"This file is really a {actual.label[:-1]}; opened as one.")
    return article


def _peek(path: Path) -> bytes:
    """The first bytes of a regular file, or b"" (read_file then says what is wrong).

    Only regular files are opened: opening a named pipe or a device would block or never end.
    """
    try:
        if not path.is_file():
            return b""
        with path.open("rb") as handle:
            return handle.read(16)
    except OSError:
        return b""


def _sniff(head: bytes, name: str) -> Format | None:
    """The format a file really is when its first bytes say so; refuse other binary files."""
    for signature, kind in SIGNATURES:
        if not head.startswith(signature):
            continue
        if kind == ".pdf":
            return BY_SUFFIX[".pdf"]
        if kind == "zip":
            return BY_SUFFIX[".docx"]
        raise LoadError(f"{name!r} is {kind}, not a text file.")
    return None


def file_dialog_filter() -> str:
    """The filter string for a Qt file dialog: all articles first, then each format, then all."""
    patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
    entries = [f"Articles ({patterns})"]
    entries += [f"{fmt.label} ({' '.join('*' + s for s in fmt.suffixes)})" for fmt in FORMATS]
    entries.append("All files (*)")
    return ";;".join(entries)
