"""A body's national branch is named by the body's name and the country's code after it.

Linguistic pattern: international charities, campaigns and companies name a country's branch
by writing the country's short code straight after the body's name, with no comma or
preposition between them ("Harbour Watch UK said", "Kelpline USA", "Brantwell GB"). The code
is part of the name, yet the small model stops the organization before it and tags the code a
country of its own. An organization the model or the rules found, followed at once (the next
token, within the sentence) by a country written as an all-capital code of two or three
letters, is one organization over both; a code after a comma, "in", or a country written out
("Kelpline Canada") is left apart, since there it is mostly where the body acts.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reader.core.analysis.candidates import Candidate
from reader.core.model import COUNTRY, ORGANIZATION


def _country_code(doc: Any, c: Candidate) -> bool:
    """ "UK", "USA", "GB": one token, all capitals, two or three letters, typed a country."""
    if c.type != COUNTRY or c.fixed or c.end - c.start != 1:
        return False
    word = doc[c.start]
    return word.is_alpha and word.is_upper and 2 <= len(word) <= 3 and not word.is_sent_start


def with_branch_codes(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """Organizations joined with the country code right after them (see the docstring)."""
    at = {c.start: n for n, c in enumerate(cands)}
    dropped: set[int] = set()
    out = list(cands)
    for n, c in enumerate(cands):
        if c.type != ORGANIZATION or c.fixed:
            continue  # (a dropped code is a country's, never an organization here)
        code = at.get(c.end)
        if code is None or not _country_code(doc, cands[code]):
            continue
        out[n] = replace(c, end=cands[code].end, key=None)
        dropped.add(code)
    return [c for n, c in enumerate(out) if n not in dropped]
