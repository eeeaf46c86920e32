"""Entities from spaCy's NER: clean the spans, type them, fill gaps, merge aliases.

The stages, each small and separately tested:

1. model spans, cut at line breaks and spaced dashes and cleaned by ``rules.clean_span``
   (titles, "the", possessives); a span that starts with an honorific is a person ("Dr
   Mitchell" tagged ORG); the ``date`` header is ignored; the wire dateline and country names
   with "and" in them ("Antigua and Barbuda") and the state of a US party-state tag ("N.C." of
   "(R-N.C.)", ``state_tags``) are spans by rule;
2. our types: GPE/LOC/FAC are a country when ``countries`` knows the name, else a place;
   ORG/PERSON spans that are exactly a country name are that country, a territory's name
   ("Cayman", "BVI") a place; facilities (``name_kinds``) are places; events, awards and
   diseases are none of ours; NORP words are nationalities linked to their country
   (languages, "in French", are dropped) unless they name a party ("Democrats", ``parties``);
   a sports club's name ("Kestrel United") is an organization whatever the model said;
   a PERSON span ending in an organization's head noun ("Hispanic Caucus") is one;
3. one sense per article: a mention that ends a person's full name is that person whatever the
   model said ("Scholz" tagged as a place), a company's short name is that company ("Lenoge"
   beside "Lenoge Technology"), an acronym defined in parentheses has its full name's span and
   type (``acronyms``), a body's full name wins over the model's pieces of it, the publication's
   own name is an organization (these in ``one_sense``), a body's or place's span in a
   title-case line stands only as far as the sentence-case text confirms it (``title_case``), a
   name one mention's parse shows to be software ("the Rust compiler", "Python 3.6") is none of
   ours (``products``), each author of a reference entry ("Surname, I.; Surname, K. (2019).
   Title") is one person over surname and initials (``references``), a name that words of an
   organization's kind stand beside ("the retailer X", "an X spokesperson") is an organization,
   and so is a name whose own words say so ("Atlantis Semiconductors", "Ministry of Health",
   both in ``org_context``), a name an event noun lists ("conferences such as X and Y") is an
   event, none of ours (``event_context``), a body's name runs on over a country code after it
   ("Harbour Watch UK", ``branch_names``), a Spanish body's name with its head noun first
   ("Fundación X", "Red por la Defensa de ...") is one organization, and the words after its
   last link its short name
   (``spanish_bodies``), a name a place noun governs ("the town of X", "the X area") is a place
   at each of its mentions the model called a body or a person (``place_context``), a body in a
   reference entry's title stands only where the rest of the article names it too
   (``references``), each platform of a page's row of share buttons is an organization ("Share
   Facebook Twitter", ``share_rows``), a body's head noun alone after "this" points at the
   body, no name ("this House", ``generic_heads``), and an untagged repeat of a name already
   found is added with the same type;
   a first name left out before a person's surname (by the model or by the repeat) joins the
   name ("Rudolf" of "Rudolf Brenner"), and a common first name and a surname the model did not
   tag as one name are a person ("recorded by Dolly Prentice", ``person_names``);
4. aliases merged into entities by ``aliases.merge_mentions``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from reader.core.analysis import (
    branch_names,
    doc_columns,
    event_context,
    generic_heads,
    name_kinds,
    one_sense,
    org_context,
    parties,
    person_names,
    place_context,
    places,
    products,
    references,
    rules,
    share_rows,
    span_splits,
    spanish_bodies,
    state_tags,
    title_case,
    wire_lines,
)
from reader.core.analysis.aliases import TypedMention, merge_mentions
from reader.core.analysis.candidates import Candidate
from reader.core.analysis.countries import (
    and_names,
    country_key,
    demonym_code,
    normalise,
    territory_code,
)
from reader.core.analysis.doc_columns import span_text, span_texts
from reader.core.analysis.literal_trie import first_chars, longest_first
from reader.core.analysis.runner import doc_ents, doc_text, token_column
from reader.core.model import COUNTRY, NATIONALITY, ORGANIZATION, PERSON, PLACE, Entity

# spaCy labels we read; others matter only when a rule re-types them (a surname as WORK_OF_ART).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
READ_LABELS = PLACE_LABELS | {
    "PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"
}  # fmt: skip


def entity_type(label: str, text: str) -> str | None:
    """Our type for a spaCy label and span text, before the article-wide rules."""
    if text.removeprefix("The ") in rules.ALWAYS_ORGANIZATIONS and label in PLACE_LABELS | {"ORG"}:
        return ORGANIZATION
    if name_kinds.common_initialism(text):
        return None  # "AI", "RV": a kind of thing, whatever the label
    if label != "NORP" and name_kinds.company_name(text):
        return ORGANIZATION  # "WhiTim Napa LLC" tagged PRODUCT
    if label != "NORP" and name_kinds.club_name(text) and not country_key(text):
        return ORGANIZATION  # "Kestrel United" tagged GPE after its town
    if label in PLACE_LABELS:
        return COUNTRY if country_key(text) else PLACE
    if label != "NORP" and name_kinds.is_disease(text):
        return None
    if label != "NORP" and (
        places.is_city(text) or territory_code(text)
    ):  # "visited Kyiv" PERSON, "Aleppo" LANGUAGE
        return COUNTRY if country_key(text) else PLACE
    if label == "ORG" and rules.facility_name(text):
        return PLACE
    if label in ("ORG", "PERSON"):
        if country_key(text):
            return COUNTRY
        if label == "PERSON" and name_kinds.organization_head(text):
            return ORGANIZATION  # "Hispanic Caucus", "Al-Najjar Hospital" tagged PERSON
        return ORGANIZATION if label == "ORG" else PERSON
    if label == "NORP":
        if country_key(text):
            return COUNTRY  # "even as Barbados continues" tagged NORP
        if parties.party_name(text):
            return ORGANIZATION  # "Democrats", "a Tory MP": the party
        if parties.faction_name(text) and not demonym_code(text.split()[0]):
            return ORGANIZATION  # "the New Democrats"; not "American Republicans"
        return NATIONALITY if demonym_code(text) else None
    return None


def _typed(doc: Any, cand: Candidate) -> Candidate:
    span = doc_columns.span(doc, cand.start, cand.end)
    text = span_text(doc, cand.start, cand.end)
    kind = entity_type(cand.label, text)
    if (
        kind in (ORGANIZATION, PERSON, PLACE)
        and not cand.fixed
        and (name_kinds.event_head(span, text) or name_kinds.happening_name(span))
    ):
        kind = None  # "the Booker Prize"; "the Kapp Putsch" ORG, "Storm Babet" PERSON
    if cand.label in ("PERSON", "ORG") and not cand.fixed and name_kinds.common_word(span):
        kind = None  # "Background:", "Subscribe now"
    if cand.label == "PERSON" and rules.preceded_by_article(doc, cand.start):
        kind = None
    if (
        cand.label in ("ORG", "GPE")
        and kind != COUNTRY
        and not cand.fixed
        and rules.after_person_title(doc, cand.start, cand.end)
    ):
        kind = PERSON
    if (
        cand.label in ("ORG", "GPE", "FAC")
        and kind not in (COUNTRY, None)
        and not cand.fixed
        and rules.after_person_noun(doc, cand.start, cand.end)
    ):
        kind = PERSON  # "his sister, Inderdai Deyal said"
    if cand.label == "NORP" and rules.is_language_use(span):
        kind = None
    key = country_key(text) if kind == COUNTRY else None
    if kind == NATIONALITY:
        key = demonym_code(text)
    # what ``replace(cand, type=kind, key=key)`` makes, without its walk over the fields
    return Candidate(cand.start, cand.end, cand.label, kind, key, cand.fixed)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_CUT_CHARS = re.compile(r"[\n:\-–—'’]")
"""What every cut of ``_pieces`` needs in the span's text: a line break, a colon, a dash
(``rules.DASHES``) or a possessive's apostrophe (``rules.POSSESSIVE``)."""


