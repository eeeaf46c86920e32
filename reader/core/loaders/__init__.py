"""Turn a file into an ``Article``. ``load_article`` is the one entry point.

One module per format (text, markdown, html, pdf, docx); each reads through
``files.read_file`` and assembles its blocks with ``builder``, so every format obeys the same
offset rules (docs/loaders.md). Every failure a person must hear about is a ``LoadError``.
``LOADERS`` is the dispatch table by suffix; other parts may register a loader in it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from reader.core.errors import LoadError
from reader.core.loaders.text import load_text, parse_text
from reader.core.model import Article

Loader = Callable[[Path], Article]


def _on_first_use(module: str, name: str) -> Loader:
    """The loader ``name`` of ``reader.core.loaders.<module>``, imported when first called.

    The formats' libraries take long to import (trafilatura's stack a third of a second,
    python-docx 0.11 s, pypdf 0.08 s, markdown-it 0.03 s: a batch of web pages or a .txt
    need none of the others), and a broken install of one must not stop another format from
    opening.
    """

    def load(path: Path) -> Article:
        loader: Loader = getattr(import_module(f"reader.core.loaders.{module}"), name)
        return loader(path)

    load.__name__ = load.__qualname__ = name
    load.__doc__ = f"``reader.core.loaders.{module}.{name}``, imported when first called."
    return load


load_markdown = _on_first_use("markdown", "load_markdown")
load_html = _on_first_use("html", "load_html")
load_pdf = _on_first_use("pdf", "load_pdf")
load_docx = _on_first_use("docx", "load_docx")


@dataclass(frozen=True)
class Format:
    """One article format as the file dialog names it, with its suffixes and loader."""

    label: str
    suffixes: tuple[str, ...]
    loader: Loader


FORMATS: tuple[Format, ...] = (
    Format("Text files", (".txt", ".text"), load_text),
    Format("Markdown", (".md", ".markdown"), load_markdown),
    Format("Web pages", (".html", ".htm", ".xhtml"), load_html),
    Format("PDF documents", (".pdf",), load_pdf),
    Format("Word documents", (".docx",), load_docx),
)
LOADERS: dict[str, Loader] = {suffix: fmt.loader for fmt in FORMATS for suffix in fmt.suffixes}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(LOADERS)
SNIFFED_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"})
"""Suffixes whose files are checked for a PDF or Word document (or another binary) inside."""

SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", ".pdf"),
    (b"PK\x03\x04", ".docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word (.doc) or other Office file"),
    (b"{\\rtf", "a Rich Text (.rtf) document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)
LABELS = {".pdf": "PDF document", ".docx": "Word document"}

__all__ = [
    "FORMATS",
    "LOADERS",
    "SUPPORTED_SUFFIXES",
    "Format",
    "LoadError",
    "file_dialog_filter",
    "is_empty",
    "load_article",
    "load_text",
    "parse_text",
]


EMPTY_NOTICE = "No article text was found in {name!r}, so there is nothing to read or analyse."


def is_empty(article: Article) -> bool:
    """True when the article has no text to show or analyse (whitespace only)."""
    return not article.text.strip()


def load_article(path: str | Path) -> Article:
    """Load ``path`` with the loader for its suffix (or its content); raise ``LoadError``.

    A .txt, .md or .html file, or one with an unknown suffix, whose first bytes show a PDF or a Word
    document is opened as that (with a notice); other binary files are refused. Anything
    else with an unknown suffix is read as plain text. An article that comes out empty (a Markdown
    file of comments and rules, a PDF whose text is all blank) says so in a notice.
    """
    path = Path(path)
    article = _load(path)
    if is_empty(article) and article.format != "html":  # a page says so itself (NO_TEXT_NOTICE)
        article.notices.append(EMPTY_NOTICE.format(name=path.name))
    return article


def _load(path: Path) -> Article:
    suffix = path.suffix.lower()
    loader = LOADERS.get(suffix)
    actual = None
    if loader is None or suffix in SNIFFED_SUFFIXES:
        actual = _sniff(_peek(path), path.name)
    if actual is None:
        return (loader or LOADERS[".txt"])(path)
    try:
        article = LOADERS[actual](path)
    except LoadError:
        if actual == ".docx":
            raise LoadError(f"{path.name!r} is a zip archive, not a text file.") from None
        raise
    article.notices.insert(0, f"This file is really a {LABELS[actual]}; it was opened as one.")
    return article


def _peek(path: Path) -> bytes:
    """The first bytes of a regular file, or b"" (the loader then says what is wrong).

    Only regular files are opened: opening a named pipe or a device would block or never end.
    """
    try:
        if not path.is_file():
            return b""
        with path.open("rb") as handle:
            return handle.read(16)
    except OSError:
        return b""


def _sniff(head: bytes, name: str) -> str | None:
    """The suffix of the format a file really is when its first bytes say so; refuse binaries."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            if kind.startswith("."):
                return kind
            raise LoadError(f"{name!r} is {kind}, not a text file.")
    return None


def file_dialog_filter(extra: Sequence[tuple[str, Sequence[str]]] = ()) -> str:
    """The filter string for a Qt file dialog: all articles first, then each format, then all.

    ``extra`` adds formats other parts open, e.g. ``[("Annotated copies", (".json",))]``; the
    first entry also lists any suffix registered in ``LOADERS`` after import.
    """
    groups = [(fmt.label, tuple(fmt.suffixes)) for fmt in FORMATS]
    groups += [(label, tuple(suffixes)) for label, suffixes in extra]
    every = list(LOADERS)
    every += [suffix for _, suffixes in groups for suffix in suffixes if suffix not in every]
    entries = [f"Articles ({' '.join('*' + suffix for suffix in every)})"]
    entries += [
        f"{label} ({' '.join('*' + suffix for suffix in suffixes)})" for label, suffixes in groups
    ]
    entries.append("All files (*)")
    return ";;".join(entries)
