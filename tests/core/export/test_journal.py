"""The recovery journal: every correction is on disk before the call returns."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core import schema
from reader.core.corrections.journal import (
    Journal,
    discard_journal,
    find_journal,
    journal_dir,
    journal_path,
    read_journal,
    replay,
)
from reader.core.corrections.operations import AddEntity, ChangeType, MergeEntities, RenameEntity
from reader.core.corrections.undo import CorrectionStack
from reader.core.model import Annotations


def _edit(ann: Annotations) -> CorrectionStack:
    stack = CorrectionStack(ann, recorder=Journal(ann))
    start = ann.article.text.index("Saturday")
    stack.apply(AddEntity(start, start + 8, "organization"))
    stack.apply(RenameEntity("e2", "Scholz"))
    stack.apply(ChangeType("e3", "country"))
    stack.undo()
    stack.undo()
    stack.redo()
    stack.apply(MergeEntities("e4", "e5"))
    return stack


def test_journal_lives_in_the_data_folder_keyed_by_content(
    small: Annotations, isolated_home: Path
) -> None:
    path = journal_path(small)
    assert path.parent == journal_dir() and journal_dir().is_relative_to(isolated_home)
    assert path.name.startswith(hashlib.sha256(small.article.text.encode()).hexdigest() + "-")
    assert not path.exists()  # nothing is written before the first correction


def test_replay_rebuilds_annotations_and_history(small: Annotations) -> None:
    base = copy.deepcopy(small)
    stack = _edit(small)
    found = find_journal(base)
    assert found is not None
    assert found.header["source"] == "/articles/macron.txt"
    assert [e["op"] for e in found.entries] == [
        "add_entity",
        "rename",
        "change_type",
        "undo",
        "undo",
        "redo",
        "merge",
    ]
    assert found.corrections == 3
    result = replay(base, found)
    assert schema.dumps(base) == schema.dumps(small)
    assert result.applied == 4 and result.skipped == []
    assert result.stack.undo_text == stack.undo_text
    assert result.stack.modified
    result.stack.undo()
    stack.undo()
    assert schema.dumps(base) == schema.dumps(small)
    # after a replay the journal goes on: one more step lands in the same file
    assert [e["op"] for e in read_journal(found.path).entries][-1] == "undo"  # type: ignore[union-attr]


def test_each_entry_is_fsynced_before_apply_returns(
    small: Annotations, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd)))
    stack = CorrectionStack(small, recorder=Journal(small))
    stack.apply(RenameEntity("e2", "Scholz"))
    assert len(synced) == 2  # the header, then the correction
    stack.undo()
    assert len(synced) == 3


def test_crash_loses_nothing(small: Annotations, tmp_path: Path) -> None:
    """A process killed right after a correction leaves it in the journal."""
    saved = tmp_path / "ann.json"
    saved.write_text(schema.dumps(small), encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import os, signal
        from reader.core.export.reopen import load_annotated
        from reader.core.corrections.undo import CorrectionStack
        from reader.core.corrections.operations import RenameEntity
        from reader.core.corrections.journal import Journal
        ann = load_annotated({str(saved)!r})
        stack = CorrectionStack(ann, recorder=Journal(ann))
        stack.apply(RenameEntity("e2", "Chancellor Scholz"))
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=120, env=os.environ.copy()
    )
    assert result.returncode == -9, result.stderr
    found = find_journal(small)
    assert found is not None
    replay(small, found)
    assert small.entities[1].name == "Chancellor Scholz"


def test_a_line_cut_short_by_a_crash_is_ignored(small: Annotations) -> None:
    base = copy.deepcopy(small)
    _edit(small)
    path = journal_path(base)
    with open(path, "ab") as handle:
        handle.write(b'{"op": "rename", "entity_id": "e1", "na')
    found = find_journal(base)
    assert found is not None and len(found.entries) == 7
    replay(base, found)
    assert schema.dumps(base) == schema.dumps(small)


def test_corrupt_or_foreign_journals_are_not_offered(small: Annotations) -> None:
    path = journal_path(small)
    path.parent.mkdir(parents=True)
    path.write_text("not json\n{}\n", encoding="utf-8")
    assert find_journal(small) is None
    path.write_text(json.dumps({"journal": 1, "base_sha256": "other"}) + "\n{}\n", encoding="utf-8")
    assert find_journal(small) is None


def test_corrections_that_no_longer_apply_are_skipped(small: Annotations) -> None:
    base = copy.deepcopy(small)
    CorrectionStack(small, recorder=Journal(small)).apply(RenameEntity("e2", "Scholz"))
    with open(journal_path(base), "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"op": "rename", "entity_id": "e99", "name": "Ghost"}) + "\n")
        handle.write(json.dumps({"op": "undo"}) + "\n")
    result = replay(base, find_journal(base))  # type: ignore[arg-type]
    assert result.applied == 1 and result.skipped == ["That entity no longer exists."]
    assert base.entities[1].name == "Scholz"  # the undo undid the skipped step only


def test_declining_starts_afresh_and_discard_deletes(small: Annotations) -> None:
    base = copy.deepcopy(small)
    _edit(small)
    fresh = copy.deepcopy(base)
    CorrectionStack(fresh, recorder=Journal(fresh)).apply(RenameEntity("e2", "Olaf"))
    found = find_journal(base)
    assert found is not None and [e["op"] for e in found.entries] == ["rename"]
    discard_journal(base)
    assert find_journal(base) is None


def test_journal_failure_keeps_the_edit_and_reports(
    small: Annotations, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal(small)

    def full(entry: dict) -> None:  # type: ignore[type-arg]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(journal, "record", full)
    stack = CorrectionStack(small, recorder=journal)
    stack.apply(RenameEntity("e2", "Scholz"))
    assert small.entities[1].name == "Scholz"
    assert stack.record_error is not None and "No space left" in stack.record_error


def test_an_article_without_journal_is_answered_without_hashing(small, monkeypatch) -> None:
    """The lookup runs on the UI thread for every result: hashing 1 MB of annotations froze it."""
    from reader.core.corrections import journal

    other = copy.deepcopy(small)
    _edit(other)  # a journal of these annotations exists...
    other.article.text += " A different article."
    monkeypatch.setattr(journal, "annotations_hash", lambda ann: pytest.fail("hashed"))
    assert find_journal(other) is None  # ...but none of this text
