"""Rules that read token columns (``runner.token_column``) instead of a Token per index give
what the per-token definition gives, on sentences written for these tests."""

from __future__ import annotations

from reader.core.analysis import org_context
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
