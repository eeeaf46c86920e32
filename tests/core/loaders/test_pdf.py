"""PDF: text layer in order, hyphenation joined, running headers and footers dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import LoadError
from reader.core.loaders import load_article
from reader.core.loaders.pdf import drop_running_lines, paragraphs

from .checks import assert_consistent, block_texts
from .documents import write_pdf

PAGES = [
    [
        "The Daily Report",
        "KYIV, March 16 (Reuters) - Ukraine said on Sunday that the talks",
        "would continue next week in a neutral coun-",
        "try, officials told reporters in Kyiv.",
        "That was all.",
        "Page 1 of 3",
    ],
    [
        "The Daily Report",
        "A second page begins a new paragraph with enough words to make",
        "a full line, and it runs on for a well-",
        "known reason until it ends.",
        "Page 2 of 3",
    ],
    [
        "The Daily Report",
        "The well-known phrase appears here written on a single line of text.",
        "3",
    ],
]


def test_paragraphs_hyphenation_and_running_lines(tmp_path: Path) -> None:
    article = load_article(write_pdf(tmp_path / "report.pdf", PAGES))
    assert article.format == "pdf"
    assert block_texts(article) == [
        "KYIV, March 16 (Reuters) - Ukraine said on Sunday that the talks would continue next "
        "week in a neutral country, officials told reporters in Kyiv.",
        "That was all.",
        "A second page begins a new paragraph with enough words to make a full line, and it "
        "runs on for a well-known reason until it ends.",
        "The well-known phrase appears here written on a single line of text.",
    ]
    assert "The Daily Report" not in article.text
    assert "Page" not in article.text
    assert (article.dateline, article.site) == ("Kyiv", "Reuters")
    assert_consistent(article)


def test_running_lines_need_repetition() -> None:
    pages = [["Alone heading", "Body one."], ["Other heading", "Body two."]]
    assert [line for line in drop_running_lines(pages) if line != "\f"] == [
        "Alone heading",
        "Body one.",
        "Other heading",
        "Body two.",
    ]


def test_soft_hyphen_and_blank_line() -> None:
    lines = ["A para\u00ad", "graph that ends.", "", "Next one."]
    assert paragraphs(lines) == ["A paragraph that ends.", "Next one."]


def test_scanned_pdf_says_so(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "scan.pdf", [[], []], image_only=True)
    with pytest.raises(LoadError, match=r"no text layer.*scanned"):
        load_article(path)


def test_pdf_without_text_or_images(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="contains no text"):
        load_article(write_pdf(tmp_path / "blank.pdf", [[]]))


def test_encrypted_pdf_asks_for_an_unprotected_copy(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "locked.pdf", [["Secret text."]], password="hunter2")
    with pytest.raises(LoadError, match="protected by a password"):
        load_article(path)


def test_corrupt_pdf(tmp_path: Path) -> None:
    good = write_pdf(tmp_path / "good.pdf", PAGES).read_bytes()
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(good[:200] + b"\x00garbage" * 50)
    with pytest.raises(LoadError, match=r"could not be read as a PDF|contains no text"):
        load_article(damaged)
    not_pdf = tmp_path / "not.pdf"
    not_pdf.write_bytes(b"This is plain text pretending to be a PDF.")
    with pytest.raises(LoadError, match="could not be read as a PDF"):
        load_article(not_pdf)


def test_headings_and_bullets_start_paragraphs() -> None:
    lines = [
        "1. Introduction",
        "This paragraph is long enough to be a full line of text for sure.",
        "It ends here.",
        "",
        "• first bullet item that is long enough to fill a line of its own",
        "and wraps onto a second line, written in the same column width.",
        "• second bullet.",
        "ii",
    ]
    assert paragraphs(drop_running_lines([lines])) == [
        "1. Introduction",
        "This paragraph is long enough to be a full line of text for sure. It ends here.",
        "• first bullet item that is long enough to fill a line of its own and wraps onto a "
        "second line, written in the same column width.",
        "• second bullet.",
    ]
