"""Indexing folders with the real model: skip unchanged, re-read changed, drop removed,
list unreadable files, prefer annotated copies, resume after a kill."""

from __future__ import annotations

import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core import paths
from reader.core.analysis import SpacyAnalyser
from reader.core.export.formats import save
from reader.core.library.indexer import UNSTORABLE_NAME, article_files, index_folders
from reader.core.library.store import Library
from reader.core.loaders import load_article
from reader.core.model import COUNTRY, PLACE, Entity
from tests.core.library.articles import TALKS, VISIT

pytestmark = pytest.mark.model


@pytest.fixture
def library(tmp_path: Path):
    with Library(tmp_path / "lib.sqlite3") as opened:
        yield opened


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    (news / "talks.txt").write_text(TALKS, encoding="utf-8")
    (news / "visit.txt").write_text(VISIT, encoding="utf-8")
    return news


def _titles(library: Library) -> list[str]:
    return [r[0] for r in library.conn.execute("SELECT title FROM articles ORDER BY title")]


def _entity(library: Library, name: str) -> tuple[str, int]:
    """An entity's name and how many articles mention it, by one of its aliases."""
    row = library.conn.execute(
        "SELECT e.name, COUNT(DISTINCT ae.article_id) FROM aliases a"
        " JOIN entities e ON e.id = a.entity_id JOIN aliases b ON b.entity_id = e.id"
        " JOIN article_entities ae ON ae.alias_id = b.id WHERE a.name = ? GROUP BY e.id",
        (name,),
    ).fetchone()
    return row


def test_a_folder_is_indexed_with_its_entities_quotes_and_dates(
    library: Library, folder: Path, analyser: SpacyAnalyser
) -> None:
    report = index_folders(library, [folder], analyser)
    assert sorted(Path(p).name for p in report.added) == ["talks.txt", "visit.txt"]
    assert report.unreadable == [] and report.unchanged == []
    assert _titles(library) == ["Macron and Scholz meet in Paris", "Macron visits Kyiv"]
    # "Macron" alone in the second article is Emmanuel Macron of the first
    assert _entity(library, "Emmanuel Macron") == ("Emmanuel Macron", 2)
    speakers = library.conn.execute("SELECT DISTINCT speaker FROM quotes").fetchall()
    assert speakers and all("Macron" in s[0] for s in speakers)
    values = {r[0] for r in library.conn.execute("SELECT value FROM dates")}
    assert {"2025-03-17", "2025-03-20"} <= values  # Monday and Thursday, resolved


def test_reindexing_skips_unchanged_files_even_when_touched(
    library: Library, folder: Path, analyser: SpacyAnalyser
) -> None:
    index_folders(library, [folder], analyser)
    stamp = library.conn.execute("SELECT indexed_at FROM files ORDER BY path").fetchall()
    talks = folder / "talks.txt"
    os.utime(talks, ns=(talks.stat().st_atime_ns, talks.stat().st_mtime_ns + 10**9))
    report = index_folders(library, [folder], analyser)
    assert len(report.unchanged) == 2 and not report.added and not report.changed
    assert library.conn.execute("SELECT indexed_at FROM files ORDER BY path").fetchall() == stamp
    state = library.file_state(str(talks))
    assert state is not None and state.mtime_ns == talks.stat().st_mtime_ns  # digest said same


def test_a_changed_file_is_read_again_and_a_removed_one_dropped(
    library: Library, folder: Path, analyser: SpacyAnalyser
) -> None:
    index_folders(library, [folder], analyser)
    (folder / "talks.txt").write_text(
        TALKS.replace("Olaf Scholz", "Giorgia Meloni").replace("Scholz meet", "Meloni meet"),
        encoding="utf-8",
    )
    (folder / "visit.txt").unlink()
    report = index_folders(library, [folder], analyser)
    assert [Path(p).name for p in report.changed] == ["talks.txt"]
    assert [Path(p).name for p in report.removed] == ["visit.txt"]
    assert _titles(library) == ["Macron and Meloni meet in Paris"]
    names = {r[0] for r in library.conn.execute("SELECT name FROM entities")}
    assert "Giorgia Meloni" in names and "Olaf Scholz" not in names and "Kyiv" not in names
    assert library.conn.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 1


def test_only_the_folders_indexed_now_lose_their_removed_files(
    library: Library, folder: Path, tmp_path: Path, analyser: SpacyAnalyser
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "visit.txt").write_text(VISIT, encoding="utf-8")
    (folder / "visit.txt").unlink()
    index_folders(library, [folder, other], analyser)
    report = index_folders(library, [folder], analyser)
    assert report.removed == []
    assert len(_titles(library)) == 2


