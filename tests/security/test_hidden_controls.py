"""A file name's bidi overrides and other hidden controls are shown escaped in the export."""

from __future__ import annotations

import re

import pytest

from reader.core.export.html import render_html
from reader.core.export.reopen import parse_annotated
from reader.core.model import Annotations, Article
from reader.core.visible import show_controls

SPOOF = "invoice\u202efdp.exe"  # shows as "invoiceexe.pdf"


def _page(source: str) -> str:
    return render_html(Annotations(Article(text="Macron spoke.", source=f"/tmp/{source}")))


def _header(page: str) -> str:
    match = re.search(r"<header>.*?</header>", page, re.S)
    assert match is not None
    return match.group(0)


def test_a_right_to_left_override_in_the_file_name_is_shown_escaped() -> None:
    page = _page(SPOOF)
    header = _header(page)
    assert "\u202e" not in header
    assert "invoice&lt;U+202E&gt;fdp.exe" in header
    # the copy itself keeps the name exactly: it reopens as it was
    assert parse_annotated(page, html=True).article.source == f"/tmp/{SPOOF}"


@pytest.mark.parametrize(
    "char", ["\u202a", "\u202d", "\u2066", "\u2069", "\u200e", "\u200b", "\u061c", "\x07", "\u2028"]
)
def test_every_hidden_control_is_shown(char: str) -> None:
    assert show_controls(f"a{char}b") == f"a<U+{ord(char):04X}>b"
    assert char not in _header(_page(f"a{char}b.txt"))


def test_ordinary_names_are_unchanged() -> None:
    for name in ("report.pdf", "Пресса.html", "خبر.txt", "notes 👩\u200d💻.md", "café.docx"):
        assert show_controls(name) == name


def test_an_undecodable_file_name_still_exports() -> None:
    """os gives undecodable bytes as lone surrogates: shown, never an encoding error."""
    header = _header(_page("caf\udce9.txt"))
    assert "caf&lt;U+DCE9&gt;.txt" in header
    header.encode("utf-8")  # the header alone: the JSON of such an article is refused at save
