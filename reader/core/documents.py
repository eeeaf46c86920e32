"""Open any file the reader accepts: an article to analyse, or an annotated copy to restore.

``reader.core.loaders`` turns article files into ``Article``s; this is the one place that
first asks whether a file is an annotated copy (.json, or .html with embedded annotations),
which must be restored as saved and never analysed again.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.export.reopen import is_annotated_copy, load_annotated
from reader.core.loaders import load_article
from reader.core.model import Annotations, Article

RESTORED_NOTICE = "Opened an annotated copy: the annotations were restored, the model was not run."

OPEN_SUFFIXES: tuple[str, ...] = (".json",)
"""Suffixes this module adds to the loaders' own (the app's Open dialog lists both)."""


def open_document(path: str | Path) -> Article | Annotations:
    """``Annotations`` for an annotated copy (model not run), else the loaded ``Article``.

    Raises the loaders' ``LoadError`` or ``AnnotationFormatError`` (a damaged or tampered
    copy is refused, never opened as a plain web page).
    """
    path = Path(path)
    if path.is_file() and is_annotated_copy(path):
        annotations = load_annotated(path)
        annotations.article.notices.append(RESTORED_NOTICE)
        return annotations
    return load_article(path)
