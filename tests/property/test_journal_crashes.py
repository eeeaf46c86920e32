"""Any sequence of sessions, each restoring (or declining) the last journal, correcting, and
crashing at any byte of what it wrote: every entry fully written before a crash comes back.

Before restored journals were rewritten, the first correction after a restore was glued onto
the line the crash cut, and one more correction made the whole journal unreadable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from reader.core import schema
from reader.core.corrections import journal
from reader.core.corrections.operations import AddEntity, ChangeType, CorrectionError
from reader.core.corrections.undo import CorrectionStack
from reader.core.model import ENTITY_TYPES, Annotations, Article
from tests.property.budget import budget

TEXT = "Emmanuel Macron met Volodymyr Zelensky in Kyiv and then in Paris with NATO."
WORDS = ("Emmanuel", "Macron", "Volodymyr", "Zelensky", "Kyiv", "Paris", "NATO", "Macron met")

steps = st.one_of(
    st.tuples(st.just("add"), st.integers(0, len(WORDS) - 1)),
    st.tuples(st.just("type"), st.integers(0, 7), st.sampled_from(ENTITY_TYPES)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("redo")),
)
restores = st.sampled_from((True, True, True, False))  # mostly restored, sometimes declined
sessions = st.lists(
    st.tuples(restores, st.lists(steps, min_size=1, max_size=6)), min_size=3, max_size=5
)


class _Recording:
    """The journal, remembering each entry it was given (so the test knows what was written)."""

    def __init__(self, inner: journal.Journal) -> None:
        self.inner = inner
        self.entries: list[dict[str, Any]] = []

    def record(self, entry: dict[str, Any]) -> None:
        self.inner.record(entry)
        self.entries.append(entry)


def _take(stack: CorrectionStack, step: tuple) -> None:
    kind = step[0]
    try:
        if kind == "add":
            word = WORDS[step[1]]
            start = TEXT.index(word)
            stack.apply(AddEntity(start, start + len(word), "person"))
        elif kind == "type" and step[1] < len(stack.ann.entities):
            stack.apply(ChangeType(stack.ann.entities[step[1]].id, step[2]))
        elif kind == "undo":
            stack.undo()
        elif kind == "redo":
            stack.redo()
    except CorrectionError:
        pass  # refused, annotations unchanged and nothing recorded


@given(sessions, st.data())
@budget(60)
def test_every_fully_written_entry_survives_any_crashes(
    tmp_path_factory, plan: list, data: st.DataObject
) -> None:
    path: Path = tmp_path_factory.mktemp("journal") / "j.jsonl"
    survived: list[dict[str, Any]] = []  # entries fully on disk after the last crash
    pending: list[dict[str, Any]] = []  # one whose JSON is whole but whose newline was cut
    final_dump: str | None = None  # the annotations when the last session lost nothing
    for restore, plan_steps in plan:
        base = Annotations(Article(text=TEXT))
        found = journal.read_journal(path)
        if found is not None:
            assert found.entries in (survived, survived + pending)
            assert found.unreadable <= 1  # at most the line the last crash cut
        if restore and found is not None:
            result = journal.replay(base, found)
            assert result.skipped == []
            if final_dump is not None:
                assert schema.dumps(result.stack.ann) == final_dump
            stack, survived = result.stack, list(found.entries)
        else:  # declined (or nothing to restore): the app deletes it and starts afresh
            path.unlink(missing_ok=True)
            stack, survived = CorrectionStack(base, recorder=journal.Journal(base, path)), []
        recorder = _Recording(stack.recorder)  # type: ignore[arg-type]
        stack.recorder = recorder
        for step in plan_steps:
            _take(stack, step)
        recorder.inner.close()
        final_dump, pending = schema.dumps(stack.ann), []
        if not recorder.entries:
            continue
        # the crash: cut what this session wrote at any byte
        raw = path.read_bytes()
        fresh = found is None or not restore  # this session wrote the header too
        session = raw.splitlines(keepends=True)[-(len(recorder.entries) + fresh) :]
        end = len(raw) - sum(len(line) for line in session)
        # any byte, drawn as a line then a byte in it (the header is long: a uniform byte
        # would nearly always fall in it and leave no journal to test)
        line = data.draw(st.integers(0, len(session)), label="crash in line")
        cut = end + sum(len(written) for written in session[:line])
        if line < len(session):
            cut += data.draw(st.integers(0, len(session[line]) - 1), label="at byte")
        path.write_bytes(raw[:cut])
        if cut == len(raw):
            survived += recorder.entries
            continue
        final_dump = None
        if fresh:
            end += len(session.pop(0))
            if cut < end:  # the header itself was cut: no journal is left
                continue
        for entry, line in zip(recorder.entries, session, strict=True):
            end += len(line)
            if end > cut:
                pending = [entry] if end - 1 == cut else []
                break
            survived.append(entry)
