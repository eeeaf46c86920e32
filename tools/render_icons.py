"""Render the app icon's PNG sizes from its SVG: ``.venv/bin/python tools/render_icons.py``.

Desktops that do not scale SVG icons (and Qt's window icons on some platforms) pick a PNG of
the size they need from the hicolor theme, so each size is shipped beside the SVG.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from reader.core.desktop import APP_ID, ICON_SIZES

HICOLOR = Path(__file__).resolve().parents[1] / "resources" / "icons" / "hicolor"


def main() -> None:
    """Write hicolor/NxN/apps/APP_ID.png for every size in ICON_SIZES."""
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"))
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
        print(target)


if __name__ == "__main__":
    main()
