"""Run the spaCy pipeline over an article's text. (Chunking for long texts: perf branch.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def parse_text(nlp: Any, text: str, progress: Callable[[float], None] | None = None) -> Any:
    """One spaCy Doc over ``text`` whose character offsets index ``text`` exactly."""
    doc = nlp(text)
    if progress:
        progress(1.0)
    return doc
