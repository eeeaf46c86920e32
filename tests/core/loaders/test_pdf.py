"""PDF: text layer in order, hyphenation joined, running headers and footers dropped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.errors import LoadError
from reader.core.loaders import load_article
from reader.core.loaders.pdf import clean_line, drop_running_lines, paragraphs

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


# What Qt's QPrinter writes for an <h1>, a byline paragraph and a Reuters story: an 18pt
# heading, 9pt body, a tab between every two words, and ligature glyphs for "ff" and "fi".
QT_LIKE = [
    ("Trudeau\tand\tModi\tmeet\tin\tOttawa", 18),
    ("By\tMaria\tLopez", 9),
    ("OTTAWA,\tJune\t3,\t2025\t(Reuters)\t-\tCanadian\tPrime\tMinister\tJustin\tTrudeau\tmet", 9),
    ("Indian\tPrime\tMinister\tNarendra\tModi.\tIndia\tagreed\tto\trestore\tsta\ufb00,\tthe", 9),
    ("Ministry\tof\tExternal\tA\ufb00airs\tsaid\tin\ta\tbrief\tstatement.", 9),
    ("\u201cThis\tis\ta\tnew\tbeginning,\u201d\tModi\tsaid\tof\tthe\t\ufb01rst\tmeeting.", 9),
]


def test_qt_style_pdf_spaces_ligatures_title_byline_dateline(tmp_path: Path) -> None:
    article = load_article(write_pdf(tmp_path / "article.pdf", [QT_LIKE]))
    assert article.title == "Trudeau and Modi meet in Ottawa"
    assert article.byline == "Maria Lopez"
    assert (article.dateline, article.site) == ("Ottawa", "Reuters")
    assert str(article.published) == "2025-06-03"
    assert "\t" not in article.text and "  " not in article.text
    assert "Narendra Modi" in article.text
    assert "restore staff," in article.text and "External Affairs" in article.text
    assert "\u201cThis is a new beginning,\u201d Modi said of the first meeting." in article.text
    assert "Maria Lopez" not in article.text and "meet in Ottawa" not in article.text
    assert block_texts(article)[0].startswith("OTTAWA, June 3, 2025 (Reuters) - Canadian")
    assert_consistent(article)


def test_title_from_a_short_first_line_when_all_text_is_one_size(tmp_path: Path) -> None:
    lines = [
        "Scholz visits Paris",
        "By Jane Doe and John Smith",
        "The German chancellor arrived in Paris on Monday for talks with the French",
        "president about the budget, officials said after the meeting had ended.",
    ]
    article = load_article(write_pdf(tmp_path / "plain.pdf", [lines]))
    assert (article.title, article.byline) == ("Scholz visits Paris", "Jane Doe and John Smith")
    assert block_texts(article) == [" ".join(lines[2:])]
    assert_consistent(article)


def test_a_first_sentence_is_not_a_title(tmp_path: Path) -> None:
    lines = [
        "The talks ended.",
        "By Monday, the ministers had gone home and the officials were left to write the",
        "statement on their own, which took them most of the week to finish.",
    ]
    article = load_article(write_pdf(tmp_path / "sentence.pdf", [lines]))
    assert article.title is None and article.byline is None
    assert block_texts(article)[0] == "The talks ended."


def test_clean_line_normalises_only_spacing_and_presentation_forms() -> None:
    assert clean_line(" Sta\ufb00\t\tof \ufb01ve o\ufb03ces\u00a0 ") == "Staff of five offices"
    kept = "\u201cquoted\u201d \u2018x\u2019 \u00bd caf\u00e9 cafe\u0301 \u2122 \u2026"
    assert clean_line(kept) == kept


QT_PRINT = """
import sys
from PySide6.QtGui import QGuiApplication, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

app = QGuiApplication(sys.argv[:1])
document = QTextDocument()
document.setHtml(sys.argv[2])
printer = QPrinter()
printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
printer.setOutputFileName(sys.argv[1])
document.print_(printer)
"""


def test_pdf_printed_by_qt(tmp_path: Path) -> None:
    """A real Qt PDF (what QA opened): tabs between words, ff ligatures, <h1> headline."""
    path = tmp_path / "qt.pdf"
    html = (
        "<h1>Trudeau and Modi meet in Ottawa</h1><p>By Maria Lopez</p>"
        "<p>OTTAWA, June 3 (Reuters) - Canadian Prime Minister Justin Trudeau met Indian Prime "
        "Minister Narendra Modi on Wednesday. India and Canada agreed to restore diplomatic "
        "staff, the Ministry of External Affairs said.</p>"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, "-c", QT_PRINT, str(path), html], check=True, env=env, timeout=120
    )
    article = load_article(path)
    assert (article.title, article.byline) == ("Trudeau and Modi meet in Ottawa", "Maria Lopez")
    assert (article.dateline, article.site) == ("Ottawa", "Reuters")
    assert "\t" not in article.text
    assert "Prime Minister Narendra Modi" in article.text
    assert "diplomatic staff, the Ministry of External Affairs said." in article.text
    assert_consistent(article)
