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


def longest_first(names: Iterable[str]) -> str:
    """Regex source matching like ``"|".join(map(re.escape, sorted(names, key=len,
    reverse=True)))`` (case-sensitive; wrap it in a group before adding context)."""
    trie: _Node = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _source(trie)


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
