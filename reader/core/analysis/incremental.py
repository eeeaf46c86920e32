"""Visible region first: highlights for what the reader sees now, then the rest in order.

On a book-length text the full analysis takes many seconds. ``analyse_incremental`` parses
the chunks that cover ``first_range`` (the screenful on show) before anything else and hands
provisional ``Annotations`` for them to ``on_partial``; then it parses the remaining chunks in
text order, handing on growing provisional results with growing pauses between them (each one
costs the view time in proportion to its size, so they come at 1, 2, 4, 8... seconds).
Finally it joins every chunk Doc and runs the article-wide analysis (alias merging, one sense
per article, quotes with speakers, dates) once, returning exactly what
``SpacyAnalyser.analyse`` returns for the article: the chunk grid depends on the text only.

Provisional results are computed per batch of chunks; their mentions are merged into entities
across batches by the final result's alias rule, and the final result replaces them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from reader.core.analysis.aliases import TypedMention, merge_mentions
from reader.core.analysis.contracts import (
    PARSE_SHARE,
    DocAnnotator,
    OnPartial,
    Progress,
    ShouldStop,
)
from reader.core.analysis.countries import country_key, demonym_code
from reader.core.analysis.runner import (
    Packed,
    Span,
    chunk_spans,
    doc_text,
    join_docs,
    pack,
    parse_spans,
    remember_text,
)
from reader.core.model import (
    COUNTRY,
    NATIONALITY,
    Annotations,
    Article,
    DateMention,
    Entity,
    Mention,
    Quote,
)

PARTIAL_EVERY_S = 1.0
"""Pause before the second provisional result; each later pause is twice the one before, so
the view's total work for provisional results stays within about twice the final one's."""

PARTIAL_FROM_CHARS = 10_000
"""Shorter articles get no provisional result: all of it takes a few tenths of a second, about
as long as a first one would."""
RUN_CHUNKS = 8
"""Most chunks analysed together for a provisional result: context for the rules, while the
Doc built for them stays small (a run of half a book held hundreds of MB)."""


class AnalysisCancelled(Exception):
    """``should_stop`` returned True: the caller no longer wants this article's analysis."""


def annotate_doc(
    analyser: DocAnnotator, article: Article, doc: Any, progress: Progress | None = None
) -> Annotations:
    """The article-wide analysis of a parsed ``doc`` (``SpacyAnalyser.annotate_doc``)."""
    return analyser.annotate_doc(article, doc, progress)


def first_spans(spans: Sequence[Span], first_range: tuple[int, int] | None) -> list[int]:
    """Indices of the chunks that overlap ``first_range`` (at least one chunk)."""
    if first_range is None:
        return [0]
    start, end = first_range
    hits = [i for i, (a, b) in enumerate(spans) if a < max(end, start + 1) and start < b]
    if hits:
        return hits
    return [len(spans) - 1] if start >= spans[-1][1] else [0]


class _Provisional:
    """Per-run results shifted to article offsets; aliases merged across runs when asked.

    Every run's mentions go through ``aliases.merge_mentions``, the final result's own rule,
    so a bare "Macron" of a later run joins the "Emmanuel Macron" of an earlier one, as at
    the end, instead of showing as a second person until the final result.
    """

    def __init__(self, analyser: DocAnnotator, article: Article) -> None:
        self._analyser = analyser
        self._article = article
        self._mentions: list[TypedMention] = []
        self._quotes: list[tuple[Quote, tuple[int, int] | None]] = []
        self._dates: list[DateMention] = []

    def add(self, offset: int, doc: Any) -> None:
        """Analyse one run of consecutive chunks that starts at ``offset`` in the article."""
        local_article = Article(doc_text(doc), published=self._article.published)
        local = annotate_doc(self._analyser, local_article, doc)
        anchors: dict[str, tuple[int, int]] = {}
        for entity in local.entities:
            for m in entity.mentions:
                start, end = m.start + offset, m.end + offset
                anchors.setdefault(entity.id, (start, end))
                self._mentions.append(
                    TypedMention(start, end, m.text, entity.type, _merge_key(entity, m.text))
                )
        for quote in local.quotes:
            moved = replace(quote, start=quote.start + offset, end=quote.end + offset)
            self._quotes.append((moved, anchors.get(quote.speaker_id or "")))
        self._dates += [replace(d, start=d.start + offset, end=d.end + offset) for d in local.dates]

    def annotations(self) -> Annotations:
        """The merged provisional result (entity ids in order of first mention)."""
        entities = merge_mentions(self._mentions)
        owner = {(m.start, m.end): e for e in entities for m in e.mentions}
        quotes = []
        for quote, anchor in self._quotes:
            speaker = owner.get(anchor) if anchor else None
            if speaker is not None:
                quote = replace(quote, speaker=speaker.name, speaker_id=speaker.id)
            quotes.append(quote)
        return Annotations(
            self._article,
            self._analyser.pipeline_info(),
            entities,
            sorted(quotes, key=_position),
            sorted(self._dates, key=_position),
        )


