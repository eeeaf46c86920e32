"""Settings: typed defaults, round trip, and tolerance of damaged or foreign files."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.settings import (
    MAX_RECENT,
    SCHEMA_VERSION,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)


def test_defaults_highlight_three_types() -> None:
    settings = Settings()
    assert settings.theme == "system" and settings.zoom == 100
    assert settings.layer_visible("person") and settings.layer_visible("country")
    assert not settings.layer_visible("place") and not settings.layer_visible("nationality")


def test_round_trip_in_the_isolated_config_dir(isolated_home: Path) -> None:
    settings = Settings(theme="dark", zoom=130)
    settings.layers["place"] = True
    settings.window_geometry = "AdnQywADAAA="
    save_settings(settings)
    assert settings_path().is_relative_to(isolated_home)
    data = json.loads(settings_path().read_text())
    assert data["schema_version"] == SCHEMA_VERSION
    loaded = load_settings()
    assert loaded == settings


def test_missing_damaged_or_newer_files_give_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path) == Settings()
    path.write_text("{not json")
    assert load_settings(path) == Settings()
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION + 1, "theme": "dark"}))
    assert load_settings(path).theme == "system"


def test_bad_values_are_replaced_field_by_field(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "theme": "neon",
                "zoom": 5000,
                "recent_files": "x",
                "layers": {"place": 1},
                "date_order": "timeline",
            }
        )
    )
    settings = load_settings(path)
    assert settings.theme == "system"
    assert settings.zoom == 300
    assert settings.recent_files == []
    assert settings.layers["place"] is False
    assert settings.date_order == "timeline"


def test_recent_files_most_recent_first_without_duplicates(tmp_path: Path) -> None:
    settings = Settings()
    files = [tmp_path / f"a{i}.txt" for i in range(MAX_RECENT + 3)]
    for f in files:
        settings.add_recent(f)
    settings.add_recent(files[-3])
    assert settings.recent_files[0] == str(files[-3].resolve())
    assert len(settings.recent_files) == MAX_RECENT
    assert len(set(settings.recent_files)) == MAX_RECENT
    settings.remove_recent(files[-3])
    assert str(files[-3].resolve()) not in settings.recent_files
