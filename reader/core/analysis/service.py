"""The analysis process's side: load the model once, then answer requests over a pipe.

Why a process: spaCy's compiled parts (the matchers, ``Doc.from_docs``, parts of the parser)
hold the GIL for tens to hundreds of milliseconds at a time, so an analysis on a thread of the
app stalls the window however the work is sliced. In its own process it cannot; the app's
analysis worker thread just waits on the pipe (``reader.core.analysis.process``).

The app starts ``python -m reader.core.analysis.service --socket FD`` with one end of a socket
pair (a plain child process, not ``multiprocessing``'s spawn, which would re-run the app's main
script in the child). Requests and replies are tuples pickled by
``multiprocessing.connection.Connection``:

- ``("info",)`` -> ``("info", PipelineInfo)``
- ``("analyse", article, first_range, partials, cache_folder)`` -> any number of
  ``("progress", fraction)`` and, when ``partials``, provisional Annotations; then exactly
  one of the final Annotations, ``("cancelled",)`` or ``("error", exception)``. A
  ``("cancel",)`` sent meanwhile is read between chunks.
- Annotations travel as ``("piece", field, items)`` messages of at most ``PIECE_ITEMS``
  mentions, quotes or dates (an entity with more mentions goes alone, its mentions after it
  in ``("piece", "mentions", mentions)`` messages), then ``("partial" | "done",
  PipelineInfo)``: unpickling 5 MB of results in one message held the app's GIL ~0.2 s (a
  stall of the window), and the article, which the app has, is not sent back.
- With a ``cache_folder`` the process writes the result to the analysis cache after sending
  it: writing the entry of a 1 MB article is ~100 ms of Python, which on an app thread
  stalled the window at the end of the analysis. (Reading stays in the app: a hit is read
  there faster than the process could send it, measured.)
- ``("quit",)``, or the pipe closing (the app exited or was killed): the process ends.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import pickle
import socket
import sys
import traceback
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from reader.core.analysis.contracts import ClosableAnalyser, run_analysis
from reader.core.errors import ReaderError
from reader.core.model import Annotations, Article, PipelineInfo

DEFAULT_FACTORY = "reader.core.analysis:app_analyser"
"""What the process analyses with: ``module:callable`` returning an analyser (tests pass fakes)."""
PIECE_ITEMS = 2_000
"""Mentions, quotes or dates per message: each unpickles in a few milliseconds."""
FIELDS = ("entities", "quotes", "dates")
MENTIONS = "mentions"
"""The piece that carries more mentions of the entity sent last: one entity of a book has
170,000 mentions, and unpickling them in one message held the app's GIL 0.4-0.7 s."""
PROGRESS_STEP = 0.005
"""Progress closer than this to the last one sent is not sent (no flood of tiny messages)."""


class Cancelled(Exception):
    """The app sent ``("cancel",)`` while this request ran."""


def make_analyser(factory: str) -> Any:
    """Import ``module:callable`` and call it."""
    module_name, _, name = factory.partition(":")
    return getattr(importlib.import_module(module_name), name)()


def portable_error(error: BaseException) -> ReaderError:
    """What crosses the pipe for ``error``: a ReaderError as it is (its sentence is for
    people), anything else as a ReaderError whose detail holds the traceback for the log."""
    if isinstance(error, ReaderError):
        try:
            pickle.loads(pickle.dumps(error))
            return error
        except Exception:  # a subclass that cannot cross the pipe: described below
            pass
    trace = "".join(traceback.format_exception(error)).strip()
    return ReaderError("The analysis failed because of an internal error.", detail=trace)


def send_annotations(conn: Connection, kind: str, annotations: Annotations) -> None:
    """Send ``annotations`` in pieces, then ``(kind, pipeline)`` (``Pieces`` puts them together)."""
    batch: list[Any] = []
    size = 0
    for entity in annotations.entities:
        mentions = entity.mentions
        if len(mentions) > PIECE_ITEMS:  # a book's main character: its mentions follow it
            if batch:
                conn.send(("piece", "entities", batch))
                batch, size = [], 0
            conn.send(("piece", "entities", [replace(entity, mentions=[])]))
            for start in range(0, len(mentions), PIECE_ITEMS):
                conn.send(("piece", MENTIONS, mentions[start : start + PIECE_ITEMS]))
            continue
        batch.append(entity)
        size += len(mentions) + 1
        if size >= PIECE_ITEMS:
            conn.send(("piece", "entities", batch))
            batch, size = [], 0
    if batch:
        conn.send(("piece", "entities", batch))
    for field in ("quotes", "dates"):
        items = getattr(annotations, field)
        for start in range(0, len(items), PIECE_ITEMS):
            conn.send(("piece", field, items[start : start + PIECE_ITEMS]))
    conn.send((kind, annotations.pipeline))