def _merge_key(entity: Entity, text: str) -> str | None:
    """The merge key ``entities`` gives a mention: its country's code for countries and
    nationality words (the entity's own code when the word alone names none)."""
    if entity.type == COUNTRY:
        return country_key(text) or entity.country
    if entity.type == NATIONALITY:
        return demonym_code(text) or entity.country
    return None


def _position(span: Mention | Quote | DateMention) -> tuple[int, int]:
    return span.start, span.end


def _runs(parsed: list[tuple[Span, Any]]) -> Iterator[tuple[int, Any]]:
    """Group parsed chunks (Docs or packed) into runs of at most ``RUN_CHUNKS`` neighbours;
    yield ``(offset, joined doc)`` per run, one run at a time."""
    runs: list[list[tuple[Span, Any]]] = []
    for span, doc in parsed:
        if runs and runs[-1][-1][0][1] == span[0] and len(runs[-1]) < RUN_CHUNKS:
            runs[-1].append((span, doc))
        else:
            runs.append([(span, doc)])
    for run in runs:
        yield run[0][0][0], join_docs(doc for _, doc in run)


def analyse_incremental(
    analyser: DocAnnotator,
    article: Article,
    first_range: tuple[int, int] | None = None,
    on_partial: OnPartial | None = None,
    progress: Progress | None = None,
    *,
    should_stop: ShouldStop | None = None,
    partial_every: float = PARTIAL_EVERY_S,
) -> Annotations:
    """Analyse ``article``, the chunks covering ``first_range`` first; return the final result.

    Args:
        analyser: supplies the loaded model and the pipeline info.
        article: the article; offsets everywhere index ``article.text``.
        first_range: ``(start, end)`` offsets of the visible text, or None for the top.
        on_partial: receives provisional Annotations, first for the visible region, then
            for everything parsed so far; called on the caller's (the worker's) thread.
            Not called for a text shorter than ``PARTIAL_FROM_CHARS``: the final result is
            as quick.
        progress: 0..1 after each chunk (parsing fills ``PARSE_SHARE`` of it) and after
            each stage of the article-wide pass.
        should_stop: polled after each chunk; True raises ``AnalysisCancelled``.
        partial_every: seconds before the second provisional result; pauses then double.
    """
    nlp = analyser.nlp
    text = article.text
    spans = chunk_spans(text)
    first = first_spans(spans, first_range)
    chosen = set(first)
    stages = [[spans[i] for i in first], [s for i, s in enumerate(spans) if i not in chosen]]
    total = len(text) or 1
    docs: dict[Span, Any] = {}
    wanted = on_partial and len(spans) > 1 and len(text) >= PARTIAL_FROM_CHARS
    provisional = _Provisional(analyser, article) if wanted else None
    pending: list[tuple[Span, Any]] = []
    last_emit = time.monotonic()
    pause = partial_every
    done_chars = 0

    helpers = analyser.helpers
    split = helpers is not None and helpers.split_worth(text, nlp=nlp)
    for stage, stage_spans in enumerate(stages):
        # The region gets its own nlp.pipe call, so it never waits for a batch of others.
        if stage == 1 and split:
            parsed = helpers.parse(nlp, text, stage_spans)  # the end on the other cores
        else:
            parsed = parse_spans(nlp, text, stage_spans)
        for span, doc in parsed:
            docs[span] = packed = doc if isinstance(doc, Packed) else pack(doc)
            del doc
            done_chars += span[1] - span[0]
            if progress:
                progress(done_chars / total * PARSE_SHARE)
            if should_stop and should_stop():
                raise AnalysisCancelled(article.source or "the article")
            if provisional is None or on_partial is None:
                continue
            pending.append((span, packed))
            region_done = stage == 0 and len(pending) == len(stage_spans)
            due = stage == 1 and time.monotonic() - last_emit >= pause
            if (region_done or due) and len(docs) < len(spans):
                for offset, run_doc in _runs(pending):
                    provisional.add(offset, run_doc)
                pending.clear()
                on_partial(provisional.annotations())
                last_emit = time.monotonic()
                if stage == 1:
                    pause *= 2
    pending.clear()
    joined = join_docs(docs.pop(span) for span in spans)  # each chunk freed once read
    remember_text(joined, text)
    return annotate_doc(analyser, article, joined, progress)
