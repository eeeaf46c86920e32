"""The model's attribute ruler as table look-ups: the same tokens get the same attributes.

spaCy's English models map the tagger's fine tags to coarse POS, morphology and some lemmas
with an ``attribute_ruler`` of ~180 rules run by a ``Matcher``: a sixth of the pipeline's CPU
time on news text, though every rule is one or two tokens compared for equality (or
membership of a set) on TAG, LOWER, DEP or IS_SPACE. ``CompiledAttributeRuler`` finds the
same matches by dictionary look-up per token and applies them in the ruler's own order (by
rule, later rules winning): POS, MORPH and LEMMA through one ``Doc.from_array``, anything else
through spaCy's own ``set_token_attrs``, so every token ends with the attributes the ruler
gives it. A ruler holding any other kind of pattern (operators, other attributes) is left as
it is.

``bench/pipeline_same.py`` checks the claim on every fixture and real news page: the same
token arrays and the same analysis with and without the swap.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "reader_compiled_attribute_ruler"
KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
"""Token attributes a rule may compare (each for plain equality)."""
COLUMNS = (TAG, LOWER, DEP, IS_SPACE)
ARRAY_SET = (POS, MORPH, LEMMA)
"""What nearly every rule sets: written with one ``Doc.from_array``; anything else per token."""
ROW_MEMORY = 200_000
"""Distinct token values remembered (a few MB) before the memory starts afresh."""
ARRAY_COLUMN = {attr: i for i, attr in enumerate(ARRAY_SET)}

Key = tuple[tuple[int, int], ...]
"""Sorted ``(column, value)`` pairs a token must have (the look-up key)."""


class TokenTest(NamedTuple):
    """One token of a pattern: the values it must have, and further tests (``NOT_IN`` a set
    of values, a ``REGEX`` searched in the attribute's string, as spaCy's Matcher does)."""

    key: Key
    extras: tuple[tuple[int, str, Any], ...]

    def shape(self) -> tuple[int, ...]:
        return tuple(column for column, _ in self.key)

    def passes(self, row: Sequence[int], strings: Any) -> bool:
        if not all(row[column] == value for column, value in self.key):
            return False
        for column, kind, operand in self.extras:
            if kind == "not_in":
                if row[column] in operand:
                    return False
            elif not operand.search(strings[row[column]]):
                return False
        return True


def _token_tests(spec: dict[str, Any], strings: Any) -> list[TokenTest] | None:
    """One ``TokenTest`` per alternative of the pattern's ``IN`` sets, or None if the pattern
    compares anything but ``KEYS`` or uses another operator."""
    choices: list[list[tuple[int, int]]] = []
    extras: list[tuple[int, str, Any]] = []
    for name, value in spec.items():
        name = name.upper()
        if name not in KEYS:
            return None
        column = COLUMNS.index(KEYS[name])
        if name == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            choices.append([(column, int(value))])
        elif isinstance(value, str):
            choices.append([(column, strings.add(value))])
        elif isinstance(value, dict) and len(value) == 1:
            ((operator, operand),) = value.items()
            if operator == "IN" and all(isinstance(v, str) for v in operand):
                choices.append([(column, strings.add(v)) for v in dict.fromkeys(operand)])
            elif operator == "NOT_IN" and all(isinstance(v, str) for v in operand):
                extras.append((column, "not_in", {strings.add(v) for v in operand}))
            elif operator == "REGEX" and isinstance(operand, str):
                extras.append((column, "regex", re.compile(operand)))
            else:
                return None
        else:
            return None
    return [TokenTest(tuple(sorted(pairs)), tuple(extras)) for pairs in itertools.product(*choices)]


Rule = tuple[int, tuple[TokenTest, ...]]
"""A rule's id (its index in the ruler) and the tests of one of its patterns, token by token."""


