"""Is the leaner pipeline the same? The stock model against ``pipeline.load_pipeline``'s.

``python bench/pipeline_same.py`` parses every fixture article, the sample and every real news
page in ``/work/shared/corpus/news`` with both pipelines and compares, file by file, every
token attribute the pipeline sets (``runner.PACK_ATTRS`` plus sentence starts) and the whole
analysis (``schema.to_dict`` of the Annotations). It prints one line per difference, then
``same: N/N files`` and the CPU time of each pipeline; exit status 1 on any difference. A
pipeline change is kept only while this says every file is the same.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NEWS = Path("/work/shared/corpus/news")

from reader.core import schema  # noqa: E402
from reader.core.analysis import SpacyAnalyser  # noqa: E402
from reader.core.analysis.runner import PACK_ATTRS, parse_text  # noqa: E402
from reader.core.loaders import load_article  # noqa: E402
from reader.core.paths import sample_article  # noqa: E402


def stock_pipeline():
    """The model as spaCy loads it, less what ``load_pipeline`` always drops."""
    from reader.core.analysis import pipeline

    module = None
    for name in pipeline.MODEL_PACKAGES:
        try:
            module = __import__(name)
            break
        except ImportError:
            continue
    if module is None:
        raise SystemExit("no model installed")
    return module.load(exclude=list(pipeline.UNUSED_COMPONENTS))


def inputs() -> list[Path]:
    paths = [sample_article(), *sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))]
    return paths + sorted(NEWS.glob("*.htm*"))


def facts(nlp, article) -> tuple[list, dict]:
    doc = parse_text(nlp, article.text)
    tokens = doc.to_array([*PACK_ATTRS, "SENT_START"]).tolist()
    strings = [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]
    annotations = SpacyAnalyser(nlp).annotate_doc(article, doc)
    return [tokens, strings], schema.to_dict(annotations)


def main() -> int:
    from reader.core.analysis.pipeline import load_pipeline

    stock, lean = stock_pipeline(), load_pipeline()
    print(f"# stock {stock.pipe_names}; lean {lean.pipe_names}")
    print(f"# lean components: {[type(p).__name__ for _, p in lean.pipeline]}")
    same, paths = 0, inputs()
    cpu = {"stock": 0.0, "lean": 0.0}
    for path in paths:
        article = load_article(path)
        start = time.process_time()
        stock_facts = facts(stock, article)
        cpu["stock"] += time.process_time() - start
        start = time.process_time()
        lean_facts = facts(lean, article)
        cpu["lean"] += time.process_time() - start
        if stock_facts == lean_facts:
            same += 1
        else:
            what = "tokens" if stock_facts[0] != lean_facts[0] else "analysis"
            print(f"DIFFERENT {what}: {path.name}")
    print(f"same: {same}/{len(paths)} files")
    print(f"stock_cpu_s: {cpu['stock']:.2f}  # parse + article pass, all files")
    print(f"lean_cpu_s: {cpu['lean']:.2f}")
    return 0 if same == len(paths) else 1


if __name__ == "__main__":
    sys.exit(main())
