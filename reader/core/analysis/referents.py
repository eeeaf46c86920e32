"""Who a "he", "she" or "it" refers back to: the walk backwards over the article's sentences.

Split out of speakers.py, which asks it through ``SpeakerResolver.resolve_pronoun`` and for a
definite organization noun ("the company said"). The walk, in the words of a careful reader:
the nearest preceding compatible entity, sentence by sentence backwards over at most two
paragraphs (MAX_PARAGRAPHS_BACK, MAX_SEGMENTS_BACK), preferring the subject of a sentence over
other mentions, skipping what lies inside quotation marks or inside the reported clause itself;
a sex told by titles or learnt from an earlier unambiguous pronoun rules out the other one, and
so, where neither said anything, does a first name given to one sex only. The names, titles and
spokespeople it meets are read through the resolver's callables, so both agree.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from reader.core.analysis.article_layout import ArticleLayout
from reader.core.analysis.doc_columns import word_hashes
from reader.core.analysis.runner import token_column
from reader.core.analysis.speech_verbs import PRONOUN_GENDER
from reader.core.analysis.spokespeople import speaks_for_someone
from reader.core.model import COUNTRY, ORGANIZATION, PERSON, Entity

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
MAX_PARAGRAPHS_BACK = 2
MAX_SEGMENTS_BACK = 8

EntityOf = Callable[[Any], "Entity | None"]


class Referents:
    """The referents of pronouns (and of "the company") in one parsed article.

    Args:
        doc: the spaCy Doc over the article text.
        layout: its paragraphs, sentence segments and quoted ranges.
        entity_at: token index -> the speaker entity whose mention covers it.
        fuller_name: the entity with its fullest name (SpeakerResolver._fuller_name).
        by_surname: the person a lone capitalised word names as surname.
        spoken_for: whom a spokesperson noun speaks for.
        resolve_title: the entity a title noun phrase refers back to.
        gender: entity id -> "m"/"f", told by titles; grows as pronouns are resolved.
        name_gender: entity id -> the sex its first name suggests.
    """

    def __init__(
        self,
        doc: Any,
        layout: ArticleLayout,
        entity_at: dict[int, Entity],
        fuller_name: Callable[[Entity], Entity],
        by_surname: EntityOf,
        spoken_for: EntityOf,
        resolve_title: EntityOf,
        gender: dict[str, str],
        name_gender: dict[str, str],
    ) -> None:
        self.doc = doc
        self.layout = layout
        self._entity_at = entity_at
        self._fuller_name = fuller_name
        self._by_surname = by_surname
        self._spoken_for = spoken_for
        self.resolve_title = resolve_title
        self.gender = gender
        self._told_gender = dict(gender)  # what titles said, before any pronoun guessed
        self._name_gender = name_gender
        self._subject_deps = word_hashes(doc, SUBJECT_DEPS)  # as the DEP column holds them
        self._pronoun_memo: dict[tuple[int, int], Entity | None] = {}
        self._readable: list[int] | None = None  # see _readable_tokens

    def _readable_tokens(self) -> list[int]:
        """The sorted indices ``_referents`` reads (a mention or a subject), built once: a
        walk over every index of each segment cost more than the readings themselves."""
        if self._readable is None:
            subject_deps = self._subject_deps
            subjects = (i for i, d in enumerate(token_column(self.doc, "DEP")) if d in subject_deps)
            self._readable = sorted(set(self._entity_at).union(subjects))
        return self._readable

    def resolve_pronoun(self, pronoun: Any, verb: Any | None = None) -> Entity | None:
        """The person a "he"/"she" refers back to, or the organization an "it" does."""
        gender = PRONOUN_GENDER[pronoun.lower_]
        kinds = (ORGANIZATION, COUNTRY) if gender == "n" else (PERSON,)
        return self.refer_back(pronoun, verb, gender, kinds)

    def refer_back(
        self, pronoun: Any, verb: Any | None, gender: str, kinds: tuple[str, ...]
    ) -> Entity | None:
        """The nearest fitting entity before ``pronoun``, sentence by sentence backwards."""
        key = (pronoun.i, verb.i if verb is not None else -1)
        if key in self._pronoun_memo:
            return self._pronoun_memo[key]
        self._pronoun_memo[key] = None  # guards against cycles
        reported = set()
        if verb is not None:
            reported = {t.i for t in verb.subtree} if verb.dep_ != "ROOT" else set()
            reported |= {t.i for t in verb.subtree if t.i > pronoun.i}
        found = self._nearest_referent(
            pronoun, verb, gender, kinds, reported, self.gender, self._name_gender
        )
        if found is None and gender != "n":
            # A sex learnt from an earlier pronoun was a guess ("His lawyer, Jane Roe, said he
            # would appeal" makes her a man); when it leaves "she" with nobody, only the sex
            # that titles told rules a person out.
            found = self._nearest_referent(
                pronoun, verb, gender, kinds, reported, self._told_gender
            )
        self._pronoun_memo[key] = found
        return found

    def _nearest_referent(
        self,
        pronoun: Any,
        verb: Any | None,
        gender: str,
        kinds: tuple[str, ...],
        reported: set[int],
        genders: dict[str, str],
        guessed: dict[str, str] | None = None,
    ) -> Entity | None:
        """The walk of ``refer_back``, ruling out people by the sexes in ``genders`` and,
        for those it lacks, in ``guessed`` (first names: they rule out, but unlike a sex the
        text told, they do not make a person preferred over one of unknown sex)."""
        guessed = guessed or {}
        seg = self.layout.segment_of(pronoun)
        paragraph = self.layout.paragraph(pronoun.idx)
        found: Entity | None = None
        for index in range(seg, max(seg - MAX_SEGMENTS_BACK, 0) - 1, -1):
            start, end = self.layout.segments[index]
            if paragraph - self.layout.paragraph(self.doc[start].idx) > MAX_PARAGRAPHS_BACK:
                break
            if index == seg:
                end = pronoun.i
                if verb is not None and verb.dep_ == "ROOT":
                    continue  # "..., he said": the rest of the sentence is what he said
            skip = reported if index == seg else set()
            candidates = self._referents(start, end, skip, kinds)
            candidates = [
                (subject, e)
                for subject, e in candidates
                if genders.get(e.id, guessed.get(e.id, gender)) == gender
            ]
            if gender == "n":  # "it" and "the company" refer to a subject, not an object
                candidates = [(subject, e) for subject, e in candidates if subject]
            known = [(subject, e) for subject, e in candidates if e.id in genders]
            if known:
                candidates = known  # "Starmer met Ms Meloni. ..., she said"
            if candidates:
                subjects = [e for subject, e in candidates if subject]
                found = subjects[0] if subjects else candidates[-1][1]
                if len({e.id for _, e in candidates}) == 1 and found.type == PERSON:
                    # Only an unambiguous choice teaches a sex: a wrong guess must not spread.
                    self.gender.setdefault(found.id, gender)
                break
        return found

    def _referents(
        self, start: int, end: int, skip: set[int], kinds: tuple[str, ...] = (PERSON,)
    ) -> list[tuple[bool, Entity]]:
        """(is subject, entity) for each entity of ``kinds`` referred to in ``start:end``."""
        found: list[tuple[bool, Entity]] = []
        seen: set[int] = set()
        readable = self._readable_tokens()
        low, high = bisect.bisect_left(readable, start), bisect.bisect_left(readable, end)
        for i in readable[low:high]:
            # every reading below needs a mention or a subject: the rest is skipped unbuilt
            if i in skip or i in seen:
                continue
            token = self.doc[i]
            if self.layout.is_quoted(token):
                continue
            entity: Entity | None = None
            anchor = token
            if token.i in self._entity_at:
                entity = self._fuller_name(self._entity_at[token.i])
                while anchor.head.i in self._entity_at and anchor.head.i != anchor.i:
                    if self._entity_at[anchor.head.i] is not self._entity_at[token.i]:
                        break
                    anchor = anchor.head
                seen.update(range(token.i, anchor.i + 1))
            elif token.lower_ in PRONOUN_GENDER and token.dep_ in SUBJECT_DEPS:
                if (PRONOUN_GENDER[token.lower_] == "n") == (PERSON not in kinds):
                    entity = self.resolve_pronoun(token)
            elif token.dep_ in SUBJECT_DEPS and PERSON in kinds and speaks_for_someone(token):
                voiced = self._spoken_for(token)  # "A spokeswoman for X said ... “...,” she said"
                if voiced is not None:
                    found.append((True, voiced))
                continue
            elif token.pos_ == "NOUN" and token.dep_ in SUBJECT_DEPS and has_definite(token):
                entity = self.resolve_title(token)
            elif token.dep_ in SUBJECT_DEPS and token.text[:1].isupper() and token.is_alpha:
                entity = self._by_surname(token)  # a surname the model did not tag
            if entity is None or entity.type not in kinds:
                continue
            found.append((is_subject(anchor), entity))
        return found


def has_definite(token: Any) -> bool:
    return any(c.dep_ in ("det", "poss") for c in token.children)


def is_subject(token: Any) -> bool:
    if token.dep_ in SUBJECT_DEPS:
        return True
    return token.dep_ in ("appos", "compound", "conj") and token.head.dep_ in SUBJECT_DEPS
