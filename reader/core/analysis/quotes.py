"""Direct quotations and their speakers. (Being built in the quotes branch.)"""

from __future__ import annotations

from typing import Any

from reader.core.model import Entity, Quote


def find_quotes(doc: Any, entities: list[Entity]) -> list[Quote]:
    """Quotes in ``doc`` with speakers resolved to ``entities`` (canonical name and id)."""
    return []
