"""The entity panel: a filter box, a sort choice and the grouped entity tree."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.colors import TypeColors
from reader.core.model import Annotations, Entity
from reader.ui.entity_model import COUNT, ENTITY_ID_ROLE, NAME, TYPE_ROLE, EntityModel
from reader.ui.row_fitter import cell_width
from reader.ui.throttle import Throttle

FILTER_DELAY_MS = 80
SORTS = (("count", "Most mentioned"), ("name", "Name A–Z"))


class EntityFilterProxy(QSortFilterProxyModel):
    """Filters entities by name (groups follow their children); the model orders the rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not parent.isValid():
            return not self.filterRegularExpression().pattern()
        return super().filterAcceptsRow(row, parent)


class EntityPanel(QWidget):
    """Entities of the current article; clicking one selects it.

    Signals:
        entity_activated(str): the reader picked this entity id.
        sort_changed(str): "count" or "name".
    """

    entity_activated = Signal(str)
    sort_changed = Signal(str)

    def __init__(self, colors: dict[str, TypeColors], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EntityModel(colors, self)
        self.proxy = EntityFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_field = QLineEdit(self)
        self.filter_field.setPlaceholderText("Filter entities")
        self.filter_field.setClearButtonEnabled(True)
        self.filter_field.setObjectName("entityFilter")
        self.sort_box = QComboBox(self)
        for key, label in SORTS:
            self.sort_box.addItem(label, key)
        self.sort_box.setToolTip("Order of the entities in each group")
        self.tree = QTreeView(self)
        self.tree.setObjectName("entityTree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setRootIsDecorated(True)
        self.tree.setAnimated(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.Fixed)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_field, 1)
        top.addWidget(self.sort_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self.filter_throttle = Throttle(self._filter, FILTER_DELAY_MS, self)
        self.filter_field.textChanged.connect(self.filter_throttle)
        self.sort_box.currentIndexChanged.connect(self._sort_chosen)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._clicked)
        self.set_sort("count")

    def set_annotations(self, annotations: Annotations | None, visible: set[str]) -> None:
        """Show the entities of ``annotations`` for the visible types."""
        self.model.set_annotations(annotations, visible)
        self._count_shown()
        self._fit_counts()
        self._expand_groups()

    def set_visible(self, visible: set[str]) -> None:
        """Only these types are listed."""
        self.model.set_visible(visible)
        self._count_shown()
        self._fit_counts()
        self._expand_groups()

    def _count_shown(self) -> None:
        """Tell the model which entities the filter lists: its group rows count those.

        (The proxy once did it in a Python ``data`` override, a third call into Python for
        every cell the tree paints.)
        """
        proxy = self.proxy
        if not proxy.filterRegularExpression().pattern():
            self.model.set_shown(None)
            return
        shown: dict[str, list[Entity]] = {}
        for row in range(proxy.rowCount()):
            group = proxy.index(row, NAME)
            listed = (
                proxy.mapToSource(proxy.index(r, NAME, group)) for r in range(proxy.rowCount(group))
            )
            shown[group.data(TYPE_ROLE)] = [
                entity for index in listed if (entity := self.model.entity_at(index)) is not None
            ]
        self.model.set_shown(shown)

    def _fit_counts(self) -> None:
        """The count column as wide as its largest number (a group's total) needs.

        ``ResizeToContents`` measured every row, each through the filter proxy's Python
        ``data``: 50-70 ms per result on the hundreds of entities of a long article.
        """
        header = self.tree.header()
        totals = [sum(e.mention_count for e in members) for _kind, members in self.model.groups]
        width = cell_width(self.tree, [str(max(totals, default=0))])
        header.resizeSection(COUNT, max(width, header.sectionSizeHint(COUNT)))

    def content_width(self) -> int:
        """How wide the panel wants to be to show every entity's name uncut (no limit)."""
        names = [entity.name for _kind, members in self.model.groups for entity in members]
        name = cell_width(self.tree, names) + 2 * self.tree.indentation()
        icon = self.tree.iconSize().width() if self.tree.iconSize().isValid() else 16
        layout = self.layout()
        assert layout is not None, "__init__ gives the panel its layout"
        margins = layout.contentsMargins()
        frame = 2 * self.tree.frameWidth() + self.tree.verticalScrollBar().sizeHint().width()
        count = self.tree.header().sectionSize(COUNT)
        return name + icon + count + frame + margins.left() + margins.right()

    def set_sort(self, key: str) -> None:
        """Sort by "count" (most first) or "name" (A-Z)."""
        with QSignalBlocker(self.sort_box):
            self.sort_box.setCurrentIndex(max(0, self.sort_box.findData(key)))
        self.model.set_sort(key)

    def select_entity(self, entity_id: str | None) -> None:
        """Reflect a selection made elsewhere (the text, a quote's speaker).

        The selection model's signals are left on: the view listens to them to repaint and to
        scroll, and ``entity_activated`` only follows clicks in the tree, so nothing loops back.
        """
        selection = self.tree.selectionModel()
        if entity_id is None:
            selection.clearSelection()
            return
        index = self.proxy.mapFromSource(self.model.entity_index(entity_id))
        if index.isValid():
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._count_shown()
        self._expand_groups()

    def _expand_groups(self) -> None:
        """Open every type group (``expandAll`` would also visit each entity row)."""
        for row in range(self.proxy.rowCount()):
            self.tree.expand(self.proxy.index(row, 0))

    def _sort_chosen(self, _row: int) -> None:
        key = self.sort_box.currentData()
        self.set_sort(key)
        self.sort_changed.emit(key)

    def _clicked(self, index: QModelIndex) -> None:
        entity_id = index.data(ENTITY_ID_ROLE)
        if entity_id:
            self.entity_activated.emit(entity_id)
