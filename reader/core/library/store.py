"""The library's SQLite file: one connection per user, WAL, each change its own transaction.

WAL lets the app's panels read while an index run writes, and keeps every committed article
through a kill. Writes go through ``Library`` only, each in a ``BEGIN IMMEDIATE``
transaction, so there is one writer at a time (a second process waits up to ``TIMEOUT_S``).

An article is identified by its text: a file and the annotated copy saved from it are one
article, and the library holds the copy's annotations (the user's corrections); the newest
copy wins, and when the copy goes the original's analysis comes back.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.core import paths
from reader.core.library import identity
from reader.core.library.migrations import migrate
from reader.core.model import Annotations

FILE_NAME = "library.sqlite3"
TIMEOUT_S = 30.0
STALE = -1
"""A file's ``size`` set to this is re-read by the next run whatever its stat says."""


def default_path() -> Path:
    """The library in the user data folder (``ENTITY_READER_HOME`` redirects it)."""
    return paths.data_dir() / FILE_NAME


def text_digest(text: str) -> str:
    """The identity of an article: sha256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_title(annotations: Annotations, path: str) -> str:
    """What the library lists an article by: its headline, else its file's name."""
    return annotations.article.title or Path(path).name


@dataclass(frozen=True)
class FileState:
    """What the library last saw of a file."""

    path: str
    size: int
    mtime_ns: int
    digest: str
    analyser: str
    error: str | None
    article_id: int | None


@dataclass(frozen=True)
class Stamp:
    """A file as it is on disk now."""

    size: int
    mtime_ns: int
    digest: str


