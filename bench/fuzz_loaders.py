"""Fuzz the article loaders with mutated corpus pages and generated txt/md/pdf/docx files.

Every case is a file written to a temp folder and opened with ``load_article`` in a worker
process with a memory cap; the parent kills a worker that runs past the per-file time limit.
Outcomes: ``ok`` (an Article whose blocks index its text), ``refused`` (LoadError: the
documented failure), ``crash`` (any other exception, an invalid Article, or a dead worker),
``hang`` (time limit). Crashing and hanging inputs are saved to ``--out`` for replay.

    python bench/fuzz_loaders.py --cases 3000            # what `make fuzz` runs
    python bench/fuzz_loaders.py --replay 1234 --seed 1  # rerun one case in this process

Exit status 1 when any case crashed or hung.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import resource
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from fuzz_inputs import mutate  # noqa: E402
from fuzz_seeds import Seed, load_seeds  # noqa: E402

from reader.core.paths import sample_article  # noqa: E402

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
MEMORY_LIMIT = 3 * 1024**3
"""Address-space cap per worker: a decompression bomb becomes a MemoryError, not a dead box."""


def default_corpus() -> Path:
    """<repo>/../shared/corpus/html, as tests/conftest.py finds the shared folder."""
    env = os.environ.get("ENTITY_READER_CORPUS")
    return Path(env) if env else ROOT.parent / "shared" / "corpus" / "html"


def make_case(index: int, seed_value: int, seeds: list[Seed]) -> tuple[bytes, str, str]:
    """Case ``index``: bytes, file suffix and a description. Deterministic in (index, seed)."""
    rng = random.Random(seed_value * 1_000_003 + index)
    # Spread cases evenly over formats, not over seeds (the corpus is mostly HTML).
    suffix = rng.choice(sorted({s.suffix for s in seeds}))
    seed = rng.choice([s for s in seeds if s.suffix == suffix])
    data, applied = mutate(seed, seeds, rng)
    if rng.random() < 0.08:  # a file whose name lies about its format
        suffix = rng.choice(SUFFIXES)
    return data, suffix, f"{seed.name} {'+'.join(applied)} as {suffix}"


def check_article(article: object) -> str:
    """Why a returned Article breaks the model's contract, or ''."""
    from reader.core.model import Article

    if not isinstance(article, Article) or not isinstance(article.text, str):
        return f"load_article returned {type(article).__name__}"
    for block in article.blocks:
        if not 0 <= block.start <= block.end <= len(article.text):
            return f"block {block} lies outside the text ({len(article.text)} chars)"
    if article.title is not None and not isinstance(article.title, str):
        return "title is not text"
    return ""


def load_one(path: Path) -> tuple[str, str]:
    """Outcome and detail of opening ``path`` (runs inside a worker)."""
    from reader.core.errors import LoadError
    from reader.core.loaders import load_article

    try:
        problem = check_article(load_article(path))
    except LoadError as exc:
        return "refused", exc.message
    except BaseException:  # MemoryError, RecursionError, anything: all are crashes
        return "crash", traceback.format_exc()
    return ("crash", problem) if problem else ("ok", "")


def _worker(conn: Connection) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    while True:
        path = conn.recv()
        if path is None:
            return
        outcome, detail = load_one(Path(path))
        conn.send((outcome, detail))


@dataclass
class Worker:
    """One loader process and the case it is running."""

    process: mp.Process
    conn: Connection
    case: int | None = None
    path: Path | None = None
    started: float = 0.0

    @classmethod
    def start(cls, ctx: mp.context.BaseContext) -> Worker:
        parent, child = ctx.Pipe()
        process = ctx.Process(target=_worker, args=(child,), daemon=True)
        process.start()
        child.close()
        return cls(process, parent)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


@dataclass
class Report:
    """Counts per outcome, per format and per mutator, and the slowest cases."""

    outcomes: Counter = field(default_factory=Counter)
    by_suffix: Counter = field(default_factory=Counter)
    failures: list[dict] = field(default_factory=list)
    slowest: list[tuple[float, str]] = field(default_factory=list)

    def add(self, case: int, what: str, outcome: str, detail: str, seconds: float) -> None:
        self.outcomes[outcome] += 1
        self.by_suffix[f"{what.rsplit(' as ', 1)[-1]} {outcome}"] += 1
        self.slowest = sorted([*self.slowest, (round(seconds, 2), f"#{case} {what}")])[-5:][::-1]
        if outcome in ("crash", "hang"):
            self.failures.append(
                {"case": case, "input": what, "outcome": outcome, "detail": detail}
            )


