"""Credit lines ("By Jane Doe — published 2021-07-15") give the byline and date in any format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.core.loaders import load_article
from reader.core.loaders.bylines import Credit, find_byline, find_credit
from reader.core.loaders.datelines import written_date

from .checks import assert_consistent, block_texts
from .documents import write_docx

BODY = (
    "Angela Merkel met Joe Biden at the White House on Thursday. The German chancellor said: "
    '"We are partners."'
)


def test_find_byline() -> None:
    assert find_byline("By Maria Lopez") == "Maria Lopez"
    assert find_byline("BY JANE DOE and JOHN SMITH") == "JANE DOE and JOHN SMITH"
    assert find_byline("By Monday, the talks had ended") is None
    assert find_byline("By the way") is None
    assert find_byline("Maria Lopez") is None


def test_find_credit() -> None:
    july = dt.date(2021, 7, 15)
    assert find_credit("By Jane Doe") == Credit("Jane Doe", None)
    assert find_credit("By Jane Doe — published 2021-07-15") == Credit("Jane Doe", july)
    assert find_credit("By Jane Doe | July 15, 2021") == Credit("Jane Doe", july)
    assert find_credit("By Jane Doe, updated on 15 July 2021") == Credit("Jane Doe", july)
    assert find_credit("By Jane Doe — and then the story goes on") is None
    assert find_credit("By Jane Doe — published 2021-13-45") is None
    assert written_date("Sept. 3, 2024") == dt.date(2024, 9, 3)


def test_markdown_credit_line_gives_byline_and_date(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(
        f"# Merkel meets Biden in Washington\n\n*By Jane Doe* — published 2021-07-15\n\n{BODY}\n",
        encoding="utf-8",
    )
    article = load_article(path)
    assert (article.title, article.byline) == ("Merkel meets Biden in Washington", "Jane Doe")
    assert article.published == dt.date(2021, 7, 15)
    assert block_texts(article) == [BODY]
    assert_consistent(article)


def test_docx_and_text_credit_lines(tmp_path: Path) -> None:
    docx_path = write_docx(
        tmp_path / "a.docx",
        [("Title", "Scholz visits Paris"), ("Normal", "By Anna Weber"), ("Normal", BODY)],
    )
    text_path = tmp_path / "a.txt"
    text_path.write_text(f"By Anna Weber\n{BODY}\n", encoding="utf-8")
    for path in (docx_path, text_path):
        article = load_article(path)
        assert article.byline == "Anna Weber", path
        assert block_texts(article) == [BODY], path
        assert_consistent(article)


def test_a_credit_line_alone_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "only.txt"
    path.write_text("By Anna Weber\n", encoding="utf-8")
    article = load_article(path)
    assert article.text == "By Anna Weber" and article.byline is None
