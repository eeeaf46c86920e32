"""Where a token stands in an article: its paragraph, its segment, inside quotation marks or not.

The speaker rules and the quote rules ask these of every candidate, so they are computed once
per article: paragraphs are the text's lines, segments are sentences cut at paragraph breaks
(the parser runs a caption with no final stop on into the next paragraph), and quoted tokens
are those inside the quoted material's character ranges.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from reader.core.analysis import doc_columns
from reader.core.analysis.doc_columns import char_tokens
from reader.core.analysis.runner import token_column

_PARAGRAPH = re.compile(r"[^\n]+")
_LINE_BREAK = re.compile("\n")


class ArticleLayout:
    """Paragraphs, segments and quoted tokens of one parsed article.

    Args:
        doc: the spaCy Doc over the article text.
        text: the Doc's text (``runner.doc_text``).
        quoted: character ranges (marks included) that are quoted material.
    """

    def __init__(self, doc: Any, text: str, quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = text
        self._para_starts = [m.start() for m in _PARAGRAPH.finditer(text)] or [0]
        self._quoted_tokens = self._tokens_in(quoted)
        self.segments = self._segments()
        self._segment_starts = [start for start, _ in self.segments]

    def paragraph(self, char: int) -> int:
        """Index of the paragraph holding character offset ``char``."""
        return bisect.bisect_right(self._para_starts, char) - 1

    def paragraph_bounds(self, index: int) -> tuple[int, int]:
        """Character range of paragraph ``index`` (without its line break)."""
        start = self._para_starts[index]
        end = self.text.find("\n", start)
        return start, (len(self.text) if end < 0 else end)

    def same_paragraph(self, a: Any, b: Any) -> bool:
        return self.paragraph(a.idx) == self.paragraph(b.idx)

    def is_quoted(self, token: Any) -> bool:
        return token.i in self._quoted_tokens

    def segment_of(self, token: Any) -> int:
        return bisect.bisect_right(self._segment_starts, token.i) - 1

    def _tokens_in(self, ranges: list[tuple[int, int]]) -> set[int]:
        found: set[int] = set()
        for start, end in ranges:
            tokens = char_tokens(self.doc, start, end, "expand")
            if tokens is not None:
                found.update(range(*tokens))
        return found

    def _segments(self) -> list[tuple[int, int]]:
        """Sentences cut at paragraph breaks; a piece of bare punctuation joins its neighbour.

        Read from token columns (``token_column``): a Token for every index cost ~0.1 s a MB.
        """
        doc = self.doc
        idx, length = token_column(doc, "IDX"), token_column(doc, "LENGTH")
        bare = [
            p or s
            for p, s in zip(
                token_column(doc, "IS_PUNCT"), token_column(doc, "IS_SPACE"), strict=True
            )
        ]
        breaks: list[int] = []  # tokens whose text holds a line break, in order
        for match in _LINE_BREAK.finditer(self.text):
            i = bisect.bisect_right(idx, match.start()) - 1
            if i >= 0 and match.start() < idx[i] + length[i] and (not breaks or breaks[-1] != i):
                breaks.append(i)
        parsed = doc.has_annotation("SENT_START")
        sentences = doc_columns.sentences(doc) if parsed else [(0, len(doc))]
        pieces: list[tuple[int, int]] = []
        for sent_start, sent_end in sentences:
            start = sent_start
            first = bisect.bisect_left(breaks, sent_start)
            for i in breaks[first : bisect.bisect_left(breaks, sent_end)]:
                pieces.append((start, i + 1))
                start = i + 1
            if start < sent_end:
                pieces.append((start, sent_end))
        merged: list[tuple[int, int]] = []
        for start, end in pieces:
            if (
                merged
                and all(bare[start:end])
                and self.paragraph(idx[start]) == self.paragraph(idx[merged[-1][0]])
            ):
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        return merged
