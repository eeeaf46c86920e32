"""The names of a list that examples of a class open: "companies like A, B, and C".

Linguistic pattern: after a class noun and "like" or "such as", English lists its examples as
names joined by commas and a last "and" / "or" ("groups such as Harbour Watch, Kelpline and
Tidewatch"). Every name of the list is of the class, though the small model's parse often
joins only the first ones as conjuncts and makes the last the subject of the verb after it
("... and Brantwell already face scrutiny"). So the list is read from the words, not the
parse: from the end of the first name, a comma, an "and" / "or" or both, then the next run of
capitalised words, within the sentence; the list stops after the name "and" / "or" brings,
and at anything else ("..., which").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def listed_after(
    end: int,
    names: Sequence[bool],
    starts: Sequence[bool],
    joins: Callable[[int], str],
    name_run: Callable[[int], tuple[int, int]],
) -> list[tuple[int, int]]:
    """Token spans of the names listed after the name ending at ``end``: ``names`` flags the
    words of names, ``starts`` a sentence's first words, ``joins(i)`` is "," / "and" / "or"
    for token ``i`` that can join a list ("" for any other), ``name_run(i)`` the name at ``i``.
    """
    runs: list[tuple[int, int]] = []
    i, n = end, len(names)
    while i < n:
        j = i
        if joins(j) == ",":  # j < n: the loop's test
            j += 1
        if j < n and joins(j) in ("and", "or"):
            j += 1
        if j == i or j >= n or starts[j] or not names[j]:
            break
        start, i = name_run(j)
        runs.append((start, i))
        if joins(j - 1) in ("and", "or"):
            break  # the list's last name: ", and Ann Lee spoke" starts a clause of its own
    return runs
