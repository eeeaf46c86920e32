"""The cyclic garbage collector kept out of a book's way while its results arrive.

A full collection walks every tracked object while holding the GIL. With the 155,000
mentions of a 1.5 MB one-line text (and the provisional result before them, and their
highlight spans) in memory, one took 0.2-0.4 s on the analysis worker as the result came in,
a stall of the window each time, however finely the result was sliced. So while a text of
``BIG_TEXT`` characters or more is analysed the collector is paused; what the analysis made
is then frozen (``gc.freeze``, as ``app.freeze_startup_objects`` does at start-up), so later
passes do not walk it either. Frozen objects are still freed by reference counting, and the
annotations and spans hold no reference cycle; a cycle that became garbage during the pause
stays until the app exits.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from reader.core.analysis.gc_pause import collector_paused

BIG_TEXT = 500_000
"""Characters from which an analysis pauses the collector (a 300 kB article's ~30,000
mentions cost a full collection about 10 ms: left alone)."""


@contextmanager
def paused_for(text_length: int) -> Iterator[None]:
    """No automatic collection inside (for a text of ``text_length`` characters or more);
    what was made meanwhile is frozen at the end. Safe on any thread, and nested: the pause is
    ``gc_pause``'s one count, shared with the article-wide pass's, so neither pause can switch
    the collector back on while the other still holds it."""
    if text_length < BIG_TEXT:
        yield
        return
    with collector_paused():
        try:
            yield
        finally:
            gc.freeze()
