"""Entity colours for exported copies: one function, so the app and its exports agree.

The palette is Okabe-Ito (safe for the common colour-vision deficiencies). When the UI's
``resources/colors.json`` is present the exports read it, so the saved page looks like the
reader window: a light tint behind each mention and the type's colour underneath it.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
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
"""Type colours used when resources/colors.json is absent."""

OKABE_ITO_PALETTE = frozenset(
    {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
)
FALLBACK = "#999999"
"""Colour of a type no palette names (a file from a newer version, say)."""

LIGHT_PAGE = "#FFFFFF"
DARK_PAGE = "#1C1D20"
COLORS_FILE = PROJECT_ROOT / "resources" / "colors.json"
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class TypeColors:
    """How one entity type is drawn.

    Attributes:
        color: the type's own colour: legend swatch and the line under each mention.
        light: highlight background on a light page.
        dark: highlight background on a dark page.
    """

    color: str
    light: str
    dark: str


def mix(color: str, other: str, amount: float) -> str:
    """``color`` blended towards ``other`` by ``amount`` (0..1), as #RRGGBB."""
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))


def _derived(color: str) -> TypeColors:
    return TypeColors(color, mix(color, LIGHT_PAGE, 0.72), mix(color, DARK_PAGE, 0.6))


def _hex(value: Any) -> str | None:
    return value.upper() if isinstance(value, str) and _HEX.match(value) else None


def _from_file(data: Any) -> dict[str, TypeColors]:
    """Type colours from the UI's colors.json (``{"types": {"person": {...}}}``)."""
    types = data.get("types") if isinstance(data, dict) else None
    if not isinstance(types, dict):
        return {}
    found: dict[str, TypeColors] = {}
    for name, spec in types.items():
        color = _hex(spec.get("color")) if isinstance(spec, dict) else _hex(spec)
        if color is None:
            continue
        derived = _derived(color)
        light = spec.get("light") if isinstance(spec, dict) else None
        dark = spec.get("dark") if isinstance(spec, dict) else None
        found[str(name)] = TypeColors(
            color,
            (_hex(light.get("background")) if isinstance(light, dict) else None) or derived.light,
            (_hex(dark.get("background")) if isinstance(dark, dict) else None) or derived.dark,
        )
    return found


@lru_cache(maxsize=1)
def color_scheme() -> dict[str, Any]:
    """resources/colors.json as read, or {} when it is missing or damaged.

    The one reader of the file: the window's theme and the exports both start from it.
    """
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(COLORS_FILE.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return data
    return {}


@lru_cache(maxsize=1)
def type_colors() -> dict[str, TypeColors]:
    """How each entity type is drawn: resources/colors.json over Okabe-Ito defaults."""
    colors = {name: _derived(color) for name, color in OKABE_ITO.items()}
    colors.update(_from_file(color_scheme()))
    return colors


def colors_for(entity_type: str) -> TypeColors:
    """The colours of ``entity_type``; grey for a type no palette knows."""
    return type_colors().get(entity_type) or _derived(FALLBACK)


def color_for(entity_type: str) -> str:
    """The type's own colour (swatch, underline)."""
    return colors_for(entity_type).color


def _luminance(hex_color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def text_color_on(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    return (
        "#000000"
        if contrast(background, "#000000") >= contrast(background, "#FFFFFF")
        else "#FFFFFF"
    )
