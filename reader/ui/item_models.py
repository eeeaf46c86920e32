"""Plumbing the panels' item models share: a header row, read-only selectable cells, and a
flat table over a plain list whose subclasses only say what one row shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
"""The invalid index: default parent of top-level rows."""

Row = TypeVar("Row")


def horizontal_header(
    headers: Sequence[str], section: int, orientation: Qt.Orientation, role: int
) -> Any:
    """``headerData`` for column titles ``headers`` (no vertical header)."""
    if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
        return headers[section] if 0 <= section < len(headers) else None
    return None


def read_only_flags(index: Index) -> Qt.ItemFlag:
    """``flags`` of a cell that can be selected but not edited."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table with one row per item of ``rows`` and one column per header.

    Subclasses set ``headers`` (the column titles) and implement ``row_data``.

    Attributes:
        rows: the items shown, in model order.
    """

    headers: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        """Show ``rows`` instead of the current ones (a model reset)."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_data(self, row: Row, column: int, role: int) -> Any:
        """What ``data`` returns for ``role`` in ``column`` of ``row`` (None for nothing)."""
        raise NotImplementedError

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        # Bounds checked here: QAbstractTableModel's own index() asks rowCount and columnCount,
        # two more calls into Python for every cell a view or proxy looks at.
        if parent.isValid() or not (0 <= row < len(self.rows) and 0 <= column < len(self.headers)):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return horizontal_header(self.headers, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.row_data(self.rows[index.row()], index.column(), role)
