"""File menu commands that save, export and print annotated copies (``ExportController``).

Save Annotated Copy writes the self-contained web page; Export writes JSON, JSONL spans, a
spaCy DocBin or a PDF. Files are rendered and written on the I/O worker from a snapshot of
the annotations (corrections can go on meanwhile), atomically, never over the original
article. PDF goes through Qt's own printing (``QPrinter`` in PDF mode) from a copy of the
reading document with the highlights turned into character formats.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QPageLayout,
    QPageSize,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core import atomic
from reader.core.colors import type_colors
from reader.core.errors import ReaderError
from reader.core.export.formats import FORMATS, check_target, save
from reader.core.model import Annotations
from reader.ui import actions as registry
from reader.ui.errors import describe, show_message
from reader.ui.positions import OffsetMap

if TYPE_CHECKING:
    from reader.ui.article_tab import ArticleTab
    from reader.ui.window_api import ReaderWindow

StandardKey = registry.StandardKey
ANNOTATED_SUFFIX = ".annotated"
"""Added to the article's name for the suggested copy ("report.annotated.html")."""

registry.SUBMENUS.setdefault("file/export", "&Export")
EXPORT_ACTIONS: tuple[registry.ActionSpec, ...] = (
    registry.ActionSpec(
        "file.save_annotated",
        "&Save Annotated Copy…",
        "file",
        "exports.save_annotated_copy",
        (StandardKey.Save,),
        section="save",
        tip="Save the article with its highlights as one web page that any browser shows "
        "and Entity Reader reopens",
    ),
    registry.ActionSpec(
        "file.export_json",
        "&JSON Annotations…",
        "file/export",
        "exports.export_json",
        section="data",
        tip="Every annotation in Entity Reader's JSON format (reopens exactly)",
    ),
    registry.ActionSpec(
        "file.export_jsonl",
        "JSONL &Spans…",
        "file/export",
        "exports.export_jsonl",
        section="data",
        tip="Text and labelled spans, one line, for Prodigy-style annotation tools",
    ),
    registry.ActionSpec(
        "file.export_spacy",
        "spa&Cy DocBin…",
        "file/export",
        "exports.export_spacy",
        section="data",
        tip="Training data for spaCy (.spacy)",
    ),
    registry.ActionSpec(
        "file.export_pdf",
        "&PDF…",
        "file/export",
        "exports.export_pdf",
        section="print",
        tip="The highlighted article as a PDF",
    ),
    registry.ActionSpec(
        "file.print",
        "&Print…",
        "file",
        "exports.print_article",
        (StandardKey.Print,),
        section="print",
        tip="Print the article with its highlights, after a preview",
    ),
)
for _spec in EXPORT_ACTIONS:
    registry.register(_spec, before="file.close_tab")


def ask_save_path(parent: QWidget, title: str, suggested: Path, name_filter: str) -> Path | None:
    """The save dialog; None when cancelled. (Tests replace this function.)"""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
    return Path(chosen) if chosen else None


def suggested_path(tab_path: Path, annotations: Annotations, suffix: str) -> Path:
    """Where a copy goes by default: beside the file, "<name>.annotated<suffix>".

    A tab showing an annotated copy suggests that copy itself for its own format.
    """
    if annotations.article.format == "annotated" and tab_path.suffix.lower() == suffix:
        return tab_path
    stem = tab_path.stem.removesuffix(ANNOTATED_SUFFIX)
    return tab_path.with_name(f"{stem}{ANNOTATED_SUFFIX}{suffix}")


def printable_document(
    source: QTextDocument, offsets: OffsetMap, annotations: Annotations, visible: set[str]
) -> QTextDocument:
    """A copy of the reading document with the visible highlights as character formats.

    The view paints highlights as layout formats, which printing does not carry; here each
    mention of a visible type gets the light theme's tint and an underline in its colour.
    """
    document = source.clone()
    colors = type_colors(False)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for entity in annotations.entities:
        shade = colors.get(entity.type)
        if shade is None or entity.type not in visible:
            continue
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(shade.background))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(shade.color))
        for mention in entity.mentions:
            start, end = offsets.to_qt_range(mention.start, mention.end)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()
    return document


