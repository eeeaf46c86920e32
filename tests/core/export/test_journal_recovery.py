"""Recovery is total: a second crash, a damaged line anywhere, never cost more than that line."""

from __future__ import annotations

import copy

from reader.core import schema
from reader.core.corrections.journal import (
    Journal,
    find_journal,
    journal_path,
    read_journal,
    replay,
)
from reader.core.corrections.operations import ChangeType, RenameEntity
from reader.core.corrections.undo import CorrectionStack
from reader.core.model import Annotations


def _first_session(ann: Annotations) -> None:
    """Two corrections, then a crash in the middle of writing the third."""
    path = journal_path(ann)  # of the annotations as they were before any correction
    stack = CorrectionStack(ann, recorder=Journal(ann))
    stack.apply(RenameEntity("e2", "Scholz"))
    stack.apply(ChangeType("e3", "country"))
    stack.recorder.close()  # type: ignore[union-attr]
    with open(path, "ab") as handle:
        handle.write(b'{"op":"rename","entity_id":"e1","na')


def _restore(base: Annotations) -> CorrectionStack:
    found = find_journal(copy.deepcopy(base))
    assert found is not None
    return replay(copy.deepcopy(base), found).stack


def test_corrections_after_a_restore_survive_the_next_crash(small: Annotations) -> None:
    """The issue's case: the next correction was glued onto the cut line and lost, and two
    corrections later the cut line was no longer last and the whole journal was dropped."""
    base = copy.deepcopy(small)
    _first_session(small)
    for more in (1, 2, 3):
        stack = _restore(base)
        for step in range(more):
            stack.apply(RenameEntity("e1", f"Macron {more}.{step}"))
        stack.recorder.close()  # type: ignore[union-attr]  # the second crash
        found = find_journal(copy.deepcopy(base))
        assert found is not None, f"journal dropped after {more} more"
        restored = replay(copy.deepcopy(base), found).stack.ann
        assert restored.entities[0].name == f"Macron {more}.{more - 1}"
        assert restored.entities[1].name == "Scholz" and restored.entities[2].type == "country"


def test_a_restored_journal_is_rewritten_before_appending(small: Annotations) -> None:
    base = copy.deepcopy(small)
    _first_session(small)
    found = find_journal(copy.deepcopy(base))
    assert found is not None and found.unreadable == 1  # the cut line is told, not hidden
    stack = replay(copy.deepcopy(base), found).stack
    stack.apply(RenameEntity("e1", "Macron"))
    stack.recorder.close()  # type: ignore[union-attr]
    raw = journal_path(base).read_bytes()
    assert b'"na\n' not in raw and b'"na{' not in raw and raw.endswith(b"}\n")
    again = read_journal(journal_path(base))
    assert again is not None and again.unreadable == 0
    assert [e["op"] for e in again.entries] == ["rename", "change_type", "rename"]
    assert again.header == found.header  # when it started, for what, is kept


def test_a_damaged_line_in_the_middle_costs_that_line_only(small: Annotations) -> None:
    base = copy.deepcopy(small)
    stack = CorrectionStack(small, recorder=Journal(small))
    for name in ("One", "Two", "Three", "Four"):
        stack.apply(RenameEntity("e2", name))
    stack.apply(ChangeType("e3", "country"))
    stack.recorder.close()  # type: ignore[union-attr]
    path = journal_path(base)
    lines = path.read_bytes().split(b"\n")
    lines[2] = b"\xff\xfe" + lines[2][5:]  # undecodable, far from the end
    lines[3] = b"[1, 2]"  # valid JSON that is no entry
    path.write_bytes(b"\n".join(lines))
    found = find_journal(copy.deepcopy(base))
    assert found is not None and found.unreadable == 2
    assert [e.get("name") for e in found.entries] == ["One", "Four", None]
    result = replay(copy.deepcopy(base), found)
    assert result.applied == 3
    assert result.stack.ann.entities[1].name == "Four"
    assert result.stack.ann.entities[2].type == "country"


def test_an_entry_glued_to_a_cut_line_by_an_older_version_is_recovered(
    small: Annotations,
) -> None:
    """Journals written before restores were rewritten hold such lines: the cut piece goes."""
    base = copy.deepcopy(small)
    _first_session(small)
    with open(journal_path(base), "ab") as handle:  # what the old append did
        handle.write(b'{"op":"rename","entity_id":"e1","name":"Glued"}\n')
        handle.write(b'{"op":"change_type","entity_id":"e1","type":"organization"}\n')
    found = find_journal(copy.deepcopy(base))
    assert found is not None and found.unreadable == 1
    ann = replay(copy.deepcopy(base), found).stack.ann
    assert ann.entities[0].name == "Glued" and ann.entities[0].type == "organization"
    assert schema.dumps(ann) != schema.dumps(base)


def test_a_cut_header_is_no_journal(small: Annotations) -> None:
    path = journal_path(small)
    stack = CorrectionStack(small, recorder=Journal(small))
    stack.apply(RenameEntity("e2", "Scholz"))
    stack.recorder.close()  # type: ignore[union-attr]
    path.write_bytes(path.read_bytes()[:20])
    assert read_journal(path) is None
