"""Acronyms an article defines: "Homeland Security Investigations (HSI)".

News introduces an abbreviation by writing it in parentheses right after the full name. That
says three things the small model often gets wrong: where the full name starts and ends (it
tagged "Homeland Security", or "Caribbean Air" and "Marine Branch" apart), that the acronym
names the same thing (a place's acronym, "British Virgin Islands (BVI)", is a place, not the
organization the model calls it), and that the two are aliases. The full name is the longest
run of capitalised words (minor words such as "and", "of" inside it) right before the
parenthesis whose initials spell the acronym.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reader.core.analysis.aliases import MINOR_WORDS, acronym_letters, initials

MAX_NAME_WORDS = 10
_IN_PARENTHESES = re.compile(r"\([A-Z][A-Z.]{1,15}\)")


@dataclass(frozen=True)
class Definition:
    """Token bounds of a full name and the token index of the acronym defined after it."""

    start: int
    end: int
    acronym: int

    @property
    def acronym_end(self) -> int:
        return self.acronym + 1


def definitions(doc: Any, text: str) -> list[Definition]:
    """Every "Full Name (ACR)" in the doc (``text`` is its text), in order."""
    found = []
    for match in _IN_PARENTHESES.finditer(text):
        paren = doc.char_span(match.start(), match.start() + 1)
        if paren is None:
            continue
        i = paren.start
        if i + 2 >= len(doc) or doc[i + 2].text != ")":
            continue
        letters = acronym_letters(doc[i + 1].text)
        if letters is None:
            continue
        start = _name_start(doc, i, letters)
        if start is not None:
            found.append(Definition(start, i, i + 1))
    return found


def _name_start(doc: Any, paren: int, letters: str) -> int | None:
    """Start of the longest capitalised run before ``paren`` whose initials are ``letters``."""
    best = None
    for start in range(paren - 1, max(paren - 1 - MAX_NAME_WORDS, -1), -1):
        token = doc[start]
        if "\n" in token.text_with_ws and start < paren - 1:
            break
        capital = token.is_title or token.is_upper
        if not capital and token.lower_ not in MINOR_WORDS and token.text not in ("-", "&", "."):
            break
        if capital:
            name = doc[start:paren].text
            if letters in initials(name):
                best = start
    return best
