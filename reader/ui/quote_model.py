"""Quotes of one article as a table model: the quote (shortened) and its speaker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from reader.core.model import Annotations, Quote
from reader.ui.item_models import RowTableModel

QUOTE, SPEAKER = 0, 1
HEADERS = ("Quote", "Speaker")
MAX_QUOTE_CHARS = 140
"""Longer quotes are cut at a word boundary and end with an ellipsis."""
QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The Quote dataclass of a row."""
UNATTRIBUTED = "Unattributed"


def shorten(text: str, limit: int = MAX_QUOTE_CHARS) -> str:
    """``text`` on one line, cut at a word boundary under ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def speaker_key(quote: Quote) -> str:
    """The speaker's name, or UNATTRIBUTED: what the speaker filter and its counts go by."""
    return quote.speaker or UNATTRIBUTED


class QuoteModel(RowTableModel[Quote]):
    """Rows are ``Annotations.quotes`` in text order."""

    headers = HEADERS

    @property
    def quotes(self) -> list[Quote]:
        """The quotes shown, in text order."""
        return self.rows

    def set_annotations(self, annotations: Annotations | None) -> None:
        """Show the quotes of ``annotations`` (None empties the model)."""
        self.set_rows(sorted(annotations.quotes, key=lambda q: q.start) if annotations else [])

    def speakers(self, phrases: bool = True) -> list[tuple[str, int]]:
        """(speaker, number of quotes), most quoted first; without ``phrases`` scare quotes
        are not counted (the panel hides them, and its counts must match what it lists)."""
        counts: dict[str, int] = {}
        for quote in self.quotes:
            if not phrases and quote.kind == "scare":
                continue
            name = speaker_key(quote)
            counts[name] = counts.get(name, 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))

    def row_data(self, quote: Quote, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == QUOTE:
                return f"“{shorten(quote.text)}”"
            return quote.speaker or "—"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == QUOTE:
                return f"“{quote.text}”" + (f"\n— {quote.speaker}" if quote.speaker else "")
            if quote.speaker_id:
                return f"Select {quote.speaker} in the text"
            return "No entity for this speaker"
        if role == QUOTE_ROLE:
            return quote
        return None
