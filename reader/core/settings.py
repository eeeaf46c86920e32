"""The reader's preferences: a typed object saved as JSON in ``paths.config_dir()``.

Qt-free on purpose (napari keeps its settings in the model layer): the UI reads and writes
fields, ``save_settings`` persists them atomically, and a damaged or foreign file falls back to
defaults instead of stopping the app.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

from reader.core import paths
from reader.core.atomic import write_text_atomic
from reader.core.bounded_read import read_bounded
from reader.core.model import ENTITY_TYPES, HIGHLIGHTED_TYPES

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
FILE_NAME = "settings.json"
MAX_RECENT = 10
MAX_BYTES = 1024 * 1024
"""A settings file is a few kB; anything past this is not ours and is not read."""
ZOOM_MIN = 50
ZOOM_MAX = 300
ZOOM_STEP = 10

Theme = Literal["system", "light", "dark"]
THEMES: tuple[str, ...] = ("system", "light", "dark")
EntitySort = Literal["count", "name"]
DateOrder = Literal["appearance", "timeline"]


def _default_layers() -> dict[str, bool]:
    return {kind: kind in HIGHLIGHTED_TYPES for kind in ENTITY_TYPES}


@dataclass
class Settings:
    """Everything the reader remembers between sessions.

    Attributes:
        theme: "system" follows the desktop's light/dark preference.
        zoom: text size in percent of the default reading size.
        recent_files: most recent first, at most MAX_RECENT absolute paths.
        layers: entity type -> highlighted or not (places, nationalities off by default).
        window_geometry: the window's saved geometry (Qt bytes, base64), or "".
        window_state: dock and toolbar layout (Qt bytes, base64), or "".
        entity_sort: how the entity panel orders entities.
        date_order: order of the dates tab.
        last_open_dir: folder the Open dialog starts in.
    """

    schema_version: int = SCHEMA_VERSION
    theme: str = "system"
    zoom: int = 100
    recent_files: list[str] = field(default_factory=list)
    layers: dict[str, bool] = field(default_factory=_default_layers)
    window_geometry: str = ""
    window_state: str = ""
    entity_sort: str = "count"
    date_order: str = "appearance"
    last_open_dir: str = ""

    def add_recent(self, path: str | Path) -> None:
        """Put ``path`` first in the recent list, without duplicates."""
        resolved = str(Path(path).resolve())
        self.recent_files = [resolved] + [p for p in self.recent_files if p != resolved]
        del self.recent_files[MAX_RECENT:]

    def remove_recent(self, path: str | Path) -> None:
        """Forget ``path`` (it was moved or deleted)."""
        resolved = str(Path(path).resolve())
        self.recent_files = [p for p in self.recent_files if p != resolved]

    def layer_visible(self, kind: str) -> bool:
        """Whether entities of ``kind`` are highlighted."""
        return self.layers.get(kind, kind in HIGHLIGHTED_TYPES)

    def set_zoom(self, percent: int) -> int:
        """Clamp and store a zoom level; returns the stored value."""
        self.zoom = max(ZOOM_MIN, min(ZOOM_MAX, int(percent)))
        return self.zoom


def settings_path() -> Path:
    """Where the settings file lives."""
    return paths.config_dir() / FILE_NAME


def _coerce(data: dict[str, Any]) -> Settings:
    """Build Settings from JSON data, keeping only known fields of the right type."""
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in data:
            continue
        value = data[f.name]
        if isinstance(value, type(getattr(defaults, f.name))):
            values[f.name] = value
    settings = Settings(**values)
    settings.schema_version = SCHEMA_VERSION
    if settings.theme not in THEMES:
        settings.theme = "system"
    if settings.entity_sort not in ("count", "name"):
        settings.entity_sort = "count"
    if settings.date_order not in ("appearance", "timeline"):
        settings.date_order = "appearance"
    settings.set_zoom(settings.zoom)
    settings.recent_files = [p for p in settings.recent_files if isinstance(p, str)][:MAX_RECENT]
    layers = _default_layers()
    layers.update({k: v for k, v in settings.layers.items() if isinstance(v, bool)})
    settings.layers = layers
    return settings


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file; defaults when it is missing, unreadable or from a newer app."""
    path = path or settings_path()
    try:
        data = json.loads(read_bounded(path, MAX_BYTES).decode("utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("Ignoring unreadable settings file %s: %s", path, exc)
        return Settings()
    if not isinstance(data, dict):
        log.warning("Ignoring settings file %s: not a JSON object", path)
        return Settings()
    version = data.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        log.warning("Settings file %s is from a newer version; using defaults", path)
        return Settings()
    return _coerce(data)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings file atomically (a crash never leaves half a file)."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, json.dumps(asdict(settings), indent=2, ensure_ascii=False) + "\n")
