"""Word documents: paragraphs, headings, lists, quotes and tables as blocks."""

from __future__ import annotations

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
