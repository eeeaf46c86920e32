"""One regex for many literal names, written as a trie.

``"|".join(escaped names, longest first)`` makes Python's ``re`` try every name at every
position it scans, so finding an article's names again cost time in proportion to the text
times the number of names (a second on 1 MB). The trie tries one branch per character. It
matches what that alternation matches, case-sensitively: the names that match at one position
are prefixes of one another, one path of the trie, which tries the longest first and, when what
follows the group fails, the next shorter one, as the alternation does.
"""

from __future__ import annotations

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
