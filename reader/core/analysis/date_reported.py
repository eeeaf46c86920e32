"""The moment of reported speech, which a backshifted future counts from. Pure Python.

"Officials said on Friday that talks would resume on Monday": "would" looks ahead from that
Friday, so the Monday is the first one after it, not the first after publication; "the
government said in November it would raise taxes in December" is the December after that
November. ``date_tense.reported_future`` says which expressions are in such a clause; this
module says which of their words count from the moment of speech and finds that moment.

Only weekdays and months or days written without a year and without "last", "next" or "this"
count from it: "tomorrow", "next month" are the writer's words, counted from publication. The
moment is the last day or month named before the expression in its sentence in the clause of
the reporting verb, outside quotations and not after publication; the speech day itself is
the speaker's "today", so a weekday counts from the day after it, as in a quotation.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable

from reader.core.analysis.date_resolution import Resolution
from reader.core.analysis.date_words import DAY_PART, MONTH_NAME, WEEKDAY_NAME, normalise

_WEEKDAY_ONLY = re.compile(rf"^{WEEKDAY_NAME}(?:\s+{DAY_PART})?$")
_NAMES_MONTH = re.compile(rf"\b{MONTH_NAME}")
_WRITERS_WORDS = re.compile(
    r"\b(?:last|next|this|coming|past|today|tonight|tomorrow|yesterday)\b"
    r"|(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)"
)


def counts_from_speech(expression: str) -> bool:
    """Whether an expression in a reported future is read from the moment of speech."""
    key = re.sub(r"^(?:on|in|by|until|from|during|before|after)\s+", "", normalise(expression))
    if _WRITERS_WORDS.search(key):
        return False
    return bool(_WEEKDAY_ONLY.match(key) or _NAMES_MONTH.search(key))


class SpeechMoments:
    """Days and months the story names outside quotations, up to publication, in text order."""

    def __init__(
        self,
        resolved: list[tuple[int, int, Resolution]],
        quoted: Callable[[int, int], bool],
        published: dt.date,
    ) -> None:
        moments = sorted(
            (start, end, _first_day(result), result.precision == "day")
            for start, end, result in resolved
            if result.precision in ("day", "month") and result.value and not quoted(start, end)
        )
        self.moments = [moment for moment in moments if moment[2] <= published]
        self.positions = [moment[0] for moment in self.moments]

    def reference(
        self, sentence_start: int, start: int, of_speech: Callable[[int, int], bool]
    ) -> dt.date | None:
        """The day a backshifted future at ``start`` counts from, or None when its sentence
        names no moment of speech before it (``of_speech(start, end)``: the moment belongs to
        the reporting verb's own clause, not to a clause of its subject, "the firm, founded in
        May 1990, said ..."): the day after a named day, the first of a named month."""
        lo = bisect.bisect_left(self.positions, sentence_start)
        hi = bisect.bisect_left(self.positions, start)
        for at, end, day, is_day in reversed(self.moments[lo:hi]):
            if of_speech(at, end):
                return day + dt.timedelta(days=1) if is_day else day
        return None


def _first_day(result: Resolution) -> dt.date:
    """The first day of a resolved day or month ("2025-11" -> 2025-11-01)."""
    value = result.value or ""
    return dt.date.fromisoformat(value if result.precision == "day" else f"{value}-01")
