"""Index folders into the library: new and changed files are read, the rest is not.

A file is unchanged when its size and mtime are what the library saw (or, when they differ,
its bytes hash to the same digest) and the same analyser read it. Changed files are read again
through the analysis cache (``reader.core.cache.analyse_cached``), so a file the app or the
CLI already analysed costs no model run; annotated copies are restored, never analysed.
Files gone from an indexed folder are dropped. Each file is committed in its own transaction:
a run that is killed keeps everything before the kill, and the next run resumes. A file that
cannot be read is recorded with its reason and the run goes on.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.bounded_read import read_bounded
from reader.core.cache import analyse_cached, analyser_version
from reader.core.documents import OPEN_SUFFIXES, open_document
from reader.core.errors import ModelUnavailableError, ReaderError
from reader.core.library.store import STALE, FileState, Library, Stamp
from reader.core.loaders import SUPPORTED_SUFFIXES
from reader.core.loaders.files import MAX_DOCUMENT_BYTES
from reader.core.logs import report_error
from reader.core.model import Annotations

INDEXED_SUFFIXES = frozenset(SUPPORTED_SUFFIXES + OPEN_SUFFIXES)
"""What a folder walk picks up: every article format and annotated copies."""

UNSTORABLE_NAME = "Its name is not valid text, so the library cannot record it; rename it."

Progress = Callable[[int, int, Path], None]
"""Told (files done, files in all, the file being read) before each file."""


@dataclass
class IndexReport:
    """What one run did."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    stopped: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for a terminal or a status bar."""
        line = (
            f"{len(self.added)} added, {len(self.changed)} changed, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed, "
            f"{len(self.unreadable)} unreadable in {self.seconds:.1f} s"
        )
        return line + (" (stopped)" if self.stopped else "")


def article_files(folders: Iterable[Path]) -> list[Path]:
    """The files an index run reads: those with an indexed suffix under each folder (hidden
    files and folders skipped), or the path itself when it is a file; sorted, absolute."""
    found: set[Path] = set()
    for folder in folders:
        folder = Path(os.path.abspath(folder))
        if folder.is_file():
            found.add(folder)
            continue
        for root, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not name.startswith(".") and Path(name).suffix.lower() in INDEXED_SUFFIXES:
                    found.add(Path(root) / name)
    return sorted(found)


def _digest(path: Path) -> str:
    """sha256 of an article file, read as every file is (a link to /dev/zero or a pipe named
    x.txt in an indexed folder hashed for ever); the loader reads it whole next anyway."""
    return hashlib.sha256(read_bounded(path, MAX_DOCUMENT_BYTES)).hexdigest()


def _read(path: Path, analyser: Any) -> tuple[Annotations, bool]:
    """The annotations of ``path`` and whether it is an annotated copy."""
    document = open_document(path)
    if isinstance(document, Annotations):
        return document, True
    return analyse_cached(analyser, document), False


def _under(path: str, folders: Sequence[Path]) -> bool:
    return any(Path(path).is_relative_to(folder) for folder in folders)


class IndexRun:
    """One index run, step by step, for a caller that interleaves it with other work (the
    app runs one file per task, so an article opened meanwhile is analysed between two).

    Constructing it walks the folders; ``drop_removed`` forgets files gone from them;
    ``index`` reads one file; ``finish`` returns the report.
    """

    def __init__(self, library: Library, folders: Sequence[Path], analyser: Any) -> None:
        self.library = library
        self.analyser = analyser
        self.roots = [Path(os.path.abspath(f)) for f in folders]
        self.files = article_files(self.roots)
        self.report = IndexReport()
        self.version = analyser_version()
        self._began = time.perf_counter()

    def drop_removed(self) -> None:
        """Forget the files of these folders that are gone from the disk."""
        present = {str(p) for p in self.files}
        for path_key in self.library.known_paths():
            if (
                path_key not in present
                and _under(path_key, self.roots)
                and not Path(path_key).exists()
            ):
                self.library.remove_file(path_key)
                self.report.removed.append(path_key)

    def index(self, path: Path) -> None:
        """Bring one file up to date (committed on its own)."""
        try:
            _index_file(self.library, path, self.analyser, self.version, self.report)
        except UnicodeEncodeError:  # a name that is not valid text (Linux allows any bytes)
            self.report.unreadable.append((repr(str(path)), UNSTORABLE_NAME))

    def finish(self, *, stopped: bool = False) -> IndexReport:
        """The report, with the time the run took."""
        self.report.stopped = stopped
        self.report.seconds = time.perf_counter() - self._began
        return self.report


def index_folders(
    library: Library,
    folders: Sequence[Path],
    analyser: Any,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> IndexReport:
    """Bring the library up to date with ``folders`` (see the module docstring).

    Raises ``ModelUnavailableError`` (no file could be analysed); every other failure is a
    file's, recorded and reported.
    """
    run = IndexRun(library, folders, analyser)
    run.drop_removed()
    for done, path in enumerate(run.files):
        if should_stop is not None and should_stop():
            return run.finish(stopped=True)
        if progress is not None:
            progress(done, len(run.files), path)
        run.index(path)
    return run.finish()


def add_annotations(
    library: Library, path: Path, annotations: Annotations, *, is_copy: bool
) -> None:
    """Record an article the app has just analysed or restored, without reading it again."""
    path = Path(os.path.abspath(path))
    info = path.stat()
    stamp = Stamp(info.st_size, info.st_mtime_ns, _digest(path))
    library.add_file(str(path), stamp, annotations, is_copy=is_copy, analyser=analyser_version())


def _index_file(
    library: Library, path: Path, analyser: Any, version: str, report: IndexReport
) -> None:
    key = str(path)
    known = library.file_state(key)
    try:
        info = path.stat()
        size, mtime_ns = info.st_size, info.st_mtime_ns
        fresh = known is not None and (known.error is not None or known.analyser == version)
        if fresh and known is not None and (known.size, known.mtime_ns) == (size, mtime_ns):
            _unchanged(known, report)
            return
        stamp = Stamp(size, mtime_ns, _digest(path))
        if fresh and known is not None and known.size != STALE and known.digest == stamp.digest:
            library.touch(key, stamp)
            _unchanged(known, report)
            return
    except OSError as exc:
        reason = f"Could not read {path.name!r}: {exc.strerror or exc}."
        library.add_error(key, Stamp(-1, 0, ""), reason, version)
        report.unreadable.append((key, reason))
        return
    try:
        annotations, is_copy = _read(path, analyser)
    except ModelUnavailableError:
        raise
    except ReaderError as exc:
        library.add_error(key, stamp, exc.message, version)
        report.unreadable.append((key, exc.message))
        return
    except Exception as exc:  # one bad file never stops the run; the log has the traceback
        reason = report_error(exc, f"index {key!r}")
        library.add_error(key, stamp, reason, version)
        report.unreadable.append((key, reason))
        return
    library.add_file(key, stamp, annotations, is_copy=is_copy, analyser=version)
    (report.added if known is None else report.changed).append(key)


def _unchanged(known: FileState, report: IndexReport) -> None:
    """An unchanged file that could not be read is still unreadable, for the same reason."""
    if known.error is not None:
        report.unreadable.append((known.path, known.error))
    else:
        report.unchanged.append(known.path)
