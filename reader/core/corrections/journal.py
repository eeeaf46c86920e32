"""The recovery journal: every correction is appended and fsynced as it happens.

One JSON-lines file per (article text, starting annotations) in ``data_dir()/journals``:
``<sha256 of the text>-<first 16 hex of the sha256 of the annotations' JSON>.jsonl``. The
first line is a header; each further line is a correction, ``{"op": "undo"}`` or
``{"op": "redo"}``. A crash can at worst cut the last line short, which reading ignores.
Replaying the lines through a ``CorrectionStack`` rebuilds the annotations and the undo
history exactly.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from reader.core import schema
from reader.core.corrections.operations import CorrectionError, correction_from_dict
from reader.core.corrections.undo import CorrectionStack
from reader.core.model import Annotations, Article
from reader.core.paths import data_dir

JOURNAL_VERSION = 1


def content_hash(article: Article) -> str:
    """The key of an article: sha256 of its text (the same text, wherever it came from)."""
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def annotations_hash(ann: Annotations) -> str:
    """sha256 of the schema-v1 JSON the corrections started from.

    Compact JSON: ``json`` encodes it in C; the indented form took seconds on the UI thread
    for a book-length article, on every arrival of annotations.
    """
    return hashlib.sha256(schema.dumps(ann, indent=None).encode("utf-8")).hexdigest()


def journal_dir() -> Path:
    """Folder of all journals."""
    return data_dir() / "journals"


def _journal_file(text_key: str, annotations_key: str) -> Path:
    """``<text key>-<annotations key>.jsonl`` in the journal folder (``*`` makes a pattern)."""
    return journal_dir() / f"{text_key}-{annotations_key}.jsonl"


def journal_path(ann: Annotations) -> Path:
    """Where the journal of corrections to these (uncorrected) annotations lives."""
    return _journal_file(content_hash(ann.article), annotations_hash(ann)[:16])


class Journal:
    """Appends corrections to the journal file; created on the first correction.

    Build it before any correction is applied (it hashes the starting annotations). A new
    journal replaces any older file at its path on the first correction; ``resume=True``
    appends to it instead (after ``replay``).
    """

    def __init__(self, ann: Annotations, path: Path | None = None, *, resume: bool = False) -> None:
        self.path = path or journal_path(ann)
        self._resume = resume
        self._header = {
            "journal": JOURNAL_VERSION,
            "article_sha256": content_hash(ann.article),
            "base_sha256": annotations_hash(ann),
            "source": ann.article.source,
            "title": ann.article.title,
            "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        self._handle: IO[bytes] | None = None

    def _open(self) -> IO[bytes]:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fresh = not self._resume or not self.path.exists() or not self.path.stat().st_size
            mode = "ab" if self._resume else "wb"
            self._handle = open(self.path, mode)  # noqa: SIM115 - kept open while editing
            self._resume = True
            if fresh:
                self._write(self._header)
        return self._handle

    def _write(self, entry: dict[str, Any]) -> None:
        assert self._handle is not None
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"
        self._handle.write(line.encode("utf-8"))
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def record(self, entry: dict[str, Any]) -> None:
        """Append one entry and fsync it before returning (raises OSError on failure)."""
        self._open()
        self._write(entry)

    def close(self) -> None:
        """Close the file, keeping it (the article is still unsaved or may crash later)."""
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None

    def discard(self) -> None:
        """Close and delete the journal (its corrections are saved or were declined)."""
        self.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


@dataclass
class FoundJournal:
    """A journal left behind by an earlier session.

    Attributes:
        path: the file.
        header: its first line (source, title, when it started).
        entries: the corrections, undos and redos, in order.
    """

    path: Path
    header: dict[str, Any]
    entries: list[dict[str, Any]] = field(default_factory=list)

    @property
    def corrections(self) -> int:
        """How many corrections are in effect at the end of the journal."""
        depth, top = 0, 0
        for entry in self.entries:
            op = entry.get("op")
            if op == "undo":
                depth = max(0, depth - 1)
            elif op == "redo":
                depth = min(top, depth + 1)
            else:
                depth += 1
                top = depth
        return depth


def read_journal(path: Path) -> FoundJournal | None:
    """Parse a journal file; None when it is unreadable or its header is not ours."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    lines = raw.split(b"\n")
    entries: list[dict[str, Any]] = []
    header: dict[str, Any] | None = None
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            entry = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            if number >= len(lines) - 2:  # a last line cut short by a crash
                break
            return None
        if not isinstance(entry, dict):
            return None
        if header is None:
            if entry.get("journal") != JOURNAL_VERSION:
                return None
            header = entry
        else:
            entries.append(entry)
    if header is None:
        return None
    return FoundJournal(path, header, entries)


def find_journal(ann: Annotations) -> FoundJournal | None:
    """The journal of corrections to exactly these annotations, if one holds any.

    Asked on the UI thread at every arrival of annotations: when no journal of the article
    exists at all (the usual case) the annotations are not hashed (50-150 ms for 1 MB).
    """
    if not any(journal_dir().glob(_journal_file(content_hash(ann.article), "*").name)):
        return None
    found = read_journal(journal_path(ann))
    if found is None or found.header.get("base_sha256") != annotations_hash(ann):
        return None
    return found if found.entries else None


@dataclass
class Replay:
    """The outcome of replaying a journal: the stack to keep editing with, and any misses."""

    stack: CorrectionStack
    applied: int = 0
    skipped: list[str] = field(default_factory=list)


def replay(ann: Annotations, found: FoundJournal) -> Replay:
    """Apply the journal's entries to ``ann`` (uncorrected) and return the resulting stack.

    Entries that no longer apply are skipped and listed; the journal keeps recording
    (appending) to the same file, so nothing is lost if the app crashes again.
    """
    journal = Journal(ann, found.path, resume=True)
    stack = CorrectionStack(ann)
    result = Replay(stack)
    for entry in found.entries:
        op = entry.get("op")
        if op == "undo":
            stack.undo()
        elif op == "redo":
            stack.redo()
        else:
            try:
                stack.apply(correction_from_dict(entry))
                result.applied += 1
            except CorrectionError as exc:
                result.skipped.append(exc.message)
                stack.push_skipped(f"Skipped: {exc.message}")
    stack.recorder = journal
    return result


def discard_journal(ann: Annotations) -> None:
    """Delete the journal of these annotations, if any."""
    with contextlib.suppress(FileNotFoundError):
        journal_path(ann).unlink()
