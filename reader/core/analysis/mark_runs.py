"""A long run of marks with no word in it reaches the model as one token.

Thirty-two or more characters in a row that are neither letters, digits nor spaces
(1,000,000 quotation marks, a line of "!?!?", a row of brackets) carry no language, but
spaCy's tokenizer splits most such characters one by one, and the tagger, parser and
recogniser pay for every token: a text of quotation marks parsed at about a fifth of the
speed of prose of the same size (issue 19). Such a run is one token; the rest of the chunk
is tokenized as usual, and the Doc's text is exactly the chunk's, so every offset holds.
Text without such a run goes to the model as the string it is.
"""

from __future__ import annotations

import re
from typing import Any

MIN_RUN = 32
_RUN = re.compile(rf"[^\w\s]{{{MIN_RUN},}}")


def model_input(nlp: Any, text: str) -> Any:
    """``text`` itself, or a Doc with each long run of marks as one token (see above)."""
    if _RUN.search(text) is None:
        return text
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    cursor = 0
    for match in _RUN.finditer(text):
        _tokenize(nlp, text[cursor : match.start()], words, spaces)
        words.append(match.group())
        spaces.append(False)
        cursor = match.end()
    _tokenize(nlp, text[cursor:], words, spaces)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def _tokenize(nlp: Any, piece: str, words: list[str], spaces: list[bool]) -> None:
    """Append the tokenizer's tokens of ``piece``; a space right after a run is its trailing
    space, as the tokenizer would have made it."""
    if piece.startswith(" ") and words and not spaces[-1]:
        spaces[-1] = True
        piece = piece[1:]
    if not piece:
        return
    for token in nlp.tokenizer(piece):
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
