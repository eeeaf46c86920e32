"""Exported HTML escapes every article-derived string: in Chromium, no payload runs or fetches.

Payloads go into the body, the title, byline, site, dateline, source, entity names, types and
ids, quote texts and speakers, date values and pipeline fields. Each page is rendered twice in
headless Chromium: as saved (escaping + the page's Content-Security-Policy), and with the CSP
removed, so escaping alone is proven enough.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.export.formats import save
from reader.core.export.reopen import load_annotated
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
from tests.security.hostile_article import PAYLOADS

pytestmark = pytest.mark.e2e

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?', re.IGNORECASE)


def hostile_annotations(server_url) -> Annotations:
    """Every field of an Annotations filled with payloads that would run or fetch if unescaped."""
    payloads = [
        *PAYLOADS,
        f"<img src='{server_url('img-payload')}'>",
        f"<link rel=stylesheet href='{server_url('css-payload')}'>",
        f"<iframe src='{server_url('iframe-payload')}'></iframe>",
    ]
    paragraphs = [f"Macron said {p} in Kyiv." for p in payloads]
    text = "\n".join(paragraphs)
    blocks, pos = [], 0
    for n, paragraph in enumerate(paragraphs):
        kind = ("paragraph", "heading", "list_item", "blockquote", "preformatted")[n % 5]
        blocks.append(Block(pos, pos + len(paragraph), kind, 2 if kind == "heading" else 0))
        pos += len(paragraph) + 1
    article = Article(
        text=text,
        title=PAYLOADS[0] + PAYLOADS[2],
        byline=PAYLOADS[1],
        source=f"/tmp/{PAYLOADS[3]}.html",
        blocks=blocks,
        site=PAYLOADS[2],
        dateline=PAYLOADS[4],
        format="annotated",
    )
    entities, quotes, dates = [], [], []
    for n, payload in enumerate(payloads):
        start = text.index(payload)
        mention = Mention(start, start + len(payload), payload, "user" if n % 2 else "model")
        entities.append(
            Entity(
                id=f'e{n}"><svg onload=x>' if n % 3 == 0 else f"e{n}",
                type=("person", "country", "organization", payload)[n % 4],
                name=payload,
                mentions=[mention],
                source="user" if n % 2 else "model",
            )
        )
        quotes.append(
            Quote(
                mention.start,
                mention.end,
                payload,
                speaker=payloads[-1 - n],
                speaker_id=entities[-1].id,
                source="user" if n % 2 else "model",
            )
        )
        dates.append(DateMention(mention.start, mention.end, payload, payload, "day"))
    pipeline = PipelineInfo(PAYLOADS[5], PAYLOADS[6], PAYLOADS[7])
    return Annotations(article, pipeline, entities, quotes, dates)


def test_payloads_in_every_field_execute_nothing_and_fetch_nothing(
    tmp_path: Path, chromium, counting_server
) -> None:
    ann = hostile_annotations(counting_server.url)
    page = save(ann, tmp_path / "copy.html")
    html = page.read_text(encoding="utf-8")
    assert "PWNED" not in html
    without_csp = tmp_path / "copy-without-csp.html"
    without_csp.write_text(CSP_META.sub("", html, count=1), encoding="utf-8")
    assert "Content-Security-Policy" not in without_csp.read_text(encoding="utf-8")
    for rendered in (page, without_csp):
        dom = chromium(rendered)
        assert "<main" in dom  # the page rendered
        assert "PWNED" not in dom, f"a payload ran in {rendered.name}"
    assert counting_server.requests == []
    # And the hostile copy still reopens exactly: escaping lost nothing.
    assert load_annotated(page) == ann
