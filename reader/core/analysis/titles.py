"""Titles and descriptions that name someone again: "the French president", "the company".

A person's mention often carries a title, before the name ("French President Emmanuel Macron")
or as an apposition ("Cindy McCain, the agency's executive director", "Fiji's Prime Minister,
Dr Jone Tabua", "Peter Adams, Minister of Education"), across the honorifics and styles written
between role and name ("Prime Minister, Dr the Rt. Hon. Jane Roe"); an organization's, a
description ("ispace, the Tokyo-based company"). A later definite noun phrase whose head noun
and modifiers all appear among those words refers back to the nearest such mention (a country
or nationality among them must agree: "the Italian leader" is whoever "Italy's" or "Italian"
introduced); failing that, "the commission" is the organization with that noun in its name
("European Commission").
Honorifics and family words among the titles ("Ms", "his brother") also tell a person's sex,
which pronoun resolution uses.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from reader.core.analysis.countries import country_code, demonym_code
from reader.core.analysis.rules import HONORIFICS
from reader.core.model import ORGANIZATION, PERSON, Entity

_TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
GENERIC_LEADERS = frozenset({"leader", "premier", "head"})
"""Nouns that name a country's leader whatever their title: "the Italian leader"."""
_POSSESSIVE = frozenset({"'s", "’s"})
_IGNORED_MODIFIERS = frozenset({"former", "then", "new", "current", "outgoing", "-", "de", "la"})
_STYLE_WORDS = HONORIFICS | {"rt", "right", "honourable", "honorable", "excellency"}
"""Honorifics and styles written between a role and the name ("Prime Minister, Dr the Rt.
Hon. Keith Mitchell"): they say how a person is addressed, not which office they hold."""
MALE_WORDS = frozenset(
    {
        "mr", "sir", "lord", "king", "prince", "brother", "father", "son", "husband", "uncle",
        "nephew", "spokesman", "chairman", "businessman", "congressman", "monsieur", "herr",
        "grandfather", "boyfriend",
    }
)  # fmt: skip
FEMALE_WORDS = frozenset(
    {
        "mrs", "ms", "miss", "madam", "madame", "lady", "dame", "queen", "princess", "sister",
        "mother", "daughter", "wife", "aunt", "niece", "spokeswoman", "chairwoman",
        "businesswoman", "congresswoman", "grandmother", "girlfriend",
    }
)  # fmt: skip
SEX_WORDS = MALE_WORDS | FEMALE_WORDS
"""Words that tell a person's sex, read of every word of every mention: one set, built once."""


