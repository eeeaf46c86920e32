"""The recovery journal: every correction is appended and fsynced as it happens.

One JSON-lines file per (article text, starting annotations) in ``data_dir()/journals``:
``<sha256 of the text>-<first 16 hex of the sha256 of the annotations' JSON>.jsonl``. The
first line is a header; each further line is a correction, ``{"op": "undo"}`` or
``{"op": "redo"}``. A crash can at worst cut the last line short. Reading is total: a line
that cannot be read (cut short, or damaged anywhere) costs that line only and is counted, and
a restored journal is rewritten from what was read before anything is appended to it, so the
next correction never lands on a broken line. Replaying the lines through a
``CorrectionStack`` rebuilds the annotations and the undo history exactly.
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
from reader.core.atomic import write_bytes_atomic
from reader.core.bounded_read import read_bounded
from reader.core.corrections.operations import CorrectionError, correction_from_dict
from reader.core.corrections.undo import CorrectionStack
from reader.core.model import Annotations, Article
from reader.core.paths import data_dir

JOURNAL_VERSION = 1
MAX_JOURNAL_BYTES = 64 * 1024 * 1024
"""Some 300,000 corrections; a larger file is not a journal we wrote and is not read."""


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


def _line(entry: dict[str, Any]) -> bytes:
    """One journal line: compact JSON, so ``{"op":`` only ever starts an entry."""
    return (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class Journal:
    """Appends corrections to the journal file; created on the first correction.

    Build it before any correction is applied (it hashes the starting annotations). A new
    journal replaces any older file at its path on the first correction; ``resume`` (the
    journal ``replay`` restored) instead rewrites the file atomically from what was read of it
    (without its damaged lines, each entry on a whole line), then appends.
    """

    def __init__(
        self, ann: Annotations, path: Path | None = None, *, resume: FoundJournal | None = None
    ) -> None:
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
            if self._resume is not None:
                restored = [self._resume.header, *self._resume.entries]
                write_bytes_atomic(self.path, b"".join(_line(entry) for entry in restored))
                self._resume = None
                self._handle = open(self.path, "ab")  # noqa: SIM115 - kept open while editing
            else:
                self._handle = open(self.path, "wb")  # noqa: SIM115 - kept open while editing
                self._write(self._header)
        return self._handle

    def _write(self, entry: dict[str, Any]) -> None:
        assert self._handle is not None
        self._handle.write(_line(entry))
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
        unreadable: how many recorded steps could not be read (damaged or cut short).
    """

    path: Path
    header: dict[str, Any]
    entries: list[dict[str, Any]] = field(default_factory=list)
    unreadable: int = 0

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


ENTRY_START = b'{"op":'
"""How every entry line begins (``_line``); inside a JSON string the quote is escaped."""


def _entries_of(line: bytes) -> tuple[list[dict[str, Any]], int]:
    """The entries a line holds, and how many pieces of it could not be read.

    A whole line is one entry. A damaged line may be an entry cut short by a crash with the
    next entry appended to it (journals written before restores were rewritten): it is split
    where each entry starts, so only the cut piece is lost.
    """
    entry = _parse(line)
    if entry is not None:
        return [entry], 0
    cuts, at = [], line.find(ENTRY_START)
    while at >= 0:
        cuts.append(at)
        at = line.find(ENTRY_START, at + 1)
    pieces = [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True) if a < b]
    entries = [e for e in map(_parse, pieces) if e is not None]
    return entries, sum(1 for piece in pieces if piece.strip()) - len(entries)


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        entry = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return entry if isinstance(entry, dict) else None


def read_journal(path: Path) -> FoundJournal | None:
    """Parse a journal file; None when it is unreadable or its header is not ours.

    Every readable entry is kept, wherever a damaged line is; ``unreadable`` counts the rest.
    """
    try:
        raw = read_bounded(path, MAX_JOURNAL_BYTES)
    except OSError:
        return None
    lines = [line for line in raw.split(b"\n") if line.strip()]
    if not lines:
        return None
    header = _parse(lines[0])
    if header is None or header.get("journal") != JOURNAL_VERSION:
        return None
    found = FoundJournal(path, header)
    for line in lines[1:]:
        entries, lost = _entries_of(line)
        found.entries += entries
        found.unreadable += lost
    return found


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


def unreadable_sentence(count: int) -> str:
    """What the user is told of the steps a journal lost (damaged, or cut short by a crash)."""
    if count == 1:
        return "One recorded step could not be read and is left out."
    return f"{count} recorded steps could not be read and are left out."


@dataclass
class Replay:
    """The outcome of replaying a journal: the stack to keep editing with, and any misses."""

    stack: CorrectionStack
    applied: int = 0
    skipped: list[str] = field(default_factory=list)


def replay(ann: Annotations, found: FoundJournal) -> Replay:
    """Apply the journal's entries to ``ann`` (uncorrected) and return the resulting stack.

    Entries that no longer apply are skipped and listed; the journal keeps recording to the
    same file (rewritten from ``found`` first), so nothing is lost if the app crashes again.
    """
    journal = Journal(ann, found.path, resume=found)
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
