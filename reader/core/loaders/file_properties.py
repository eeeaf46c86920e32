"""A document's own properties (a Word file's core properties, a PDF's document info), cleaned.

They fill the article's byline and publication date where the text says nothing
(``builder.build_article``). Much of what they hold is not about the article: the account
that made the file ("Microsoft Office User", "admin"), or the stamp a template carries into
every file made from it (python-docx writes its own: author "python-docx", created
2013-12-23 23:15 UTC). Those are dropped here, so they never pass for a byline or a date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

PLACEHOLDER_AUTHORS = frozenset(
    {
        "python-docx",
        "microsoft office user",
        "windows user",
        "user",
        "admin",
        "administrator",
        "owner",
        "author",
        "unknown",
    }
)
"""Author properties that name an account or a program, not who wrote the article."""
TEMPLATE_STAMPS = frozenset({dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.UTC)})
"""Creation times that come from a template, not from the file (python-docx's default)."""
MAX_AUTHOR_CHARS = 200


def property_author(value: Any) -> str | None:
    """A byline from an author property, or None for a placeholder or nothing."""
    if not isinstance(value, str):
        return None
    author = " ".join(value.split())
    if not author or len(author) > MAX_AUTHOR_CHARS or author.casefold() in PLACEHOLDER_AUTHORS:
        return None
    return author


def property_date(value: Any) -> dt.date | None:
    """The calendar day of a creation-time property, or None for a template's stamp or nothing."""
    if not isinstance(value, dt.datetime):
        return None
    stamp = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if stamp in TEMPLATE_STAMPS or value.year < 1980:  # before any word processor saved news
        return None
    return value.date()
