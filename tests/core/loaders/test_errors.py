"""Bad input gets one documented exception, LoadError, with a message a person understands."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.core import bounded_read
from reader.core.errors import LoadError, ReaderError
from reader.core.loaders import files, load_article

from .checks import assert_consistent
from .documents import write_docx

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _message(path: Path) -> str:
    with pytest.raises(LoadError) as caught:
        load_article(path)
    assert isinstance(caught.value, ReaderError)
    message = str(caught.value)
    assert "Traceback" not in message and "Error" not in message
    return message


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.html", "empty.pdf", "e.docx"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert "is empty" in _message(path)


@pytest.mark.parametrize("name", ["blank.txt", "blank.md", "blank.html"])
def test_whitespace_only_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"  \n\r\n\t \n")
    assert "contains no text" in _message(path)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "is a PNG image"),
        (b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8, "is a program"),
        (bytes(range(256)) * 40, "looks like a binary file"),
        (os.urandom(4096).replace(b"%PDF", b"xxxx"), "binary|encoded|readable"),
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".log"])
def test_binary_file_with_text_extension(
    tmp_path: Path, data: bytes, expected: str, suffix: str
) -> None:
    path = tmp_path / f"photo{suffix}"
    path.write_bytes(data)
    assert _message_matches(path, expected)


def _message_matches(path: Path, pattern: str) -> bool:
    import re

    return re.search(pattern, _message(path)) is not None


def test_undecodable_bytes(tmp_path: Path) -> None:
    # High bytes only, no control characters: no encoding makes sense of them.
    data = bytes((b * 37 + 11) % 128 + 128 for b in range(4000))
    path = tmp_path / "garbled.txt"
    path.write_bytes(data)
    assert "Could not work out how the text in 'garbled.txt' is encoded" in _message(path)


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "articles.txt"
    folder.mkdir()
    assert "is a folder" in _message(folder)


def test_missing_path(tmp_path: Path) -> None:
    assert "does not exist" in _message(tmp_path / "nowhere" / "gone.html")


@pytest.mark.skipif(ROOT, reason="root reads any file: permission is tested with a patched open")
def test_no_read_permission_real(tmp_path: Path) -> None:
    path = tmp_path / "private.txt"
    path.write_text("secret", encoding="utf-8")
    path.chmod(0)
    try:
        assert "permission" in _message(path)
    finally:
        path.chmod(0o600)


def test_no_read_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "private.txt"
    path.write_text("secret", encoding="utf-8")

    def refuse(file: object, *args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied", str(file))

    monkeypatch.setattr(bounded_read.os, "open", refuse)
    assert "do not have permission to read 'private.txt'" in _message(path)


def test_fifo_is_not_read(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in _message(fifo)


def test_50_mb_text_file_is_refused_above_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = b"A sentence of ordinary article text that repeats many times over.\n"
    with path.open("wb") as handle:
        handle.write(line * (50 * files.MIB // len(line) + 1))
    message = _message(path)
    assert "too large" in message and "50.0 MB" in message and "20.0 MB" in message


def test_file_just_under_a_lowered_limit_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.loaders import encoding

    path = tmp_path / "big.txt"
    path.write_bytes(b"Paragraph of text.\n" * 1000)
    monkeypatch.setattr(encoding, "MAX_TEXT_BYTES", 19_000)
    assert len(load_article(path).blocks) == 1000
    monkeypatch.setattr(encoding, "MAX_TEXT_BYTES", 18_999)
    assert "too large" in _message(path)


def test_5_mb_single_line_opens(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    words = "Macron said the troops would go to Ukraine. "
    path.write_text(words * (5 * files.MIB // len(words)), encoding="utf-8")
    article = load_article(path)
    assert len(article.blocks) == 1
    assert len(article.text) > 5_000_000
    assert_consistent(article)


def test_corrupt_docx(tmp_path: Path) -> None:
    good = write_docx(tmp_path / "good.docx", [("Normal", "Some text.")]).read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good[: len(good) // 2])
    assert "could not be read as a Word document" in _message(truncated)
    garbage = tmp_path / "garbage.docx"
    garbage.write_bytes(b"This is not a zip file at all, just words.")
    assert "could not be read as a Word document" in _message(garbage)


def test_docx_needing_an_unknown_zip_version(tmp_path: Path) -> None:
    data = bytearray(write_docx(tmp_path / "good.docx", [("Normal", "Text.")]).read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6 : central + 8] = (255).to_bytes(2, "little")  # "version needed: 25.5"
    path = tmp_path / "future.docx"
    path.write_bytes(bytes(data))
    assert "could not be read as a Word document" in _message(path)


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff" + b"0" * 100)
    assert "not a Word (.docx) document" in _message(path)


def test_damaged_document_xml(tmp_path: Path) -> None:
    source = write_docx(tmp_path / "good.docx", [("Normal", "Some text.")])
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            new.writestr(info, data)
    assert "could not be read as a Word document" in _message(path)


def test_zip_bomb_docx(tmp_path: Path) -> None:
    source = write_docx(tmp_path / "good.docx", [("Normal", "Some text.")])
    path = tmp_path / "bomb.docx"
    with (
        zipfile.ZipFile(source) as old,
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as new,
    ):
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
        with new.open("word/media/padding.bin", "w") as handle:
            chunk = b"\0" * files.MIB
            for _ in range(40):
                handle.write(chunk)
    assert path.stat().st_size < 2 * files.MIB
    assert "zip bomb" in _message(path)


def test_cli_prints_a_load_error_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli", "annotate", str(path), "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2
    assert "empty.txt" in result.stderr and "is empty" in result.stderr
    assert "Traceback" not in result.stderr
