"""Who is speaking: subjects of speech verbs, pronouns and titles resolved to entities.

A speaker is always reported as an entity of the article when one fits (canonical name and id),
so the quote panel and the entity panel agree. Resolution, in the words of a careful reader:

- a name: the entity whose mention covers the subject's tokens (a person before an organization
  before a country); failing that, the person whose canonical name ends with that surname;
- a subject the parse took from the paragraph before (a line with no final stop run on into
  the next): the paragraph's own first noun phrase, hung across the break;
- "he" / "she" (the walk lives in referents.py): the nearest preceding compatible person,
  sentence by sentence backwards over at most two paragraphs, preferring the subject of a
  sentence over other mentions, skipping what lies inside quotation marks or inside the
  reported clause itself ("the Russian president ..., he said" is not about the Russian
  president); a gender learnt from titles ("Mr", "his
  brother", "spokeswoman") or from earlier pronouns rules out the other sex, and so, where
  neither said anything, does a first name given to one sex only ("Maria", first_names.py);
- "X's office" / "X's campaign", "a spokesman for X" / "an X official": X (spokespeople.py),
  and so is a later "he"/"she" whose referent is that spokesman;
- a piece of writing ("her memoir recalls", "one passage relating"): its owner, else the
  person its sentence is about (spokespeople.WRITING_NOUNS);
- "it" or a generic noun ("the company", "the agency"): the nearest preceding organization
  (or, for "it", country) that was the subject of its sentence;
- a title ("the French president"), via titles.py: the nearest preceding person whose
  mention carried that title, before the name ("French President Emmanuel Macron") or as an
  apposition ("Cindy McCain, the agency's executive director"); else an organization
  described so ("the carmaker") or named by that noun ("the commission").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reader.core.analysis.according_to import AccordingTo
from reader.core.analysis.article_layout import ArticleLayout
from reader.core.analysis.doc_columns import char_tokens
from reader.core.analysis.first_names import sexes_by_first_name
from reader.core.analysis.referents import SUBJECT_DEPS, Referents, has_definite
from reader.core.analysis.rules import HONORIFICS, TITLE_WORDS
from reader.core.analysis.runner import doc_text
from reader.core.analysis.speech_verbs import (
    GO_FORMS,
    PRONOUN_GENDER,
    is_light_speech_verb,
    speech_lemma,
)
from reader.core.analysis.spokespeople import (
    OFFICE_WORDS,
    ORGANIZATION_NOUNS,
    SPOKES_WORDS,
    WRITING_NOUNS,
    author_subject,
    spoken_for,
)
from reader.core.analysis.titles import TitleIndex
from reader.core.model import COUNTRY, ORGANIZATION, PERSON, Entity

SPEAKER_TYPES = (PERSON, ORGANIZATION, COUNTRY)
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|HE|SHE)\b")


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: canonical name and entity id (None when no entity matches)."""

    name: str
    entity_id: str | None = None
    type: str | None = None


def speaker_of(entity: Entity) -> Speaker:
    return Speaker(entity.name, entity.id, entity.type)


