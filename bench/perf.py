"""Entity Reader performance figures: ``make bench`` (full) or ``make bench-smoke`` (CI).

Prints one ``name: value unit`` line per figure, each the median of several runs, on inputs
built from real text (bench/inputs.py). Lines starting with ``#`` describe the machine and
the inputs. A figure that cannot be measured here prints ``name: n/a (reason)``.
Nothing here asserts a target: the figures are recorded in the README.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import inputs  # noqa: E402  (bench/ is not a package)

FULL_SIZES = {"5kB": 5_000, "1MB": 1_000_000, "5MB": 5_000_000}
SMOKE_SIZES = {"5kB": 2_000, "1MB": 12_000, "5MB": 24_000}
"""--smoke keeps every code path with tiny inputs, so CI runs it in well under a minute."""
FIRST_SCREEN_CHARS = 3_000
"""What one screen of the reading view shows at the default zoom (about 40 lines)."""


def emit(name: str, value: float, unit: str, note: str = "") -> None:
    """One figure line."""
    digits = 0 if unit in ("mb", "ms") and value >= 100 else 3
    suffix = f"  # {note}" if note else ""
    print(f"{name}: {value:.{digits}f} {unit}{suffix}", flush=True)


def not_measured(name: str, reason: str) -> None:
    """A figure this run cannot take."""
    print(f"{name}: n/a ({reason})", flush=True)


def median_time(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of ``fn`` over ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def describe_machine() -> None:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(f"# machine: {os.cpu_count()} cores, {cpu}, {memory:.0f} GB, {platform.platform()}")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# python {platform.python_version()}; load average at start {load}")


# -- core figures -------------------------------------------------------------------------------
def core_figures(args: argparse.Namespace, files: dict[str, Path]) -> dict[str, object]:
    """Load, analysis, throughput, region first, cache: everything without a window."""
    from reader.core.analysis import SpacyAnalyser
    from reader.core.analysis.pipeline import load_pipeline
    from reader.core.loaders import load_article

    start = time.perf_counter()
    nlp = load_pipeline()
    emit("model_load_s", time.perf_counter() - start, "s", "import spaCy + load, once")
    print(f"# model {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}: {nlp.pipe_names}")
    analyser = SpacyAnalyser(nlp)
    nlp("Warm up the pipeline.")

    for size in ("5kB", "1MB"):
        value = median_time(lambda size=size: load_article(files[size]), args.runs)
        emit(f"load_{size}_s", value, "s", "core: file -> Article")

    small = load_article(files["5kB"])
    walls, cpus = [], []
    for _ in range(args.runs):
        wall, cpu = time.perf_counter(), time.process_time()
        analyser.analyse(small)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    note = f"{len(small.text)} chars, model loaded (issue 3)"
    emit("analysis_5kB_s", statistics.median(walls), "s", note)
    emit("analysis_5kB_cpu_s", statistics.median(cpus), "s", "CPU time of the same runs")

    big = load_article(files["1MB"])
    result = throughput(nlp, analyser, big, args.heavy_runs)
    first_screen_core(analyser, files["1MB"], args.runs)
    cached_reopen_core(analyser, files["1MB"], result, args.runs)
    return {"analyser": analyser, "annotations_1MB": result}


def throughput(nlp: object, analyser: object, article: object, runs: int) -> object:
    """analysis_throughput_ratio: bare nlp.pipe time / our end-to-end time, interleaved."""
    paragraphs = [p for p in article.text.split("\n") if p]
    ratios, cpu_ratios, ours, bare, ours_cpu, bare_cpu = [], [], [], [], [], []
    result = None
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe(paragraphs):
            pass
        bare.append(time.perf_counter() - start)
        bare_cpu.append(time.process_time() - cpu)
        start, cpu = time.perf_counter(), time.process_time()
        result = analyser.analyse(article)
        ours.append(time.perf_counter() - start)
        ours_cpu.append(time.process_time() - cpu)
        ratios.append(bare[-1] / ours[-1])
        cpu_ratios.append(bare_cpu[-1] / ours_cpu[-1])
    chars = len(article.text)
    emit("bare_nlp_pipe_1MB_s", statistics.median(bare), "s", f"{chars} chars, paragraphs")
    emit("analysis_1MB_s", statistics.median(ours), "s", "SpacyAnalyser.analyse end to end")
    emit("bare_nlp_pipe_1MB_cpu_s", statistics.median(bare_cpu), "s", "CPU time")
    emit("analysis_1MB_cpu_s", statistics.median(ours_cpu), "s", "CPU time")
    emit("analysis_throughput_ratio", statistics.median(ratios), "x", "bare / ours, wall")
    emit("analysis_throughput_ratio_cpu", statistics.median(cpu_ratios), "x", "bare / ours, CPU")
    process_throughput(article, statistics.median(bare))
    return result


def process_throughput(article: object, bare: float) -> None:
    """The same analysis through the app's ProcessAnalyser (a child process, results piped)."""
    from reader.core.analysis.process import ProcessAnalyser

    analyser = ProcessAnalyser()
    try:
        analyser.pipeline_info()  # the process has loaded its model
        start = time.perf_counter()
        analyser.analyse(article)
        wall = time.perf_counter() - start
    finally:
        analyser.close()
    emit("analysis_1MB_process_s", wall, "s", "ProcessAnalyser.analyse, as the app runs it")
    emit("analysis_throughput_ratio_process", bare / wall, "x", "bare / ours in the process, wall")


