"""For any text, the loaders' blocks obey the offset rules (checks.assert_consistent)."""

from __future__ import annotations

import html

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from reader.core.loaders.encoding import BINARY_CONTROLS, MAX_CONTROL_RATIO
from reader.core.loaders.html import parse_html
from reader.core.loaders.markdown import parse_markdown
from reader.core.loaders.text import parse_text

from .checks import assert_consistent

ALPHABET = st.sampled_from(
    [
        *"ab Z.,-*#>`[]()|_\t\n\r\x00\x0b\x0c\x85\u2028\u2029\ufeff\u00ad",
        "é",
        "e\u0301",
        "😀",
        "👩‍👩‍👧",
        "ש",
        "م",
        "\u200f",
        "\ud7ff",
        "\U0001d7cf",
        "€",
    ]
)
TEXTS = st.lists(ALPHABET, max_size=300).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(TEXTS)
@SETTINGS
@example("date 2025-03-17 Title\n\x00Kyiv • UNN\r\nKYIV, March 16 (Reuters) - x")
def test_plain_text(text: str) -> None:
    article = parse_text(text)
    assert_consistent(article)
    assert "\x00" not in article.text


@given(TEXTS)
@SETTINGS
@example("# T\n\n- a\n  - b\n\n```\n\x00code\n\n```\n> q")
def test_markdown(text: str) -> None:
    assert_consistent(parse_markdown(text))


@given(st.lists(TEXTS, min_size=1, max_size=6))
@settings(max_examples=40, deadline=None)
def test_html_paragraphs(paragraphs: list[str]) -> None:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page = f"<html><head><title>T</title></head><body><article>{body}</article></body></html>"
    data = page.encode("utf-8")
    # Over this share of control bytes a file is binary by design (test_errors refuses them)
    assume(sum(b in BINARY_CONTROLS for b in data) <= MAX_CONTROL_RATIO * len(data))
    assert_consistent(parse_html(data, "t.html", "t.html"))
