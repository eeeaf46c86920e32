"""Assemble an Article's text and blocks from the pieces a format loader extracts.

Every loader hands over a list of ``Part`` (one paragraph, heading, list item, ...) and gets
back text and blocks that obey one rule set, so offsets mean the same thing for every format:

- blocks are joined by a single "\\n" and cover the text; ``Block.end`` excludes the "\\n";
- a block holds no line break, except a ``preformatted`` block (code) which keeps its own;
- control characters (NUL included) are removed, never shown: Qt cannot display them and
  they are never article content;
- invisible format characters are removed too: soft hyphens (some sites put one inside every
  long word), zero-width spaces, word joiners and invisible operators always, and zero-width
  joiners, non-joiners and direction marks between two Latin letters ("Ma\u200dcron"), where
  they only split a word; elsewhere they shape emoji and right-to-left or Indic script and
  stay. The model never sees a name cut in pieces, and every offset indexes the cleaned text;
- every other character, emoji, combining accents and right-to-left text included, is kept
  exactly as the file has it (no Unicode normalisation here; the PDF loader alone turns
  ligature glyphs into letters, since they are glyph shapes).
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import dataclass

from reader.core.errors import LoadError
from reader.core.loaders.bylines import Credit, find_credit
from reader.core.loaders.datelines import find_dateline
from reader.core.loaders.files import MAX_TEXT_CHARS
from reader.core.loaders.language import language_notice
from reader.core.model import Article, Block

CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff]")
"""C0/C1 controls (not tab or line breaks), lone surrogates and stray byte-order marks."""
INVISIBLE = re.compile("[\u00ad\u180e\u200b\u2060-\u2064]")
"""Soft hyphen, Mongolian vowel separator, zero-width space, word joiner, invisible operators."""
_LATIN = "A-Za-z\u00c0-\u024f"
JOINERS_IN_WORDS = re.compile(
    f"(?<=[{_LATIN}])[\u200c-\u200f\u202a-\u202e\u2066-\u2069]+(?=[{_LATIN}])"
)
"""Zero-width (non-)joiners and direction marks inside a Latin-script word."""
LINE_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"
"""Characters that end a line besides "\n" (CRLF is handled first)."""
_OTHER_BREAK = re.compile(f"[{LINE_BREAKS}]")
SPACES = re.compile(r"[ \t\r\n\x0b\x0c\x85\u2028\u2029]+")
REGEX_SLICE = 65_536
"""Characters one deletion by regular expression works on at a time (see ``delete_in_slices``)."""
_SLICE_END = re.compile(f"[^{_LATIN}\u200c-\u200f\u202a-\u202e\u2066-\u2069]")
"""A character no deletion here matches or looks at: neither a Latin letter nor a joiner."""


@dataclass(frozen=True)
class Part:
    """One block of extracted text before assembly."""

    text: str
    kind: str = "paragraph"
    level: int = 0


def strip_controls(text: str) -> str:
    """``text`` without control characters (NUL included), line breaks kept."""
    return delete_in_slices(CONTROLS, text)


def drop_invisible(text: str) -> str:
    """``text`` without the invisible format characters of the module docstring."""
    if text.isascii():  # O(1) in CPython; every invisible character is beyond ASCII
        return text
    return delete_in_slices(JOINERS_IN_WORDS, delete_in_slices(INVISIBLE, text))


def delete_in_slices(pattern: re.Pattern[str], text: str) -> str:
    """``pattern.sub("", text)``, on about ``REGEX_SLICE`` characters at a time.

    ``re`` holds the GIL for the whole of one call: on a 5 MB one-line book these deletions
    took 45-340 ms each on the I/O worker, and the window froze for as long. Between slices
    the other threads get the GIL. A slice ends just after a character that is neither a
    Latin letter nor a joiner, which is exact for this module's patterns: ``CONTROLS`` and
    ``INVISIBLE`` match single characters, and a match of ``JOINERS_IN_WORDS`` (a run of
    joiners) and the Latin letters it looks at either side never hold such a character.
    """
    if len(text) <= REGEX_SLICE:
        return pattern.sub("", text)
    pieces = []
    start = 0
    while start < len(text):
        cut = _SLICE_END.search(text, min(start + REGEX_SLICE, len(text)))
        end = cut.end() if cut is not None else len(text)
        pieces.append(pattern.sub("", text[start:end]))
        start = end
    return "".join(pieces)


def normalise_newlines(text: str) -> str:
    """CRLF, CR and the Unicode line and paragraph separators all become "\\n"."""
    text = text.replace("\r\n", "\n")
    if any(char in text for char in LINE_BREAKS):  # a scan per character is fast in C
        text = _OTHER_BREAK.sub("\n", text)
    return text


def inline(text: str) -> str:
    """Text of one block: controls dropped, every run of white space (line breaks too) one space."""
    return SPACES.sub(" ", strip_controls(text)).strip()


def preformatted(text: str) -> str:
    """Text of a code block: controls dropped, line breaks kept, blank edges trimmed, dedented."""
    lines = normalise_newlines(strip_controls(text)).split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return textwrap.dedent("\n".join(line.rstrip() for line in lines))


def assemble(parts: list[Part]) -> tuple[str, list[Block]]:
    """Join non-empty parts with "\\n" and record each as a block at its offsets."""
    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for part in parts:
        if not part.text:
            continue
        if pieces:
            offset += 1
        pieces.append(part.text)
        blocks.append(Block(offset, offset + len(part.text), part.kind, part.level))
        offset += len(part.text)
        if offset > MAX_TEXT_CHARS:
            raise LoadError(
                f"The article text is too long to open (over {MAX_TEXT_CHARS:,} characters)."
            )
    return "\n".join(pieces), blocks


def build_article(
    parts: list[Part],
    *,
    source: str,
    fmt: str,
    title: str | None = None,
    byline: str | None = None,
    published: dt.date | None = None,
    site: str | None = None,
    notices: list[str] | None = None,
    file_byline: str | None = None,
    file_created: dt.date | None = None,
) -> Article:
    """The Article for ``parts`` and the metadata a loader found, with the dateline read.

    ``file_byline`` and ``file_created`` come from the file's own properties (a Word
    document's author and creation date, a PDF's document info): they fill what the text
    does not say (see ``_date_from_file``), never override it.
    """
    notices = list(notices or [])
    parts = [_visible(part) for part in parts]
    parts = [part for part in parts if part.text]
    title = drop_invisible(title) if title else title
    if title:
        parts = _without_title_repeat(parts, title)
    if byline is None:
        parts, credit = _without_credit_line(parts)
        if credit is not None:
            byline = credit.byline
            published = published or credit.published
    dateline = None
    for index, part in enumerate(parts[:3]):
        if part.kind in ("heading", "preformatted"):
            continue
        found = find_dateline(part.text)
        if found is None:
            continue
        dateline = found.place
        site = found.agency or site
        if found.standalone:
            parts[index] = Part(part.text, "dateline")
        if published is None and found.date is not None:
            published = found.date
        elif published is None and found.month and found.day:
            published = _on_or_before(found.month, found.day, file_created)
            if published is None:
                notices.append(
                    "The dateline gives a day but no year, so the publication date is unknown."
                )
        break
    if published is None and file_created is not None:
        published = file_created
        notices.append(
            "The text gives no publication date; the file's creation date "
            f"({published.day} {published:%B %Y}) is used for dates such as “on Monday”."
        )
    byline = byline or file_byline
    text, blocks = assemble(parts)
    notice = language_notice(text)
    if notice:
        notices.append(notice)
    return Article(
        text=text,
        title=title or None,
        byline=byline or None,
        published=published,
        source=source,
        blocks=blocks,
        site=site or None,
        dateline=dateline,
        format=fmt,
        notices=notices,
    )


def _visible(part: Part) -> Part:
    """The part without invisible characters, and without the edge spaces that leaves."""
    text = drop_invisible(part.text)
    if text == part.text:
        return part
    text = text.rstrip() if part.kind == "preformatted" else text.strip()
    return Part(text if text.strip() else "", part.kind, part.level)


def _on_or_before(month: int, day: int, created: dt.date | None) -> dt.date | None:
    """A dateline's day without a year, in the year the file was created (the year before,
    when that day comes after the creation date: a story of 30 December saved on 2 January).

    Pattern: a wire dateline ("BERLIN, Nov 6 (Reuters)") names the day of publication, and a
    file is made on that day or after it, never before.
    """
    if created is None:
        return None
    for year in (created.year, created.year - 1):
        try:
            day_in_year = dt.date(year, month, day)
        except ValueError:  # 29 February of a common year
            continue
        if day_in_year <= created:
            return day_in_year
    return None


def _comparable(text: str) -> str:
    return SPACES.sub(" ", text).strip().rstrip(".:!?").casefold()


def _without_credit_line(parts: list[Part]) -> tuple[list[Part], Credit | None]:
    """Take out a "By Jane Doe — published 2021-07-15" line above the body, when the format
    gave no author: the view shows the byline and date under the title."""
    for index, part in enumerate(parts[:3]):
        if part.kind == "heading":
            continue
        credit = find_credit(part.text) if part.kind == "paragraph" else None
        if credit is None or len(parts) < 2:
            return parts, None
        return parts[:index] + parts[index + 1 :], credit
    return parts, None


def _without_title_repeat(parts: list[Part], title: str) -> list[Part]:
    """Drop the headline where the body repeats it near the top: the view shows the title."""
    wanted = _comparable(title)
    for index, part in enumerate(parts[:3]):
        if _comparable(part.text) == wanted:
            return parts[:index] + parts[index + 1 :]
    return parts
