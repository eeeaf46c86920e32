"""Errors reach the user log folder with their traceback; the user gets one plain sentence."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import cli
from reader.core import logs, paths
from reader.core.errors import LoadError
from reader.core.loaders import LOADERS


@pytest.fixture(autouse=True)
def restore_hooks() -> Iterator[None]:
    """Tests here install global hooks and handlers; put the originals back."""
    saved = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = saved
    logs.shutdown_logging()


def _flush() -> None:
    for handler in logging.getLogger(logs.LOGGER_NAME).handlers:
        handler.flush()


def test_setup_logging_writes_to_the_user_log_folder(isolated_home: Path) -> None:
    target = logs.setup_logging()
    assert target == paths.log_dir() / logs.LOG_FILE_NAME
    assert target.parent == isolated_home / "log"
    logs.setup_logging()  # idempotent: a second call must not double every line
    logging.getLogger("reader.core.test").error("one line")
    _flush()
    assert target.read_text(encoding="utf-8").count("one line") == 1


def test_unexpected_error_logs_traceback_and_returns_a_sentence() -> None:
    target = logs.setup_logging()

    def broken() -> None:
        raise ZeroDivisionError("deep inside")

    try:
        broken()
    except ZeroDivisionError as exc:
        message = logs.report_error(exc, "open 'x.txt'")
    _flush()
    assert "Traceback" not in message and "ZeroDivisionError" not in message
    assert message.startswith("Could not open 'x.txt'") and str(target) in message
    logged = target.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "in broken" in logged and "ZeroDivisionError: deep inside" in logged


def test_reader_error_shows_its_own_message_and_logs_the_detail() -> None:
    target = logs.setup_logging()
    err = LoadError("This PDF is encrypted.", detail="pypdf: FileNotDecryptedError")
    assert logs.report_error(err, "open 'a.pdf'") == "This PDF is encrypted."
    _flush()
    logged = target.read_text(encoding="utf-8")
    assert "This PDF is encrypted." in logged and "FileNotDecryptedError" in logged


def test_unwritable_log_folder_falls_back_to_stderr(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = isolated_home / "not-a-folder"
    blocker.write_text("a file where the home folder should be")
    monkeypatch.setenv("ENTITY_READER_HOME", str(blocker))
    assert logs.setup_logging() is None
    assert "cannot write logs" in capsys.readouterr().err
    logs.report_error(RuntimeError("still reported"), "save")
    assert "still reported" in capsys.readouterr().err


def test_log_file_rotates_instead_of_growing_forever() -> None:
    target = logs.setup_logging()
    line = "x" * 1000
    for _ in range(logs.MAX_LOG_BYTES // 1000 * (logs.BACKUP_COUNT + 2)):
        logging.getLogger("reader.flood").warning(line)
    _flush()
    files = sorted(target.parent.iterdir())
    assert len(files) == logs.BACKUP_COUNT + 1
    assert all(f.stat().st_size <= logs.MAX_LOG_BYTES + 2000 for f in files)


def test_uncaught_exception_in_a_worker_thread_is_logged() -> None:
    target = logs.setup_logging()
    shown: list[str] = []
    logs.install_excepthooks(shown.append)

    def work() -> None:
        raise KeyError("lost in a thread")

    thread = threading.Thread(target=work, name="analysis-worker")
    thread.start()
    thread.join()
    _flush()
    assert len(shown) == 1 and "analysis-worker" in shown[0] and "KeyError" not in shown[0]
    assert "KeyError: 'lost in a thread'" in target.read_text(encoding="utf-8")


def test_uncaught_exception_on_the_main_thread_is_logged() -> None:
    target = logs.setup_logging()
    shown: list[str] = []
    logs.install_excepthooks(shown.append)
    try:
        raise ValueError("escaped")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    _flush()
    assert shown and "ValueError" not in shown[0]
    assert "ValueError: escaped" in target.read_text(encoding="utf-8")


def test_cli_reports_a_plain_sentence_and_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unexpected loader bug: the CLI prints a sentence, the log gets the traceback."""
    article = tmp_path / "a.txt"
    article.write_text("Some text.")

    def buggy_loader(path: Path) -> None:
        raise IndexError("loader bug")

    monkeypatch.setitem(LOADERS, ".txt", buggy_loader)
    status = cli.main(["annotate", str(article), "-o", str(tmp_path / "out.json")])
    _flush()
    err = capsys.readouterr().err
    assert status == 2
    assert "unexpected error" in err and "Traceback" not in err and "IndexError" not in err
    logged = logs.log_file().read_text(encoding="utf-8")
    assert "IndexError: loader bug" in logged and "buggy_loader" in logged


def test_cli_subprocess_missing_file_writes_the_log(tmp_path: Path, isolated_home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli", "annotate", str(tmp_path / "nope.txt"), "-o", "-"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ENTITY_READER_HOME": str(isolated_home)},
    )
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert "does not exist" in (isolated_home / "log" / logs.LOG_FILE_NAME).read_text("utf-8")
