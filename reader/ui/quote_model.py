"""Quotes of one article as a table model: the quote (shortened) and its speaker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.core.model import Annotations, Quote

QUOTE, SPEAKER = 0, 1
HEADERS = ("Quote", "Speaker")
MAX_QUOTE_CHARS = 140
"""Longer quotes are cut at a word boundary and end with an ellipsis."""
QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The Quote dataclass of a row."""
SPEAKER_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The speaker's entity id, or None."""
ORDER_ROLE = Qt.ItemDataRole.UserRole + 3
"""Position of the quote in the text (sort key)."""
SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 4
"""The speaker's name, or UNATTRIBUTED (the speaker filter's key)."""
UNATTRIBUTED = "Unattributed"

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
"""The invalid index: default parent of top-level rows."""


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


class QuoteModel(QAbstractTableModel):
    """Rows are ``Annotations.quotes`` in text order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.quotes: list[Quote] = []

    def set_annotations(self, annotations: Annotations | None) -> None:
        """Show the quotes of ``annotations`` (None empties the model)."""
        self.beginResetModel()
        self.quotes = sorted(annotations.quotes, key=lambda q: q.start) if annotations else []
        self.endResetModel()

    def speakers(self, phrases: bool = True) -> list[tuple[str, int]]:
        """(speaker, number of quotes), most quoted first; without ``phrases`` scare quotes
        are not counted (the panel hides them, and its counts must match what it lists)."""
        counts: dict[str, int] = {}
        for quote in self.quotes:
            if not phrases and quote.kind == "scare":
                continue
            name = quote.speaker or UNATTRIBUTED
            counts[name] = counts.get(name, 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.quotes)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.quotes):
            return None
        quote = self.quotes[index.row()]
        column = index.column()
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
        if role == SPEAKER_ID_ROLE:
            return quote.speaker_id
        if role == ORDER_ROLE:
            return quote.start
        if role == SPEAKER_ROLE:
            return quote.speaker or UNATTRIBUTED
        return None
