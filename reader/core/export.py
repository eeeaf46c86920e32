"""Render Annotations into the formats the CLI and the app save."""

from __future__ import annotations

from reader.core import schema
from reader.core.errors import ReaderError
from reader.core.model import Annotations


def render(ann: Annotations, fmt: str) -> str:
    """The annotated copy of ``ann`` in ``fmt`` as text."""
    if fmt == "json":
        return schema.dumps(ann) + "\n"
    raise ReaderError(f"Unknown output format {fmt!r}.")
