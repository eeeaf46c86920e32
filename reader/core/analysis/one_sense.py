"""One sense per article: what a name is in one place, it is wherever the article writes it.

The model labels each sentence on its own; an article names the same thing many times and
says what it is once. These passes over the typed candidates of ``entities`` carry that
evidence across the article: an acronym defined in parentheses ("Homeland Security
Investigations (HSI)"), a company's full name ("Lenoge Technology" for a later "Lenoge"), a
body's name found in full (over the model's pieces of it elsewhere), the publishing site's own
name, and coordinated words inside one name ("Caribbean Air and Marine Branch").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from reader.core.analysis import acronyms, name_kinds, site_names
from reader.core.analysis.aliases import org_key
from reader.core.analysis.candidates import Candidate
from reader.core.analysis.countries import country_key, normalise
from reader.core.analysis.doc_columns import char_tokens, span_texts
from reader.core.analysis.literal_trie import first_chars, longest_first, lowered_for
from reader.core.model import COUNTRY, NATIONALITY, ORGANIZATION, PERSON, PLACE


class _Placed:
    """Candidates indexed by token, so that finding and replacing the ones a span covers costs
    the span's length, not the article's (these passes run over book-length texts too)."""

    def __init__(self, cands: list[Candidate]) -> None:
        self.items: list[Candidate | None] = list(cands)
        self.owners: dict[int, list[int]] = {}
        for i, c in enumerate(cands):
            self._index(i, c)

    def _index(self, i: int, c: Candidate) -> None:
        for token in range(c.start, c.end):
            self.owners.setdefault(token, []).append(i)

    def inside(self, start: int, end: int) -> list[Candidate]:
        """The live candidates overlapping tokens [start, end)."""
        found = {i for t in range(start, end) for i in self.owners.get(t, ())}
        return [c for i in sorted(found) if (c := self.items[i]) is not None]

    def replace(self, start: int, end: int, new: list[Candidate]) -> None:
        """Drop every candidate overlapping [start, end) and add ``new``."""
        for i in {i for t in range(start, end) for i in self.owners.get(t, ())}:
            self.items[i] = None
        for c in new:
            self.items.append(c)
            self._index(len(self.items) - 1, c)

    def result(self) -> list[Candidate]:
        return [c for c in self.items if c is not None]


def apply_definitions(
    doc: Any, text: str, cands: list[Candidate], typed: Callable[[Any, Candidate], Candidate]
) -> list[Candidate]:
    """An acronym defined in parentheses ("Homeland Security Investigations (HSI)") gives its
    full name one span (over the model's pieces of it) and its type to every mention of the
    acronym ("BVI" is a place where "British Virgin Islands (BVI)" defined it)."""
    placed = _Placed(cands)
    defined: dict[str, Candidate] = {}
    for d in acronyms.definitions(doc, text):
        inside = placed.inside(d.start, d.end)
        if any(c.end > d.end or (c.type in (PERSON, NATIONALITY) and c.start == d.start)
               for c in inside):  # fmt: skip
            continue
        start = min([d.start] + [c.start for c in inside])
        model = next((c for c in inside if c.type in (ORGANIZATION, PLACE, COUNTRY)), None)
        full = typed(doc, Candidate(start, d.end, model.label if model else "ORG"))
        if full.type is None:
            continue
        placed.replace(start, d.end, [full])
        placed.replace(
            d.acronym, d.acronym_end, [replace(full, start=d.acronym, end=d.acronym_end)]
        )
        defined[doc[d.acronym].text] = full
    span_text = span_texts(doc)
    return [
        replace(c, type=known.type, label=known.label, key=known.key)
        if (known := defined.get(span_text(c.start, c.end))) is not None
        else c
        for c in placed.result()
    ]


def company_short_names(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """A company's name without its generic last word or web ending is that company wherever
    the model put it ("Lenoge" tagged PERSON beside "Lenoge Technology", "Amazon" beside
    "Amazon.com"): one sense per article."""
    keys = set()
    span_text = span_texts(doc)
    for c in cands:
        text = span_text(c.start, c.end)
        if c.type == ORGANIZATION and org_key(text) != normalise(text):
            keys.add(org_key(text))
    return [
        replace(c, type=ORGANIZATION, label="ORG", key=None)
        if c.type == PERSON and normalise(span_text(c.start, c.end)) in keys
        else c
        for c in cands
    ]


def join_coordinated_bodies(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """ "Caribbean Air" + "and" + "Marine Branch": coordinated words inside one body's name,
    when the second piece ends in a body's head noun and the first does not; and "Post" +
    "and" + "Courier", "Tidewater Hotels" + "and" + "Resorts": a lone word after "and" of the
    same class as the word before it (``name_kinds.coordinated_in_one_name``), tagged or not."""
    ordered = sorted(cands, key=lambda c: c.start)
    starts = {c.start: c for c in ordered}
    out: list[Candidate] = []
    joined_to = -1
    for c in ordered:
        if c.start < joined_to:
            continue  # the lone word a name below took in
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == ORGANIZATION
            and c.type == ORGANIZATION
            and c.start == prev.end + 1
            and doc[prev.end].lower_ == "and"
            and name_kinds.organization_head(doc[c.start : c.end].text)
            and not name_kinds.organization_head(doc[prev.start : prev.end].text)
        ):
            out[-1] = replace(prev, end=c.end, fixed=False)
            continue
        if c.type == ORGANIZATION and c.end + 1 < len(doc) and doc[c.end].lower_ == "and":
            word = doc[c.end + 1]
            after = starts.get(word.i)
            if (
                (after is None or (after.end == word.i + 1 and after.type != COUNTRY))
                and name_kinds.coordinated_in_one_name(doc[c.start : c.end].text, word.text)
                and not (word.i + 1 < len(doc) and doc[word.i + 1].is_title)
            ):
                c = replace(c, end=word.i + 1, fixed=False)
                joined_to = word.i + 1
        out.append(c)
    return out


def known_long_names(doc: Any, text: str, cands: list[Candidate]) -> list[Candidate]:
    """A body's name of two or more words found once is that body wherever it is written again,
    over the model's pieces of it, also in capitals and without a leading country ("U.S.
    Customs and Border Protection" then "Customs and Border Protection", "U.S. CUSTOMS AND
    BORDER PROTECTION"). One sense per article, as for people's names."""
    names: dict[str, Candidate] = {}
    span_text = span_texts(doc)
    for c in cands:
        if c.type != ORGANIZATION or c.end - c.start < 2:
            continue
        words = span_text(c.start, c.end).split()
        names.setdefault(" ".join(words), c)
        for skip in (1, 2, 3):
            if len(words) - skip >= 2 and country_key(" ".join(words[:skip])):
                names.setdefault(" ".join(words[skip:]), c)
    if not names:
        return cands
    by_lower = {name.lower(): name for name in names}
    # a trie, not the alternation of every name tried at every character (~0.3 s a MB),
    # searched case-sensitively in the lowered text where that finds the same (3x quicker)
    trie = r"(?<![\w.])(?:" + longest_first(names, ignore_case=True) + r")(?!\w)"
    lowered = lowered_for(text, names)
    if lowered is None:
        pattern, searched = re.compile(trie, re.IGNORECASE), text
    else:
        pattern, searched = re.compile(first_chars(names, ignore_case=True) + trie), lowered
    placed = _Placed(cands)
    for match in pattern.finditer(searched):
        written = text[match.start() : match.end()]
        name = by_lower.get(written.lower())
        if name is None or (written != name and not written.isupper()):
            continue
        tokens = char_tokens(doc, *match.span())
        if tokens is None:
            continue
        start, end = tokens
        inside = placed.inside(start, end)
        if any(c.start < start or c.end > end for c in inside):
            continue
        if any((c.start, c.end) == (start, end) for c in inside):
            continue
        new = replace(names[name], start=start, end=end, fixed=False)
        placed.replace(start, end, [new])
    return placed.result()


def add_site_name(doc: Any, text: str, cands: list[Candidate], site: str | None) -> list[Candidate]:
    """The publication's own name as an organization (``site_names``), replacing the
    model's spans inside it, never cutting one that runs past it."""
    placed = _Placed(cands)
    for start, end in site_names.occurrences(text, site):
        span = doc.char_span(start, end)
        if span is None:
            continue
        inside = placed.inside(span.start, span.end)
        if any(c.start < span.start or c.end > span.end for c in inside):
            continue
        new = Candidate(span.start, span.end, "ORG", ORGANIZATION, fixed=True)
        placed.replace(span.start, span.end, [new])
    return placed.result()
