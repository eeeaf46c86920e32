"""PDF: text layer in order, hyphenation joined, running headers and footers dropped."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.errors import LoadError
from reader.core.loaders import load_article
from reader.core.loaders.pdf import clean_line, paragraphs
from reader.core.loaders.pdf_margins import drop_running_lines, is_print_line
from tests.core.export.cdp import HEADLESS

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


def test_a_line_the_body_repeats_is_text_even_where_pages_break_on_it() -> None:
    """A refrain at the top of two of three pages is no running header: it repeats inside
    the pages too, which a header never does."""
    refrain = "We shall not give up, the minister said again."
    pages = [
        ["Report", refrain, "One.", refrain, "Two.", "1"],
        ["Report", refrain, "Three.", refrain, "Four.", "2"],
        ["Report", "Five.", refrain, "Six.", "End.", "3"],
    ]
    kept = [line for line in drop_running_lines(pages) if line != "\f"]
    assert "Report" not in kept and "1" not in kept
    assert kept.count(refrain) == 5


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


def test_document_info_fills_the_byline_and_date(tmp_path: Path) -> None:
    """Issue 16 item 9: /Author and /CreationDate fill what the text does not say."""
    path = write_pdf(
        tmp_path / "story.pdf",
        [["Officials met on Monday in Geneva and agreed to meet again next week."]],
        info={"/Author": "Maria Lopez", "/CreationDate": "D:20250319083000+00'00'"},
    )
    article = load_article(path)
    assert (article.byline, article.published) == ("Maria Lopez", dt.date(2025, 3, 19))
    broken = write_pdf(
        tmp_path / "broken.pdf",
        [["Officials met on Monday in Geneva and agreed to meet again next week."]],
        info={"/Author": "admin", "/CreationDate": "yesterday"},
    )
    assert (load_article(broken).byline, load_article(broken).published) == (None, None)


BROWSER_PAGE = [
    ("Wildfires force thousands from homes in Greece", 18),
    "ATHENS, June 14 (AP) - Firefighters battled wildfires near Athens for a third day.",
    "12/2/26, 3:16 PM Greece fires - Example News",
    "https://news.example.com/greece-fires 1/1",
]


def test_a_browsers_print_header_and_footer_are_dropped_from_a_single_page(
    tmp_path: Path,
) -> None:
    """One page: nothing repeats, but the stamp, title, address and counter are the print's."""
    info = {"/Title": "Greece fires - Example News", "/CreationDate": "D:20261202151613"}
    path = write_pdf(tmp_path / "printed.pdf", [BROWSER_PAGE], info=info)
    article = load_article(path)
    assert article.title == "Greece fires - Example News"  # no browser named: /Title stands
    info["/Producer"] = "Skia/PDF m156"
    article = load_article(write_pdf(tmp_path / "chrome.pdf", [BROWSER_PAGE], info=info))
    assert article.title == "Wildfires force thousands from homes in Greece"
    assert "PM" not in article.text and "https://" not in article.text
    assert article.text.endswith("for a third day.")
    assert article.published == dt.date(2026, 6, 14)  # the dateline's day, in the print's year
    assert not is_print_line("Read more at https://news.example.com/x")
    assert not is_print_line("On 12/2/26, 3:16 PM the fire spread")


def test_pages_that_all_repeat_are_kept_and_the_notice_says_so(tmp_path: Path) -> None:
    """Issue 16 item 9: dropping running lines never empties an article."""
    page = ["Weekly Notice", "The office is closed on Monday."]
    article = load_article(write_pdf(tmp_path / "notice.pdf", [page, page, page]))
    assert "The office is closed on Monday." in article.text
    assert any("repeats on each page" in notice for notice in article.notices)
    notices: list[str] = []
    kept = drop_running_lines([page, page], notices=notices)
    assert [line for line in kept if line != "\f"] == page + page and len(notices) == 1


def test_a_pdf_printed_by_chromium(tmp_path: Path) -> None:
    """A real browser print: its header and footer on every page are not article text."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed")
    page = tmp_path / "page.html"
    paragraph = (
        "<p>Officials in Athens said on Friday that firefighters had contained most of the "
        "blazes north of the capital, and the ministry urged residents to stay alert.</p>"
    )
    page.write_text(
        "<html><head><title>Greece fires - Example News</title></head><body>"
        "<h1>Wildfires force thousands from homes in Greece</h1>" + paragraph * 30,
        encoding="utf-8",
    )
    pdf = tmp_path / "page.pdf"
    subprocess.run(
        [
            chromium,
            *HEADLESS,
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    article = load_article(pdf)
    assert article.title == "Wildfires force thousands from homes in Greece"  # not the <title>
    assert "Example News" not in article.text and "file://" not in article.text
    assert not article.text.startswith("Wildfires")  # the headline is shown once, as the title
    assert article.text.count("Officials in Athens") == 30
    assert article.published is not None  # the print's creation date: "on Friday" resolves
    assert_consistent(article)
