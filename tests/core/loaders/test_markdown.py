"""Markdown: rendered structure as blocks, no markup characters in the text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.core.loaders import load_article

from .checks import assert_consistent, block_texts

SOURCE = """\
# The *Big* Headline

KYIV, March 16 (Reuters) - Ukraine **said** [on Sunday](https://example.org) that `talks`
would go on.\\
A hard break <b>and</b> an image: ![a map of Kyiv](map.png)

## Background

- first *point*
- second point
  1. nested point

> A quoted _line_.

```
code stays
  as it is
```

| Country | Capital |
|---|---|
| Ukraine | Kyiv |

***
"""


def test_structure_and_no_markup(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(SOURCE, encoding="utf-8")
    article = load_article(path)
    assert article.format == "md"
    assert article.title == "The Big Headline"
    assert block_texts(article) == [
        "KYIV, March 16 (Reuters) - Ukraine said on Sunday that talks would go on. "
        "A hard break and an image: a map of Kyiv",
        "Background",
        "first point",
        "second point",
        "nested point",
        "A quoted line.",
        "code stays\n  as it is",
        "Country\tCapital",
        "Ukraine\tKyiv",
    ]
    kinds = [(block.kind, block.level) for block in article.blocks]
    assert kinds[1] == ("heading", 2)
    assert kinds[2:5] == [("list_item", 0)] * 3
    assert kinds[5] == ("blockquote", 0)
    assert kinds[6] == ("preformatted", 0)
    for char in "*_`#[]!|>":
        assert char not in article.text.replace("\n", "")
    assert (article.dateline, article.site) == ("Kyiv", "Reuters")
    assert_consistent(article)


def test_front_matter_gives_metadata(tmp_path: Path) -> None:
    path = tmp_path / "post.markdown"
    path.write_text(
        "---\ntitle: 'Front title'\nauthor: Jane Doe\ndate: 2024-05-01\n---\n\nBody text.\n",
        encoding="utf-8",
    )
    article = load_article(path)
    assert (article.title, article.byline) == ("Front title", "Jane Doe")
    assert article.published == dt.date(2024, 5, 1)
    assert article.text == "Body text."


def test_sample_header_in_markdown(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text("date 2025-03-17 Headline\n\nKyiv • UNN\n\nBody *text*.\n", encoding="utf-8")
    article = load_article(path)
    assert article.published == dt.date(2025, 3, 17)
    assert article.title == "Headline"
    assert article.text == "Kyiv • UNN\nBody text."
    assert article.blocks[0].kind == "dateline"


def test_too_deep_nesting_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text("Intro.\n\n" + "> " * 1000 + "deep\n\nAfter the quote.\n", encoding="utf-8")
    article = load_article(path)
    assert "deep" in article.text and "After the quote." in article.text
    assert any("nested too deeply" in notice for notice in article.notices)
    assert article.format == "md"
    assert_consistent(article)
