"""Convert surface hand labels of the real pages into the committed offset labels.

Labellers write, outside the repository (their quote labels are page text), per page
``<stem>.entities.json``, ``.quotes.json``, ``.dates.json`` in the tests/fixtures/gold surface
format and ``<stem>.meta.json`` ({"page", "published", "notes"}). This script resolves them
against the text the HTML loader extracts from the page in ../shared (corpus/news for the
held-out split, corpus/html for validation, either for development: the page's split in
split.json says which folders, tests.fixtures.real_pages.page_path finds it), with the same
resolution as the fixture gold (tests/fixtures/gold.py), and writes
tests/fixtures/real_news/<stem>.json: offsets, types, names, speakers, values and the digest of
the text, never the text (format in tests/fixtures/real_pages.py).

    .venv/bin/python bench/real_labels.py LABEL_DIR [STEM ...] [--shared ../shared]

Every page of split.json with surface labels in LABEL_DIR is converted, or only the STEMs given.
Quotes may nest (a quote inside a quote is found from the outer one's start); dates do not (each
is found after the previous one's end); a label whose own text occurs earlier unlabelled names
the text just before it in "after" (tests/fixtures/gold.py). A page is converted only when all
four files are there and every label resolves; otherwise it is reported and left as it was.
Surfaces that occur more often in the text than they were labelled are listed as a hint to the
labeller (a warning, not an error).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core.loaders import load_article
from tests.fixtures.gold import GoldSpan, resolve_entities, resolve_in_order
from tests.fixtures.real_pages import REAL_NEWS, corpus_dir, page_path, split, text_digest

ASPECTS = ("entities", "quotes", "dates", "meta")
DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def convert(stem: str, label_dir: Path, shared: Path) -> tuple[dict[str, Any], list[str]]:
    """Offset labels of one page and warnings; raises ValueError when a label does not resolve."""
    raw = {a: json.loads((label_dir / f"{stem}.{a}.json").read_text("utf-8")) for a in ASPECTS}
    page = f"{stem}.html"
    article = load_article(page_path(shared, page))
    text = article.text
    published = article.published.isoformat() if article.published else None
    warnings = []
    if raw["meta"].get("published") not in (None, published):
        warnings.append(f"meta published {raw['meta']['published']} != loader's {published}")
    entity_spans = resolve_entities(text, raw["entities"])
    warnings += unlabelled_occurrences(text, raw["entities"], entity_spans)
    labels = {
        "page": page,
        "sha256": text_digest(text),
        "published": published,
        "entities": _entities(raw["entities"], entity_spans),
        "quotes": [
            {
                "start": s.start,
                "end": s.end,
                "speaker": s.get("speaker"),
                "kind": s.get("kind") or "speech",
            }
            for s in resolve_in_order(text, raw["quotes"])
        ],
        "dates": [
            {
                "start": s.start,
                "end": s.end,
                "value": s.get("value"),
                "precision": s.get("precision"),
            }
            for s in resolve_in_order(text, raw["dates"], nested=False)
        ],
    }
    return labels, warnings


def _entities(gold: list[dict[str, Any]], spans: list[GoldSpan]) -> list[dict[str, Any]]:
    """One entry per labelled entity, its mentions as [start, end] in text order."""
    by_key: dict[tuple[str, str], list[list[int]]] = {}
    for span in spans:
        by_key.setdefault((str(span.label), span.get("name")), []).append([span.start, span.end])
    return [
        {"type": kind, "name": name, "mentions": mentions}
        for (kind, name), mentions in by_key.items()
    ]


def unlabelled_occurrences(
    text: str, gold: list[dict[str, Any]], spans: list[GoldSpan]
) -> list[str]:
    """Whole-word occurrences of a labelled surface that lie in no labelled mention."""
    taken = [(s.start, s.end) for s in spans]
    warnings = []
    for surface in sorted({m for ent in gold for m in ent["mentions"]}):
        pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
        for match in re.finditer(pattern, text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                warnings.append(f"{surface!r} at {match.start()} is not labelled")
    return warnings


def dump(labels: dict[str, Any]) -> str:
    """JSON with one entity, quote or date a line, so a diff shows which label changed."""
    lines = []
    for key, value in labels.items():
        if isinstance(value, list):
            items = ",\n".join(f"  {json.dumps(item, ensure_ascii=False)}" for item in value)
            lines.append(f' "{key}": [\n{items}\n ]' if value else f' "{key}": []')
        else:
            lines.append(f' "{key}": {json.dumps(value, ensure_ascii=False)}')
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("label_dir", type=Path, help="folder of the surface label files")
    parser.add_argument("stems", nargs="*", help="convert only these pages (default: all)")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="../shared")
    args = parser.parse_args()
    if not (args.shared / "corpus").is_dir():
        print(f"{args.shared / 'corpus'} is absent: nothing to convert")
        return 1
    pages = split()
    unknown = [s for s in args.stems if f"{s}.html" not in pages]
    if unknown:
        print(f"not in split.json: {', '.join(unknown)}")
        return 1
    written = 0
    for page, which in sorted(pages.items()):
        stem = page.removesuffix(".html")
        if args.stems and stem not in args.stems:
            continue
        if not corpus_dir(args.shared, which).is_dir():
            print(f"{stem}: not converted, {corpus_dir(args.shared, which)} is absent")
            continue
        missing = [a for a in ASPECTS if not (args.label_dir / f"{stem}.{a}.json").exists()]
        if missing:
            print(f"{stem}: not converted, missing {', '.join(missing)}")
            continue
        try:
            labels, warnings = convert(stem, args.label_dir, args.shared)
        except (ValueError, KeyError, json.JSONDecodeError) as error:
            print(f"{stem}: not converted, {error}")
            continue
        out = REAL_NEWS / f"{stem}.json"
        out.write_text(dump(labels), encoding="utf-8")
        written += 1
        mentions = sum(len(e["mentions"]) for e in labels["entities"])
        print(
            f"{stem}: {len(labels['entities'])} entities ({mentions} mentions), "
            f"{len(labels['quotes'])} quotes, {len(labels['dates'])} dates"
        )
        for warning in warnings:
            print(f"  warning: {warning}")
    print(f"{written} pages written to {REAL_NEWS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
