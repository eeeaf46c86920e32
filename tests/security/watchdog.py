"""A per-call time limit for tests that must prove something never hangs (no timing asserts)."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator


@contextlib.contextmanager
def watchdog(seconds: int, what: str = "the call") -> Iterator[None]:
    """Raise TimeoutError if the block runs past ``seconds`` (main thread, POSIX)."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"{what} ran longer than {seconds} s: treated as a hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
