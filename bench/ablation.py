"""Rule selection: every rule of reader/core/analysis switched off in turn, scored on two sets.

``bench/accuracy.py --ablation`` prints one row per rule: entity F1 per type, speakers and
dates with the rule off, on the development set (the fixture articles and the real development
pages, whose errors may be read) and, in a column group of its own, on the validation pages
(../shared/corpus/html, only measured: scores, never errors). Neither the held-out real pages
nor the held-out wire-style articles (``tests/fixtures/heldout``) are used here at all: a rule
chosen by its score on them would tune on them.

A rule's *gain* on a set is the score with every rule minus the score with that rule off. The
entity score is the mention-weighted F1 over person, country, organization and place (each
type's F1 weighted by its labelled mentions in that set); the quote score (``quo``) counts
the speech quotes found with the right speaker and the scare quotes found as such, the date
score the dates resolved right, both among those labelled, the alias score (``ali``) the gold
alias clusters merged less our entities that join two gold entities. A rule that gains on
development and loses on validation is overfitted (flagged ``OVERFIT``): narrow it to the part
that holds, or drop it.

Each switch replaces names the analysis looks up at call time. A dotted name ("wire_lines.dateline"
of ``entities``) is replaced only as the first module sees it (through a proxy of the second),
so one rule is switched off where it is applied, not every use of a shared helper. A name no
longer there (renamed on another branch) is reported and its row skipped.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.analysis import (
    SpacyAnalyser,
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
from reader.core.analysis.runner import parse_text
from reader.core.loaders import load_article
from reader.core.model import Annotations, Article, Entity, Mention
from tests.fixtures.gold import article_paths, load_gold
from tests.fixtures.real_pages import corpus_dir, label_paths, load_real_page, score_page
from tests.fixtures.scoring import Scores, score_article

WEIGHTED_TYPES = ("person", "country", "organization", "place")
SHORT = {"person": "per", "country": "cou", "organization": "org", "place": "pla"}


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
    _entity("event names dropped", (E, "name_kinds.event_head", _false)),
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


def raw_entities(doc: Any, site: str | None = None) -> list[Entity]:
    """The model's labels mapped to our types with no rule at all, one entity per mention."""
    out = []
    for i, ent in enumerate(doc.ents, start=1):
        kind = entities_module.entity_type(ent.label_, ent.text)
        if kind:
            mention = Mention(ent.start_char, ent.end_char, ent.text)
            out.append(Entity(f"e{i}", kind, ent.text, [mention]))
    return out


@dataclass
class _Parsed:
    """One labelled text, parsed once, and how to score an analysis of it."""

    article: Article
    doc: Any
    score: Callable[[Annotations], Scores]


def _parsed_sets(analyser: SpacyAnalyser, shared: Path) -> dict[str, list[_Parsed]]:
    """The development set (fixture articles with entity labels, real development pages) and
    the validation pages, each parsed once; the validation set is empty without ../shared."""

    def parsed(article: Article, score: Callable[[Annotations], Scores]) -> _Parsed:
        return _Parsed(article, parse_text(analyser.nlp, article.text), score)

    dev = []
    for path in article_paths():  # never the held-out wire articles: measured only
        if load_gold(path.stem, "entities") is not None:
            stem = path.stem
            dev.append(parsed(load_article(path), lambda ann, stem=stem: score_article(stem, ann)))
    sets: dict[str, list[_Parsed]] = {"development": dev, "validation": []}
    for which, name in (("dev", "development"), ("validation", "validation")):
        if not corpus_dir(shared, which).is_dir():
            continue
        for label_path in label_paths(which):
            page = load_real_page(label_path, shared)
            sets[name].append(parsed(page.article, lambda ann, page=page: score_page(page, ann)))
    return sets


def _scores(analyser: SpacyAnalyser, items: list[_Parsed]) -> Scores:
    total = Scores()
    for item in items:
        total += item.score(analyser.annotate_doc(item.article, item.doc))
    return total


def _quotes_right(scores: Scores) -> int:
    """Speech quotes found with the right speaker, and scare quotes found as scare quotes."""
    return scores.quotes.tp["speaker"] + scores.quotes.tp["scare"]


def _quotes_labelled(scores: Scores) -> int:
    q = scores.quotes
    return q.tp["speech"] + q.fn["speech"] + q.tp["scare"] + q.fn["scare"]


def _aliases_right(scores: Scores) -> int:
    """Alias clusters merged less entities joining two gold entities (a wrong merge)."""
    return scores.aliases.tp["alias"] - scores.aliases.fp["alias"]


