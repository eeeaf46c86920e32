"""Date expressions resolved against the publication date. (Being built in the dates branch.)"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reader.core.model import DateMention


def find_dates(doc: Any, published: dt.date | None) -> list[DateMention]:
    """Date expressions in ``doc``; relative ones resolved only when ``published`` is known."""
    return []
