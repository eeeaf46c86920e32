"""Turn a file into an ``Article``. ``load_article`` is the one entry point."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.core.errors import LoadError
from reader.core.loaders.text import load_text
from reader.core.model import Article

Loader = Callable[[Path], Article]

LOADERS: dict[str, Loader] = {
    ".txt": load_text,
}

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(LOADERS)


def load_article(path: str | Path) -> Article:
    """Load ``path`` with the loader for its suffix; raise ``LoadError`` with a plain message."""
    path = Path(path)
    if not path.exists():
        raise LoadError(f"The file {path.name!r} does not exist.")
    if path.is_dir():
        raise LoadError(f"{path.name!r} is a folder, not an article file.")
    loader = LOADERS.get(path.suffix.lower(), load_text)
    return loader(path)
