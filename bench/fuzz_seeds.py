"""Seeds for bench/fuzz_loaders.py: real corpus pages plus generated txt/md/pdf/docx.

Corpus files are read in place (never copied into the project); the generated seeds are built from
the sample article's lines, so every format has at least one well-formed input to mutate.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Seed:
    """A well-formed input the mutators start from."""

    name: str
    suffix: str
    data: bytes


def _sample_lines(sample: Path) -> list[str]:
    return [line for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]


def make_markdown(lines: list[str]) -> bytes:
    """A Markdown article using most of the syntax a loader meets in the wild."""
    title, *body = lines
    parts = [f"# {title}", "", "*By Jane Doe* — 17 March 2025", ""]
    for n, line in enumerate(body):
        if n % 5 == 1:
            parts += [f"## {line[:60]}", ""]
        elif n % 5 == 2:
            parts += [f"> {line}", ""]
        elif n % 5 == 3:
            parts += [f"- {line[:80]}", f"  - nested [link](https://example.com/{n}) `code`", ""]
        else:
            parts += [line, ""]
    parts += [
        "![remote](http://127.0.0.1:9/pixel.png)",
        "<div onclick='alert(1)'>inline <b>html</b></div>",
        "```python",
        "print('hello')",
        "```",
        "| a | b |",
        "|---|---|",
        "| 1 | 2 |",
        "[ref]: https://example.com 'title'",
    ]
    return "\n".join(parts).encode("utf-8")


def _pdf_string(text: str) -> bytes:
    raw = text.encode("latin-1", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(lines: list[str], *, compress: bool = False, pages: int = 1) -> bytes:
    """A small valid PDF with real text (Helvetica), written by hand: no PDF writer needed."""
    per_page = max(1, len(lines) // pages)
    page_ids = [3 + 2 * p for p in range(pages)]
    font_id = 3 + 2 * pages
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % i for i in page_ids)
        + b"] /Count %d >>" % pages,
        font_id: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for p, page_id in enumerate(page_ids):
        chunk = lines[p * per_page : (p + 1) * per_page] or [""]
        ops = [b"BT /F1 10 Tf 40 760 Td 13 TL"]
        for line in chunk:
            for start in range(0, len(line), 95):
                ops.append(_pdf_string(line[start : start + 95]) + b" Tj T*")
        ops.append(b"ET")
        content = b"\n".join(ops)
        extra = b""
        if compress:
            content, extra = zlib.compress(content), b" /Filter /FlateDecode"
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (page_id + 1, font_id)
        )
        objects[page_id + 1] = (
            b"<< /Length %d%s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = out.tell()
        out.write(b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for num in range(1, size):
        out.write(b"%010d 00000 n \n" % offsets[num])
    info = b"<< /Size %d /Root 1 0 R >>" % size
    out.write(b"trailer\n" + info + b"\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def make_docx(lines: list[str]) -> bytes:
    """A .docx with title, author, headings, paragraphs and a table (python-docx)."""
    import datetime as dt

    import docx

    document = docx.Document()
    title, *body = lines
    document.core_properties.title = title
    document.core_properties.author = "Jane Doe"
    document.core_properties.created = dt.datetime(2025, 3, 17, 9, 0)
    document.add_heading(title, level=1)
    for n, line in enumerate(body):
        if n % 4 == 1:
            document.add_heading(line[:60], level=2)
        else:
            paragraph = document.add_paragraph(line[: len(line) // 2])
            paragraph.add_run(line[len(line) // 2 :]).bold = True
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Kyiv"
    table.cell(1, 1).text = "Paris"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def load_seeds(corpus: Path | None, sample: Path) -> list[Seed]:
    """HTML pages from the corpus folder, and one or more generated seeds of every other format."""
    lines = _sample_lines(sample)
    text = sample.read_bytes()
    seeds = [
        Seed("sample.txt", ".txt", text),
        Seed("sample-crlf.txt", ".txt", text.replace(b"\n", b"\r\n")),
        Seed("sample.md", ".md", make_markdown(lines)),
        Seed("sample.pdf", ".pdf", make_pdf(lines)),
        Seed("sample-flate-3p.pdf", ".pdf", make_pdf(lines, compress=True, pages=3)),
        Seed("sample.docx", ".docx", make_docx(lines)),
    ]
    if corpus is not None and corpus.is_dir():
        for page in sorted(corpus.glob("*.htm*")):
            seeds.append(Seed(page.name, page.suffix.lower(), page.read_bytes()))
    return seeds
