"""The authors of a bibliographic citation are people, written surname first.

Linguistic pattern: a reference list (an encyclopedia's notes, a paper's or a blog's sources)
names its authors inverted, "Surname, Initials" or "Surname, Given names", one after another
with semicolons between them and the year in parentheses after the last:

    Okafor, B.; Lindqvist, M. R.; de Vries, Anneke (2019). "A Study of ..."

The small model reads such a list as a run of organizations (each surname alone, the initials
apart), since nothing in it looks like running text. An author list is taken only where the
format says so: at the start of a line (after a note's mark: "^", "[3]", "3."), inverted
names followed by a parenthesised year, or two or more of them joined by semicolons with
initials among them; a list naming a country ("Lyon, France (2010)") is places, not people.
"""

from __future__ import annotations

import re

from reader.core.analysis.countries import country_key

_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD = rf"[{_UPPER}][^\W\d_]+(?:[-'’][{_UPPER}]?[^\W\d_]+)*"  # "Okafor", "Viégas", "O'Neil"
_PARTICLE = r"(?:van|von|der|den|de|del|della|da|di|du|le|la|al|bin|ibn|ter|ten)"
_INITIALS = rf"(?:[{_UPPER}]\.(?:-?[{_UPPER}]\.)*)"  # "A.", "L.J.P.", "J.-P."
_SURNAME = rf"(?:{_PARTICLE} )*{_WORD}(?: {_WORD})?"
# "Anneke", "Laurens van der", "Boudewijn P. F.", "M. R.", "A.K.": no name after initials
_GIVEN = rf"(?:{_WORD}(?: {_WORD}| {_PARTICLE})*(?: {_INITIALS})*|{_INITIALS}(?: {_INITIALS})*)"
_AUTHOR = rf"{_SURNAME}, {_GIVEN}"
_YEAR = r" \((?:[A-Z][a-z]{2,8} )?\d{4}"  # " (2010", " (Nov 2008", " (2016-02-01"
_MARKER = r"(?:\^(?: [a-z])* |\[\d+\] |\d+\. |[-*•] )?"  # "^ a b ", "[3] ", "3. ", "• "
_AUTHOR_LIST = re.compile(
    rf"^{_MARKER}(?P<list>{_AUTHOR}(?:; {_AUTHOR})*)(?P<after>{_YEAR})?", re.M
)
_ONE_AUTHOR = re.compile(_AUTHOR)
_HAS_INITIALS = re.compile(rf", {_INITIALS}")


def citation_authors(text: str) -> list[tuple[int, int]]:
    """Character spans of the authors of every author list: "Okafor, B." and "de Vries,
    Anneke" of "Okafor, B.; de Vries, Anneke (2019)"."""
    spans: list[tuple[int, int]] = []
    for match in _AUTHOR_LIST.finditer(text):
        names = match.group("list")
        initials = "; " in names and _HAS_INITIALS.search(names)
        if match.group("after") is None and not initials:
            continue  # "Paris, France; Lyon, France" is no author list
        authors = list(_ONE_AUTHOR.finditer(names))
        if any(country_key(part) for a in authors for part in a.group().split(", ")):
            continue
        base = match.start("list")
        spans.extend((base + a.start(), base + a.end()) for a in authors)
    return spans
