"""`entity-reader annotate FILE --format json -o OUT.json` writes valid schema-v1 JSON."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.core import schema

pytestmark = pytest.mark.model


def _annotate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", "annotate", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_annotate_to_a_file_round_trips(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = _annotate(str(sample_path), "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    written = out.read_text(encoding="utf-8")
    ann = schema.loads(written)
    assert schema.dumps(ann) + "\n" == written
    names = {(e.type, e.name) for e in ann.entities}
    assert ("person", "Emmanuel Macron") in names
    assert ("country", "United States") in names
    assert ("place", "Moscow") in names
    assert [e.id for e in ann.entities] == [f"e{i}" for i in range(1, len(ann.entities) + 1)]


def test_annotate_to_a_missing_folder_fails_cleanly(sample_path: Path, tmp_path: Path) -> None:
    result = _annotate(str(sample_path), "-o", str(tmp_path / "no" / "such" / "out.json"))
    assert result.returncode == 2
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.stderr
