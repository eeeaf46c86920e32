"""PDF articles: the text layer in the order the PDF stores it, rebuilt into paragraphs.

pypdf extracts each page's text. Lines that repeat at the top or bottom of most pages (running
headers and footers, with page numbers ignored), bare page numbers and a browser's print header
and footer are dropped, but never every line: a PDF whose pages all repeat keeps them. A
browser's /Title is the web page's <title> ("Story - Site name"), so in a PDF a browser printed
the headline found on the first page is the title. Lines are
joined into paragraphs: a paragraph ends at a blank line, at a short line that ends a
sentence, after a short line that does not run on (a title or heading) before a line that
starts with a capital, a digit or a bullet, and before a bulleted line. A word hyphenated
across a line break is joined, unless the document writes that
word with a hyphen elsewhere ("well-known"). A PDF without any text layer is a scan: that is
an error that says so, since there is nothing to read without OCR.

pypdf keeps the gaps between words as the PDF draws them (Qt's PDFs give a tab between every
two words): every run of white space inside a line becomes one space. Ligature glyphs and other
presentation forms ("ﬀ", "ﬁ", Arabic contextual forms) become ordinary letters (NFKC applied
to those characters only; all other text stays as written). The headline is the first line(s)
set in a larger font than the body (or, with no size difference, a short first line followed by
a longer one); a "By ..." credit line under it is its own paragraph, which ``build_article``
takes as the byline.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import math
import re
import unicodedata
from collections import Counter
from pathlib import Path

from pypdf import PageObject, PasswordType, PdfReader

from reader.core.errors import LoadError
from reader.core.loaders.builder import Part, build_article, normalise_newlines, strip_controls
from reader.core.loaders.bylines import find_credit
from reader.core.loaders.datelines import find_dateline
from reader.core.loaders.file_properties import property_author, property_date
from reader.core.loaders.files import MAX_DOCUMENT_BYTES, read_file
from reader.core.loaders.pdf_margins import PAGE_NUMBER, drop_running_lines
from reader.core.model import Article

BROWSER_MAKERS = re.compile(r"Chrom(?:e|ium)|Mozilla|Firefox|WebKit|Skia/PDF", re.I)
"""What a browser writes as a printed page's /Creator or /Producer."""
BULLET = re.compile(r"^[•◦▪‣●○■□➢►]\s")
SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
CONTINUES = re.compile(r"(?:[,;(\-–—/&]|\b(?:and|or|of|the|a|an|to|in|for|with))$", re.I)
"""A line ending like this runs on into the next one."""
JUNK_TITLE = re.compile(r"^(?:untitled|microsoft word\b.*|.*\.(?:docx?|pdf|indd|tex))$", re.I)
INNER_SPACE = re.compile(r"[^\S\n]+")
PRESENTATION_FORMS = re.compile("[\ufb00-\ufdff\ufe70-\ufefe]+")
"""Alphabetic (ligatures ﬀ ﬁ ﬂ ﬃ ﬄ) and Arabic presentation forms: glyph shapes, not letters."""
HEADING_RATIO = 1.15
"""A line whose font is this much larger than the body's is a heading."""
MAX_TITLE_LINES = 3
MAX_TITLE_CHARS = 200
NOT_A_TITLE_END = re.compile(r"[.,;:]$")

logging.getLogger("pypdf").setLevel(logging.ERROR)


def load_pdf(path: Path) -> Article:
    """Read and parse a PDF file."""
    return parse_pdf(read_file(path, MAX_DOCUMENT_BYTES), str(path), path.name)


