"""The chunked runner: chunks cover the text exactly, and the joined Doc's offsets index it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.analysis import runner
from reader.core.analysis.runner import chunk_spans, parse_spans, parse_text
from reader.core.loaders import load_article

PIECES = st.sampled_from(
    ["word", " ", "  ", "\n", "\r\n", ". ", "! ", "\u201d ", "\U0001f600", "\u0301", "\t", "x" * 7]
)


def _assert_cover(text: str, spans: list[tuple[int, int]], max_chars: int) -> None:
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b - a <= max_chars for a, b in spans)
    assert all(a < b for a, b in spans) or text == ""
    assert [a for a, _ in spans[1:]] == [b for _, b in spans[:-1]]


@given(st.lists(PIECES, max_size=200).map("".join), st.integers(min_value=2, max_value=60))
def test_chunks_cover_any_text_exactly(text: str, max_chars: int) -> None:
    _assert_cover(text, chunk_spans(text, max_chars), max_chars)


def test_chunks_prefer_paragraphs_then_sentences_then_spaces() -> None:
    text = "First paragraph here.\nSecond one is a bit longer. It has two sentences.\n"
    spans = chunk_spans(text, 40)
    _assert_cover(text, spans, 40)
    assert text[spans[0][0] : spans[0][1]] == "First paragraph here.\n"
    assert text[spans[1][0] : spans[1][1]] == "Second one is a bit longer. "
    words = "alpha beta gamma delta epsilon zeta eta theta"
    assert next(words[a:b] for a, b in chunk_spans(words, 12)) == "alpha beta "


def test_chunks_never_split_crlf_and_cut_hard_without_spaces() -> None:
    text = "a" * 9 + "\r\n" + "b" * 30
    for a, b in chunk_spans(text, 10):
        assert not text[a:b].startswith("\n")
    _assert_cover("z" * 25, chunk_spans("z" * 25, 10), 10)
    assert chunk_spans("") == [(0, 0)]
    assert chunk_spans("short") == [(0, 5)]


def _long_text(sample_path) -> str:
    """The sample article three times, with emoji, combining marks and CRLF line ends."""
    body = load_article(sample_path).text
    body = body.replace("Macron", "Macron \U0001f600", 1).replace("\n", "\r\n")
    parts = [f"\U0001f1fa\U0001f1e6 Part {i}: caf\u00e9\u0301.\r\n{body}" for i in range(3)]
    return "\r\n\r\n".join(parts)


@pytest.mark.model
def test_joined_doc_offsets_index_the_text_exactly(nlp, sample_path, monkeypatch) -> None:
    text = _long_text(sample_path)
    monkeypatch.setattr(runner, "CHUNK_CHARS", 1_500)
    monkeypatch.setattr(nlp, "max_length", 2_000)  # proves no chunk reaches spaCy's limit
    assert len(chunk_spans(text)) > 5
    seen: list[float] = []
    doc = parse_text(nlp, text, seen.append)
    assert doc.text == text
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 5
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text
    macron = [ent.start_char for ent in doc.ents if ent.text.startswith("Macron")]
    assert len(macron) >= 3  # found in each copy, after the chunk joins
    assert len(list(doc.sents)) > 20
    assert all(token.head.i < len(doc) for token in doc)  # dependency heads survived joining
    assert doc.tensor.size == 0  # the tok2vec output is dropped: memory on book-length text


@pytest.mark.model
def test_join_gives_what_spacy_doc_from_docs_gives(nlp, sample_path, monkeypatch) -> None:
    """Our lean join (chunk by chunk, through arrays) loses nothing Doc.from_docs keeps."""
    import numpy
    from spacy.tokens import Doc

    text = _long_text(sample_path)
    monkeypatch.setattr(runner, "CHUNK_CHARS", 1_500)
    docs = [doc for _, doc in parse_spans(nlp, text, chunk_spans(text))]
    expected = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
    attrs = [*runner.JOIN_ATTRS, "ORTH", "SPACY", "IDX", "LOWER", "SENT_START", "ENT_ID"]
    mixed = [runner.pack(doc) if i % 2 else doc for i, doc in enumerate(docs)]
    for joined in (runner.join_docs(iter(docs)), runner.join_docs(mixed)):
        assert joined.text == expected.text == text
        assert numpy.array_equal(joined.to_array(attrs), expected.to_array(attrs))
        assert [(s.start, s.end) for s in joined.sents] == [
            (s.start, s.end) for s in expected.sents
        ]
        assert [(e.start, e.end, e.label_) for e in joined.ents] == [
            (e.start, e.end, e.label_) for e in expected.ents
        ]
        assert joined.has_annotation("SENT_START") and joined.has_annotation("DEP")
    one = runner.join_docs([runner.pack(docs[0])])
    assert one.text == docs[0].text and [t.dep_ for t in one] == [t.dep_ for t in docs[0]]


@pytest.mark.model
def test_short_text_is_one_chunk_and_equals_plain_nlp(nlp, sample_path) -> None:
    text = load_article(sample_path).text
    text = text[: text.rfind("\n", 0, runner.CHUNK_CHARS)]  # whole paragraphs, under a chunk
    assert len(chunk_spans(text)) == 1
    doc = parse_text(nlp, text)
    expected = nlp(text)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
        (e.start_char, e.end_char, e.label_) for e in expected.ents
    ]
    assert [t.dep_ for t in doc] == [t.dep_ for t in expected]


@pytest.mark.model
def test_parse_spans_keeps_the_requested_order(nlp) -> None:
    text = "Angela Merkel spoke.\nJoe Biden replied.\nEmmanuel Macron left.\n"
    spans = chunk_spans(text, 22)
    order = [spans[1], spans[0], *spans[2:]]
    got = list(parse_spans(nlp, text, order))
    assert [span for span, _ in got] == order
    for (a, b), doc in got:
        assert doc.text == text[a:b]


def test_doc_text_is_the_parsed_text_built_once(nlp) -> None:
    text = "Macron met Scholz in Berlin.\n\nThey spoke on Saturday. "
    doc = parse_text(nlp, text)
    first = runner.doc_text(doc)
    assert first == doc.text == text
    assert runner.doc_text(doc) is first  # read from the Doc, not joined again


def test_token_column_is_each_tokens_attribute_read_once(nlp) -> None:
    text = "Kofi Annan spoke , then left.\n\n“Yes,” he said. "
    doc = parse_text(nlp, text)
    assert runner.token_column(doc, "IDX") == [t.idx for t in doc]
    assert runner.token_column(doc, "LENGTH") == [len(t.text) for t in doc]
    assert runner.token_column(doc, "IS_PUNCT") == [int(t.is_punct) for t in doc]
    assert runner.token_column(doc, "IS_SPACE") == [int(t.is_space) for t in doc]
    assert runner.token_column(doc, "IDX") is runner.token_column(doc, "IDX")


def test_doc_ents_are_the_models_entities_read_once(nlp) -> None:
    doc = parse_text(nlp, "Angela Merkel visited Paris on Monday with Siemens.")
    ents = runner.doc_ents(doc)
    assert [(e.start, e.end, e.start_char, e.end_char, e.label_) for e in ents] == [
        (e.start, e.end, e.start_char, e.end_char, e.label_) for e in doc.ents
    ]
    assert ents and runner.doc_ents(doc) is ents
