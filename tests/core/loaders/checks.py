"""Invariants every loaded Article keeps, whatever its format."""

from __future__ import annotations

from reader.core.model import Article

CONTROL = {chr(code) for code in range(0x20) if chr(code) not in "\t\n"} | {"\x7f"}


def assert_consistent(article: Article) -> None:
    """Blocks in order, inside the text, not overlapping, separated by one "\\n"; no controls."""
    text = article.text
    assert not CONTROL & set(text), "control characters left in the text"
    previous_end = -1
    for block in article.blocks:
        assert 0 <= block.start <= block.end <= len(text)
        assert block.start > previous_end, "blocks overlap or touch"
        if previous_end >= 0:
            assert text[previous_end : block.start] == "\n"
        piece = text[block.start : block.end]
        assert piece, "an empty block"
        if block.kind == "preformatted":  # code keeps its indentation
            assert piece == piece.rstrip() and piece.strip()
        else:
            assert piece == piece.strip(), "a block starts or ends with white space"
            assert "\n" not in piece
        previous_end = block.end
    if article.blocks:
        assert article.blocks[0].start == 0
        assert article.blocks[-1].end == len(text)
    else:
        assert text == ""


def block_texts(article: Article) -> list[str]:
    """The text of each block, in order."""
    return [article.text[block.start : block.end] for block in article.blocks]
