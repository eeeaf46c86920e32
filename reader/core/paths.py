"""Where the app keeps its config, cache, data and logs (platformdirs), and the sample article."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "entity-reader"
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _override(kind: str) -> Path | None:
    """ENTITY_READER_HOME redirects every folder (tests, portable installs)."""
    home = os.environ.get("ENTITY_READER_HOME")
    return Path(home) / kind if home else None


def config_dir() -> Path:
    """Settings live here."""
    return _override("config") or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Analysis cache, safe to delete."""
    return _override("cache") or Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Correction journals and other data the user would miss."""
    return _override("data") or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Error logs with tracebacks."""
    return _override("log") or Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def seeds_dir() -> Path:
    """Sample articles shipped with the project."""
    return PROJECT_ROOT / "seeds"


def sample_article() -> Path:
    """The article the app opens when started with no file."""
    return seeds_dir() / "000_b1ae0dc0bd7f6f00.txt"
