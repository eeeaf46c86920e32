"""One long article on every core: the split parse gives what one process gives."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core import schema
from reader.core.analysis import SpacyAnalyser, helpers, runner
from reader.core.analysis.helpers import ParseHelpers
from reader.core.analysis.incremental import analyse_incremental
from reader.core.loaders import load_article
from reader.core.model import Article

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ready_helpers() -> Iterator[ParseHelpers]:
    """One helper process with its model loaded, for the whole module."""
    with ParseHelpers(1) as pool:
        pool.wait_ready()
        yield pool


def _doc_facts(doc) -> tuple:
    return (
        doc.text,
        doc.to_array(runner.JOIN_ATTRS).tolist(),
        [(e.start_char, e.end_char, e.label_) for e in doc.ents],
        [(s.start_char, s.end_char) for s in doc.sents],
        [(t.lemma_, str(t.morph), t.norm_) for t in doc],
    )


def test_small_texts_and_no_pool_are_not_split() -> None:
    pool = ParseHelpers(1)
    assert not pool.split_worth("short text")
    assert not ParseHelpers(0).split_worth("x" * helpers.SPLIT_FROM_CHARS)


def test_split_doc_is_the_one_process_doc(nlp, ready_helpers, sample_path, monkeypatch) -> None:
    """Small chunks and groups, so the helper gets many groups and we take some back."""
    monkeypatch.setattr(runner, "CHUNK_CHARS", 400)
    monkeypatch.setattr(helpers, "GROUP_CHUNKS", 2)
    texts = [load_article(sample_path).text]
    texts += [load_article(path).text for path in sorted(ARTICLES.glob("*.txt"))]
    text = "\n".join(texts)
    alone = runner.parse_text(nlp, text)
    seen: list[float] = []
    split = runner.parse_text(nlp, text, seen.append, helpers=ready_helpers, split_from=0)
    assert _doc_facts(split) == _doc_facts(alone)
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert runner.doc_text(split) is text  # remembered, not rebuilt from the tokens
    assert split.text == text


def test_every_fixture_article_analyses_the_same_split(nlp, ready_helpers, monkeypatch) -> None:
    monkeypatch.setattr(runner, "CHUNK_CHARS", 300)
    monkeypatch.setattr(helpers, "GROUP_CHUNKS", 1)
    monkeypatch.setattr(helpers, "SPLIT_FROM_CHARS", 0)
    one, both = SpacyAnalyser(nlp), SpacyAnalyser(nlp, helpers=ready_helpers)
    paths = sorted(ARTICLES.glob("*.txt"))
    assert paths
    for path in paths:
        article = load_article(path)
        assert len(runner.chunk_spans(article.text)) > 1, path.name
        expected = schema.to_dict(one.analyse(article))
        assert schema.to_dict(both.analyse(article)) == expected, path.name


def test_real_pages_as_one_article_analyse_the_same_split(
    nlp, ready_helpers, shared_dir, monkeypatch
) -> None:
    """The production chunk grid and groups, on all real news pages joined (~110 kB)."""
    pages = sorted((shared_dir / "corpus" / "news").glob("*.htm*"))
    text = "\n".join(load_article(page).text for page in pages)
    article = Article(text=text, source="news")
    assert len(runner.chunk_spans(text)) > 2 * helpers.GROUP_CHUNKS
    monkeypatch.setattr(helpers, "SPLIT_FROM_CHARS", 0)
    expected = schema.to_dict(SpacyAnalyser(nlp).analyse(article))
    both = SpacyAnalyser(nlp, helpers=ready_helpers)
    assert schema.to_dict(both.analyse(article)) == expected
    final = analyse_incremental(both, article, (len(text) // 2, len(text) // 2 + 3000))
    assert schema.to_dict(final) == expected


@pytest.mark.skipif(not helpers.fork_available(), reason="helpers are forked on Linux only")
def test_forked_helpers_share_the_loaded_model(nlp, sample_path, monkeypatch) -> None:
    """The CLI's helpers: forked from a process with its model, ready at once, same Doc."""
    monkeypatch.setattr(runner, "CHUNK_CHARS", 400)
    monkeypatch.setattr(helpers, "GROUP_CHUNKS", 2)
    text = "\n".join(load_article(path).text for path in sorted(ARTICLES.glob("*.txt")))
    with ParseHelpers(1, fork=True, cold_from=0) as pool:
        pool.start(nlp)
        pool.wait_ready()
        split = runner.parse_text(nlp, text, helpers=pool, split_from=0)
    assert _doc_facts(split) == _doc_facts(runner.parse_text(nlp, text))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and /proc are POSIX")
def test_a_helper_ends_with_the_process_that_started_it() -> None:
    """A killed caller (the app's analysis process, say) leaves no helper behind."""
    import signal
    import subprocess
    import sys
    import time

    code = (
        "import sys, time\n"
        "from reader.core.analysis.helpers import ParseHelpers\n"
        "pool = ParseHelpers(1)\n"
        "pool.start()\n"
        "print(pool.pids()[0], flush=True)\n"
        "time.sleep(120)\n"
    )
    caller = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=Path.cwd()
    )
    assert caller.stdout is not None
    helper = int(caller.stdout.readline())
    caller.send_signal(signal.SIGKILL)
    caller.wait(timeout=30)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            os.kill(helper, 0)
        except ProcessLookupError:
            return
        stat = Path(f"/proc/{helper}/stat")
        if stat.is_file() and stat.read_text().split()[2] == "Z":
            return  # exited, waiting to be reaped
        time.sleep(0.2)
    os.kill(helper, signal.SIGKILL)
    pytest.fail("the helper outlived its caller")


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_dead_helper_leaves_its_groups_to_the_caller(nlp, monkeypatch) -> None:
    """A helper killed (out of memory, say) costs time, never the article's analysis."""
    import signal
    import time

    monkeypatch.setattr(runner, "CHUNK_CHARS", 400)
    monkeypatch.setattr(helpers, "GROUP_CHUNKS", 2)
    text = "\n".join(load_article(path).text for path in sorted(ARTICLES.glob("*.txt")))
    pool = ParseHelpers(1, cold_from=0)
    try:
        pool.wait_ready()
        os.kill(pool.pids()[0], signal.SIGKILL)
        time.sleep(0.5)
        split = runner.parse_text(nlp, text, helpers=pool, split_from=0)
        assert _doc_facts(split) == _doc_facts(runner.parse_text(nlp, text))
        assert pool.pids() == []  # dropped; the next long article starts a new pool
    finally:
        pool.close()
