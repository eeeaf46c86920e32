"""The analyser the app uses: the spaCy analysis runs in a separate process.

``ProcessAnalyser`` has the ``SpacyAnalyser`` methods the app calls (``analyse``,
``analyse_incremental``, ``pipeline_info``), so the app's analysis worker thread calls it as
before; it only waits on a pipe while the process works (``reader.core.analysis.service``
explains why a process). Progress, provisional results and the final result come back on
the calling thread; ``should_stop`` is forwarded as a cancel request.

The process starts on first use (or ``start``), loads the model once and serves one request
at a time. If it dies (killed, out of memory), the request in flight fails with a
``ReaderError`` and the next one starts a new process. After a book-length article the
process is replaced, so the memory it took goes back to the system.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import reader
from reader.core.analysis import Progress
from reader.core.analysis.contracts import OnPartial, ShouldStop
from reader.core.analysis.incremental import AnalysisCancelled
from reader.core.analysis.service import DEFAULT_FACTORY, Pieces
from reader.core.errors import ReaderError
from reader.core.model import Annotations, Article, PipelineInfo

POLL_S = 0.05
"""How often ``should_stop`` is asked while the process is silent."""
RECYCLE_CHARS = 1_000_000
"""After an article this long the process is replaced (its freed memory stays mapped)."""
QUIT_WAIT_S = 2.0
PACKAGE_ROOT = Path(reader.__file__).resolve().parent.parent
"""Where ``reader`` is imported from here, so the child imports the same code."""


class ProcessAnalyser:
    """``SpacyAnalyser`` in a child process. Thread-safe: requests run one at a time.

    Args:
        factory: ``module:callable`` the process builds its analyser with (tests pass fakes).
    """

    def __init__(self, factory: str = DEFAULT_FACTORY) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._conn: Connection | None = None
        self._info: PipelineInfo | None = None
        self._retired: list[subprocess.Popen[bytes]] = []
        """Processes told to quit and not yet reaped."""

    @property
    def pid(self) -> int | None:
        """The analysis process's id, None when none runs."""
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def start(self) -> None:
        """Start the process now, so the model is loading before the first request."""
        with self._lock:
            self._ensure()

    def pipeline_info(self) -> PipelineInfo:
        """Model name and version (asks the process once; loads the model)."""
        with self._lock:
            if self._info is None:
                self._info = self._call(("info",), None, None, None, None)
            return self._info

    def analyse(self, article: Article, progress: Progress | None = None) -> Annotations:
        """``SpacyAnalyser.analyse``, in the process."""
        return self._analyse(("analyse", article, None, False, None), article, progress)

    def analyse_incremental(
        self,
        article: Article,
        first_range: tuple[int, int] | None,
        on_partial: OnPartial | None,
        progress: Progress | None = None,
        should_stop: ShouldStop | None = None,
    ) -> Annotations:
        """``SpacyAnalyser.analyse_incremental``, in the process (see ``analysis.incremental``)."""
        request = ("analyse", article, first_range, on_partial is not None, None)
        return self._analyse(request, article, progress, on_partial, should_stop)

    def analyse_and_store(
        self,
        article: Article,
        first_range: tuple[int, int] | None,
        on_partial: OnPartial | None,
        progress: Progress | None,
        should_stop: ShouldStop | None,
        cache_folder: Path,
    ) -> Annotations:
        """``analyse_incremental``, and the process then stores the result in the analysis
        cache in ``cache_folder``, after replying and off this process's GIL
        (``reader.core.cache.analyse_cached`` calls this on a cache miss)."""
        request = ("analyse", article, first_range, on_partial is not None, str(cache_folder))
        return self._analyse(request, article, progress, on_partial, should_stop)

    def close(self) -> None:
        """End the process (the app is closing); a later request starts a new one.

        Never waits for a request in flight (a book can take minutes): its process is killed
        and the request fails, which nobody waits for any more.
        """
        if not self._lock.acquire(blocking=False):
            process = self._process
            if process is not None:
                process.kill()
            return
        try:
            self._stop_process()
            for process in self._retired:
                _wait_or_kill(process)
            self._retired.clear()
        finally:
            self._lock.release()

    # -- internals ---------------------------------------------------------------------------
    def _analyse(
        self,
        request: tuple[object, ...],
        article: Article,
        progress: Progress | None,
        on_partial: OnPartial | None = None,
        should_stop: ShouldStop | None = None,
    ) -> Annotations:
        with self._lock:
            # an "analyse" request's reply is always its Annotations (``_call``'s "done")
            result: Annotations = self._call(request, article, progress, on_partial, should_stop)
            if len(article.text) >= RECYCLE_CHARS:
                self._stop_process(wait=False)
            return result

    def _ensure(self) -> Connection:
        if self._conn is not None and self._process is not None and self._process.poll() is None:
            return self._conn
        self._stop_process()
        self._retired = [p for p in self._retired if p.poll() is None]
        self._process, self._conn = start_service(self._factory)
        return self._conn

    def _call(
        self,
        request: tuple[object, ...],
        article: Article | None,
        progress: Progress | None,
        on_partial: OnPartial | None,
        should_stop: ShouldStop | None,
    ) -> Any:
        """Send ``request``; relay progress and partials until its one final reply.

        Results are put together from their pieces around ``article`` (the caller's own
        object: the process does not send the article back).
        """
        conn = self._ensure()
        pieces = Pieces()
        try:
            conn.send(request)
        except (BrokenPipeError, OSError) as error:
            raise self._died() from error
        cancelling = False
        while True:
            if not cancelling and should_stop is not None and should_stop():
                conn.send(("cancel",))
                cancelling = True
            try:
                if not conn.poll(POLL_S):
                    continue
                kind, *payload = conn.recv()
            except (EOFError, OSError) as error:
                raise self._died() from error
            if kind == "progress":
                if progress is not None:
                    progress(payload[0])
            elif kind == "piece":
                pieces.add(*payload)
            elif kind == "partial" and article is not None:
                partial = pieces.assemble(article, payload[0])
                if on_partial is not None and not cancelling:
                    on_partial(partial)
            elif kind == "done" and article is not None:
                return pieces.assemble(article, payload[0])
            elif kind == "info":
                return payload[0]
            elif kind == "cancelled":
                raise AnalysisCancelled(getattr(request[1], "source", None) or "the article")
            elif kind == "error":
                raise payload[0]
            else:
                raise ReaderError(f"Unexpected reply {kind!r} from the analysis process.")

    def _died(self) -> ReaderError:
        process = self._process
        code = None
        if process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                code = process.wait(QUIT_WAIT_S)
        self._stop_process()
        return ReaderError(
            "The analysis stopped unexpectedly; try again.",
            detail=f"the analysis process ended with exit code {code}",
        )

    def _stop_process(self, wait: bool = True) -> None:
        """Ask the process to quit; ``wait`` for it (else it is reaped from ``_retired`` by the
        next start or ``close``)."""
        conn, process = self._conn, self._process
        self._conn = self._process = None
        if conn is not None:
            with contextlib.suppress(OSError, ValueError):
                conn.send(("quit",))
            conn.close()
        if process is None:
            return
        if wait:
            _wait_or_kill(process)
        else:
            self._retired.append(process)


