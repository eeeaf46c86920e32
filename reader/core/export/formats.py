"""Render Annotations into the formats the CLI and the app save, and save them safely.

``render_bytes`` is the one dispatch over formats; ``save`` writes atomically (a crash or a
full disk mid-save leaves the previous copy intact) and never over the original article.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.core import schema
from reader.core.atomic import write_bytes_atomic
from reader.core.errors import ReaderError
from reader.core.model import Annotations


@dataclass(frozen=True)
class ExportFormat:
    """One output format.

    Attributes:
        name: the CLI's ``--format`` value.
        suffix: file name suffix, with the dot.
        description: for file dialogs ("Annotated web page").
        binary: True when the output is bytes, not text.
    """

    name: str
    suffix: str
    description: str
    binary: bool = False


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("html", ".html", "Annotated web page"),
        ExportFormat("json", ".json", "Entity Reader annotations (JSON)"),
        ExportFormat("jsonl", ".jsonl", "Spans for annotation tools (JSONL)"),
        ExportFormat("spacy", ".spacy", "spaCy training data (DocBin)", binary=True),
    )
}


def _json(ann: Annotations) -> bytes:
    return (schema.dumps(ann) + "\n").encode("utf-8")


def _html(ann: Annotations) -> bytes:
    from reader.core.export.html import render_html

    return render_html(ann).encode("utf-8")


def _jsonl(ann: Annotations) -> bytes:
    from reader.core.export.jsonl import render_jsonl

    return render_jsonl(ann).encode("utf-8")


def _spacy(ann: Annotations) -> bytes:
    from reader.core.analysis.docbin import to_docbin_bytes

    return to_docbin_bytes(ann)


_RENDERERS: dict[str, Callable[[Annotations], bytes]] = {
    "html": _html,
    "json": _json,
    "jsonl": _jsonl,
    "spacy": _spacy,
}


def export_format(fmt: str) -> ExportFormat:
    """The format called ``fmt``; ReaderError for an unknown one."""
    try:
        return FORMATS[fmt]
    except KeyError:
        raise ReaderError(f"Unknown output format {fmt!r}.") from None


def render_bytes(ann: Annotations, fmt: str) -> bytes:
    """The annotated copy of ``ann`` in ``fmt``, as the bytes a file would hold."""
    export_format(fmt)
    return _RENDERERS[fmt](ann)


def render(ann: Annotations, fmt: str) -> str:
    """The annotated copy of ``ann`` in a text format (not ``spacy``) as text."""
    if export_format(fmt).binary:
        raise ReaderError(f"The {fmt!r} format is binary; use render_bytes.")
    return render_bytes(ann, fmt).decode("utf-8")


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` both exist and are one file (a link, another spelling)."""
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_target(ann: Annotations, path: Path) -> None:
    """Refuse to write over the article the annotations came from."""
    source = ann.article.source
    if source and same_file(Path(source), path):
        raise ReaderError(
            f"{path.name!r} is the original article; choose another name for the copy."
        )


def save(ann: Annotations, path: str | Path, fmt: str | None = None) -> Path:
    """Write ``ann`` to ``path`` atomically; ``fmt`` defaults to the suffix's format.

    Raises ReaderError with a plain message (disk full, no permission, ...); the previous
    file at ``path``, if any, is then unchanged.
    """
    path = Path(path)
    if fmt is None:
        fmt = next((f.name for f in FORMATS.values() if f.suffix == path.suffix.lower()), "")
        if not fmt:
            raise ReaderError(f"Cannot tell the format of {path.name!r} from its name.")
    check_target(ann, path)
    data = render_bytes(ann, fmt)
    try:
        write_bytes_atomic(path, data, shared=True)  # a copy is meant to be shared
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            message = f"The disk is full: {path.name!r} was not saved."
        elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            message = f"No permission to write {path.name!r}."
        else:
            message = f"Could not save {path.name!r}: {exc.strerror or exc}."
        if path.exists():
            message += " The previous copy is unchanged."
        raise ReaderError(message, detail=repr(exc)) from exc
    return path
