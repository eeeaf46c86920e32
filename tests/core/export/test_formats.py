"""JSON, JSONL and DocBin exports, and the save() that writes every format."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from reader.core import schema
from reader.core.errors import ReaderError
from reader.core.export.formats import FORMATS, render, render_bytes, save
from reader.core.export.jsonl import render_jsonl
from reader.core.model import Annotations, Mention


def test_json_is_schema_v1_with_newline(small: Annotations) -> None:
    out = render(small, "json")
    assert out == schema.dumps(small) + "\n"
    assert json.loads(out)["version"] == 1


def test_jsonl_is_one_line_of_prodigy_spans(small: Annotations) -> None:
    out = render_jsonl(small)
    assert out.endswith("\n") and out.count("\n") == 1
    record = json.loads(out)
    assert record["text"] == small.article.text
    assert record["meta"] == {
        "source": "/articles/macron.txt",
        "title": "Macron and Scholz",
        "published": "2025-03-17",
    }
    spans = record["spans"]
    assert all(set(s) == {"start", "end", "label"} for s in spans)
    assert [s["start"] for s in spans] == sorted(s["start"] for s in spans)
    text = record["text"]
    got = {(text[s["start"] : s["end"]], s["label"]) for s in spans}
    assert ("Emmanuel Macron", "PERSON") in got and ("Macron", "PERSON") in got
    assert ("NATO", "ORGANIZATION") in got and ("France", "COUNTRY") in got
    assert len(spans) == 9


def test_jsonl_keeps_non_ascii_text_unescaped(small: Annotations) -> None:
    small.article.text = small.article.text.replace("Saturday", "Saturdäy")
    assert "Saturdäy" in render_jsonl(small)


def test_docbin_round_trips_through_spacy(small: Annotations) -> None:
    import spacy
    from spacy.tokens import DocBin

    data = render_bytes(small, "spacy")
    docs = list(DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.text == small.article.text
    ents = {(e.text, e.label_, e.kb_id_) for e in doc.ents}
    assert ("Emmanuel Macron", "PERSON", "Emmanuel Macron") in ents
    assert ("Macron", "PERSON", "Emmanuel Macron") in ents
    assert ("Berlin", "PLACE", "Berlin") in ents
    assert len(doc.spans["entities"]) == 9
    assert doc.user_data["entity_reader"]["published"] == "2025-03-17"


def test_docbin_keeps_overlaps_in_spans_and_widens_partial_tokens(small: Annotations) -> None:
    import spacy
    from spacy.tokens import DocBin

    text = small.article.text
    start = text.index("Emmanuel Macron")
    small.entities[1].mentions.append(Mention(start + 1, start + 8, "mmanuel", "user"))
    doc = next(DocBin().from_bytes(render_bytes(small, "spacy")).get_docs(spacy.blank("en").vocab))
    spans = {(s.text, s.label_) for s in doc.spans["entities"]}
    assert ("Emmanuel", "PERSON") in spans and ("Emmanuel Macron", "PERSON") in spans
    assert [e.text for e in doc.ents].count("Emmanuel Macron") == 1  # ents never overlap


def test_render_refuses_binary_as_text_and_unknown_formats(small: Annotations) -> None:
    with pytest.raises(ReaderError, match="binary"):
        render(small, "spacy")
    with pytest.raises(ReaderError, match="Unknown output format"):
        render_bytes(small, "docx")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_save_writes_each_format_by_suffix(small: Annotations, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"copy{FORMATS[fmt].suffix}"
    save(small, target)
    assert target.read_bytes() == render_bytes(small, fmt)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_saved_copy_is_readable_by_others_like_any_new_file(
    small: Annotations, tmp_path: Path
) -> None:
    target = save(small, tmp_path / "copy.html")
    assert stat.S_IMODE(target.stat().st_mode) & 0o044 == 0o044
    target.chmod(0o600)
    save(small, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_save_never_writes_over_the_original_article(small: Annotations, tmp_path: Path) -> None:
    original = tmp_path / "article.html"
    original.write_text("<p>the original</p>", encoding="utf-8")
    small.article.source = str(original)
    with pytest.raises(ReaderError, match="original article"):
        save(small, original)
    with pytest.raises(ReaderError, match="original article"):
        save(small, tmp_path / "." / "article.html", "html")
    assert original.read_text(encoding="utf-8") == "<p>the original</p>"


def test_save_needs_a_known_suffix_or_format(small: Annotations, tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="Cannot tell the format"):
        save(small, tmp_path / "copy.docx")
    save(small, tmp_path / "copy.txt", "json")
    assert json.loads((tmp_path / "copy.txt").read_text(encoding="utf-8"))["version"] == 1
