"""Pathological quote marks (issue 19 item 4): ``python bench/quote_marks.py [--analyse]``.

Prints the time quote pairing (``pair_quotes``) takes on inputs built to defeat it: a run of
straight marks, curly single openers before in-word apostrophes, one paragraph of many short
quotations, at two sizes each so a quadratic cost shows as a 4x step. ``--analyse`` also runs
the article-wide analysis (parse, entities, quotes, dates) on N marks, on N characters of
short quotations in one paragraph and on N characters of prose, stage by stage, as
``annotate`` would. Figures only: nothing here asserts a target.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

from reader.core.analysis.quote_marks import pair_quotes  # noqa: E402

PAIRING_INPUTS: dict[str, Callable[[int], str]] = {
    "straight_run": lambda n: '"' * n,
    "single_openers_apostrophes": lambda n: ("‘a don’t " * (n // 9 + 1))[:n],
    "many_short_quotes": lambda n: ('"We go now." ' * (n // 13 + 1))[:n],
    "quote_per_line": lambda n: ('"a"\n' * (n // 4 + 1))[:n],
}


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_pairing(sizes: list[int]) -> None:
    for name, make in PAIRING_INPUTS.items():
        for size in sizes:
            text = make(size)
            seconds = timed(lambda text=text: pair_quotes(text))
            print(f"pair_quotes_{name}_{size}: {seconds:.3f} s", flush=True)


def bench_analysis(size: int) -> None:
    import inputs

    from reader.core.analysis.dates import find_dates
    from reader.core.analysis.entities import extract_entities
    from reader.core.analysis.pipeline import load_pipeline
    from reader.core.analysis.quotes import find_quotes
    from reader.core.analysis.runner import parse_text

    nlp = load_pipeline()
    nlp("Warm up the pipeline.")
    prose = inputs.build_text(inputs.collect_paragraphs().paragraphs, size)
    texts = {
        "marks": '"' * size,
        "short_quotes": PAIRING_INPUTS["many_short_quotes"](size),
        "prose": prose,
    }
    for name, text in texts.items():
        total = 0.0
        start = time.perf_counter()
        doc = parse_text(nlp, text)
        stages = {"parse": time.perf_counter() - start}
        start = time.perf_counter()
        entities = extract_entities(doc)
        stages["entities"] = time.perf_counter() - start
        stages["quotes"] = timed(lambda doc=doc, entities=entities: find_quotes(doc, entities))
        stages["dates"] = timed(lambda doc=doc: find_dates(doc, dt.date(2025, 3, 17)))
        for stage, seconds in stages.items():
            total += seconds
            print(f"analyse_{name}_{size}_{stage}: {seconds:.3f} s", flush=True)
        print(f"analyse_{name}_{size}_total: {total:.3f} s  # {len(doc)} tokens", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500_000, 1_000_000])
    parser.add_argument("--analyse", type=int, default=0, metavar="CHARS")
    args = parser.parse_args(argv)
    bench_pairing(args.sizes)
    if args.analyse:
        bench_analysis(args.analyse)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
