"""One open article: its reading view, notice banner and mention navigation.

The tab owns which entity is selected and which of its mentions is current; the view only
shows it. Annotations can be replaced at any time (analysis finished, a correction made).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from reader.core.colors import TypeColors
from reader.core.model import Annotations, Article, Entity
from reader.ui.document import BuiltDocument
from reader.ui.navigation_bar import NavigationBar
from reader.ui.reading_view import ReadingView
from reader.ui.spans import Prepared
from reader.ui.theme import PageColors


class Banner(QFrame):
    """A dismissible one-line notice above the text ("The language model is not installed")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str) -> None:
        """Show ``text`` (plain sentences)."""
        self.label.setText(text)
        self.show()


COPY_MARK = " (copy)"
"""Ends the tab title of an annotated copy."""


class ArticleTab(QWidget):
    """A tab showing one article file.

    Args:
        path: the file shown (may still be loading).

    Attributes:
        path: as given.
        article: the loaded Article, or None while loading.
        annotations: the current Annotations, or None before analysis.
        selected: id of the selected entity, or None.
        mention_index: index of the current mention of ``selected``, or None.
        analysing: the analysis is running; ``annotations`` are provisional meanwhile.
        closed: the tab was closed (its running analysis may stop).
        status_text: what the status bar says while this tab is in front and not busy.
        progress: share of the running analysis done (0..1), None before its first report.

    Signals:
        entity_selected(object): the selected entity id (str) or None.
    """

    entity_selected = Signal(object)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.article: Article | None = None
        self.annotations: Annotations | None = None
        self.is_copy = False
        """Whether the tab shows an annotated copy (restored), not an article analysed here."""
        self.selected: str | None = None
        self.mention_index: int | None = None
        self.analysing = False
        self.closed = False
        self.status_text = ""
        self.progress: float | None = None
        self._type_colors: dict[str, TypeColors] = {}
        self.banner = Banner(self)
        self.navigation = NavigationBar(self)
        self.view = ReadingView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        banner_box = QVBoxLayout()
        banner_box.setContentsMargins(8, 6, 8, 0)
        banner_box.addWidget(self.banner)
        layout.addLayout(banner_box)
        layout.addWidget(self.navigation)
        layout.addWidget(self.view, 1)
        self.view.entity_clicked.connect(self._mention_clicked)
        self.navigation.next_requested.connect(self.next_mention)
        self.navigation.previous_requested.connect(self.previous_mention)
        self.navigation.close_requested.connect(self.clear_entity)

    @property
    def title(self) -> str:
        """Text for the tab: the headline, shortened, or the file name; an annotated copy says
        so, since it has its article's headline."""
        title = (self.article.title if self.article else None) or self.path.name
        room = 32 - len(COPY_MARK) if self.is_copy else 32
        title = title if len(title) <= room else title[: room - 2].rstrip() + "…"
        return title + COPY_MARK if self.is_copy else title

    def show_article(
        self,
        article: Article,
        page: PageColors,
        types: dict[str, TypeColors],
        zoom: int,
        built: BuiltDocument | None = None,
    ) -> None:
        """Display the text at once (highlights follow with ``set_annotations``); ``built`` is
        its document made on a worker (``document.build_for_ui``)."""
        self.article = article
        self._type_colors = types
        self.view.show_article(article, page, types, zoom, built)
        if article.notices:
            self.banner.show_message(" ".join(article.notices))

    def set_annotations(
        self, annotations: Annotations, visible: set[str], prepared: Prepared | None = None
    ) -> None:
        """Highlight ``annotations`` (``prepared`` by ``view.prepare`` on a worker, if made);
        keeps the selection if its entity still exists."""
        self.annotations = annotations
        self.view.show_annotations(annotations, visible, prepared)
        previous = self.selected
        self.selected = None
        if previous and annotations.entity(previous):
            self.select_entity(previous, jump=False)
        else:
            self.clear_entity()

    def set_colors(self, page: PageColors, types: dict[str, TypeColors]) -> None:
        """New theme."""
        self._type_colors = types
        self.view.set_colors(page, types)
        self._restore_selection()

    def set_zoom(self, zoom: int) -> None:
        """New text size (the view lays the article out again)."""
        self.view.set_zoom(zoom)
        self._restore_selection()

    def _restore_selection(self) -> None:
        """After a new layout: emphasis, marks and the current mention as they were."""
        entity = self.entity()
        if entity is None:
            return
        self._refresh_selection()
        if self.mention_index is not None and self.mention_index < len(entity.mentions):
            mention = entity.mentions[self.mention_index]
            self.view.select_range(mention.start, mention.end, center=False)
            self.view.update_marks(entity.id, self.view.offsets.to_qt(mention.start))

    # -- entity navigation ---------------------------------------------------------------------
    def entity(self) -> Entity | None:
        """The selected Entity."""
        if self.annotations is None or self.selected is None:
            return None
        return self.annotations.entity(self.selected)

    def select_entity(self, entity_id: str, jump: bool = True) -> None:
        """Emphasise every mention of ``entity_id``; with ``jump`` go to the first."""
        if self.annotations is None or self.annotations.entity(entity_id) is None:
            return
        changed = entity_id != self.selected
        self.selected = entity_id
        self.mention_index = None
        self._refresh_selection()
        if jump:
            self.go_to_mention(0)
        if changed:
            self.entity_selected.emit(entity_id)

    def _mention_clicked(self, entity_id: str) -> None:
        """A click on a highlight: select its entity where the reader is, without scrolling.

        The navigation counts from the mention clicked ("4 of 9"), so Next goes on from there.
        """
        self.select_entity(entity_id, jump=False)
        entity = self.entity()
        offset = self.view.offsets.to_py(self.view.textCursor().position())
        if entity is None or offset is None:
            return
        for i, mention in enumerate(entity.mentions):
            if mention.start <= offset <= mention.end:
                self.mention_index = i
                self.navigation.set_position(i, len(entity.mentions))
                self.view.update_marks(entity.id, self.view.offsets.to_qt(mention.start))
                return

    def _refresh_selection(self) -> None:
        entity = self.entity()
        if entity is None:
            return
        self.view.emphasise(entity.id)
        colors = self._type_colors.get(entity.type)
        label = colors.singular if colors else entity.type.title()
        self.navigation.show_entity(entity.name, label, QColor(colors.color if colors else "gray"))
        self.navigation.set_position(self.mention_index, len(entity.mentions))

    def go_to_mention(self, index: int) -> None:
        """Select mention ``index`` (wraps around) and scroll to it."""
        entity = self.entity()
        if entity is None or not entity.mentions:
            return
        self.mention_index = index % len(entity.mentions)
        mention = entity.mentions[self.mention_index]
        self.view.select_range(mention.start, mention.end)
        self.navigation.set_position(self.mention_index, len(entity.mentions))
        self.view.update_marks(entity.id, self.view.offsets.to_qt(mention.start))

    def next_mention(self) -> None:
        """The following mention of the selected entity (after the cursor if none yet)."""
        entity = self.entity()
        if entity is None:
            return
        if self.mention_index is None:
            self.go_to_mention(self._mention_after_cursor(entity))
        else:
            self.go_to_mention(self.mention_index + 1)

    def previous_mention(self) -> None:
        """The preceding mention of the selected entity."""
        entity = self.entity()
        if entity is None:
            return
        if self.mention_index is None:
            self.go_to_mention(self._mention_after_cursor(entity) - 1)
        else:
            self.go_to_mention(self.mention_index - 1)

    def _mention_after_cursor(self, entity: Entity) -> int:
        position = self.view.offsets.to_py(self.view.textCursor().position()) or 0
        for i, mention in enumerate(entity.mentions):
            if mention.start >= position:
                return i
        return 0

    def clear_entity(self) -> None:
        """No entity selected: plain highlights, no marks, navigation hidden."""
        had = self.selected is not None
        self.selected = None
        self.mention_index = None
        self.view.emphasise(None)
        self.navigation.hide()
        if had:
            self.entity_selected.emit(None)
