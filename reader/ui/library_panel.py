"""The Library panel: every article indexed, a search box, and one entity across articles.

The box searches the articles' text, or finds an entity by any of its names ("Macron" finds
Emmanuel Macron): then the panel lists the articles that mention it with counts, every quote
by that speaker with its date and article, the entities that appear most often with it, and
a timeline of its articles and the dates they mention. Activating a row or a mark asks to
open the article there (``open_requested``).
"""

from __future__ import annotations

import html
import sqlite3

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.library import search as queries
from reader.core.library.timeline import timeline as timeline_points
from reader.ui.library_models import ROW_ROLE, ArticleListModel, QuoteListModel
from reader.ui.library_timeline import TimelineView

SEARCH_DELAY_MS = 250
"""Typing pauses this long before the search runs."""
TEXT, ENTITY = "text", "entity"
MODES = ((TEXT, "Words"), (ENTITY, "Name"))
"""What the search box means: words of the text, or the name of an entity."""
ENTITY_ROLE = Qt.ItemDataRole.UserRole + 2
"""The entity name of a row of the 'Appears with' list (activating it searches that name)."""


def _table(
    parent: QWidget, name: str, model: QAbstractItemModel, stretch: int, samples: dict[int, str]
) -> QTableView:
    """A read-only table of ``model``: column ``stretch`` takes the room left; every other
    column starts as wide as its sample text (the user may resize it). Never "resize to
    contents": that measures every row again each time a page of rows arrives."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.setModel(model)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    metrics = view.fontMetrics()
    for column, sample in samples.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        header.resizeSection(
            column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 24
        )
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class LibraryPanel(QWidget):
    """Articles, quotes and co-occurring entities of the library, by search.

    Signals:
        open_requested(str, int, int): open this article at [start, end) (-1: at the top).
        split_requested(str, str): the user says this name (type, name) was joined to the
            wrong entity: make it an entity of its own.
    """

    open_requested = Signal(str, int, int)
    split_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._conn: sqlite3.Connection | None = None
        self.entity_ids: list[int] | None = None
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("librarySearch")
        self.search_box.setPlaceholderText("Search the library")
        self.search_box.setClearButtonEnabled(True)
        self.mode = QComboBox(self)
        self.mode.setObjectName("librarySearchMode")
        for key, label in MODES:
            self.mode.addItem(label, key)
        self.heading = QLabel(self)
        self.heading.setObjectName("libraryHeading")
        self.heading.setWordWrap(True)
        self.split_menu = QMenu(self)
        self.split_button = QToolButton(self)
        self.split_button.setObjectName("librarySplit")
        self.split_button.setText("Not the Same…")
        self.split_button.setToolTip("A name was joined to the wrong entity: split it off")
        self.split_button.setMenu(self.split_menu)
        self.split_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.split_button.hide()
        self.articles = ArticleListModel()
        self.articles.setParent(self)
        self.article_view = _table(
            self, "libraryArticles", self.articles, 0, {1: "2025-12-31", 2: "M" * 12, 3: "99999"}
        )
        # newest first, as the model starts; enabling sorting sorts by the indicator at once
        self.article_view.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.article_view.setSortingEnabled(True)
        self.quotes = QuoteListModel()
        self.quotes.setParent(self)
        self.quote_view = _table(
            self, "libraryQuotes", self.quotes, 2, {0: "2025-12-31", 1: "M" * 12, 3: "M" * 14}
        )
        self.related = QListWidget(self)
        self.related.setObjectName("libraryRelated")
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.article_view, "Articles")
        self.pages.addTab(self.quote_view, "Quotes")
        self.pages.addTab(self.related, "Appears With")
        self.timeline = TimelineView(self)
        self.pages.addTab(self.timeline, "Timeline")
        self._timeline_for: tuple[str | None, list[int] | None] | None = None
        """What the timeline should show; drawn when its tab is shown (None: it is)."""
        self.footer = QLabel(self)
        self.footer.setObjectName("libraryFooter")
        self.footer.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.mode)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        about = QHBoxLayout()
        about.addWidget(self.heading, 1)
        about.addWidget(self.split_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(about)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.footer)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _text: self._delay.start())
        self.search_box.returnPressed.connect(self.run_search)
        self.mode.currentIndexChanged.connect(lambda _i: self.run_search())
        self.article_view.activated.connect(self._article_activated)
        self.quote_view.activated.connect(self._quote_activated)
        self.related.itemActivated.connect(self._related_activated)
        self.timeline.open_requested.connect(self.open_requested)
        self.pages.currentChanged.connect(lambda _index: self._draw_timeline())
        self.heading.hide()

    @property
    def connected(self) -> bool:
        """The panel reads a library (it was shown once)."""
        return self._conn is not None

    def set_connection(self, conn: sqlite3.Connection) -> None:
        """Read the library through ``conn`` (the UI thread's own, read only here)."""
        self._conn = conn
        self.run_search()

    def set_footer(self, text: str, tip: str = "") -> None:
        """The line under the lists (how many files could not be read, and which)."""
        self.footer.setText(text)
        self.footer.setToolTip(tip)

    def search(self, text: str, mode: str = TEXT) -> None:
        """Put ``text`` in the box as words or as a name, and search now."""
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))
        self.mode.blockSignals(False)
        self.search_box.blockSignals(True)
        self.search_box.setText(text)
        self.search_box.blockSignals(False)
        self.run_search()

    def run_search(self) -> None:
        """Show what the box asks for: every article when it is empty."""
        self._delay.stop()
        conn = self._conn
        if conn is None:
            return
        text = self.search_box.text().strip()
        if self.mode.currentData() == ENTITY and text:
            self.entity_ids = queries.find_entities(conn, text)
            self.articles.show(conn, entity_ids=self.entity_ids)
            self.quotes.show(conn, speaker_ids=self.entity_ids)
            self._show_entities(conn, self.entity_ids)
            self._timeline_for = (None, self.entity_ids)
        else:
            self.entity_ids = None
            self.articles.show(conn, text=text or None)
            self.quotes.show(conn, text=text or None)
            self.heading.hide()
            self.split_button.hide()
            self.related.clear()
            self._timeline_for = (text or None, None)
        self._count_pages()
        self._draw_timeline()

    def _draw_timeline(self) -> None:
        """Query and draw the timeline, only once its tab is in front."""
        if self._conn is None or self._timeline_for is None:
            return
        if self.pages.currentWidget() is not self.timeline:
            return
        text, entity_ids = self._timeline_for
        self._timeline_for = None
        self.timeline.set_points(*timeline_points(self._conn, text=text, entity_ids=entity_ids))

    def refresh(self) -> None:
        """Read the lists again (the library changed), keeping the search."""
        if self._conn is not None:
            self.run_search()

    def _count_pages(self) -> None:
        self.pages.setTabText(0, f"Articles ({self.articles.total})")
        self.pages.setTabText(1, f"Quotes ({self.quotes.total})")
        self.pages.setTabText(2, f"Appears With ({self.related.count()})")

    def _show_entities(self, conn: sqlite3.Connection, entity_ids: list[int]) -> None:
        self.related.clear()
        self.split_menu.clear()
        rows = queries.entities(conn, entity_ids)
        if not rows:
            self.split_button.hide()
            self.heading.setText("No person, country or organization is known by that name.")
            self.heading.show()
            return
        lines = []
        for row in rows:
            others = queries.aliases_of(conn, row.id)[1:]
            for other in others:
                action = self.split_menu.addAction(f"“{other}” is not {row.name}")
                action.triggered.connect(
                    lambda _checked=False, t=row.type, n=other: self.split_requested.emit(t, n)
                )
            also = f" (also {', '.join(others)})" if others else ""
            lines.append(
                f"<b>{html.escape(row.name)}</b>{html.escape(also)}: {row.type}, "
                f"{row.mentions} mentions in {row.articles} articles"
            )
            for companion, shared in queries.co_occurring(conn, row.id):
                item = QListWidgetItem(f"{companion.name} ({companion.type}): {shared} articles")
                item.setData(ENTITY_ROLE, companion.name)
                self.related.addItem(item)
        self.heading.setText("<br>".join(lines))
        self.heading.show()
        self.split_button.setVisible(not self.split_menu.isEmpty())

    def _article_activated(self, index: QModelIndex) -> None:
        """Open the article; looking at an entity, at its first mention there."""
        row = self.articles.data(index, ROW_ROLE)
        if row is None or self._conn is None:
            return
        where = queries.first_mention(self._conn, row.id, self.entity_ids or [])
        self.open_requested.emit(row.path, *(where or (-1, -1)))

    def _quote_activated(self, index: QModelIndex) -> None:
        row = self.quotes.data(index, ROW_ROLE)
        if row is not None:
            self.open_requested.emit(row.path, row.start, row.end)

    def _related_activated(self, item: QListWidgetItem) -> None:
        self.search(str(item.data(ENTITY_ROLE)), ENTITY)
