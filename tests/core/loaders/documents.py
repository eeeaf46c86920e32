"""Build real PDF and Word files for loader tests, in the test's own temporary folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)

LINE_HEIGHT = 14
BODY_SIZE = 11
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
"""Ligature characters a test line may hold, drawn as the glyph of that name (as typesetters do)."""
LIGATURE_CODES = {char: 0x81 + index for index, char in enumerate(LIGATURES)}
"""Byte codes unused by WinAnsiEncoding, given the ligature glyphs through /Differences."""

Line = str | tuple[str, float]
"""A line of text, or (text, font size in points) for a line not in the 11pt body size."""


def _escape(text: str) -> str:
    text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return "".join(f"\\{LIGATURE_CODES[c]:03o}" if c in LIGATURE_CODES else c for c in text)


def _show(line: Line) -> str:
    text, size = (line, BODY_SIZE) if isinstance(line, str) else line
    if size == BODY_SIZE:
        return f"({_escape(text)}) Tj T*"
    return f"/F1 {size} Tf ({_escape(text)}) Tj /F1 {BODY_SIZE} Tf T*"


def write_pdf(
    path: Path,
    pages: list[list[Line]],
    *,
    password: str | None = None,
    image_only: bool = False,
    info: dict[str, str] | None = None,
) -> Path:
    """A PDF whose pages show ``pages`` (one string per line, top to bottom, Helvetica 11pt,
    or (text, size) for another size; the ligatures in ``LIGATURES`` are drawn as ligatures).

    ``image_only`` draws a small grey image instead of text, like a scanner does; ``info``
    is the document information dictionary ({"/Title": ..., "/CreationDate": "D:2024..."}).
    """
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): DictionaryObject(
                    {
                        NameObject("/BaseEncoding"): NameObject("/WinAnsiEncoding"),
                        NameObject("/Differences"): ArrayObject(
                            [NumberObject(min(LIGATURE_CODES.values()))]
                            + [NameObject(f"/{name}") for name in LIGATURES.values()]
                        ),
                    }
                ),
            }
        )
    )
    for lines in pages:
        page = writer.add_blank_page(width=612, height=792)
        resources = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        if image_only:
            image = DecodedStreamObject()
            image.set_data(bytes([128]) * 64)
            image.update(
                {
                    NameObject("/Type"): NameObject("/XObject"),
                    NameObject("/Subtype"): NameObject("/Image"),
                    NameObject("/Width"): NumberObject(8),
                    NameObject("/Height"): NumberObject(8),
                    NameObject("/ColorSpace"): NameObject("/DeviceGray"),
                    NameObject("/BitsPerComponent"): NumberObject(8),
                }
            )
            resources[NameObject("/XObject")] = DictionaryObject(
                {NameObject("/Im1"): writer._add_object(image)}
            )
            content = "q 500 0 0 700 50 50 cm /Im1 Do Q"
        else:
            ops = ["BT", f"/F1 {BODY_SIZE} Tf", f"{LINE_HEIGHT} TL", "72 740 Td"]
            ops += [_show(line) for line in lines]
            ops.append("ET")
            content = "\n".join(ops)
        stream = DecodedStreamObject()
        stream.set_data(content.encode("cp1252"))
        page[NameObject("/Resources")] = resources
        page[NameObject("/Contents")] = ArrayObject([writer._add_object(stream)])
    if info:
        writer.add_metadata(info)
    if password:
        writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def write_docx(
    path: Path,
    blocks: list[tuple[str, str]],
    *,
    title: str | None = None,
    author: str | None = None,
    created: dt.datetime | None = None,
) -> Path:
    """A Word document of (style, text) paragraphs; style "table" makes a one-row table.

    Core properties not given keep python-docx's template values (author "python-docx",
    created 2013-12-23), as in any file python-docx writes.
    """
    document = docx.Document()
    if title:
        document.core_properties.title = title
    if author is not None:
        document.core_properties.author = author
    if created is not None:
        document.core_properties.created = created
    for style, text in blocks:
        if style == "table":
            cells = text.split("|")
            table = document.add_table(rows=1, cols=len(cells))
            for cell, value in zip(table.rows[0].cells, cells, strict=True):
                cell.text = value
        else:
            document.add_paragraph(text, style=style)
    document.save(str(path))
    return path
