"""Authors of a reference list are people, each one span over surname and given names.

Reference lists and bibliographies write their authors surname first, "Surname, I.",
"Surname, I. J.; Surname, K." or "Surname, Given", and the small model, which knows names in
their news order, splits such an author in two, types the surname as a body or a place and
drops the initials. The linguistic pattern is the shape of one reference entry on a line of its
own (after an optional list marker: "^ a b", "[3]", "3.", a bullet):

1. an author list: one or more "Surname, Initials" or "Surname, Given [Middle]" joined by ";",
   ",", "&" or "and", a surname with its particles ("van der Maaten, L.", "Maaten, Laurens
   van der"), the list optionally closed by "et al.";
2. right after it, a year: in brackets ("(2019)", "(Nov 2008)", "(2016-02-01)") or between
   commas and a full stop (", 2019.");
3. then more text on the line: the title, in quotation marks or up to a full stop.

A title is capitalised as titles are, so an organization or place the model finds in it stands
only where the rest of the article names it too (as ``title_case`` does for title-case lines).

Only a line that has the whole shape is read: a "Surname, Given" pair in prose ("Paris,
France", "Smith, the mayor,") never opens a line that goes on with a year and a title. A
surname written all in capitals (a dateline's "LONDON, Ont.") and a given part that is a
country or a US state ("Paris, France (2019)") are no author.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from reader.core.analysis import places, title_case
from reader.core.analysis.candidates import Candidate
from reader.core.analysis.countries import country_key
from reader.core.analysis.doc_columns import char_tokens
from reader.core.analysis.runner import doc_text
from reader.core.model import PERSON

# Upper-case Latin letters (Basic Latin to Latin Extended-B): Python's re has no \p{Lu}.
_UP = "[" + "".join(re.escape(chr(c)) for c in range(0x41, 0x250) if chr(c).isupper()) + "]"
_LETTER = r"[^\W\d_]"
_WORD = rf"{_UP}{_LETTER}*(?:['’-]{_LETTER}+)*"
_PARTICLES = "van von der den de del della di da dos du le la ten ter"
_PARTICLE = "(?:" + "|".join(f"[{p[0].upper()}{p[0]}]{p[1:]}" for p in _PARTICLES.split()) + ")"
_SURNAME = rf"(?:{_PARTICLE}\s){{0,2}}{_WORD}(?:[ -]{_WORD})?"
_INITIALS = rf"{_UP}\.(?:\s?-?{_UP}\.)*"
_GIVEN = rf"{_WORD}(?:\s(?:{_WORD}|{_UP}\.)){{0,2}}(?:\s{_PARTICLE}){{0,2}}"
_AUTHOR = re.compile(
    rf"(?P<surname>{_SURNAME}),\s(?:(?P<initials>{_INITIALS})|(?P<given>{_GIVEN}))(?![\w.])"
)
_SEPARATOR = re.compile(r"(?:,?\s(?:&|and)|[;,])\s")
_LEAD = re.compile(r"[ \t]*(?:\^(?:\s[a-z])*\s|\[\d+\]\s?|\d+\.\s|[-*•]\s)?")
_YEAR = r"(?:1[6-9]|20)\d\d[a-z]?"
_AFTER = re.compile(
    rf"(?:,?\set\sal\.?)?"
    rf"(?:\s?\([^()\n]{{0,15}}?\b{_YEAR}\b[^()\n]{{0,15}}\)[.,:]?|,?\s{_YEAR}[.,])"
    r"\s?(?=\S)"
)
_QUOTED_TITLE = re.compile(r"[\"“]([^\"”\n]+)[\"”]")
_TITLE_END = re.compile(r"\.(?:\s|$)")


_CAPITAL_DISTRICT = "D.C."


def _is_author(match: re.Match[str]) -> bool:
    """Guards on one "Surname, Given" pair: a surname with a small letter, a given name that
    is not a country or a state ("Paris, France"), and not a known city before a state's or the
    capital district's abbreviation, which has the shape of initials ("Washington, D.C.")."""
    surname = match.group("surname")
    if not any(ch.islower() for ch in surname.split()[-1]):
        return False
    given, initials = match.group("given"), match.group("initials")
    if initials and places.is_city(surname):
        abbreviation = initials.replace(" ", "")
        if abbreviation == _CAPITAL_DISTRICT or places.state_name(abbreviation):
            return False
    return not (given and (country_key(given) or places.state_name(given)))


def _title(line: str, pos: int) -> tuple[int, int]:
    """The title that starts at ``pos``: inside its quotation marks, else up to a full stop."""
    quoted = _QUOTED_TITLE.match(line, pos)
    if quoted:
        return quoted.span(1)
    end = _TITLE_END.search(line, pos)
    return pos, end.start() if end else len(line.rstrip())


def _entry(line: str) -> tuple[list[tuple[int, int]], tuple[int, int]] | None:
    """The authors' spans and the title's (offsets into ``line``) when the line has the shape
    of a reference entry, else None."""
    lead = _LEAD.match(line)
    pos = lead.end() if lead else 0
    spans: list[tuple[int, int]] = []
    while match := _AUTHOR.match(line, pos):
        if not _is_author(match):
            return None
        spans.append(match.span())
        pos = match.end()
        if after := _AFTER.match(line, pos):
            return spans, _title(line, after.end())
        separator = _SEPARATOR.match(line, pos)
        if not separator:
            return None
        pos = separator.end()
    return None


def entries(text: str) -> Iterator[tuple[list[tuple[int, int]], tuple[int, int]]]:
    """Every line of ``text`` shaped as a reference entry: its authors' and its title's
    character spans."""
    offset = 0
    for line in text.splitlines(keepends=True):
        if "," in line and (entry := _entry(line)):
            authors, (start, end) = entry
            yield [(offset + a, offset + b) for a, b in authors], (offset + start, offset + end)
        offset += len(line)


def author_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of every author on the lines of ``text`` shaped as reference entries."""
    for authors, _title_span in entries(text):
        yield from authors


def reference_titles(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """A reference entry's title is capitalised as a title is ("Counting Herons in Estuaries"):
    there a capital says nothing, so an organization or place span in it stands only as far
    as the rest of the article confirms the name (``title_case.confirmed_outside``)."""
    titles = [title for _authors, title in entries(doc_text(doc)) if title[0] < title[1]]
    return title_case.confirmed_outside(doc, cands, titles)


def reference_authors(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """Each author of a reference entry becomes one person candidate (fixed, so later passes
    keep it), in place of the candidates the model made of its pieces."""
    authors = []
    for start, end in author_spans(doc_text(doc)):
        tokens = char_tokens(doc, start, end, "expand")
        if tokens is not None:
            authors.append(Candidate(tokens[0], tokens[1], "PERSON", PERSON, fixed=True))
    if not authors:
        return cands
    taken = {i for a in authors for i in range(a.start, a.end)}
    kept = [c for c in cands if c.fixed or taken.isdisjoint(range(c.start, c.end))]
    return sorted(kept + authors, key=lambda c: c.start)
