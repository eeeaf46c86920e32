"""Entities grouped by type, as a two-level QAbstractItemModel over ``Annotations.entities``.

Top rows are types ("People 12"), children are entities (canonical name, mention count).
The model keeps each group's entities in the chosen order itself: a sorting proxy called
Python for each of the ~1,500 comparisons of a long article's entities (30-50 ms of a frozen
window per result). Filtering is left to a QSortFilterProxyModel; the model stays a thin
adapter, testable with ``qtmodeltester``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from reader.core.colors import TypeColors
from reader.core.model import ENTITY_TYPES, Annotations, Entity
from reader.ui.item_models import ROOT, Index, horizontal_header, read_only_flags

ENTITY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The entity id of an entity row (None on group rows)."""
TYPE_ROLE = Qt.ItemDataRole.UserRole + 2
"""The entity type of any row."""
NAME, COUNT = 0, 1
HEADERS = ("Entity", "Mentions")


def sort_entities(entities: list[Entity], key: str) -> list[Entity]:
    """``entities`` by name (A-Z) or by mention count (most first); ties always by name."""
    if key == "name":
        return sorted(entities, key=lambda e: e.name.casefold())
    return sorted(entities, key=lambda e: (-e.mention_count, e.name.casefold()))


class EntityModel(QAbstractItemModel):
    """Entities of one article grouped by type.

    Args:
        colors: per-type colours and labels (``reader.core.colors.type_colors``).

    Attributes:
        groups: (type, entities) for each type with at least one visible entity.
    """

    def __init__(self, colors: dict[str, TypeColors], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._colors = colors
        self.groups: list[tuple[str, list[Entity]]] = []
        self._visible: set[str] = set(ENTITY_TYPES)
        self._annotations: Annotations | None = None
        self.sort_key = "count"
        self._shown: dict[str, list[Entity]] | None = None
        """While the panel filters: the entities of each type it lists (see ``set_shown``)."""

    def set_annotations(self, annotations: Annotations | None, visible: set[str]) -> None:
        """Show ``annotations`` (None empties the model), keeping only ``visible`` types."""
        self.beginResetModel()
        self._annotations = annotations
        self._visible = set(visible)
        self._shown = None
        self.groups = []
        if annotations is not None:
            for kind in ENTITY_TYPES:
                if kind not in self._visible:
                    continue
                members = [e for e in annotations.entities if e.type == kind and e.mentions]
                if members:
                    self.groups.append((kind, sort_entities(members, self.sort_key)))
        self.endResetModel()

    def set_sort(self, key: str) -> None:
        """Order each group's entities by "count" (most first) or "name" (A-Z); the views keep
        their selection and expanded groups."""
        self.sort_key = key
        if not self.groups:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        entities = [self.entity_at(index) for index in before]
        self.groups = [(kind, sort_entities(members, key)) for kind, members in self.groups]
        rows = {e.id: row for _kind, members in self.groups for row, e in enumerate(members)}
        after = [
            index
            if entity is None
            else self.createIndex(rows[entity.id], index.column(), index.internalId())
            for index, entity in zip(before, entities, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def set_shown(self, shown: dict[str, list[Entity]] | None) -> None:
        """While a filter lists some entities only, group rows count those ("People (1 of 6)")
        and their mentions; None counts every entity again."""
        self._shown = shown
        if self.groups:
            last = self.index(len(self.groups) - 1, COUNT)
            self.dataChanged.emit(self.index(0, NAME), last, [Qt.ItemDataRole.DisplayRole])

    def set_visible(self, visible: set[str]) -> None:
        """Show only these types."""
        self.set_annotations(self._annotations, visible)

    def set_colors(self, colors: dict[str, TypeColors]) -> None:
        """New theme: repaint swatches."""
        self._colors = colors
        if self.groups:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.groups) - 1, self.columnCount() - 1)
            )

    # -- lookup -------------------------------------------------------------------------------
    def entity_index(self, entity_id: str) -> QModelIndex:
        """The name-column index of an entity, or an invalid index."""
        for g, (_kind, members) in enumerate(self.groups):
            for row, entity in enumerate(members):
                if entity.id == entity_id:
                    return self.createIndex(row, NAME, g + 1)
        return QModelIndex()

    def entity_at(self, index: Index) -> Entity | None:
        """The entity of an entity row."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.groups[index.internalId() - 1][1][index.row()]

    # -- QAbstractItemModel -----------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        # Bounds checked here, not with hasIndex, whose rowCount and columnCount calls came
        # back into Python: views and the filter proxy ask for thousands of indexes a paint.
        if row < 0 or not 0 <= column < len(HEADERS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        group = parent.row()
        if group >= len(self.groups) or row >= len(self.groups[group][1]):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return len(HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return horizontal_header(HEADERS, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        entity = self.groups[index.internalId() - 1][1][index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return entity.name if column == NAME else entity.mention_count
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            colors = self._colors.get(entity.type)
            return QColor(colors.color) if colors else None
        if role == Qt.ItemDataRole.ToolTipRole:
            label = self._label(entity.type, singular=True)
            count = entity.mention_count
            return f"{entity.name} — {label}, {count} mention{'s' if count != 1 else ''}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ENTITY_ID_ROLE:
            return entity.id
        if role == TYPE_ROLE:
            return entity.type
        return None

    def _group_data(self, index: Index, role: int) -> Any:
        kind, members = self.groups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole and self._shown is not None:
            listed = self._shown.get(kind, [])
            if column == NAME:
                return f"{self._label(kind)} ({len(listed)} of {len(members)})"
            return sum(e.mention_count for e in listed)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return f"{self._label(kind)} ({len(members)})"
            return sum(e.mention_count for e in members)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            colors = self._colors.get(kind)
            return QColor(colors.color) if colors else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == TYPE_ROLE:
            return kind
        if role == Qt.ItemDataRole.ToolTipRole:
            total = sum(e.mention_count for e in members)
            return f"{len(members)} {self._label(kind).lower()}, {total} mentions"
        return None

    def _label(self, kind: str, singular: bool = False) -> str:
        colors = self._colors.get(kind)
        if colors is None:
            return kind.title()
        return colors.singular if singular else colors.label