class Pieces:
    """Collects ``("piece", field, items)`` messages into the next Annotations."""

    def __init__(self) -> None:
        self._items: dict[str, list[Any]] = {field: [] for field in FIELDS}

    def add(self, field: str, items: list[Any]) -> None:
        if field == MENTIONS and self._items["entities"]:
            self._items["entities"][-1].mentions.extend(items)
            return
        if field not in self._items:
            raise ReaderError(f"Unexpected piece {field!r} from the analysis process.")
        self._items[field].extend(items)

    def assemble(self, article: Article, pipeline: PipelineInfo) -> Annotations:
        """The Annotations of ``article`` from the pieces so far (and start afresh)."""
        items, self._items = self._items, {field: [] for field in FIELDS}
        return Annotations(article, pipeline, items["entities"], items["quotes"], items["dates"])


class _Job:
    """One ``analyse`` request: progress, partial results and cancellation over ``conn``."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.last_progress = -1.0

    def progress(self, fraction: float) -> None:
        if fraction < 1.0 and fraction - self.last_progress < PROGRESS_STEP:
            return
        self.last_progress = fraction
        self.conn.send(("progress", fraction))

    def partial(self, annotations: Annotations) -> None:
        send_annotations(self.conn, "partial", annotations)

    def should_stop(self) -> bool:
        """True once the app asked to cancel (read without blocking between chunks)."""
        while self.conn.poll():
            if self.conn.recv()[0] == "cancel":
                return True
        return False


def _cache_in(folder: str | None) -> tuple[Any, PipelineInfo] | None:
    """The analysis cache in ``folder`` and the installed model, or None (nothing to store)."""
    if folder is None:
        return None
    from reader.core.cache import AnalysisCache, installed_pipeline

    pipeline = installed_pipeline()
    return None if pipeline is None else (AnalysisCache(Path(folder)), pipeline)


def _analyse(analyser: Any, conn: Connection, request: tuple[Any, ...]) -> None:
    """Run one ``analyse`` request; its replies are sent here (see the module docstring)."""
    _, article, first_range, partials, cache_folder = request
    job = _Job(conn)
    cached = _cache_in(cache_folder)
    on_partial = job.partial if partials else None
    result = run_analysis(
        analyser,
        article,
        job.progress,
        first_range=first_range,
        on_partial=on_partial,
        should_stop=job.should_stop,
    )
    if job.should_stop():  # cancelled after the last chunk: the app no longer waits for it
        raise Cancelled
    send_annotations(conn, "done", result)
    if cached is not None and result.pipeline == cached[1]:
        # After the app has its result, so the write costs it nothing; nothing more may be
        # sent for this request, so a failure to write is only a missed cache entry.
        with contextlib.suppress(Exception):
            cached[0].put(result)


def serve(conn: Connection, factory: str = DEFAULT_FACTORY) -> None:
    """Answer requests on ``conn`` until told to quit or the app goes away."""
    analyser = make_analyser(factory)
    try:
        _serve(conn, analyser)
    finally:
        if isinstance(analyser, ClosableAnalyser):  # its helper processes
            analyser.close()


def _serve(conn: Connection, analyser: Any) -> None:
    from reader.core.analysis.incremental import AnalysisCancelled

    with contextlib.suppress(Exception):  # load the model now; a failure is reported per request
        analyser.pipeline_info()
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        kind = request[0]
        if kind == "quit":
            return
        if kind == "cancel":  # arrived after its job ended
            continue
        reply: tuple[object, ...] | None = None
        try:
            if kind == "info":
                reply = ("info", analyser.pipeline_info())
            elif kind == "analyse":
                _analyse(analyser, conn, request)
            else:
                reply = ("error", ReaderError(f"Unknown request {kind!r} to the analysis process."))
        except (Cancelled, AnalysisCancelled):
            reply = ("cancelled",)
        except Exception as error:  # every failure goes back to the app, which logs it
            reply = ("error", portable_error(error))
        try:
            if reply is not None:
                conn.send(reply)
        except (BrokenPipeError, EOFError, OSError):
            return


def connect(argv: list[str] | None = None) -> tuple[Connection, str]:
    """The connection to the app and the analyser factory, from the command line."""
    parser = argparse.ArgumentParser(description="Entity Reader's analysis process")
    parser.add_argument("--socket", type=int, help="inherited socket descriptor (POSIX)")
    parser.add_argument("--factory", default=DEFAULT_FACTORY)
    args = parser.parse_args(argv)
    if args.socket is not None:
        sock = socket.socket(fileno=args.socket)
    else:  # Windows: the app sends socket.share() bytes on stdin
        size = int.from_bytes(sys.stdin.buffer.read(4), "big")
        # Windows-only: typeshed declares fromshare under sys.platform == "win32"
        sock = socket.fromshare(sys.stdin.buffer.read(size))  # type: ignore[attr-defined,unused-ignore]
    return Connection(sock.detach()), args.factory


def main(argv: list[str] | None = None) -> int:
    """Serve the app that started this process."""
    conn, factory = connect(argv)
    with contextlib.closing(conn):
        serve(conn, factory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
