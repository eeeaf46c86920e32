"""The reader as a desktop application: its id, icon, menu entry and AppStream metainfo.

The files ship in the package (``resources/``, i.e. ``reader.resources``), named after the
reverse-DNS ``APP_ID`` that the window also gives Qt (``setDesktopFileName``), so the desktop
matches running windows to the menu entry. ``install`` copies them into the user's XDG data
folders (``entity-reader --install-desktop``): the app then appears in the desktop's menu and in
"Open with" for the formats it reads; ``uninstall`` removes exactly what ``install`` wrote.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from reader.core import paths

APP_ID = "io.github.entityreader.EntityReader"
"""Reverse-DNS id: the .desktop and metainfo file names, the icon name, Qt's desktop file name."""
DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256, 512)
"""PNG sizes shipped beside the SVG (hicolor theme folders NxN/apps)."""
LAUNCHER = "entity-reader"
"""The command the menu entry runs (``[project.scripts]``)."""
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def icon_svg() -> Path:
    """The scalable icon."""
    return paths.resource(f"icons/hicolor/scalable/apps/{APP_ID}.svg")


def icon_pngs() -> dict[int, Path]:
    """The icon's PNG renderings by size."""
    return {
        size: paths.resource(f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png")
        for size in ICON_SIZES
    }


def desktop_entry() -> Path:
    """The shipped .desktop entry (its ``Exec`` runs ``entity-reader`` from PATH)."""
    return paths.resource(DESKTOP_FILE)


def metainfo() -> Path:
    """The shipped AppStream metainfo."""
    return paths.resource(METAINFO_FILE)


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute (the spec)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


@dataclass(frozen=True)
class DesktopFile:
    """One file ``install`` writes: where it comes from and where it goes."""

    source: Path
    target: Path


def desktop_files(home: Path | None = None) -> list[DesktopFile]:
    """Every file ``install`` writes under ``home`` (the XDG data folder by default)."""
    home = data_home() if home is None else home
    icons = home / "icons" / "hicolor"
    files = [
        DesktopFile(desktop_entry(), home / "applications" / DESKTOP_FILE),
        DesktopFile(metainfo(), home / "metainfo" / METAINFO_FILE),
        DesktopFile(icon_svg(), icons / "scalable" / "apps" / f"{APP_ID}.svg"),
    ]
    files += [
        DesktopFile(png, icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
        for size, png in icon_pngs().items()
    ]
    return files


def launcher_command() -> str:
    """The ``Exec`` program: the ``entity-reader`` installed beside this Python, by full path.

    A pipx or venv install puts it in a folder the desktop session's PATH may not have; the
    bare name is kept when no such script is found (a source checkout run with ``-m reader``).
    """
    beside = Path(sys.executable).parent / LAUNCHER
    found = str(beside) if beside.is_file() else shutil.which(LAUNCHER)
    if not found:
        return LAUNCHER
    if _EXEC_RESERVED.intersection(found):  # the spec's quoting for Exec arguments
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in found)
        return f'"{escaped}"'
    return found


def entry_text(command: str) -> str:
    """The shipped .desktop entry with ``Exec`` running ``command``."""
    lines = desktop_entry().read_text(encoding="utf-8").splitlines()
    out = [f"Exec={command} %F" if line.startswith("Exec=") else line for line in lines]
    return "\n".join(out) + "\n"


def install(home: Path | None = None, command: str | None = None) -> list[Path]:
    """Copy the entry, icons and metainfo into ``home``; return the files written.

    The entry's ``Exec`` names ``command`` (``launcher_command()`` by default).
    """
    written = []
    for file in desktop_files(home):
        file.target.parent.mkdir(parents=True, exist_ok=True)
        if file.target.name == DESKTOP_FILE:
            file.target.write_text(entry_text(command or launcher_command()), encoding="utf-8")
        else:
            shutil.copyfile(file.source, file.target)
        written.append(file.target)
    _refresh(written[0].parent)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what ``install`` wrote under ``home``; return the files removed."""
    removed = []
    for file in desktop_files(home):
        if file.target.is_file():
            file.target.unlink()
            removed.append(file.target)
    if removed:
        _refresh(removed[0].parent)
    return removed


def _refresh(applications: Path) -> None:
    """Let the desktop see the change now: its MIME cache maps file types to entries."""
    tool = shutil.which("update-desktop-database")
    if tool:
        subprocess.run([tool, "-q", str(applications)], check=False, timeout=30)
