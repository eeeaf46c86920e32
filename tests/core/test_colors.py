"""One colour scheme: the shipped colors.json, read by reader.core.colors for the window and
every export; a missing or damaged file is a plain error, never a second palette."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from reader.core import colors, paths
from reader.core.export.html_assets import stylesheet
from reader.core.model import ENTITY_TYPES

SHIPPED = json.loads(paths.resource("colors.json").read_text(encoding="utf-8"))


@pytest.fixture
def scheme_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Point the reader at a colors.json of the test's making (caches cleared around it)."""

    def use(content: str | None) -> None:
        if content is not None:
            (tmp_path / "colors.json").write_text(content, encoding="utf-8")
        monkeypatch.setattr(paths, "resource", lambda name: tmp_path / name)
        colors.color_scheme.cache_clear()
        colors.type_colors.cache_clear()

    yield use
    colors.color_scheme.cache_clear()
    colors.type_colors.cache_clear()


@pytest.mark.parametrize("dark", [False, True])
def test_type_colours_are_the_shipped_file_s(dark: bool) -> None:
    mode = "dark" if dark else "light"
    found = colors.type_colors(dark)
    assert list(found) == list(ENTITY_TYPES)
    for kind, entry in SHIPPED["types"].items():
        assert found[kind] == colors.TypeColors(
            label=entry["label"],
            singular=entry["singular"],
            color=entry["color"].upper(),
            background=entry[mode]["background"].upper(),
            emphasis=entry[mode]["emphasis"].upper(),
        )


def test_export_css_and_window_share_the_colours() -> None:
    css = stylesheet(list(ENTITY_TYPES))
    for kind in ENTITY_TYPES:
        light, dark = colors.type_colors(False)[kind], colors.type_colors(True)[kind]
        assert f"mark.t-{kind} {{ background-color: {light.background}; " in css
        assert f"border-bottom-color: {light.color}; }}" in css
        assert f"  mark.t-{kind} {{ background-color: {dark.background}; }}" in css
    assert colors.type_colors(False)["person"].color == SHIPPED["types"]["person"]["color"]


def test_page_colours_are_the_shipped_file_s() -> None:
    for mode in ("light", "dark"):
        expected = {k: v.upper() for k, v in SHIPPED["page"][mode].items()}
        assert colors.page_colors(mode == "dark") == expected


def test_unknown_type_is_grey() -> None:
    unknown = colors.colors_for("weapon")
    assert unknown.color == colors.UNKNOWN_COLOR and unknown.singular == "Weapon"


@pytest.mark.parametrize(
    "content",
    [
        None,  # missing, as from a wheel that did not ship resources/
        "{not json",
        json.dumps({"types": {}, "page": SHIPPED["page"]}),
        json.dumps({**SHIPPED, "types": {**SHIPPED["types"], "person": {"color": "orange"}}}),
    ],
    ids=["missing", "not-json", "no-types", "bad-colour"],
)
def test_missing_or_damaged_scheme_is_a_plain_error(scheme_file, content: str | None) -> None:
    scheme_file(content)
    with pytest.raises(colors.ColorSchemeError, match="reinstall the app") as raised:
        colors.type_colors(False)
    assert raised.value.detail


def test_no_other_module_names_colors_json() -> None:
    """Code naming the file (a string "colors.json" or ".../colors.json") would be a second
    reader of it; docstrings may mention it."""
    package = Path(colors.__file__).resolve().parent.parent
    readers = set()
    for module in package.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            named = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if named and node.value.rsplit("/", 1)[-1] == "colors.json":
                readers.add(module.relative_to(package).as_posix())
    assert readers == {"core/colors.py"}