class TitleIndex:
    """Every titled mention of an article, and the sex its titles tell.

    Args:
        doc: the spaCy Doc over the article text.
        entities: the entities that may be referred to by a title.
        entity_at: token index -> entity whose mention covers that token.
        paragraph: character offset -> paragraph index.

    Attributes:
        gender: entity id -> "m" or "f", where a title tells it; callers may add to it.
    """

    def __init__(
        self,
        doc: Any,
        entities: list[Entity],
        entity_at: dict[int, Entity],
        paragraph: Callable[[int], int],
    ) -> None:
        self.doc = doc
        self.entities = entities
        self._entity_at = entity_at
        self._paragraph = paragraph
        self.gender: dict[str, str] = {}
        self._spelling_cache: dict[str, frozenset[str]] = {}
        self._organizations: dict[str, list[tuple[Entity, list[int]]]] | None = None
        # In text order with each title's country marks, so ``resolve`` walks back from the
        # head and stops at the nearest fit (it compared every title at every phrase); of
        # titles at one offset the first collected is met first, as before.
        self._titles = [
            (start, entity, words, frozenset(w for w in words if w.startswith("@")))
            for start, entity, words in sorted(reversed(self._collect()), key=lambda t: t[0])
        ]
        self._starts = [start for start, *_ in self._titles]
        # Which titles hold each word, and which tie someone to a country: the only ones
        # ``resolve`` can fit, so it walks back over those, not over every title.
        self._holding: dict[str, list[int]] = {}
        for index, (_, _, words, _) in enumerate(self._titles):
            for w in words:
                self._holding.setdefault(w, []).append(index)
        self._with_country = [index for index, title in enumerate(self._titles) if title[3]]

    def resolve(self, head: Any) -> Entity | None:
        """The entity a title noun phrase ("the French president") refers back to."""
        word = head.lower_
        lefts = [
            c for c in head.lefts
            if c.dep_ in ("amod", "compound", "nmod", "poss") and not c.is_punct
        ]  # fmt: skip
        codes = {code for c in lefts if (code := _country_mark(c.text))}
        modifiers = {c.lower_ for c in lefts if c.dep_ != "poss"} - _IGNORED_MODIFIERS
        modifiers -= {c.lower_ for c in lefts if _country_mark(c.text)}
        for index in self._fitting(word, bool(codes), bisect.bisect_left(self._starts, head.idx)):
            _, entity, words, known = self._titles[index]  # the nearest title first
            if not modifiers <= words:
                continue
            if word in words:
                fits = codes <= known or not known  # an unknown country never rules out
            else:  # "the Italian leader": any leader of that country
                fits = word in GENERIC_LEADERS and bool(codes) and codes <= known
            if fits:
                return entity
        if any(c.dep_ == "poss" for c in head.children):
            return None  # "Macron's office" is not the Foreign Office
        # the organization with that noun in its name mentioned last before the phrase
        best: Entity | None = None
        best_start = -1
        for entity, starts in self._named_with(_spelling(word)):
            before = bisect.bisect_left(starts, head.idx)
            if before and starts[before - 1] > best_start:
                best, best_start = entity, starts[before - 1]
        return best

    def _named_with(self, word: str) -> list[tuple[Entity, list[int]]]:
        """The organizations with ``word`` in their name (as ``_spelling`` writes it), in the
        order of ``entities``, each with its mentions' starts sorted: indexed on first use
        (``resolve`` compared every organization's name at every phrase)."""
        if self._organizations is None:
            self._organizations = {}
            for entity in self.entities:
                if entity.type == ORGANIZATION:
                    starts = sorted(m.start for m in entity.mentions)
                    for w in self._spellings(entity.name):
                        self._organizations.setdefault(w, []).append((entity, starts))
        return self._organizations.get(word, [])

    def _fitting(self, word: str, has_codes: bool, before: int) -> list[int]:
        """Indexes below ``before`` of the titles that may fit a phrase with head ``word``,
        nearest first: those holding the word, and for a generic leader with a country
        ("the Italian leader") those tied to a country."""
        holding = self._holding.get(word, [])
        found = holding[: bisect.bisect_left(holding, before)]
        if word in GENERIC_LEADERS and has_codes:
            tied = self._with_country[: bisect.bisect_left(self._with_country, before)]
            found = sorted(set(found).union(tied))
        found.reverse()
        return found

    def _spellings(self, name: str) -> frozenset[str]:
        """The words of an organization's name as ``_spelling`` writes them (computed once per
        name: ``resolve`` asks for every organization at every title)."""
        words = self._spelling_cache.get(name)
        if words is None:
            words = frozenset(_spelling(w) for w in name.lower().split())
            self._spelling_cache[name] = words
        return words

    def _collect(self) -> list[tuple[int, Entity, frozenset[str]]]:
        """(mention start, entity, title words) for every mention that carries one.

        People have titles ("French President Emmanuel Macron"); organizations have
        descriptions ("ispace, the Tokyo-based company") that "the company" refers back to.
        """
        titles = []
        for entity in self.entities:
            if entity.type not in (PERSON, ORGANIZATION):
                continue
            for mention in entity.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                words = self._title_words(span)
                if words:
                    titles.append((mention.start, entity, frozenset(words)))
                    if entity.type == PERSON:
                        self._learn_gender_from_words(entity, words)
        return titles

    def _title_words(self, span: Any) -> set[str]:
        # An honorific the model kept inside the name ("Ms Giorgia Meloni") still tells the sex.
        words = {t.lower_ for t in span if t.lower_.rstrip(".") in SEX_WORDS}
        i = span.start - 1
        styles = 0
        while i >= 0 and span.start - i - styles <= 6:
            token = self.doc[i]
            if token.text in _POSSESSIVE and i > 0:
                i -= 1  # "Italy's Giorgia Meloni"
                continue
            if _is_style(self.doc, i) and "\n" not in token.text_with_ws:
                if token.is_alpha:
                    words.add(token.lower_)  # "Ms" still tells the sex
                i -= 1  # "..., Dr the Rt. Hon. Keith Mitchell": the role lies before the styles
                styles += 1
                continue
            if token.text == "," and i > 0:
                words |= self._fronted_title(i, span.root)
                break
            if token.pos_ not in _TITLE_POS or "\n" in token.text_with_ws:
                break
            if self._entity_at.get(i) is not None and self._entity_at[i].type == PERSON:
                break
            words.add(token.lower_)
            if mark := _country_mark(token.text):
                words.add(mark)
            i -= 1
        root = span.root
        appositions = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
        if root.dep_ == "appos" and root.head.i < span.start:
            appositions.append(root.head)
        for head in appositions:
            if head.pos_ not in ("NOUN", "PROPN") or head.i in self._entity_at:
                continue  # "Peter Adams, Minister of Education": a role in capitals is a title
            if self._paragraph(head.idx) != self._paragraph(root.idx):
                continue
            words.add(head.lower_)
            for child in head.lefts:
                if child.dep_ in ("amod", "compound", "poss") and not child.is_punct:
                    words.add(child.lower_)
                    if mark := _country_mark(child.text):
                        words.add(mark)
        return words

    def _fronted_title(self, comma: int, name: Any) -> set[str]:
        """Title words of a role set before the name with a comma ("Fiji's Prime Minister and
        Chairman of the Forum, Dr Jone Tabua said"): the role phrase and the name are one
        subject (parsed as two subjects of one verb, or as apposition), so "the Prime
        Minister" later names that person."""
        role = self.doc[comma - 1]
        while role.head.i < comma and role.head.i != role.i:
            role = role.head
        related = (
            (role.dep_ in SUBJECTS and name.dep_ in SUBJECTS and role.head.i == name.head.i)
            or (role.dep_ == "appos" and role.head.i == name.i)
            or (name.dep_ == "appos" and name.head.i == role.i)
            or self._verbless_fragment(role, comma)
        )
        if not related or role.pos_ not in ("NOUN", "PROPN") or role.i in self._entity_at:
            return set()
        words: set[str] = set()
        for head in [role, *(c for c in role.children if c.dep_ == "conj")]:
            if head.i in self._entity_at:
                continue
            words.add(head.lower_)
            for child in head.lefts:
                if child.dep_ in ("amod", "compound", "poss") and not child.is_punct:
                    words.add(child.lower_)
                    if mark := _country_mark(child.text):
                        words.add(mark)
        return words

    def _verbless_fragment(self, role: Any, comma: int) -> bool:
        """A role phrase the parser made a sentence of its own, cut off from the name after it
        by the dot of an honorific ("Prime Minister and Chairman of the Forum, Dr the Rt. Hon.
        Jane Roe said"): with no verb in it and nothing before it in its sentence, it can only
        be the name's title set before it."""
        if role.dep_ != "ROOT" or role.pos_ not in ("NOUN", "PROPN"):
            return False
        phrase = [t for t in role.subtree if t.i < comma]
        if not phrase or any(t.pos_ in ("VERB", "AUX") for t in phrase):
            return False
        return phrase[0].is_sent_start or "\n" in self.doc[phrase[0].i - 1].text

    def _learn_gender_from_words(self, entity: Entity, words: set[str]) -> None:
        words = {w.rstrip(".") for w in words}
        if words & MALE_WORDS and entity.id not in self.gender:
            self.gender[entity.id] = "m"
        elif words & FEMALE_WORDS and entity.id not in self.gender:
            self.gender[entity.id] = "f"


def _is_style(doc: Any, i: int) -> bool:
    """Whether token ``i`` is an honorific or style before a name, its abbreviation dot, or
    the "the" of "Dr the Rt. Hon."."""
    token = doc[i]
    if token.lower_.rstrip(".") in _STYLE_WORDS and token.text[:1].isupper():
        return True
    if token.text == "." and i > 0:
        return doc[i - 1].lower_ in _STYLE_WORDS
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return token.lower_ == "the" and nxt is not None and nxt.lower_.rstrip(".") in _STYLE_WORDS


def _country_mark(word: str) -> str | None:
    """ "@IT" for "Italy" or "Italian": a country a title ties someone to."""
    code = country_code(word) or demonym_code(word)
    return f"@{code}" if code else None


def _spelling(word: str) -> str:
    """British and American spellings of the same noun ("organisation", "organization")."""
    return word.replace("isation", "ization")
