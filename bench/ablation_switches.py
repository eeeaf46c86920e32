"""The switches of ``bench/ablation.py``: each rule of reader/core/analysis, and how to turn
it off for one run (``switched_off``).

Each switch replaces names the analysis looks up at call time. A dotted name ("wire_lines.dateline"
of ``entities``) is replaced only as the first module sees it (through a proxy of the second),
so one rule is switched off where it is applied, not every use of a shared helper.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from reader.core.analysis import (
    aliases,
    date_resolution,
    date_tense,
    dates,
    generic_heads,
    name_kinds,
    org_context,
    quote_inheritance,
    quote_transcripts,
    quotes,
    speakers,
    speech_verbs,
    title_case,
)
from reader.core.analysis import entities as entities_module
from reader.core.analysis import places as places_module


def _false(*_: object, **__: object) -> bool:
    return False


def _none(*_: object, **__: object) -> None:
    return None


def _empty(*_: object, **__: object) -> list[Any]:
    return []


def _arg(index: int) -> Callable[..., Any]:
    """A replacement that hands back its ``index``-th argument unchanged (the candidates)."""
    return lambda *args, **_: args[index]


def _whole(_doc: object, start: int, end: int) -> list[tuple[int, int]]:
    """A span splitter that never splits."""
    return [(start, end)]


@dataclass(frozen=True)
class Switch:
    """One rule off: ``patches`` are (owner, name, replacement); ``aspect`` is what it is for
    ("entities", "speakers", "dates" or "aliases"), the score that decides whether it stays."""

    label: str
    aspect: str
    patches: tuple[tuple[object, str, object], ...]


E, OC = entities_module, org_context
_NEVER = re.compile(r"(?!)")  # a pattern that matches nothing
_PLURAL_SPEECH_NOUNS = frozenset(
    {"messages", "warnings", "responses", "replies", "announcements", "appeals", "pleas"}
) | {"speeches"}


def _repeats_without(kind: str) -> Callable[..., Any]:
    """``_fill_repeats`` adding no repeat of type ``kind`` (it returns its input, then what
    it added)."""
    fill = entities_module._fill_repeats

    def without(doc: Any, text: str, cands: list[Any]) -> list[Any]:
        added = fill(doc, text, cands)[len(cands) :]
        return cands + [c for c in added if c.type != kind]

    return without


def _links_without(word: str) -> frozenset[str]:
    return name_kinds.HEAD_FIRST_LINKS - {word}


def _entity(label: str, *patches: tuple[object, str, object]) -> Switch:
    return Switch(label, "entities", patches)


ENTITY_SWITCHES = (
    # stage 1: the model's spans and the spans by rule (entities.model_candidates)
    _entity("dateline rule", (E, "wire_lines.dateline", _none)),
    _entity("bare dateline", (E, "wire_lines.bare_dateline", _empty)),
    _entity("'and' country names", (E, "and_names", _empty)),
    _entity("photo credits", (E, "wire_lines.photo_credits", _empty)),
    _entity("party-state tags", (E, "state_tags.party_state_tags", _empty)),
    _entity("'in Europe' extension", (E, "span_splits.extend_over_region", _arg(2))),
    _entity("cut at line breaks", (E, "span_splits.split_lines", _whole)),
    _entity("cut at colons", (E, "span_splits.split_at_colons", _whole)),
    _entity("cut at spaced dashes", (E, "span_splits.split_at_dashes", _whole)),
    _entity("cut after place possessive", (E, "span_splits.split_after_place_possessive", _whole)),
    _entity("honorific -> person", (E, "rules.starts_with_honorific", _false)),
    _entity("span cleaning", (E, "rules.clean_span", lambda doc, s, e, label: (s, e))),
    _entity("part of a title", (E, "rules.part_of_title", _false)),
    _entity("title words, not ORG", (E, "rules.only_title_words", _false)),
    # stage 2: our types (entities.entity_type and entities._typed)
    _entity("always-organization names", (E, "rules.ALWAYS_ORGANIZATIONS", frozenset())),
    _entity("common initialisms", (E, "name_kinds.common_initialism", _false)),
    _entity("legal form -> org", (E, "name_kinds.company_name", _false)),
    _entity("club words -> org", (E, "name_kinds.club_name", _false)),
    _entity("disease names", (E, "name_kinds.is_disease", _false)),
    _entity("city/territory retyped", (E, "places.is_city", _false), (E, "territory_code", _none)),
    _entity("facility ORG -> place", (E, "rules.facility_name", _false)),
    _entity("PERSON w/ body head -> org", (E, "name_kinds.organization_head", _false)),
    _entity("party words -> org", (E, "parties.party_name", _none)),
    _entity("party factions -> org", (E, "parties.faction_name", _false)),
    _entity("event names dropped", (E, "name_kinds.event_head", _false)),
    _entity("happenings dropped", (E, "name_kinds.happening_name", _false)),
    _entity("common words dropped", (E, "name_kinds.common_word", _false)),
    _entity("'the' + PERSON dropped", (E, "rules.preceded_by_article", _false)),
    _entity("person after title", (E, "rules.after_person_title", _false)),
    _entity("person after kin noun", (E, "rules.after_person_noun", _false)),
    _entity("language use dropped", (E, "rules.is_language_use", _false)),
    # stage 3: one sense per article (entities.typed_candidates)
    _entity("acronym definitions", (E, "one_sense.apply_definitions", _arg(2))),
    _entity("surname relabel", (E, "_relabel_surnames", _arg(1))),
    _entity("first names before surnames", (E, "person_names.with_first_names", _arg(1))),
    _entity("first-name pairs -> person", (E, "person_names.pairs_with_first_names", _arg(1))),
    _entity("company short names", (E, "one_sense.company_short_names", _arg(1))),
    _entity("'and' inside a body name", (E, "one_sense.join_coordinated_bodies", _arg(1))),
    _entity("site name", (E, "one_sense.add_site_name", _arg(2))),
    _entity("full names over pieces", (E, "one_sense.known_long_names", _arg(2))),
    _entity("'this <Head>' points, no name", (generic_heads, "DEMONSTRATIVES", frozenset())),
    _entity("title-case lines", (E, "title_case.confirmed_by_body", _arg(2))),
    _entity("quoted titles", (title_case, "quoted_titles", _empty)),
    _entity("software names", (E, "products.software_names", _arg(1))),
    _entity("reference-list authors", (E, "references.reference_authors", _arg(1))),
    _entity("reference-list titles", (E, "references.reference_titles", _arg(1))),
    _entity(
        "org ctx 1: class noun",
        (OC, "_Context.class_before", _false),
        (OC, "_Context.appositive_to_class", _false),
    ),
    _entity("org ctx 1: listed examples", (OC, "_Context.listed_with", _empty)),
    _entity("org ctx 2: owned noun", (OC, "_Context.owned_after", _false)),
    _entity("own words 3: head last", (OC, "name_kinds.named_as_body", _false)),
    _entity("own words 4: head first", (OC, "_head_first_end", _arg(1))),
    _entity("own words 4: 'of' link", (OC, "name_kinds.HEAD_FIRST_LINKS", _links_without("of"))),
    _entity("own words 4: 'on' link", (OC, "name_kinds.HEAD_FIRST_LINKS", _links_without("on"))),
    _entity("Spanish body names", (E, "spanish_bodies.spanish_bodies", _arg(2))),
    _entity("org ctx 5: coordination", (E, "org_context.coordinated_with_organizations", _arg(1))),
    _entity("share-button rows", (E, "share_rows.platforms_in_share_rows", _arg(1))),
    _entity("event nouns list events", (E, "event_context.events_by_context", _arg(1))),
    _entity("country code in body name", (E, "branch_names.with_branch_codes", _arg(1))),
    _entity("place nouns -> place", (E, "place_context.places_by_context", _arg(1))),
    _entity("repeat filling", (E, "_fill_repeats", _arg(2))),
    *(
        _entity(f"repeats: {kind}", (E, "_fill_repeats", _repeats_without(kind)))
        for kind in ("person", "country", "organization", "place", "nationality")
    ),
    _entity("repeats: capitalised person", (E, "_capitalised_mid_sentence", _false)),
    _entity("city table", (places_module, "CITIES", frozenset())),
)


def _no_sexes(*_args: object) -> dict[str, str]:
    return {}


SPEAKER_SWITCHES = (
    Switch("inheritance (step 3)", "speakers", ((quotes, "inherit_speakers", _none),)),
    Switch("handed over", "speakers", ((quote_inheritance, "_handed_over", _none),)),
    Switch("lead quotations", "speakers", ((quote_inheritance, "_lead_quotations", _none),)),
    Switch(
        "narration stops inheritance",
        "speakers",
        ((quote_inheritance, "_after_narration", _false),),
    ),
    Switch("pull quotes (echoes)", "speakers", ((quotes, "echo_speakers", _none),)),
    Switch("interview turns", "speakers", ((quotes, "transcript_speakers", _none),)),
    Switch("questions quote 'you' back", "speakers", ((quote_transcripts, "_quotes_you", _false),)),
    Switch("spokespeople", "speakers", ((speakers, "spoken_for", _none),)),
    Switch("writings speak for authors", "speakers", ((speakers, "WRITING_NOUNS", frozenset()),)),
    Switch(
        "'relate' tells",
        "speakers",
        ((speech_verbs, "SPEECH_VERBS", speech_verbs.SPEECH_VERBS - {"relate"}),),
    ),
    Switch(
        "plural speech nouns",
        "speakers",
        ((speech_verbs, "SPEECH_NOUNS", speech_verbs.SPEECH_NOUNS - _PLURAL_SPEECH_NOUNS),),
    ),
    Switch("sex by first name", "speakers", ((speakers, "sexes_by_first_name", _no_sexes),)),
    Switch("light speech verbs", "speakers", ((speakers, "is_light_speech_verb", _false),)),
    Switch("noun of saying's owner", "speakers", ((quotes, "_claimed_by", _none),)),
    Switch("signed quotation", "speakers", ((quotes, "_signed_by", _none),)),
    Switch("colon introduces", "speakers", ((quotes, "_introduced_by_colon", _none),)),
    Switch("terms are scare quotes", "speakers", ((quotes, "_is_term", _false),)),
    Switch("terms: names in capitals", "speakers", ((quotes, "_is_name", _false),)),
    Switch("terms: 'so-called' cues", "speakers", ((quotes, "_SO_CALLED", _NEVER),)),
    Switch("headline source", "speakers", ((quotes, "_headline_source", _false),)),
    # a speaker's name as aliases writes it (entities.extract_entities -> aliases.merge_mentions)
    Switch("surname-first names", "speakers", ((aliases, "natural_order", lambda text: text),)),
    Switch("initials to full names", "speakers", ((aliases, "initial_owners", lambda *_: {}),)),
    Switch("first full form", "speakers", ((aliases, "_person_name", aliases._canonical_text),)),
)

DATE_SWITCHES = (
    Switch("'Today' as nowadays", "dates", ((dates, "means_nowadays", _false),)),
    Switch("past perfect weekday", "dates", ((dates, "in_past_perfect", _false),)),
    Switch("clause year", "dates", ((dates, "with_clause_year", _arg(1)),)),
    Switch("range ends split", "dates", ((dates, "range_ends", lambda t, item, f: [item]),)),
    Switch("sentence timeline", "dates", ((dates, "sentence_timeline", _arg(1)),)),
    Switch("weekday in apposition", "dates", ((dates, "weekdays_in_apposition", _arg(1)),)),
    Switch("day-first ranges", "dates", ((dates, "day_first_starts", _arg(1)),)),
    Switch("range ends in order", "dates", ((dates, "ordered_ends", _arg(1)),)),
    Switch("scheduled onset ahead", "dates", ((date_tense, "_names_scheduled_onset", _false),)),
    Switch("plan in the past", "dates", ((date_tense, "_plan_in_the_past", _false),)),
    Switch("attachment fix", "dates", ((date_tense, "_attachment_fix", _arg(0)),)),
    Switch(
        "progressive: near arrangement", "dates", ((date_tense, "PROGRESSIVE_AHEAD", "future"),)
    ),
    Switch("progressive after an event", "dates", ((date_tense, "_ongoing_after_event", _false),)),
    Switch("this/last/next season", "dates", ((date_resolution, "SEASON_RELATIVE", _NEVER),)),
    Switch("season before a year", "dates", ((date_resolution, "SEASON_YEAR", _NEVER),)),
    Switch("future reported in the past", "dates", ((dates, "reported_future", _none),)),
    Switch(
        "prediction passives ahead",
        "dates",
        ((date_tense, "FUTURE_CUES", date_tense.FUTURE_CUES - date_tense.PREDICTION_CUES),),
    ),
    Switch("news peg: follows, comes after", "dates", ((date_tense, "_news_peg", _false),)),
    Switch("postponed to a new time", "dates", ((date_tense, "_moved_to", _false),)),
    Switch("future perfect ahead", "dates", ((date_tense, "FUTURE_PERFECT_MODALS", frozenset()),)),
    Switch("onset participle", "dates", ((date_tense, "_opens_from", _false),)),
)

# merging mentions into entities (aliases.merge_mentions), judged by the alias clusters
ALIAS_SWITCHES = (
    Switch("org short forms", "aliases", ((aliases, "_merge_short_forms", _arg(0)),)),
    Switch("acronyms spell names", "aliases", ((aliases, "_merge_acronyms", _arg(0)),)),
    Switch("short form after preposition", "aliases", ((aliases, "complement_of", _false),)),
    Switch("short first names", "aliases", ((aliases, "short_first_names", lambda _: {}),)),
    Switch("syllable acronyms", "aliases", ((aliases, "spelled_by_prefixes", _false),)),
    Switch("national body's short form", "aliases", ((aliases, "national_owners", _arg(0)),)),
)

SWITCHES = ENTITY_SWITCHES + SPEAKER_SWITCHES + DATE_SWITCHES + ALIAS_SWITCHES


class _Proxy:
    """A module as one other module sees it, with some of its names replaced."""

    def __init__(self, base: object, replaced: dict[str, object]) -> None:
        self._base, self._replaced = base, replaced

    def __getattr__(self, name: str) -> object:
        if name in self._replaced:
            return self._replaced[name]
        return getattr(self._base, name)


def _replaced(base: object, name: str, value: object) -> object:
    """``base`` with ``name`` replaced as one module sees it: a module through a ``_Proxy``;
    a class through a subclass, so the module can still call it to make instances (a proxy
    of a class is no class: "org_context._Context.class_before")."""
    if isinstance(base, type):
        return type(base.__name__, (base,), {name: value})
    return _Proxy(base, {name: value})


def _has(owner: object, name: str) -> bool:
    head, _, rest = name.partition(".")
    return hasattr(owner, head) and (not rest or hasattr(getattr(owner, head), rest))


@contextlib.contextmanager
def switched_off(switch: Switch) -> Iterator[None]:
    """Every patch of ``switch`` in place for the ``with`` block, then the originals back."""
    saved: list[tuple[object, str, object]] = []
    try:
        for owner, name, value in switch.patches:
            head, _, rest = name.partition(".")
            old = getattr(owner, head)
            saved.append((owner, head, old))
            setattr(owner, head, _replaced(old, rest, value) if rest else value)
        yield
    finally:
        for owner, head, old in reversed(saved):
            setattr(owner, head, old)
