"""The hostile-content harness has teeth: it sees requests and script effects when they happen."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def test_chromium_and_the_counting_server_see_an_unsafe_page(
    tmp_path: Path, counting_server, chromium
) -> None:
    page = tmp_path / "unsafe.html"
    page.write_text(
        f"<html><body><img src='{counting_server.url('img')}'>"
        "<p id='x'>before</p><script>document.getElementById('x').textContent='PWN'+'ED'"
        "</script></body></html>",
        encoding="utf-8",
    )
    dom = chromium(page)
    assert "PWNED" in dom  # the script ran, and the dump shows it
    assert "GET /img" in counting_server.requests
