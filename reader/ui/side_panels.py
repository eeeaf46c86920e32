"""The panels beside the article: entities on the left (the Library tabbed behind), quotes and
dates on the right; they show the annotations of the tab in front.

Owned by the window (``window.panels``), which tells it what to show with explicit calls and
hears the reader's clicks through its signals; it never looks at the tabs itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from reader.core.colors import TypeColors
from reader.core.model import Annotations
from reader.core.settings import Settings
from reader.ui.entity_panel import EntityPanel
from reader.ui.quotes_panel import QuotesDatesPanel

ENTITY_DOCK_LIMIT = 340
"""Widest the entity panel starts (pixels): longer names are cut, the article keeps room."""


def make_dock(name: str, title: str, widget: QWidget, parent: QWidget | None) -> QDockWidget:
    """A dock of the window's panels: the reader may close and move it, not float it."""
    dock = QDockWidget(title, parent)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
    )
    return dock


class SidePanels(QObject):
    """The entity and the quotes-and-dates docks of one window.

    Args:
        window: the main window the docks are added to.
        settings: the entity sort and date order are read here and kept up to date.
        colors: the entity types' colours of the current theme.

    Attributes:
        entity_panel, quotes_panel: the panels; entity_dock, quotes_dock: their docks.

    Signals:
        entity_activated(str): an entity was chosen in the panel, or a quote's speaker.
        range_activated(int, int): a quote or a date was chosen (its Python-offset range).
    """

    entity_activated = Signal(str)
    range_activated = Signal(int, int)

    def __init__(
        self, window: QMainWindow, settings: Settings, colors: dict[str, TypeColors]
    ) -> None:
        super().__init__(window)
        self._window = window
        self.entity_panel = EntityPanel(colors, window)
        self.entity_panel.set_sort(settings.entity_sort)
        self.entity_panel.entity_activated.connect(self.entity_activated)
        self.entity_panel.sort_changed.connect(lambda key: setattr(settings, "entity_sort", key))
        self.entity_dock = make_dock("entitiesDock", "Entities", self.entity_panel, window)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.entity_dock)
        self.quotes_panel = QuotesDatesPanel(window)
        self.quotes_panel.set_date_order(settings.date_order)
        self.quotes_panel.range_activated.connect(self.range_activated)
        self.quotes_panel.speaker_activated.connect(self.entity_activated)
        self.quotes_panel.date_order_changed.connect(
            lambda key: setattr(settings, "date_order", key)
        )
        self.quotes_dock = make_dock("quotesDock", "Quotes and Dates", self.quotes_panel, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.quotes_dock)
        self._fit_entity_dock = not settings.window_state
        """Widen the entity panel to its names once, unless the user's own layout was restored."""

    def place_behind_entities(self, dock: QDockWidget) -> None:
        """Tab ``dock`` (the Library's) behind the entity panel, then give both sides room."""
        self._window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self._window.tabifyDockWidget(dock, self.entity_dock)  # Entities in front
        self._window.resizeDocks(
            [self.entity_dock, self.quotes_dock], [270, 360], Qt.Orientation.Horizontal
        )

    def sync_actions(self, entities: QAction, quotes: QAction) -> None:
        """The View menu's check marks follow the docks (closed by their own buttons too)."""
        for dock, action in ((self.entity_dock, entities), (self.quotes_dock, quotes)):
            action.setChecked(True)
            dock.visibilityChanged.connect(lambda _v, d=dock, a=action: a.setChecked(d.isVisible()))

    def show(
        self,
        annotations: Annotations | None,
        visible: set[str],
        selected: str | None,
        analysing: bool,
    ) -> None:
        """Show the front tab's ``annotations`` (None: nothing open, or nothing yet) with the
        entity ``selected`` chosen in the list."""
        self.entity_panel.set_annotations(annotations, visible)
        self.entity_panel.select_entity(selected)  # the new rows lost the selection
        self.quotes_panel.set_annotations(annotations, analysing=analysing)

    def fit_entity_dock_once(self) -> None:
        """The first final result shown: widen the entity panel to its names (up to
        ``ENTITY_DOCK_LIMIT``), unless the user's own layout was restored."""
        if not self._fit_entity_dock:
            return
        self._fit_entity_dock = False
        width = min(ENTITY_DOCK_LIMIT, self.entity_panel.content_width())
        if width > self.entity_dock.width():
            self._window.resizeDocks([self.entity_dock], [width], Qt.Orientation.Horizontal)

    def set_colors(self, colors: dict[str, TypeColors]) -> None:
        """A new theme: the entity panel's swatches follow."""
        self.entity_panel.model.set_colors(colors)
