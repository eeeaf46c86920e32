"""Reopening annotated copies: exact, without the model, and refusing tampered files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core import schema
from reader.core.documents import RESTORED_NOTICE, open_document
from reader.core.errors import AnnotationFormatError, LoadError
from reader.core.export.formats import save
from reader.core.export.html import EMBED_ID, embed_json
from reader.core.export.reopen import is_annotated_copy, load_annotated
from reader.core.model import Annotations, Article, Mention


@pytest.mark.model
@pytest.mark.parametrize("suffix", [".json", ".html"])
def test_round_trip_is_byte_identical(
    analysed_sample: Annotations, sample_copy: Path, tmp_path: Path, suffix: str
) -> None:
    """analyse -> save -> reopen -> save gives the same annotation JSON, byte for byte."""
    before = sample_copy.read_bytes()
    first = save(analysed_sample, tmp_path / f"first{suffix}")
    reopened = load_annotated(first)
    second = save(reopened, tmp_path / f"second{suffix}")
    assert schema.dumps(reopened) == schema.dumps(analysed_sample)
    assert first.read_bytes() == second.read_bytes()
    assert reopened.article.format == "annotated"
    assert sample_copy.read_bytes() == before


def test_reopened_copy_keeps_every_field(small: Annotations, tmp_path: Path) -> None:
    small.entities[0].source = "user"
    reopened = load_annotated(save(small, tmp_path / "copy.html"))
    assert schema.to_dict(reopened) == schema.to_dict(small)
    assert reopened.article.title == small.article.title
    assert reopened.quotes == small.quotes and reopened.dates == small.dates


def test_hostile_text_survives_html_round_trip(hostile: Annotations, tmp_path: Path) -> None:
    reopened = load_annotated(save(hostile, tmp_path / "copy.html"))
    assert schema.dumps(reopened) == schema.dumps(hostile)


def test_open_document_restores_copies_and_loads_articles(
    small: Annotations, sample_copy: Path, tmp_path: Path
) -> None:
    copy = save(small, tmp_path / "copy.html")
    restored = open_document(copy)
    assert isinstance(restored, Annotations)
    assert restored.article.notices == [RESTORED_NOTICE]
    assert isinstance(open_document(save(small, tmp_path / "copy.json")), Annotations)
    article = open_document(sample_copy)
    assert isinstance(article, Article) and article.format == "txt"


def test_ordinary_web_page_is_not_an_annotated_copy(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><body><p>About the {EMBED_ID} block of Entity Reader.</p></body></html>",
        encoding="utf-8",
    )
    assert not is_annotated_copy(page)
    assert not is_annotated_copy(tmp_path / "missing.html")
    assert is_annotated_copy(tmp_path / "anything.json")


def _tamper(tmp_path: Path, small: Annotations, edit) -> Path:  # type: ignore[no-untyped-def]
    copy = save(small, tmp_path / "copy.html")
    copy.write_text(edit(copy.read_text(encoding="utf-8")), encoding="utf-8")
    return copy


def _with_json(change):  # type: ignore[no-untyped-def]
    """An edit of the page that changes its embedded JSON data."""

    def edit(page: str) -> str:
        head, rest = page.split(f'id="{EMBED_ID}">', 1)
        payload, tail = rest.split("</script>", 1)
        data = json.loads(payload)
        change(data)
        return f'{head}id="{EMBED_ID}">{embed_json(json.dumps(data))}</script>{tail}'

    return edit


def _set(path: list, value) -> object:  # type: ignore[no-untyped-def,type-arg]
    def change(data: dict) -> None:  # type: ignore[type-arg]
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


TAMPERING = {
    "mention text changed": (
        _with_json(_set(["entities", 0, "mentions", 0, "text"], "Someone")),
        "does not match the article text",
    ),
    "mention outside text": (
        _with_json(_set(["entities", 0, "mentions", 0, "end"], 10**6)),
        "outside the article",
    ),
    "article text edited": (
        _with_json(_set(["article", "text"], "Short.")),
        "damaged",
    ),
    "wrong version": (_with_json(_set(["version"], 99)), "unsupported version 99"),
    "offset is a string": (
        _with_json(_set(["entities", 0, "mentions", 0, "start"], "0")),
        "no valid start",
    ),
    "bad date": (_with_json(_set(["article", "published"], "yesterday")), "YYYY-MM-DD"),
    "unknown speaker": (_with_json(_set(["quotes", 0, "speaker_id"], "e99")), "unknown speaker"),
    "entities not a list": (_with_json(_set(["entities"], {"e1": 1})), "not a list"),
    "broken JSON": (
        lambda page: page.replace('"format"', '"format', 1),
        "not valid JSON",
    ),
    "block removed": (
        lambda page: page.replace(f'id="{EMBED_ID}"', 'id="other"'),
        "lost its annotations",
    ),
    "block doubled": (
        lambda page: page.replace(
            "</body>", f'<script type="application/json" id="{EMBED_ID}">{{}}</script></body>'
        ),
        "more than one set",
    ),
    "wrong type": (
        lambda page: page.replace('type="application/json"', 'type="text/javascript"'),
        "not marked as JSON",
    ),
    "deeply nested": (
        lambda page: page.replace(
            '"pipeline":', '"x": ' + "[" * 100000 + "]" * 100000 + ', "pipeline":'
        ),
        "",
    ),
    "cut short": (lambda page: page[: len(page) // 2], "may be incomplete"),
    "cut inside the annotations": (
        lambda page: page[: page.index(EMBED_ID) + 500],
        "not valid JSON",
    ),
}


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_tampered_copy_is_refused_with_a_clear_message(
    small: Annotations, tmp_path: Path, case: str
) -> None:
    edit, message = TAMPERING[case]
    copy = _tamper(tmp_path, small, edit)
    with pytest.raises(AnnotationFormatError) as caught:
        load_annotated(copy)
    assert caught.value.message.startswith("'copy.html' cannot be reopened.")
    assert message in caught.value.message
    # an Entity Reader page is never opened as an ordinary web page instead
    assert is_annotated_copy(copy)
    with pytest.raises(AnnotationFormatError):
        open_document(copy)


def test_non_utf8_and_non_copies_are_refused(tmp_path: Path) -> None:
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"é": 1}'.encode("latin-1"))
    with pytest.raises(AnnotationFormatError, match="not UTF-8"):
        load_annotated(latin)
    other = tmp_path / "other.json"
    other.write_text('{"format": "something-else"}', encoding="utf-8")
    with pytest.raises(AnnotationFormatError, match="not an Entity Reader file"):
        load_annotated(other)
    with pytest.raises(AnnotationFormatError, match=r"expected a \.json or \.html"):
        load_annotated(tmp_path / "article.txt")
    with pytest.raises(LoadError, match="does not exist"):
        load_annotated(tmp_path / "missing.json")


COPIES = Path(__file__).resolve().parents[2] / "fixtures" / "copies"


@pytest.mark.parametrize(
    "name", ["02_wildfire.before-headlines.html", "02_wildfire.before-headlines.json"]
)
def test_copies_made_before_headlines_were_analysed_still_reopen(name: str, tmp_path: Path) -> None:
    """Issue 16 item 3: a copy without title_mentions reopens as it was saved, and saves again."""
    path = COPIES / name
    reopened = load_annotated(path)
    assert reopened.article.title == "Wildfires force thousands from homes in Greece"
    assert reopened.entities and all(not e.title_mentions for e in reopened.entities)
    if path.suffix == ".json":
        assert json.loads(schema.dumps(reopened)) == json.loads(path.read_text(encoding="utf-8"))
    again = load_annotated(save(reopened, tmp_path / f"again{path.suffix}"))
    assert schema.to_dict(again) == schema.to_dict(reopened)


def test_html_copy_marks_the_headline_names(small: Annotations, tmp_path: Path) -> None:
    """The exported copy highlights the title's names as the text's, and reopens them."""
    entity = small.entities[0]
    small.article.title = f"{entity.mentions[0].text} and the rest"
    entity.title_mentions = [Mention(0, len(entity.mentions[0].text), entity.mentions[0].text)]
    page = save(small, tmp_path / "copy.html")
    html = page.read_text(encoding="utf-8")
    header = html[html.index("<header>") : html.index("</header>")]
    assert f'data-entity="{entity.id}"' in header and "<mark " in header
    reopened = load_annotated(page)
    assert reopened.entities[0].title_mentions == entity.title_mentions
