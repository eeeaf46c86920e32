"""The library: every article indexed, with its people, countries, organizations, quotes and
dates, in one SQLite file, so questions across articles have answers.

``store.Library`` opens the database (``migrations`` keeps its schema), ``indexer`` brings it
up to date with folders, ``identity`` joins one entity across articles, ``search`` answers
queries, ``commands`` is the CLI's ``index`` and ``search``.
"""

from __future__ import annotations

from reader.core.library.indexer import IndexReport, index_folders
from reader.core.library.store import Library, default_path

__all__ = ["IndexReport", "Library", "default_path", "index_folders"]