def weighted_f1(scores: Scores) -> float:
    """F1 of person, country, organization and place, weighted by their labelled mentions."""
    ents = scores.entities
    weights = {kind: ents.tp[kind] + ents.fn[kind] for kind in WEIGHTED_TYPES}
    total = sum(weights.values())
    return sum(ents.prf(k)[2] * w for k, w in weights.items()) / total if total else 0.0


def aspect_score(scores: Scores, aspect: str) -> float:
    """The one number a rule of ``aspect`` is judged by (see the module's docstring)."""
    if aspect == "entities":
        return weighted_f1(scores)
    if aspect == "speakers":
        return _quotes_right(scores) / _quotes_labelled(scores) if _quotes_labelled(scores) else 0.0
    if aspect == "aliases":
        clusters = scores.aliases.tp["alias"] + scores.aliases.fn["alias"]
        return _aliases_right(scores) / clusters if clusters else 0.0
    labelled = scores.dates.tp["found"] + scores.dates.fn["found"]
    return scores.dates.tp["resolved"] / labelled if labelled else 0.0


def _cells(scores: Scores, base: Scores) -> str:
    """One column group: F1 per type, weighted F1 and the speakers, dates and aliases right;
    the last four as differences from ``base`` (every rule on) unless this is the base row."""
    f1 = " ".join(f"{scores.entities.prf(kind)[2]:.3f}" for kind in WEIGHTED_TYPES)
    if scores is base:
        rest = (
            f"{weighted_f1(scores):6.3f} {_quotes_right(scores):4d} "
            f"{scores.dates.tp['resolved']:4d} {_aliases_right(scores):4d}"
        )
    else:
        speakers_delta = _quotes_right(scores) - _quotes_right(base)
        dates_delta = scores.dates.tp["resolved"] - base.dates.tp["resolved"]
        aliases_delta = _aliases_right(scores) - _aliases_right(base)
        rest = (
            f"{weighted_f1(scores) - weighted_f1(base):+6.3f} {speakers_delta:+4d} "
            f"{dates_delta:+4d} {aliases_delta:+4d}"
        )
    return f"{f1} {rest}"


def _verdict(aspect: str, off: dict[str, Scores], base: dict[str, Scores]) -> str:
    """OVERFIT when the rule gains on development and loses on validation, by its aspect."""
    gain = {name: aspect_score(base[name], aspect) - aspect_score(off[name], aspect)
            for name in base}  # fmt: skip
    dev, val = gain["development"], gain.get("validation", 0.0)
    if dev > 0 and val < 0:
        return "OVERFIT"
    if dev <= 0 and val < 0:
        return "hurts"
    if dev == 0 and val == 0:
        return "no effect"
    return ""


def run_ablation(analyser: SpacyAnalyser, shared: Path) -> None:
    """Print the table: every rule off in turn, then the model's labels alone."""
    sets = _parsed_sets(analyser, shared)
    names = [name for name, items in sets.items() if items]
    sizes = ", ".join(f"{len(sets[name])} {name} texts" for name in names)
    group = " ".join(f"{SHORT[k]:>5}" for k in WEIGHTED_TYPES)
    group += f" {'wF1':>6} {'quo':>4} {'dat':>4} {'ali':>4}"
    print(
        f"\n== ablation ({sizes}): a rule off in turn; "
        "wF1, quotes, dates and aliases right as changes"
    )
    print(f"{'':30} " + " | ".join(f"{name:^{len(group)}}" for name in names))
    print(f"{'rule off':30} " + " | ".join(group for _ in names) + " | verdict")
    base = {name: _scores(analyser, sets[name]) for name in names}
    print(f"{'(all rules)':30} " + " | ".join(_cells(base[n], base[n]) for n in names))
    for switch in SWITCHES:
        missing = [name for owner, name, _ in switch.patches if not _has(owner, name)]
        if missing:
            print(f"{switch.label:30} (skipped: {', '.join(missing)} not found)")
            continue
        with switched_off(switch):
            off = {name: _scores(analyser, sets[name]) for name in names}
        cells = " | ".join(_cells(off[n], base[n]) for n in names)
        print(f"{switch.label:30} {cells} | {_verdict(switch.aspect, off, base)}")
    raw = Switch("model labels only", "entities", ((E, "extract_entities", raw_entities),))
    with switched_off(raw):
        off = {name: _scores(analyser, sets[name]) for name in names}
    print(f"{raw.label:30} " + " | ".join(_cells(off[n], base[n]) for n in names))
