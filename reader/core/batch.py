"""Annotate many files on every core: worker processes that each keep the model loaded.

``annotate_files`` runs ``annotate_file`` for each (input, output) pair and yields the results
in input order, whatever order they finish in. With more than one job, files go to a pool of
``multiprocessing`` workers that keep the model (forked from this process once it has loaded
it where that works, else spawned to load it on their first file; the largest files are
handed out first, so one long file does not start last and finish alone). A failure
is that file's result, never the batch's end: a file that raises is reported and the rest go
on; a worker that dies (killed, out of memory) is replaced and its files are tried again once.

One file with more than one job is analysed here, its parse split across helper processes
(``reader.core.analysis.helpers``) when it is long enough.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.analysis.helpers import SPLIT_FROM_CHARS

if TYPE_CHECKING:
    from reader.core.model import Article

WARM_UP = 'On Monday, May 5, 2025, Ada Lovelace said in Paris: "We agree."'
"""Analysed once before the workers fork, so none of them loads the date parser or the
country tables again (~0.25 s each)."""
Job = tuple[Path, Path | None]
"""An input file and where its result goes (None: standard output)."""


@dataclass(frozen=True)
class FileResult:
    """What became of one input: characters analysed, messages for stderr, failure."""

    source: Path
    chars: int = 0
    messages: tuple[str, ...] = ()
    failed: bool = False


def default_jobs() -> int:
    """The number of cores."""
    return os.cpu_count() or 1


def annotate_file(
    analyser: Any,
    source: Path,
    target: Path | None,
    fmt: str,
    before: Callable[[Article], object] | None = None,
) -> FileResult:
    """Open ``source``, analyse it (through the analysis cache) and write ``target``.

    An annotated copy is restored as saved and converted; the model is not run for it. An
    article that comes out empty is a failure with its loader's sentence; nothing is written.
    ``before(article)`` is called once an article is open, before its analysis.
    """
    from reader.core.cache import analyse_cached
    from reader.core.documents import open_document
    from reader.core.errors import ReaderError
    from reader.core.export.formats import export_format, render_bytes, same_file, save
    from reader.core.loaders import is_empty
    from reader.core.logs import report_error
    from reader.core.model import Annotations

    messages: list[str] = []
    chars = 0
    try:
        document = open_document(source)
        if isinstance(document, Annotations):
            messages.append(f"{source}: annotated copy restored; the model was not run")
            annotations = document
        elif is_empty(document):  # nothing to analyse: a failure with the loader's sentence
            raise ReaderError(" ".join(document.notices) or "No article text was found.")
        else:
            if before is not None:
                before(document)
            annotations = analyse_cached(analyser, document)
            chars = len(document.text)
        if target is None:
            data = render_bytes(annotations, fmt)
            if export_format(fmt).binary and sys.stdout.isatty():
                raise ReaderError(f"The {fmt!r} format is binary; use -o FILE.")
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        elif same_file(target, source):
            raise ReaderError(f"{target} is the input file; choose another output.")
        else:
            try:
                save(annotations, target, fmt)  # atomic; never over the original
            except ReaderError as exc:
                if isinstance(exc.__cause__, OSError):
                    raise exc.__cause__ from None
                raise
    except OSError as exc:  # the output could not be written (no such folder, read-only)
        where = target or exc.filename or "-"
        messages.append(f"cannot write {where}: {exc.strerror or exc}")
        return FileResult(source, chars, tuple(messages), failed=True)
    except Exception as exc:  # one bad file never stops the others; the log has why
        messages.append(f"{source}: {report_error(exc, f'annotate {str(source)!r}')}")
        return FileResult(source, chars, tuple(messages), failed=True)
    return FileResult(source, chars, tuple(messages))


# -- the worker processes ------------------------------------------------------------------------
_analyser: Any = None
"""A worker's analyser: its model loads on the first file and stays for the others."""


