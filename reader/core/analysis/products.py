"""Names of programming languages, software and formats are none of our entity types.

The small model calls "Rust" an organization, "JSON" a person and "C++" a place: it knows
these names from news, where a capitalised name mostly is a body or a person. Technical text
shows what such a name is by the words the parse puts around it (linguistic patterns, not a
list of languages):

1. the name modifies a noun that only software has: "the Rust compiler", "a fast JSON
   parser", "C++ libraries", "the Python language";
2. a version number modifies it: "Python 3.6", "Python 3.6.0 is out";
3. it is what code is written in: "rewritten in Rust", "implemented in Zig";
4. a class noun of software stands beside it: "languages like C or C++", "formats such as
   JSON", "Haskell and other languages".

One sense per article (as ``one_sense`` and ``org_context`` do for other senses): once one
mention shows a name is software, every mention written the same way is typed none of ours.
A person's surname named in full elsewhere ("Ada Lovelace" for a later "Lovelace code"), a known
place and a company's legal name keep their type; so does a name that ``org_context`` then
calls an organization ("the company Zig"), since that pass retypes untyped candidates.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from reader.core.analysis import first_names, name_kinds, person_names, places
from reader.core.analysis.candidates import Candidate
from reader.core.analysis.countries import country_key, normalise, territory_code
from reader.core.analysis.doc_columns import char_tokens, span, span_texts
from reader.core.analysis.literal_trie import first_chars, longest_first
from reader.core.analysis.runner import doc_text
from reader.core.model import ORGANIZATION, PERSON, PLACE

_SOFTWARE_HEADS = """
    language languages compiler compilers interpreter interpreters syntax parser parsers
    library libraries framework frameworks toolchain toolchains runtime bindings crate crates
"""
SOFTWARE_HEADS: frozenset[str] = frozenset(_SOFTWARE_HEADS.split())
"""Lower-case nouns a name modifies only when it names software (pattern 1). Nouns a company
has as well ("code", "developers", "programmers", "version", "format") are left out: one such
mention would otherwise unmake a company's name in the whole article."""

_SOFTWARE_CLASSES = "language languages library libraries framework frameworks format formats"
SOFTWARE_CLASSES: frozenset[str] = frozenset(_SOFTWARE_CLASSES.split())
"""Lower-case class nouns of software, for "languages like X" and "X and other formats" (word
forms: the pipeline has no lemmatizer)."""

_CODE_VERBS = """
    write writes wrote written writing rewrite rewrites rewrote rewritten rewriting implement
    implements implemented implementing code coded coding program programmed programming port
    ported porting
"""
CODE_VERBS: frozenset[str] = frozenset(_CODE_VERBS.split())
"""Verbs whose "in X" is the language the code is in (pattern 3), as written."""

_VERSION = re.compile(r"v?\d+(?:\.\d+)+")
_RETYPED = (ORGANIZATION, PERSON, PLACE)


def _known_place(text: str) -> bool:
    return bool(
        country_key(text) or territory_code(text) or places.is_city(text) or places.state_name(text)
    )


def modifies_software_noun(span: Any) -> bool:
    """Pattern 1: "the Rust compiler", "C++ JSON libraries" (the name's root modifies a
    lower-case software noun after it)."""
    root = span.root
    head = root.head
    return bool(
        root.dep_ in ("compound", "nmod", "amod")
        and head.i >= span.end
        and head.is_lower
        and head.lower_ in SOFTWARE_HEADS
    )


def has_version_number(span: Any) -> bool:
    """Pattern 2: "Python 3.6", "Python 3.6.0 is" (a dotted number right after the name,
    which the parse links to it: not "Nvidia 3.5 percent")."""
    doc = span.doc
    if span.end >= len(doc) or not _VERSION.fullmatch(doc[span.end].text):
        return False
    number = doc[span.end]
    return number.head.i in range(span.start, span.end) or span.root.head.i == number.i


def language_of_code(span: Any) -> bool:
    """Pattern 3: "rewritten in Rust", "implemented in Zig"."""
    root = span.root
    prep = root.head
    return bool(root.dep_ == "pobj" and prep.lower_ == "in" and prep.head.lower_ in CODE_VERBS)


def _software_class(token: Any) -> bool:
    return bool(token.is_lower and token.lower_ in SOFTWARE_CLASSES)


def _class_before(prep: Any) -> bool:
    """The class noun "like" or "such as" hangs on, or that is written right before it ("the
    languages, like C": the parse may hang "like" on the verb)."""
    doc = prep.doc
    before = [doc[i] for i in (prep.i - 1, prep.i - 2) if i >= 0]
    if prep.lower_ == "as" and before and before[0].lower_ == "such":
        before = [doc[i] for i in (prep.i - 2, prep.i - 3) if i >= 0]
    if before and before[0].text == ",":
        before = before[1:]
    return _software_class(prep.head) or bool(before and _software_class(before[0]))


def beside_software_class(span: Any) -> bool:
    """Pattern 4: "languages like C or C++", "formats such as JSON", "Haskell and other
    languages" (the first of the coordinated names is looked at)."""
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    prep = first.head
    if first.dep_ == "pobj" and prep.lower_ in ("like", "as") and _class_before(prep):
        return True
    return any(
        conj.dep_ == "conj"
        and _software_class(conj)
        and any(c.lower_ == "other" for c in conj.children)
        for conj in first.children
    )


def shows_software(span: Any) -> bool:
    """One mention of a name whose parse says it names software (patterns 1-4)."""
    return (
        modifies_software_noun(span)
        or has_version_number(span)
        or language_of_code(span)
        or beside_software_class(span)
    )


def _surnames(doc: Any, cands: list[Candidate]) -> set[str]:
    """The surnames of people named in full with a first name ("Lovelace" of "Ada
    Lovelace"), which stay people: not the last word of "Rust Latam" tagged PERSON."""
    found = set()
    of = span_texts(doc)
    for c in cands:
        if c.type != PERSON:
            continue
        words = normalise(of(c.start, c.end)).split()
        if len(words) >= 2 and sum(first_names.births(words[0])) >= person_names.FIRST_NAME_BIRTHS:
            found.add(words[-1])
    return found


def software_names(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """Candidates whose name one of its mentions (tagged or not) shows to be software lose
    their type (one sense per article); the others are returned as they were."""
    surnames = _surnames(doc, cands)
    of = span_texts(doc)  # a Span's text without the Span (every candidate is read)
    surfaces = {
        text
        for c in cands
        if c.type in _RETYPED
        and not c.fixed
        and (text := of(c.start, c.end))
        and normalise(text) not in surnames
        and not _known_place(text)
        and not name_kinds.company_name(text)
    }
    if not surfaces:
        return cands
    pattern = re.compile(
        first_chars(surfaces) + r"(?<![\w.+#])(?:" + longest_first(surfaces) + r")(?![\w+#])"
    )
    software: set[str] = set()
    for match in pattern.finditer(doc_text(doc)):
        if match.group() in software:
            continue
        tokens = char_tokens(doc, *match.span())
        if tokens is not None and shows_software(span(doc, *tokens)):
            software.add(match.group())
    if not software:
        return cands
    return [
        replace(c, type=None, key=None)
        if c.type in _RETYPED and not c.fixed and of(c.start, c.end) in software
        else c
        for c in cands
    ]
