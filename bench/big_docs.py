"""UI responsiveness while one big article is analysed: ``python bench/big_docs.py FILE``.

Opens FILE in the real window (offscreen is fine) with the real analyser and a 10 ms QTimer on
the UI thread, as issue 7's ``max_ui_stall_ms`` does, and prints the longest gaps between ticks,
the time blocked in gaps over 50 ms, the provisional results and progress reports seen, and
when the analysis finished. ``--make-oneline N`` writes a one-line text of N bytes first (QA's
F11 input); ``--make-copy ENTITIES MENTIONS`` writes an annotated copy (FILE.json) of ENTITIES
entities with MENTIONS mentions each (issue 19: 100000 1, and 1000 800 for 800,000 mentions),
whose "finished" is when its saved highlights are shown. Figures only: nothing here asserts a
target.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

SENTENCE = "Macron met Scholz in Berlin."


def make_oneline(path: Path, size: int) -> Path:
    """One line of repeated sentences, ``size`` bytes (no newline at all)."""
    count = size // (len(SENTENCE) + 1) + 1
    path.write_text(" ".join([SENTENCE] * count)[:size], encoding="utf-8")
    return path


def make_copy(path: Path, entities: int, mentions: int) -> Path:
    """An annotated copy of ``entities`` short names, each mentioned ``mentions`` times."""
    from reader.core import schema
    from reader.core.model import Annotations, Article, Entity, Mention, PipelineInfo

    def name(i: int) -> str:
        return "".join(chr(97 + i // 26**k % 26) for k in range(4)).capitalize()

    words, ents, start = [], [], 0
    for i in range(entities):
        word, marks = name(i), []
        for _ in range(mentions):
            words.append(word)
            marks.append(Mention(start, start + len(word), word))
            start += len(word) + 1
        ents.append(Entity(f"e{i + 1}", "person", word, marks))
    text = " ".join(words)
    pipeline = PipelineInfo("en_core_web_sm", "3.8.0", "0.1.0")
    annotations = Annotations(Article(text=text), pipeline, ents)
    path.write_text(schema.dumps(annotations, indent=None), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--limit", type=float, default=600.0, help="stop after this many s")
    parser.add_argument("--make-oneline", type=int, default=0, metavar="BYTES")
    parser.add_argument("--make-copy", type=int, nargs=2, metavar=("ENTITIES", "MENTIONS"))
    args = parser.parse_args(argv)
    if args.make_oneline:
        make_oneline(args.file, args.make_oneline)
    if args.make_copy:
        make_copy(args.file, *args.make_copy)

    from PySide6.QtCore import QTimer
    from ui_figures import Reader

    from reader.core.cache import AnalysisCache
    from reader.ui.app import default_analyser

    analyser = default_analyser()  # as the app analyses: spaCy in a child process
    analyser.pipeline_info()  # the model is loaded before the clock starts
    AnalysisCache().clear()
    reader = Reader(analyser)
    window = reader.window
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    partials: list[float] = []
    window.partial_shown.connect(lambda _tab: partials.append(time.perf_counter()))
    progress: list[float] = []
    window.tasks._deliver.connect(lambda _item: progress.append(time.perf_counter()))
    start = time.perf_counter()
    ticks.append(start)
    timer.start()
    tab, _ = reader.open(args.file)
    shown = finished = None
    try:
        shown = reader.text_shown(tab) - start
        finished = reader.analysed(tab, args.limit) - start
    except TimeoutError:
        pass
    timer.stop()
    ticks.append(time.perf_counter())
    gaps = sorted(((b - a, a - start) for a, b in itertools.pairwise(ticks)), reverse=True)
    mentions = sum(len(e.mentions) for e in tab.annotations.entities) if tab.annotations else 0
    print(f"file: {args.file} ({args.file.stat().st_size} bytes)")
    print(f"text_shown_s: {shown if shown is None else round(shown, 2)}")
    done = finished if finished is None else round(finished, 2)
    print(f"finished_s: {done}  mentions {mentions}")
    print(f"max_ui_stall_ms: {gaps[0][0] * 1000:.0f}")
    print("worst gaps (ms @ s):", [(round(g * 1000), round(t, 1)) for g, t in gaps[:8]])
    print(f"blocked_over_50ms_s: {sum(g for g, _ in gaps if g > 0.05):.2f}")
    print(f"gaps_over_50ms: {sum(1 for g, _ in gaps if g > 0.05)}")
    print(f"partial_results: {len(partials)} at", [round(p - start, 1) for p in partials])
    print(f"ui_deliveries: {len(progress)}")
    reader.shutdown()
    analyser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
