"""One regex for many literal names, written as a trie.

``"|".join(escaped names, longest first)`` makes Python's ``re`` try every name at every
position it scans, so finding an article's names again cost time in proportion to the text
times the number of names (a second on 1 MB). The trie tries one branch per character. It
matches what that alternation matches, case-sensitively: the names that match at one position
are prefixes of one another, one path of the trie, which tries the longest first and, when what
follows the group fails, the next shorter one, as the alternation does.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable

_Node = dict[str, "_Node"]
_END = ""
"""Trie key marking that a name ends at this node (no character is empty)."""


def longest_first(names: Iterable[str], *, ignore_case: bool = False) -> str:
    """Regex source matching like ``"|".join(map(re.escape, sorted(names, key=len,
    reverse=True)))`` (wrap it in a group before adding context).

    With ``ignore_case`` the pattern is for ``re.IGNORECASE``: the names go into the trie in
    lower case, so names that differ only in case share one path (as branches "N" and "n"
    they would both match one text and break the longest-first order)."""
    trie: _Node = {}
    for name in names:
        node = trie
        for char in _folded(name) if ignore_case else name:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _source(trie)


def first_chars(names: Iterable[str], *, ignore_case: bool = False) -> str:
    """A lookahead for the characters the names start with, to write first in a pattern that
    starts with a lookbehind: ``re`` skips ahead to a character a pattern must start with,
    but a leading lookbehind hides the trie's first characters from it, so the whole pattern
    was tried at every position of the text. Empty where a name is empty (it starts with no
    character). ``ignore_case`` as for ``longest_first``."""
    firsts = set()
    for name in names:
        if not name:
            return ""
        firsts.add(_folded(name[0])[0] if ignore_case else name[0])
    return "(?=[" + "".join(re.escape(char) for char in sorted(firsts)) + "])" if firsts else ""


def _folded_apart() -> frozenset[str]:
    try:  # re's own table of extra case folds (private: without it, no fast path)
        extra: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES
    except (ImportError, AttributeError):
        return frozenset()
    return frozenset(chr(c) for key, others in extra.items() for c in (key, *others)) - {"i", "s"}


_FOLDED_APART = _folded_apart()
"""Characters ``re.IGNORECASE`` matches beyond their lower case ("ſ" matches "s", "ς" "σ",
Cyrillic "в" an old form of it; "i" and "s" themselves only through "ı" and "ſ")."""
_FOLDED_APART_CLASS = (
    re.compile("[" + "".join(re.escape(c) for c in sorted(_FOLDED_APART)) + "]")
    if _FOLDED_APART
    else None
)


def lowered_for(text: str, names: Iterable[str]) -> str | None:
    """``text.lower()`` where a case-sensitive search of the ``longest_first(names,
    ignore_case=True)`` trie in it finds exactly what an ``re.IGNORECASE`` search of ``text``
    does (same offsets, lookarounds on ``\\w`` alike): no character lowers to two ("İ") and
    neither the text nor a name holds one that ``re`` folds apart from ``str.lower``
    (``_FOLDED_APART``; the final sigma's context rule included). None otherwise: then
    search ``text`` with ``re.IGNORECASE``. A case-sensitive trie search skips ahead to its
    first characters; one under ``re.IGNORECASE`` tries every position (~65 ms a MB)."""
    if _FOLDED_APART_CLASS is None:
        return None
    lowered = text.lower()
    if len(lowered) != len(text) or _FOLDED_APART_CLASS.search(lowered):
        return None
    if any(_FOLDED_APART_CLASS.search(name.lower()) for name in names):
        return None
    return lowered


def _folded(name: str) -> list[str]:
    """``name`` a character at a time in lower case, where lower case is one character (as
    ``re.IGNORECASE`` compares them; "İ" lowers to two and stays as it is)."""
    return [low if len(low := char.lower()) == 1 else char for char in name]


def _source(node: _Node) -> str:
    chain = ""  # characters with one way on and no name ending: written out, not nested
    while _END not in node and len(node) == 1:
        char, node = next(iter(node.items()))
        chain += re.escape(char)
    branches = [re.escape(char) + _source(child) for char, child in node.items() if char]
    if not branches:
        return chain
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return chain + (f"(?:{body})?" if _END in node else body)
