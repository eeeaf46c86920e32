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
longer there (renamed on another branch) is reported and its row skipped. The switches and
how one is put in place are in ``ablation_switches``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ablation_switches import SWITCHES, Switch, _has, switched_off

from reader.core.analysis import SpacyAnalyser
from reader.core.analysis import entities as entities_module
from reader.core.analysis.runner import parse_text
from reader.core.loaders import load_article
from reader.core.model import Annotations, Article, Entity, Mention
from tests.fixtures.gold import article_paths, load_gold
from tests.fixtures.real_pages import corpus_dir, label_paths, load_real_page, score_page
from tests.fixtures.scoring import Scores, score_article

WEIGHTED_TYPES = ("person", "country", "organization", "place")
SHORT = {"person": "per", "country": "cou", "organization": "org", "place": "pla"}


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
    raw = Switch(
        "model labels only", "entities", ((entities_module, "extract_entities", raw_entities),)
    )
    with switched_off(raw):
        off = {name: _scores(analyser, sets[name]) for name in names}
    print(f"{raw.label:30} " + " | ".join(_cells(off[n], base[n]) for n in names))
