"""Run the spaCy pipeline over text of any length, in chunks, with exact offsets and progress.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and a single huge Doc
costs memory and gives no progress. So the text is cut into chunks at paragraph boundaries
(sentence ends or spaces for a paragraph that is too long), the chunks go through
``nlp.pipe`` in batches, and ``join_docs`` joins the chunk Docs into one (what
``Doc.from_docs(..., ensure_whitespace=False)`` gives, with a fraction of its memory). The
chunks concatenate to exactly the original text, so every character offset of the joined Doc
is a ``str`` index into it.

The chunk grid depends on the text alone: ``reader.core.analysis.incremental`` parses the
chunks around the visible region first and still gets the very Doc ``parse_text`` gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from reader.core.analysis.mark_runs import model_input
from reader.core.analysis.quote_marks import QuoteSpan, pair_quotes

Progress = Callable[[float], None]
Span = tuple[int, int]

CHUNK_CHARS = 2_000
"""Target chunk length: under a screenful, so the visible region parses in a fraction of a
second. Paragraphs are rarely longer, so chunks still end at paragraph ends."""
BATCH_SIZE = 16
"""Chunks per ``nlp.pipe`` batch. The parser is quicker on more Docs a batch, whatever their
length (1 MB, measured: 16 chunks of 2,000 or 4,000 characters 28.6-29.0 s; 4 or 8 chunks
of either size 29.8-30.4 s; the bare ``nlp.pipe`` over paragraphs 28.0-28.6 s). A batch is
32,000 characters, about a second here: progress, provisional results and a cancel request
wait for it at most."""

TEXT_KEY = "reader.text"
"""``Doc.user_data`` key of the Doc's text (see ``doc_text``)."""
QUOTES_KEY = "reader.quotes"
"""``Doc.user_data`` key of the Doc's paired quotation marks (see ``doc_quotes``)."""
ENTS_KEY = "reader.ents"
"""``Doc.user_data`` key of the model's entities as plain values (see ``doc_ents``)."""
COLUMNS_KEY = "reader.columns"
"""``Doc.user_data`` key of the token attributes read as columns (see ``token_column``)."""

