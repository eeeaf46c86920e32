"""One window per session: a second start hands its files to the running app (issue 16 item 4).

Real processes: the running app is ``run_app`` in ``tests/ui/instance_driver.py`` (the real
window and socket, only the analyser is the fake one); the second start is the real command
line, ``python -m reader.cli FILE``.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from queue import Empty, Queue

import pytest

from reader.ui.single_instance import (
    InstanceServer,
    decode_request,
    encode_request,
    hand_to_running_instance,
    socket_path,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
"""The repository (tests run from a checkout)."""
ARTICLES = PROJECT_ROOT / "tests" / "fixtures" / "articles"
FIRST, SECOND, THIRD = (
    ARTICLES / name for name in ("01_berlin_talks.txt", "02_wildfire.txt", "03_tariffs.txt")
)
START_TIMEOUT = 60.0
HAND_OFF_LIMIT = 30.0
"""The second start's whole life, Python's start-up included, on a loaded 2-core machine."""


class RunningApp:
    """The driver process and the ``tabs ...`` lines it prints."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.instance_driver", *args],
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: Queue[str] = Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def wait_for_tabs(self, *names: str, timeout: float = START_TIMEOUT) -> None:
        wanted = "tabs " + ",".join(names)
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except Empty:
                if self.process.poll() is not None:
                    break
                continue
            seen.append(line)
            if line == wanted:
                return
        stderr = self.process.stderr.read() if self.process.poll() is not None else ""
        pytest.fail(f"never printed {wanted!r}; printed {seen!r}; stderr: {stderr}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def apps() -> Iterator[list[RunningApp]]:
    started: list[RunningApp] = []
    yield started
    for app in started:
        app.stop()


def start(apps: list[RunningApp], *args: str) -> RunningApp:
    app = RunningApp(*args)
    apps.append(app)
    return app


def second_start(*args: str) -> subprocess.CompletedProcess[str]:
    """``entity-reader ARGS`` as a user types it; fails the test if it does not exit in time."""
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "reader.cli", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=HAND_OFF_LIMIT,
    )
    print(f"second start took {time.monotonic() - began:.1f} s")
    return done


@pytest.mark.slow
def test_a_second_start_opens_its_file_as_a_tab_of_the_running_window_and_exits(
    apps: list[RunningApp],
) -> None:
    running = start(apps, str(FIRST))
    running.wait_for_tabs(FIRST.name)
    done = second_start(str(SECOND))
    assert done.returncode == 0, done.stderr
    running.wait_for_tabs(FIRST.name, SECOND.name, timeout=10)
    relative = os.path.relpath(THIRD, PROJECT_ROOT)  # resolved in the second start's folder
    assert second_start(relative).returncode == 0
    running.wait_for_tabs(FIRST.name, SECOND.name, THIRD.name, timeout=10)
    running.stop()
    assert running.process.returncode == 0
    assert not Path(socket_path()).exists(), "the socket outlived its app"


@pytest.mark.slow
def test_a_crashed_instances_socket_is_cleaned_up_by_the_next_start(
    apps: list[RunningApp],
) -> None:
    crashed = start(apps, str(FIRST))
    crashed.wait_for_tabs(FIRST.name)
    crashed.process.kill()  # SIGKILL: no clean-up, the socket file stays
    crashed.process.wait()
    assert Path(socket_path()).exists()
    assert not hand_to_running_instance([str(SECOND)])  # nobody answers on it
    running = start(apps, str(SECOND))
    running.wait_for_tabs(SECOND.name)
    assert second_start(str(THIRD)).returncode == 0
    running.wait_for_tabs(SECOND.name, THIRD.name, timeout=10)


@pytest.mark.slow
def test_new_window_opens_a_window_of_its_own_and_leaves_the_running_one_serving(
    apps: list[RunningApp],
) -> None:
    first = start(apps, str(FIRST))
    first.wait_for_tabs(FIRST.name)
    own = start(apps, "--new-window", str(SECOND))
    own.wait_for_tabs(SECOND.name)
    assert second_start(str(THIRD)).returncode == 0
    first.wait_for_tabs(FIRST.name, THIRD.name, timeout=10)
    assert own.lines.empty(), "the --new-window app was handed a file"


def test_the_server_removes_a_socket_file_nobody_listens_on(qapp, tmp_path: Path) -> None:
    name = str(tmp_path / "stale.sock")
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(name)  # bound, never listening, closed: what a crash leaves
    stale.close()
    server = InstanceServer()
    assert server.listen(name)
    assert Path(name).exists()
    server.close()


def test_a_second_server_leaves_a_live_ones_socket_alone(qapp, tmp_path: Path) -> None:
    name = str(tmp_path / "live.sock")
    live, other = InstanceServer(), InstanceServer()
    assert live.listen(name)
    assert not other.listen(name)
    assert live.server.isListening()
    live.close()


def test_requests_carry_absolute_paths_and_anything_else_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    line = encode_request(["a.txt", "~/b.md"])
    assert line.endswith(b"\n")
    assert decode_request(line.rstrip(b"\n")) == [
        str(tmp_path / "a.txt"),
        str(Path("~/b.md").expanduser()),
    ]
    assert decode_request(encode_request([]).rstrip()) == []
    for bad in (b"", b"\xff", b"[]", b'{"files": "a"}', b'{"files": [1]}', b'{"files": [""]}'):
        assert decode_request(bad) is None, bad
