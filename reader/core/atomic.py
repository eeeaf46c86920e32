"""Atomic writes: a crash or a full disk mid-save leaves the previous file intact."""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TextIO

STALE_TEMP_S = 3600.0
"""Temporary files older than this were left by a save that was killed and are removed."""


def temp_file_beside(path: Path, *, shared: bool = False) -> tuple[int, str]:
    """A new temporary file (descriptor, name) in ``path``'s folder, renamed over it when done.

    It is private (0o600) unless ``shared``: then it already has the permissions the saved
    file should keep (``shared_file_mode``), so the rename publishes the final file at once.
    A save that was killed (power cut, SIGKILL) leaves its ``.NAME.XXXX.tmp`` behind; those of
    ``path`` older than ``STALE_TEMP_S`` go now, so the user's folder does not collect them.
    """
    path = Path(path)
    remove_stale_temps(path.parent, f".{glob.escape(path.name)}.*.tmp")
    mode = shared_file_mode(path) if shared else None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    if mode is not None:
        try:
            os.fchmod(fd, mode)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    return fd, tmp


def remove_stale_temps(folder: Path, pattern: str = ".*.tmp") -> None:
    """Remove files matching ``pattern`` in ``folder`` not modified for ``STALE_TEMP_S``."""
    cutoff = time.time() - STALE_TEMP_S
    with contextlib.suppress(OSError):
        for temp in Path(folder).glob(pattern):
            with contextlib.suppress(OSError):
                if temp.stat().st_mtime < cutoff:
                    temp.unlink()


def write_bytes_atomic(path: Path, data: bytes, *, shared: bool = False) -> None:
    """Write to a temporary file beside ``path``, fsync, then rename over it (``shared``: see
    ``temp_file_beside``)."""
    with _replacing(path, shared=shared) as handle:
        handle.write(data)


@contextlib.contextmanager
def text_writer_atomic(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text file written in pieces (an export streamed from a database) that appears
    at ``path`` whole, or not at all: the streaming form of ``write_bytes_atomic``."""
    with _replacing(path, text=True) as handle:
        yield handle


@contextlib.contextmanager
def _replacing(path: Path, *, shared: bool = False, text: bool = False) -> Iterator[Any]:
    """The temporary file beside ``path`` opened for writing (UTF-8 text if ``text``); on a
    clean exit it is flushed, fsynced and renamed over ``path``, on any error removed."""
    path = Path(path)
    fd, tmp = temp_file_beside(path, shared=shared)
    try:
        handle: IO[Any] = (
            os.fdopen(fd, "w", encoding="utf-8", newline="") if text else os.fdopen(fd, "wb")
        )
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    """UTF-8 text version of ``write_bytes_atomic``."""
    write_bytes_atomic(path, text.encode("utf-8"))


def shared_file_mode(path: Path) -> int:
    """The permissions a saved copy gets: an existing file's own, else 0o666 minus umask.

    (The atomic write's temporary file is private, 0o600; a copy is meant to be shared.)
    """
    try:
        return stat.S_IMODE(Path(path).stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask
