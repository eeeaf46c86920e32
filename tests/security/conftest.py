"""A local HTTP server that counts requests, and headless Chromium, for hostile-content tests."""

from __future__ import annotations

import http.server
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import require_tool
from tests.core.export.cdp import HEADLESS

PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082"
)


@dataclass
class CountingServer:
    """Serves a pixel to anything on 127.0.0.1:port and remembers every request path."""

    port: int
    requests: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"


@pytest.fixture
def counting_server() -> Iterator[CountingServer]:
    record: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            record.append(f"{self.command} {self.path}")
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(PIXEL)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(PIXEL)

        do_GET = do_POST = do_HEAD = do_OPTIONS = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="counting-server", daemon=True)
    thread.start()
    try:
        yield CountingServer(server.server_address[1], record)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


CHROMIUM_FLAGS = (*HEADLESS, "--disable-extensions")


@pytest.fixture
def chromium(tmp_path: Path):
    """render(page) -> the DOM after scripts ran (virtual time lets timers and loads finish)."""
    binary = require_tool("chromium")
    profile = tmp_path / "chromium-profile"

    def render(page: Path, budget_ms: int = 3000) -> str:
        result = subprocess.run(
            [
                binary,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--virtual-time-budget={budget_ms}",
                "--dump-dom",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout

    return render
