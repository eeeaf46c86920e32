"""Every file the app reads is a regular file within its size limit before a byte is read.

A cache entry, journal, settings file or annotated copy that is a link to /dev/zero, a named
pipe, or a file past its limit is refused at once. Each read runs in a child process with a
capped address space and a time limit, so a reader that does read without bound fails the
test (MemoryError or timeout) instead of taking the machine with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core import bounded_read, settings
from reader.core.bounded_read import FileTooLargeError, NotRegularFileError, read_bounded

pytestmark = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="needs POSIX devices"
)

ADDRESS_SPACE = 1536 * 1024 * 1024
"""The child's memory cap: far above what reading a few files needs, far below /dev/zero."""

# Each reader is given the path to read; it prints what it got back.
READERS = {
    "cache entry": """
        from reader.core.cache import AnalysisCache
        from reader.core.model import Article, PipelineInfo
        article, pipeline = Article(text="Macron."), PipelineInfo("en_core_web_sm", "3", "1")
        cache = AnalysisCache(target.parent)
        os.symlink(source, cache.path_for(article, pipeline))
        print(cache.get(article, pipeline))
    """,
    "journal": """
        from reader.core.corrections.journal import read_journal
        os.symlink(source, target)
        print(read_journal(target))
    """,
    "settings": """
        from reader.core.settings import Settings, load_settings
        os.symlink(source, target)
        print(load_settings(target) == Settings())
    """,
    "annotated copy": """
        from reader.core.export.reopen import load_annotated
        from reader.core.errors import ReaderError
        os.symlink(source, target.with_suffix(".json"))
        try:
            load_annotated(target.with_suffix(".json"))
        except ReaderError as exc:
            print("refused:", exc.message)
    """,
    "annotated page test": """
        from reader.core.export.reopen import is_annotated_copy
        os.symlink(source, target.with_suffix(".html"))
        print(is_annotated_copy(target.with_suffix(".html")))
    """,
    "library index": """
        from reader.core.library.indexer import index_folders
        from reader.core.library.store import Library
        folder = target.parent / "news"
        folder.mkdir()
        os.symlink(source, folder / "zero.txt")
        with Library(target.parent / "library.sqlite3") as library:
            report = index_folders(library, [folder], analyser=None)
        print([why for _path, why in report.unreadable])
    """,
    "article": """
        from reader.core.errors import ReaderError
        from reader.core.documents import open_document
        os.symlink(source, target.with_suffix(".txt"))
        try:
            open_document(target.with_suffix(".txt"))
        except ReaderError as exc:
            print("refused:", exc.message)
    """,
}

EXPECTED = {
    "cache entry": "None",
    "journal": "None",
    "settings": "True",
    "annotated copy": "refused:",
    "annotated page test": "False",
    "article": "refused:",
    "library index": "[\"Could not read 'zero.txt'",
}


def _read_in_child(reader: str, source: Path, target: Path) -> subprocess.CompletedProcess[str]:
    script = "import os, resource, sys\nfrom pathlib import Path\n"
    script += f"resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_SPACE}, {ADDRESS_SPACE}))\n"
    script += "source, target = Path(sys.argv[1]), Path(sys.argv[2])\n"
    script += textwrap.dedent(READERS[reader])
    return subprocess.run(
        [sys.executable, "-c", script, str(source), str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("kind", ["/dev/zero", "named pipe"])
def test_a_device_or_pipe_is_refused_without_reading(
    reader: str, kind: str, tmp_path: Path
) -> None:
    if kind == "named pipe":
        source = tmp_path / "pipe"
        os.mkfifo(source)
    else:
        source = Path(kind)
    try:
        result = _read_in_child(reader, source, tmp_path / "read")
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading a {reader} linked to {kind} hung")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith(EXPECTED[reader]), result.stdout


def test_read_bounded_refuses_past_the_limit_even_when_the_size_lies(tmp_path: Path) -> None:
    path = tmp_path / "entry"
    path.write_bytes(b"x" * 11)
    assert read_bounded(path, 11) == b"x" * 11
    with pytest.raises(FileTooLargeError) as caught:
        read_bounded(path, 10)
    assert caught.value.size == 11
    with pytest.raises(NotRegularFileError):
        read_bounded(Path("/dev/zero"), 10)
    with pytest.raises(IsADirectoryError):
        read_bounded(tmp_path, 10)


def test_a_settings_file_past_its_limit_is_not_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"zoom": 150}', encoding="utf-8")
    assert settings.load_settings(path).zoom == 150
    reads: list[int] = []
    real = bounded_read.read_bounded
    monkeypatch.setattr(
        settings, "read_bounded", lambda p, limit: (reads.append(limit), real(p, limit))[1]
    )
    with path.open("a") as handle:
        handle.truncate(settings.MAX_BYTES + 1)  # sparse: a megabyte of nothing after the JSON
    assert settings.load_settings(path).zoom == 100
    assert reads == [settings.MAX_BYTES]