def parse_pdf(data: bytes, source: str, name: str) -> Article:
    """The Article in the PDF ``data``; ``LoadError`` when damaged, locked or scanned."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _unlock(reader, name)
        pages, sizes, notices = _page_lines(reader)
        title = _metadata_title(reader)
        author, created = _metadata_author_and_date(reader)
    except LoadError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files; all mean the same
        raise LoadError(
            f"{name!r} could not be read as a PDF; the file may be damaged.", detail=repr(exc)
        ) from exc
    if not any(pages):
        if _has_images(reader):
            raise LoadError(
                f"{name!r} has no text layer: it looks like a scanned image. Run it through "
                "text recognition (OCR, for example ocrmypdf) and open the result."
            )
        raise LoadError(f"{name!r} contains no text.")
    headline, lines = split_head(drop_running_lines(pages, title, notices), sizes)
    if headline and _made_by_browser(reader):
        title = headline  # its /Title is the page's <title>: "Story - Site name"
    parts = [Part(headline, "heading", 1)] if headline else []
    parts += [Part(paragraph) for paragraph in paragraphs(lines)]
    return build_article(
        parts,
        source=source,
        fmt="pdf",
        title=title or headline,
        notices=notices,
        file_byline=author,
        file_created=created,
    )


def _unlock(reader: PdfReader, name: str) -> None:
    if not reader.is_encrypted:
        return
    try:
        unlocked = reader.decrypt("")
    except Exception as exc:  # a cipher pypdf cannot handle without extra packages
        raise LoadError(
            f"{name!r} is encrypted in a way Entity Reader cannot open.", detail=repr(exc)
        ) from exc
    if unlocked == PasswordType.NOT_DECRYPTED:
        raise LoadError(
            f"{name!r} is protected by a password. Open it in a PDF viewer, save a copy "
            "without the password, and open that copy."
        )


def _page_lines(reader: PdfReader) -> tuple[list[list[str]], dict[str, float], list[str]]:
    """Each page's lines, the font size of each line of the first page with text (by the
    line's text), and notices about pages that could not be read."""
    pages: list[list[str]] = []
    sizes: dict[str, float] = {}
    unreadable: list[int] = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            lines, line_sizes = page_text(page, with_sizes=not sizes)
        except Exception:  # one damaged page should not lose the others
            unreadable.append(number)
            lines, line_sizes = [], []
        pages.append(lines)
        if not sizes and any(lines):
            sizes = {line: size for line, size in zip(lines, line_sizes, strict=True) if line}
    notices = []
    if unreadable and len(unreadable) < len(pages):
        notices.append(f"Could not read the text of page(s) {_numbers(unreadable)}.")
    blank = [n for n, lines in enumerate(pages, start=1) if not any(lines)]
    if (
        blank
        and len(blank) < len(pages)
        and any(_page_has_image(reader.pages[n - 1]) for n in blank)
    ):
        notices.append(
            f"Page(s) {_numbers(blank)} have no text layer (scanned images?) and are not shown."
        )
    return [lines if any(lines) else [] for lines in pages], sizes, notices


def page_text(page: PageObject, with_sizes: bool = True) -> tuple[list[str], list[float]]:
    """The page's lines, cleaned (see ``clean_line``), and the font size in points that sets
    most of each line's characters (0 where pypdf reports none, or without ``with_sizes``:
    only the first page needs sizes, and the visitor costs a call per piece of text)."""
    pieces: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text:
            pieces.append((text, float(size or 0) * _scale(cm) * _scale(tm)))

    text = page.extract_text(visitor_text=visit if with_sizes else None) or ""
    if "".join(piece for piece, _ in pieces) != text:  # no sizes, or the visitor missed some
        pieces = [(text, 0.0)]
    lines: list[str] = [""]
    weights: list[Counter[float]] = [Counter()]
    for piece, size in pieces:
        for index, segment in enumerate(normalise_newlines(strip_controls(piece)).split("\n")):
            if index:
                lines.append("")
                weights.append(Counter())
            lines[-1] += segment
            weights[-1][round(size, 1)] += len(segment) - segment.count(" ") - segment.count("\t")
    sizes = [max(weight, key=weight.__getitem__) if +weight else 0.0 for weight in weights]
    return [clean_line(line) for line in lines], sizes


def _scale(matrix: list[float]) -> float:
    """The vertical scale of a PDF transformation matrix (a b c d e f)."""
    try:
        return math.hypot(float(matrix[2]), float(matrix[3]))
    except (IndexError, TypeError, ValueError):
        return 0.0


def clean_line(line: str) -> str:
    """One extracted line: ligatures and other presentation forms as plain letters, each run
    of white space (tabs between words) one space, no white space at the ends."""
    line = PRESENTATION_FORMS.sub(lambda found: unicodedata.normalize("NFKC", found[0]), line)
    return INNER_SPACE.sub(" ", line).strip()


