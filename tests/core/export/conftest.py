"""Annotations for the export tests: a small hand-built set and the real sample, analysed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.model import (
    Annotations,
    Article,
    Block,
    DateMention,
    Entity,
    Mention,
    PipelineInfo,
    Quote,
)

HOSTILE = (
    'Kyiv </script><script>alert("x")</script> <img src=x onerror=alert(1)> '
    '"><svg onload=alert(2)> <!-- comment --> ]]> & &amp; \u2028 end.'
)


def build(
    text: str, entities: list[tuple[str, str, str, list[str]]], **article: object
) -> Annotations:
    """Annotations over ``text``; entities are (id, type, name, [mention texts]), no overlaps."""
    taken: list[tuple[int, int]] = []
    built = []
    for ent_id, ent_type, name, mentions in entities:
        found = []
        for m in mentions:
            start = text.index(m)
            while any(a < start + len(m) and start < b for a, b in taken):
                start = text.index(m, start + 1)
            taken.append((start, start + len(m)))
            found.append(Mention(start, start + len(m), m))
        built.append(Entity(ent_id, ent_type, name, sorted(found, key=lambda x: x.start)))
    return Annotations(
        Article(text=text, **article), PipelineInfo("en_test", "1.0", "0.1.0"), built
    )  # type: ignore[arg-type]


@pytest.fixture
def small() -> Annotations:
    """Two paragraphs, every entity type, a quote with a speaker and a resolved date."""
    text = (
        "Emmanuel Macron met Olaf Scholz in Berlin on Saturday.\n"
        'Macron said "France and Germany stand with Ukraine" at NATO, to French voters.'
    )
    ann = build(
        text,
        [
            ("e1", "person", "Emmanuel Macron", ["Emmanuel Macron", "Macron"]),
            ("e2", "person", "Olaf Scholz", ["Olaf Scholz"]),
            ("e3", "place", "Berlin", ["Berlin"]),
            ("e4", "country", "France", ["France"]),
            ("e5", "country", "Germany", ["Germany"]),
            ("e6", "country", "Ukraine", ["Ukraine"]),
            ("e7", "organization", "NATO", ["NATO"]),
            ("e8", "nationality", "French", ["French"]),
        ],
        title="Macron and Scholz",
        published=dt.date(2025, 3, 17),
        source="/articles/macron.txt",
        blocks=[Block(0, 54), Block(55, len(text))],
    )
    q_start = text.index("France and")
    q_text = "France and Germany stand with Ukraine"
    ann.quotes = [Quote(q_start, q_start + len(q_text), q_text, "Emmanuel Macron", "e1")]
    d_start = text.index("Saturday")
    ann.dates = [DateMention(d_start, d_start + 8, "Saturday", "2025-03-15", "day")]
    return ann


@pytest.fixture
def hostile() -> Annotations:
    """Article text, title, names and quotes that try to run script in a browser."""
    ann = build(
        HOSTILE,
        [("e1", "person", '"><img src=y onerror=alert(3)>', ["Kyiv"])],
        title='</title><script>alert("t")</script>',
        byline="<b onmouseover=alert(4)>me</b>",
        source="/tmp/<svg onload=alert(5)>.txt",
    )
    start = HOSTILE.index("<img")
    ann.quotes = [Quote(start, start + 30, HOSTILE[start : start + 30], "</script>", None)]
    ann.entities[0].type = 'person"><script>alert(6)</script>'
    return ann


@pytest.fixture(scope="session")
def analysed_sample(nlp) -> Annotations:  # type: ignore[no-untyped-def]
    """The sample article through the real model (loaded once)."""
    from reader.core.analysis import SpacyAnalyser
    from reader.core.loaders import load_article
    from reader.core.paths import sample_article

    return SpacyAnalyser(nlp).analyse(load_article(sample_article()))


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A private copy of the sample article (tests may check it is never written)."""
    from reader.core.paths import sample_article

    target = tmp_path / "article.txt"
    target.write_bytes(sample_article().read_bytes())
    return target
