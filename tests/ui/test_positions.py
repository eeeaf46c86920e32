"""OffsetMap: Python str offsets <-> Qt (UTF-16) positions, checked against a real QTextDocument."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from reader.ui.positions import OffsetMap

EMOJI_TEXT = "Hi 👋 Macron 🇫🇷 met Zelensky 🇺🇦.\nNext: Ukraine 😀!"


def _document(text: str, prefix: str = "") -> QTextDocument:
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    cursor.insertText(prefix + text)
    return doc


def _qt_slice(doc: QTextDocument, start: int, end: int) -> str:
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def test_ascii_is_identity_plus_base() -> None:
    offsets = OffsetMap("plain text", base=7)
    assert offsets.to_qt(0) == 7
    assert offsets.to_qt(10) == 17
    assert offsets.to_py(12) == 5
    assert offsets.to_py(3) is None


def test_emoji_take_two_positions_in_qt(qapp) -> None:
    offsets = OffsetMap(EMOJI_TEXT)
    doc = _document(EMOJI_TEXT)
    assert doc.characterCount() - 1 == offsets.qt_length  # minus the final paragraph separator
    assert offsets.qt_length == len(EMOJI_TEXT.encode("utf-16-le")) // 2
    for word in ("Macron", "Zelensky", "Ukraine", "👋", "🇺🇦", "😀"):
        start = EMOJI_TEXT.index(word)
        qt_start, qt_end = offsets.to_qt_range(start, start + len(word))
        assert _qt_slice(doc, qt_start, qt_end) == word


def test_every_offset_round_trips_with_a_header(qapp) -> None:
    header = "A title\n"
    doc = _document(EMOJI_TEXT, header)
    offsets = OffsetMap(EMOJI_TEXT, base=len(header))
    for i, char in enumerate(EMOJI_TEXT):
        position = offsets.to_qt(i)
        assert offsets.to_py(position) == i
        assert _qt_slice(doc, position, offsets.to_qt(i + 1)) == char


def test_low_surrogate_position_maps_to_its_character() -> None:
    offsets = OffsetMap("a😀b")
    assert offsets.to_qt(1) == 1 and offsets.to_qt(2) == 3
    assert offsets.to_py(2) == 1  # inside the emoji
    assert offsets.to_py(3) == 2


@given(st.text(max_size=60))
def test_positions_match_utf16_length(text: str) -> None:
    offsets = OffsetMap(text, base=3)
    for i in range(len(text) + 1):
        expected = len(text[:i].encode("utf-16-le")) // 2 + 3
        assert offsets.to_qt(i) == expected
        assert offsets.to_py(expected) == i


ODD_CHARS = list("ab \n\r\t\u2028\u2029\x0b\x0c\x00\ufeff😀🇺🇦é")
ODD = st.text(alphabet=st.sampled_from(ODD_CHARS), max_size=40)


@given(ODD)
def test_article_document_keeps_every_offset(qapp, text: str) -> None:
    """Whatever the loader leaves in the text, offsets map onto the same characters."""
    from reader.core.model import Article
    from reader.ui.document import build_document
    from reader.ui.theme import page_colors

    document, offsets = build_document(Article(text=text, title="Title"), page_colors(False))
    assert document.characterCount() - 1 - offsets.base == offsets.qt_length
    for i, char in enumerate(text):
        shown = document.characterAt(offsets.to_qt(i))
        if ord(char) > 0xFFFF:
            assert 0xD800 <= ord(shown) <= 0xDBFF  # the high surrogate of the same character
        elif char in "\n\u2029":
            assert shown == "\u2029"
        elif char == "\r":
            assert shown == " "
        elif char == "\ufeff":
            assert shown == "\u2060"
        else:
            assert shown == char
