"""A saved page's row of share buttons names the platforms it shares to.

A news page's "Share" buttons come through its text as one run of words: "Share Facebook
Twitter WhatsApp Email Telegram". Each capitalised proper noun after the button's "Share",
one word a button, is a platform, a company's name: the model, reading the row as one name or
as a person's, tags none of them or the wrong pieces. The buttons for ways of sharing that are
no company ("Email", "Print", "Copy link") are passed over, and the row ends at the first word
that is not a capitalised proper noun ("Telegram A senior official said ..."). A run of fewer
than two platforms is no row ("Share Prices Fall" is a headline).
"""

from __future__ import annotations

from typing import Any

from reader.core.analysis.candidates import Candidate
from reader.core.analysis.doc_columns import span_texts
from reader.core.analysis.runner import doc_text, token_column
from reader.core.model import ORGANIZATION

SHARE_WORDS = frozenset({"Share", "SHARE"})
"""The button label a row starts with."""
BUTTON_WORDS = frozenset(
    {"Email", "Mail", "Print", "Copy", "Link", "More", "Save", "Comment", "Comments", "Tweet"}
)
"""Buttons for a way of sharing, not a platform: no company's name."""
MIN_PLATFORMS = 2


def _rows(doc: Any) -> list[tuple[int, list[int]]]:
    """(end of the row, the platforms' token indices) for each share row of the Doc. The
    buttons stand on one line or one a line; a word on a line of its own after a line break
    must end its line too ("Share / Facebook / Twitter / Council Approves Budget" ends at
    "Twitter")."""
    word, text = span_texts(doc), doc_text(doc)
    strings = doc.vocab.strings
    propn, space = strings["PROPN"], strings["SPACE"]
    pos, alpha = token_column(doc, "POS"), token_column(doc, "IS_ALPHA")
    orth = token_column(doc, "ORTH")
    shares = {strings[label] for label in SHARE_WORDS}  # as the ORTH column holds them
    n = len(pos)

    def line_ends(j: int) -> bool:
        return (
            j + 1 == n
            or (pos[j + 1] == space and "\n" in word(j + 1, j + 2))
            or ("\n" in text[doc[j].idx + len(doc[j]) : doc[j + 1].idx])
        )

    rows = []
    for i in (i for i, o in enumerate(orth) if o in shares):
        j, items, broken = i + 1, [], "\n" in doc[i].whitespace_
        while j < n:
            button = word(j, j + 1)
            if pos[j] == space:
                broken = broken or "\n" in button
            elif button not in BUTTON_WORDS:
                if not (pos[j] == propn and alpha[j] and len(button) > 1 and button[0].isupper()):
                    break
                if broken and not line_ends(j):
                    break
                items.append(j)
            j += 1
        if len(items) >= MIN_PLATFORMS:
            rows.append((j, items))
    return rows


def platforms_in_share_rows(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """Each platform of a share row one organization, over the model's spans inside the row
    (a span that runs out of the row stands, and so do the platforms it covers)."""
    rows = _rows(doc)
    if not rows:
        return cands
    dropped: set[int] = set()
    added = []
    for end, items in rows:
        start = items[0]
        inside = {n for n, c in enumerate(cands) if c.start < end and c.end > start}
        outside = [cands[n] for n in inside if cands[n].start < start or cands[n].end > end]
        taken = {t for c in outside for t in range(c.start, c.end)}
        dropped |= {n for n in inside if cands[n] not in outside}
        added += [Candidate(t, t + 1, "ORG", ORGANIZATION) for t in items if t not in taken]
    return [c for n, c in enumerate(cands) if n not in dropped] + added
