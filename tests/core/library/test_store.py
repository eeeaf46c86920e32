"""The library's SQLite store: where it lives, WAL, schema migrations, one article per text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core import paths
from reader.core.library import migrations
from reader.core.library.migrations import LibraryVersionError, migrate, schema_version
from reader.core.library.store import Library, default_path
from reader.core.model import PERSON
from tests.core.library.articles import add, annotations, stamp

TEXT = "Emmanuel Macron spoke in Paris. Macron said the talks would go on."


def _count(library: Library, table: str) -> int:
    return library.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_the_library_lives_in_the_user_data_folder_in_wal_mode() -> None:
    with Library() as library:
        assert library.path == default_path() == paths.data_dir() / "library.sqlite3"
        assert library.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert library.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert schema_version(library.conn) == migrations.SCHEMA_VERSION
    assert default_path().is_file()


def test_reopening_keeps_the_articles(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as library:
        add(library, "/a.txt", annotations(TEXT, [(PERSON, "Emmanuel Macron")], title="Talks"))
    with Library(tmp_path / "lib.sqlite3") as library:
        assert library.conn.execute("SELECT title, path FROM articles").fetchall() == [
            ("Talks", "/a.txt")
        ]


def test_a_database_from_a_newer_reader_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryVersionError, match="newer Entity Reader"):
        Library(path)
    conn = sqlite3.connect(path)
    assert schema_version(conn) == migrations.SCHEMA_VERSION + 1
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == []
    conn.close()


def test_a_later_migration_runs_once_over_existing_data(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as library:
        add(library, "/a.txt", annotations(TEXT, [(PERSON, "Emmanuel Macron")]))

    def add_notes(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE articles ADD COLUMN notes TEXT DEFAULT 'none'")

    conn = sqlite3.connect(path, isolation_level=None)
    later = (*migrations.MIGRATIONS, add_notes)
    assert migrate(conn, later) == migrations.SCHEMA_VERSION
    assert migrate(conn, later) == migrations.SCHEMA_VERSION + 1  # already there: nothing runs
    assert schema_version(conn) == migrations.SCHEMA_VERSION + 1
    assert conn.execute("SELECT path, notes FROM articles").fetchall() == [("/a.txt", "none")]
    conn.close()


def test_a_failing_migration_leaves_the_previous_version_whole(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library(path).close()

    def half_done(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x)")
        raise RuntimeError("killed half-way")

    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(RuntimeError):
        migrate(conn, (*migrations.MIGRATIONS, half_done))
    assert schema_version(conn) == migrations.SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half" not in tables and "articles" in tables
    conn.close()


def test_an_empty_database_is_created_by_the_migrations_in_one_step_each(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "new.sqlite3", isolation_level=None)
    assert migrate(conn) == 0
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    expected = {"articles", "files", "entities", "aliases", "mentions", "quotes", "dates"}
    assert expected | {"article_text", "quote_text"} <= tables
    conn.close()


def test_reindexing_a_file_replaces_its_rows_and_full_text(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as library:
        first = annotations(TEXT, [(PERSON, "Emmanuel Macron")], quotes=[("the talks", "Macron")])
        add(library, "/a.txt", first)
        add(library, "/a.txt", first, mtime_ns=2)
        assert _count(library, "articles") == 1
        assert _count(library, "article_entities") == 1
        assert _count(library, "quotes") == _count(library, "quote_text") == 1
        assert _count(library, "article_text") == 1


def test_a_changed_file_leaves_its_old_article_and_its_names(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as library:
        add(
            library,
            "/a.txt",
            annotations(TEXT, [(PERSON, "Emmanuel Macron")], quotes=[("the talks", "Macron")]),
        )
        other = "Olaf Scholz went to Berlin."
        add(library, "/a.txt", annotations(other, [(PERSON, "Olaf Scholz")]), mtime_ns=2)
        assert library.conn.execute("SELECT chars FROM articles").fetchall() == [(len(other),)]
        assert [r[0] for r in library.conn.execute("SELECT name FROM aliases")] == ["Olaf Scholz"]
        assert [r[0] for r in library.conn.execute("SELECT name FROM entities")] == ["Olaf Scholz"]
        assert _count(library, "quotes") == _count(library, "quote_text") == 0
        assert _count(library, "article_text") == 1


def test_removing_the_last_file_removes_the_article_and_everything_in_it(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as library:
        ann = annotations(
            TEXT,
            [(PERSON, "Emmanuel Macron")],
            quotes=[("the talks", "Emmanuel Macron")],
            dates=[("spoke", "2025-03-17")],
        )
        add(library, "/a.txt", ann)
        library.remove_file("/a.txt")
        for table in (
            "files",
            "articles",
            "article_entities",
            "mentions",
            "quotes",
            "dates",
            "aliases",
            "entities",
            "article_text",
            "quote_text",
        ):
            assert _count(library, table) == 0, table


def test_an_annotated_copy_is_what_the_library_holds_for_its_article(tmp_path: Path) -> None:
    """The copy carries the user's corrections; the original and the copy are one article."""
    with Library(tmp_path / "lib.sqlite3") as library:
        model = annotations(TEXT, [(PERSON, "Emmanuel Macron"), ("place", "Paris")])
        corrected = annotations(TEXT, [(PERSON, "Emmanuel Macron"), ("country", "Paris")])
        add(library, "/a.txt", model)
        add(library, "/a.copy.json", corrected, is_copy=True)
        add(library, "/a.txt", model, mtime_ns=5)  # the original read again: the copy still wins
        rows = library.conn.execute("SELECT path, from_copy FROM articles").fetchall()
        assert rows == [("/a.copy.json", 1)]
        kinds = library.conn.execute("SELECT type FROM article_entities ORDER BY type").fetchall()
        assert kinds == [("country",), ("person",)]
        held = library.conn.execute("SELECT path, article_id IS NOT NULL FROM files ORDER BY path")
        assert held.fetchall() == [("/a.copy.json", 1), ("/a.txt", 1)]


def test_when_the_copy_goes_its_original_is_read_again(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as library:
        add(library, "/a.txt", annotations(TEXT, [(PERSON, "Emmanuel Macron")]))
        add(library, "/a.copy.json", annotations(TEXT, [(PERSON, "Emmanuel Macron")]), is_copy=True)
        library.remove_file("/a.copy.json")
        state = library.file_state("/a.txt")
        assert state is not None and state.size == -1  # stale: the next run reads it again
        assert _count(library, "articles") == 1


def test_unreadable_files_are_listed_with_their_reason(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as library:
        add(library, "/a.txt", annotations(TEXT, [(PERSON, "Emmanuel Macron")]))
        library.add_error("/a.txt", stamp("changed"), "It is encrypted.", "test")
        assert library.unreadable() == [("/a.txt", "It is encrypted.")]
        assert _count(library, "articles") == 0
