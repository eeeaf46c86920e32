"""Background work: run a callable off the UI thread, get the outcome back on the UI thread.

Anki's ``taskman`` and napari's single-worker slicer in one small object. The spaCy pipeline is
not thread-safe and loads slowly, so analysis runs on ONE worker thread, in order; file loading
uses a second single worker so opening a file never waits behind a long analysis. Widgets never
create threads: they call ``TaskManager.run`` and receive ``on_success`` / ``on_failure`` /
``on_progress`` on the UI thread, delivered through a queued Qt signal. Work for a tab goes
through ``run_for``, which stops it and drops its results once the tab is closed; ``call_on_ui``
is the one way back to the UI thread for code that is not a task (an uncaught error's dialog).
``shutdown`` drops queued work, except work submitted with ``finish=True`` (a library write, the
close of the writer's connection after it), which still runs, unseen, in order on its worker.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
Progress = Callable[[float], None]
Pool = Literal["analysis", "io", "print"]
PROGRESS_STEP = 0.01
"""Progress reports closer than this to the last one are dropped (no signal flood)."""


_thread_state = threading.local()


def _give_thread_an_event_dispatcher() -> None:
    """Give this worker thread a Qt event dispatcher for its life (a QEventLoop creates one;
    the loop never runs). Qt objects laid out here may then start their timers."""
    _thread_state.loop = QEventLoop()


class TaskOwner(Protocol):
    """What ``run_for`` works on behalf of (an ArticleTab): results stop once it is closed."""

    @property
    def closed(self) -> bool: ...


@dataclass(frozen=True)
class TaskContext:
    """What work started by ``run_for`` receives on its worker."""

    progress: Progress
    should_stop: Callable[[], bool]
    post: Callable[[Callable[[], None]], None]
    """Queue a call for the UI thread (a provisional result), dropped once the owner closed."""


class TaskManager(QObject):
    """Owns the worker threads and hands results back to the UI thread.

    Signals:
        busy_changed(bool): True when the first task starts, False when the last one ends.
    """

    busy_changed = Signal(bool)
    _deliver = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools = {
            "analysis": ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-analysis"),
            "io": ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-io"),
            # Printing lays a document out with Qt timers, which need an event dispatcher in
            # the thread. Only this worker gets one: on the I/O worker, which hands documents
            # to the UI thread, a dispatcher let their timers deadlock the hand-over.
            "print": ThreadPoolExecutor(
                max_workers=1,
                thread_name_prefix="reader-print",
                initializer=_give_thread_an_event_dispatcher,
            ),
        }
        self._pending = 0
        self._closed = False
        self._droppable: set[Future[Any]] = set()
        """Queued or running work that ``shutdown`` cancels (all but ``finish=True`` work)."""
        self._lock = threading.Lock()
        self._deliver.connect(self._invoke, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Tasks submitted whose callbacks have not run yet."""
        return self._pending

    @property
    def closed(self) -> bool:
        """``shutdown`` was called (long work may poll this to stop early)."""
        return self._closed

    def run(
        self,
        fn: Callable[[Progress], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[float], None] | None = None,
        pool: Pool = "analysis",
        finish: bool = False,
    ) -> Future[Any] | None:
        """Call ``fn(progress)`` on a worker; exactly one of the callbacks follows on the UI thread.

        ``finish``: the work runs even when ``shutdown`` comes first (its callbacks then do
        not), so a write queued before the window closes lands. Returns the Future, or None
        when the manager is already shut down.
        """
        if self._closed:
            return None
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        future = self._pools[pool].submit(
            self._work, fn, on_success, on_failure, on_progress, finish
        )
        if not finish:
            with self._lock:
                self._droppable.add(future)
            future.add_done_callback(self._forget)
        return future

    def _forget(self, future: Future[Any]) -> None:
        with self._lock:
            self._droppable.discard(future)

    def _work(
        self,
        fn: Callable[[Progress], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None,
        on_progress: Callable[[float], None] | None,
        finish: bool = False,
    ) -> None:
        last = [-1.0]

        def progress(fraction: float) -> None:
            if on_progress is None:
                return
            if fraction < 1.0 and abs(fraction - last[0]) < PROGRESS_STEP:
                return
            last[0] = fraction
            self._post(lambda: on_progress(fraction), finishes=False)

        try:
            result = fn(progress)
        except BaseException as exc:  # every failure goes back to the UI, none is lost
            error = exc
            if on_failure is None or (finish and self._closed):  # no one else hears of it
                log.error("Background task failed", exc_info=error)
                self._post(lambda: None)
            else:
                self._post(lambda: on_failure(error))
            return
        self._post(lambda: on_success(result))

    def _post(self, callback: Callable[[], None], finishes: bool = True) -> None:
        """Queue ``callback`` for the UI thread (safe from any thread)."""
        with self._lock:
            if self._closed:
                return
            with contextlib.suppress(RuntimeError):  # the C++ object is gone: app closing
                self._deliver.emit((callback, finishes))

    @Slot(object)
    def _invoke(self, item: tuple[Callable[[], None], bool]) -> None:
        callback, finishes = item
        if self._closed:
            return
        try:
            callback()
        finally:
            if finishes:
                self._pending -= 1
                if self._pending == 0:
                    self.busy_changed.emit(False)

    def run_for(
        self,
        owner: TaskOwner,
        fn: Callable[[TaskContext], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[float], None] | None = None,
        pool: Pool = "analysis",
    ) -> Future[Any] | None:
        """``run`` on behalf of ``owner`` (a tab): its results are dropped once it is closed.

        ``fn`` gets a ``TaskContext``: progress, ``should_stop`` (the owner closed or the
        manager shut down: stop between steps) and ``post`` for results on the way (dropped
        too once the owner is closed). A failure after the owner closed is no failure.
        """

        def live(callback: Callable[..., None]) -> Callable[..., None]:
            return lambda *args: None if owner.closed else callback(*args)

        def should_stop() -> bool:
            return owner.closed or self._closed

        def post(callback: Callable[[], None]) -> None:
            self.run_on_ui(live(callback))

        return self.run(
            lambda progress: fn(TaskContext(progress, should_stop, post)),
            live(on_success),
            live(on_failure) if on_failure is not None else None,
            live(on_progress) if on_progress is not None else None,
            pool,
        )

    def run_on_ui(self, callback: Callable[[], None]) -> None:
        """Queue a plain call for the UI thread (for code already on a worker)."""
        self._post(callback, finishes=False)

    def call_on_ui(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` on the UI thread: now if already there, else queued."""
        if threading.current_thread() is threading.main_thread():
            callback()
        else:
            self.run_on_ui(callback)

    def shutdown(self, wait: bool = False) -> None:
        """Drop queued work and stop delivering results; a running task, and queued work
        submitted with ``finish=True``, finish unseen (``wait``: before this returns)."""
        with self._lock:
            self._closed = True
            dropped, self._droppable = self._droppable, set()
        for future in dropped:
            future.cancel()  # False for the one running: it finishes
        for executor in self._pools.values():
            executor.shutdown(wait=wait)