_SENTENCE_END = re.compile(r"[.!?\u2026\u3002][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _break_before(text: str, start: int, limit: int) -> int:
    """The best cut in the last three quarters of ``text[start:limit]``: paragraph, sentence, space.

    Returns an index just after the separator, so no separator starts a chunk, and never
    splits a CRLF pair. Falls back to ``limit`` (a hard cut) in text without spaces.
    """
    low = min(start + (limit - start) // 4, limit)
    cut = limit
    newline = text.rfind("\n", low, limit)
    if newline >= 0:
        cut = newline + 1
    else:
        ends = [m.end() for m in _SENTENCE_END.finditer(text, low, limit)]
        ends = ends or [m.end() for m in _SPACE.finditer(text, low, limit)]
        if ends:
            cut = ends[-1]
    if text[cut - 1] == "\r" and text[cut : cut + 1] == "\n":
        cut = cut - 1 if cut - 1 > start else cut + 1
    return cut


def chunk_spans(text: str, max_chars: int | None = None) -> list[Span]:
    """Consecutive ``(start, end)`` spans covering ``text`` exactly, each <= ``max_chars``.

    ``max_chars`` defaults to ``CHUNK_CHARS``.
    """
    max_chars = max_chars or CHUNK_CHARS
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    spans: list[Span] = []
    start = 0
    length = len(text)
    while length - start > max_chars:
        end = _break_before(text, start, start + max_chars)
        spans.append((start, end))
        start = end
    if start < length or not spans:
        spans.append((start, length))
    return spans


def parse_spans(
    nlp: Any,
    text: str,
    spans: Sequence[Span],
    progress: Progress | None = None,
    *,
    batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[Span, Any]]:
    """Yield ``(span, doc)`` for each span of ``text`` in the given order, parsed in batches.

    ``progress`` receives the fraction of the spans' characters done after each one.
    The Docs carry no ``tensor`` (nothing reads it; it is most of a Doc's memory).
    """
    import numpy

    total = sum(end - start for start, end in spans) or 1
    done = 0
    texts = (model_input(nlp, text[start:end]) for start, end in spans)
    for span, doc in zip(spans, nlp.pipe(texts, batch_size=batch_size), strict=True):
        # The tok2vec output (96 floats a token, ~400 MB for 5 MB of text) is used by no
        # analysis once the pipeline has run: dropped, it is the largest memory saving there is.
        doc.tensor = numpy.zeros((0,), dtype="float32")
        done += span[1] - span[0]
        if progress:
            progress(done / total)
        yield span, doc


JOIN_ATTRS = (
    "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "NORM"
)  # fmt: skip
"""What the joined Doc takes from its chunks: the pipeline's output (the attribute ruler sets
some lemmas; sentence starts follow from HEAD and DEP)."""
PACK_ATTRS = (*JOIN_ATTRS, "ORTH", "SPACY")


class Packed(NamedTuple):
    """A parsed chunk as one array (``PACK_ATTRS`` per token): ~100 bytes a token where its
    Doc takes ~215, for chunks that wait for the join."""

    vocab: Any
    array: Any


def pack(doc: Any) -> Packed:
    """``doc`` as a ``Packed`` (``join_docs`` takes either)."""
    return Packed(doc.vocab, doc.to_array(PACK_ATTRS).reshape(len(doc), len(PACK_ATTRS)))


def join_docs(docs: Iterable[Any]) -> Any:
    """One Doc from chunk Docs (or ``Packed`` chunks) that are consecutive pieces of one text.

    Offsets are preserved. Each chunk is packed as it is read, then copied into one array
    and let go (when the caller holds no other reference to it): ``Doc.from_docs`` held every
    chunk, their arrays and the result at once, 900 MB at its peak on 5 MB of text.
    """
    import numpy
    from spacy.tokens import Doc

    packs: list[Packed] = []
    first = None
    for count, item in enumerate(docs, start=1):
        first = item if count == 1 else None
        packs.append(item if isinstance(item, Packed) else pack(item))
        del item
    if first is not None and not isinstance(first, Packed):
        return first  # one chunk: its Doc is the joined Doc
    if not packs:
        raise ValueError("join_docs needs at least one chunk")
    vocab = packs[0].vocab
    strings = vocab.strings
    width = len(JOIN_ATTRS)
    attrs = numpy.empty((sum(len(p.array) for p in packs), width), dtype=numpy.uint64)
    words: list[str] = []
    spaces: list[bool] = []
    known: dict[int, str] = {}  # one str per distinct word, not one per token (~50 MB on 5 MB)
    at = 0
    packs.reverse()
    while packs:  # one chunk's array at a time, freed once copied
        array = packs.pop().array
        attrs[at : at + len(array)] = array[:, :width]
        for orth in array[:, width].tolist():
            word = known.get(orth)
            if word is None:
                word = known[orth] = strings[orth]
            words.append(word)
        spaces += array[:, width + 1].astype(bool).tolist()
        at += len(array)
        del array
    doc = Doc(vocab, words=words, spaces=spaces)
    del words, spaces
    if len(doc):
        # spaCy's stub is narrower than Doc.from_array: it takes any iterable of attributes
        # and a uint64 array (the stub says list and thinc's Ints2d)
        doc.from_array(JOIN_ATTRS, attrs)  # type: ignore[arg-type]
    return doc


def doc_text(doc: Any) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token on each read (~0.2 s a MB,
    and the entity, quote and date stages each need it)."""
    text: str | None = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def doc_quotes(doc: Any) -> tuple[QuoteSpan, ...]:
    """The paired quotation marks of ``doc_text(doc)``, paired once per Doc: the quote and
    date stages both need them (pairing 10^6 marks takes a second or two)."""
    spans: tuple[QuoteSpan, ...] | None = doc.user_data.get(QUOTES_KEY)
    if spans is None:
        spans = doc.user_data[QUOTES_KEY] = tuple(pair_quotes(doc_text(doc)))
    return spans


class EntSpan(NamedTuple):
    """What the rules read of one of the model's entities (a ``doc.ents`` Span)."""

    start: int
    end: int
    start_char: int
    end_char: int
    label_: str


def doc_ents(doc: Any) -> tuple[EntSpan, ...]:
    """``doc.ents`` as plain values, built once per Doc: spaCy builds a Span for every entity
    on each read (~0.07 s a MB), and the entity and date stages read them four times."""
    ents: tuple[EntSpan, ...] | None = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = doc.user_data[ENTS_KEY] = tuple(
            EntSpan(e.start, e.end, e.start_char, e.end_char, e.label_) for e in doc.ents
        )
    return ents


def token_column(doc: Any, attr: str) -> list[int]:
    """One attribute of every token (``doc.to_array(attr)``, e.g. "IDX", "IS_PUNCT"), read
    once per Doc: a rule that walks every token reads it from this list instead of building
    a Token for each index (``doc[i]``, hundreds of thousands of times a MB)."""
    columns: dict[str, list[int]] | None = doc.user_data.get(COLUMNS_KEY)
    if columns is None:
        columns = doc.user_data[COLUMNS_KEY] = {}
    column = columns.get(attr)
    if column is None:
        column = columns[attr] = doc.to_array(attr).tolist()
    return column


def parse_text(
    nlp: Any,
    text: str,
    progress: Progress | None = None,
    *,
    helpers: Any | None = None,
    split_from: int | None = None,
) -> Any:
    """One spaCy Doc over ``text`` whose character offsets index ``text`` exactly.

    With ``helpers`` (``reader.core.analysis.helpers.ParseHelpers``) whose model is loaded, a
    text of ``split_from`` characters or more (default ``helpers.SPLIT_FROM_CHARS``) is parsed
    on every core; the Doc is the same.
    """
    spans = chunk_spans(text)
    if helpers is not None and helpers.split_worth(text, split_from, nlp):
        parsed = helpers.parse(nlp, text, spans)
    else:
        parsed = parse_spans(nlp, text, spans)
    total = len(text) or 1
    done = 0

    def each() -> Iterator[Any]:
        nonlocal done
        for span, doc in parsed:
            done += span[1] - span[0]
            if progress:
                progress(done / total)
            yield doc

    doc = join_docs(each())
    remember_text(doc, text)
    if progress:
        progress(1.0)
    return doc


def remember_text(doc: Any, text: str) -> None:
    """Give ``doc_text`` the text ``doc`` was parsed from (its chunks concatenate to exactly
    that), so it is never rebuilt from the tokens (~0.35 s a MB)."""
    doc.user_data[TEXT_KEY] = text