class SpeakerResolver:
    """Resolves speech-verb subjects, pronouns and titles in one parsed article.

    Args:
        doc: the spaCy Doc over the article text.
        entities: the article's merged entities.
        quoted: character ranges (marks included) that are quoted material.
        text: ``doc.text`` when the caller has it (spaCy rebuilds it on every read).
    """

    def __init__(
        self,
        doc: Any,
        entities: list[Entity],
        quoted: list[tuple[int, int]],
        text: str | None = None,
    ) -> None:
        self.doc = doc
        self.text: str = doc_text(doc) if text is None else text
        self.entities = [e for e in entities if e.type in SPEAKER_TYPES]
        self.layout = ArticleLayout(doc, self.text, quoted)
        self._entity_at: dict[int, Entity] = {}
        self._fuller: dict[str, Entity] = {}
        self._surnames: dict[str, list[Entity]] | None = None  # last name -> people, in order
        for entity in self.entities:
            for mention in entity.mentions:
                tokens = char_tokens(doc, mention.start, mention.end, "expand")
                if tokens is None:
                    continue
                for i in range(*tokens):
                    current = self._entity_at.get(i)
                    if current is None or _rank(entity) < _rank(current):
                        self._entity_at[i] = entity
        self.titles = TitleIndex(doc, self.entities, self._entity_at, self.layout.paragraph)
        self.gender = self.titles.gender  # grows as pronouns are resolved
        # What first names suggest ("Maria Lopez"): rules a person out only where neither a
        # title nor a pronoun has said otherwise.
        name_gender = sexes_by_first_name(self.entities, TITLE_WORDS | HONORIFICS)
        self.referents = Referents(
            doc,
            self.layout,
            self._entity_at,
            self._fuller_name,
            self._by_surname,
            self._spoken_for,
            self.resolve_title,
            self.gender,
            name_gender,
        )
        self._according = AccordingTo(
            doc, self.text, self.layout.is_quoted, self.entity_for_tokens, self.resolve_title
        )
        self._learn_gender_from_pronouns()

    # -- names -----------------------------------------------------------------------------

    def entity_at(self, token: Any) -> Entity | None:
        """The entity whose mention covers ``token``, with its fullest name."""
        entity = self._entity_at.get(token.i)
        return None if entity is None else self._fuller_name(entity)

    def entity_for_tokens(self, tokens: list[Any]) -> Entity | None:
        """The entity named by these tokens: covering mention first, then the surname."""
        covering = [self._entity_at[t.i] for t in tokens if t.i in self._entity_at]
        if covering:
            return self._fuller_name(min(covering, key=_rank))
        names = [
            t for t in tokens if (t.pos_ == "PROPN" or _untagged_name(t)) and t.text[:1].isupper()
        ]
        return self._by_surname(names[-1]) if names else None

    def _fuller_name(self, entity: Entity) -> Entity:
        """The one person whose full name ends with a one-word name ("Macron"), if unmerged.

        Also undoes the model's habit of tagging a lone surname as an organization
        ("Sheinbaum said") when the full name was tagged as a person.
        """
        if entity.type == COUNTRY or " " in entity.name:
            return entity
        if entity.id not in self._fuller:
            longer = [
                e for e in self.entities
                if e.type == PERSON and e is not entity and " " in e.name
                and e.name.split()[-1] == entity.name
            ]  # fmt: skip
            self._fuller[entity.id] = longer[0] if len(longer) == 1 else entity
        return self._fuller[entity.id]

    def _by_surname(self, token: Any) -> Entity | None:
        if self._surnames is None:  # asked a few hundred times a MB: one pass over the people
            self._surnames = {}
            for e in self.entities:
                if e.type == PERSON:
                    self._surnames.setdefault(e.name.split()[-1], []).append(e)
        matches = self._surnames.get(token.text, [])
        if not matches:
            return None

        def nearest_before(e: Entity) -> int:
            before = [m.start for m in e.mentions if m.start <= token.idx]
            return max(before) if before else -1

        return max(matches, key=nearest_before)

    # -- speech verbs ------------------------------------------------------------------------

    def is_speech_verb(self, token: Any) -> bool:
        """A verb of saying used as a verb (not the participle of "so-called", "the said plan").

        Also "go on" with its particle ('"I am shocked," she went on'): speech going on;
        and a light verb with a speech noun ("she issued a statement"); "relate" only when it
        tells ("relating “...”"), not when it links ("issues relating to pay").
        """
        if token.pos_ not in ("VERB", "AUX") or token.dep_ == "amod":
            return False
        if token.i >= 2 and self.doc[token.i - 1].text == "-":
            return False
        lemma = speech_lemma(token.text)
        if lemma == "relate" and any(c.lower_ == "to" for c in token.children):
            return False
        if lemma is not None or is_light_speech_verb(token):
            return True
        return token.lower_ in GO_FORMS and any(
            c.dep_ == "prt" and c.lower_ == "on" for c in token.children
        )

    def subject_of(self, verb: Any) -> Speaker | None:
        """Speaker of a speech verb: its subject by the parse, else the name beside it."""
        current = verb
        stranded = False
        for _ in range(3):
            subjects = [
                c
                for c in current.children
                if c.dep_ in SUBJECT_DEPS and not self.layout.is_quoted(c)
            ]
            here = [c for c in subjects if self.layout.same_paragraph(c, verb)]
            if here:
                return self._first_resolved(here, verb)
            stranded = stranded or bool(subjects)
            if current.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep"):
                break
            current = current.head
        if stranded:
            speaker = self._subject_left_in_paragraph(verb)
            if speaker is not None:
                return speaker
        return self.adjacent_speaker(verb)

    def _subject_left_in_paragraph(self, verb: Any) -> Speaker | None:
        """The subject the parse hung on the paragraph before: after a line with no final
        stop (a caption, a link), the small model runs it on into the next paragraph and takes
        that line's noun for the subject of "Prof Jane Roe, director of ..., says:". The
        paragraph's own first noun phrase, attached across the break, is the subject."""
        start, _ = self.layout.segments[self.layout.segment_of(verb)]
        paragraph = self.layout.paragraph(verb.idx)
        for token in self.doc[start : verb.i]:
            if token.is_punct or token.is_space:
                continue
            if token.pos_ not in ("PROPN", "NOUN", "PRON") or self.layout.is_quoted(token):
                return None
            top = token
            while top.head.i != top.i and self.layout.paragraph(top.head.idx) == paragraph:
                top = top.head
            if top.head.i == top.i or top.i > verb.i:
                return None  # the phrase hangs on this paragraph: not stranded
            return self.resolve_noun_phrase(top, verb)
        return None

    def _first_resolved(self, subjects: list[Any], verb: Any) -> Speaker | None:
        """The nearest subject that names someone, or a conjunct of it that does: in "he and
        his co-authors predicted" the speaker is he (a coordinated subject speaks through the
        conjunct that refers; "his co-authors" names nobody)."""
        ordered = sorted(subjects, key=lambda c: abs(c.i - verb.i))
        for subject in ordered:
            for head in [subject, *(c for c in subject.children if c.dep_ == "conj")]:
                speaker = self.resolve_noun_phrase(head, verb)
                if speaker is not None:
                    return speaker
        return None

    def adjacent_speaker(self, verb: Any) -> Speaker | None:
        """The name or pronoun right before ("Stiell, said") or after ("said Kikilias") a verb."""
        paragraph = self.layout.paragraph(verb.idx)
        for step in (-1, 1):
            i = verb.i + step
            while 0 <= i < len(self.doc):
                token = self.doc[i]
                if self.layout.paragraph(token.idx) != paragraph or self.layout.is_quoted(token):
                    break
                if token.is_punct or token.pos_ in ("ADV", "AUX", "PART"):
                    i += step
                    continue
                if token.i in self._entity_at or token.lower_ in PRONOUN_GENDER:
                    return self.resolve_noun_phrase(token, verb)
                break
        return None

    def according_to(self, start: int, end: int) -> Speaker | None:
        """The source of an "according to X" in tokens ``start:end`` (according_to.py)."""
        entity = self._according.source(start, end)
        return speaker_of(entity) if entity is not None else None

    # -- noun phrases, pronouns, titles ---------------------------------------------------

    def resolve_noun_phrase(self, head: Any, verb: Any | None = None) -> Speaker | None:
        """The speaker a subject noun phrase refers to (name, pronoun or title)."""
        if head.lower_ in PRONOUN_GENDER:
            entity = self.resolve_pronoun(head, verb)
            return speaker_of(entity) if entity else None
        if head.pos_ == "PRON":
            return None
        if head.i in self._entity_at:
            return speaker_of(self._fuller_name(self._entity_at[head.i]))
        # "Spain's coach, Luis de la Fuente," / "The head of ..., Simon Stiell,": the apposition
        for child in head.children:
            if child.dep_ == "appos" and child.i in self._entity_at:
                return speaker_of(self._fuller_name(self._entity_at[child.i]))
        named = self._name_closing_phrase(head)
        if named is not None:
            return speaker_of(named)  # "Leader of the House Dr Jane Roe": the name, not the role
        compounds = [t for t in head.lefts if t.dep_ == "compound"] + [head]
        if head.pos_ == "PROPN" or _untagged_name(head):
            entity = self.resolve_title(head) or self.entity_for_tokens(compounds)
            if entity is not None:
                # a role in capitals is the person introduced with it ("The Prime Minister",
                # "the Labour MP"), not the party that modifies it; else a name
                return speaker_of(entity)
            name = " ".join(
                t.text
                for t in compounds
                if (t.pos_ == "PROPN" or _untagged_name(t)) and t.lower_ not in TITLE_WORDS
            )  # the name without its titles and ranks: "Supt Kane" speaks as "Kane"
            return Speaker(name) if name else None
        if head.pos_ == "NOUN" and head.lower_ in SPOKES_WORDS:
            voiced = self._spoken_for(head)
            if voiced is not None:
                return speaker_of(voiced)
        if head.pos_ == "NOUN":
            owner = [c for c in head.children if c.dep_ == "poss" and c.i in self._entity_at]
            if head.lower_ in OFFICE_WORDS and owner:
                return speaker_of(self._fuller_name(self._entity_at[owner[0].i]))
            if head.lower_ in WRITING_NOUNS:
                return self.author_of(head, verb)
            entity = self.resolve_title(head)
            if entity is None and head.lower_ in ORGANIZATION_NOUNS and has_definite(head):
                entity = self.referents.refer_back(head, verb, "n", (ORGANIZATION,))
            if entity is not None:
                return speaker_of(entity)
        return None

    def author_of(self, head: Any, verb: Any | None) -> Speaker | None:
        """Whose words a piece of writing gives: its owner ("his memoir recalls", "Roe's
        letter reads"), else the person its sentence is about (spokespeople.author_subject)."""
        owners = [c for c in head.children if c.dep_ == "poss" and not self.layout.is_quoted(c)]
        if owners:
            return self.resolve_noun_phrase(owners[0], verb)
        start, _ = self.layout.segments[self.layout.segment_of(head)]
        before = self.doc[start : head.i]
        entity = author_subject(before, self._entity_at, self.layout.is_quoted)
        return speaker_of(self._fuller_name(entity)) if entity is not None else None

    def _name_closing_phrase(self, head: Any) -> Entity | None:
        """The person named at the end of a subject phrase led by a title or an organization
        ("Leader of the House Dr Jane Roe", "Ministry of Finance John Smith")."""
        tokens = [t for t in head.subtree if t.i >= head.i and not t.is_punct]
        if len(tokens) < 3 or not self.layout.same_paragraph(tokens[-1], head):
            return None
        entity = self._entity_at.get(tokens[-1].i)
        if entity is None or entity.type != PERSON or self._entity_at.get(head.i) is entity:
            return None
        return self._fuller_name(entity)

    def _spoken_for(self, head: Any) -> Entity | None:
        """Whom "a spokesman for Greenpeace UK" or "a Greenpeace spokesman" speaks for."""
        return spoken_for(head, self._entity_at, self.entity_for_tokens)

    def resolve_title(self, head: Any) -> Entity | None:
        """The entity a title noun phrase ("the French president") refers back to."""
        return self.titles.resolve(head)

    def _learn_gender_from_pronouns(self) -> None:
        """Resolve every "he"/"she" in order once: each unambiguous one teaches a sex.

        "McCain said she would visit Port Sudan" makes McCain a woman for every later "she"
        and "he" of the article.
        """
        for match in _SUBJECT_PRONOUN.finditer(self.text):
            tokens = char_tokens(self.doc, match.start(), match.end())
            if tokens is None or tokens[1] - tokens[0] != 1:
                continue
            token = self.doc[tokens[0]]
            if token.dep_ in SUBJECT_DEPS and not self.layout.is_quoted(token):
                verb = token.head if self.is_speech_verb(token.head) else None
                self.resolve_pronoun(token, verb)

    def resolve_pronoun(self, pronoun: Any, verb: Any | None = None) -> Entity | None:
        """The person a "he"/"she" refers back to, or the organization an "it" does."""
        return self.referents.resolve_pronoun(pronoun, verb)


def _rank(entity: Entity) -> int:
    return SPEAKER_TYPES.index(entity.type) if entity.type in SPEAKER_TYPES else len(SPEAKER_TYPES)


def _untagged_name(token: Any) -> bool:
    """A capitalised word inside the sentence that the tagger took for a common noun: the small
    model tags surnames ending in -s ("Davies replied", "Reyes wrote") NNS or NN."""
    return (
        token.tag_ in ("NN", "NNS")
        and token.is_alpha
        and token.text[:1].isupper()
        and token.text[1:2].islower()
        and not token.is_sent_start
    )
