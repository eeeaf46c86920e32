"""Word documents: paragraphs, headings, lists, quotes and tables as blocks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.core.loaders import load_article

from .checks import assert_consistent, block_texts
from .documents import write_docx


def test_structure(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "report.docx",
        [
            ("Title", "Macron speaks"),
            ("Normal", "Kyiv • UNN"),
            ("Heading 2", "Details"),
            ("Normal", "French President Emmanuel Macron said so."),
            ("List Bullet", "first point"),
            ("Quote", "A quoted sentence."),
            ("table", "Ukraine|Kyiv"),
            ("Normal", "   "),
        ],
    )
    article = load_article(path)
    assert article.format == "docx"
    assert article.title == "Macron speaks"
    assert block_texts(article) == [
        "Kyiv • UNN",
        "Details",
        "French President Emmanuel Macron said so.",
        "first point",
        "A quoted sentence.",
        "Ukraine\tKyiv",
    ]
    kinds = [(block.kind, block.level) for block in article.blocks]
    assert kinds == [
        ("dateline", 0),
        ("heading", 2),
        ("paragraph", 0),
        ("list_item", 0),
        ("blockquote", 0),
        ("paragraph", 0),
    ]
    assert (article.dateline, article.site) == ("Kyiv", "UNN")
    assert_consistent(article)


def test_title_property_wins(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "t.docx", [("Heading 1", "Heading"), ("Normal", "Body.")], title="Property"
    )
    article = load_article(path)
    assert article.title == "Property"
    assert article.text == "Heading\nBody."


def test_core_properties_fill_the_byline_and_date_the_text_lacks(tmp_path: Path) -> None:
    """Issue 16 item 9: Author and Created fill the metadata, so relative dates resolve."""
    path = write_docx(
        tmp_path / "story.docx",
        [("Title", "Talks resume"), ("Normal", "Officials met on Monday in Geneva.")],
        author="Maria Lopez",
        created=dt.datetime(2025, 3, 19, 8, 30, tzinfo=dt.UTC),
    )
    article = load_article(path)
    assert (article.byline, article.published) == ("Maria Lopez", dt.date(2025, 3, 19))
    assert any("creation date (19 March 2025)" in notice for notice in article.notices)


def test_the_texts_own_credit_and_date_win_over_the_properties(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "story.docx",
        [
            ("Title", "Talks resume"),
            ("Normal", "By Jane Doe — published 2025-03-17"),
            ("Normal", "Officials met on Monday in Geneva."),
        ],
        author="Office PC",
        created=dt.datetime(2025, 4, 2, tzinfo=dt.UTC),
    )
    article = load_article(path)
    assert (article.byline, article.published) == ("Jane Doe", dt.date(2025, 3, 17))
    assert not any("creation date" in notice for notice in article.notices)


def test_a_dateline_without_a_year_takes_the_year_the_file_was_made(tmp_path: Path) -> None:
    """BERLIN, Dec 30 in a file made on 2 January is the 30 December before."""
    path = write_docx(
        tmp_path / "story.docx",
        [("Normal", "BERLIN, Dec 30 (Reuters) - Talks went on."), ("Normal", "More text.")],
        created=dt.datetime(2025, 1, 2, 9, 0, tzinfo=dt.UTC),
    )
    assert load_article(path).published == dt.date(2024, 12, 30)


def test_a_templates_author_and_date_are_not_the_articles(tmp_path: Path) -> None:
    """python-docx stamps 'python-docx' and 2013-12-23 on every file it writes."""
    path = write_docx(tmp_path / "plain.docx", [("Normal", "Officials met on Monday.")])
    article = load_article(path)
    assert (article.byline, article.published) == (None, None)
    dateline = write_docx(
        tmp_path / "dateline.docx",
        [("Normal", "BERLIN, Nov 6 (Reuters) - Talks went on."), ("Normal", "More.")],
    )
    assert any("no year" in notice for notice in load_article(dateline).notices)
