"""The committed real-page labels hold no page text and still fit the HTML loader's text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.loaders import load_article
from tests.fixtures.gold import resolve_in_order
from tests.fixtures.real_pages import (
    LABEL_KEYS,
    SPLITS,
    corpus_dir,
    corpus_dirs,
    label_paths,
    load_real_page,
    page_path,
    read_labels,
    split,
    text_digest,
)

LABEL_FILES = label_paths()
ITEM_KEYS = {
    "entities": {"type", "name", "mentions"},
    "quotes": {"start", "end", "speaker", "kind"},
    "dates": {"start", "end", "value", "precision"},
}


def test_every_page_is_split_once_into_dev_heldout_or_validation() -> None:
    pages = split()
    assert pages and set(pages.values()) <= set(SPLITS)
    assert all(page.endswith(".html") for page in pages)


def test_every_split_page_is_read_from_a_folder_its_split_allows(shared_dir: Path) -> None:
    """Held-out pages are in corpus/news, validation pages in corpus/html, development pages in
    either; no page name is in both folders, so where a page is read from is never a choice."""
    news, html = corpus_dir(shared_dir, "heldout"), corpus_dir(shared_dir, "validation")
    assert news != html and corpus_dirs(shared_dir, "dev") == [news, html]
    homes = {"dev": set(), "heldout": set(), "validation": set()}
    for page, which in split().items():
        path = page_path(shared_dir, page)
        assert path.parent in corpus_dirs(shared_dir, which) and path.is_file(), page
        assert not ((news / page).is_file() and (html / page).is_file()), page
        homes[which].add(path.parent)
    assert homes == {"dev": {news, html}, "heldout": {news}, "validation": {html}}


def test_a_page_missing_from_every_allowed_folder_is_looked_for_in_the_home_folder(
    tmp_path: Path,
) -> None:
    """A missing page's path names its split's home folder, so the loader's error says where it
    was expected; a folder the split does not allow is never used."""
    page = next(p for p, which in split().items() if which == "heldout")
    (tmp_path / "corpus" / "html").mkdir(parents=True)
    (tmp_path / "corpus" / "html" / page).write_text("<html></html>", encoding="utf-8")
    assert page_path(tmp_path, page) == tmp_path / "corpus" / "news" / page


def test_there_are_real_labels_in_every_split() -> None:
    assert all(label_paths(which) for which in SPLITS)


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_label_file_names_its_page_and_holds_no_text(path: Path) -> None:
    labels = read_labels(path)
    assert set(labels) == LABEL_KEYS
    assert labels["page"] == f"{path.stem}.html" and labels["page"] in split()
    assert re.fullmatch(r"[0-9a-f]{64}", labels["sha256"])
    for aspect, keys in ITEM_KEYS.items():
        for item in labels[aspect]:
            assert set(item) == keys, (aspect, item)
    for quote in labels["quotes"]:
        assert quote["kind"] in ("speech", "scare")


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_labels_match_the_loaders_text(path: Path, shared_dir: Path) -> None:
    labels = read_labels(path)
    article = load_article(page_path(shared_dir, labels["page"]))
    assert text_digest(article.text) == labels["sha256"], "re-run bench/real_labels.py"
    published = article.published.isoformat() if article.published else None
    assert published == labels["published"]


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_every_label_resolves_to_a_clean_span(path: Path, shared_dir: Path) -> None:
    page = load_real_page(path, shared_dir)
    text = page.article.text
    taken: list[tuple[int, int]] = []
    for span in page.entities:
        assert 0 <= span.start < span.end <= len(text)
        assert span.text == span.text.strip() and "\n" not in span.text, span
        before = text[span.start - 1] if span.start else " "
        after = text[span.end] if span.end < len(text) else " "
        assert not before.isalnum() and not after.isalnum(), span
        assert not any(s < span.end and span.start < e for s, e in taken), span
        taken.append((span.start, span.end))
    for spans in (page.quotes, page.dates):
        starts = [s.start for s in spans]
        assert starts == sorted(starts)
        assert all(0 <= s.start < s.end <= len(text) for s in spans)
    names = {s.get("name") for s in page.entities}
    speakers = {q.get("speaker") for q in page.quotes} - {None}
    assert speakers <= names, speakers - names


def test_dates_resolve_after_the_previous_date_and_quotes_may_nest() -> None:
    """A year after a full date is the later year, not the one inside the date; a quote inside
    a quote is found from the outer one's start."""
    text = "Filed on May 4, 2021 and copied in 2021. She said 'he told me \"go\" twice'."
    gold = [{"text": "May 4, 2021"}, {"text": "2021"}]
    dates = resolve_in_order(text, gold, nested=False)
    assert [d.start for d in dates] == [text.index("May"), text.rindex("2021")]
    assert resolve_in_order(text, gold)[1].start == text.index("2021")  # inside the full date
    quotes = resolve_in_order(text, [{"text": 'he told me "go" twice'}, {"text": "go"}])
    assert [q.start for q in quotes] == [text.index("he told"), text.index('"go"') + 1]


def test_a_label_after_a_given_text_skips_earlier_plain_occurrences_of_its_own_text() -> None:
    """A scare-quoted word used plainly before is found after the text that leads it, and its
    span is the word alone."""
    text = 'The plot shows clusters, but such "clusters" can be noise. Noise again.'
    gold = [{"text": "clusters", "kind": "scare", "after": 'such "'}, {"text": "noise"}]
    quotes = resolve_in_order(text, gold)
    assert [(q.start, q.text) for q in quotes] == [
        (text.index('"clusters"') + 1, "clusters"),
        (text.index("noise"), "noise"),
    ]
    assert quotes[0].extra == (("kind", "scare"),)
