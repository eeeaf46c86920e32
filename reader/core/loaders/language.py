"""A cheap check that a text is English, so the reader can be told when the model will struggle.

The entity model is trained on English; on German, Chinese or Bengali text it misses and
mislabels names. Function words make up a fifth or more of any English text and almost none
of other languages' text, which is enough to tell the two apart without another model.
"""

from __future__ import annotations

import re

_FUNCTION_WORDS = (
    "the of and to a in is that for it was on with as by at he she said from his her are "
    "be have has this not but an they were been will would who which their its"
)
ENGLISH_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
MIN_WORDS = 30
MIN_SHARE = 0.08
SAMPLE_CHARS = 20_000
NOTICE = (
    "This article does not seem to be in English; names may be missed or mislabelled, "
    "because the entity model is trained on English text."
)
_WORD = re.compile(r"[^\W\d_]+")


def looks_english(text: str) -> bool | None:
    """True or False for enough text to judge, None when there is too little."""
    sample = text[:SAMPLE_CHARS]
    letters = [char for char in sample if char.isalpha()]
    if len(letters) < 100:
        return None
    if sum(1 for char in letters if char.isascii()) < 0.5 * len(letters):
        return False
    words = [word.lower() for word in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    share = sum(1 for word in words if word in ENGLISH_FUNCTION_WORDS) / len(words)
    return share >= MIN_SHARE


def language_notice(text: str) -> str | None:
    """The notice to show when ``text`` is clearly not English."""
    return NOTICE if looks_english(text) is False else None
