"""A short run of bench/fuzz_loaders.py in the normal suite, so the fuzzer cannot rot."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.loaders import LOADERS
from reader.core.model import Article, Block

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "fuzz_loaders.py"


@pytest.mark.slow
def test_short_fuzz_run_has_no_crash_and_no_hang(shared_dir: Path, tmp_path: Path) -> None:
    corpus = shared_dir / "corpus" / "html"
    command = [sys.executable, str(SCRIPT), "--cases", "200", "--seed", "7", "--timeout", "30"]
    result = subprocess.run(
        [*command, "--json", "--corpus", str(corpus), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.stdout, result.stderr
    summary = json.loads(result.stdout.splitlines()[-1])
    assert summary["cases"] == 200
    assert summary["failures"] == [], json.dumps(summary["failures"], indent=1)[:4000]
    assert summary["crashes"] == 0 and summary["hangs"] == 0
    assert result.returncode == 0
    formats = {key.split()[0] for key in summary["by_format"]}
    assert {".txt", ".md", ".html", ".pdf", ".docx"} <= formats
    assert summary["ok"] > 0 and summary["refused"] > 0


def _fuzz_module():
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import fuzz_loaders
    finally:
        sys.path.remove(str(SCRIPT.parent))
    return fuzz_loaders


def test_the_harness_catches_crashes_and_hangs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A loader that hangs or raises something undocumented is reported and its input kept."""
    fuzz = _fuzz_module()

    def hostile_loader(path: Path) -> Article:
        data = path.read_bytes()
        if data == b"HANG":
            time.sleep(3600)
        if data == b"CRASH":
            raise IndexError("undocumented")
        if data == b"BAD":
            return Article(text="short", blocks=[Block(0, 99)])
        return Article(text=data.decode())

    cases = [b"fine", b"HANG", b"CRASH", b"BAD", b"fine too"]
    monkeypatch.setitem(LOADERS, ".txt", hostile_loader)  # inherited by forked workers
    monkeypatch.setattr(fuzz, "make_case", lambda i, seed, seeds: (cases[i], ".txt", f"c{i}"))
    args = argparse.Namespace(
        cases=len(cases), seed=1, timeout=2.0, workers=2, corpus=None, out=tmp_path, json=True
    )
    report = fuzz.run(args)
    assert report.outcomes == {"ok": 2, "hang": 1, "crash": 2}
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == ["crash-2.txt", "crash-3.txt", "hang-1.txt"]
    details = {f["case"]: f["detail"] for f in report.failures}
    assert "IndexError: undocumented" in details[2] and "outside the text" in details[3]
