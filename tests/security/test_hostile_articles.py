"""Hand-crafted hostile article files: XXE, entity expansion, zip and Flate bombs, page-tree
cycles, absurd nesting, pipes and devices. Each gives an Article or a LoadError, quickly, and
fetches nothing."""

from __future__ import annotations

import io
import os
import re
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from reader.core.errors import LoadError
from reader.core.loaders import load_article
from reader.core.model import Article
from reader.core.paths import sample_article
from tests.security.watchdog import watchdog

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from fuzz_seeds import make_docx, make_pdf

LINES = [line for line in sample_article().read_text("utf-8").splitlines() if line.strip()]
SECRET = Path("/etc/hostname")


def _rezip(data: bytes, member: str, change: Callable[[bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info.filename, change(content) if info.filename == member else content)
    return out.getvalue()


def _doctype(entities: str, reference: bytes) -> Callable[[bytes], bytes]:
    def change(xml: bytes) -> bytes:
        xml = xml.replace(b"?>", b"?><!DOCTYPE w:document [" + entities.encode() + b"]>", 1)
        return xml.replace(b"Kyiv", b"Kyiv " + reference, 1)

    return change


def _flate_bomb_pdf() -> bytes:
    """A content stream of ~1 MB that inflates to 200 MB."""
    bomb = zlib.compress(b"BT /F1 10 Tf (" + b"A" * 200_000_000 + b") Tj ET", 9)
    pdf = make_pdf(LINES, compress=True)
    found = re.search(rb"<< /Length (\d+) /Filter /FlateDecode >>\nstream\n", pdf)
    assert found is not None
    header = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb)
    return pdf[: found.start()] + header + bomb + pdf[found.end() + int(found.group(1)) :]


def cases(url: Callable[[str], str]) -> dict[str, Callable[[], bytes]]:
    docx = make_docx(LINES)
    pdf = make_pdf(LINES)
    laughs = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    return {
        "xxe file.docx": lambda: _rezip(
            docx,
            "word/document.xml",
            _doctype(f'<!ENTITY x SYSTEM "{SECRET.as_uri()}">', b"&x;"),
        ),
        "xxe http.docx": lambda: _rezip(
            docx, "word/document.xml", _doctype(f'<!ENTITY x SYSTEM "{url("xxe")}">', b"&x;")
        ),
        "xxe parameter entity.docx": lambda: _rezip(
            docx, "word/document.xml", _doctype(f'<!ENTITY % p SYSTEM "{url("dtd")}"> %p;', b"")
        ),
        "xxe in core properties.docx": lambda: _rezip(
            docx,
            "docProps/core.xml",
            lambda xml: xml.replace(
                b"?>", f'?><!DOCTYPE x [<!ENTITY x SYSTEM "{url("core")}">]>'.encode(), 1
            ),
        ),
        "billion laughs.docx": lambda: _rezip(docx, "word/document.xml", _doctype(laughs, b"&l9;")),
        "zip bomb.docx": lambda: _rezip(
            docx, "word/document.xml", lambda xml: xml + b" " * 50_000_000
        ),
        "page tree cycle.pdf": lambda: re.sub(rb"/Kids \[[^\]]*\]", b"/Kids [2 0 R]", pdf),
        "parent cycle.pdf": lambda: pdf.replace(b"/Parent 2 0 R", b"/Parent 3 0 R"),
        "huge page count.pdf": lambda: re.sub(rb"/Count \d+", b"/Count 999999999", pdf),
        "flate bomb.pdf": _flate_bomb_pdf,
        "remote uri action.pdf": lambda: pdf.replace(
            b"/Type /Catalog",
            f"/Type /Catalog /OpenAction << /S /URI /URI ({url('pdf-uri')}) >>".encode(),
        ),
        "deep tags.html": lambda: (
            b"<html><body>" + b"<div>" * 100_000 + b"<p>Macron in Kyiv.</p>" + b"</div>" * 100_000
        ),
        "deep quotes.md": lambda: b"> " * 100_000 + b"Macron in Kyiv\n" + b"- " * 50_000 + b"x\n",
        "only nul bytes.txt": lambda: b"\x00" * 100_000,
        "utf-16 without bom.txt": lambda: ("Macron in Kyiv. " * 100).encode("utf-16-le"),
        "svg xxe.html": lambda: (
            f'<!DOCTYPE html [<!ENTITY x SYSTEM "{url("html-xxe")}">]><html><body><p>&x; '
            "Macron in Kyiv</p></body></html>"
        ).encode(),
    }


def _outcome(path: Path) -> Article | LoadError:
    with watchdog(60, path.name):
        try:
            return load_article(path)
        except LoadError as error:
            return error


def test_hostile_article_files(tmp_path: Path, counting_server) -> None:
    secret = SECRET.read_text().strip() if SECRET.exists() else "\x00never"
    outcomes = {}
    for name, build in cases(counting_server.url).items():
        path = tmp_path / name.replace(" ", "-")
        path.write_bytes(build())
        outcome = _outcome(path)
        outcomes[name] = outcome
        if isinstance(outcome, Article):
            assert secret not in outcome.text, f"{name}: a local file was read into the article"
            assert len(outcome.text) < 2_000_000, f"{name}: unbounded expansion"
            assert "lollollol" not in outcome.text, name
        else:
            assert outcome.message and "Traceback" not in outcome.message
    assert counting_server.requests == []
    assert isinstance(outcomes["zip bomb.docx"], LoadError)
    assert isinstance(outcomes["deep tags.html"], LoadError)


def test_pipes_and_devices_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    device = tmp_path / "zero.html"
    device.symlink_to("/dev/zero")
    for path in (fifo, device):
        outcome = _outcome(path)
        assert isinstance(outcome, LoadError), path
        assert "not a regular file" in outcome.message