def first_screen_core(analyser: object, path: Path, runs: int) -> None:
    """Load the 1 MB file and analyse its first screen first; time to the first partial."""
    from reader.core.analysis.incremental import AnalysisCancelled, analyse_incremental
    from reader.core.loaders import load_article

    def once() -> float:
        start = time.perf_counter()
        first: list[float] = []
        article = load_article(path)
        with contextlib.suppress(AnalysisCancelled):  # stop once the screen is highlighted
            analyse_incremental(
                analyser,
                article,
                (0, FIRST_SCREEN_CHARS),
                lambda _partial: first.append(time.perf_counter() - start),
                should_stop=lambda: bool(first),
            )
        if not first:
            raise RuntimeError("no provisional result: the input is a single chunk")
        return first[0]

    value = statistics.median(once() for _ in range(runs))
    emit("first_screen_core_s", value, "s", "load + region-first analysis, to first partial")


def cached_reopen_core(analyser: object, path: Path, annotations: object, runs: int) -> None:
    """Reopen: load the file and read its analysis from the cache (model never runs)."""
    from reader.core.cache import AnalysisCache, analyse_cached
    from reader.core.loaders import load_article

    AnalysisCache().put(annotations)

    def once() -> None:
        analyse_cached(analyser, load_article(path))

    emit("cached_reopen_core_s", median_time(once, runs), "s", "load + cache hit, no window")


# -- window figures ------------------------------------------------------------------------------
UI_FIGURES = (
    "open_to_text_s[5kB]",
    "open_to_highlights_s[5kB]",
    "first_screen_highlights_s[1MB]",
    "max_ui_stall_ms",
    "highlight_toggle_ms[1MB]",
    "cached_reopen_s[1MB]",
    "open_to_text_s[1MB]",
)