def run(args: argparse.Namespace) -> Report:
    seeds = load_seeds(args.corpus, sample_article())
    ctx = mp.get_context("fork")
    report = Report()
    workdir = Path(tempfile.mkdtemp(prefix="fuzz-loaders-"))
    workers = [Worker.start(ctx) for _ in range(args.workers)]
    next_case = 0
    described: dict[int, str] = {}
    try:
        while next_case < args.cases or any(w.case is not None for w in workers):
            for w in workers:
                if w.case is None and next_case < args.cases:
                    data, suffix, what = make_case(next_case, args.seed, seeds)
                    w.path = workdir / f"case{next_case}{suffix}"
                    w.path.write_bytes(data)
                    described[next_case] = what
                    w.case, w.started = next_case, time.monotonic()
                    w.conn.send(str(w.path))
                    next_case += 1
            busy = [w for w in workers if w.case is not None]
            ready = wait([w.conn for w in busy], timeout=0.2)
            for i, w in enumerate(workers):
                if w.case is None:
                    continue
                elapsed = time.monotonic() - w.started
                if w.conn in ready:
                    try:
                        outcome, detail = w.conn.recv()
                    except (EOFError, OSError):
                        code = w.process.exitcode
                        outcome, detail = "crash", f"the worker died (exit code {code})"
                elif elapsed > args.timeout:
                    outcome, detail = "hang", f"no result after {args.timeout} s"
                else:
                    continue
                what = described.pop(w.case)
                report.add(w.case, what, outcome, detail, elapsed)
                if outcome in ("crash", "hang"):
                    keep = args.out / f"{outcome}-{w.case}{w.path.suffix}"
                    args.out.mkdir(parents=True, exist_ok=True)
                    keep.write_bytes(w.path.read_bytes())
                    if not args.json:
                        print(f"{outcome.upper()} #{w.case} {what}: {detail.strip()[-300:]}")
                    w.stop()
                    workers[i] = w = Worker.start(ctx)
                if w.path is not None:
                    w.path.unlink(missing_ok=True)
                w.case, w.path = None, None
                done = sum(report.outcomes.values())
                if not args.json and done % 250 == 0:
                    print(f"  {done}/{args.cases} cases, {dict(report.outcomes)}", flush=True)
    finally:
        for w in workers:
            if w.process.is_alive() and w.case is None:
                w.conn.send(None)
            w.stop()
        for leftover in workdir.iterdir():
            leftover.unlink()
        workdir.rmdir()
    return report


def replay(args: argparse.Namespace) -> int:
    seeds = load_seeds(args.corpus, sample_article())
    data, suffix, what = make_case(args.replay, args.seed, seeds)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"case{args.replay}{suffix}"
        path.write_bytes(data)
        outcome, detail = load_one(path)
    print(f"#{args.replay} {what}: {outcome}\n{detail}")
    return 0 if outcome in ("ok", "refused") else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per file")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "fuzz")
    parser.add_argument("--json", action="store_true", help="print one JSON summary line only")
    parser.add_argument("--replay", type=int, help="run this one case in-process and show it")
    args = parser.parse_args(argv)
    if args.replay is not None:
        return replay(args)
    started = time.monotonic()
    report = run(args)
    seconds = time.monotonic() - started
    crashes, hangs = report.outcomes["crash"], report.outcomes["hang"]
    summary = {
        "cases": sum(report.outcomes.values()),
        "ok": report.outcomes["ok"],
        "refused": report.outcomes["refused"],
        "crashes": crashes,
        "hangs": hangs,
        "seconds": round(seconds, 1),
        "by_format": dict(sorted(report.by_suffix.items())),
        "slowest": report.slowest,
        "failures": report.failures,
    }
    if args.json:
        print(json.dumps(summary))
    else:
        print(
            f"fuzz_loaders: {summary['cases']} cases in {seconds:.0f} s: {summary['ok']} ok, "
            f"{summary['refused']} refused, {crashes} crashes, {hangs} hangs "
            f"(limit {args.timeout:g} s per file, seed {args.seed})"
        )
        for key, count in summary["by_format"].items():
            print(f"  {key}: {count}")
        print("  slowest:", "; ".join(f"{s} s {what}" for s, what in report.slowest))
        if crashes or hangs:
            print(f"  failing inputs saved in {args.out}")
    return 1 if crashes or hangs else 0


if __name__ == "__main__":
    sys.exit(main())
