"""TaskManager: work runs on a worker, callbacks come back on the UI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication

from reader.ui.tasks import TaskManager


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown(wait=True)


def test_success_and_progress_arrive_on_the_ui_thread(qtbot, tasks: TaskManager) -> None:
    seen: dict[str, object] = {"progress": []}

    def work(progress):
        seen["worker"] = threading.current_thread().name
        progress(0.5)
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback"] = threading.current_thread() is threading.main_thread()

    with qtbot.waitSignal(tasks.busy_changed, check_params_cb=lambda busy: not busy):
        tasks.run(work, done, on_progress=seen["progress"].append)
    assert seen["value"] == 42
    assert seen["callback"] is True
    assert str(seen["worker"]).startswith("reader-analysis")
    assert seen["progress"] == [0.5]
    assert tasks.pending == 0


def test_failure_is_delivered_not_raised(qtbot, tasks: TaskManager) -> None:
    errors: list[BaseException] = []

    def work(_progress):
        raise ValueError("broken")

    with qtbot.waitSignal(tasks.busy_changed, check_params_cb=lambda busy: not busy):
        tasks.run(work, lambda _v: None, errors.append)
    assert len(errors) == 1 and str(errors[0]) == "broken"


def test_analysis_runs_in_order_on_one_worker(qtbot, tasks: TaskManager) -> None:
    order: list[int] = []
    names: set[str] = set()

    def job(n: int):
        def work(_progress):
            names.add(threading.current_thread().name)
            return n

        return work

    with qtbot.waitSignal(tasks.busy_changed, check_params_cb=lambda busy: not busy):
        for n in range(5):
            tasks.run(job(n), order.append)
    assert order == [0, 1, 2, 3, 4]
    assert len(names) == 1


def test_after_shutdown_nothing_runs(qtbot, tasks: TaskManager) -> None:
    tasks.shutdown(wait=True)
    assert tasks.run(lambda _p: 1, lambda _v: None) is None


def test_shutdown_drops_queued_work_but_finish_work_runs_in_order_unseen(
    qtbot, tasks: TaskManager
) -> None:
    ran: list[str] = []
    delivered: list[str] = []
    busy, release = threading.Event(), threading.Event()

    def blocker(_p) -> None:
        busy.set()
        release.wait(5)
        ran.append("running")

    tasks.run(blocker, delivered.append)
    assert busy.wait(5)
    tasks.run(lambda _p: ran.append("dropped"), delivered.append)
    tasks.run(lambda _p: ran.append("write"), delivered.append, finish=True)
    tasks.run(lambda _p: ran.append("close"), delivered.append, finish=True)
    tasks.shutdown()
    release.set()
    tasks.shutdown(wait=True)
    QApplication.processEvents()
    assert ran == ["running", "write", "close"]
    assert delivered == []


class _Owner:
    """A tab as ``run_for`` sees it."""

    def __init__(self) -> None:
        self.closed = False


def test_run_for_delivers_while_the_owner_is_open(qtbot, tasks: TaskManager) -> None:
    owner, got, posted = _Owner(), [], []

    def work(context) -> int:
        context.post(lambda: posted.append("partial"))
        return 7

    tasks.run_for(owner, work, got.append)
    qtbot.waitUntil(lambda: got == [7])
    assert posted == ["partial"]


def test_run_for_stops_and_drops_everything_once_the_owner_closes(
    qtbot, tasks: TaskManager
) -> None:
    owner, got, failed, posted, stopped = _Owner(), [], [], [], []
    started, release = threading.Event(), threading.Event()

    def work(context) -> int:
        started.set()
        release.wait(5)
        stopped.append(context.should_stop())
        context.post(lambda: posted.append("partial"))
        raise RuntimeError("cancelled")

    tasks.run_for(owner, work, got.append, failed.append)
    assert started.wait(5)
    owner.closed = True  # the tab closes while its work runs
    release.set()
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert stopped == [True]
    assert got == failed == posted == []


def test_call_on_ui_runs_now_on_the_ui_thread_and_queues_from_a_worker(
    qtbot, tasks: TaskManager
) -> None:
    calls: list[str] = []
    tasks.call_on_ui(lambda: calls.append(threading.current_thread().name))
    assert calls == [threading.main_thread().name]
    worker = threading.Thread(
        target=lambda: tasks.call_on_ui(lambda: calls.append(threading.current_thread().name))
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(calls) == 2)
    assert calls[1] == threading.main_thread().name