class Library:
    """An open library database.

    Args:
        path: the SQLite file; ``default_path()`` when None. Its folder is created.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(
            self.path, timeout=TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        migrate(self.conn)

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- files ------------------------------------------------------------------------------

    def file_state(self, path: str) -> FileState | None:
        """The library's record of ``path``, or None if it was never indexed."""
        row = self.conn.execute(
            "SELECT path, size, mtime_ns, digest, analyser, error, article_id"
            " FROM files WHERE path = ?",
            (path,),
        ).fetchone()
        return FileState(*row) if row else None

    def known_paths(self) -> list[str]:
        """Every file the library has a record of."""
        return [r[0] for r in self.conn.execute("SELECT path FROM files ORDER BY path")]

    def touch(self, path: str, stamp: Stamp) -> None:
        """The file's stat changed but not its bytes: remember the new stat only."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
                (stamp.size, stamp.mtime_ns, path),
            )

    def add_file(
        self, path: str, stamp: Stamp, annotations: Annotations, *, is_copy: bool, analyser: str
    ) -> None:
        """Record ``path`` with its annotations, in one transaction.

        The file joins the article with the same text (or makes one); it becomes the file
        whose annotations the article holds when it is the article's first, a copy newer
        than the held one, or the held one itself.
        """
        digest = text_digest(annotations.article.text)
        with self.transaction() as conn:
            old = self.file_state(path)
            row = conn.execute(
                "SELECT id, path, from_copy, mtime_ns FROM articles WHERE text_digest = ?",
                (digest,),
            ).fetchone()
            if row is None:
                article_id = self._new_article(path, stamp, annotations, is_copy, digest)
                hold = True
            else:
                article_id, held_path, held_copy, held_mtime = row
                held_ok = conn.execute(
                    "SELECT 1 FROM files WHERE path = ? AND article_id = ?",
                    (held_path, article_id),
                ).fetchone()
                hold = (
                    held_path == path
                    or held_ok is None
                    or (is_copy and not held_copy)
                    or (is_copy and held_copy and stamp.mtime_ns >= held_mtime)
                )
            self._put_file(path, stamp, analyser, is_copy, article_id, None)
            if old is not None and old.article_id not in (None, article_id):
                self._release(old.article_id, path)
            if hold:
                self._hold(article_id, path, stamp, annotations, is_copy)

    def add_error(self, path: str, stamp: Stamp, reason: str, analyser: str) -> None:
        """Record that ``path`` cannot be read, and why; it leaves any article it was part of."""
        with self.transaction():
            old = self.file_state(path)
            self._put_file(path, stamp, analyser, False, None, reason)
            if old is not None and old.article_id is not None:
                self._release(old.article_id, path)

    def remove_file(self, path: str) -> None:
        """Forget a file that is gone; its article goes too when no other file has it."""
        with self.transaction() as conn:
            old = self.file_state(path)
            if old is None:
                return
            conn.execute("DELETE FROM files WHERE path = ?", (path,))
            if old.article_id is not None:
                self._release(old.article_id, path)

    def unreadable(self) -> list[tuple[str, str]]:
        """Every file that could not be read, with the reason, by path."""
        return list(
            self.conn.execute("SELECT path, error FROM files WHERE error IS NOT NULL ORDER BY path")
        )

    def _put_file(
        self,
        path: str,
        stamp: Stamp,
        analyser: str,
        is_copy: bool,
        article_id: int | None,
        error: str | None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO files (path, size, mtime_ns, digest, analyser, is_copy, article_id,"
            " error, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(path) DO UPDATE SET size = excluded.size,"
            " mtime_ns = excluded.mtime_ns, digest = excluded.digest,"
            " analyser = excluded.analyser, is_copy = excluded.is_copy,"
            " article_id = excluded.article_id, error = excluded.error,"
            " indexed_at = excluded.indexed_at",
            (
                path,
                stamp.size,
                stamp.mtime_ns,
                stamp.digest,
                analyser,
                int(is_copy),
                article_id,
                error,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )

    def _release(self, article_id: int, path: str) -> None:
        """``path`` no longer belongs to the article: drop the article if no file is left,
        else mark the best remaining file (copies first) to be read again, so the article's
        annotations come from a file that has it, even if this run is killed now."""
        conn = self.conn
        left = conn.execute(
            "SELECT path FROM files WHERE article_id = ? AND path != ?"
            " ORDER BY is_copy DESC, mtime_ns DESC, path",
            (article_id, path),
        ).fetchall()
        if not left:
            self._delete_article(article_id)
            return
        held = conn.execute("SELECT path FROM articles WHERE id = ?", (article_id,)).fetchone()
        if held is not None and held[0] == path:
            conn.execute("UPDATE files SET size = ? WHERE path = ?", (STALE, left[0][0]))

    def _delete_article(self, article_id: int) -> None:
        aliases = self._article_aliases(article_id)
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        identity.drop_orphans(self.conn, aliases)

    def _article_aliases(self, article_id: int) -> list[int]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT alias_id FROM article_entities WHERE article_id = ?",
                (article_id,),
            )
        ]

    # -- articles ---------------------------------------------------------------------------

    def _new_article(
        self, path: str, stamp: Stamp, annotations: Annotations, is_copy: bool, digest: str
    ) -> int:
        """A new article row for text whose ``text_digest`` is ``digest``; its id."""
        article = annotations.article
        cursor = self.conn.execute(
            "INSERT INTO articles (text_digest, path, title, size, mtime_ns, format, from_copy,"
            " chars) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                digest,
                path,
                article_title(annotations, path),
                stamp.size,
                stamp.mtime_ns,
                article.format,
                int(is_copy),
                len(article.text),
            ),
        )
        return int(cursor.lastrowid or 0)

    def _hold(
        self, article_id: int, path: str, stamp: Stamp, annotations: Annotations, is_copy: bool
    ) -> None:
        """Make ``annotations`` (read from ``path``) what the library holds for the article."""
        conn = self.conn
        article = annotations.article
        old_aliases = self._article_aliases(article_id)
        conn.execute(
            "UPDATE articles SET path = ?, title = ?, byline = ?, source = ?, published = ?,"
            " size = ?, mtime_ns = ?, format = ?, from_copy = ?, chars = ?, mentions = ?"
            " WHERE id = ?",
            (
                path,
                article_title(annotations, path),
                article.byline,
                article.site,
                article.published.isoformat() if article.published else None,
                stamp.size,
                stamp.mtime_ns,
                article.format,
                int(is_copy),
                len(article.text),
                sum(len(e.mentions) for e in annotations.entities),
                article_id,
            ),
        )
        conn.execute("DELETE FROM article_entities WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM dates WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM article_text WHERE rowid = ?", (article_id,))
        conn.execute(
            "INSERT INTO article_text (rowid, title, body) VALUES (?, ?, ?)",
            (article_id, article.title or "", article.text),
        )
        local: dict[str, int] = {}
        new_aliases: list[int] = []
        for entity in annotations.entities:
            alias_id = identity.ensure_alias(conn, entity.type, entity.name, entity.country)
            new_aliases.append(alias_id)
            cursor = conn.execute(
                "INSERT INTO article_entities (article_id, local_id, alias_id, type, name,"
                " country, mentions) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    entity.id,
                    alias_id,
                    entity.type,
                    entity.name,
                    entity.country,
                    len(entity.mentions),
                ),
            )
            row_id = int(cursor.lastrowid or 0)
            local[entity.id] = row_id
            conn.executemany(
                'INSERT INTO mentions (article_entity_id, start, "end", text, source)'
                " VALUES (?, ?, ?, ?, ?)",
                [(row_id, m.start, m.end, m.text, m.source) for m in entity.mentions],
            )
        for quote in annotations.quotes:
            cursor = conn.execute(
                'INSERT INTO quotes (article_id, start, "end", text, speaker, speaker_entity_id,'
                " kind, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    quote.start,
                    quote.end,
                    quote.text,
                    quote.speaker,
                    local.get(quote.speaker_id or ""),
                    quote.kind,
                    quote.source,
                ),
            )
            conn.execute(
                "INSERT INTO quote_text (rowid, body) VALUES (?, ?)",
                (cursor.lastrowid, quote.text),
            )
        conn.executemany(
            'INSERT INTO dates (article_id, start, "end", text, value, precision)'
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(article_id, d.start, d.end, d.text, d.value, d.precision) for d in annotations.dates],
        )
        identity.refresh(conn, new_aliases)
        identity.drop_orphans(conn, set(old_aliases) - set(new_aliases))

    # -- identity ---------------------------------------------------------------------------

    def split(self, kind: str, name: str, *, undo: bool = False) -> bool:
        """Split the alias ``name`` off the entity it was merged into (``undo``: join again).

        Returns False when no article names an entity so.
        """
        key = identity.alias_key(kind, name)
        row = self.conn.execute(
            "SELECT id FROM aliases WHERE type = ? AND (key = ? OR name = ?)"
            " ORDER BY key != ? LIMIT 1",
            (kind, key.key, name, key.key),
        ).fetchone()
        if row is None:
            return False
        with self.transaction() as conn:
            identity.set_split(conn, int(row[0]), not undo)
        return True
