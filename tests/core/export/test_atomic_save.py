"""A crash or a full disk in the middle of a save leaves the previous copy intact."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core import atomic
from reader.core.errors import ReaderError
from reader.core.export.formats import render_bytes, save
from reader.core.model import Annotations


def _previous(tmp_path: Path) -> tuple[Path, bytes]:
    target = tmp_path / "copy.html"
    target.write_bytes(b"<p>previous copy</p>")
    return target, target.read_bytes()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_full_disk_leaves_previous_copy_and_says_so(
    small: Annotations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, before = _previous(tmp_path)
    real_fdopen = os.fdopen

    class FullDisk:
        """A file whose writes fail half-way, as on a full disk."""

        def __init__(self, handle):  # type: ignore[no-untyped-def]
            self._handle = handle

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc):  # type: ignore[no-untyped-def]
            self._handle.close()

        def write(self, data: bytes) -> int:
            self._handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

        def fileno(self) -> int:
            return self._handle.fileno()

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(ReaderError, match=r"disk is full.*previous copy is unchanged"):
        save(small, target)
    assert target.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_crash_during_fsync_leaves_previous_copy(
    small: Annotations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, before = _previous(tmp_path)

    def crash(fd: int) -> None:
        raise KeyboardInterrupt  # the user quits, or anything else unexpected, mid-save

    monkeypatch.setattr(atomic.os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        save(small, target)
    assert target.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_failed_rename_leaves_previous_copy(
    small: Annotations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, before = _previous(tmp_path)

    def no_rename(src: str, dst: str) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", no_rename)
    with pytest.raises(ReaderError, match="No permission"):
        save(small, target)
    assert target.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_process_killed_mid_write_leaves_previous_copy(small: Annotations, tmp_path: Path) -> None:
    """A real SIGKILL half-way through writing the temporary file."""
    target, before = _previous(tmp_path)
    annotations_json = tmp_path / "ann.json"
    save(small, annotations_json)
    script = textwrap.dedent(
        f"""
        import os, signal
        from reader.core import atomic
        from reader.core.export import formats as export
        from reader.core.export import reopen as annotated
        ann = annotated.load_annotated({str(annotations_json)!r})
        real_fdopen = os.fdopen

        class Dying:
            def __init__(self, handle):
                self.handle = handle
            def __enter__(self):
                return self
            def __exit__(self, *exc):
                self.handle.close()
            def write(self, data):
                self.handle.write(data[: len(data) // 2])
                self.handle.flush()
                os.kill(os.getpid(), signal.SIGKILL)
            def flush(self):
                pass
            def fileno(self):
                return self.handle.fileno()

        atomic.os.fdopen = lambda fd, mode: Dying(real_fdopen(fd, mode))
        export.save(ann, {str(target)!r})
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert target.read_bytes() == before
    # the half-written temporary file is what a kill leaves; the copy itself is untouched
    leftovers = _leftovers(tmp_path)
    assert len(leftovers) == 1
    half = (tmp_path / leftovers[0]).read_bytes()
    assert 0 < len(half) < len(render_bytes(small, "html"))
    # The next save of that file, an hour later, removes it; a recent one may be another save's.
    recent = tmp_path / f".{target.name}.recent.tmp"
    other = tmp_path / ".other.html.old.tmp"
    recent.write_bytes(b"")
    other.write_bytes(b"")
    for old in (tmp_path / leftovers[0], other):
        os.utime(old, (1_000_000, 1_000_000))
    save(small, target)
    assert _leftovers(tmp_path) == sorted([recent.name, other.name])
