"""Undo and redo for corrections, with every step reported to the recovery journal.

Undo restores an exact snapshot of the entities and quotes taken before the step, so it is
exact by construction, whatever the correction did.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from reader.core.corrections.operations import Correction, CorrectionError, correction_to_dict
from reader.core.model import Annotations, Entity, Quote

Snapshot = tuple[list[Entity], list[Quote]]


def _snapshot(ann: Annotations) -> Snapshot:
    return [e.copy() for e in ann.entities], list(ann.quotes)


def _restore(ann: Annotations, snap: Snapshot) -> None:
    entities, quotes = snap
    ann.entities = [e.copy() for e in entities]
    ann.quotes = list(quotes)


@dataclass
class _Step:
    correction: Correction
    text: str
    before: Snapshot
    after: Snapshot


class Recorder(Protocol):
    """Where the stack reports every step (the journal); may raise OSError."""

    def record(self, entry: dict[str, Any]) -> None: ...


@dataclass
class CorrectionStack:
    """Applies corrections to ``ann`` with undo and redo, recording each step.

    Attributes:
        ann: the annotations being corrected (changed in place).
        recorder: the journal, or None; a failure to record never loses the edit, it sets
            ``record_error`` for the UI to show.
        listeners: called with no argument after every change.
    """

    ann: Annotations
    recorder: Recorder | None = None
    listeners: list[Callable[[], None]] = field(default_factory=list)
    record_error: str | None = None
    _done: list[_Step] = field(default_factory=list)
    _undone: list[_Step] = field(default_factory=list)
    _saved_depth: int | None = 0

    def apply(self, correction: Correction) -> None:
        """Apply ``correction``; CorrectionError (annotations unchanged) when it cannot."""
        text = correction.describe(self.ann)
        before = _snapshot(self.ann)
        try:
            correction.apply(self.ann)
        except CorrectionError:
            _restore(self.ann, before)
            raise
        self._push(_Step(correction, text, before, _snapshot(self.ann)))
        self._record(correction_to_dict(correction))
        self._changed()

    def _push(self, step: _Step) -> None:
        if self._saved_depth is not None and self._saved_depth > len(self._done):
            self._saved_depth = None  # the saved state can no longer be reached by redo
        self._done.append(step)
        self._undone.clear()

    def undo(self) -> str | None:
        """Undo the last correction; its description, or None when there is none."""
        if not self._done:
            return None
        step = self._done.pop()
        _restore(self.ann, step.before)
        self._undone.append(step)
        self._record({"op": "undo"})
        self._changed()
        return step.text

    def redo(self) -> str | None:
        """Redo the last undone correction; its description, or None."""
        if not self._undone:
            return None
        step = self._undone.pop()
        _restore(self.ann, step.after)
        self._done.append(step)
        self._record({"op": "redo"})
        self._changed()
        return step.text

    def push_skipped(self, text: str) -> None:
        """Keep undo/redo aligned with a journal whose correction no longer applies."""
        snap = _snapshot(self.ann)
        self._push(_Step(_Skipped(), text, snap, snap))

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_text(self) -> str:
        return self._done[-1].text if self._done else ""

    @property
    def redo_text(self) -> str:
        return self._undone[-1].text if self._undone else ""

    @property
    def modified(self) -> bool:
        """True when the annotations differ from the last saved (or opened) state."""
        return self._saved_depth != len(self._done)

    def mark_saved(self) -> None:
        """The current state is what the last save wrote."""
        self._saved_depth = len(self._done)

    def _record(self, entry: dict[str, Any]) -> None:
        if self.recorder is None:
            return
        try:
            self.recorder.record(entry)
            self.record_error = None
        except OSError as exc:
            self.record_error = (
                f"Corrections could not be saved to the recovery journal ({exc.strerror or exc})."
            )

    def _changed(self) -> None:
        for listener in list(self.listeners):
            listener()


@dataclass(frozen=True)
class _Skipped:
    """Placeholder for a journaled correction that no longer applies."""

    op: ClassVar[str] = "skipped"

    def apply(self, ann: Annotations) -> None:
        return None

    def describe(self, ann: Annotations) -> str:
        return "Skipped correction"
