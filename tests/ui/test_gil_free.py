"""The worker's hand-over of a document to the UI thread cannot deadlock with the UI thread.

The deadlock (seen once in CI and once in 9 local runs of tests/ui): the UI thread destroys an
object and, holding its signal-slot mutex, asks Python for a ``disconnectNotify`` override
(needs the GIL); the worker, holding the GIL, moves a document whose signal-slot mutex is the
same one of Qt's pool. The scenario below makes that timing certain, in a child process so a
deadlock fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from reader.ui.document import build_for_ui
from reader.ui.gil_free import move_to_thread

SCENARIO = textwrap.dedent(
    """
    import sys, threading, time
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QObject, Signal
    from PySide6.QtGui import QTextDocument
    from reader.ui.gil_free import move_to_thread

    POOL = 131  # Qt's signal-slot mutexes: signalSlotLock(o) is pool[uint(o) % 131]
    app = QCoreApplication([])
    ui_thread = app.thread()
    built, in_lock, moved = threading.Event(), threading.Event(), threading.Event()
    holder = {}

    def worker():
        holder["doc"] = QTextDocument()
        built.set()
        in_lock.wait()
        time.sleep(0.1)  # the UI thread sleeps inside ~QObject, holding the mutex
        if sys.argv[1] == "gil_free":
            move_to_thread(holder["doc"], ui_thread)
        else:
            holder["doc"].moveToThread(ui_thread)
        moved.set()

    class Sender(QObject):
        ping = Signal()

        def disconnectNotify(self, signal):  # called by ~QObject under the receiver's mutex
            in_lock.set()
            time.sleep(2)  # releases the GIL: the worker takes it and starts the move

    thread = threading.Thread(target=worker)
    thread.start()
    built.wait()
    slot = shiboken6.getCppPointer(holder["doc"])[0] & 0xFFFFFFFF
    kept = []
    receiver = QObject()
    while (shiboken6.getCppPointer(receiver)[0] & 0xFFFFFFFF) % POOL != slot % POOL:
        kept.append(receiver)
        receiver = QObject()
    sender = Sender()
    sender.ping.connect(receiver.deleteLater)
    shiboken6.delete(receiver)  # ~QObject: locks the document's mutex, calls disconnectNotify
    thread.join()
    assert moved.is_set()
    print("moved")
    """
)


def run_scenario(mode: str, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", SCENARIO, mode],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def test_moving_a_document_while_the_ui_thread_destroys_an_object_does_not_deadlock() -> None:
    done = run_scenario("gil_free")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "moved"


def test_the_scenario_deadlocks_when_the_move_holds_the_gil() -> None:
    """The scenario is a real test: PySide's own moveToThread hangs in it."""
    try:
        done = run_scenario("pyside", timeout=15)
    except subprocess.TimeoutExpired:
        return
    raise AssertionError(f"PySide's moveToThread did not deadlock: {done.stdout} {done.stderr}")


def test_the_moved_document_belongs_to_the_ui_thread(qapp) -> None:
    results: list[QTextDocument] = []

    def build() -> None:
        document = QTextDocument()
        move_to_thread(document, QCoreApplication.instance().thread())
        results.append(document)

    worker = threading.Thread(target=build)
    worker.start()
    worker.join()
    (document,) = results
    pointer = shiboken6.getCppPointer
    assert pointer(document.thread())[0] == pointer(qapp.thread())[0]


def test_build_for_ui_on_the_ui_thread_keeps_the_document_there(qapp, sample_path) -> None:
    from reader.core.loaders import load_article
    from reader.ui.theme import page_colors

    built = build_for_ui(load_article(sample_path), page_colors(False))
    assert built.document.thread() is qapp.thread()
