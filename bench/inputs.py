"""Benchmark inputs built from real text: the sample article and the shared HTML corpus.

Articles are loaded through ``reader.core.loaders`` (as the app does), joined paragraph by
paragraph and repeated until the target size, and written as .txt files with the sample's
``date YYYY-MM-DD <headline>`` header, so opening them goes through the real text loader.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from reader.core.loaders import SUPPORTED_SUFFIXES, load_article
from reader.core.paths import sample_article

SHARED = Path(__file__).resolve().parents[2] / "shared"
"""``../shared`` beside the checkout this bench runs from."""
CORPUS = Path("/work/shared/corpus/html")


@dataclass(frozen=True)
class Source:
    """Where the benchmark text came from, said in the output."""

    paragraphs: list[str]
    note: str


def corpus_dir() -> Path | None:
    """The shared HTML corpus (``../shared`` of the repo, or /work/shared from a worktree)."""
    for folder in (SHARED / "corpus" / "html", CORPUS):
        if folder.is_dir():
            return folder
    return None


def _english_files(folder: Path) -> list[Path]:
    manifest = folder / "MANIFEST.tsv"
    if not manifest.is_file():
        return sorted(folder.glob("*.htm*"))
    with manifest.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [folder / row["file"] for row in rows if row.get("language") == "en"]


def collect_paragraphs() -> Source:
    """Paragraphs of the sample article, then of every English corpus article."""
    sample = load_article(sample_article())
    paragraphs = [p for p in sample.text.split("\n") if p.strip()]
    folder = corpus_dir()
    if folder is None:
        return Source(paragraphs, "seeds only: ../shared/corpus/html is absent")
    if ".html" not in SUPPORTED_SUFFIXES:
        return Source(paragraphs, "seeds only: no HTML loader in reader.core.loaders yet")
    used = 0
    for path in _english_files(folder):
        try:
            article = load_article(path)
        except Exception:  # a page the loader refuses is simply not used
            continue
        found = [p for p in article.text.split("\n") if len(p.split()) >= 4]
        if found:
            paragraphs += found
            used += 1
    return Source(paragraphs, f"seeds + {used} English articles of {folder}")


def build_text(paragraphs: list[str], size: int) -> str:
    """Paragraphs repeated in order until ``size`` characters, cut at a paragraph end."""
    if not paragraphs:
        raise ValueError("no text to build from")
    out: list[str] = []
    length = 0
    i = 0
    while length < size:
        paragraph = paragraphs[i % len(paragraphs)]
        out.append(paragraph)
        length += len(paragraph) + 1
        i += 1
    text = "\n".join(out)
    return text[: text.rfind("\n", 0, size)] if len(text) > size and "\n" in text else text


def write_input(folder: Path, name: str, text: str) -> Path:
    """A .txt article the text loader opens: header line with date and headline, then text."""
    path = folder / f"{name}.txt"
    path.write_text(f"date 2025-03-17 Benchmark input {name}\n{text}\n", encoding="utf-8")
    return path
