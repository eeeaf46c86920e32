"""Reopen annotated copies (.json and .html) exactly, without running the model.

The JSON inside an HTML copy is the only thing read back; the visible markup is ignored.
Nothing in a file is trusted: a damaged or tampered copy raises ``AnnotationFormatError``
with a sentence a person understands, never another exception.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from reader.core import schema
from reader.core.bounded_read import FileTooLargeError, read_bounded, unreadable
from reader.core.errors import AnnotationFormatError
from reader.core.export.html import EMBED_ID
from reader.core.model import Annotations

MAX_BYTES = 256 * 1024 * 1024
"""Larger files are refused rather than read into memory (no real article comes close)."""

GENERATOR_MARK = '<meta name="generator" content="Entity Reader'
"""Every HTML copy carries it, so a copy cut short is still recognised (and refused)."""

JSON_SUFFIXES = (".json",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class _EmbedFinder(HTMLParser):
    """Collects the text of every ``<script id="entity-reader-annotations">`` element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []
        self.types: list[str | None] = []
        self._inside = False
        self._parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("id") == EMBED_ID:
            self._inside = True
            self._parts = []
            self.types.append(values.get("type"))

    def handle_data(self, data: str) -> None:
        if self._inside:
            self._parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inside:
            self._inside = False
            self.found.append("".join(self._parts))

    def close(self) -> None:
        super().close()
        if self._inside:  # unterminated element: keep what there is, validation decides
            self._inside = False
            self.found.append("".join(self._parts))


def _find_embedded(html_text: str) -> tuple[list[str], list[str | None]]:
    finder = _EmbedFinder()
    try:
        finder.feed(html_text)
        finder.close()
    except (AssertionError, ValueError) as exc:  # HTMLParser's own complaints
        raise AnnotationFormatError("This web page cannot be read.", detail=str(exc)) from exc
    return finder.found, finder.types


def has_embedded_annotations(html_text: str) -> bool:
    """True when the page carries an Entity Reader annotation block (valid or not)."""
    return bool(_find_embedded(html_text)[0])


def extract_embedded_json(html_text: str) -> str:
    """The annotation JSON text embedded in an annotated HTML copy."""
    found, types = _find_embedded(html_text)
    if not found and GENERATOR_MARK in html_text:
        raise AnnotationFormatError(
            "This annotated copy has lost its annotations; the file may be incomplete."
        )
    if not found:
        raise AnnotationFormatError("This web page is not an annotated copy from Entity Reader.")
    if len(found) > 1:
        raise AnnotationFormatError(
            "This annotated copy holds more than one set of annotations; it was altered "
            "and cannot be trusted."
        )
    if types[0] != "application/json":
        raise AnnotationFormatError("The annotations in this web page are not marked as JSON.")
    return found[0]


def _read_text(path: Path) -> str:
    try:
        raw = read_bounded(path, MAX_BYTES)
    except FileTooLargeError as exc:
        raise AnnotationFormatError(
            f"{path.name!r} is too large ({exc.size // (1024 * 1024)} MB) to be an annotated copy."
        ) from exc
    except OSError as exc:
        raise unreadable(path.name, exc) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnnotationFormatError(
            f"{path.name!r} is not UTF-8 text, so it is not an annotated copy."
        ) from exc


def is_annotated_copy(path: str | Path) -> bool:
    """Cheap test: a .json file, or a web page with an embedded annotation block.

    A page that merely mentions the block's id in its text is not one; a page written by
    Entity Reader, or whose block is damaged, is one (``load_annotated`` then refuses it
    with a reason rather than let it open as an ordinary page).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        return True
    if suffix not in HTML_SUFFIXES:
        return False
    try:
        raw = read_bounded(path, MAX_BYTES)
    except OSError:
        return False
    if GENERATOR_MARK.encode("ascii") in raw[:4096]:
        return True
    if EMBED_ID.encode("ascii") not in raw:
        return False
    try:
        return has_embedded_annotations(raw.decode("utf-8", errors="replace"))
    except AnnotationFormatError:
        return False


def parse_annotated(text: str, *, html: bool) -> Annotations:
    """Annotations from the text of a .json copy or (``html=True``) an .html copy."""
    json_text = extract_embedded_json(text) if html else text
    try:
        return schema.loads(json_text)
    except AnnotationFormatError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        # schema.from_dict checks every field; anything it missed is still a damaged file.
        raise AnnotationFormatError(
            "The annotations are damaged and cannot be restored.", detail=repr(exc)
        ) from exc


def load_annotated(path: str | Path) -> Annotations:
    """Restore the article and every annotation of an annotated .json or .html copy.

    Raises:
        AnnotationFormatError: the file is not an annotated copy, or it was damaged or
            tampered with (the message says what is wrong).
        LoadError: the file cannot be read at all.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in JSON_SUFFIXES + HTML_SUFFIXES:
        raise AnnotationFormatError(
            f"{path.name!r} is not an annotated copy (expected a .json or .html file)."
        )
    text = _read_text(path)
    try:
        return parse_annotated(text, html=suffix in HTML_SUFFIXES)
    except AnnotationFormatError as exc:
        raise AnnotationFormatError(
            f"{path.name!r} cannot be reopened. {exc.message}", detail=exc.detail
        ) from exc
