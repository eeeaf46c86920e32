"""Mutators for bench/fuzz_loaders.py; the seeds they start from are in fuzz_seeds.py.

Every mutator is a pure function of its input bytes and a ``random.Random``, so a case number and
a seed reproduce a case exactly.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable

from fuzz_seeds import Seed

# --- mutators --------------------------------------------------------------------------------

Mutator = Callable[[bytes, random.Random], bytes]

INTERESTING = b"\x00\xff\x7f\x80<>\"'&%/\\\n\r"
GARBAGE = (
    b"\xc3\x28",  # invalid continuation
    b"\xe2\x82",  # truncated sequence
    b"\xf0\x9f\x92",
    b"\xed\xa0\x80",  # UTF-8 encoded surrogate
    b"\xc0\xaf",  # overlong
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00" * 16,
    "\u202e\u200d\U0001f600e\u0301".encode(),
)
NESTERS = (b"<div>", b"<b><i>", b"<table><tr><td>", b"<ul><li>", b"<blockquote>", b"<p><span>")
INJECTIONS = (
    b"<script>document.title='x'</script>",
    b"<script>",  # unterminated
    b"<!--",
    b"<![CDATA[",
    b"<iframe src='http://127.0.0.1:9/'>",
    b"<style>body{background:url(http://127.0.0.1:9/x)}</style>",
    b"&#x110000;&#0;&#xD800;&#99999999999999999999;&bogus;&amp",
    b"<meta charset='utf-7'>+ADw-script+AD4-",
    b"<meta http-equiv='Content-Type' content='text/html; charset=x-unknown-999'>",
    b"<title>" + b"T" * 100_000 + b"</title>",
    b"<meta property='article:published_time' content='99999-99-99T99:99'>",
    b"<time datetime='0000-00-00'>",
    b"<html><html><body><body>",
    b"</html></body>",
)


def flip_bits(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if buf:
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
    return bytes(buf)


def set_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 32)):
        if buf:
            buf[rng.randrange(len(buf))] = rng.choice(INTERESTING)
    return bytes(buf)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def duplicate(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    chunk = data[start : start + rng.randint(1, 4096)]
    at = rng.randrange(len(data) + 1)
    return data[:at] + chunk * rng.choice((1, 2, 10, 200)) + data[at:]


def delete_chunk(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 8192) :]


def insert_garbage(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(data) + 1)
        junk = rng.choice(GARBAGE) if rng.random() < 0.7 else rng.randbytes(rng.randint(1, 64))
        data = data[:at] + junk + data[at:]
    return data


def reencode(data: bytes, rng: random.Random) -> bytes:
    codec = rng.choice(
        ("utf-16", "utf-16-be", "utf-32", "cp1252", "shift_jis", "koi8-r", "latin-1")
    )
    return data.decode("utf-8", errors="replace").encode(codec, errors="replace")


def _at_tag(data: bytes, rng: random.Random) -> int:
    """A position just before some '<', or anywhere."""
    starts = [m.start() for m in re.finditer(rb"<", data[:200_000])]
    return rng.choice(starts) if starts and rng.random() < 0.8 else rng.randrange(len(data) + 1)


def nest_tags(data: bytes, rng: random.Random) -> bytes:
    at = _at_tag(data, rng)
    depth = rng.choice((50, 300, 1000, 5000, 30_000))
    return data[:at] + rng.choice(NESTERS) * depth + b"deep" + data[at:]


def inject_markup(data: bytes, rng: random.Random) -> bytes:
    at = _at_tag(data, rng)
    return data[:at] + rng.choice(INJECTIONS) + data[at:]


def unclose_tags(data: bytes, rng: random.Random) -> bytes:
    keep = rng.random()
    return re.sub(rb"</[a-zA-Z]+>", lambda m: m.group(0) if rng.random() < keep else b"", data)


def swap_charset(data: bytes, rng: random.Random) -> bytes:
    codec = rng.choice((b"utf-16", b"utf-7", b"bogus", b"iso-2022-jp", b"", b"utf-8\x00"))
    return re.sub(rb"charset=[\"']?[\w-]+", b"charset=" + codec, data, count=1)


def deep_markdown(data: bytes, rng: random.Random) -> bytes:
    marker = rng.choice((b"> ", b"- ", b"1. ", b"    ", b"[", b"*", b"`"))
    at = rng.randrange(len(data) + 1)
    return data[:at] + b"\n" + marker * rng.choice((100, 1000, 10_000)) + b"x\n" + data[at:]


def pdf_numbers(data: bytes, rng: random.Random) -> bytes:
    """Replace some numbers (lengths, offsets, counts, object refs) with hostile ones."""
    choices = (b"0", b"-1", b"99999999999", b"2147483648", b"1e308", b"3", b"1")
    matches = list(re.finditer(rb"\d+", data))
    buf = data
    picked = rng.sample(matches, min(len(matches), rng.randint(1, 4)))
    for m in sorted(picked, key=lambda m: m.start(), reverse=True):
        buf = buf[: m.start()] + rng.choice(choices) + buf[m.end() :]
    return buf


def pdf_structure(data: bytes, rng: random.Random) -> bytes:
    """Cycles and lies in the page tree, which naive readers follow forever."""
    edits = (
        (rb"/Kids \[[^\]]*\]", b"/Kids [2 0 R]"),  # the page tree contains itself
        (rb"/Parent 2 0 R", b"/Parent 3 0 R"),
        (rb"/Count \d+", b"/Count 999999999"),
        (rb"/Root 1 0 R", b"/Root 2 0 R"),
        (rb"/Filter /FlateDecode", b"/Filter [/FlateDecode /FlateDecode /LZWDecode]"),
        (rb"startxref\n\d+", b"startxref\n0"),
        (rb"/Length \d+", b"/Length 5 0 R"),
    )
    pattern, replacement = rng.choice(edits)
    return re.sub(pattern, replacement, data, count=1)


def zip_member(data: bytes, rng: random.Random) -> bytes:
    """Mutate one file inside a .docx (zip) and re-pack it, so the zip layer stays valid."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {i.filename: archive.read(i) for i in archive.infolist()}
    except Exception:  # an earlier mutation broke the zip (zlib.error, BadZipFile, ...)
        return flip_bits(data, rng)
    name = rng.choice(sorted(members))
    action = rng.random()
    if action < 0.15:
        del members[name]
    else:
        inner = rng.choice(
            (flip_bits, truncate, duplicate, insert_garbage, nest_tags, inject_markup)
        )
        members[name] = inner(members[name], rng)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return out.getvalue()


