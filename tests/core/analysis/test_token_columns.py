"""Rules that read token columns (``runner.token_column``) instead of a Token per index give
what the per-token definition gives, on sentences written for these tests."""

from __future__ import annotations

from reader.core.analysis import doc_columns, org_context, rules, runner
from reader.core.analysis.runner import parse_text

TEXT = (
    "The retailer Brantwell said President Okafor met IBM and the BioMarine team.\n\n"
    "A Zoomit spokesperson, Dr Lee, declined; 'X' and Ü-Bahn ran late. "
)


def test_name_flags_are_each_tokens_name_test(nlp) -> None:
    doc = parse_text(nlp, TEXT)
    flags = org_context._name_flags(doc)
    assert flags == [org_context._name_token(token) for token in doc]
    assert any(flags) and not all(flags)


LINES = (
    "Chief Executive Review\nThe firm Varnholt said so.  \n \nMore text:\nSales rose. "
    "They grew\n again, the groups such as Corvane said."
)


def test_doc_columns_are_each_tokens_attributes(nlp) -> None:
    doc = parse_text(nlp, LINES)
    assert doc_columns.sent_starts(doc) == [bool(t.is_sent_start) for t in doc]
    initial = doc_columns.sentence_initial(doc)
    assert initial == [rules.is_sentence_initial(t) for t in doc]
    assert any(initial) and not all(initial)
    assert doc_columns.sentence_initial(doc) is initial
    pairs = [(a, b) for a in range(len(doc)) for b in range(a, min(a + 4, len(doc)) + 1)]
    assert [doc_columns.span_text(doc, a, b) for a, b in pairs] == [doc[a:b].text for a, b in pairs]


def test_word_hashes_match_the_lower_and_pos_columns(nlp) -> None:
    doc = parse_text(nlp, LINES)
    lower, pos = runner.token_column(doc, "LOWER"), runner.token_column(doc, "POS")
    nouns = doc_columns.word_hashes(doc, ("firm", "groups", "sales"))
    assert [h in nouns for h in lower] == [t.lower_ in ("firm", "groups", "sales") for t in doc]
    assert [p == doc.vocab.strings["NOUN"] for p in pos] == [t.pos_ == "NOUN" for t in doc]


def test_subject_deps_match_the_dep_column(nlp) -> None:
    from reader.core.analysis.speakers import SUBJECT_DEPS

    doc = parse_text(nlp, "Mara Quill said the plan was approved. It was delayed, she added.")
    subjects = doc_columns.word_hashes(doc, SUBJECT_DEPS)
    flags = [dep in subjects for dep in runner.token_column(doc, "DEP")]
    assert flags == [t.dep_ in SUBJECT_DEPS for t in doc]
    assert any(flags) and not all(flags)


def test_char_tokens_are_char_spans_bounds_at_every_offset(nlp) -> None:
    doc = parse_text(nlp, "Dr. Ines Varga-Holt said:  “It's done.”\n\n Then  she left.")
    size = len(doc.text)
    for mode in ("strict", "contract", "expand"):
        for start in range(-1, size + 2):
            for end in range(start, size + 2):
                span = doc.char_span(start, end, alignment_mode=mode)
                expected = None if span is None else (span.start, span.end)
                assert doc_columns.char_tokens(doc, start, end, mode) == expected, (mode, start)


def test_span_is_the_docs_slice(nlp) -> None:
    doc = parse_text(nlp, "Tobin Quarle of Velmark Mills wrote back.")
    for start in range(-2, len(doc) + 2):
        for end in range(-2, len(doc) + 2):
            assert doc_columns.span(doc, start, end) == doc[start:end], (start, end)
    assert doc_columns.span(doc, 0, 2).text == "Tobin Quarle"


def test_sentences_are_doc_sents_read_once(nlp) -> None:
    doc = parse_text(nlp, LINES)
    bounds = doc_columns.sentences(doc)
    assert bounds == [(s.start, s.end) for s in doc.sents] and len(bounds) > 2
    assert doc_columns.sentences(doc) is bounds
    chars = doc_columns.sentence_chars(doc)
    assert chars == [(s.start_char, s.end_char) for s in doc.sents]
    assert doc_columns.sentence_chars(doc) is chars


SPAN_EDGES = (
    "The 4th District Court of Appeal heard pro-Russian claims, Harlow’s Co-operation said; "
    "Apple 500 million  \n twelve (12) ‘quoted’ words!"
)


def test_the_columns_clean_span_reads_are_each_tokens_flags(nlp) -> None:
    """``rules.clean_span`` reads these columns for the Token attributes of the same names."""
    doc = parse_text(nlp, SPAN_EDGES)
    for attr, flag in (
        ("IS_PUNCT", "is_punct"), ("IS_SPACE", "is_space"), ("IS_LOWER", "is_lower"),
        ("IS_TITLE", "is_title"), ("IS_ALPHA", "is_alpha"), ("LIKE_NUM", "like_num"),
    ):  # fmt: skip
        column = runner.token_column(doc, attr)
        assert [bool(v) for v in column] == [getattr(t, flag) for t in doc], attr
        assert any(column) and not all(column), attr
    spacy = runner.token_column(doc, "SPACY")
    assert [bool(v) for v in spacy] == [bool(t.whitespace_) for t in doc]