def print_pdf(html: str, target: Path, title: str) -> None:
    """Print the rich text ``html`` to ``target`` as A4 PDF, atomically (temporary file, then
    rename). Runs on the print worker: the document is made there from HTML, because a
    QTextDocument made on the UI thread cannot lay itself out on another."""
    document = QTextDocument()
    document.setHtml(html)
    fd, tmp = atomic.temp_file_beside(target, shared=True)  # as every other saved copy
    os.close(fd)
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(tmp)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(title)
        printer.setCreator("Entity Reader")
        document.print_(printer)
        if os.path.getsize(tmp) == 0:
            raise ReaderError(f"Qt could not print {target.name!r}.")
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class ExportController(QObject):
    """The save, export and print commands of the window, which owns this controller.

    Signals:
        copy_saved(object, bool): a copy of an ArticleTab was written; True when it is lossless
            (HTML or JSON: it holds every correction, so they are no longer unsaved work).
        copy_written(object, object): the same, with the Path written (the library reads it).
    """

    copy_saved = Signal(object, bool)
    copy_written = Signal(object, object)

    def __init__(self, window: ReaderWindow) -> None:
        super().__init__(window.dialog_parent())
        self._window = window

    # -- handlers named in EXPORT_ACTIONS ---------------------------------------------------
    def save_annotated_copy(self) -> None:
        self._export_format("html", "Save Annotated Copy")

    def export_json(self) -> None:
        self._export_format("json", "Export JSON Annotations")

    def export_jsonl(self) -> None:
        self._export_format("jsonl", "Export JSONL Spans")

    def export_spacy(self) -> None:
        self._export_format("spacy", "Export spaCy DocBin")

    def export_pdf(self) -> None:
        tab = self._tab_to_export()
        if tab is None or tab.annotations is None:
            return
        target = self.ask_target(tab, "Export PDF", ".pdf", "PDF document")
        if target is None:
            return
        annotations = tab.annotations
        try:
            check_target(annotations, target)
        except (ReaderError, OSError) as error:
            self.save_failed(target, error)
            return
        # Built here (it clones the view's document, on the UI thread), printed on a worker
        html = self._printable(tab, annotations).toHtml()
        title = annotations.article.title or tab.path.name
        self._window.status.show_busy(f"Saving {target.name}…")
        self._window.tasks.run(
            lambda _progress: print_pdf(html, target, title),
            on_success=lambda _none: self._window.status.show_done(f"Exported {target.name}"),
            on_failure=lambda error: self.save_failed(target, error),
            pool="print",
        )

    def print_article(self) -> QPrintPreviewDialog | None:
        """File ▸ Print: Qt's print preview of the highlighted article, printing from there."""
        tab = self._tab_to_export()
        if tab is None or tab.annotations is None:
            return None
        annotations = tab.annotations
        document = self._printable(tab, annotations)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(annotations.article.title or tab.path.name)
        printer.setCreator("Entity Reader")
        preview = QPrintPreviewDialog(printer, self._window.dialog_parent())
        preview.setObjectName("printPreview")
        preview.setWindowTitle("Print Preview")
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        document.setParent(preview)  # lives as long as the preview paints it
        preview.paintRequested.connect(lambda target: document.print_(target))
        preview._printer = printer  # type: ignore[attr-defined]  # Qt does not own it
        preview.open()
        return preview

    # -- the shared path ----------------------------------------------------------------------
    def _printable(self, tab: ArticleTab, annotations: Annotations) -> QTextDocument:
        """The tab's article with its visible highlights, as printing and PDF export need it."""
        return printable_document(
            tab.view.document(), tab.view.offsets, annotations, self._window.visible_types()
        )

    def _tab_to_export(self) -> ArticleTab | None:
        tab = self._window.current_tab()
        if tab is None:
            self._window.status.show_message("Open an article first.")
            return None
        if tab.annotations is None:
            self._window.status.show_message(
                "Nothing to save yet: the article is still being analysed."
            )
            return None
        return tab

    def ask_target(self, tab: ArticleTab, title: str, suffix: str, description: str) -> Path | None:
        assert tab.annotations is not None
        suggested = suggested_path(tab.path, tab.annotations, suffix)
        chosen = ask_save_path(
            self._window.dialog_parent(), title, suggested, f"{description} (*{suffix})"
        )
        if chosen is None:
            return None
        return chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)

    def _export_format(self, fmt: str, title: str) -> None:
        tab = self._tab_to_export()
        if tab is None or tab.annotations is None:
            return
        info = FORMATS[fmt]
        target = self.ask_target(tab, title, info.suffix, info.description)
        if target is None:
            return
        snapshot = tab.annotations.snapshot()
        self._window.status.show_busy(f"Saving {target.name}…")
        self._window.tasks.run(
            lambda _progress: save(snapshot, target, fmt),
            on_success=lambda path: self._saved(tab, Path(path), fmt),
            on_failure=lambda error: self.save_failed(target, error),
            pool="io",
        )

    def _saved(self, tab: ArticleTab, path: Path, fmt: str) -> None:
        self._window.status.show_done(f"Saved {path.name}")
        self.copy_saved.emit(tab, fmt in ("html", "json"))
        self.copy_written.emit(tab, path)

    def save_failed(self, target: Path, error: BaseException) -> None:
        text, detail = describe(error, f"save {target.name!r}")
        self._window.status.show_done(text)
        show_message(self._window.dialog_parent(), "Cannot Save", text, detail)
