"""Plain text: encodings detected (not assumed), line endings, sample header, paragraphs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.loaders import load_article
from reader.core.loaders.encoding import decode_text

from .checks import assert_consistent, block_texts

WESTERN = "Café “Zur Post” in Köln – naïve déjà vu, 5 € each.\nSecond paragraph, façade."


def _write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (WESTERN.encode("utf-8"), "utf-8"),
        (WESTERN.encode("utf-8-sig"), "utf-8-sig"),
        (WESTERN.encode("utf-16"), "utf-16"),
        (WESTERN.encode("utf-16-le"), "utf-16-le"),
        (WESTERN.encode("utf-16-be"), "utf-16-be"),
        (WESTERN.encode("utf-32"), "utf-32"),
        (WESTERN.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    assert decode_text(data, "x.txt").encoding == encoding
    article = load_article(_write(tmp_path, data))
    assert block_texts(article) == WESTERN.split("\n")
    assert article.notices == []
    assert_consistent(article)


def test_latin1_without_c1_bytes_reads_the_same_as_cp1252(tmp_path: Path) -> None:
    text = "Grüße aus München: schöne Straßen, große Bäume und ein Café am Fluss."
    article = load_article(_write(tmp_path, text.encode("latin-1")))
    assert article.text == text


def test_non_western_legacy_encoding_goes_to_charset_normalizer(tmp_path: Path) -> None:
    text = "Президент Украины заявил, что переговоры продолжатся на следующей неделе. " * 5
    decoded = decode_text(text.encode("cp1251"), "x.txt")
    assert decoded.text == text
    assert decoded.encoding == "cp1251"


def test_utf8_with_a_few_broken_bytes_opens_with_a_notice(tmp_path: Path) -> None:
    good = "Zürich – “quoted” words and more text. " * 20
    article = load_article(_write(tmp_path, good.encode() + b"\xff" + good.encode()))
    assert "\ufffd" in article.text
    assert "Zürich" in article.text
    assert any("not valid UTF-8" in notice for notice in article.notices)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_are_normalised(tmp_path: Path, newline: str) -> None:
    source = newline.join(["First paragraph.", "", "Second paragraph.", "Third."])
    article = load_article(_write(tmp_path, source.encode()))
    assert block_texts(article) == ["First paragraph.", "Second paragraph.", "Third."]
    assert "\r" not in article.text


def test_sample_header_with_leading_whitespace(tmp_path: Path) -> None:
    source = "  \tdate 2025-03-17 Macron: troops may deploy\nKyiv • UNN\nFrance said so.\n"
    article = load_article(_write(tmp_path, source.encode()))
    assert article.published == dt.date(2025, 3, 17)
    assert article.title == "Macron: troops may deploy"
    assert article.text == "Kyiv • UNN\nFrance said so."


def test_header_with_impossible_date_stays_text(tmp_path: Path) -> None:
    article = load_article(_write(tmp_path, b"date 2025-13-45 Not a header\nBody.\n"))
    assert article.published is None
    assert article.text.startswith("date 2025-13-45")


def test_sample_article(sample_path: Path) -> None:
    article = load_article(sample_path)
    assert article.format == "txt"
    assert article.dateline == "Kyiv"
    assert article.site == "UNN"
    assert article.blocks[0].kind == "dateline"
    assert article.text[: article.blocks[0].end] == "Kyiv • UNN"
    assert article.published == dt.date(2025, 3, 17)
    assert_consistent(article)


def test_hard_wrapped_text_is_reflowed(tmp_path: Path) -> None:
    source = (
        "The minister said on Monday that the negotiations would resume in\n"
        "Geneva next week, and that both delegations had agreed to the plan.\n"
        "\n"
        "Details\n"
        "Officials from both sides will meet at the United Nations office,\n"
        "according to a statement released late on Sunday evening by them.\n"
        "- first point of the plan\n"
        "- second point of the plan\n"
    )
    article = load_article(_write(tmp_path, source.encode()))
    assert block_texts(article) == [
        "The minister said on Monday that the negotiations would resume in Geneva next week, "
        "and that both delegations had agreed to the plan.",
        "Details",
        "Officials from both sides will meet at the United Nations office, according to a "
        "statement released late on Sunday evening by them.",
        "- first point of the plan",
        "- second point of the plan",
    ]
    assert_consistent(article)


def test_one_paragraph_per_line_is_kept(tmp_path: Path) -> None:
    long_line = "A paragraph that is one long line, as the sample writes them. " * 3
    source = f"{long_line}\nShort line.\n{long_line}\n"
    article = load_article(_write(tmp_path, source.encode()))
    assert len(article.blocks) == 3
