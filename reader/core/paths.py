"""Where the app keeps its config, cache, data and logs (platformdirs), and what it ships.

Shipped files (``resources/`` and ``seeds/`` at the top of the repository) are the packages
``reader.resources`` and ``reader.seeds`` (pyproject's package-dir), found with
``importlib.resources``, so a wheel finds them wherever it is installed.
"""

from __future__ import annotations

import os
import warnings
from importlib.resources import files
from pathlib import Path

import platformdirs

APP_NAME = "entity-reader"
RESOURCES_PACKAGE = "reader.resources"
SEEDS_PACKAGE = "reader.seeds"


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


def _package_folder(package: str) -> Path:
    """The folder of a shipped data package, as a path: loaders and Qt open files by path.

    A wheel installs as plain files, so the folder is a real directory (not a zip member).
    """
    folder = files(package)
    if not isinstance(folder, Path):  # a zipped install: not something pip makes
        raise FileNotFoundError(f"{package} is not installed as plain files")
    return folder


def resources_dir() -> Path:
    """The colour scheme, style sheets, icons and desktop files."""
    return _package_folder(RESOURCES_PACKAGE)


def resource(name: str) -> Path:
    """One shipped resource, by its path inside ``resources/`` ("colors.json", "icons/...")."""
    return resources_dir() / name


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
    return _package_folder(SEEDS_PACKAGE)


def sample_article() -> Path:
    """The article the app opens when started with no file."""
    return seeds_dir() / "000_b1ae0dc0bd7f6f00.txt"
