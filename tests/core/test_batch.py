"""`annotate FILE...` on every core: input order, failures kept to their file, bar and summary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import cli
from reader.batch_progress import summary
from reader.core.batch import FileResult, annotate_files

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def _inputs(tmp_path: Path) -> list[Path]:
    """Three articles with a missing file and a damaged PDF among them."""
    articles = sorted(ARTICLES.glob("*.txt"))[:3]
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"not a pdf")
    return [articles[0], tmp_path / "missing.txt", articles[1], damaged, articles[2]]


def _run(inputs: list[Path], out: Path, workers: int) -> list[FileResult]:
    out.mkdir()
    jobs = [(path, out / f"{i}.json") for i, path in enumerate(inputs)]
    finished: list[FileResult] = []
    results = list(annotate_files(jobs, "json", workers, finished.append))
    assert sorted(map(id, finished)) == sorted(map(id, results))
    return results


def _comparable(path: Path) -> dict:
    data = json.loads(path.read_text("utf-8"))
    data.pop("created", None)
    return data


@pytest.mark.model
@pytest.mark.slow
def test_two_workers_give_one_process_results_in_input_order(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    parallel = _run(inputs, tmp_path / "two", 2)
    assert [r.source for r in parallel] == inputs
    assert [r.failed for r in parallel] == [False, True, False, True, False]
    assert "does not exist" in parallel[1].messages[0]
    assert all(r.chars > 0 for r in parallel if not r.failed)
    alone = _run(inputs, tmp_path / "one", 1)
    assert [(r.source, r.chars, r.failed) for r in alone] == [
        (r.source, r.chars, r.failed) for r in parallel
    ]
    for i, result in enumerate(alone):
        if not result.failed:
            assert _comparable(tmp_path / "two" / f"{i}.json") == _comparable(
                tmp_path / "one" / f"{i}.json"
            )


def test_summary_names_files_seconds_rate_and_failures() -> None:
    results = [FileResult(Path("a"), 3000), FileResult(Path("b"), 0, ("b: gone",), True)]
    assert summary(results, 1.5) == "annotated 2 files in 1.5 s, 2,000 characters/s, 1 failed"
    assert summary([], 0.0) == "annotated 0 files in 0.0 s, 0 characters/s, 0 failed"


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["annotate", "a.txt", "-o", "out/", "--jobs", "0"])
    assert "at least 1" in capsys.readouterr().err


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal needs POSIX")
def test_cli_on_a_terminal_shows_a_bar_and_a_summary(tmp_path: Path) -> None:
    """stderr a terminal (a pty): the bar is drawn; a pipe: only messages and the summary."""
    import pty
    import termios

    inputs = [str(p) for p in sorted(ARTICLES.glob("*.txt"))[:2]]
    command = [sys.executable, "-m", "reader.cli", "annotate", *inputs, "--jobs", "2"]
    leader, follower = pty.openpty()
    termios.tcsetwinsize(follower, (24, 100))  # a new pty is 0 columns wide: no room for a bar
    with os.fdopen(leader, "rb", buffering=0) as terminal:
        child = subprocess.Popen(
            [*command, "-o", f"{tmp_path / 'tty'}/"], stderr=follower, stdout=subprocess.DEVNULL
        )
        os.close(follower)
        shown = b""
        while True:
            try:
                data = terminal.read(4096)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            shown += data
        assert child.wait(timeout=300) == 0
    text = shown.decode("utf-8", "replace")
    assert "/2 [" in text and "file/s]" in text  # tqdm's " 0/2 [00:00<?, ?file/s]"
    assert "annotated 2 files in" in text and "0 failed" in text
    piped = subprocess.run(
        [*command, "-o", f"{tmp_path / 'pipe'}/"], capture_output=True, text=True, timeout=300
    )
    assert piped.returncode == 0, piped.stderr
    assert "/2 [" not in piped.stderr
    assert piped.stderr.startswith("entity-reader: annotated 2 files in")
