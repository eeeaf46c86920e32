"""The correction journal after a crash: any cut gives the complete entries before it; any
garbage entry is skipped or refused, never an exception out of ``replay``."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.core import schema
from reader.core.corrections import journal
from reader.core.corrections.operations import AddEntity
from reader.core.corrections.undo import CorrectionStack
from reader.core.model import Annotations, Article
from tests.property.budget import budget
from tests.property.strategies import annotations, json_values

TEXT = "Emmanuel Macron met Volodymyr Zelensky in Kyiv and then in Paris with NATO."
WORDS = ("Emmanuel", "Macron", "Volodymyr", "Zelensky", "Kyiv", "Paris", "NATO")

OPS = "add_entity add_mention remove_entity remove_mention change_type merge_entities"
ops = st.sampled_from((*OPS.split(), "rename_entity", "set_speaker", "undo", "redo"))
entries = st.lists(
    json_values
    | st.fixed_dictionaries(
        {"op": ops},
        optional={
            "start": st.integers(-5, 80),
            "end": st.integers(-5, 80),
            "type": st.sampled_from(("person", "country", "nonsense", 1, None)),
            "entity_id": st.sampled_from(("e1", "u1", "u2", None, 3)),
            "into": st.sampled_from(("e1", "u1", [], None)),
            "name": st.text(max_size=5),
        },
    ),
    max_size=8,
)


@given(annotations(), entries)
@budget(60)
def test_replay_of_any_entries_never_raises(
    tmp_path_factory, ann: Annotations, garbage: list
) -> None:
    path = tmp_path_factory.mktemp("journal") / "j.jsonl"
    header = {"journal": journal.JOURNAL_VERSION, "base_sha256": journal.annotations_hash(ann)}
    path.write_text("\n".join(json.dumps(e) for e in [header, *garbage]) + "\n", "utf-8")
    found = journal.read_journal(path)
    if found is None:
        return  # not a journal we wrote: ignored
    result = journal.replay(schema.loads(schema.dumps(ann)), found)
    text = result.stack.ann.article.text
    for entity in result.stack.ann.entities:
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text


def _journal_of(count: int, folder: Path) -> tuple[Annotations, Path]:
    ann = Annotations(Article(text=TEXT))
    stack = CorrectionStack(ann, recorder=journal.Journal(ann, folder / "j.jsonl"))
    for word in WORDS[:count]:
        start = TEXT.index(word)
        stack.apply(AddEntity(start, start + len(word), "person"))
    stack.recorder.close()
    return Annotations(Article(text=TEXT)), folder / "j.jsonl"


@given(st.integers(1, len(WORDS)), st.data())
@budget(40)
def test_a_journal_cut_anywhere_keeps_every_complete_entry(
    tmp_path_factory, count: int, data: st.DataObject
) -> None:
    fresh, path = _journal_of(count, tmp_path_factory.mktemp("journal"))
    raw = path.read_bytes()
    cut = data.draw(st.integers(0, len(raw)))
    path.write_bytes(raw[:cut])
    found = journal.read_journal(path)
    complete = raw[:cut].count(b"\n") - 1  # lines fully written, minus the header
    if found is None:
        assert complete <= 0  # only the header (or less) survived
        return
    assert len(found.entries) in (complete, complete + 1)  # the last may lack only its "\n"
    replayed = journal.replay(fresh, found)
    assert replayed.applied == len(found.entries) and replayed.skipped == []
