"""ProcessAnalyser: the analysis in a child process gives what the in-process analyser gives."""

from __future__ import annotations

import pickle
import threading
import time

import pytest

from reader.core import schema
from reader.core.analysis import SpacyAnalyser, process, runner, service
from reader.core.analysis.incremental import PARTIAL_FROM_CHARS, AnalysisCancelled
from reader.core.analysis.process import ProcessAnalyser
from reader.core.errors import ModelUnavailableError, ReaderError
from reader.core.loaders import load_article
from reader.core.model import Annotations, Article, Entity, Mention, PipelineInfo, Quote

FAKES = "tests.core.analysis.process_fakes"


@pytest.fixture
def echo():
    analyser = ProcessAnalyser(f"{FAKES}:Echo")
    yield analyser
    analyser.close()


def test_result_progress_and_partials_come_back_on_the_calling_thread(echo) -> None:
    article = Article("Ada met Grace in London.", source="a.txt")
    seen: list[tuple[str, float | None]] = []
    caller = threading.get_ident()

    def progress(fraction: float) -> None:
        assert threading.get_ident() == caller
        seen.append(("progress", fraction))

    def partial(annotations: Annotations) -> None:
        assert threading.get_ident() == caller
        seen.append(("partial", None))

    result = echo.analyse_incremental(article, (0, 5), partial, progress)
    assert [e.name for e in result.entities] == ["Ada", "Grace", "London."]
    assert result.article == article
    assert seen == [("partial", None), ("progress", 0.5), ("progress", 1.0)]
    assert echo.pipeline_info().model == "fake"


class _Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple] = []

    def send(self, message: tuple) -> None:
        self.sent.append(message)


def test_annotations_travel_in_small_pieces_and_are_put_back_together() -> None:
    article = Article("x" * 10)
    mention = Mention(0, 1, "x")
    entities = [Entity(f"e{i}", "person", "X", [mention] * 3) for i in range(1_500)]
    quotes = [Quote(0, 1, "x")] * 4_500
    original = Annotations(article, PipelineInfo("m", "1", "r"), entities, quotes, [])
    conn = _Recorder()
    service.send_annotations(conn, "done", original)
    *pieces, last = conn.sent
    assert last == ("done", original.pipeline)
    assert len(pieces) > 4 and all(kind == "piece" for kind, *_ in pieces)
    assert all(
        len(items) <= service.PIECE_ITEMS
        and sum(len(getattr(i, "mentions", ())) + 1 for i in items) <= service.PIECE_ITEMS + 4
        for _, _, items in pieces
    )
    collected = service.Pieces()
    for _, field, items in pieces:
        collected.add(field, items)
    assert collected.assemble(article, last[1]) == original
    with pytest.raises(ReaderError):
        collected.add("article", [])


def test_an_entity_with_more_mentions_than_a_piece_holds_is_sent_in_several() -> None:
    article = Article("x" * 10)
    main = Entity("e1", "person", "X", [Mention(i, i + 1, "x") for i in range(5_000)])
    others = [Entity(f"e{i}", "place", "Y", [Mention(0, 1, "x")]) for i in range(2, 6)]
    original = Annotations(article, PipelineInfo("m", "1", "r"), [others[0], main, *others[1:]])
    conn = _Recorder()
    service.send_annotations(conn, "done", original)
    *pieces, last = conn.sent
    counts = [
        sum(len(i.mentions) + 1 for i in items) if field == "entities" else len(items)
        for _, field, items in pieces
    ]
    assert max(counts) <= service.PIECE_ITEMS
    assert [field for _, field, _ in pieces].count(service.MENTIONS) == 3
    collected = service.Pieces()
    for _, field, items in pickle.loads(pickle.dumps(pieces)):  # as the pipe carries them
        collected.add(field, items)
    assert collected.assemble(article, last[1]) == original
    assert len(main.mentions) == 5_000  # the sender's entity is left as it was


def test_a_big_result_arrives_whole_around_the_callers_article(echo) -> None:
    words = " ".join(f"Name{i}" for i in range(5_000))
    article = Article(words, source="big.txt")
    result = echo.analyse(article)
    assert result.article is article  # the caller's own: the process does not send it back
    assert [e.name for e in result.entities] == words.split()


def test_cancel_reaches_the_process_and_it_serves_the_next_request(echo) -> None:
    asked = time.monotonic()
    with pytest.raises(AnalysisCancelled):
        echo.analyse_incremental(
            Article("slow text"), None, None, None, lambda: time.monotonic() - asked > 0.3
        )
    assert time.monotonic() - asked < 10  # the fake would take 30 s uncancelled
    pid = echo.pid
    assert echo.analyse(Article("Next one")).entities[0].name == "Next"
    assert echo.pid == pid  # the same process: no model reload after a cancel