def _wait_or_kill(process: subprocess.Popen[bytes]) -> None:
    try:
        process.wait(QUIT_WAIT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(QUIT_WAIT_S)


def start_service(factory: str) -> tuple[subprocess.Popen[bytes], Connection]:
    """Start ``reader.core.analysis.service`` connected to us by a socket pair.

    A plain ``python -m`` child: ``multiprocessing``'s spawn would re-run the app's main
    script in it, and a fork would copy the app's Qt state and threads.
    """
    ours, theirs = socket.socketpair()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(PACKAGE_ROOT), env.get("PYTHONPATH", "")) if p
    )
    command = [sys.executable, "-m", "reader.core.analysis.service", "--factory", factory]
    with theirs:
        if sys.platform != "win32":  # sys.platform, not os.name: type checkers follow it
            command += ["--socket", str(theirs.fileno())]
            process = subprocess.Popen(command, env=env, pass_fds=(theirs.fileno(),))
        else:  # Windows has no inherited descriptors: hand the socket over on stdin
            process = subprocess.Popen(command, env=env, stdin=subprocess.PIPE)
            shared = theirs.share(process.pid)
            assert process.stdin is not None
            process.stdin.write(len(shared).to_bytes(4, "big") + shared)
            process.stdin.close()
    return process, Connection(ours.detach())
