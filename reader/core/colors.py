"""The colour scheme: how each entity type and the reading page look, for the window and exports.

The shipped ``resources/colors.json`` (Okabe-Ito, safe for the common colour-vision
deficiencies) is the only source: there is no palette in code that could disagree with it, so
the window, the HTML copy and the PDF show the same colours. A missing or damaged file is an
installation fault and raises ``ColorSchemeError`` with a sentence saying so.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reader.core import paths
from reader.core.errors import ReaderError
from reader.core.model import ENTITY_TYPES

COLORS_FILE = "colors.json"
UNKNOWN_COLOR = "#999999"
"""A type the scheme does not name (a copy from a newer version, say) is drawn in grey."""
UNKNOWN_BACKGROUND = {False: "#E3E3E3", True: "#3A3A3A"}
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


class ColorSchemeError(ReaderError):
    """The shipped colour scheme is missing or malformed: the install is broken."""


@dataclass(frozen=True)
class TypeColors:
    """How one entity type is drawn on a light or a dark page (#RRGGBB strings).

    Attributes:
        label: plural name for the legend and panels ("People").
        singular: name of one ("Person").
        color: the type's own colour: legend swatch and the line under each mention.
        background: highlight behind a mention.
        emphasis: highlight behind the mentions of the selected entity.
    """

    label: str
    singular: str
    color: str
    background: str
    emphasis: str


def _broken(detail: str) -> ColorSchemeError:
    return ColorSchemeError(
        "Entity Reader's colour scheme (colors.json) is missing or damaged; reinstall the app.",
        detail=detail,
    )


def _hex(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _HEX.match(value):
        raise _broken(f"{where}: {value!r} is not a #RRGGBB colour")
    return value.upper()


@lru_cache(maxsize=1)
def color_scheme() -> dict[str, Any]:
    """colors.json as shipped, checked: a type entry for every entity type, both page modes.

    The one reader of the file: ``type_colors`` and the window's page colours start from it.
    """
    try:
        data = json.loads(paths.resource(COLORS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _broken(f"{COLORS_FILE}: {exc}") from exc
    if not isinstance(data, dict):
        raise _broken(f"{COLORS_FILE}: not a JSON object")
    types, page = data.get("types"), data.get("page")
    if not isinstance(types, dict) or not isinstance(page, dict):
        raise _broken(f"{COLORS_FILE}: 'types' and 'page' must be objects")
    for kind in ENTITY_TYPES:
        entry = types.get(kind)
        if not isinstance(entry, dict):
            raise _broken(f"{COLORS_FILE}: no colours for {kind!r}")
        _hex(entry.get("color"), f"types.{kind}.color")
        for mode in ("light", "dark"):
            shades = entry.get(mode)
            if not isinstance(shades, dict):
                raise _broken(f"{COLORS_FILE}: types.{kind}.{mode} is missing")
            for key in ("background", "emphasis"):
                _hex(shades.get(key), f"types.{kind}.{mode}.{key}")
    for mode in ("light", "dark"):
        if not isinstance(page.get(mode), dict):
            raise _broken(f"{COLORS_FILE}: page.{mode} is missing")
        for key, value in page[mode].items():
            _hex(value, f"page.{mode}.{key}")
    return data


def _type_colors(kind: str, entry: dict[str, Any], dark: bool) -> TypeColors:
    shades = entry["dark" if dark else "light"]
    return TypeColors(
        label=str(entry.get("label") or kind.title()),
        singular=str(entry.get("singular") or kind.title()),
        color=entry["color"].upper(),
        background=shades["background"].upper(),
        emphasis=shades["emphasis"].upper(),
    )


@lru_cache(maxsize=2)
def type_colors(dark: bool) -> dict[str, TypeColors]:
    """Every entity type's colours on a light (or dark) page, in ``ENTITY_TYPES`` order."""
    types = color_scheme()["types"]
    return {kind: _type_colors(kind, types[kind], dark) for kind in ENTITY_TYPES}


def colors_for(entity_type: str, dark: bool = False) -> TypeColors:
    """The colours of ``entity_type``: those of colors.json, grey for a type it does not name."""
    known = type_colors(dark).get(entity_type)
    if known is not None:
        return known
    name = entity_type.title() or "Unknown"
    return TypeColors(name, name, UNKNOWN_COLOR, UNKNOWN_BACKGROUND[dark], UNKNOWN_COLOR)


def page_colors(dark: bool) -> dict[str, str]:
    """The reading page's colours (background, text, muted, current, current_text, find)."""
    page = color_scheme()["page"]["dark" if dark else "light"]
    return {key: value.upper() for key, value in page.items()}


def _luminance(hex_color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21): the tests hold the scheme to 4.5."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