def startup(runs: int) -> None:
    """startup_to_window_s: ``entity-reader`` on the sample, process start to first paint."""
    from reader.core.paths import sample_article

    times = []
    for _ in range(runs):
        start = time.time()
        child = subprocess.run(
            [sys.executable, __file__, "--child-startup", str(sample_article())],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        lines = child.stdout.strip().splitlines()
        if child.returncode != 0 or not lines:
            not_measured("startup_to_window_s", f"child failed: {child.stderr.strip()[-200:]}")
            return
        times.append(float(lines[-1]) - start)
    emit("startup_to_window_s", statistics.median(times), "s", "offscreen, sample article")


def _ui_reason() -> str | None:
    import ui_figures

    return ui_figures.ui_available()


def window_figures(args: argparse.Namespace, files: dict[str, Path], core: dict) -> None:
    import ui_figures

    if reason := ui_figures.ui_available():
        for name in UI_FIGURES:
            not_measured(name, reason)
        return
    from reader.ui.app import default_analyser

    analyser = default_analyser()  # what the app analyses with: spaCy in a child process
    try:
        analyser.pipeline_info()  # "model loaded", as for the core figures
        ui_figures.ui_figures(analyser, files, args.runs, emit, not_measured)
    finally:
        analyser.close()


# -- peak memory, in a child process -----------------------------------------------------------
def peak_rss(path: Path) -> None:
    """peak_rss_mb: a fresh process opens and analyses the 5 MB file (cache included).

    With the window, the analysis runs in the app's child process: the figure is the most
    the two held together (sampled every 50 ms); each one's own peak is printed too, and
    their sum, which bounds the figure from above whatever the sampling missed.
    """
    result = subprocess.run(
        [sys.executable, __file__, "--child-rss", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        not_measured("peak_rss_mb", f"child failed: {result.stderr.strip()[-200:]}")
        return
    import ui_figures

    lines = result.stdout.strip().splitlines()
    if ui_figures.ui_available() is None and len(lines) >= 3:
        app, analysis = float(lines[-3]), float(lines[-2])
        emit("peak_rss_app_mb", app, "mb", "5 MB, the window's process (VmHWM)")
        emit("peak_rss_analysis_mb", analysis, "mb", "5 MB, the analysis process (VmHWM)")
        emit("peak_rss_sum_of_peaks_mb", app + analysis, "mb", "upper bound of the figure")
        where = "window + analysis process, together, sampled every 50 ms"
    else:
        where = "core only"
    emit("peak_rss_mb", float(lines[-1]), "mb", f"5 MB, {where}")


def child_rss(path: Path) -> None:
    """Prints peak RSS in MB: with the window, the app's, the analysis process's, their sum."""
    import ui_figures

    if ui_figures.ui_available() is None:
        figures = ui_figures.child_rss_ui(path)
        print(f"{figures['app']}\n{figures['analysis']}\n{figures['together']}")
        return
    from reader.core.analysis import SpacyAnalyser
    from reader.core.cache import analyse_cached
    from reader.core.loaders import load_article

    analyse_cached(SpacyAnalyser(), load_article(path))
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


# -- main ---------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny inputs, one run (CI)")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (default 3)")
    parser.add_argument("--child-rss", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-startup", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--heavy-runs",
        type=int,
        default=None,
        help="runs of the 1 MB throughput pair (default: --runs; each is minutes long)",
    )
    parser.add_argument(
        "--only",
        choices=("startup", "core", "window", "rss", "speed"),
        action="append",
        help="measure only these groups (repeatable); the window group needs core",
    )
    args = parser.parse_args(argv)
    if args.child_rss:
        child_rss(args.child_rss)
        return 0
    if args.child_startup:
        import ui_figures

        ui_figures.child_startup(args.child_startup)
        return 0
    args.runs = args.runs or (1 if args.smoke else 3)
    args.heavy_runs = args.heavy_runs or args.runs
    groups = set(args.only or ("startup", "core", "window", "rss", "speed"))
    sizes = SMOKE_SIZES if args.smoke else FULL_SIZES
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        folder = Path(tmp)
        os.environ["ENTITY_READER_HOME"] = str(folder / "home")  # never the user's cache
        describe_machine()
        source = inputs.collect_paragraphs()
        print(
            f"# inputs: {source.note}; sizes {sizes}; median of {args.runs} runs "
            f"({args.heavy_runs} for the 1 MB throughput pair)"
        )
        files = {
            name: inputs.write_input(folder, name, inputs.build_text(source.paragraphs, size))
            for name, size in sizes.items()
        }
        if "startup" in groups:
            if (reason := _ui_reason()) is None:
                startup(args.runs)
            else:
                not_measured("startup_to_window_s", reason)
        if groups & {"core", "window"}:
            core = core_figures(args, files)
            if "window" in groups:
                window_figures(args, files, core)
        if "rss" in groups:
            peak_rss(files["5MB"])
    if "speed" in groups:  # issue 18's ratios against bare spaCy: bench/speed.py
        if args.smoke:
            not_measured("cli_ratio_300kB", "full runs only (bench/speed.py)")
        else:
            import speed

            speed.main(["--runs", str(args.heavy_runs)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