XML_TEXT = (
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "\U0001f600e\u0301\u202e\u05e9\u05dc\u05d5\u05dd",
    "&amp;#0;",
    "&#x1F;",  # a control character XML 1.0 forbids
    "\u2028\u2029\ufeff",
    "x" * 100_000,
    "",
)


def docx_xml(data: bytes, rng: random.Random) -> bytes:
    """Well-formed changes to word/document.xml: text, repeated paragraphs, nested tables."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {i.filename: archive.read(i) for i in archive.infolist()}
    except Exception:
        return flip_bits(data, rng)
    xml = members.get("word/document.xml")
    if xml is None:
        return data
    action = rng.randrange(3)
    if action == 0:
        texts = list(re.finditer(rb"<w:t(?: [^>]*)?>[^<]*</w:t>", xml))
        if texts:
            m = rng.choice(texts)
            new = rng.choice(XML_TEXT).encode("utf-8")
            xml = (
                xml[: m.start()] + b'<w:t xml:space="preserve">' + new + b"</w:t>" + xml[m.end() :]
            )
    elif action == 1:
        paragraphs = list(re.finditer(rb"<w:p[ >].*?</w:p>", xml, re.S))
        if paragraphs:
            m = rng.choice(paragraphs)
            xml = xml[: m.end()] + m.group(0) * rng.choice((10, 1000, 20_000)) + xml[m.end() :]
    else:
        depth = rng.choice((10, 100, 1000, 5000))
        opening = b"<w:tbl><w:tr><w:tc>" * depth
        closing = b"<w:p/></w:tc></w:tr></w:tbl>" * depth
        xml = xml.replace(
            b"<w:body>",
            b"<w:body>" + opening + b"<w:p><w:r><w:t>deep</w:t></w:r></w:p>" + closing,
            1,
        )
    members["word/document.xml"] = xml
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return out.getvalue()


GENERIC: tuple[Mutator, ...] = (
    flip_bits,
    set_bytes,
    truncate,
    duplicate,
    delete_chunk,
    insert_garbage,
    reencode,
)
BY_SUFFIX: dict[str, tuple[Mutator, ...]] = {
    ".html": (nest_tags, inject_markup, unclose_tags, swap_charset, nest_tags, inject_markup),
    ".htm": (nest_tags, inject_markup, unclose_tags, swap_charset),
    ".md": (deep_markdown, inject_markup, nest_tags),
    ".txt": (deep_markdown,),
    ".pdf": (pdf_numbers, pdf_structure, pdf_numbers, pdf_structure),
    ".docx": (zip_member, zip_member, docx_xml, docx_xml, docx_xml, docx_xml),
}


def mutate(seed: Seed, others: list[Seed], rng: random.Random) -> tuple[bytes, list[str]]:
    """Apply one to three mutators (format-aware ones preferred); return bytes and their names."""
    data = seed.data
    applied = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        pool = BY_SUFFIX.get(seed.suffix, ()) + GENERIC
        if rng.random() < 0.05 and others:
            donor = rng.choice(others).data
            cut = rng.randrange(len(data) + 1)
            data, name = data[:cut] + donor[rng.randrange(len(donor) + 1) :], "splice"
        else:
            mutator = rng.choice(pool)
            data, name = mutator(data, rng), mutator.__name__
        applied.append(name)
    return data, applied
