"""Merge bursts of calls into one (qutebrowser's Throttle): typing in a filter or find field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

DEFAULT_DELAY_MS = 120


class Throttle(QObject):
    """Calls ``func`` with the latest arguments once calls pause for ``delay_ms``.

    A delay of 0 calls through at once (tests switch throttling off that way).

    Args:
        func: the function to call.
        delay_ms: quiet time before the call.
    """

    def __init__(
        self,
        func: Callable[..., Any],
        delay_ms: int = DEFAULT_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._func = func
        self.delay_ms = delay_ms
        self._args: tuple[Any, ...] = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)

    def __call__(self, *args: Any) -> None:
        self._args = args
        if self.delay_ms <= 0:
            self._fire()
            return
        self._timer.start(self.delay_ms)

    @property
    def pending(self) -> bool:
        """A call is waiting."""
        return self._timer.isActive()

    def flush(self) -> None:
        """Make the waiting call now."""
        if self._timer.isActive():
            self._timer.stop()
            self._fire()

    def _fire(self) -> None:
        self._func(*self._args)
