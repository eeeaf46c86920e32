"""Loaders are total: any bytes under any supported suffix give an Article or a LoadError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from reader.core.errors import LoadError
from reader.core.loaders import SUPPORTED_SUFFIXES, load_article
from reader.core.model import Article
from tests.property.budget import budget
from tests.property.strategies import hostile_text
from tests.security.watchdog import watchdog

# Every suffix the app offers, plus ones it does not, plus none: all must be handled.
OFFERED = {*SUPPORTED_SUFFIXES, ".txt", ".md", ".html", ".htm", ".pdf", ".docx"}
SUFFIXES = [*sorted(OFFERED), ".TXT", ".xyz", ""]
PER_FILE_SECONDS = 30

# Prefixes that get random bytes past the first format check of each loader.
MAGIC = (
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"<!DOCTYPE html><html><head><title>",
    b"<html><body><article><p>",
    b"%PDF-1.7\n",
    b"PK\x03\x04",
    b"date 2025-03-17 ",
    b"# Heading\n\n",
)

random_bytes = st.tuples(st.sampled_from(MAGIC), st.binary(max_size=2000)).map(b"".join)
encoded_text = st.tuples(
    hostile_text, st.sampled_from(("utf-8", "utf-16", "utf-8-sig", "latin-1", "cp1252"))
).map(lambda pair: pair[0].encode(pair[1], errors="replace"))


def check_loads_or_refuses(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"article{suffix}"
        path.write_bytes(data)
        try:
            with watchdog(PER_FILE_SECONDS, "a loader"):
                article = load_article(path)
        except LoadError as exc:
            assert exc.message.strip(), "a LoadError needs a sentence for the user"
            assert "Traceback" not in exc.message
            return
    assert isinstance(article, Article)
    assert isinstance(article.text, str)
    assert article.title is None or isinstance(article.title, str)
    for block in article.blocks:
        assert 0 <= block.start <= block.end <= len(article.text), block
    assert all(isinstance(n, str) and n for n in article.notices)


@given(random_bytes | encoded_text, st.sampled_from(SUFFIXES))
@budget(120)
@example(b"date 2025-13-45 An impossible date\nBody", ".txt")
@example(b"\xff\xfe\x00\xd8", ".txt")
def test_any_bytes_give_an_article_or_a_load_error(data: bytes, suffix: str) -> None:
    check_loads_or_refuses(data, suffix)


def test_empty_and_unreadable_files(tmp_path: Path) -> None:
    for suffix in SUFFIXES:
        check_loads_or_refuses(b"", suffix)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    for path in (folder, tmp_path / "missing.html"):
        try:
            load_article(path)
        except LoadError as exc:
            assert exc.message
        else:
            raise AssertionError(f"{path} loaded")
