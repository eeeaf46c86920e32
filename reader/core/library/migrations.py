"""The library's SQLite schema, one numbered migration per version (``PRAGMA user_version``).

A database is brought up to ``SCHEMA_VERSION`` when it is opened, each step in its own
transaction, so a migration killed half-way leaves the previous version intact. A database
written by a newer reader is refused rather than altered: its tables may mean other things.
Add a version by appending to ``MIGRATIONS``; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from reader.core.errors import ReaderError

Migration = Callable[[sqlite3.Connection], None]

_V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    text_digest TEXT NOT NULL UNIQUE,   -- sha256 of the article text: one article, many files
    path TEXT NOT NULL,                 -- the file whose annotations the library holds
    title TEXT NOT NULL,                -- the headline, else the file's name
    byline TEXT,
    source TEXT,                        -- publishing site or agency
    published TEXT,                     -- YYYY-MM-DD or NULL
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    format TEXT NOT NULL,
    from_copy INTEGER NOT NULL DEFAULT 0,  -- 1: an annotated copy (the user's corrections)
    chars INTEGER NOT NULL,
    mentions INTEGER NOT NULL DEFAULT 0  -- of every entity, for the list's column
);
CREATE INDEX articles_published ON articles(published, path);
CREATE INDEX articles_title ON articles(title COLLATE NOCASE, path);
CREATE INDEX articles_source ON articles(source COLLATE NOCASE, path);
CREATE INDEX articles_mentions ON articles(mentions, path);

CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest TEXT NOT NULL,               -- sha256 of the bytes
    analyser TEXT NOT NULL,             -- cache.analyser_version() that read it
    is_copy INTEGER NOT NULL DEFAULT 0,
    article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    error TEXT,                         -- why it could not be read; article_id is NULL then
    indexed_at TEXT NOT NULL
);
CREATE INDEX files_article ON files(article_id);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    key TEXT NOT NULL,                  -- the owning alias's key
    name TEXT NOT NULL,
    UNIQUE (type, key)
);

CREATE TABLE aliases (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    key TEXT NOT NULL,                  -- identity.alias_key of the name
    name TEXT NOT NULL,                 -- as an article's analysis wrote it
    first_word TEXT NOT NULL,
    last_word TEXT NOT NULL,
    acronym TEXT,                       -- organizations written as initials ("EU")
    entity_id INTEGER REFERENCES entities(id),
    split INTEGER NOT NULL DEFAULT 0,   -- 1: the user split it off; it owns itself
    UNIQUE (type, key)
);
CREATE INDEX aliases_last ON aliases(type, last_word);
CREATE INDEX aliases_first ON aliases(type, first_word);
CREATE INDEX aliases_entity ON aliases(entity_id);

CREATE TABLE alias_initials (
    alias_id INTEGER NOT NULL REFERENCES aliases(id) ON DELETE CASCADE,
    letters TEXT NOT NULL,
    PRIMARY KEY (letters, alias_id)
) WITHOUT ROWID;

CREATE TABLE article_entities (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,             -- the id inside the article's Annotations ("e3")
    alias_id INTEGER NOT NULL REFERENCES aliases(id),
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    mentions INTEGER NOT NULL
);
CREATE INDEX article_entities_article ON article_entities(article_id);
CREATE INDEX article_entities_alias ON article_entities(alias_id);

CREATE TABLE mentions (
    article_entity_id INTEGER NOT NULL REFERENCES article_entities(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(article_entity_id);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_entity_id INTEGER REFERENCES article_entities(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);

CREATE TABLE dates (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,                         -- resolved: YYYY-MM-DD, YYYY-MM or YYYY
    precision TEXT
);
CREATE INDEX dates_article ON dates(article_id);
CREATE INDEX dates_value ON dates(value);

CREATE VIRTUAL TABLE article_text USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE quote_text USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_text WHERE rowid = old.id;
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    DELETE FROM quote_text WHERE rowid = old.id;
END;
"""


def _v1(conn: sqlite3.Connection) -> None:
    """Articles and the files they came from, entities and aliases, mentions, quotes, dates,
    full text over articles and quotes."""
    for statement in _statements(_V1):
        conn.execute(statement)


def _statements(script: str) -> list[str]:
    """Split a script into statements (``executescript`` would commit our transaction)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]


MIGRATIONS: tuple[Migration, ...] = (_v1,)
"""``MIGRATIONS[i]`` takes a database from version ``i`` to ``i + 1``."""
SCHEMA_VERSION = len(MIGRATIONS)


class LibraryVersionError(ReaderError):
    """The library was written by a newer Entity Reader."""


def schema_version(conn: sqlite3.Connection) -> int:
    """The version a database is at (0: empty)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring ``conn``'s database up to ``len(migrations)``; return the version it was at.

    Each step runs in its own ``BEGIN IMMEDIATE`` transaction together with its new
    ``user_version``, so a failure or a kill rolls that step back whole.
    """
    found = schema_version(conn)
    if found > len(migrations):
        raise LibraryVersionError(
            f"The library was written by a newer Entity Reader (schema {found}; this one "
            f"reads up to {len(migrations)}). Update Entity Reader to use it."
        )
    for version in range(found, len(migrations)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) != version:  # another process migrated meanwhile
                conn.execute("ROLLBACK")
                continue
            migrations[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return found
