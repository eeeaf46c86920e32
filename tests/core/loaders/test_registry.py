"""The one entry point, what the file dialog offers, and files whose content and name disagree."""

from __future__ import annotations

from pathlib import Path

from reader.core.loaders import SUPPORTED_SUFFIXES, file_dialog_filter, load_article

from .documents import write_docx, write_pdf


def test_supported_suffixes() -> None:
    for suffix in (".txt", ".md", ".html", ".htm", ".pdf", ".docx"):
        assert suffix in SUPPORTED_SUFFIXES
    assert all(suffix == suffix.lower() and suffix.startswith(".") for suffix in SUPPORTED_SUFFIXES)


def test_file_dialog_filter_lists_every_suffix() -> None:
    entries = file_dialog_filter().split(";;")
    assert entries[0].startswith("Articles (")
    assert entries[-1] == "All files (*)"
    for suffix in SUPPORTED_SUFFIXES:
        assert f"*{suffix}" in entries[0]
        assert sum(f"*{suffix}" in entry for entry in entries[1:-1]) == 1


def test_file_dialog_filter_with_other_formats() -> None:
    entries = file_dialog_filter([("Annotated copies", (".json",))]).split(";;")
    assert "*.json" in entries[0]
    assert "Annotated copies (*.json)" in entries


def test_upper_case_suffix(tmp_path: Path) -> None:
    path = tmp_path / "NOTES.TXT"
    path.write_text("Hello there.", encoding="utf-8")
    assert load_article(path).format == "txt"


def test_unknown_suffix_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "article.log"
    path.write_text("Plain words.", encoding="utf-8")
    assert load_article(path).text == "Plain words."


def test_pdf_named_txt_opens_as_pdf(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "report.txt", [["A line of text in a PDF file."]])
    article = load_article(path)
    assert article.format == "pdf"
    assert article.text == "A line of text in a PDF file."
    assert "really a PDF document" in article.notices[0]


def test_docx_without_suffix_opens_as_word(tmp_path: Path) -> None:
    source = write_docx(tmp_path / "a.docx", [("Normal", "Words in Word.")])
    path = tmp_path / "download"
    path.write_bytes(source.read_bytes())
    article = load_article(path)
    assert article.format == "docx"
    assert article.text == "Words in Word."


def test_source_is_the_path(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x y z", encoding="utf-8")
    assert load_article(str(path)).source == str(path)
