"""Word articles (.docx): paragraphs, headings, list items, quotes and table rows as blocks.

The zip container is checked before python-docx opens it: a damaged file, a zip that is not
a Word document, or a zip bomb (parts that unpack far beyond any real document) is refused
with a plain message. Running headers, footers and comments are not article text and are
not read. The title is the document's Title property, else its first Title or level-1 heading;
its Author and Created properties fill the byline and the publication date when the text has
none (``file_properties``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from reader.core.errors import LoadError
from reader.core.loaders.builder import Part, build_article, inline
from reader.core.loaders.file_properties import property_author, property_date
from reader.core.loaders.files import MAX_DOCUMENT_BYTES, MIB, describe_size, read_file
from reader.core.model import Article

MAX_UNPACKED_BYTES = 256 * MIB
"""A Word document's parts together never come near this; a zip bomb does."""
MAX_PART_RATIO = 200
"""Compression ratio above which a large part (over 10 MB unpacked) is treated as a bomb."""
MAX_PARTS = 10_000
QUOTE_STYLES = ("Quote", "Intense Quote")


def load_docx(path: Path) -> Article:
    """Read and parse a Word document."""
    return parse_docx(read_file(path, MAX_DOCUMENT_BYTES), str(path), path.name)


def parse_docx(data: bytes, source: str, name: str) -> Article:
    """The Article in the Word document ``data``."""
    _check_container(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        parts, title_candidate = _parts(document)
        properties = document.core_properties
        title = (properties.title or "").strip() or title_candidate
        author, created = property_author(properties.author), property_date(properties.created)
    except Exception as exc:  # python-docx and lxml raise many types on damaged files
        raise LoadError(
            f"{name!r} could not be read as a Word document; the file may be damaged.",
            detail=repr(exc),
        ) from exc
    if not parts:
        raise LoadError(f"{name!r} contains no text.")
    return build_article(
        parts, source=source, fmt="docx", title=title, file_byline=author, file_created=created
    )


def _check_container(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except Exception as exc:  # zipfile raises BadZipFile, NotImplementedError, EOFError, ...
        raise LoadError(
            f"{name!r} could not be read as a Word document; the file is damaged or is not "
            "a .docx file.",
            detail=repr(exc),
        ) from exc
    if "word/document.xml" not in {info.filename for info in infos}:
        raise LoadError(f"{name!r} is a zip archive but not a Word (.docx) document.")
    total = sum(info.file_size for info in infos)
    bomb = (
        len(infos) > MAX_PARTS
        or total > MAX_UNPACKED_BYTES
        or any(
            info.file_size > 10 * MIB
            and info.file_size > MAX_PART_RATIO * max(info.compress_size, 1)
            for info in infos
        )
    )
    if bomb:
        raise LoadError(
            f"{name!r} would unpack to {describe_size(total)} in {len(infos)} parts, far more "
            "than a Word document holds; it was not opened (it may be a zip bomb)."
        )


def _parts(document: docx.document.Document) -> tuple[list[Part], str | None]:
    """Blocks in document order, and the first Title-styled or level-1 heading paragraph."""
    parts: list[Part] = []
    title: str | None = None
    style_names: dict[str | None, str] = {}
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            parts.extend(_table_rows(item))
            continue
        part = _paragraph(item, style_names)
        if part.kind == "heading" and part.level == 1 and title is None and len(parts) < 3:
            title = part.text
        parts.append(part)
    return parts, title


def _paragraph(paragraph: Paragraph, style_names: dict[str | None, str]) -> Part:
    text = inline(paragraph.text)
    # python-docx looks a style up by scanning every style: ~8 ms a paragraph, minutes for a
    # long document. The name of each style id is looked up once.
    style_id = paragraph._p.style
    if style_id not in style_names:
        style_names[style_id] = (paragraph.style.name if paragraph.style is not None else "") or ""
    style = style_names[style_id]
    if style == "Title":
        return Part(text, "heading", 1)
    if style.startswith("Heading"):
        level = style.removeprefix("Heading").strip()
        return Part(text, "heading", int(level) if level.isdigit() else 1)
    if style in QUOTE_STYLES:
        return Part(text, "blockquote")
    properties = paragraph._p.pPr
    if style.startswith("List") or (properties is not None and properties.numPr is not None):
        return Part(text, "list_item")
    return Part(text)


def _table_rows(table: Table) -> list[Part]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is repeated once per grid column
                continue
            seen.add(id(cell._tc))
            cells.append(inline(cell.text))
        rows.append(Part("\t".join(cell for cell in cells if cell)))
    return rows
