"""Hostile annotated copies on disk, .json and .html, through the app's one way to open a file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.documents import open_document
from reader.core.errors import AnnotationFormatError, LoadError
from reader.core.export.formats import save
from reader.core.export.html import EMBED_ID, embed_json
from reader.core.export.reopen import MAX_BYTES
from reader.core.schema import loads
from tests.security.hostile_json import CASES, valid_text
from tests.security.watchdog import watchdog

HANG_SECONDS = 60


def _html_copy(json_text: str) -> str:
    """A page shaped like the app's copy, carrying ``json_text`` as its annotation block."""
    return (
        '<!DOCTYPE html><html><head><meta name="generator" content="Entity Reader 0.1.0">'
        f'</head><body><main>text</main><script type="application/json" id="{EMBED_ID}">'
        f"{embed_json(json_text)}</script></body></html>"
    )


def _refused(path: Path) -> str:
    with watchdog(HANG_SECONDS, path.name), pytest.raises((AnnotationFormatError, LoadError)) as e:
        open_document(path)
    message = e.value.message
    assert message and len(message) < 300 and "Traceback" not in message
    return message


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_json_copy_is_refused(name: str, tmp_path: Path) -> None:
    path = tmp_path / "copy.json"
    path.write_text(CASES[name](), encoding="utf-8")
    _refused(path)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_html_copy_is_refused(name: str, tmp_path: Path) -> None:
    path = tmp_path / "copy.html"
    path.write_text(_html_copy(CASES[name]()), encoding="utf-8")
    _refused(path)


def _valid_page(tmp_path: Path) -> str:
    return save(loads(valid_text()), tmp_path / "good.html").read_text(encoding="utf-8")


def html_cases(tmp_path: Path) -> dict[str, str | bytes]:
    good = _valid_page(tmp_path)
    block_start = good.index(f'<script type="application/json" id="{EMBED_ID}">')
    block_end = good.index("</script>", block_start) + len("</script>")
    block = good[block_start:block_end]
    return {
        "two annotation blocks": good.replace(block, block + block),
        "block removed": good.replace(block, ""),
        "block not json type": good.replace('type="application/json"', 'type="text/javascript"'),
        "block cut short": good[: block_start + 200],
        "block unterminated": good.replace(block, block[: -len("</script>")]),
        "json escaped away": good.replace(block, block.replace('"', "&quot;")),
        "page truncated at half": good[: len(good) // 2],
        "not utf-8": good.encode("utf-8").replace(b"Emmanuel", b"\xff\xfe\xfd", 1),
        "nul bytes in the block": good.replace(block, block.replace("Emmanuel", "\x00\x00")),
        "block inside a comment": good.replace(block, "<!--" + block + "-->"),
        "mark with no block": '<meta name="generator" content="Entity Reader x"><p>hi</p>',
    }


def harmless_cases(good: str) -> dict[str, str]:
    """Alterations outside the annotation block: the copy opens, in bounded time."""
    return {
        "deep markup before the block": good.replace("<main>", "<main>" + "<div>" * 200_000, 1),
        "charset lie": good.replace("<head>", '<head><meta charset="utf-16">', 1),
        "visible text edited": good.replace("Volodymyr", "<b>Somebody</b>", 1),
        "script added to the body": good.replace("<main>", "<main><script>alert(1)</script>", 1),
    }


def test_hostile_html_structure_is_refused(tmp_path: Path) -> None:
    for name, content in html_cases(tmp_path).items():
        path = tmp_path / f"{name.replace(' ', '-')}.html"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        _refused(path)


def test_alterations_outside_the_block_open_in_bounded_time(tmp_path: Path) -> None:
    """The visible markup is never trusted or read back: only the block counts."""
    for name, content in harmless_cases(_valid_page(tmp_path)).items():
        path = tmp_path / f"{name.replace(' ', '-')}.html"
        path.write_text(content, encoding="utf-8")
        with watchdog(HANG_SECONDS, name):
            ann = open_document(path)
        assert ann.article.text == loads(valid_text()).article.text, name


def test_a_copy_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    for suffix in (".json", ".html"):
        path = tmp_path / f"huge{suffix}"
        with path.open("wb") as handle:  # sparse: costs no disk
            handle.write(b'{"format": "entity-reader"')
            handle.truncate(MAX_BYTES + 1)
        assert os.path.getsize(path) > MAX_BYTES
        assert "too large" in _refused(path)


def test_the_valid_copies_still_open(tmp_path: Path) -> None:
    for suffix in (".json", ".html"):
        ann = open_document(save(loads(valid_text()), tmp_path / f"ok{suffix}"))
        assert ann.entities[0].name == "Emmanuel Macron"
