"""`entity-reader annotate --format html|json|jsonl|spacy`, and restoring annotated copies."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import cli
from reader.core import schema
from reader.core.analysis import SpacyAnalyser
from reader.core.export.formats import save
from reader.core.export.reopen import load_annotated
from reader.core.model import Annotations


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", "annotate", *args], capture_output=True, timeout=300
    )


@pytest.mark.model
@pytest.mark.slow
def test_cli_writes_every_format_into_a_folder(sample_copy: Path, tmp_path: Path) -> None:
    before = sample_copy.read_bytes()
    second = tmp_path / "second.txt"
    second.write_bytes(before)
    out = tmp_path / "out"
    for fmt in ("html", "json", "jsonl", "spacy"):
        result = _run(str(sample_copy), str(second), "--format", fmt, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert (out / f"article.{fmt}").stat().st_size > 0
        assert (out / f"second.{fmt}").stat().st_size > 0
    assert sample_copy.read_bytes() == before
    from_html = load_annotated(out / "article.html")
    from_json = load_annotated(out / "article.json")
    assert schema.dumps(from_html) == schema.dumps(from_json)
    record = json.loads((out / "article.jsonl").read_text(encoding="utf-8"))
    assert record["text"] == from_json.article.text and record["spans"]


@pytest.mark.model
@pytest.mark.slow
def test_cli_binary_format_to_stdout_pipe(sample_copy: Path) -> None:
    result = _run(str(sample_copy), "--format", "spacy", "-o", "-")
    assert result.returncode == 0, result.stderr
    import spacy
    from spacy.tokens import DocBin

    docs = list(DocBin().from_bytes(result.stdout).get_docs(spacy.blank("en").vocab))
    assert docs[0].ents


def test_cli_restores_copies_without_the_model(
    small: Annotations,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def no_model(self, article, progress=None):  # type: ignore[no-untyped-def]
        raise AssertionError("the model must not run for an annotated copy")

    monkeypatch.setattr(SpacyAnalyser, "analyse", no_model)
    copy = save(small, tmp_path / "copy.html")
    assert (
        cli.main(["annotate", str(copy), "--format", "json", "-o", str(tmp_path / "c.json")]) == 0
    )
    assert "the model was not run" in capsys.readouterr().err
    assert (tmp_path / "c.json").read_text(encoding="utf-8") == schema.dumps(small) + "\n"


def test_cli_refuses_to_overwrite_its_input(
    small: Annotations, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = save(small, tmp_path / "copy.html")
    before = copy.read_bytes()
    assert cli.main(["annotate", str(copy), "--format", "html", "-o", str(copy)]) == 2
    assert "is the input file" in capsys.readouterr().err
    assert copy.read_bytes() == before


def test_cli_reports_a_tampered_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "entity-reader", "version": 1}', encoding="utf-8")
    assert cli.main(["annotate", str(bad), "-o", str(tmp_path / "x.json")]) == 2
    assert "cannot be reopened" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("existing", [False, True])
def test_cli_one_input_into_a_folder(small: Annotations, tmp_path: Path, existing: bool) -> None:
    """`-o out/` (created if missing) or `-o out` (an existing folder) writes out/NAME.json."""
    copy = save(small, tmp_path / "copy.html")
    out = tmp_path / "out"
    if existing:
        out.mkdir()
    argument = str(out) if existing else str(out) + os.sep
    assert cli.main(["annotate", str(copy), "--format", "json", "-o", argument]) == 0
    assert out.is_dir()
    assert (out / "copy.json").read_text(encoding="utf-8") == schema.dumps(small) + "\n"


def test_cli_inputs_with_the_same_stem_keep_both_results(
    small: Annotations, tmp_path: Path
) -> None:
    first = save(small, tmp_path / "same.html")
    second = save(small, tmp_path / "same.json", "json")
    (tmp_path / "other").mkdir()
    third = save(small, tmp_path / "other" / "same.json", "json")
    out = tmp_path / "out"
    args = [str(first), str(second), str(third), "--format", "json", "-o", str(out)]
    assert cli.main(["annotate", *args]) == 0
    assert sorted(path.name for path in out.iterdir()) == [
        "same.html.json",
        "same.json-2.json",
        "same.json.json",
    ]


def test_output_names() -> None:
    sources = [Path("a/same.txt"), Path("b/same.md"), Path("c/Same.txt"), Path("d/solo.txt")]
    assert cli.output_names(sources, "html") == [
        "same.txt.html",
        "same.md.html",
        "Same.txt-2.html",
        "solo.html",
    ]
