"""The strip above the text while an entity is selected: its name, "3 of 12", previous/next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from reader.ui.theme import swatch_icon


class NavigationBar(QFrame):
    """Shows the selected entity and walks its mentions.

    Signals:
        previous_requested(), next_requested(), close_requested()
    """

    previous_requested = Signal()
    next_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigationBar")
        self.swatch = QLabel(self)
        self.title = QLabel(self)
        self.title.setObjectName("navigationTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = QLabel(self)
        self.kind.setObjectName("navigationCount")
        self.count = QLabel(self)
        self.count.setObjectName("navigationCount")
        self.count.setMinimumWidth(70)
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button = self._button("‹ Previous", "Previous mention (Shift+F8)")
        self.next_button = self._button("Next ›", "Next mention (F8)")
        self.close_button = self._button("✕", "Clear the selection (Esc)")
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.setSpacing(8)
        layout.addWidget(self.swatch)
        layout.addWidget(self.title)
        layout.addWidget(self.kind)
        layout.addStretch(1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.count)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.close_button.clicked.connect(self.close_requested)
        self.hide()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        return button

    def show_entity(self, name: str, kind_label: str, color: QColor) -> None:
        """Show the bar for a newly selected entity."""
        self.swatch.setPixmap(swatch_icon(color, 12).pixmap(12, 12))
        self.title.setText(name)
        self.kind.setText(kind_label)
        self.show()

    def set_position(self, index: int | None, total: int) -> None:
        """ "3 of 12" (index is 0-based; None before the first jump)."""
        if index is None:
            self.count.setText(f"{total} mention{'s' if total != 1 else ''}")
        else:
            self.count.setText(f"{index + 1} of {total}")
        enabled = total > 0
        self.previous_button.setEnabled(enabled)
        self.next_button.setEnabled(enabled)
