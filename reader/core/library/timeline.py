"""The library on a time axis: when articles were published, and the dates they speak of.

The Library panel's timeline draws these; like ``search``, the functions take the connection
and return plain rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.library.search import article_filters


@dataclass(frozen=True)
class TimelinePoint:
    """One mark of the timeline: an article's publication, or a date it mentions.

    ``value`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" (``precision`` says which); ``start`` and
    ``end`` locate a mentioned date in its article's text (-1 for a publication).
    """

    article_id: int
    path: str
    title: str
    value: str
    precision: str
    start: int = -1
    end: int = -1


def timeline(
    conn: sqlite3.Connection,
    *,
    text: str | None = None,
    entity_ids: Sequence[int] | None = None,
    limit: int = 5000,
) -> tuple[list[TimelinePoint], list[TimelinePoint]]:
    """The articles (by publication date) and the resolved dates they mention, of the library
    or of the articles matching ``text`` / mentioning ``entity_ids``; at most ``limit`` each."""
    params: list[Any] = []
    chosen = " AND ".join(["1", *article_filters(params, text, entity_ids)])
    published = [
        TimelinePoint(r[0], r[1], r[2], r[3], "day")
        for r in conn.execute(
            f"SELECT a.id, a.path, a.title, a.published FROM articles a WHERE {chosen}"
            " AND a.published IS NOT NULL ORDER BY a.published LIMIT ?",
            [*params, limit],
        )
    ]
    mentioned = [
        TimelinePoint(*r)
        for r in conn.execute(
            'SELECT a.id, a.path, a.title, d.value, d.precision, d.start, d."end"'
            f" FROM dates d JOIN articles a ON a.id = d.article_id WHERE {chosen}"
            " AND d.value IS NOT NULL ORDER BY d.value LIMIT ?",
            [*params, limit],
        )
    ]
    return published, mentioned
