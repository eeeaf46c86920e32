"""Offsets index the text the view shows: astral characters, combining marks, RTL and NUL.

Decision (docs/loaders.md): NUL and other control characters are removed by the loader, so
the text never holds a character the view cannot show; everything else is kept as written,
without Unicode normalisation, and offsets count code points (Python ``str`` indices).
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from reader.core.loaders import load_article

from .checks import assert_consistent, block_texts
from .documents import write_docx

PARAGRAPHS = [
    "Zoë met Macron 👩‍👩‍👧 in Paris on 𝟏𝟕 March 🇫🇷.",
    "Combining: Jose\u0301 Ma\u0301rquez and Nguye\u0302\u0303n spoke.",
    "Hebrew: שלום עולם and Arabic: مرحبا بالعالم said Macron.",
    "Mixed \u200fRTL mark\u200e and a ZWJ\u200d survive.",
]
WITH_NUL = ["Zoë met\x00 Macron 👩‍👩‍👧 in\x00 Paris on 𝟏𝟕 March 🇫🇷.", *PARAGRAPHS[1:]]


def _expect(article_text: str) -> None:
    assert article_text == "\n".join(PARAGRAPHS)
    for paragraph in PARAGRAPHS:
        start = article_text.index(paragraph)
        assert article_text[start : start + len(paragraph)] == paragraph
    # "Macron" after astral characters still lands on "Macron": offsets are code points
    start = article_text.index("Macron")
    assert article_text[start : start + 6] == "Macron"
    last = article_text.rindex("Macron")
    assert article_text[last : last + 6] == "Macron"


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_text("\n".join(WITH_NUL), encoding="utf-8")
    article = load_article(path)
    _expect(article.text)
    assert block_texts(article) == PARAGRAPHS
    assert_consistent(article)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_text_file_other_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("\r\n".join(WITH_NUL).encode(encoding))
    _expect(load_article(path).text)


def test_markdown_file(tmp_path: Path) -> None:
    path = tmp_path / "unicode.md"
    path.write_text("\n\n".join(WITH_NUL), encoding="utf-8")
    article = load_article(path)
    _expect(article.text)
    assert_consistent(article)


def test_html_file(tmp_path: Path) -> None:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS * 3)
    page = f"<html><head><title>Unicode</title></head><body><article>{body}</article></body></html>"
    path = tmp_path / "unicode.html"
    path.write_text(page, encoding="utf-8")
    article = load_article(path)
    assert article.text == "\n".join(PARAGRAPHS * 3)
    assert_consistent(article)


def test_docx_file(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "unicode.docx", [("Normal", p) for p in PARAGRAPHS])
    article = load_article(path)
    _expect(article.text)
    assert_consistent(article)
