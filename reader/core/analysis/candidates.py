"""A mention candidate of the entity pass, shared by ``entities`` and ``one_sense``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """A cleaned span in token indices, with the model label and our type (None: not ours)."""

    start: int
    end: int
    label: str
    type: str | None = None
    key: str | None = None
    fixed: bool = False
