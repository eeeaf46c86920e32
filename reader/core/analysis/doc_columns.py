"""What the article-wide rules read of every token, from the cached per-Doc columns.

A rule that walks the Doc token by token (``doc[i].lower_``, ``doc[i].is_sent_start``) builds
a Token for each read, hundreds of thousands a MB; these read ``runner.token_column`` lists
and the Doc's text instead, once per Doc, and say the same as the Token attributes they
stand for (``tests/core/analysis/test_token_columns.py`` checks them token by token).
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import Any, NamedTuple

from reader.core.analysis.runner import doc_text, token_column

DERIVED_KEY = "reader.derived"
"""``Doc.user_data`` key of the columns derived here (a dict by name)."""


def span_text(doc: Any, start: int, end: int) -> str:
    """``doc[start:end].text``, sliced from the Doc's text."""
    return span_texts(doc)(start, end)


class _Reads(NamedTuple):
    """What ``span_texts`` and ``char_tokens`` read of one Doc."""

    text: str
    idx: list[int]
    length: list[int]
    span_text: Callable[[int, int], str]


_LAST_READS: list[tuple[weakref.ref[Any], _Reads]] = []
"""The ``_Reads`` of the last Doc asked about, by a weak reference (the Doc is freed as
usual): the rules ask for them once per span, tens of thousands of times a MB, and reading
the text and two columns from ``user_data`` each time cost more than the slices."""


def _reads(doc: Any) -> _Reads:
    last = _LAST_READS[-1] if _LAST_READS else None
    if last is not None and last[0]() is doc:
        return last[1]
    text, idx, length = doc_text(doc), token_column(doc, "IDX"), token_column(doc, "LENGTH")

    def of(start: int, end: int) -> str:
        return text[idx[start] : idx[end - 1] + length[end - 1]] if end > start else ""

    reads = _Reads(text, idx, length, of)
    _LAST_READS[:] = [(weakref.ref(doc), reads)]
    return reads


def span_texts(doc: Any) -> Callable[[int, int], str]:
    """``span_text`` bound to one Doc's text and columns, for a loop over many spans."""
    return _reads(doc).span_text


def char_tokens(
    doc: Any, start_char: int, end_char: int, alignment_mode: str = "strict"
) -> tuple[int, int] | None:
    """The token range of ``doc.char_span(start_char, end_char, alignment_mode=...)``, or None
    where it gives None, found by bisection in the IDX column without building the Span (or
    the Tokens it reads: ~5 a call)."""
    reads = _reads(doc)
    idx, length, size = reads.idx, reads.length, len(reads.text)
    start = _token_by_char(idx, size, start_char)
    if start < 0 or (alignment_mode == "strict" and start_char != idx[start]):
        return None
    end = _token_by_char(idx, size, end_char - 1)
    if end < 0 or (alignment_mode == "strict" and end_char != idx[end] + length[end]):
        return None
    if alignment_mode == "contract":
        if idx[start] < start_char:
            start += 1
        if end_char < idx[end] + length[end]:
            end -= 1
        if end < start:
            return None
    elif alignment_mode == "expand" and start_char == idx[start] + length[start]:
        start += 1  # the trailing whitespace is not part of the token before it
    return start, end + 1


def span(doc: Any, start: int, end: int) -> Any:
    """``doc[start:end]``, built without spaCy's slice normalisation (in Python, half the cost
    of the Span) where the bounds need none."""
    from spacy.tokens import Span  # spaCy loads with the model, not with this module

    if 0 <= start <= end <= len(doc):
        return Span(doc, start, end)
    return doc[start:end]


def _token_by_char(idx: list[int], size: int, char: int) -> int:
    """The token whose text or trailing space holds ``char``, -1 outside the text of ``size``
    characters (the tokens' texts and spaces follow each other without a gap)."""
    if char < 0 or not idx or char >= size:
        return -1
    return bisect.bisect_right(idx, char) - 1


def word_hashes(doc: Any, words: Iterable[str]) -> frozenset[int]:
    """The hashes of ``words`` as the "LOWER" / "ORTH" columns hold them."""
    strings = doc.vocab.strings
    return frozenset(strings[word] for word in words)


def sent_starts(doc: Any) -> list[bool]:
    """``token.is_sent_start`` of every token, as a truth value (the column holds -1/0/1)."""
    derived: dict[str, list[bool]] = doc.user_data.setdefault(DERIVED_KEY, {})
    flags = derived.get("sent_starts")
    if flags is None:
        flags = derived["sent_starts"] = [v == 1 for v in token_column(doc, "SENT_START")]
    return flags


def heads(doc: Any) -> list[int]:
    """``token.head.i`` of every token (the "HEAD" column holds the offset to the head, as an
    unsigned 64-bit number): a rule asks it of every token of a span without a Token each."""
    derived: dict[str, list[int]] = doc.user_data.setdefault(DERIVED_KEY, {})
    found = derived.get("heads")
    if found is None:
        wrap = 1 << 64
        found = derived["heads"] = [
            i + (offset if offset < wrap >> 1 else offset - wrap)
            for i, offset in enumerate(token_column(doc, "HEAD"))
        ]
    return found


def sentences(doc: Any) -> list[tuple[int, int]]:
    """Token bounds of ``doc.sents``, read once per Doc from the SENT_START column (each read
    of ``doc.sents`` builds a Span a sentence); a Doc without sentence starts raises as
    ``doc.sents`` does."""
    derived: dict[str, list[tuple[int, int]]] = doc.user_data.setdefault(DERIVED_KEY, {})
    bounds = derived.get("sentences")
    if bounds is None:
        if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
            bounds = [(sent.start, sent.end) for sent in doc.sents]
        else:
            starts = [i for i, start in enumerate(sent_starts(doc)) if start and i > 0]
            cuts = [0, *starts, len(doc)]
            bounds = [(a, b) for a, b in pairwise(cuts) if a < b]
        derived["sentences"] = bounds
    return bounds


def sentence_chars(doc: Any) -> list[tuple[int, int]]:
    """Character bounds of ``doc.sents`` (``start_char``, ``end_char``), see ``sentences``;
    built once per Doc (the date stage asks four times, ~20 ms a MB each). Not to be changed
    by the caller."""
    derived: dict[str, list[tuple[int, int]]] = doc.user_data.setdefault(DERIVED_KEY, {})
    bounds = derived.get("sentence_chars")
    if bounds is None:
        idx, length = token_column(doc, "IDX"), token_column(doc, "LENGTH")
        bounds = derived["sentence_chars"] = [
            (idx[start], idx[end - 1] + length[end - 1]) for start, end in sentences(doc)
        ]
    return bounds


def sentence_initial(doc: Any) -> list[bool]:
    """``rules.is_sentence_initial`` of every token: the Doc's first token, a sentence start,
    or a token right after a line break (the model may miss line breaks)."""
    derived: dict[str, list[bool]] = doc.user_data.setdefault(DERIVED_KEY, {})
    flags = derived.get("sentence_initial")
    if flags is None:
        text = doc_text(doc)
        idx, length = token_column(doc, "IDX"), token_column(doc, "LENGTH")
        # the previous token's text with its whitespace ends where this token starts
        starts = sent_starts(doc)
        flags = [start or text[at - 1] == "\n" for start, at in zip(starts, idx, strict=True)]
        if flags:
            flags[0] = True
        for i in (i for i, space in enumerate(token_column(doc, "IS_SPACE")) if space):
            if i + 1 < len(flags) and "\n" in text[idx[i] : idx[i] + length[i]]:
                flags[i + 1] = True  # a space token holding a line break
        derived["sentence_initial"] = flags
    return flags
