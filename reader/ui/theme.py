"""Light and dark themes: the colour scheme file, the Qt palette and the style sheet.

Colours live in ``resources/colors.json`` (Okabe-Ito, colour-blind safe), read by
``reader.core.colors``, which the exports share: entity types use its ``TypeColors`` and
``type_colors`` as they are. The few widget rules are in ``resources/light.qss`` / ``dark.qss``;
this module turns the page colours into Qt colours and applies the theme.
"system" follows the desktop's colour scheme and switches live when it changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from reader.core import colors
from reader.core.paths import resource


@dataclass(frozen=True)
class PageColors:
    """Reading page colours for the current theme."""

    background: QColor
    text: QColor
    muted: QColor
    current: QColor
    current_text: QColor
    find: QColor


def page_colors(dark: bool) -> PageColors:
    """Page colours for a light or dark page."""
    page = colors.page_colors(dark)
    return PageColors(**{key: QColor(value) for key, value in page.items()})


def swatch_icon(color: QColor, size: int = 12) -> QIcon:
    """A small filled square for legends, menus and panel rows."""
    pixmap = QPixmap(size, size)
    pixmap.fill(color)
    return QIcon(pixmap)


def system_prefers_dark() -> bool:
    """True when the desktop asks for a dark colour scheme."""
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def _palette(dark: bool) -> QPalette:
    """Fusion palette for the chrome around the page."""
    page = page_colors(dark)
    palette = QPalette()
    if dark:
        window, base, alt, text, button = "#2B2D31", "#1F2023", "#26282C", "#E1E3E6", "#33363B"
        highlight, disabled = "#3D7AB8", "#6C7078"
    else:
        window, base, alt, text, button = "#EFEDE8", "#FFFFFF", "#F6F5F1", "#1F2328", "#F4F2EE"
        highlight, disabled = "#2F6DB5", "#9AA0A8"
    role = QPalette.ColorRole
    for r, value in (
        (role.Window, window),
        (role.Base, base),
        (role.AlternateBase, alt),
        (role.Button, button),
        (role.Highlight, highlight),
        (role.ToolTipBase, base),
    ):
        palette.setColor(r, QColor(value))
    for r in (role.WindowText, role.Text, role.ButtonText, role.ToolTipText):
        palette.setColor(r, QColor(text))
    palette.setColor(role.HighlightedText, QColor("#FFFFFF"))
    palette.setColor(role.PlaceholderText, page.muted)
    palette.setColor(role.Link, QColor("#6CB4EE" if dark else "#0B5CAD"))
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, r, QColor(disabled))
    return palette


class ThemeManager(QObject):
    """Applies the chosen theme to the application and tells views when it changes.

    Args:
        choice: "system", "light" or "dark".

    Signals:
        changed(bool): the effective theme changed; True for dark.
    """

    changed = Signal(bool)

    def __init__(self, choice: str = "system", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choice = choice
        self._dark = self._resolve()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)

    @property
    def dark(self) -> bool:
        """Whether the effective theme is dark."""
        return self._dark

    @property
    def choice(self) -> str:
        """The user's choice: "system", "light" or "dark"."""
        return self._choice

    def _resolve(self) -> bool:
        if self._choice == "system":
            return system_prefers_dark()
        return self._choice == "dark"

    def set_choice(self, choice: str) -> None:
        """Switch theme ("system" follows the desktop)."""
        self._choice = choice
        self.apply()

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice == "system":
            self.apply()

    def apply(self) -> None:
        """Install palette and style sheet on the application; emit ``changed`` if needed."""
        dark = self._resolve()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(_palette(dark))
            qss = resource("dark.qss" if dark else "light.qss")
            app.setStyleSheet(qss.read_text(encoding="utf-8"))
        if dark != self._dark:
            self._dark = dark
            self.changed.emit(dark)
