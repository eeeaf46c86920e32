"""Choosing files to open: the Open dialog, dropped files and the recent-files menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from reader.core.model import Annotations, Article
from reader.core.settings import Settings

FILE_FILTER = (
    "Articles (*.txt *.md *.markdown *.html *.htm *.pdf *.docx *.json);;"
    "Text (*.txt *.md *.markdown);;Web pages (*.html *.htm);;PDF (*.pdf);;Word (*.docx);;"
    "All files (*)"
)


def load_document(path: Path) -> Article | Annotations:
    """What the window shows for ``path`` (runs on the I/O worker).

    An Article is analysed next; Annotations (an annotated copy read back by the core) are
    shown as saved, without analysis. The one place the window turns a path into content.
    """
    from reader.core.opening import open_document

    return open_document(path)


def ask_open_paths(parent: QWidget, start: str, file_filter: str = FILE_FILTER) -> list[str]:
    """Ask for one or more files; empty when cancelled."""
    paths, _chosen = QFileDialog.getOpenFileNames(parent, "Open Article", start, file_filter)
    return paths


def dropped_paths(mime: QMimeData) -> list[str]:
    """Local files among dropped URLs (folders and remote URLs are ignored)."""
    if not mime.hasUrls():
        return []
    return [
        url.toLocalFile()
        for url in mime.urls()
        if url.isLocalFile() and Path(url.toLocalFile()).is_file()
    ]


def fill_recent_menu(menu: QMenu, settings: Settings, open_file: Callable[[str], object]) -> None:
    """Rebuild the Open Recent menu from the settings (missing files greyed out)."""
    menu.clear()
    if not settings.recent_files:
        menu.addAction("No recent files").setEnabled(False)
        return
    for number, path in enumerate(settings.recent_files, start=1):
        label = f"&{number % 10}  {Path(path).name}" if number <= 10 else Path(path).name
        action = menu.addAction(label)
        action.setToolTip(path)
        action.setStatusTip(path)
        action.setEnabled(Path(path).exists())
        action.triggered.connect(lambda _checked=False, p=path: open_file(p))
    menu.addSeparator()

    def clear() -> None:
        settings.recent_files = []

    menu.addAction("&Clear Recent Files").triggered.connect(clear)
