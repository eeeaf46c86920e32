"""Library figures: indexing the real pages, and a large library's size and query times.

``python bench/library.py`` prints one ``name: value unit`` line per figure (as bench/perf.py):

- ``index_cold``: ``entity-reader index`` over ../shared/corpus/news in a fresh home (empty
  library, empty analysis cache: every page is loaded and analysed), then ``index_reindex``
  (nothing changed: every file skipped by size and mtime) and ``index_warm_cache`` (a new
  library over a full analysis cache: what re-indexing costs after the analysis code is the
  same but the library was deleted).
- ``scale_*``: a library of ``--articles`` articles (10,000 by default) built from the real
  pages' annotations, varied (each copy's text gets its own words and its people their own
  family names, so identity has real work), written through ``Library.add_file``. Figures:
  time to build, size on disk, peak memory, and p95 of full-text, entity and speaker queries.

Nothing asserts a target; the figures are recorded in the README.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED_NEWS = ROOT.parent / "shared" / "corpus" / "news"


def emit(name: str, value: float, unit: str, note: str = "") -> None:
    """One figure line."""
    suffix = f"  # {note}" if note else ""
    print(f"{name}: {value:.3f} {unit}{suffix}", flush=True)


def _index_run(home: Path, library: Path, folder: Path) -> float:
    env = dict(os.environ, ENTITY_READER_HOME=str(home))
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "reader.cli", "index", str(folder), "--library", str(library)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - began
    print(f"# {done.stdout.strip()}", flush=True)
    return seconds


def bench_index(folder: Path) -> None:
    """Cold index, re-index, and a new library over a warm analysis cache (whole process)."""
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        emit(
            "index_cold",
            _index_run(home, Path(tmp) / "a.sqlite3", folder),
            "s",
            "process start, model load, load + analyse every page",
        )
        emit(
            "index_reindex",
            _index_run(home, Path(tmp) / "a.sqlite3", folder),
            "s",
            "nothing changed",
        )
        emit(
            "index_warm_cache",
            _index_run(home, Path(tmp) / "b.sqlite3", folder),
            "s",
            "new library, analysis cache full",
        )


def _real_annotations(folder: Path) -> list:
    from reader.core.analysis import SpacyAnalyser
    from reader.core.cache import analyse_cached
    from reader.core.documents import open_document
    from reader.core.library.indexer import article_files
    from reader.core.paths import sample_article

    analyser = SpacyAnalyser()
    found = []
    for path in [*article_files([folder]), sample_article()]:
        try:
            document = open_document(path)
        except Exception:  # a page the loaders refuse is not part of the bench
            continue
        if hasattr(document, "entities"):
            found.append(document)
        else:
            found.append(analyse_cached(analyser, document))
    return found


def _varied(ann, copy: int, rng: random.Random):
    """Copy ``copy`` of ``ann``: its own text tail and publication date, and its people's
    family names drawn from a pool, so names repeat across articles as in a real library."""
    from reader.core.model import PERSON, Entity

    tail = f"\nCopy {copy} of the story, filed with note {rng.randrange(10**6)}."
    article = dataclasses.replace(
        ann.article,
        text=ann.article.text + tail,
        title=f"{ann.article.title or 'Untitled'} ({copy})",
        published=None
        if ann.article.published is None
        else ann.article.published.replace(year=2015 + copy % 10),
    )
    entities = []
    for e in ann.entities:
        if e.type == PERSON and " " in e.name:
            first, _, _last = e.name.rpartition(" ")
            e = Entity(e.id, e.type, f"{first} Family{rng.randrange(400)}", e.mentions)
        entities.append(e)
    return dataclasses.replace(ann, article=article, entities=entities)


def _p95(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.quantiles(times, n=20)[-1] * 1000


def bench_scale(folder: Path, count: int, runs: int, keep: Path | None) -> None:
    """A library of ``count`` articles: build time, size, memory, query p95."""
    from reader.core.library import search as queries
    from reader.core.library.store import Library, Stamp

    rng = random.Random(17)
    with tempfile.TemporaryDirectory() as tmp:
        path = keep or Path(tmp) / "big.sqlite3"
        if not path.exists():
            base = _real_annotations(folder)
            began = time.perf_counter()
            with Library(path) as library:
                for copy in range(count):
                    ann = _varied(base[copy % len(base)], copy, rng)
                    stamp = Stamp(len(ann.article.text), copy, f"{copy:064x}")
                    library.add_file(f"/bench/{copy}.txt", stamp, ann, is_copy=False, analyser="b")
                built = time.perf_counter() - began
                library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            emit("scale_build", built, "s", f"{count} articles from {len(base)} real ones")
            emit("scale_build_per_article", built / count * 1000, "ms")
        size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
        emit("scale_disk", size / 1e6, "MB")
        with Library(path) as library:
            conn = library.conn
            people = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM entities WHERE type = 'person' ORDER BY random() LIMIT 50"
                )
            ]
            words = ["president", "ceasefire", "election", "vaccine", "hurricane", "court"]
            emit(
                "scale_fulltext_p95",
                _p95(lambda: queries.search(conn, rng.choice(words), limit=50), runs),
                "ms",
                "articles and quotes, first 50",
            )
            emit(
                "scale_entity_p95",
                _p95(lambda: queries.search(conn, entity=rng.choice(people), limit=50), runs),
                "ms",
            )
            emit(
                "scale_surname_p95",
                _p95(
                    lambda: queries.search(conn, entity=rng.choice(people).split()[-1], limit=50),
                    runs,
                ),
                "ms",
                "a surname: its alias cluster",
            )
            emit(
                "scale_speaker_p95",
                _p95(lambda: queries.search(conn, speaker=rng.choice(people), limit=50), runs),
                "ms",
            )
            emit(
                "scale_list_page_p95",
                _p95(
                    lambda: queries.articles(
                        conn, order="title", limit=100, offset=rng.randrange(count)
                    ),
                    runs,
                ),
                "ms",
                "one page of 100 of the Library panel's list",
            )
            counts = conn.execute(
                "SELECT (SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM aliases),"
                " (SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM quotes)"
            ).fetchone()
            print(
                f"# entities {counts[0]}, aliases {counts[1]}, mentions {counts[2]}, "
                f"quotes {counts[3]}",
                flush=True,
            )
        bench_panel(path)
    emit(
        "scale_peak_rss",
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "MB",
        "this process, model loaded",
    )


def bench_panel(path: Path) -> None:
    """The Library panel over the large library: opening it, and the slowest step of
    scrolling through 2,000 rows (each fetch of a page), and searching a name."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.core.library.store import Library
    from reader.ui.library_panel import ENTITY, LibraryPanel

    app = QApplication.instance() or QApplication([])
    with Library(path) as library:
        panel = LibraryPanel()
        panel.resize(700, 600)
        panel.show()
        app.processEvents()
        began = time.perf_counter()
        panel.set_connection(library.conn)
        app.processEvents()
        emit("panel_open", (time.perf_counter() - began) * 1000, "ms", "first page and counts")
        slowest = 0.0
        view = panel.article_view
        while panel.articles.rowCount() < 2000 and panel.articles.canFetchMore():
            began = time.perf_counter()
            view.scrollToBottom()
            app.processEvents()
            slowest = max(slowest, time.perf_counter() - began)
        emit("panel_scroll_worst_step", slowest * 1000, "ms", "scrolling to row 2,000")
        name = library.conn.execute(
            "SELECT name FROM entities WHERE type = 'person' LIMIT 1 OFFSET 100"
        ).fetchone()[0]
        began = time.perf_counter()
        panel.search(name, ENTITY)
        app.processEvents()
        emit("panel_entity_search", (time.perf_counter() - began) * 1000, "ms", "one name")
        panel.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=SHARED_NEWS)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=200, help="queries per p95")
    parser.add_argument("--skip-index", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument(
        "--smoke", action="store_true", help="200 articles, 20 queries: every path, quickly (CI)"
    )
    parser.add_argument(
        "--keep", type=Path, help="build the large library here (or reuse it if it exists)"
    )
    args = parser.parse_args()
    if args.smoke:
        args.articles, args.runs = min(args.articles, 200), min(args.runs, 20)
    if not args.folder.is_dir():
        print(f"index_cold: n/a ({args.folder} is absent)")
        return
    print(f"# {len(list(args.folder.iterdir()))} entries in {args.folder}", flush=True)
    if not args.skip_index:
        bench_index(args.folder)
    if not args.skip_scale:
        bench_scale(args.folder, args.articles, args.runs, args.keep)


if __name__ == "__main__":
    main()
