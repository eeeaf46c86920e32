"""Pair quotation marks in plain text: straight ("), curly (“ ”, „) and guillemets (« »).

Pure text, no spaCy, so the pairing is easy to test on its own. Double marks count, and curly
single marks (‘ ’) where a text uses them as its quotation marks; straight single marks are
apostrophes (Russia's, don't) as often as quotes, so they never pair, and single marks inside a
double quotation (or double inside single) are nesting, left alone. A ’ inside a word (don’t,
Russia’s) is an apostrophe, never a closing mark, and a ‘ with no closing ’ after it in its
paragraph is ignored, so a stray one costs nothing.

A straight mark has no direction of its own, so its side is read from its neighbours: after a
space or an opening bracket and before a letter it opens; after a letter or punctuation and
before a space or punctuation it closes; otherwise it toggles. Curly marks and guillemets carry
their direction, but sloppy typing (a ” that opens) is read the same way when the glyph
disagrees with the context. Pairing works paragraph by paragraph (a quotation never swallows a
paragraph break): a mark that opens while another quotation is open means the first one was a
stray, and is dropped, except right after a sentence end and a space inside the open quotation
('“These were new laws.  “That is why we act.”'): that is the next paragraph of the same
quotation on a line the page joined, so the first one runs on into it. An opening mark left
unclosed at the end of a paragraph is kept when the quotation runs on: the next paragraph opens
again (the wire convention), or its first mark closes ('“We will go.' / 'And we will stay,” she
said': the quotation goes on up to there); else it is dropped. So one unbalanced mark costs at
most the quotation it belongs to.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

OPENERS = {"“": "curly", "„": "curly", "«": "guillemet"}
CLOSERS = {"”": "curly", "»": "guillemet"}
STRAIGHT = '"'
MARKS = frozenset(STRAIGHT) | frozenset(OPENERS) | frozenset(CLOSERS)
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
_ANY_MARK = re.compile('["“”„«»‘’]')
_SINGLE_CLOSE = re.compile(SINGLE_CLOSE)
_OPEN_BEFORE = frozenset("([{—–-/\u00a0")
_CLOSE_AFTER = frozenset(",.;:!?)]}—–-…")
_RUN_SENTENCE_END = frozenset(".!?…")
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class QuoteSpan:
    """Text between a pair of marks, trimmed; ``start``/``end`` exclude the marks.

    Attributes:
        start: first character of the quotation (after the opening mark and any space).
        end: just past its last character (before the closing mark, any space and a
            trailing comma, which is the journalist's punctuation, not the speaker's).
        open_at: offset of the opening mark, or the paragraph start for a quotation that
            continues one left open by the previous paragraph (``continues``).
        close_at: offset of the closing mark, or the paragraph end for a quotation that runs
            on into the next paragraph.
        style: "straight", "curly", "guillemet" or "single" (curly single marks).
        runs_on: the quotation continues in the next paragraph (no closing mark here).
        continues: this quotation continues one left open by the previous paragraph.
    """

    start: int
    end: int
    open_at: int
    close_at: int
    style: str
    runs_on: bool = False
    continues: bool = False


def _side(text: str, i: int, start: int, end: int) -> str:
    """'open', 'close' or 'either' for the mark at ``text[i]`` from its neighbours."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    opens = (before.isspace() or before in _OPEN_BEFORE or before in MARKS) and not (
        after.isspace() or after in _CLOSE_AFTER
    )
    closes = not (before.isspace() or before in _OPEN_BEFORE) and (
        after.isspace() or after in _CLOSE_AFTER or after in MARKS
    )
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _classify(text: str, i: int, start: int, end: int) -> tuple[str, str]:
    """(side, style) of the mark at ``text[i]``; side is 'open', 'close' or 'either'."""
    char = text[i]
    side = _side(text, i, start, end)
    if char == STRAIGHT:
        return side, "straight"
    if char in OPENERS:
        # A curly opener typed where a closer belongs ("word“ next") still closes.
        return ("close" if side == "close" else "open"), OPENERS[char]
    return ("open" if side == "open" else "close"), CLOSERS[char]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _pairs_in_paragraph(
    text: str, start: int, end: int, carried_style: str | None = None
) -> tuple[list[QuoteSpan], int | None]:
    """Closed quotations in one paragraph, and the double mark left open at its end.

    ``carried_style``: a quotation of that style left open by the previous paragraph goes on
    here up to this paragraph's first (closing) mark.
    """
    spans: list[QuoteSpan] = []
    open_at: int | None = None if carried_style is None else start - 1
    open_style = carried_style or ""
    runs_on_at: int | None = None  # a quotation just ran on: the next one continues it
    closers = _SingleClosers(text, start, end)
    for match in _ANY_MARK.finditer(text, start, end):
        i = match.start()
        if text[i] in (SINGLE_OPEN, SINGLE_CLOSE):
            side = _side(text, i, start, end)
            if open_at is None and text[i] == SINGLE_OPEN and side != "close":
                if closers.first_after(i) is not None:
                    open_at, open_style = i, "single"
            elif open_at is not None and open_style == "single" and side == "close":
                _add(spans, text, open_at, i, open_style)
                open_at, open_style = None, ""
            continue
        if open_style == "single":
            continue  # a double quotation nested in a single one
        side, style = _classify(text, i, start, end)
        if open_at is None:
            if side != "close":
                open_at, open_style = i, style
            continue
        compatible = style == open_style or "straight" in (style, open_style)
        if side == "open" and compatible and _after_sentence_end(text, open_at, i):
            # '“First paragraph.  “Second paragraph.”' on one line: a run, not a stray
            run_end = _space_before(text, open_at, i)
            _add(spans, text, open_at, run_end, open_style, runs_on=True)
            runs_on_at = len(spans)
            open_at, open_style = i, style
            continue
        if side == "open" or not compatible:
            if side != "close":
                open_at, open_style = i, style  # the earlier mark was a stray
            continue
        _add(spans, text, open_at, i, open_style, continues=runs_on_at == len(spans))
        open_at, open_style = None, ""
    if carried_style is not None and spans and spans[0].open_at == start - 1:
        spans[0] = replace(spans[0], open_at=start, continues=True)
    return spans, (None if open_style == "single" else open_at)


