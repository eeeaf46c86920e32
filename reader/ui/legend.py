"""The legend: a coloured, checkable button per entity type (the View ▸ Highlight actions)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QLabel, QToolBar, QToolButton, QWidget

from reader.core.colors import TypeColors
from reader.ui.theme import swatch_icon


class Legend(QToolBar):
    """Shows which colour means which type; clicking a type hides or shows its highlights.

    Args:
        actions: the registry's checkable layer actions (data = entity type).
    """

    def __init__(self, parent: QWidget, actions: list[QAction]) -> None:
        super().__init__("Legend", parent)
        self.setObjectName("legend")
        self.setMovable(False)
        self.setFloatable(False)
        self.setIconSize(QSize(12, 12))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        caption = QLabel("  Highlight:", self)
        caption.setEnabled(False)
        self.addWidget(caption)
        self.layer_actions = actions
        for action in actions:
            self.addAction(action)
            button = self.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setObjectName(f"legend.{action.data()}")
                button.setToolTip(
                    f"Show or hide {action.text().replace('&', '').lower()} "
                    f"({action.shortcut().toString()})"
                )

    def set_colors(self, colors: dict[str, TypeColors]) -> None:
        """Swatches for the current theme."""
        for action in self.layer_actions:
            kind = action.data()
            if kind in colors:
                action.setIcon(swatch_icon(QColor(colors[kind].color), 12))
