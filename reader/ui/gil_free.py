"""``QObject::moveToThread`` called with the GIL released, for objects built on a worker.

PySide calls ``moveToThread`` holding the GIL, and Qt's ``moveToThread`` waits for the
object's signal-slot mutex, one of a small pool shared by address. The UI thread, destroying
a widget, holds such a mutex while PySide looks for a Python ``disconnectNotify`` override,
which needs the GIL: when the two mutexes are the same, each thread waits for the other for
ever (seen in tests/ui, gdb: the worker in ``QBasicMutex::lockInternal`` under
``moveToThread``, the UI thread in ``take_gil`` under ``~QObject``). A foreign call through
ctypes releases the GIL, so the worker waits for the mutex without holding it.

Only a plain C call is made: Qt's exported C++ symbol, with ``this`` as the first argument
(the Itanium C++ ABI of Linux and macOS). Where the symbol is not found (another ABI, a Qt
without it), the PySide method is used as before.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QObject, QThread

log = logging.getLogger(__name__)

MOVE_SYMBOLS = (
    "_ZN7QObject12moveToThreadEP7QThreadN2Qt15Disambiguated_tE",  # Qt >= 6.7: bool (..., tag)
    "_ZN7QObject12moveToThreadEP7QThread",  # older Qt 6: void (QThread*)
)
"""``QObject::moveToThread`` as Qt exports it, newest signature first."""


def move_to_thread(obj: QObject, thread: QThread) -> None:
    """Push ``obj`` (living in the calling thread) to ``thread`` without holding the GIL."""
    move = _foreign_move()
    if move is None:
        obj.moveToThread(thread)
        return
    this = shiboken6.getCppPointer(obj)[0]
    target = shiboken6.getCppPointer(thread)[0]
    move(this, target)
    if shiboken6.getCppPointer(obj.thread())[0] != target:  # Qt refused (and printed why)
        raise RuntimeError(f"could not move {type(obj).__name__} to {thread.objectName()!r}")


@cache
def _foreign_move() -> Callable[[int, int], object] | None:
    """Qt's ``moveToThread`` as a ctypes function (which releases the GIL), or None."""
    library = _qt_core()
    if library is None:
        return None
    for index, name in enumerate(MOVE_SYMBOLS):
        function = getattr(library, name, None)
        if function is None:
            continue
        if index == 0:
            function.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int]
            function.restype = ctypes.c_bool
            return lambda this, target: function(this, target, 0)
        function.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        function.restype = None
        return lambda this, target: function(this, target)
    log.info("QObject::moveToThread is not exported under a known name: moving with the GIL")
    return None


def _qt_core() -> ctypes.CDLL | None:
    """The QtCore library PySide loaded (the same file, so dlopen returns the loaded copy)."""
    if sys.platform == "win32":  # MSVC's ABI and names differ
        return None
    package = Path(QtCore.__file__).parent
    names = ["Qt/lib/libQt6Core.so.6", "Qt/lib/QtCore.framework/QtCore"]
    for candidate in (package / name for name in names):
        if candidate.exists():
            try:
                return ctypes.CDLL(str(candidate))
            except OSError:
                return None
    try:  # a system Qt: already loaded under its soname
        return ctypes.CDLL("libQt6Core.so.6")
    except OSError:
        return None
