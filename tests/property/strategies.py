"""Hypothesis strategies for hostile text and for valid schema-v1 annotations."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from reader.core.model import (
    ENTITY_TYPES,
    Annotations,
    Article,
    Block,
    DateMention,
    Entity,
    Mention,
    PipelineInfo,
    Quote,
)

# Words the model recognises, so random text still produces entities, quotes and dates.
NEWSY_WORDS = (
    "Emmanuel Macron",
    "Macron",
    "Volodymyr Zelensky",
    "Russia",
    "Ukraine",
    "Kyiv",
    "Moscow",
    "the United States",
    "Great Britain",
    "NATO",
    "the European Union",
    "Reuters",
    "said",
    "on Saturday",
    "March 15, 2025",
    "last week",
    "2024",
    "Mr.",
    "Dr.",
    "\u201c",
    "\u201d",
    '"',
    "'",
    "\u00ab",
    "\u00bb",
    ".",
    ",",
    "—",
    "Apple Inc.",
    "Google",
    "told",
    "in",
    "the",
)
# Characters that break naive offset arithmetic.
TRICKY = (
    "\U0001f600",
    "\U0001f1fa\U0001f1e6",
    "\U0001d400",
    "\U00010348",  # astral, flag pair
    "e\u0301",
    "\u0301",
    "\u0308\u0308",
    "\u200d",
    "\ufe0f",  # combining, ZWJ, selector
    "\u05e9\u05dc\u05d5\u05dd",
    "\u0645\u0631\u062d\u0628\u0627",
    "\u202e",
    "\u200f",  # RTL
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\t",
    "\x00",
    "\x0b",
    "\x0c",
    "\u2028",
    "\u2029",
    "\x85",
    "\ufeff",
    "\ud7ff",
    "\uffff",
    " ",
    "  ",
    "\u00a0",
    "\u3000",
    "Ǆ",
    "ß",
    "İ",
    "ﬁ",
)

tricky_fragment = st.sampled_from(TRICKY)
random_fragment = st.text(
    alphabet=st.characters(codec=None, exclude_categories=("Cs",)), min_size=1, max_size=8
)
hostile_text = st.lists(
    st.one_of(st.sampled_from(NEWSY_WORDS), tricky_fragment, random_fragment),
    min_size=0,
    max_size=60,
).map(lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts))
"""Unicode text mixing news words with astral chars, combining marks, RTL, CRLF and NUL."""

any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
maybe_text = st.none() | any_text


@st.composite
def spans(draw: st.DrawFn, text: str, max_count: int = 6) -> list[tuple[int, int, str]]:
    """Sorted random (start, end, text[start:end]) spans of ``text``."""
    result = []
    for _ in range(draw(st.integers(0, max_count))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        result.append((start, end, text[start:end]))
    return sorted(result)


@st.composite
def annotations(draw: st.DrawFn) -> Annotations:
    """Any Annotations that schema v1 can express (as ``schema.from_dict`` rebuilds them)."""
    text = draw(hostile_text)
    kinds = st.sampled_from(("paragraph", "heading", "list_item"))
    blocks = [Block(s, e, draw(kinds), draw(st.integers(0, 6))) for s, e, _ in draw(spans(text))]
    article = Article(
        text=text,
        title=draw(maybe_text),
        byline=draw(maybe_text),
        published=draw(st.none() | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))),
        source=draw(any_text),
        blocks=blocks,
        site=draw(maybe_text),
        dateline=draw(maybe_text),
        format="annotated",
    )
    sources = st.sampled_from(("model", "user"))
    entities = []
    for n in range(draw(st.integers(0, 5))):
        mentions = [Mention(s, e, t, draw(sources)) for s, e, t in draw(spans(text))]
        entities.append(
            Entity(
                id=f"{draw(st.sampled_from('eu'))}{n + 1}",
                type=draw(st.sampled_from(ENTITY_TYPES)),
                name=draw(any_text),
                mentions=mentions,
                source=draw(sources),
                country=draw(st.none() | st.sampled_from(("UA", "RU", "US", "GB", "FR"))),
            )
        )
    ids = [e.id for e in entities]
    quotes = [
        Quote(
            s,
            e,
            t,
            speaker=draw(maybe_text),
            speaker_id=draw(st.none() | st.sampled_from(ids)) if ids else None,
            kind=draw(st.sampled_from(("speech", "scare"))),
            source=draw(sources),
        )
        for s, e, t in draw(spans(text))
    ]
    dates = [
        DateMention(
            s,
            e,
            t,
            draw(st.none() | st.sampled_from(("2025-03-15", "2025-03", "2025"))),
            draw(st.sampled_from((None, "day", "month", "year"))),
        )
        for s, e, t in draw(spans(text))
    ]
    pipeline = PipelineInfo(draw(any_text), draw(any_text), draw(any_text))
    return Annotations(article, pipeline, entities, quotes, dates)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4)
    ),
    max_leaves=20,
)
"""Any JSON value (for replacing fields of a valid annotated copy)."""
