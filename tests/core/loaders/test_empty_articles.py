"""An article that comes out empty says so: a notice for the window, exit 2 for the CLI.

A PDF whose every page repeated the same line gave an empty article, exit 0 and no word (such
lines are now kept); a Markdown file of comments still comes out empty, and a web page without
text had its notice in the window but exit 0 from the CLI.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.loaders import EMPTY_NOTICE, is_empty, load_article
from reader.core.loaders.html import NO_TEXT_NOTICE

from .documents import write_pdf


def _comments_only(folder: Path) -> Path:
    """Markdown of a comment and a rule: it loads, and no text is left."""
    path = folder / "notes.md"
    path.write_text("<!-- draft -->\n\n---\n", encoding="utf-8")
    return path


def test_a_markdown_file_of_comments_says_so(tmp_path: Path) -> None:
    article = load_article(_comments_only(tmp_path))
    assert is_empty(article)
    assert article.notices == [EMPTY_NOTICE.format(name="notes.md")]


def test_a_page_without_text_keeps_its_own_sentence_once(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    assert load_article(path).notices == [NO_TEXT_NOTICE]


def test_an_article_with_text_has_no_such_notice(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "real.pdf", [["Macron met Scholz in Berlin."]])
    article = load_article(path)
    assert not is_empty(article) and article.notices == []


@pytest.mark.parametrize(
    ("name", "content", "sentence"),
    [
        ("notes.md", "<!-- draft -->\n\n---\n", "No article text was found in 'notes.md'"),
        ("menu.html", "<html><body><nav>Home</nav></body></html>", NO_TEXT_NOTICE),
    ],
)
def test_the_cli_exits_2_with_a_sentence_and_writes_nothing(
    tmp_path: Path, name: str, content: str, sentence: str
) -> None:
    source, out = tmp_path / name, tmp_path / "out.json"
    source.write_text(content, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli", "annotate", str(source), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2, result.stderr
    assert sentence in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