class CompiledAttributeRuler:
    """An ``AttributeRuler``'s rules, matched by look-up (see the module docstring)."""

    def __init__(self) -> None:
        self.attrs: list[dict[str, Any]] = []
        self.indices: list[int] = []
        self.shapes: list[tuple[int, ...]] = []
        """The column sets that first tokens are looked up on (about ten)."""
        self.first: dict[tuple[Any, ...], list[Rule]] = {}
        """``(shape, values)`` of a first token -> the rules that may start there."""
        self.strings: Any = None
        self.by_row: dict[tuple[int, ...], tuple[list[int], list[Rule]]] = {}
        """Token values -> ``_rules_at``, remembered across Docs."""

    def load(self, ruler: Any) -> None:
        """Take the rules of spaCy's ``AttributeRuler`` ``ruler``; ValueError if a pattern is
        beyond ``TokenTest``."""
        self.strings = strings = ruler.vocab.strings
        if len(ruler.patterns) != len(ruler.attrs):
            raise ValueError("attribute ruler patterns and rules disagree")
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        rules: list[Rule] = []
        for rule_id, rule in enumerate(ruler.patterns):  # in rule order
            for tokens in rule["patterns"]:
                options = [_token_tests(spec, strings) for spec in tokens]
                known = [o for o in options if o]
                if not options or len(known) != len(options):
                    raise ValueError(f"attribute rule {rule_id} is beyond look-ups")
                rules += [(rule_id, tests) for tests in itertools.product(*known)]
        self.shapes = sorted({tests[0].shape() for _, tests in rules})
        self.first = {}
        for rule_id, tests in rules:
            lookup = (tests[0].shape(), tuple(v for _, v in tests[0].key))
            self.first.setdefault(lookup, []).append((rule_id, tests))
        self.by_row = {}

    def _rules_at(self, row: tuple[int, ...]) -> tuple[list[int], list[Rule]]:
        """The one-token rules a token with these values matches, and the longer rules whose
        first token it matches: both depend on the values alone, so they are remembered."""
        hit = self.by_row.get(row)
        if hit is None:
            if len(self.by_row) >= ROW_MEMORY:
                self.by_row.clear()
            starting = [
                (rule_id, tests)
                for shape in self.shapes
                for rule_id, tests in self.first.get((shape, tuple(row[c] for c in shape)), ())
                if tests[0].passes(row, self.strings)
            ]
            hit = self.by_row[row] = (
                [rule_id for rule_id, tests in starting if len(tests) == 1],
                [(rule_id, tests) for rule_id, tests in starting if len(tests) > 1],
            )
        return hit

    def matches(self, rows: Sequence[tuple[int, ...]]) -> list[tuple[int, int, int]]:
        """``(rule id, start, end)`` of every match in tokens given as rows of ``COLUMNS``,
        sorted as the ruler applies them."""
        found: set[tuple[int, int, int]] = set()
        length = len(rows)
        for start, row in enumerate(rows):
            single, longer = self._rules_at(row)
            found.update((rule_id, start, start + 1) for rule_id in single)
            for rule_id, tests in longer:
                end = start + len(tests)
                rest = enumerate(tests[1:], start=1)
                if end <= length and all(
                    test.passes(rows[start + k], self.strings) for k, test in rest
                ):
                    found.add((rule_id, start, end))
        return sorted(found)

    def __call__(self, doc: Any) -> Any:
        """Set the attributes of every match, rule by rule (later rules overwrite earlier ones;
        each attribute is its own field, so collecting them first changes nothing)."""
        if not len(doc):
            return doc
        matches = self.matches(list(map(tuple, doc.to_array(list(COLUMNS)).tolist())))
        if not matches:
            return doc
        array = doc.to_array(list(ARRAY_SET))
        others: dict[int, dict[str, Any]] = {}
        for rule_id, start, end in matches:
            index = self.indices[rule_id]
            token = (start if index >= 0 else end) + index
            if not start <= token < end:
                raise ValueError(f"attribute rule {rule_id} points outside its match")
            for attr, value in self.attrs[rule_id].items():
                if attr in ARRAY_COLUMN:
                    array[token, ARRAY_COLUMN[attr]] = value
                else:
                    others.setdefault(token, {})[attr] = value
        doc.from_array(list(ARRAY_SET), array)
        for token, attrs in others.items():
            set_token_attrs(doc[token], attrs)
        return doc


@Language.factory(FACTORY)
def _make_compiled_ruler(nlp: Any, name: str) -> CompiledAttributeRuler:
    """An empty compiled ruler; ``compile_attribute_ruler`` fills it from the model's own."""
    return CompiledAttributeRuler()


def compile_attribute_ruler(nlp: Any, name: str = "attribute_ruler") -> bool:
    """Swap ``nlp``'s attribute ruler for its compiled form, in its place; False (nothing
    changed) if the pipeline has none or its rules are not all plain equality."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    try:
        CompiledAttributeRuler().load(ruler)
    except ValueError:
        return False
    names = nlp.pipe_names
    after = names[names.index(name) + 1 :]
    nlp.remove_pipe(name)
    where = {"before": after[0]} if after else {}
    nlp.add_pipe(FACTORY, name=name, **where).load(ruler)
    return True
