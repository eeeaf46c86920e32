"""Throttle: a burst of calls becomes one call with the last arguments."""

from __future__ import annotations

from reader.ui.throttle import Throttle


def test_burst_becomes_one_call_with_last_arguments(qtbot) -> None:
    calls: list[str] = []
    throttle = Throttle(calls.append, 30)
    for text in ("u", "uk", "ukr"):
        throttle(text)
    assert calls == [] and throttle.pending
    qtbot.waitUntil(lambda: calls == ["ukr"])
    assert not throttle.pending


def test_zero_delay_calls_through_and_flush_fires_now(qtbot) -> None:
    calls: list[int] = []
    throttle = Throttle(calls.append, 0)
    throttle(1)
    assert calls == [1]
    throttle.delay_ms = 10_000
    throttle(2)
    throttle.flush()
    assert calls == [1, 2] and not throttle.pending
