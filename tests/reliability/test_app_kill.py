"""SIGKILL the real app mid-save and mid-correction: the old copy is intact, corrections come back.

Each step is a separate process running the real window, model, journal and save code
(tests/reliability/app_driver.py) with one shared, isolated ENTITY_READER_HOME.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.export.reopen import load_annotated
from tests.reliability.app_driver import WORD

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.model]

ROOT = Path(__file__).resolve().parents[2]


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "ENTITY_READER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def _start(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.app_driver", *args],
        cwd=ROOT,
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _lines_until(child: subprocess.Popen[str], stop: str | None) -> list[str]:
    """Read the child's lines; SIGKILL it when it prints ``stop``; wait for it to end."""
    assert child.stdout is not None
    seen = []
    for line in child.stdout:
        seen.append(line.strip())
        if stop is not None and line.strip() == stop:
            child.send_signal(signal.SIGKILL)
            break
    try:
        child.wait(240)
    except subprocess.TimeoutExpired:
        child.kill()
        raise
    return seen


def _recover(home: Path, article: Path) -> list[str]:
    child = _start(home, "recover", str(article))
    lines = _lines_until(child, None)
    assert child.returncode == 0, (lines, child.stderr.read() if child.stderr else "")
    return lines


def test_sigkill_while_correcting_offers_the_corrections_back(
    tmp_path: Path, sample_path: Path
) -> None:
    home = tmp_path / "home"
    lines = _lines_until(_start(home, "edit", str(sample_path)), "corrected 3")
    assert lines[-1] == "corrected 3"
    recovered = _recover(home, sample_path)
    offered = next(line for line in recovered if line.startswith("offered:"))
    assert "correction" in offered and "Restore them?" in offered
    restored = next(line for line in recovered if line.startswith("restored"))
    count, names = restored.split()[1:]
    assert int(count) >= 3 and names == WORD


@pytest.mark.parametrize("at", ["rename", "fsync"])
def test_sigkill_mid_save_keeps_the_previous_copy(
    at: str, tmp_path: Path, sample_path: Path
) -> None:
    home = tmp_path / "home"
    copy = tmp_path / "copy.html"
    child = _start(home, "save", str(sample_path), str(copy), "--at", at)
    lines = _lines_until(child, None)
    assert child.returncode == -signal.SIGKILL, (lines, child.stderr.read() if child.stderr else "")
    assert lines[-3:] == ["saved 1", "corrected 1", "dying"]
    previous = load_annotated(copy)  # complete and valid: the first save, untouched
    assert all(e.source == "model" for e in previous.entities)
    assert not any(e.name == WORD for e in previous.entities)
    # The correction made after the first save was journaled: it is offered back.
    restored = next(line for line in _recover(home, sample_path) if line.startswith("restored"))
    assert restored == f"restored 1 {WORD}"
