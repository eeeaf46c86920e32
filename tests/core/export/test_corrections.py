"""Corrections by hand: each operation, its undo and redo, and the reader's mark on it."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from reader.core import schema
from reader.core.corrections.operations import (
    AddEntity,
    AddMention,
    ChangeType,
    CorrectionError,
    MergeEntities,
    RemoveEntity,
    RemoveMention,
    RenameEntity,
    SetSpeaker,
    correction_from_dict,
    correction_to_dict,
    overlapping_mentions,
    trim_selection,
)
from reader.core.corrections.undo import CorrectionStack
from reader.core.export.formats import save
from reader.core.export.reopen import load_annotated
from reader.core.model import Annotations, Mention


def _span(ann: Annotations, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = ann.article.text.index(needle, start + 1)
    return start, start + len(needle)


def _check_undo_redo(ann: Annotations, correction) -> str:  # type: ignore[no-untyped-def]
    """Apply, undo, redo; undo must restore the exact JSON. Returns the JSON after."""
    stack = CorrectionStack(ann)
    before = schema.dumps(ann)
    stack.apply(correction)
    after = schema.dumps(ann)
    assert after != before
    assert stack.modified and stack.can_undo and not stack.can_redo
    assert stack.undo() == stack.redo_text
    assert schema.dumps(ann) == before and not stack.modified
    stack.redo()
    assert schema.dumps(ann) == after
    schema.from_dict(schema.to_dict(ann))  # still valid schema v1
    return after


def test_trim_selection_drops_spaces_and_quotes() -> None:
    text = 'He said "Kyiv" today'
    assert trim_selection(text, 8, 15) == (9, 13)
    assert trim_selection(text, 15, 8) == (9, 13)
    assert trim_selection(text, -5, 2) == (0, 2)


def test_add_entity_from_selection(small: Annotations) -> None:
    start, end = _span(small, "Saturday")
    _check_undo_redo(small, AddEntity(start, end, "organization"))
    added = small.entities[-1]
    assert (added.id, added.name, added.type, added.source) == (
        "u1",
        "Saturday",
        "organization",
        "user",
    )
    assert [(m.text, m.source) for m in added.mentions] == [("Saturday", "user")]
    start, end = _span(small, "voters")
    CorrectionStack(small).apply(AddEntity(start, end, "country", name="Voterland"))
    assert small.entities[-1].id == "u2" and small.entities[-1].name == "Voterland"


def test_add_country_gets_its_code(small: Annotations) -> None:
    start, end = _span(small, "Berlin")
    CorrectionStack(small).apply(AddEntity(start, end, "country", name="Germany"))
    assert small.entities[-1].country == "DE"


def test_add_mention_to_existing_entity(small: Annotations) -> None:
    start, end = _span(small, "Germany")
    _check_undo_redo(small, AddMention("e6", start, end))
    ukraine = small.entity("e6")
    assert ukraine is not None and ukraine.source == "user"
    assert [m.text for m in ukraine.mentions] == ["Germany", "Ukraine"]
    with pytest.raises(CorrectionError, match="already a mention"):
        CorrectionStack(small).apply(AddMention("e6", start, end))


def test_remove_entity_unlinks_its_quotes(small: Annotations) -> None:
    _check_undo_redo(small, RemoveEntity("e1"))
    assert small.entity("e1") is None
    assert small.quotes[0].speaker_id is None and small.quotes[0].speaker == "Emmanuel Macron"


def test_remove_one_mention_then_the_last(small: Annotations) -> None:
    stack = CorrectionStack(small)
    _check_undo_redo(small, RemoveMention("e1", *_span(small, "Macron", 1)))
    macron = small.entity("e1")
    assert macron is not None and [m.text for m in macron.mentions] == ["Emmanuel Macron"]
    stack.apply(RemoveMention("e1", *_span(small, "Emmanuel Macron")))
    assert small.entity("e1") is None
    stack.undo()
    assert small.entity("e1") is not None


def test_change_type(small: Annotations) -> None:
    _check_undo_redo(small, ChangeType("e3", "country"))
    berlin = small.entity("e3")
    assert berlin is not None and berlin.type == "country" and berlin.source == "user"
    with pytest.raises(CorrectionError, match="already"):
        CorrectionStack(small).apply(ChangeType("e3", "country"))
    with pytest.raises(CorrectionError, match="Unknown entity type"):
        CorrectionStack(small).apply(ChangeType("e3", "city"))


def test_merge_moves_mentions_and_quotes(small: Annotations) -> None:
    _check_undo_redo(small, MergeEntities("e2", "e1"))
    scholz = small.entity("e2")
    assert small.entity("e1") is None and scholz is not None
    assert [m.text for m in scholz.mentions] == ["Emmanuel Macron", "Olaf Scholz", "Macron"]
    assert small.quotes[0].speaker_id == "e2" and small.quotes[0].speaker == "Olaf Scholz"
    with pytest.raises(CorrectionError, match="itself"):
        CorrectionStack(small).apply(MergeEntities("e2", "e2"))


def test_rename_updates_spoken_quotes(small: Annotations) -> None:
    _check_undo_redo(small, RenameEntity("e1", "  President   Macron "))
    assert small.entities[0].name == "President Macron"
    assert small.quotes[0].speaker == "President Macron" and small.quotes[0].source == "user"
    with pytest.raises(CorrectionError, match="needs a name"):
        CorrectionStack(small).apply(RenameEntity("e1", "   "))


def test_edit_and_remove_a_speaker(small: Annotations) -> None:
    q = small.quotes[0]
    _check_undo_redo(small, SetSpeaker(q.start, q.end, speaker_id="e2"))
    assert (small.quotes[0].speaker, small.quotes[0].speaker_id) == ("Olaf Scholz", "e2")
    _check_undo_redo(small, SetSpeaker(q.start, q.end, speaker="A spokesperson"))
    assert (small.quotes[0].speaker, small.quotes[0].speaker_id) == ("A spokesperson", None)
    _check_undo_redo(small, SetSpeaker(q.start, q.end))
    assert small.quotes[0].speaker is None and small.quotes[0].source == "user"


@pytest.mark.parametrize(
    "correction, message",
    [
        (AddEntity(5, 5, "person"), "Select some text"),
        (AddEntity(8, 9, "person"), "no words"),
        (AddEntity(0, 10**6, "person"), "Select some text"),
        (AddMention("e99", 0, 5), "no longer exists"),
        (RemoveMention("e1", 1, 2), "no longer exists"),
        (SetSpeaker(0, 1), "no longer exists"),
    ],
)
def test_invalid_corrections_change_nothing(small: Annotations, correction, message: str) -> None:  # type: ignore[no-untyped-def]
    before = schema.dumps(small)
    stack = CorrectionStack(small)
    with pytest.raises(CorrectionError, match=message):
        stack.apply(correction)
    assert schema.dumps(small) == before and not stack.can_undo


def test_stack_history_texts_and_saved_state(small: Annotations) -> None:
    stack = CorrectionStack(small)
    changes: list[int] = []
    stack.listeners.append(lambda: changes.append(1))
    assert stack.undo() is None and stack.redo() is None and not stack.modified
    stack.apply(RenameEntity("e2", "Scholz"))
    assert stack.undo_text == "Rename to Scholz"
    stack.mark_saved()
    assert not stack.modified
    stack.apply(ChangeType("e7", "country"))
    assert stack.modified
    stack.undo()
    assert not stack.modified
    stack.undo()
    stack.apply(ChangeType("e7", "country"))  # a new branch: the saved state is gone
    assert stack.modified and not stack.can_redo
    assert len(changes) == 5


def test_corrections_serialise_and_refuse_bad_entries() -> None:
    for correction in (
        AddEntity(1, 4, "person", None),
        SetSpeaker(1, 2, "x", None),
        MergeEntities("a", "b"),
    ):
        assert correction_from_dict(correction_to_dict(correction)) == correction
    for bad in (
        {"op": "explode"},
        {"op": "add_entity", "start": "1", "end": 4, "type": "person"},
        [],
        {"op": "rename"},
    ):
        with pytest.raises(CorrectionError):
            correction_from_dict(bad)


def test_corrections_survive_save_and_reopen(small: Annotations, tmp_path: Path) -> None:
    stack = CorrectionStack(small)
    stack.apply(AddEntity(*_span(small, "Saturday"), "organization"))
    stack.apply(MergeEntities("e4", "e5"))
    reopened = load_annotated(save(small, tmp_path / "copy.html"))
    assert schema.dumps(reopened) == schema.dumps(small)
    added = reopened.entity("u1")
    assert added is not None and added.source == "user" and added.mentions[0].source == "user"
    france = reopened.entity("e4")
    assert france is not None and france.source == "user" and len(france.mentions) == 2


def test_marking_a_mention_replaces_it_without_overlap(small: Annotations) -> None:
    """QA F8: "mark Berlin as country" must not leave Berlin/place on the same span."""
    start, end = _span(small, "Berlin")
    stack = CorrectionStack(small)
    assert "no longer Berlin" in AddEntity(start, end, "country").describe(small)
    _check_undo_redo(small, AddEntity(start, end, "country"))
    assert small.entity("e3") is None  # its only mention was taken
    covering = [(e.type, m.source) for e, m in overlapping_mentions(small, start, end)]
    assert covering == [("country", "user")]
    # one mention of a two-mention entity: the entity keeps the other one
    m_start, m_end = _span(small, "Macron", 1)
    stack.apply(AddEntity(m_start, m_end, "organization"))
    macron = small.entity("e1")
    assert macron is not None and [m.text for m in macron.mentions] == ["Emmanuel Macron"]
    assert small.quotes[0].speaker_id == "e1"  # the entity stayed, so did its quote
    # a wider selection takes the shorter mentions inside it
    o_start, o_end = _span(small, "Olaf Scholz in Berlin")
    stack.apply(AddEntity(o_start, o_end, "organization"))
    assert small.entity("e2") is None
    spans = sorted((m.start, m.end) for e in small.entities for m in e.mentions)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


def test_marking_a_mention_with_its_own_type_is_refused(small: Annotations) -> None:
    start, end = _span(small, "Ukraine")
    before = schema.dumps(small)
    with pytest.raises(CorrectionError, match="already a mention of Ukraine"):
        CorrectionStack(small).apply(AddEntity(start, end, "country"))
    assert schema.dumps(small) == before


def test_change_type_text_reads_well(small: Annotations) -> None:
    assert ChangeType("e2", "organization").describe(small) == "Make Olaf Scholz an organization"
    assert ChangeType("e3", "country").describe(small) == "Make Berlin a country"


def test_speaker_text_names_the_entity_or_says_it_is_gone(small: Annotations) -> None:
    q = small.quotes[0]
    assert SetSpeaker(q.start, q.end, speaker_id="e2").describe(small) == (
        "Attribute the quote to Olaf Scholz"
    )
    assert SetSpeaker(q.start, q.end, speaker_id="e99").describe(small) == (
        "Attribute the quote to a removed entity"
    )
    assert SetSpeaker(q.start, q.end).describe(small) == "Remove the quote's speaker"


def test_merge_moves_headline_mentions_too(small: Annotations) -> None:
    """Issue 16 item 3: the headline's mentions follow a merge, and undo brings them back."""
    small.article.title = "Macron and Scholz meet"
    small.entity("e1").title_mentions = [Mention(0, 6, "Macron")]
    small.entity("e2").title_mentions = [Mention(11, 17, "Scholz")]
    _check_undo_redo(small, MergeEntities("e2", "e1"))
    scholz = small.entity("e2")
    assert [m.text for m in scholz.title_mentions] == ["Macron", "Scholz"]
    assert scholz.mention_count == len(scholz.mentions) + 2
