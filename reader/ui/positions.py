"""The one place that converts Python ``str`` offsets to Qt document positions and back.

The core indexes ``Article.text`` by code point; QString counts UTF-16 units, so every character
above U+FFFF (emoji, some CJK) takes two positions in Qt. The view also puts a header (title,
byline, date) before the body, so body offset 0 sits at ``base`` in the document. Everything
in ``reader/ui`` that turns an offset into a cursor position goes through ``OffsetMap``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
"""Characters above U+FFFF (a regex scans a book in milliseconds; a Python loop took ~1 s)."""


class OffsetMap:
    """Maps offsets in one text to positions in the QTextDocument that shows it.

    Args:
        text: the text exactly as inserted into the document (``Article.text``).
        base: document position of the text's first character.

    Attributes:
        base: as given.
    """

    def __init__(self, text: str, base: int = 0) -> None:
        self.base = base
        self._length = len(text)
        # Offsets (in code points) of the characters that take two UTF-16 units.
        self._astral: list[int] = []
        if not text.isascii():
            self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Qt position (relative to base) of each astral character's first unit.
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    @property
    def qt_length(self) -> int:
        """Length of the text in UTF-16 units."""
        return self._length + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """Document position of Python offset ``offset`` (0 <= offset <= len(text))."""
        if not self._astral:
            return self.base + offset
        # Every astral character strictly before ``offset`` adds one extra unit.
        return self.base + offset + bisect_right(self._astral, offset - 1)

    def to_qt_range(self, start: int, end: int) -> tuple[int, int]:
        """Document positions of a half-open Python range."""
        return self.to_qt(start), self.to_qt(end)

    def to_py(self, position: int) -> int | None:
        """Python offset of document position ``position``, or None outside the text.

        A position inside a surrogate pair maps to the astral character's offset.
        """
        rel = position - self.base
        if rel < 0 or rel > self.qt_length:
            return None
        if not self._astral:
            return rel
        # Astral characters that start strictly before rel each took one extra unit; on a low
        # surrogate (rel == start + 1) the same count gives that character's own offset.
        return rel - bisect_right(self._astral_qt, rel - 1)