def _after_sentence_end(text: str, open_at: int, i: int) -> bool:
    """Whether the mark at ``i`` follows a sentence end and a space inside the quotation."""
    j = _space_before(text, open_at, i)
    return j < i and j > open_at + 1 and text[j - 1] in _RUN_SENTENCE_END


def _space_before(text: str, open_at: int, i: int) -> int:
    """Start of the whitespace right before ``i`` (``i`` itself when there is none)."""
    j = i
    while j > open_at + 1 and text[j - 1].isspace():
        j -= 1
    return j


class _SingleClosers:
    """The ’ of one paragraph that can close a quotation (not apostrophes), found once.

    Each ‘ asks for the first closer after it; scanning forward from every ‘ was quadratic on
    a paragraph of ‘ and in-word ’ (‘a don’t ‘b don’t ...), so the closers are listed in one
    pass, on the first ‘, and looked up by bisection.
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end
        self._positions: list[int] | None = None

    def first_after(self, i: int) -> int | None:
        if self._positions is None:
            text, end = self._text, self._end
            self._positions = [
                m.start()
                for m in _SINGLE_CLOSE.finditer(text, self._start, end)
                if _side(text, m.start(), self._start, end) == "close"
            ]
        index = bisect.bisect_right(self._positions, i)
        return self._positions[index] if index < len(self._positions) else None


def _add(
    spans: list[QuoteSpan],
    text: str,
    open_at: int,
    close_at: int,
    style: str,
    *,
    runs_on: bool = False,
    continues: bool = False,
) -> None:
    q_start, q_end = _trim(text, open_at + 1, close_at)
    if q_end > q_start:
        spans.append(QuoteSpan(q_start, q_end, open_at, close_at, style, runs_on, continues))


def pair_quotes(text: str) -> list[QuoteSpan]:
    """Every quotation in ``text`` in order of appearance (see the module docstring)."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    result: list[QuoteSpan] = []
    carried = False
    carried_style: str | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        spans, left_open = _pairs_in_paragraph(text, p_start, p_end, carried_style)
        carried_style = None
        if left_open is not None:
            style = _classify(text, left_open, p_start, p_end)[1]
            closes_next = _closes_first(text, paragraphs, index + 1, style)
            if closes_next or _reopens(text, paragraphs, index + 1):
                q_start, q_end = _trim(text, left_open + 1, p_end)
                if q_end > q_start:
                    spans.append(QuoteSpan(q_start, q_end, left_open, p_end, style, runs_on=True))
                    carried_style = style if closes_next else None
        if carried and spans and not text[p_start : spans[0].open_at].strip():
            spans[0] = replace(spans[0], continues=True)
        carried = bool(spans) and spans[-1].runs_on
        result.extend(spans)
    return result


def _closes_first(text: str, paragraphs: list[tuple[int, int]], index: int, style: str) -> bool:
    """Whether paragraph ``index`` has a closing mark of ``style`` before any opening one:
    the quotation left open above ends there ('“First part.' / 'second part,” she said.')."""
    if index >= len(paragraphs):
        return False
    start, end = paragraphs[index]
    for match in _ANY_MARK.finditer(text, start, end):
        i = match.start()
        if text[i] in (SINGLE_OPEN, SINGLE_CLOSE):
            continue
        side, mark_style = _classify(text, i, start, end)
        compatible = mark_style == style or "straight" in (style, mark_style)
        return side == "close" and compatible
    return False


def _reopens(text: str, paragraphs: list[tuple[int, int]], index: int) -> bool:
    """Whether paragraph ``index`` starts with an opening mark (a quotation running on)."""
    if index >= len(paragraphs):
        return False
    start, end = paragraphs[index]
    first = start
    while first < end and text[first].isspace():
        first += 1
    return first < end and text[first] in MARKS and _classify(text, first, start, end)[0] != "close"
