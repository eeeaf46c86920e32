"""The first vertical slice, headless: sample file -> Article -> real model -> JSON."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.analysis import SpacyAnalyser
from reader.core.loaders import load_article


def test_sample_header_gives_date_and_title(sample_path: Path) -> None:
    article = load_article(sample_path)
    assert article.published == dt.date(2025, 3, 17)
    assert article.title is not None and article.title.startswith("Macron: Russia's permission")
    assert "date 2025-03-17" not in article.text
    assert article.text.startswith("Kyiv")


@pytest.mark.model
def test_sample_entities_have_three_main_types(sample_path: Path, nlp) -> None:
    ann = SpacyAnalyser(nlp).analyse(load_article(sample_path))
    by_type = {(e.type, e.name) for e in ann.entities}
    assert ("country", "Ukraine") in by_type
    assert any(t == "person" and "Macron" in n for t, n in by_type)
    assert any(t == "organization" for t, _ in by_type)
    assert ("country", "Moscow") not in by_type
    for entity in ann.entities:
        for m in entity.mentions:
            assert ann.article.text[m.start : m.end] == m.text


@pytest.mark.model
def test_cli_annotate_json_to_stdout(sample_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader.cli",
            "annotate",
            str(sample_path),
            "--format",
            "json",
            "-o",
            "-",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert data["article"]["published"] == "2025-03-17"
    assert any(e["type"] == "person" for e in data["entities"])


def test_cli_missing_file_exits_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli", "annotate", str(tmp_path / "nope.txt"), "-o", "-"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2
    assert "does not exist" in result.stderr
