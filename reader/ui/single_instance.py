"""One window per session: a second ``entity-reader FILE`` hands its files to the running app.

The running app listens on a local socket (``QLocalServer``) in the user's runtime folder; a
new start first tries to connect, sends the files' absolute paths as one JSON line, waits for
the answer ``ok`` and exits. A socket left by a crashed instance answers nobody: the new start
removes it and listens itself. ``--new-window`` skips the hand-off (and leaves a live
instance's socket alone).

The socket's name includes the display, so an app on another X display or Wayland session
(a second seat, a nested server) gets its own window there instead of a tab on a screen
nobody sees.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reader.core.paths import runtime_dir

if TYPE_CHECKING:
    from reader.ui.window_api import ReaderWindow

log = logging.getLogger(__name__)

CONNECT_MS = 1000
"""How long a new start waits to reach the running app (a live server accepts at once)."""
ANSWER_MS = 10_000
"""How long it waits for the running app's answer; a busy window still answers within this."""
MESSAGE_LIMIT = 1 << 20
"""Longest request the server reads (bytes): no peer makes the app buffer without end."""
ACK = b"ok\n"


def socket_path() -> str:
    """The running instance's socket: in the user's runtime folder, one per display."""
    display = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY") or "default"
    return str(runtime_dir() / f"instance-{re.sub(r'[^A-Za-z0-9.-]', '_', display)}.sock")


def encode_request(paths: Sequence[str | Path]) -> bytes:
    """One JSON line with the files' absolute paths (the server has another working folder)."""
    files = [str(Path(path).expanduser().absolute()) for path in paths]
    return json.dumps({"files": files}).encode() + b"\n"


def decode_request(data: bytes) -> list[str] | None:
    """The files of a request line; None for anything else (it is not acted on)."""
    try:
        message = json.loads(data.decode())
    except (UnicodeDecodeError, ValueError):
        return None
    files = message.get("files") if isinstance(message, dict) else None
    if not isinstance(files, list) or not all(isinstance(f, str) and f for f in files):
        return None
    return files


def hand_to_running_instance(paths: Sequence[str | Path], name: str | None = None) -> bool:
    """Give ``paths`` to the app already running here; False when none answered.

    No paths still counts: the running window comes to the front.
    """
    socket = QLocalSocket()
    socket.connectToServer(name or socket_path())
    if not socket.waitForConnected(CONNECT_MS):
        return False  # nobody listens: no instance, or a stale socket of a crashed one
    socket.write(encode_request(paths))
    socket.flush()
    answer = b""
    while ACK not in answer and socket.waitForReadyRead(ANSWER_MS):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    if ACK not in answer:
        log.warning("The running Entity Reader did not answer; opening a window of our own")
        return False
    return True


class InstanceServer(QObject):
    """The running app's end of the socket; ``files_received`` carries each request's paths.

    Signals:
        files_received(list): absolute paths another start handed over (maybe none).
    """

    files_received = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self, name: str | None = None) -> bool:
        """Serve ``name`` (default ``socket_path()``); a stale socket is removed first.

        False when a live instance already serves it: that one keeps it.
        """
        name = name or socket_path()
        # Ask first: Qt's listen() replaces an existing socket file, even a live one's.
        probe = QLocalSocket()
        probe.connectToServer(name)
        if probe.waitForConnected(CONNECT_MS):
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(name)  # left by a crashed instance: nobody answers on it
        if not self.server.listen(name):
            log.warning("Cannot listen on %s: %s", name, self.server.errorString())
            return False
        return True

    def close(self) -> None:
        """Stop serving and remove the socket file."""
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MESSAGE_LIMIT:
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        files = decode_request(data.split(b"\n", 1)[0])
        self._buffers[socket] = b""
        if files is None:
            socket.abort()
            return
        socket.write(ACK)
        socket.flush()
        socket.disconnectFromServer()
        self.files_received.emit(files)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def show_handed_files(window: ReaderWindow, paths: list[str]) -> None:
    """Open what another start handed over in tabs and bring the window to the front."""
    if paths:
        window.open_files(list(paths))
    widget = window.dialog_parent().window()
    if widget.isMinimized():
        widget.setWindowState(widget.windowState() & ~Qt.WindowState.WindowMinimized)
    widget.show()
    widget.raise_()
    widget.activateWindow()
