"""`entity-reader index FOLDER...`, `entity-reader search`, `entity-reader library split`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.library.commands import library_command, search_command
from reader.core.library.export import TABLES
from reader.core.library.store import Library
from reader.core.model import PERSON
from tests.core.library.articles import TALKS, VISIT, add, annotations


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of two articles and a broken file, indexed once by the real command."""
    root = tmp_path_factory.mktemp("cli")
    news = root / "news"
    news.mkdir()
    (news / "talks.txt").write_text(TALKS, encoding="utf-8")
    (news / "visit.txt").write_text(VISIT, encoding="utf-8")
    (news / "broken.json").write_text("{", encoding="utf-8")
    result = _cli("index", str(news), "--library", str(root / "lib.sqlite3"))
    assert result.returncode == 0, result.stderr
    assert "2 added, 0 changed, 0 unchanged, 0 removed, 1 unreadable" in result.stdout
    assert "broken.json" in result.stderr and "Traceback" not in result.stderr
    again = _cli("index", str(news), "--library", str(root / "lib.sqlite3"))
    assert "0 added, 0 changed, 2 unchanged, 0 removed, 1 unreadable" in again.stdout
    return root / "lib.sqlite3"


@pytest.mark.model
def test_search_json_has_articles_and_quotes_of_the_alias_cluster(indexed: Path) -> None:
    result = _cli("search", "--speaker", "Macron", "--format", "json", "--library", str(indexed))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [Path(a["path"]).name for a in data["articles"]] == ["visit.txt", "talks.txt"]
    assert all({"path", "title", "published", "mentions"} <= set(a) for a in data["articles"])
    quotes = data["quotes"]
    assert [q["published"] for q in quotes] == ["2025-03-17", "2025-03-20"]
    assert all({"path", "text", "speaker", "start", "end"} <= set(q) for q in quotes)
    text = (Path(indexed).parent / "news" / "talks.txt").read_text(encoding="utf-8")
    assert "Ukraine" in quotes[0]["text"] and quotes[0]["end"] > quotes[0]["start"] > 0
    assert len(text) > quotes[0]["end"]
    assert data["entities"][0]["name"] == "Emmanuel Macron"
    assert "Macron" in data["entities"][0]["aliases"]


@pytest.mark.model
def test_search_table_and_csv_by_text_and_date(indexed: Path) -> None:
    table = _cli("search", "Kyiv", "--library", str(indexed))
    assert table.returncode == 0, table.stderr
    assert "1 articles" in table.stdout and "Macron visits Kyiv" in table.stdout
    dated = _cli(
        "search",
        "--entity",
        "Macron",
        "--from",
        "2025-03-18",
        "--format",
        "csv",
        "--library",
        str(indexed),
    )
    rows = list(csv.DictReader(io.StringIO(dated.stdout)))
    assert {r["kind"] for r in rows} == {"article", "quote"}
    assert {Path(r["path"]).name for r in rows} == {"visit.txt"}
    bad = _cli("search", "--from", "March", "--library", str(indexed))
    assert bad.returncode == 2 and "not a date" in bad.stderr


@pytest.mark.model
def test_split_makes_an_alias_its_own_entity(indexed: Path, tmp_path: Path) -> None:
    library = tmp_path / "copy.sqlite3"
    library.write_bytes(indexed.read_bytes())  # the module's library stays as it was
    done = _cli("library", "split", "Macron", "--library", str(library))
    assert done.returncode == 0, done.stderr
    after = json.loads(
        _cli("search", "--entity", "Macron", "--format", "json", "--library", str(library)).stdout
    )
    assert [e["name"] for e in after["entities"]] == ["Macron"]
    missing = _cli("library", "split", "Nobody", "--library", str(library))
    assert missing.returncode == 2 and "no person is named 'Nobody'" in missing.stderr


def test_searching_an_empty_library_says_how_to_fill_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    assert search_command(["Macron", "--library", str(tmp_path / "new.sqlite3")], out) == 0
    assert "0 articles" in out.getvalue()
    assert "entity-reader index FOLDER" in capsys.readouterr().err


def test_a_missing_folder_is_reported_and_drops_nothing(tmp_path: Path) -> None:
    result = _cli("index", str(tmp_path / "gone"), "--library", str(tmp_path / "lib.sqlite3"))
    assert result.returncode == 2
    assert "no such folder" in result.stderr and "Traceback" not in result.stderr


def _hand_library(path: Path) -> None:
    text = "Emmanuel Macron spoke on Monday. Macron said: we agree."
    with Library(path) as library:
        ann = annotations(
            text,
            [(PERSON, "Emmanuel Macron")],
            title="Talks",
            quotes=[("we agree", "Emmanuel Macron")],
            dates=[("Monday", "2025-03-17")],
        )
        add(library, "/news/talks.txt", ann)
        add(library, "/news/visit.txt", annotations("Macron flew out.", [(PERSON, "Macron")]))


def test_export_writes_one_csv_per_table_and_one_jsonl_stream(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    _hand_library(db)
    out = io.StringIO()
    folder = tmp_path / "tables"
    assert library_command(["export", "-o", str(folder), "--library", str(db)], out) == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "dates.csv",
        "entities.csv",
        "mentions.csv",
        "quotes.csv",
    ]
    entities = list(csv.DictReader((folder / "entities.csv").open(encoding="utf-8")))
    assert [(e["name"], e["articles"], e["mentions"]) for e in entities] == [
        ("Emmanuel Macron", "2", "2")
    ]
    assert sorted(entities[0]["aliases"].split("; ")) == ["Emmanuel Macron", "Macron"]
    dates = list(csv.DictReader((folder / "dates.csv").open(encoding="utf-8")))
    assert [(d["text"], d["value"], d["precision"]) for d in dates] == [
        ("Monday", "2025-03-17", "day")
    ]
    stream = io.StringIO()
    assert library_command(["export", "--format", "jsonl", "--library", str(db)], stream) == 0
    records = [json.loads(line) for line in stream.getvalue().splitlines()]
    counts = {t: sum(r["table"] == t for r in records) for t in TABLES}
    assert counts == {"entities": 1, "mentions": 2, "quotes": 1, "dates": 1}
    quote = next(r for r in records if r["table"] == "quotes")
    assert quote["speaker"] == "Emmanuel Macron" and quote["speaker_entity_id"] is not None
    assert library_command(["export", "--library", str(db)], out) == 2  # csv needs a folder
