"""Sources named with "according to X": who a sentence's quotations are attributed to.

Split out of speakers.py, which asks it through ``SpeakerResolver.according_to``. Every
quotation of a sentence asks about the same range, so each range is answered once, and only the
"according" tokens of the article (listed in one pass) are looked at: scanning the sentence for
every quotation was quadratic in a long one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from reader.core.model import Entity

MAX_SOURCE_TOKENS = 8
_ACCORDING = re.compile(r"(?i)\baccording\b")


class AccordingTo:
    """The entity named after "according to" in a token range of one parsed article.

    Args:
        doc: the spaCy Doc over ``text``.
        text: the article text.
        is_quoted: whether a token is quoted material (a source is never inside the marks).
        entity_for_tokens: the entity a run of tokens names, if any.
        resolve_title: the entity a title noun ("the ministry") refers back to, if any.
    """

    def __init__(
        self,
        doc: Any,
        text: str,
        is_quoted: Callable[[Any], bool],
        entity_for_tokens: Callable[[list[Any]], Entity | None],
        resolve_title: Callable[[Any], Entity | None],
    ) -> None:
        self.doc = doc
        self._is_quoted = is_quoted
        self._entity_for_tokens = entity_for_tokens
        self._resolve_title = resolve_title
        self._at = self._according_tokens(text)
        self._memo: dict[tuple[int, int], Entity | None] = {}

    def source(self, start: int, end: int) -> Entity | None:
        """The source of the first "according to X" in tokens ``start:end`` that names one."""
        key = (start, end)
        if key not in self._memo:
            lo = bisect.bisect_left(self._at, start)
            hi = bisect.bisect_left(self._at, end)
            found = None
            for i in self._at[lo:hi]:
                found = self._source_after(self.doc[i], end)
                if found is not None:
                    break
            self._memo[key] = found
        return self._memo[key]

    def _according_tokens(self, text: str) -> list[int]:
        """Token indices of every "according" outside quotation marks, in order."""
        found = []
        for match in _ACCORDING.finditer(text):
            span = self.doc.char_span(match.start(), match.end())
            if span is not None and len(span) == 1 and not self._is_quoted(span[0]):
                found.append(span[0].i)
        return found

    def _source_after(self, token: Any, end: int) -> Entity | None:
        nxt = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        if nxt is None or nxt.lower_ != "to":
            return None
        objects = [c for c in nxt.children if c.dep_ == "pobj"]
        tokens = list(objects[0].subtree) if objects else list(self.doc[nxt.i + 1 : end])
        tokens = [t for t in tokens if not self._is_quoted(t)]
        entity = self._entity_for_tokens(tokens[:MAX_SOURCE_TOKENS])
        if entity is not None:
            return entity
        if objects and objects[0].pos_ == "NOUN":
            return self._resolve_title(objects[0])
        return None