def test_unreadable_files_are_listed_with_their_reason_and_never_stop_the_run(
    library: Library, folder: Path, analyser: SpacyAnalyser
) -> None:
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "notes.json").write_text('{"not": "a copy"}', encoding="utf-8")
    (folder / "table.csv").write_text("a,b\n", encoding="utf-8")  # not an article format
    report = index_folders(library, [folder], analyser)
    assert len(report.added) == 2
    reasons = dict((Path(p).name, why) for p, why in report.unreadable)
    assert set(reasons) == {"picture.txt", "notes.json"}
    assert "PNG image" in reasons["picture.txt"]
    assert "cannot be reopened" in reasons["notes.json"]
    again = index_folders(library, [folder], analyser)
    assert again.unreadable == report.unreadable  # still listed, not read again
    assert [Path(p).name for p, _ in library.unreadable()] == ["notes.json", "picture.txt"]


def test_a_file_name_that_is_not_text_is_listed_not_fatal(
    library: Library, folder: Path, analyser: SpacyAnalyser
) -> None:
    if sys.platform != "linux":
        pytest.skip("only Linux file names may be any bytes")
    bad = os.fsdecode(bytes(folder / "x") + b"\xff.txt")
    Path(bad).write_text(VISIT, encoding="utf-8")
    report = index_folders(library, [folder / "." / ".." / folder.name], analyser)
    assert len(report.added) == 2
    assert [why for _, why in report.unreadable] == [UNSTORABLE_NAME]
    assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert all(".." not in p for p in library.known_paths())


def test_an_annotated_copy_with_corrections_is_what_the_library_holds(
    library: Library, folder: Path, analyser: SpacyAnalyser
) -> None:
    index_folders(library, [folder], analyser)
    from reader.core.cache import analyse_cached

    annotations = analyse_cached(analyser, load_article(folder / "talks.txt"))
    paris = next(e for e in annotations.entities if e.name == "Paris")
    corrected = dataclasses.replace(
        annotations,
        entities=[
            Entity(e.id, COUNTRY, "Paris", e.mentions, source="user") if e is paris else e
            for e in annotations.entities
        ],
    )
    copy = folder / "talks.corrected.json"
    save(corrected, copy)
    report = index_folders(library, [folder], analyser)
    assert [Path(p).name for p in report.added] == ["talks.corrected.json"]
    assert library.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
    held = "SELECT type FROM article_entities WHERE name = 'Paris'"
    assert library.conn.execute(held).fetchall() == [(COUNTRY,)]
    copy.unlink()
    report = index_folders(library, [folder], analyser)
    assert [Path(p).name for p in report.changed] == ["talks.txt"]  # read again: it holds again
    assert library.conn.execute(held).fetchall() == [(PLACE,)]


def test_files_are_found_under_folders_hidden_ones_skipped(folder: Path) -> None:
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "a.txt").write_text("x", encoding="utf-8")
    (folder / "deeper").mkdir()
    (folder / "deeper" / "c.md").write_text("x", encoding="utf-8")
    found = [p.relative_to(folder).as_posix() for p in article_files([folder])]
    assert found == ["deeper/c.md", "talks.txt", "visit.txt"]


def _articles_in(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    except sqlite3.OperationalError:
        return 0
    try:
        return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        conn.close()


@pytest.mark.slow
def test_a_killed_index_run_keeps_what_it_committed_and_the_next_run_resumes(
    tmp_path: Path, analyser: SpacyAnalyser
) -> None:
    news = tmp_path / "many"
    news.mkdir()
    total = 40
    for i in range(total):
        body = VISIT.replace("Thursday", f"Thursday, visit {i},") * 6
        (news / f"{i:02}.txt").write_text(body, encoding="utf-8")
    db = tmp_path / "lib.sqlite3"
    env = dict(os.environ)  # ENTITY_READER_HOME is this test's own home: a cold cache
    child = subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "index", str(news), "--library", str(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 240
        while _articles_in(db) < 3 and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert child.poll() is None, "the run ended before it could be killed"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    kept = _articles_in(db)
    assert 3 <= kept < total
    with Library(db) as library:
        assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        report = index_folders(library, [news], analyser)
        assert len(report.unchanged) == kept  # nothing committed is read again
        assert len(report.added) + len(report.changed) == total - kept
        assert library.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == total
        assert library.conn.execute("SELECT COUNT(*) FROM files").fetchone()[0] == total
        assert library.conn.execute("SELECT COUNT(*) FROM article_text").fetchone()[0] == total
    assert (paths.cache_dir() / "analysis").is_dir()  # the child analysed through the cache
