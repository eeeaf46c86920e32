"""End to end: start the real app under Xvfb, screenshot the screen, check it shows the article.

Skips without Xvfb or ImageMagick's ``import``; fails instead under REQUIRE_E2E=1 (CI).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from reader.core.colors import type_colors
from tests.conftest import REPO, require_tool

pytestmark = [pytest.mark.e2e, pytest.mark.model, pytest.mark.slow]
SCREEN = (1320, 860)
TIMEOUT = 120.0


@pytest.fixture
def display() -> Iterator[str]:
    """A private X server; its number is chosen by Xvfb itself (no clash with other runs)."""
    xvfb = require_tool("Xvfb")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [
            xvfb,
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{SCREEN[0]}x{SCREEN[1]}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    yield f":{number}"
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=10)


def _screenshot(tool: str, display: str, path: Path) -> QImage:
    subprocess.run(
        [tool, "-display", display, "-window", "root", str(path)],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return QImage(str(path))


def _colours(image: QImage, step: int = 3) -> dict[int, int]:
    counts: dict[int, int] = {}
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            rgb = image.pixel(x, y) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
    return counts


def _has_highlights(counts: dict[int, int]) -> bool:
    wanted = {int(c.background[1:], 16) for c in type_colors(False).values()}
    return sum(1 for rgb in wanted if counts.get(rgb, 0) > 20) >= 3


def test_app_shows_the_sample_article_with_highlights(display: str, tmp_path: Path) -> None:
    shooter = require_tool("import")
    env = dict(os.environ, DISPLAY=display, ENTITY_READER_HOME=str(tmp_path / "home"))
    env.pop("QT_QPA_PLATFORM", None)
    env["QT_QPA_PLATFORM"] = "xcb"
    app = subprocess.Popen(
        [sys.executable, str(REPO / "main.py")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    shot = tmp_path / "screen.png"
    try:
        deadline = time.monotonic() + TIMEOUT
        counts: dict[int, int] = {}
        while time.monotonic() < deadline and app.poll() is None:
            image = _screenshot(shooter, display, shot)
            counts = _colours(image)
            if _has_highlights(counts):
                break
            time.sleep(0.5)  # polling a separate process; nothing to wait on in-process
        assert app.poll() is None, f"the app exited: {app.stdout.read() if app.stdout else ''}"
        assert not image.isNull() and (image.width(), image.height()) == SCREEN
        # Not blank: many colours, and no single colour covers almost everything.
        assert len(counts) > 50, "the screenshot is nearly uniform"
        assert max(counts.values()) < 0.9 * sum(counts.values())
        assert _has_highlights(counts), "no entity highlights in three colours on screen"
        page = QColor("#FBFAF7").rgb() & 0xFFFFFF
        assert counts.get(page, 0) > 0.1 * sum(counts.values()), "the reading page is not shown"
    finally:
        app.terminate()
        try:
            app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
    assert app.returncode == 0 or app.returncode == -signal.SIGTERM
