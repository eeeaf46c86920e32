"""People the parse introduces as someone's relative: "Lena Harte, the senator's wife", "his
son, Milo Brandt", "a Carl Harte, who appears to be the senator's brother".

News writing names a relative who shares the subject's surname in full on every reference
(the bare surname would be ambiguous), so a later bare "Harte" is the subject, not the wife
named more recently: ``aliases`` gives a bare surname of several full names to the most recent
one that no such apposition or relative clause introduced as a relative, when there is one.
"""

from __future__ import annotations

from typing import Any

# Nouns of family ties, the ones that share a surname ("his lawyer" names someone else's).
_KIN = """
    wife husband son daughter brother sister mother father widow widower stepson stepdaughter
    grandson granddaughter grandmother grandfather nephew niece cousin uncle aunt
    sibling twin child parent
"""
KIN_NOUNS: frozenset[str] = frozenset(_KIN.split())


def _is_kin(token: Any) -> bool:
    return bool(token.lemma_.lower() in KIN_NOUNS or token.lower_ in KIN_NOUNS)


def introduced_as_relative(doc: Any, start: int, end: int) -> bool:
    """Whether the name doc[start:end] stands in apposition to a kin noun ("Lena Harte, the
    senator's wife"; "his son, Milo Brandt") or has a relative clause that says it is one ("who
    is his brother", "who appears to be the brother of the senator")."""
    root = doc[end - 1]
    while start <= root.head.i < end and root.head.i != root.i:
        root = root.head  # the name's head word, whatever the parse's order of compounds
    if root.dep_ == "appos" and _is_kin(root.head):
        return True
    for child in root.children:
        if child.dep_ == "appos" and _is_kin(child):
            return True
        if child.dep_ == "relcl" and any(t.dep_ == "attr" and _is_kin(t) for t in child.subtree):
            return True
    return False
