"""Wire datelines and the sample header give place, agency and date; the dateline stays text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.loaders import load_article
from reader.core.loaders.datelines import find_dateline, split_header

from .checks import assert_consistent


@pytest.mark.parametrize(
    ("text", "place", "agency", "date", "standalone"),
    [
        ("KYIV, March 16 (Reuters) - Ukraine said", "Kyiv", "Reuters", None, False),
        ("Kyiv • UNN", "Kyiv", "UNN", None, True),
        ("WASHINGTON (AP) — The president said", "Washington", "AP", None, False),
        ("NEW YORK, Jan. 5, 2024 (Reuters) - Stocks", "New York", "Reuters", "2024-01-05", False),
        ("KYIV, Ukraine — The war", "Kyiv", None, None, False),
        ("London (CNN)It was the interview", "London", "CNN", None, False),
    ],
)
def test_datelines(
    text: str, place: str, agency: str | None, date: str | None, standalone: bool
) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.agency, found.standalone) == (place, agency, standalone)
    assert found.date == (dt.date.fromisoformat(date) if date else None)


@pytest.mark.parametrize(
    "text",
    [
        "NATO - the alliance said",
        "France, Great Britain and other countries can deploy troops.",
        "Details",
        "Macron (France) said on Monday",
        "He said: Kyiv • and then more words that make this a long sentence rather than a line",
    ],
)
def test_ordinary_sentences_are_not_datelines(text: str) -> None:
    assert find_dateline(text) is None


def test_header_split() -> None:
    header, rest = split_header("   date 2025-03-17 Headline here  \nBody")
    assert header is not None
    assert header.published == dt.date(2025, 3, 17)
    assert header.title == "Headline here"
    assert rest == "Body"
    assert split_header("Body only\nmore") == (None, "Body only\nmore")


def test_inline_dateline_stays_in_the_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(
        "KYIV, March 16, 2025 (Reuters) - Ukraine said on Sunday it was ready.\nMore text.\n",
        encoding="utf-8",
    )
    article = load_article(path)
    assert article.text.startswith("KYIV, March 16, 2025 (Reuters) - Ukraine")
    assert (article.dateline, article.site) == ("Kyiv", "Reuters")
    assert article.published == dt.date(2025, 3, 16)
    assert [block.kind for block in article.blocks] == ["paragraph", "paragraph"]
    assert_consistent(article)


def test_dateline_without_year_leaves_the_date_unknown(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("KYIV, March 16 (Reuters) - Ukraine said so.\n", encoding="utf-8")
    article = load_article(path)
    assert article.published is None
    assert any("no year" in notice for notice in article.notices)


def test_header_date_wins_over_dateline(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(
        "date 2025-03-17 Headline\nKYIV, March 16 (Reuters) - Ukraine said so.\n",
        encoding="utf-8",
    )
    article = load_article(path)
    assert article.published == dt.date(2025, 3, 17)
    assert article.notices == []
