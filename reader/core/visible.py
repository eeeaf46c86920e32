"""Invisible characters in a file name, shown as what they are (``<U+202E>``).

A right-to-left override (U+202E) makes ``invoice<U+202E>fdp.exe`` display as
"invoiceexe.pdf"; other format and control characters hide or reorder text the same way. A
name shown to a reader shows them as code points instead; the name itself is never changed
(the copy keeps it exactly).
"""

from __future__ import annotations

import unicodedata

HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
"""Controls, format characters (bidi overrides and isolates, zero-width spaces), lone
surrogates (undecodable bytes of a file name) and line or paragraph separators."""

KEPT = frozenset({"\u200d"})
"""The zero-width joiner builds emoji (a name may hold one) and reorders nothing."""


def show_controls(text: str) -> str:
    """``text`` with each hidden character written as ``<U+XXXX>``."""
    return "".join(f"<U+{ord(c):04X}>" if _hidden(c) else c for c in text)


def _hidden(char: str) -> bool:
    return char not in KEPT and unicodedata.category(char) in HIDDEN_CATEGORIES
