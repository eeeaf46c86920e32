"""Bytes to text: detect the encoding of a plain-text file instead of assuming one.

Order: a byte-order mark; UTF-16 without a mark (recognised by its zero bytes); strict UTF-8;
Windows-1252 when the result reads as Western European text (the common legacy encoding of
news copy; Latin-1 text without C1 bytes decodes identically); otherwise charset-normalizer.
Binary data is refused before any guess is made.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from charset_normalizer import from_bytes

from reader.core.errors import LoadError
from reader.core.loaders.files import MAX_TEXT_BYTES, read_file

if TYPE_CHECKING:
    from reader.core.model import Article

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SAMPLE = 65536
BINARY_CONTROLS = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) - {0x1B}
MAX_CONTROL_RATIO = 0.05
"""Above this share of control bytes a file is binary; a stray NUL in real text is below it."""
MAX_DAMAGE_RATIO = 0.01
"""UTF-8 with up to this share of invalid bytes opens, with the bad bytes shown as U+FFFD."""
_NON_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


@dataclass
class Decoded:
    """Text decoded from bytes, the encoding used, and anything the reader should know."""

    text: str
    encoding: str
    notices: list[str] = field(default_factory=list)


def decode_text(raw: bytes, name: str) -> Decoded:
    """Decode a text file's bytes; raise ``LoadError`` for binary or undecodable data."""
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return _checked(_decode_lenient(raw, codec, name), name)
    utf16 = _utf16_without_bom(raw[:SAMPLE])
    if utf16:
        try:
            return _checked(Decoded(raw.decode(utf16), utf16), name)
        except UnicodeDecodeError:
            pass
    _refuse_binary(raw[:SAMPLE], name)
    try:
        return _checked(Decoded(raw.decode("utf-8"), "utf-8"), name)
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(raw)
    if damaged is not None:
        return _checked(damaged, name)
    western = _western(raw)
    if western is not None:
        return _checked(western, name)
    best = from_bytes(raw).best()
    if best is None:
        raise LoadError(
            f"Could not work out how the text in {name!r} is encoded; it may not be a text file."
        )
    return _checked(Decoded(str(best), best.encoding), name)


TextParser = Callable[..., "Article"]
"""A text format's parser: ``parse(text, source=..., notices=[...]) -> Article``."""


def load_text_file(path: Path, parse: TextParser) -> Article:
    """Read ``path`` (bounded), decode it (encoding detected) and ``parse`` the text.

    The one load → decode → parse path of the text formats (.txt, .md); the decoder's
    notices (a guessed encoding, damaged bytes) travel with the article.
    """
    decoded = decode_text(read_file(path, MAX_TEXT_BYTES), path.name)
    return parse(decoded.text, source=str(path), notices=decoded.notices)


def refuse_binary(raw: bytes, name: str) -> None:
    """Raise ``LoadError`` when ``raw`` is binary data rather than text in some encoding."""
    if raw.startswith(tuple(bom for bom, _ in BOMS)) or _utf16_without_bom(raw[:SAMPLE]):
        return
    _refuse_binary(raw[:SAMPLE], name)


def _decode_lenient(raw: bytes, codec: str, name: str) -> Decoded:
    try:
        return Decoded(raw.decode(codec), codec)
    except UnicodeDecodeError:
        text = raw.decode(codec, errors="replace")
        return Decoded(text, codec, [_damage_notice(name)])


def _damage_notice(name: str) -> str:
    return f"Some bytes in {name!r} are not valid text; they are shown as \ufffd."


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte is mostly zero, as in UTF-16 text."""
    half = len(sample) // 2
    if half < 2:
        return None
    even_zero = sample[0 : half * 2 : 2].count(0)
    odd_zero = sample[1 : half * 2 : 2].count(0)
    if odd_zero > 0.3 * half and even_zero < 0.05 * half:
        return "utf-16-le"
    if even_zero > 0.3 * half and odd_zero < 0.05 * half:
        return "utf-16-be"
    return None


def _refuse_binary(sample: bytes, name: str) -> None:
    controls = sum(1 for byte in sample if byte in BINARY_CONTROLS)
    if controls > MAX_CONTROL_RATIO * len(sample):
        raise LoadError(f"{name!r} does not contain text: it looks like a binary file.")


def _damaged_utf8(raw: bytes) -> Decoded | None:
    """UTF-8 with a few broken bytes (a truncated download, a bad copy), not another codec."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    multibyte = sum(1 for char in text if ord(char) > 0x7F and char != "\ufffd")
    if bad <= MAX_DAMAGE_RATIO * len(text) and multibyte > bad:
        notice = "Some bytes are not valid UTF-8; they are shown as \ufffd."
        return Decoded(text, "utf-8", [notice])
    return None


def _western(raw: bytes) -> Decoded | None:
    """Windows-1252 when the text reads as a Western European language (mostly ASCII letters)."""
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [char for char in text if char.isalpha()]
    accented = sum(1 for char in letters if ord(char) > 0x7F)
    if letters and accented <= 0.3 * len(letters):
        return Decoded(text, "cp1252")
    return None


def _checked(decoded: Decoded, name: str) -> Decoded:
    """Refuse decoded text that is mostly control characters or replacement marks."""
    sample = decoded.text[:SAMPLE]
    if not sample.strip():
        raise LoadError(f"The file {name!r} contains no text.")
    noise = len(_NON_TEXT.findall(sample))
    if noise > MAX_CONTROL_RATIO * len(sample):
        raise LoadError(f"{name!r} does not contain readable text: it looks like a binary file.")
    return decoded
