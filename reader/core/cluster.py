"""The same batch on Dask (``entity-reader[cluster]``): archives beyond one machine.

``annotate_on_dask`` hands each (input, output) pair to a ``dask.distributed`` cluster, runs
``batch.annotate_file`` there and yields the results in input order, as
``batch.annotate_files`` does. ``"local"`` starts a ``LocalCluster`` of one single-threaded
worker process per job on this machine; any other address (``tcp://HOST:PORT``) is a running
scheduler. Each worker process loads the model once, on its first file, and keeps it.
Inputs and outputs are paths: on a real cluster they must be on storage every worker sees at
the same path (the archive's share). A worker that dies has its files run again elsewhere
(Dask's own retries); a file that fails is that file's result, as on one machine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from reader.core.batch import FileResult, Job, annotate_file, default_jobs

LOCAL = "local"
INSTALL_HINT = "pip install 'entity-reader[cluster]'"

_analyser: Any = None
"""A Dask worker process's analyser (its model loads on its first file, then stays)."""


def _annotate_on_worker(source: Path, target: Path | None, fmt: str) -> FileResult:
    global _analyser
    if _analyser is None:
        from reader.core.analysis import SpacyAnalyser
        from reader.core.logs import setup_logging

        setup_logging()
        _analyser = SpacyAnalyser()
    return annotate_file(_analyser, source, target, fmt)


def connect(address: str, workers: int | None = None) -> tuple[Any, Any]:
    """A ``distributed.Client`` for ``address`` and the LocalCluster it started (or None).

    Raises ImportError with the install hint when Dask is not installed.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ImportError(f"--dask needs Dask: {INSTALL_HINT}") from exc
    if address != LOCAL:
        return Client(address), None
    cluster = LocalCluster(
        n_workers=workers or default_jobs(),
        threads_per_worker=1,  # spaCy's parse holds the GIL: one file per process at a time
        processes=True,
        dashboard_address=None,
    )
    return Client(cluster), cluster


def annotate_on_dask(
    jobs: Sequence[Job],
    fmt: str,
    address: str,
    workers: int | None = None,
    on_done: Callable[[FileResult], None] | None = None,
) -> Iterator[FileResult]:
    """Yield each job's ``FileResult`` in input order; ``on_done`` hears each as it ends."""
    from distributed import as_completed

    client, cluster = connect(address, workers)
    try:
        futures = [
            client.submit(_annotate_on_worker, source, target, fmt, pure=False)
            for source, target in jobs
        ]
        index = {future.key: i for i, future in enumerate(futures)}
        results: dict[int, FileResult] = {}
        next_out = 0
        for future in as_completed(futures):
            i = index[future.key]
            try:
                result = future.result()
            except Exception as exc:  # the task itself was lost (a worker died too often)
                source = jobs[i][0]
                result = FileResult(source, messages=(f"{source}: {exc}",), failed=True)
            results[i] = result
            if on_done is not None:
                on_done(result)
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
