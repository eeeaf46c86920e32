"""The desktop application: one id for Qt, the .desktop entry, the icon and the metainfo; the
entry and metainfo validate; --install-desktop / --uninstall-desktop touch exactly their files."""

from __future__ import annotations

import configparser
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader.core import desktop
from reader.core.loaders import FORMATS
from tests.conftest import REPO, require_tool

MIME_BY_SUFFIX = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".html": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_entry_names_the_app_id_icon_command_and_every_format_it_opens() -> None:
    entry = _entry(desktop.desktop_entry())
    assert desktop.desktop_entry().name == f"{desktop.APP_ID}.desktop"
    assert entry["Type"] == "Application"
    assert entry["Icon"] == desktop.APP_ID
    assert entry["Exec"] == f"{desktop.LAUNCHER} %F"
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"][desktop.LAUNCHER] == "reader.cli:main"
    mime_types = set(entry["MimeType"].rstrip(";").split(";"))
    for fmt in FORMATS:
        named = [MIME_BY_SUFFIX[s] for s in fmt.suffixes if s in MIME_BY_SUFFIX]
        assert named and set(named) <= mime_types, fmt.label


def test_metainfo_launches_the_entry() -> None:
    root = ET.parse(desktop.metainfo()).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == desktop.APP_ID
    assert root.findtext("launchable") == desktop.DESKTOP_FILE
    assert root.findtext("project_license") == "MIT"


def test_icon_comes_as_svg_and_every_hicolor_size() -> None:
    from PySide6.QtGui import QImage

    assert b"<svg" in desktop.icon_svg().read_bytes()
    for size, png in desktop.icon_pngs().items():
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size), png
        assert image.hasAlphaChannel()


@pytest.mark.e2e
def test_shipped_entry_and_metainfo_validate() -> None:
    validate = require_tool("desktop-file-validate")
    appstream = require_tool("appstreamcli")
    done = subprocess.run([validate, str(desktop.desktop_entry())], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout
    done = subprocess.run(
        [appstream, "validate", "--no-net", str(desktop.metainfo())], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_install_writes_entry_icons_and_metainfo_and_uninstall_removes_them(
    tmp_path: Path,
) -> None:
    home = tmp_path / "share"
    written = desktop.install(home, command="/opt/er/bin/entity-reader")
    expected = {f.target for f in desktop.desktop_files(home)}
    assert set(written) == expected
    assert home / "applications" / desktop.DESKTOP_FILE in expected
    assert home / "metainfo" / desktop.METAINFO_FILE in expected
    assert home / "icons/hicolor/48x48/apps" / f"{desktop.APP_ID}.png" in expected
    assert home / "icons/hicolor/scalable/apps" / f"{desktop.APP_ID}.svg" in expected
    installed = _entry(home / "applications" / desktop.DESKTOP_FILE)
    assert installed["Exec"] == "/opt/er/bin/entity-reader %F"
    assert installed["Icon"] == desktop.APP_ID
    validate = require_tool("desktop-file-validate")
    done = subprocess.run([validate, str(home / "applications" / desktop.DESKTOP_FILE)])
    assert done.returncode == 0
    mine = home / "applications" / "someone-else.desktop"
    mine.write_text("[Desktop Entry]\n", encoding="utf-8")
    assert set(desktop.uninstall(home)) == expected
    left = [p for p in home.rglob("*") if p.is_file() and p.name != "mimeinfo.cache"]
    assert left == [mine]  # only ours went (the MIME cache is the desktop's, rebuilt)
    assert desktop.uninstall(home) == []


def test_exec_quotes_a_launcher_path_with_spaces(monkeypatch, tmp_path: Path) -> None:
    folder = tmp_path / "My Apps" / "bin"
    folder.mkdir(parents=True)
    (folder / "entity-reader").write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setattr(sys, "executable", str(folder / "python"))
    assert desktop.launcher_command() == f'"{folder / "entity-reader"}"'


def test_data_home_follows_xdg_data_home(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert desktop.data_home() == tmp_path
    monkeypatch.setenv("XDG_DATA_HOME", "relative/is/ignored")
    assert desktop.data_home() == Path.home() / ".local" / "share"


def test_cli_install_desktop_into_xdg_data_home(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--install-desktop"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "applications" / desktop.DESKTOP_FILE).is_file()
    assert f"installed {tmp_path / 'applications' / desktop.DESKTOP_FILE}" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--uninstall-desktop"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "applications" / desktop.DESKTOP_FILE).exists()


@pytest.mark.gui
def test_application_names_the_entry_and_carries_the_icon(qapp) -> None:
    """Qt's desktop file name is the entry's (Wayland app_id, _GTK_APPLICATION_ID) and its
    WM_CLASS the entry's StartupWMClass (X11), so the desktop matches windows to the entry."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication

    from reader.ui.app import create_application

    app = create_application()
    entry = _entry(desktop.desktop_entry())
    assert QGuiApplication.desktopFileName() == desktop.APP_ID == desktop.desktop_entry().stem
    assert app.applicationName() == entry["StartupWMClass"]
    icon = app.windowIcon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in desktop.ICON_SIZES} <= sizes
    assert not icon.pixmap(QSize(48, 48)).toImage().isNull()
