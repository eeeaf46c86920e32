"""Entity colours for exported copies: one function, so the app and its exports agree.

The palette is Okabe-Ito (safe for the common colour-vision deficiencies). When the UI ships
``resources/colors.json`` the exports read the same file, so a change there changes both.
"""

from __future__ import annotations

import contextlib
import json
import re
from functools import lru_cache
from typing import Any

from reader.core.model import COUNTRY, NATIONALITY, ORGANIZATION, PERSON, PLACE
from reader.core.paths import PROJECT_ROOT

OKABE_ITO: dict[str, str] = {
    PERSON: "#0072B2",
    COUNTRY: "#E69F00",
    ORGANIZATION: "#009E73",
    PLACE: "#CC79A7",
    NATIONALITY: "#56B4E9",
}
FALLBACK = "#999999"
"""Colour of a type no palette names (a file from a newer version, say)."""

COLORS_FILE = PROJECT_ROOT / "resources" / "colors.json"
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _colors_from(data: Any) -> dict[str, str]:
    """Type -> colour from the UI's colors.json; tolerant of the shapes it may take.

    Accepts ``{"person": "#0072B2"}``, ``{"entities": {...}}`` and per-theme
    ``{"light": {...}}`` layouts (the light theme is what a printed page uses).
    """
    if not isinstance(data, dict):
        return {}
    for key in ("entities", "entity", "types", "light"):
        if isinstance(data.get(key), dict):
            return _colors_from(data[key])
    found: dict[str, str] = {}
    for name, value in data.items():
        if isinstance(value, dict):
            value = value.get("color") or value.get("background") or value.get("light")
        if isinstance(value, str) and _HEX.match(value):
            found[str(name).lower()] = value.upper()
    return found


@lru_cache(maxsize=1)
def entity_colors() -> dict[str, str]:
    """Colour (``#RRGGBB``) of each entity type: resources/colors.json over Okabe-Ito."""
    colors = dict(OKABE_ITO)
    with contextlib.suppress(OSError, ValueError):
        colors.update(_colors_from(json.loads(COLORS_FILE.read_text(encoding="utf-8"))))
    return colors


def color_for(entity_type: str) -> str:
    """The colour of ``entity_type``, or a neutral grey for a type no palette knows."""
    return entity_colors().get(entity_type, FALLBACK)


def _luminance(hex_color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def text_color_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (WCAG contrast ratio)."""
    lum = _luminance(background)
    on_black = (lum + 0.05) / 0.05
    on_white = 1.05 / (lum + 0.05)
    return "#000000" if on_black >= on_white else "#FFFFFF"