def _start_worker() -> None:
    global _analyser
    from reader.core.analysis import SpacyAnalyser
    from reader.core.logs import setup_logging

    setup_logging()
    if _analyser is None:  # spawned; a forked worker has its parent's, model loaded
        _analyser = SpacyAnalyser()


def _pool_context() -> Any:
    """Fork workers from this process with the model loaded (and warmed up on ``WARM_UP``)
    where that works (Linux): they start at once and share its memory, where spawned ones each
    import and load for seconds. A model that fails to load here is left to each worker,
    which reports it per file."""
    global _analyser
    from reader.core.analysis import SpacyAnalyser
    from reader.core.analysis.helpers import fork_available
    from reader.core.model import Article

    if not fork_available():
        return get_context("spawn")
    _analyser = SpacyAnalyser()
    with contextlib.suppress(Exception):  # the model, and what the rules load on first use
        _analyser.analyse(Article(WARM_UP))
    return get_context("fork")


def _annotate_in_worker(source: Path, target: Path | None, fmt: str) -> FileResult:
    return annotate_file(_analyser, source, target, fmt)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def annotate_files(
    jobs: Sequence[Job],
    fmt: str,
    workers: int | None = None,
    on_done: Callable[[FileResult], None] | None = None,
) -> Iterator[FileResult]:
    """Yield each job's ``FileResult`` in input order; ``on_done`` hears each as it ends.

    ``workers`` defaults to the number of cores; 1 (or one file) runs here.
    """
    workers = max(1, workers or default_jobs())
    if workers == 1 or len(jobs) == 1:
        yield from _annotate_here(jobs, fmt, workers, on_done)
        return
    yield from _annotate_in_pool(jobs, fmt, min(workers, len(jobs)), on_done)


def _annotate_here(
    jobs: Sequence[Job], fmt: str, cores: int, on_done: Callable[[FileResult], None] | None
) -> Iterator[FileResult]:
    from reader.core.analysis import SpacyAnalyser
    from reader.core.analysis.helpers import ParseHelpers, fork_available

    helpers = None
    if cores > 1:
        helpers = ParseHelpers(cores - 1, cold_from=SPLIT_FROM_CHARS, fork=True)

    def start_helpers(article: Any) -> None:
        """A long article: spawned helpers load their model while ours loads (forked ones
        start when the parse does, from our loaded model)."""
        if helpers is not None and not fork_available() and len(article.text) >= SPLIT_FROM_CHARS:
            helpers.start()

    analyser = SpacyAnalyser(helpers=helpers)
    try:
        for source, target in jobs:
            result = annotate_file(analyser, source, target, fmt, start_helpers)
            if on_done is not None:
                on_done(result)
            yield result
    finally:
        analyser.close()


def _annotate_in_pool(
    jobs: Sequence[Job], fmt: str, workers: int, on_done: Callable[[FileResult], None] | None
) -> Iterator[FileResult]:
    results: dict[int, FileResult] = {}
    tries = dict.fromkeys(range(len(jobs)), 0)
    largest_first = sorted(range(len(jobs)), key=lambda i: -_size(jobs[i][0]))
    next_out = 0
    context = _pool_context()
    while len(results) < len(jobs):
        pending = [i for i in largest_first if i not in results]
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker) as pool:
            futures: dict[Future[FileResult], int] = {}
            for i in pending:
                tries[i] += 1
                futures[pool.submit(_annotate_in_worker, *jobs[i], fmt)] = i
            for future in as_completed(futures):
                i = futures[future]
                try:
                    result = future.result()
                except BrokenProcessPool:
                    if tries[i] < 2:
                        continue  # a new pool tries it again
                    died = f"{jobs[i][0]}: the worker process died"
                    result = FileResult(jobs[i][0], messages=(died,), failed=True)
                results[i] = result
                if on_done is not None:
                    on_done(result)
                while next_out in results:
                    yield results[next_out]
                    next_out += 1
    while next_out < len(jobs):
        yield results[next_out]
        next_out += 1
