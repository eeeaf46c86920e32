"""Both cores for one long article: helper processes parse the end while we parse the start.

A spaCy parse runs on one core. Above ``SPLIT_FROM_CHARS`` the chunks of an article (the grid
of ``runner.chunk_spans``, which ends at paragraph ends) are put into groups of
``GROUP_CHUNKS``; the helpers take groups from the end, the calling process parses from the
start, and each group the caller reaches that no helper has begun it takes back (the
executor's pending futures cancel). So neither side waits for the other, whatever their
speeds, and a helper still loading its model simply gets fewer groups.

A helper returns each chunk as the ``runner.Packed`` array with the strings its hashes name;
the caller joins all the chunks with ``runner.join_docs`` in text order. Every chunk is parsed
alone in both cases, so the joined Doc, and the analysis, are the ones one process gives
(tests/core/analysis/test_helpers.py compares them).

Helpers are ``multiprocessing`` children that keep the model: spawned (each loads it once),
or in the CLI forked from a caller that has it (``fork_available``). ``nice`` lowers their
priority, for the app: the window's own process keeps its share of the cores.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from multiprocessing.connection import wait as wait_for
from typing import Any

from reader.core.analysis.runner import BATCH_SIZE, PACK_ATTRS, Packed, Span, pack, parse_spans

SPLIT_FROM_CHARS = 64_000
"""Articles shorter than this are parsed in one process: below it the split measured no faster
(``bench/speed.py --only split`` prints the gain per size)."""
COLD_SPLIT_FROM_CHARS = 400_000
"""Articles this long are split even while the helpers load their model (a few seconds, in
which one process parses ~150,000 characters): they still finish sooner."""
GROUP_CHUNKS = BATCH_SIZE
"""Chunks per group handed out: one ``nlp.pipe`` batch, the batching one process uses."""
STRING_COLUMNS = tuple(
    i for i, name in enumerate(PACK_ATTRS) if name not in ("HEAD", "ENT_IOB", "SPACY", "POS")
)
"""Columns of a packed chunk that hold string hashes (the others are numbers or symbols)."""

_nlp: Any = None
"""The model of a helper process (loaded once by ``_load_model``)."""


def _end_with_parent() -> None:
    """Exit when the process that started us is gone (killed, it could not say so)."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        wait_for([parent.sentinel])
        os._exit(0)


def _load_model(nice: int) -> None:
    global _nlp
    threading.Thread(target=_end_with_parent, daemon=True).start()
    if nice:
        with contextlib.suppress(OSError, AttributeError):
            os.nice(nice)
    if _nlp is None:  # spawned; a forked helper has its parent's model already
        from reader.core.analysis.pipeline import load_pipeline

        _nlp = load_pipeline()