def _pieces(doc: Any, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """The names in one of the model's spans, cut at line breaks, colons and spaced dashes,
    and after a place's possessive."""
    # The model's span ran on over a spaced dash ("James Whittaker - May 4"): its name is
    # the part before it. Over a colon, each side is a span of its own.
    pieces = [
        dashed[0]
        for line_piece in span_splits.split_lines(doc, start, end)
        for colon_piece in span_splits.split_at_colons(doc, *line_piece)
        if (dashed := span_splits.split_at_dashes(doc, *colon_piece))
    ]
    return [
        part
        for piece in pieces
        for part in (
            span_splits.split_after_place_possessive(doc, *piece)
            if label in ("ORG", "PERSON")
            else [piece]
        )
    ]


def model_candidates(doc: Any, text: str) -> list[Candidate]:
    """Stage 1: the model's spans, cleaned, plus spans by rule: the dateline's place and
    agency, country names with "and", photo credits' agency and photographer, and the state of
    a US party-state tag ("N.C." of "(R-N.C.)", ``state_tags``).

    ``text`` is ``doc.text``, passed in because spaCy rebuilds it on every access.
    """
    head = wire_lines.header_end(text)
    fixed: list[Candidate] = []
    line = wire_lines.dateline(text)
    by_rule = list(zip(line, ("GPE", "ORG"), strict=True)) if line else []
    by_rule += [(span, "GPE") for span in ([] if line else wire_lines.bare_dateline(text))]
    by_rule += [(span, "GPE") for span in and_names(text) if span[0] >= head]
    by_rule += [(span, "GPE") for span in state_tags.party_state_tags(text) if span[0] >= head]
    for agency, photographer in wire_lines.photo_credits(text):
        by_rule += [(agency, "ORG"), (photographer, "PERSON")]
    for (start, end), label in by_rule:
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None and len(span):
            fixed.append(Candidate(span.start, span.end, label, fixed=True))
    idx, length = token_column(doc, "IDX"), token_column(doc, "LENGTH")
    fixed_chars = [(idx[c.start], idx[c.end - 1] + length[c.end - 1]) for c in fixed]
    found = list(fixed)
    for ent in doc_ents(doc):
        if ent.label_ not in READ_LABELS or ent.end_char <= head:
            continue
        if fixed_chars and any(_overlaps((ent.start_char, ent.end_char), f) for f in fixed_chars):
            continue
        start, end = ent.start, ent.end
        while start < end and idx[start] < head:
            start += 1
        if ent.label_ == "ORG":
            end = span_splits.extend_over_region(doc, start, end)
        if start < end and not _CUT_CHARS.search(text, idx[start], idx[end - 1] + length[end - 1]):
            pieces = [(start, end)]  # nothing to cut at: most spans, and the cuts below cost
        else:
            pieces = _pieces(doc, start, end, ent.label_)
        for piece_start, piece_end in pieces:
            label = ent.label_
            if country_key(span_text(doc, piece_start, piece_end)) and piece_end < end:
                label = "GPE"  # the place of "France’s Valmont Group"
            if label != "NORP" and rules.starts_with_honorific(doc, piece_start, piece_end):
                label = "PERSON"  # "Dr Mitchell" tagged ORG
            cleaned = rules.clean_span(doc, piece_start, piece_end, label)
            if not cleaned:
                continue
            if label == "ORG" and rules.part_of_title(doc, *cleaned):
                continue  # "Secretary of State"
            if label == "ORG" and rules.only_title_words(doc, *cleaned):
                # "Interior" (Minister), "British Energy" (Secretary): part of a title, not
                # an organization; a nationality word in it still counts.
                found.extend(
                    Candidate(i, i + 1, "NORP")
                    for i in range(*cleaned)
                    if demonym_code(doc[i].text)
                )
                continue
            found.append(Candidate(cleaned[0], cleaned[1], label))
    return found


def _words(of: Callable[[int, int], str], cand: Candidate) -> tuple[str, ...]:
    """The normalised words of a candidate, ``of`` being ``doc_columns.span_texts(doc)``."""
    return tuple(normalise(of(cand.start, cand.end)).split())


def _relabel_surnames(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """Person evidence in one place settles the type elsewhere in the article.

    A span that ends a person's full name is that person ("Scholz" tagged GPE, "Reeves" tagged
    WORK_OF_ART); a short capitalised name that ends with a person's bare surname is that
    person too ("Giorgia Meloni" tagged ORG where "Meloni" alone was tagged PERSON).
    """
    of = span_texts(doc)
    names = {_words(of, c) for c in cands if c.type == PERSON}
    endings = {n[-k:] for n in names if len(n) >= 2 for k in range(1, len(n) + 1)}
    surnames = {n for n in names if len(n) == 1}
    out = []
    for c in cands:
        if c.type not in (PERSON, COUNTRY, NATIONALITY):
            words = _words(of, c)
            if words in endings or (
                words[-1:] in surnames and rules.looks_like_full_name(doc, c.start, c.end)
            ):
                c = replace(c, type=PERSON, key=None)
        out.append(c)
    return out


def _capitalised_mid_sentence(span: Any) -> bool:
    """A known person's name written with capitals inside a sentence is that name, whatever
    part of speech the tagger gave it ("Meadows’ announcement" NOUN, "anti-Trump groups" ADJ):
    only the first word of a sentence is capitalised for another reason."""
    return all(t.is_title for t in span) and not rules.is_sentence_initial(span[0])


def _fill_repeats(doc: Any, text: str, cands: list[Candidate]) -> list[Candidate]:
    """Untagged repeats of names (and people's surnames) already found, with the same type.
    A repeat is a proper noun, in capitals, or a person's name capitalised inside a sentence.

    Names the model did not tag at all are not searched for, not even well-known cities: on
    the validation pages that search only added wrong places (rule selection, issue 13). Nor
    are a country's repeats: the model tags a country's name wherever it names the country, so
    an untagged repeat is mostly another sense of the word (a US state "Georgia", a person
    "Jordan"); filling them found nothing on the development pages and cost validation."""
    taken = bytearray(len(text))  # 1 for characters inside any model or candidate span
    spans = [(ent.start_char, ent.end_char) for ent in doc_ents(doc)]
    idx, length = token_column(doc, "IDX"), token_column(doc, "LENGTH")
    spans += [(idx[c.start], idx[c.end - 1] + length[c.end - 1]) for c in cands]
    for start, end in spans:
        taken[start:end] = b"\x01" * (end - start)
    surfaces: dict[str, Candidate] = {}
    of = span_texts(doc)
    for c in cands:
        if c.type is not None and c.type != COUNTRY:
            surfaces.setdefault(of(c.start, c.end), c)
    for c in cands:  # a person's bare surname ("Dino wrote" after "Justice Flavio Dino")
        if c.type == PERSON and c.end - c.start >= 2 and doc[c.end - 1].is_title:
            surfaces.setdefault(doc[c.end - 1].text, replace(c, start=c.end - 1))
    if not surfaces:
        return cands
    pattern = re.compile(
        first_chars(surfaces) + r"(?<![\w.])(?:" + longest_first(surfaces) + r")(?![\w])"
    )
    added = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(taken[start:end]):
            continue
        span = doc.char_span(start, end)
        if span is None:
            continue
        model = surfaces[match.group()]
        if not all(t.pos_ == "PROPN" or t.is_upper for t in span) and not (
            model.type == PERSON and _capitalised_mid_sentence(span)
        ):
            continue
        added.append(replace(model, start=span.start, end=span.end, fixed=False))
        taken[start:end] = b"\x01" * (end - start)
    return cands + added


def _without_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep the dateline's spans first, then longer spans, then earlier ones."""
    kept: list[Candidate] = []
    used: set[int] = set()
    for c in sorted(cands, key=lambda c: (not c.fixed, -(c.end - c.start), c.start)):
        tokens = range(c.start, c.end)
        if not used.intersection(tokens):
            kept.append(c)
            used.update(tokens)
    return sorted(kept, key=lambda c: c.start)


def typed_candidates(doc: Any, site: str | None = None) -> list[Candidate]:
    """Stages 1-3: every mention of ours with its type, before aliases are merged."""
    text = doc_text(doc)
    cands = [_typed(doc, c) for c in model_candidates(doc, text)]
    cands = one_sense.apply_definitions(doc, text, cands, _typed)
    cands = _relabel_surnames(doc, cands)
    cands = one_sense.company_short_names(doc, cands)
    cands = one_sense.join_coordinated_bodies(doc, cands)
    cands = one_sense.add_site_name(doc, text, cands, site)
    cands = one_sense.known_long_names(doc, text, cands)
    cands = generic_heads.demonstrative_heads(doc, cands)
    cands = title_case.confirmed_by_body(doc, text, cands)
    cands = products.software_names(doc, cands)
    cands = references.reference_authors(doc, cands)
    cands = org_context.organizations_by_context(doc, cands)
    cands = org_context.bodies_by_own_words(doc, text, cands)
    cands = spanish_bodies.spanish_bodies(doc, text, cands)
    cands = org_context.coordinated_with_organizations(doc, cands)
    cands = share_rows.platforms_in_share_rows(doc, cands)
    cands = event_context.events_by_context(doc, cands)
    cands = branch_names.with_branch_codes(doc, cands)
    cands = place_context.places_by_context(doc, cands)
    cands = references.reference_titles(doc, cands)
    cands = _without_overlaps([c for c in cands if c.type is not None])
    cands = _without_overlaps(_fill_repeats(doc, text, cands))
    return person_names.with_first_names(doc, person_names.pairs_with_first_names(doc, cands))


def extract_entities(doc: Any, site: str | None = None) -> list[Entity]:
    """Entities of every type of ours, aliases merged, ids "e1"... in order of first mention.

    ``site`` is the publishing site (``Article.site``), whose name is an organization.
    """
    mentions = []
    text, idx, length = doc_text(doc), token_column(doc, "IDX"), token_column(doc, "LENGTH")
    for c in typed_candidates(doc, site):
        assert c.type is not None, "typed_candidates keeps typed mentions only"
        if c.end <= c.start:
            continue  # an empty span trims to nothing
        # the span's characters from the columns, not a Span per mention
        start_char, end_char = idx[c.start], idx[c.end - 1] + length[c.end - 1]
        start, end = rules.trim_chars(text[start_char:end_char], start_char, end_char)
        if start < end:
            mentions.append(TypedMention(start, end, text[start:end], c.type, c.key))
    return merge_mentions(mentions)