def test_close_does_not_wait_for_a_request_in_flight(echo) -> None:
    failures: list[BaseException] = []

    def slow() -> None:
        try:
            echo.analyse_incremental(Article("slow text"), None, None, None, lambda: False)
        except BaseException as error:
            failures.append(error)

    worker = threading.Thread(target=slow)
    worker.start()
    time.sleep(1.0)  # the request is running in the process
    begin = time.monotonic()
    echo.close()
    worker.join(10)
    assert not worker.is_alive() and time.monotonic() - begin < 5
    assert isinstance(failures[0], ReaderError)


def test_a_crash_fails_one_request_and_the_next_starts_a_new_process(echo) -> None:
    echo.start()
    first = echo.pid
    with pytest.raises(ReaderError, match="stopped unexpectedly") as caught:
        echo.analyse_incremental(Article("crash now"), None, None)
    assert "exit code 3" in (caught.value.detail or "")
    assert echo.analyse(Article("Fine again")).entities[0].name == "Fine"
    assert echo.pid not in (None, first)


def test_a_bug_in_the_process_arrives_as_a_reader_error_with_its_traceback(echo) -> None:
    with pytest.raises(ReaderError, match="internal error") as caught:
        echo.analyse_incremental(Article("bug here"), None, None)
    assert "KeyError" in (caught.value.detail or "")


def test_a_missing_model_arrives_as_itself() -> None:
    analyser = ProcessAnalyser(f"{FAKES}:NoModel")
    try:
        with pytest.raises(ModelUnavailableError) as caught:
            analyser.analyse(Article("text"))
        assert caught.value.detail == "pip install it"
    finally:
        analyser.close()


def test_close_ends_the_process_and_a_book_length_article_replaces_it(echo, monkeypatch) -> None:
    monkeypatch.setattr(process, "RECYCLE_CHARS", 10)
    echo.analyse_incremental(Article("Short"), None, None)
    pid = echo.pid
    echo.analyse_incremental(Article("A longer article"), None, None)
    assert echo.pid is None  # told to quit; the memory it held goes back to the system
    echo.analyse(Article("Again"))
    assert echo.pid not in (None, pid)
    echo.close()
    assert echo.pid is None


@pytest.mark.model
def test_the_real_analysis_in_the_process_equals_the_in_process_one(nlp, sample_path) -> None:
    sample = load_article(sample_path)
    copies = PARTIAL_FROM_CHARS // len(sample.text) + 1  # long enough for a provisional result
    text = "\n".join([sample.text] * copies)
    article = Article(text, title=sample.title, published=sample.published, source="s.txt")
    assert len(runner.chunk_spans(text)) > 1
    analyser = ProcessAnalyser()
    try:
        partials: list[Annotations] = []
        final = analyser.analyse_incremental(article, (0, 200), partials.append)
        assert partials
        expected = SpacyAnalyser(nlp).analyse(article)
        assert schema.to_dict(final) == schema.to_dict(expected)
        assert final.article is article and all(p.article is article for p in partials)
        assert analyser.pipeline_info() == expected.pipeline
    finally:
        analyser.close()


def test_the_analysis_process_imports_no_qt() -> None:
    """It is started as ``python -m reader.core.analysis.service``: nothing of the window."""
    import subprocess
    import sys

    code = (
        "import sys, runpy; sys.argv = ['service', '--help']\n"
        "try:\n    runpy.run_module('reader.core.analysis.service', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


@pytest.mark.model
def test_the_process_reads_and_writes_the_analysis_cache(tmp_path) -> None:
    """A new entry is written by the process, off the app's GIL; hits are read in the app,
    with or without a process."""
    from reader.core.cache import AnalysisCache, analyse_cached

    cache = AnalysisCache(tmp_path / "cache")
    article = Article("Ada wrote.", source="a.txt")
    analyser = ProcessAnalyser(f"{FAKES}:Counting")
    try:
        first = analyse_cached(analyser, article, cache=cache)
        assert first.entities[0].name == "call1"
        assert first.article is article
        deadline = time.monotonic() + 10
        while not cache.entries() and time.monotonic() < deadline:  # written after the reply
            time.sleep(0.05)
        assert len(cache.entries()) == 1
        again = analyse_cached(analyser, article, cache=cache)
        assert again.entities[0].name == "call1"  # from the cache: no second analysis
        assert again.article is article
        other = analyse_cached(analyser, Article("Bo wrote.", source="b.txt"), cache=cache)
        assert other.entities[0].name == "call2"
        analyser.close()
        seen: list[float] = []
        cold = analyse_cached(analyser, article, seen.append, cache=cache)
        assert cold.entities[0].name == "call1" and seen == [1.0]
        assert analyser.pid is None  # a hit needs no process
    finally:
        analyser.close()
