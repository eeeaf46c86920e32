"""The HTML copy under pressure: any valid annotations round-trip, any hostile JSON is refused."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given

from reader.core import schema
from reader.core.errors import AnnotationFormatError
from reader.core.export.formats import save
from reader.core.export.html import EMBED_ID, embed_json, render_html
from reader.core.export.reopen import load_annotated, parse_annotated
from reader.core.model import Annotations
from tests.property.budget import budget
from tests.property.strategies import annotations
from tests.security.hostile_json import CASES, valid_text
from tests.security.watchdog import watchdog


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0
        self.handlers = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        self.handlers += sum(name.startswith("on") for name, _ in attrs)


@given(annotations())
@budget(80)
def test_any_annotations_survive_the_html_copy(ann: Annotations) -> None:
    page = render_html(ann)
    again = parse_annotated(page, html=True)
    assert again == ann
    assert schema.dumps(again) == schema.dumps(ann)
    assert render_html(again) == page
    tags = _Tags()
    tags.feed(page)
    assert (tags.scripts, tags.handlers) == (2, 0)  # whatever the text, no markup gets in


def _page_with(json_text: str) -> str:
    page = render_html(schema.loads(valid_text()))
    head, rest = page.split(f'id="{EMBED_ID}">', 1)
    _old, tail = rest.split("</script>", 1)
    return f'{head}id="{EMBED_ID}">{embed_json(json_text)}</script>{tail}'


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_json_inside_a_page_is_refused(name: str, tmp_path: Path) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_page_with(CASES[name]()), encoding="utf-8")
    with watchdog(60, name), pytest.raises(AnnotationFormatError) as caught:
        load_annotated(copy)
    assert caught.value.message.startswith("'copy.html' cannot be reopened.")
    assert len(caught.value.message) < 260 and "Traceback" not in caught.value.message


def test_the_page_itself_is_fine(tmp_path: Path) -> None:
    ann = schema.loads(valid_text())
    assert load_annotated(save(ann, tmp_path / "copy.html")) == ann
