"""Reading a file the app did not just write: only a regular file, and never past a size limit.

Every file read at run time (article, annotated copy, cache entry, journal, settings) goes
through ``read_bounded``. A path that names a device (/dev/zero), a pipe or a folder, or a file
larger than its limit, is refused with an ``OSError`` before any byte is read, so a damaged or
hostile file costs a stat, not the process's memory (a cache entry linked to /dev/zero grew the
app to 24 GB before this). Callers already treat ``OSError`` as "unreadable".
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from reader.core.errors import LoadError


class NotRegularFileError(OSError):
    """The path is a device, pipe or socket (or a link to one): reading it might never end."""


class FileTooLargeError(OSError):
    """The file holds more than the caller's limit; ``size`` is what was seen, at least."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"larger than {limit} bytes", str(path))
        self.size = size
        self.limit = limit


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    The file is opened without blocking (a pipe put there cannot hang the open) and checked
    on the open descriptor, so it cannot be swapped for a device between check and read; a
    file that grows past ``limit`` while read is refused too.

    Raises:
        FileNotFoundError, PermissionError, OSError: as the operating system says.
        IsADirectoryError: ``path`` is a folder.
        NotRegularFileError: ``path`` is a device, pipe or socket.
        FileTooLargeError: the file is larger than ``limit`` bytes.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(errno.EINVAL, "not a regular file", str(path))
        if info.st_size > limit:
            raise FileTooLargeError(Path(path), info.st_size, limit)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileTooLargeError(Path(path), len(data), limit)
    return data


def unreadable(name: str, error: OSError) -> LoadError:
    """The plain sentence for a file ``read_bounded`` could not read (too large excepted: each
    kind of file says its own limit)."""
    if isinstance(error, FileNotFoundError):
        return LoadError(f"The file {name!r} does not exist.", detail=str(error))
    if isinstance(error, PermissionError):
        return LoadError(f"You do not have permission to read {name!r}.", detail=str(error))
    if isinstance(error, IsADirectoryError):
        return LoadError(f"{name!r} is a folder, not an article file.")
    if isinstance(error, NotRegularFileError):
        return LoadError(f"{name!r} is not a regular file (it is a device, pipe or socket).")
    return LoadError(f"Could not read {name!r}: {error.strerror or error}.", detail=str(error))
