"""Where one of the model's spans holds more than one name, or less than the whole one:
the cuts and the extension ``entities.model_candidates`` makes before ``rules.clean_span``
cleans each piece.

A name never runs over a line break, a colon or a dash between spaces; a place's
possessive before a name joins two names ("France’s Valmont Group"); an institution's name
runs on over "in <continent>" ("... Co-operation in Europe").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reader.core.analysis.doc_columns import span_texts
from reader.core.analysis.rules import DASHES, POSSESSIVE
from reader.core.analysis.runner import doc_text, token_column

CONTINENTS = frozenset({"Europe", "Africa", "Asia", "America", "Americas", "Oceania"})


def split_after_place_possessive(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """ "France’s Valmont Group", "Mexico’s Sinaloa": a place's possessive before a name
    ("<country>'s <company>") joins two names, so the model's one span is two, the place and
    the name after it. Spans without that shape come back whole."""
    from reader.core.analysis.countries import country_key

    word, title = span_texts(doc), token_column(doc, "IS_TITLE")
    for i in range(start + 1, end - 1):
        if word(i, i + 1) in POSSESSIVE and title[i + 1] and country_key(word(start, i)):
            return [(start, i), (i + 1, end)]
    return [(start, end)]


def split_lines(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """A span never crosses a line break: the pieces on each side of one."""
    pieces = []
    piece_start = start
    # a token's text with its whitespace runs to where the next token starts
    text, idx = doc_text(doc), token_column(doc, "IDX")
    for i in range(start, end - 1):
        if "\n" in text[idx[i] : idx[i + 1]]:
            pieces.append((piece_start, i + 1))
            piece_start = i + 1
    pieces.append((piece_start, end))
    return pieces


def split_at_dashes(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """A name never runs over a dash between spaces ("James Whittaker - May 4"): the pieces
    on each side of every such dash, in order."""
    spacy, word = token_column(doc, "SPACY"), span_texts(doc)
    return _split_at(
        start, end, lambda i: bool(spacy[i] and i > 0 and spacy[i - 1]) and word(i, i + 1) in DASHES
    )


def split_at_colons(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """A name never runs over a colon: it ends a label or a lead-in and what follows starts
    anew ("The Economist: What do you think?", an interview's speaker label). The pieces on
    each side, in order."""
    word = span_texts(doc)
    return _split_at(start, end, lambda i: word(i, i + 1) == ":")


def _split_at(start: int, end: int, cut: Callable[[int], bool]) -> list[tuple[int, int]]:
    """The non-empty pieces of [start, end) on each side of every token ``cut`` picks (the
    token itself in none)."""
    pieces = []
    piece_start = start
    for i in range(start, end):
        if cut(i):
            if piece_start < i:
                pieces.append((piece_start, i))
            piece_start = i + 1
    if piece_start < end:
        pieces.append((piece_start, end))
    return pieces


def extend_over_region(doc: Any, start: int, end: int) -> int:
    """End of an institution's name that runs on "in Europe" ("... Co-operation in Europe").

    Only continents: a name "for/on X in <continent>" is an institution's title, while
    "in <city>" after a name is almost always where it is.
    """
    lower, strings = token_column(doc, "LOWER"), doc.vocab.strings
    links = (strings["for"], strings["on"])  # as the LOWER column holds them: no Token a word
    if end + 1 >= len(doc) or not any(lower[i] in links for i in range(start, end)):
        return end
    if doc[end].lower_ == "in" and doc[end + 1].text in CONTINENTS:
        return end + 2
    return end
