"""A short form of a first name said alone ("my colleague Geoff") is the one full name whose
first name it shortens ("Geoffrey Skelley").

Writers call a colleague or a person they have introduced by a shortened first name; the
short form is the start of the full first name, and the two are given to the same sex
(``first_names``: "Geoff" and "Geoffrey" to boys). A form given to both sexes ("Chris",
"Alex"), two full names it may shorten, or a word under three letters leave it apart.
"""

from __future__ import annotations

from reader.core.analysis.first_names import sex_of_first_name

MIN_LETTERS = 3


def short_first_names(full: set[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """One-word names of ``full`` (normalised word tuples) that shorten the first name of
    exactly one longer full name, and that name."""
    found: dict[tuple[str, ...], tuple[str, ...]] = {}
    longer = [f for f in full if len(f) > 1]
    for name in (n for n in full if len(n) == 1 and len(n[0]) >= MIN_LETTERS):
        word, sex = name[0], sex_of_first_name(name[0])
        if sex is None:
            continue
        owners = [
            f
            for f in longer
            if f[0] != word and f[0].startswith(word) and sex_of_first_name(f[0]) == sex
        ]
        if len(owners) == 1:
            found[name] = owners[0]
    return found