def fork_available() -> bool:
    """Whether helpers can be forked from a process with its model loaded (Linux): they start
    at once and share its memory, where a spawned one imports and loads for seconds. Only for
    a process without threads or connections a child must not hold (the CLI, not the app's
    analysis process)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _ready() -> bool:
    return _nlp is not None


def _parse_group(text: str, spans: Sequence[Span]) -> tuple[list[Any], list[str]]:
    """Parse ``spans`` of ``text`` (a helper's job): packed arrays and the strings they use."""
    arrays, hashes = [], set()
    for _span, doc in parse_spans(_nlp, text, spans):
        array = pack(doc).array
        arrays.append(array)
        for column in STRING_COLUMNS:
            hashes.update(array[:, column].tolist())
    strings = _nlp.vocab.strings
    return arrays, [strings[h] for h in hashes if h and h in strings]


class ParseHelpers:
    """A pool of ``count`` helper processes that each keep the model loaded.

    The pool starts on first use (``start``) and ends with ``close`` (or the ``with`` block).
    """

    def __init__(
        self,
        count: int,
        *,
        nice: int = 0,
        cold_from: int = COLD_SPLIT_FROM_CHARS,
        fork: bool = False,
    ) -> None:
        self.count = count
        self._nice = nice
        self._fork = fork and fork_available()
        """Fork the helpers from the caller once it has its model (``start(nlp)``)."""
        self._cold_from = cold_from
        """Length from which a text is split while no helper is ready yet: lower it when the
        pool starts as the caller's own model loads (the helpers are nearly as quick)."""
        self._executor: ProcessPoolExecutor | None = None
        self._warm: list[Future[Any]] = []

    def __enter__(self) -> ParseHelpers:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def start(self, nlp: Any | None = None) -> None:
        """Start the helpers now: forked with ``nlp`` where ``fork`` was asked (and works),
        else spawned to load their own model in the background."""
        global _nlp
        if self._executor is not None or self.count < 1:
            return
        method = "spawn"
        if self._fork and nlp is not None:
            _nlp, method = nlp, "fork"
        self._executor = ProcessPoolExecutor(
            self.count,
            mp_context=get_context(method),
            initializer=_load_model,
            initargs=(self._nice,),
        )
        self._warm = [self._executor.submit(_ready) for _ in range(self.count)]

    def ready(self, nlp: Any | None = None) -> bool:
        """True once a helper has its model loaded (starts the pool if needed)."""
        self.start(nlp)
        return any(f.done() and not f.exception() for f in self._warm)

    def split_worth(self, text: str, split_from: int | None = None, nlp: Any | None = None) -> bool:
        """Whether to split ``text``: long enough (``split_from``, default
        ``SPLIT_FROM_CHARS``) and a helper ready, or so long (``COLD_SPLIT_FROM_CHARS``) that
        a helper still loading its model has time to help (``cold_from``). A long text
        starts the pool."""
        limit = SPLIT_FROM_CHARS if split_from is None else split_from
        if len(text) < limit or self.count < 1:
            return False
        return self.ready(nlp) or len(text) >= self._cold_from

    def wait_ready(self) -> None:
        """Block until every helper has loaded its model (benchmarks, tests)."""
        self.start()
        wait(self._warm)

    def pids(self) -> list[int]:
        """The helper processes' ids (none before ``start``)."""
        executor = self._executor
        if executor is None:
            return []
        return [p.pid for p in executor._processes.values() if p.pid is not None]

    def _broken(self) -> None:
        """A helper died: drop the pool (the next ``start`` makes a new one)."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """End the helpers (a group in flight is abandoned)."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def parse(self, nlp: Any, text: str, spans: Sequence[Span]) -> Iterator[tuple[Span, Any]]:
        """Yield ``(span, doc or Packed)`` for every span, ours in order, then the helpers'.

        Groups of ``GROUP_CHUNKS`` spans are offered to the helpers from the end; we parse from
        the start each group no helper has begun. Chunks come back as ``Packed`` arrays in
        ``nlp``'s vocab. Closing the generator early cancels what no helper has begun.
        """
        groups = [list(spans[i : i + GROUP_CHUNKS]) for i in range(0, len(spans), GROUP_CHUNKS)]
        executor = self._executor
        if executor is None or len(groups) < 2:
            yield from parse_spans(nlp, text, spans)
            return
        offered: dict[int, Future[Any]] = {}
        try:
            for index in range(len(groups) - 1, 0, -1):  # the first group is always ours
                group = groups[index]
                start, end = group[0][0], group[-1][1]
                shifted = [(a - start, b - start) for a, b in group]
                offered[index] = executor.submit(_parse_group, text[start:end], shifted)
        except BrokenProcessPool:  # a helper died earlier: parse here, start afresh next time
            self._broken()
        try:
            taken_to = len(groups)
            for index, group in enumerate(groups):
                future = offered.pop(index, None)
                if future is not None and not future.cancel():
                    offered[index] = future
                    taken_to = index
                    break
                yield from parse_spans(nlp, text, group)
            for index in range(taken_to, len(groups)):
                future = offered.pop(index, None)
                try:
                    if future is None:
                        raise BrokenProcessPool("never offered")
                    arrays, strings = future.result()
                except BrokenProcessPool:  # the helper died (killed, out of memory)
                    self._broken()
                    yield from parse_spans(nlp, text, groups[index])
                    continue
                for word in strings:
                    nlp.vocab.strings.add(word)
                for span, array in zip(groups[index], arrays, strict=True):
                    yield span, Packed(nlp.vocab, array)
        finally:
            for future in offered.values():
                future.cancel()
