"""Choosing files to open: the Open dialog, dropped files and the recent-files menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from reader.core.model import Annotations, Article
from reader.core.settings import Settings

ANNOTATED_COPIES = ("Annotated copies", (".html", ".json"))
"""What Save Annotated Copy and Export JSON write; both reopen as saved."""


def open_filter() -> str:
    """The Open dialog's filter: every format the loaders read, plus annotated copies.

    Built from the loaders' registry (``file_dialog_filter``) so a new loader shows up here
    without a second list to keep in step.
    """
    from reader.core.documents import OPEN_SUFFIXES
    from reader.core.loaders import file_dialog_filter

    label, suffixes = ANNOTATED_COPIES
    extra = suffixes + tuple(s for s in OPEN_SUFFIXES if s not in suffixes)
    return file_dialog_filter([(label, extra)])


def load_document(path: Path) -> Article | Annotations:
    """What the window shows for ``path`` (runs on the I/O worker).

    An Article is analysed next; Annotations (an annotated copy read back by the core) are
    shown as saved, without analysis. The one place the window turns a path into content.
    """
    from reader.core.documents import open_document

    return open_document(path)


def ask_open_paths(parent: QWidget, start: str, file_filter: str | None = None) -> list[str]:
    """Ask for one or more files (``open_filter`` by default); empty when cancelled."""
    paths, _chosen = QFileDialog.getOpenFileNames(
        parent, "Open Article", start, file_filter or open_filter()
    )
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
