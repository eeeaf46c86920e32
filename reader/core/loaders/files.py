"""Reading an article file's bytes, with every operating-system failure turned into a LoadError.

All loaders read through ``read_file`` so that a missing path, a folder, a device, an empty
file, a permission problem or a file over the size limit gets the same plain message whatever
its format. The limits are documented in docs/loaders.md.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.bounded_read import FileTooLargeError, read_bounded, unreadable
from reader.core.errors import LoadError

MIB = 1024 * 1024
MAX_TEXT_BYTES = 20 * MIB
"""Largest .txt/.md/.html file opened: ~3 million words, far beyond any article; the analysis
of text this size already takes minutes, so bigger files are refused rather than left to hang."""
MAX_DOCUMENT_BYTES = 200 * MIB
"""Largest .pdf/.docx file opened; these carry images, so the file is much larger than its text."""
MAX_TEXT_CHARS = 20_000_000
"""Largest extracted text (characters) from any format."""


def describe_size(size: int) -> str:
    """A byte count the way a person reads it ("50.0 MB")."""
    if size >= MIB:
        return f"{size / MIB:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} kB"
    return f"{size} bytes"


def read_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path``; raise ``LoadError`` when they cannot or should not be read.

    The checks themselves are ``reader.core.bounded_read.read_bounded``'s; this gives each
    refusal its sentence.
    """
    name = path.name or str(path)
    try:
        data = read_bounded(path, limit)
    except FileTooLargeError as exc:
        raise LoadError(too_large(name, exc.size, limit)) from exc
    except OSError as exc:
        raise unreadable(name, exc) from exc
    if not data:
        raise LoadError(f"The file {name!r} is empty.")
    return data


def too_large(name: str, size: int, limit: int) -> str:
    """The message for a file over ``limit`` bytes."""
    return (
        f"{name!r} is too large to open ({describe_size(size)}); Entity Reader opens files of "
        f"this type up to {describe_size(limit)}."
    )
