"""Entry points: ``python -m reader``, the console and GUI scripts, ``--version`` naming the
model by its distribution, a GUI start failure said in one line, the HTML stack loaded lazily."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from reader import __version__
from reader.core.analysis.pipeline import MODEL_DISTRIBUTION, model_distribution
from tests.conftest import REPO


def _run(*args: str, env: dict[str, str] | None = None, cwd: Path = REPO, timeout: int = 120):
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_scripts_and_gui_scripts_start_the_same_main() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"entity-reader": "reader.cli:main"}
    assert project["gui-scripts"] == {"entity-reader-gui": "reader.cli:main"}
    assert "lxml_html_clean>=0.4" in project["dependencies"]
    assert project["license-files"] == ["LICENSE"] and (REPO / "LICENSE").is_file()


def test_python_m_reader_answers_help() -> None:
    done = _run("-m", "reader", "--help")
    assert done.returncode == 0, done.stderr
    assert "usage: entity-reader" in done.stdout and "--install-desktop" in done.stdout


def test_version_names_the_reader_and_the_model_distribution() -> None:
    done = _run("-m", "reader", "--version")
    assert done.returncode == 0, done.stderr
    dist = importlib.metadata.distribution(MODEL_DISTRIBUTION)
    model = model_distribution()
    assert model is not None and model.path is not None and (model.path / "meta.json").is_file()
    assert done.stdout.splitlines() == [
        f"entity-reader {__version__}",
        f"model: {dist.metadata['Name']} {dist.version} ({model.path})",
    ]


def test_missing_model_distribution_is_none() -> None:
    assert model_distribution("entity-reader-no-such-model") is None


def test_gui_that_cannot_start_says_so_in_one_line_and_exits_1(tmp_path: Path) -> None:
    """The colour scheme missing (what a wheel without resources/ did): one line, status 1."""
    code = (
        "import sys; from pathlib import Path; from reader.core import paths;"
        f"paths.resource = lambda name: Path({str(tmp_path)!r}) / name;"
        "from reader.cli import main; sys.exit(main([]))"
    )
    done = _run(
        "-c", code, env={"QT_QPA_PLATFORM": "offscreen", "ENTITY_READER_HOME": str(tmp_path)}
    )
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.startswith("entity-reader:")]
    assert lines == [
        "entity-reader: Entity Reader's colour scheme (colors.json) is missing or damaged; "
        "reinstall the app."
    ], done.stderr


BLOCK_HTML_STACK = (
    "import sys\n"
    "for name in ('trafilatura', 'htmldate', 'justext', 'lxml_html_clean', 'lxml.html.clean'):\n"
    "    sys.modules[name] = None  # as when lxml_html_clean is missing: importing raises\n"
)


def test_text_and_markdown_open_without_the_html_stack(tmp_path: Path, sample_path: Path) -> None:
    markdown = tmp_path / "a.md"
    markdown.write_text("# Talks\n\nEmmanuel Macron met officials in Paris.\n", encoding="utf-8")
    code = BLOCK_HTML_STACK + (
        "from reader.core.documents import open_document\n"
        f"print(len(open_document({str(sample_path)!r}).text) > 0)\n"
        f"print(open_document({str(markdown)!r}).title)\n"
    )
    done = _run("-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "Talks"]


OTHER_FORMATS_LIBRARIES = ("trafilatura", "htmldate", "justext", "docx", "pypdf", "markdown_it")


def test_opening_text_imports_no_other_formats_library(sample_path: Path) -> None:
    code = (
        "import sys\nfrom reader.core.documents import open_document\n"
        f"open_document({str(sample_path)!r})\n"
        f"print(sorted(m for m in {OTHER_FORMATS_LIBRARIES!r} if m in sys.modules))\n"
    )
    done = _run("-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_format_imports_its_library_when_its_first_file_opens(tmp_path: Path) -> None:
    markdown = tmp_path / "a.md"
    markdown.write_text("# Talks\n\nEmmanuel Macron met officials in Paris.\n", encoding="utf-8")
    code = (
        "import sys\nfrom reader.core.loaders import load_article, load_markdown\n"
        "print(load_markdown.__name__, 'markdown_it' in sys.modules)\n"
        f"print(load_article({str(markdown)!r}).title, 'markdown_it' in sys.modules)\n"
    )
    done = _run("-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["load_markdown", "False", "Talks", "True"]
