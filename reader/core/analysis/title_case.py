"""Lines written in title case: there, a capital letter says nothing, so the body decides.

Linguistic pattern: headlines and sub-headings in English news are often written in title case
("Amazon Liable for Defective Products Rules Appellate Court"), where every long word is
capitalised and the small model reads runs of them as one organization's name. The rest of the
article is in sentence case, where a capital does mark a name. So a body or place span that
the model found inside a title-case line is kept only as far as the article's sentence-case
text confirms it (one sense per article): whole when the same name is found outside title-case
lines, cut down to the longest such name inside it ("Amazon" of "Amazon Liable"), else dropped.
People's names and the model's geographic spans (GPE, LOC: "San Francisco To Begin ...")
are left alone: title case does not make a run of words look like one.

The title of a work quoted inside a sentence (a paper, a report, a slogan: "a study called
“Tidal Effects on Harbour Seal Colonies”") is title case as well, with its short linking words
("on", "from", "with") in lower case, so the same check holds inside it (``quoted_titles``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Any

from reader.core.analysis.candidates import Candidate
from reader.core.analysis.countries import normalise
from reader.core.analysis.doc_columns import span_text
from reader.core.analysis.runner import doc_quotes, doc_text, token_column
from reader.core.model import ORGANIZATION, PLACE

MIN_LONG_WORDS = 3
"""A line needs this many words of four letters or more to be told title case by its capitals."""

_LONG_WORD = re.compile(r"[^\W\d_][\w'’‘-]{3,}")
_LINE = re.compile(r"[^\n]+")
_GEOGRAPHIC = frozenset({"GPE", "LOC"})
LINES_KEY = "reader.title_case_lines"
"""``Doc.user_data`` key of the Doc's title-case lines (see ``doc_title_case_lines``)."""


def is_title_case(line: str) -> bool:
    """Every word of four letters or more starts with a capital, and there are enough of them
    to tell ("Increased Surveillance In Schools"); a sentence has lower-case long words."""
    count = 0
    for word in _LONG_WORD.finditer(line):  # most lines stop at their first long words
        if not line[word.start()].isupper():
            return False
        count += 1
    return count >= MIN_LONG_WORDS


# Linking words a title keeps in lower case, however long ("Learning from Data with Trees").
_MINOR_WORDS = frozenset(
    {
        "from", "with", "into", "onto", "over", "upon", "about", "than", "that", "this",
        "after", "before", "under", "between", "through", "without", "within", "against",
        "among", "across", "versus",
    }
)  # fmt: skip


def is_quoted_title(quotation: str) -> bool:
    """A quotation written as a work's title: enough long words, each capitalised or with a
    capital inside ("t-SNE", "eBay") unless a linking word; a quoted sentence has others."""
    count = 0
    for word in _LONG_WORD.finditer(quotation):
        text = word.group()
        if text.islower():
            if text in _MINOR_WORDS:
                continue
            return False
        count += 1
    return count >= MIN_LONG_WORDS


def quoted_titles(doc: Any) -> list[tuple[int, int]]:
    """Character spans of the quotations of the Doc written as a work's title."""
    text = doc_text(doc)
    return [
        (q.start, q.end)
        for q in doc_quotes(doc)
        if not q.runs_on and not q.continues and is_quoted_title(text[q.start : q.end])
    ]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in order, overlapping ones joined (a title quoted inside a title-case line)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Character spans of the lines of ``text`` written in title case."""
    return [m.span() for m in _LINE.finditer(text) if is_title_case(m.group())]


def doc_title_case_lines(doc: Any) -> list[tuple[int, int]]:
    """``title_case_lines`` of the Doc's text, found once per Doc: the body check below and
    ``org_context.bodies_by_own_words`` both skip these lines (~23 ms a scan on 300 kB)."""
    lines: list[tuple[int, int]] | None = doc.user_data.get(LINES_KEY)
    if lines is None:
        lines = doc.user_data[LINES_KEY] = title_case_lines(doc_text(doc))
    return lines


def _line_start(line: tuple[int, int]) -> int:
    return line[0]


def _inside(lines: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of ``lines`` (in order, apart) holds ``start:end``."""
    at = bisect.bisect_right(lines, start, key=_line_start) - 1
    return at >= 0 and lines[at][0] <= start and end <= lines[at][1]


def confirmed_by_body(doc: Any, text: str, cands: list[Candidate]) -> list[Candidate]:
    """Organization and place spans inside title-case lines and quoted titles, kept, cut to a
    name the sentence-case text has, or dropped (see the module's docstring)."""
    lines = doc_title_case_lines(doc)
    titles = quoted_titles(doc)
    if titles:
        lines = _merged(lines + titles)
    return confirmed_outside(doc, cands, lines)


def confirmed_outside(
    doc: Any, cands: list[Candidate], lines: list[tuple[int, int]]
) -> list[Candidate]:
    """Organization and place spans inside ``lines`` (character spans in order, apart, where a
    capital says nothing), kept as far as the text outside them confirms the name."""
    if not lines:
        return cands

    idx, length = token_column(doc, "IDX"), token_column(doc, "LENGTH")
    in_lines = [
        c.type in (ORGANIZATION, PLACE)
        and c.label not in _GEOGRAPHIC
        and not c.fixed
        and _inside(lines, idx[c.start], idx[c.end - 1] + length[c.end - 1])
        for c in cands
    ]
    body: dict[str, Candidate] = {}
    for c, in_line in zip(cands, in_lines, strict=True):
        if not in_line and c.type is not None:
            body.setdefault(normalise(span_text(doc, c.start, c.end)), c)
    out = []
    for c, in_line in zip(cands, in_lines, strict=True):
        if not in_line:
            out.append(c)
            continue
        best = _longest_confirmed(doc, c, body)
        if best is not None:
            out.append(best)
    return out


def _longest_confirmed(doc: Any, c: Candidate, body: dict[str, Candidate]) -> Candidate | None:
    """The longest token run of ``c`` that the body names, with the body's type."""
    for length in range(c.end - c.start, 0, -1):
        for start in range(c.start, c.end - length + 1):
            known = body.get(normalise(span_text(doc, start, start + length)))
            if known is not None:
                return replace(known, start=start, end=start + length, fixed=False)
    return None
