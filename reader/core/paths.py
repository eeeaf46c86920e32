"""Where the app keeps its config, cache, data and logs (platformdirs), and the sample article."""

from __future__ import annotations

import os
import warnings
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


def runtime_dir() -> Path:
    """Sockets that live as long as the session (the running instance's): the user's own
    runtime folder ($XDG_RUNTIME_DIR on Linux), created private if missing."""
    folder = _override("run")
    if folder is None:
        with warnings.catch_warnings():  # no XDG_RUNTIME_DIR: platformdirs warns, then falls back
            warnings.simplefilter("ignore")
            folder = Path(platformdirs.user_runtime_dir(APP_NAME, appauthor=False))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def seeds_dir() -> Path:
    """Sample articles shipped with the project."""
    return PROJECT_ROOT / "seeds"


def sample_article() -> Path:
    """The article the app opens when started with no file."""
    return seeds_dir() / "000_b1ae0dc0bd7f6f00.txt"
