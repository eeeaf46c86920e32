"""The Library panel's tables: articles and quotes, read from SQLite a page at a time.

The views ask for more rows as they scroll (``canFetchMore`` / ``fetchMore``), so a library
of 10,000 articles opens with one page of rows, never every text. Sorting re-runs the query
in SQLite rather than sorting rows in Python.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import Qt

from reader.core.library import search as queries
from reader.core.library.search import ArticleRow, QuoteRow
from reader.ui.item_models import ROOT, Index, RowTableModel
from reader.ui.quote_model import shorten

PAGE = 200
"""Rows read per fetch."""
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The ArticleRow or QuoteRow of a row."""


class _PagedModel(RowTableModel[Any]):
    """Rows from ``_page(limit, offset)``, ``total`` in all; subclasses set ``_page``."""

    def __init__(self) -> None:
        super().__init__()
        self.total = 0
        self._page: Callable[[int, int], list[Any]] = lambda _limit, _offset: []

    def _reload(self, page: Callable[[int, int], list[Any]], total: int) -> None:
        self._page = page
        self.total = total
        self.set_rows(page(PAGE, 0) if total else [])

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = ROOT) -> None:
        if parent.isValid():
            return
        more = self._page(PAGE, len(self.rows))
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(ROOT, len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()


class ArticleListModel(_PagedModel):
    """Articles of the library (or of a search): title, date, source, mentions."""

    headers: ClassVar[tuple[str, ...]] = ("Title", "Published", "Source", "Mentions")
    ORDER_OF_COLUMN = ("title", "published", "source", "mentions")

    def __init__(self) -> None:
        super().__init__()
        self._conn: sqlite3.Connection | None = None
        self._text: str | None = None
        self._entity_ids: list[int] | None = None
        self.order = "relevance"
        self.descending: bool | None = None

    def show(
        self,
        conn: sqlite3.Connection,
        text: str | None = None,
        entity_ids: Sequence[int] | None = None,
    ) -> None:
        """List the articles matching ``text`` and mentioning ``entity_ids`` (all when None)."""
        self._conn, self._text = conn, text or None
        self._entity_ids = None if entity_ids is None else list(entity_ids)
        self.refresh()

    def refresh(self) -> None:
        """Read the list again (the library changed)."""
        conn = self._conn
        if conn is None:
            return
        filters: dict[str, Any] = {"text": self._text, "entity_ids": self._entity_ids}
        total = queries.count_articles(conn, **filters)
        order, descending = self.order, self.descending

        def page(limit: int, offset: int) -> list[ArticleRow]:
            return queries.articles(
                conn, **filters, order=order, descending=descending, limit=limit, offset=offset
            )

        self._reload(page, total)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.ORDER_OF_COLUMN):
            return
        self.order = self.ORDER_OF_COLUMN[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def row_data(self, row: ArticleRow, column: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.path
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (row.title or row.path.rsplit("/", 1)[-1], row.published or "", row.source or "",
                row.mentions)[column]  # fmt: skip


class QuoteListModel(_PagedModel):
    """Quotes across the library: date, speaker, quote, article."""

    headers: ClassVar[tuple[str, ...]] = ("Published", "Speaker", "Quote", "Article")

    def show(
        self,
        conn: sqlite3.Connection,
        text: str | None = None,
        speaker_ids: Sequence[int] | None = None,
    ) -> None:
        """List the quotes matching ``text`` and said by ``speaker_ids``; nothing when neither."""
        if not text and speaker_ids is None:
            self._reload(lambda _limit, _offset: [], 0)
            return
        ids = None if speaker_ids is None else list(speaker_ids)

        def page(limit: int, offset: int) -> list[QuoteRow]:
            return queries.quotes(conn, text=text, speaker_ids=ids, limit=limit, offset=offset)

        self._reload(page, queries.count_quotes(conn, text=text, speaker_ids=ids))

    def row_data(self, row: QuoteRow, column: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.text if column == 2 else row.path
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        title = row.title or row.path.rsplit("/", 1)[-1]
        return (row.published or "", row.speaker or "", shorten(row.text), title)[column]
