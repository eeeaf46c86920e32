"""The article pass's shortcuts give what the longer way gives, on sentences written here:
column reads in place of Tokens, and the model spans that skip the cuts."""

from __future__ import annotations

from typing import Any

from reader.core.analysis import entities, rules, span_splits
from reader.core.analysis.runner import parse_text, token_column

TEXT = (
    "Chancellor Olaf Brenner met Minister Ada Kwame Osei in Lisbon.\n"
    "The Council for Security and Co-operation in Europe said: France’s Valmont Group - "
    "and Senator Lee's office - were late.\nCommittee on Trade in Africa, the Fund for Peace "
    "in Asia and Dr Ruth Imber ON TIME: mayor Tove Lind"
)


def _after_person_title_by_tokens(doc: Any, start: int, end: int) -> bool:
    if start == 0 or not 1 <= end - start <= 3:
        return False
    if not all(t.is_alpha and t.is_title for t in doc[start:end]):
        return False
    prev = doc[start - 1]
    return prev.lower_ in rules.PERSON_TITLES and prev.is_title


def _extend_over_region_by_tokens(doc: Any, start: int, end: int) -> int:
    name = {t.lower_ for t in doc[start:end]}
    if not name & {"for", "on"} or end + 1 >= len(doc):
        return end
    if doc[end].lower_ == "in" and doc[end + 1].text in span_splits.CONTINENTS:
        return end + 2
    return end


def _spans(doc: Any) -> list[tuple[int, int]]:
    return [(a, b) for a in range(len(doc)) for b in range(a + 1, min(a + 9, len(doc)) + 1)]


def test_after_person_title_reads_what_the_tokens_say(nlp) -> None:
    doc = parse_text(nlp, TEXT)
    found = [s for s in _spans(doc) if rules.after_person_title(doc, *s)]
    assert found == [s for s in _spans(doc) if _after_person_title_by_tokens(doc, *s)]
    assert doc[found[0][0] : found[0][1]].text == "Olaf"


def test_extend_over_region_reads_what_the_tokens_say(nlp) -> None:
    doc = parse_text(nlp, TEXT)
    ends = [span_splits.extend_over_region(doc, *s) for s in _spans(doc)]
    assert ends == [_extend_over_region_by_tokens(doc, *s) for s in _spans(doc)]
    assert any(end != s[1] for end, s in zip(ends, _spans(doc), strict=True))  # "... in Europe"


def test_a_span_without_cut_characters_is_one_piece(nlp) -> None:
    """The shortcut of ``model_candidates``: where the span's text holds no line break,
    colon, dash or apostrophe, the cuts leave it whole; elsewhere they may not."""
    doc = parse_text(nlp, TEXT)
    idx, length = token_column(doc, "IDX"), token_column(doc, "LENGTH")
    cut = 0
    for start, end in _spans(doc):
        span_chars = doc.text[idx[start] : idx[end - 1] + length[end - 1]]
        for label in ("ORG", "PERSON", "GPE"):
            pieces = entities._pieces(doc, start, end, label)
            if not entities._CUT_CHARS.search(span_chars):
                assert pieces == [(start, end)], (span_chars, label)
            elif pieces != [(start, end)]:
                cut += 1
    assert cut > 0  # the sentences do hold spans the cuts cut
