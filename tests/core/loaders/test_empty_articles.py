"""An article that comes out empty says so: a notice for the window, exit 2 for the CLI.

A PDF whose every page repeats the same line gave an empty article, exit 0 and no word.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.core.loaders import EMPTY_NOTICE, is_empty, load_article
from reader.core.loaders.html import NO_TEXT_NOTICE

from .documents import write_pdf


def _repeating_pdf(folder: Path) -> Path:
    """Every page holds only the same line: dropped as a running header, nothing is left."""
    return write_pdf(folder / "same.pdf", [["Company Confidential"]] * 4)


def test_a_pdf_of_repeated_lines_comes_out_empty_and_says_so(tmp_path: Path) -> None:
    article = load_article(_repeating_pdf(tmp_path))
    assert is_empty(article)
    assert article.notices == [EMPTY_NOTICE.format(name="same.pdf")]


def test_a_markdown_file_of_comments_says_so(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("<!-- draft -->\n\n---\n", encoding="utf-8")
    article = load_article(path)
    assert is_empty(article) and EMPTY_NOTICE.format(name="notes.md") in article.notices


def test_a_page_without_text_keeps_its_own_sentence_once(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    assert load_article(path).notices == [NO_TEXT_NOTICE]


def test_an_article_with_text_has_no_such_notice(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "real.pdf", [["Macron met Scholz in Berlin."]])
    article = load_article(path)
    assert not is_empty(article) and article.notices == []


def test_the_cli_exits_2_with_a_sentence_and_writes_nothing(tmp_path: Path) -> None:
    source, out = _repeating_pdf(tmp_path), tmp_path / "same.json"
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli", "annotate", str(source), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2, result.stderr
    assert "No article text was found in 'same.pdf'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
