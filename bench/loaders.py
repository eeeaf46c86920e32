"""Hit rate of the HTML loader on the shared corpus: titles, dates and bodies.

Run: .venv/bin/python bench/loaders.py [CORPUS_DIR]. The corpus (third-party pages) stays in
../shared/corpus/html/ and is read in place; nothing is copied into the project. Prints one
``name: value unit`` line per figure, then the pages that missed.
"""

from __future__ import annotations

import csv
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.errors import LoadError  # noqa: E402
from reader.core.loaders import load_article  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "html"
MIN_BODY = 500
"""Characters of body text that count as a found article (hard pages are expected to miss)."""


def expected_date(value: str) -> dt.date | None:
    word = value.split()[0]
    return None if word == "none" else dt.date.fromisoformat(word)


def title_hit(expected: str, found: str | None) -> bool:
    if not found:
        return False
    a, b = expected.casefold().strip(), found.casefold().strip()
    return a == b or (min(len(a), len(b)) >= 0.5 * max(len(a), len(b)) and (a in b or b in a))


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    manifest = corpus / "MANIFEST.tsv"
    if not manifest.is_file():
        print(f"no corpus at {corpus}: nothing to measure", file=sys.stderr)
        return 1
    with manifest.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    titles = dates = bodies = errors = 0
    times: list[float] = []
    misses: list[str] = []
    for row in rows:
        start = time.perf_counter()
        try:
            article = load_article(corpus / row["file"])
        except LoadError as exc:
            errors += 1
            misses.append(f"{row['file']}: error: {exc}")
            continue
        times.append(time.perf_counter() - start)
        want = expected_date(row["expected_published"])
        hit_title = title_hit(row["title"], article.title)
        hit_date = article.published == want
        hit_body = len(article.text) >= MIN_BODY
        titles += hit_title
        dates += hit_date
        bodies += hit_body
        if not (hit_title and hit_date and hit_body):
            misses.append(
                f"{row['file']}: title={'ok' if hit_title else repr(article.title)} "
                f"date={'ok' if hit_date else f'{article.published} (manifest {want})'} "
                f"body={len(article.text)} chars notices={len(article.notices)}"
            )
    total = len(rows)
    print(f"pages: {total} count")
    print(f"title_hit_rate: {titles / total:.3f} ratio ({titles}/{total})")
    print(f"date_hit_rate: {dates / total:.3f} ratio ({dates}/{total})")
    print(f"body_hit_rate: {bodies / total:.3f} ratio ({bodies}/{total}, >= {MIN_BODY} chars)")
    print(f"load_errors: {errors} count")
    if times:
        print(f"load_median_s: {statistics.median(times):.3f} s")
        print(f"load_max_s: {max(times):.3f} s")
    for miss in misses:
        print(f"  miss: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