def _numbers(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + (" and more" if len(numbers) > 10 else "")


def split_head(lines: list[str], sizes: dict[str, float]) -> tuple[str | None, list[str]]:
    """The headline at the top of the first page, and the lines without it.

    ``sizes`` gives the font size of first-page lines by their text. The headline is the
    leading lines set larger than the body text; failing that, a short first line that does
    not end like a sentence, followed by a longer one. A blank line takes its place, and a
    credit line ("By Maria Lopez") right after it is set apart as a paragraph of its own
    (``build_article`` reads it), so neither joins the paragraph below.
    """
    top = [index for index, line in enumerate(_first_page(lines)) if line][: MAX_TITLE_LINES + 2]
    if not top:
        return None, lines
    body = _body_size(sizes)
    title = []
    for index in top[:MAX_TITLE_LINES]:
        if not body or sizes.get(lines[index], 0.0) < HEADING_RATIO * body:
            break
        title.append(index)
    if not title and _title_like(lines, top, _full_length(lines)):
        title = top[:1]
    headline = " ".join(lines[index] for index in title)
    if len(headline) > MAX_TITLE_CHARS:
        title, headline = [], ""
    after = [index for index in top if not title or index > title[-1]]
    credit = after[0] if after and find_credit(lines[after[0]]) else None
    rest: list[str] = []
    for index, line in enumerate(lines):
        if index in title:
            rest.append("")
        elif index == credit:
            rest += ["", line, ""]
        else:
            rest.append(line)
    return headline or None, rest


def _first_page(lines: list[str]) -> list[str]:
    return lines[: lines.index("\f")] if "\f" in lines else lines


def _body_size(sizes: dict[str, float]) -> float:
    """The font size that sets the most characters (0 when unknown)."""
    weights: Counter[float] = Counter()
    for line, size in sizes.items():
        weights[round(size, 1)] += len(line)
    size = weights.most_common(1)[0][0] if weights else 0.0
    return size if size > 0 else 0.0


def _title_like(lines: list[str], top: list[int], full: int) -> bool:
    """Whether the first line is a short headline above a longer line (a byline skipped)."""
    line = lines[top[0]]
    following = [lines[index] for index in top[1:] if not find_credit(lines[index])]
    return (
        bool(following)
        and len(line) <= 0.6 * full
        and len(following[0]) > max(len(line), 0.6 * full)
        and (line[:1].isupper() or line[:1].isdigit())
        and not NOT_A_TITLE_END.search(line)
        and not CONTINUES.search(line)
        and not BULLET.match(line)
        and not PAGE_NUMBER.match(line)
        and find_credit(line) is None
        and find_dateline(line) is None
    )


def _full_length(lines: list[str]) -> int:
    """The length of a full line of body text (0 for no text)."""
    lengths = sorted(len(line) for line in lines if line and line != "\f")
    return lengths[int(0.8 * (len(lengths) - 1))] if lengths else 0


def paragraphs(lines: list[str]) -> list[str]:
    """Join PDF lines ("\\f" marks a page break) into paragraphs, joining hyphenated words."""
    text_lines = [line for line in lines if line and line != "\f"]
    if not text_lines:
        return []
    full = _full_length(lines)
    known = _hyphenated_words(text_lines)
    result: list[str] = []
    current = ""
    following = _next_lines(lines)
    for line, after in zip(lines, following, strict=True):
        if line == "\f":
            continue
        if not line:
            if current:
                result.append(current)
            current = ""
            continue
        if current and BULLET.match(line):
            result.append(current)
            current = ""
        current = _join(current, line, known) if current else line
        ends_sentence = SENTENCE_END.search(line) and len(line) < 0.85 * full
        if ends_sentence or _heading_like(line, after, full):
            result.append(current)
            current = ""
    if current:
        result.append(current)
    return result


def _next_lines(lines: list[str]) -> list[str]:
    """For each line, the next line with text ("" at the end)."""
    following = []
    upcoming = ""
    for line in reversed(lines):
        following.append(upcoming)
        if line and line != "\f":
            upcoming = line
    return following[::-1]


def _heading_like(line: str, after: str, full: int) -> bool:
    """A short line that does not run on, before a line that starts anew: a title or heading."""
    return (
        len(line) < 0.6 * full
        and not CONTINUES.search(line)
        and (after[:1].isupper() or after[:1].isdigit() or after[:1] in "•–—-*")
    )


def _join(left: str, right: str, known: set[str]) -> str:
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if len(left) > 1 and left.endswith("-") and left[-2].isalpha() and right[:1].islower():
        head = re.search(r"(\w+)-$", left)
        tail = re.match(r"\w+", right)
        if head and tail and f"{head.group(1)}-{tail.group(0)}".lower() in known:
            return left + right
        return left[:-1] + right
    return f"{left} {right}"


def _hyphenated_words(lines: list[str]) -> set[str]:
    """Words the document itself writes with a hyphen inside a line ("well-known")."""
    return {word.lower() for line in lines for word in re.findall(r"\w+-\w+", line)}


def _metadata_title(reader: PdfReader) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # a damaged info dictionary only costs the title
        return None
    if not title:
        return None
    title = " ".join(str(title).split())
    return None if not title or JUNK_TITLE.match(title) else title


def _made_by_browser(reader: PdfReader) -> bool:
    """Whether a web browser printed this PDF (its /Creator or /Producer says so)."""
    try:
        info = reader.metadata
        made_by = f"{info.creator or ''} {info.producer or ''}" if info else ""
    except Exception:  # a damaged info dictionary: no evidence
        return False
    return bool(BROWSER_MAKERS.search(made_by))


def _metadata_author_and_date(reader: PdfReader) -> tuple[str | None, dt.date | None]:
    """The document info's /Author and /CreationDate, cleaned (``file_properties``)."""
    try:
        info = reader.metadata
        if info is None:
            return None, None
        author = property_author(info.author)
        try:
            created = property_date(info.creation_date)
        except Exception:  # a malformed date string only costs the date
            created = None
    except Exception:  # a damaged info dictionary only costs these
        return None, None
    return author, created


def _has_images(reader: PdfReader) -> bool:
    return any(_page_has_image(page) for page in reader.pages)


def _page_has_image(page: PageObject) -> bool:
    """Whether the page draws an image (what a scanner produces), without decoding it."""
    try:
        resources = page.get("/Resources")
        objects = resources.get_object().get("/XObject") if resources else None
        if not objects:
            return False
        return any(
            obj.get_object().get("/Subtype") == "/Image" for obj in objects.get_object().values()
        )
    except Exception:  # a damaged resource dictionary: no evidence of an image
        return False
