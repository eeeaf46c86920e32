"""Merge mentions of one thing into one Entity with a canonical name.

The rules, in the order they apply:

- Countries merge by ISO code ("the United States" = "United States" = "U.S." = "US");
  nationality words by the country they name ("Ukrainian" = "Ukrainians").
- Organizations and places merge when their names are equal ignoring case, dots, a leading
  "the" and a possessive ("The Guardian" = "Guardian", "BERLIN" = "Berlin"), organizations
  also ignoring a legal form ("Microsoft Corp" = "Microsoft"); an acronym merges with the
  one organization whose initials it spells ("EU" = "European Union").
- People: a name that is not the end of a longer name is a full name, and each full name is one
  person. A shorter mention that ends a full name ("Macron", "de la Fuente") belongs to that
  person. When it ends several full names (a bare "Johnson" beside "Boris Johnson" and
  "Jo Johnson"), it belongs to the full name mentioned most recently before it; with no full
  name before it, it stays a separate, ambiguous entity rather than being guessed.
- The canonical name is the longest form ("Emmanuel Macron"), in its usual case ("Berlin",
  not the dateline's "BERLIN"); a country known only by an abbreviation takes its short name
  ("U.S." -> "United States"), a nationality its adjective ("Ukrainian").
- Entities are numbered "e1", "e2", ... in order of first mention, so ids are deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.analysis.countries import (
    ABBREVIATIONS,
    country_name,
    demonym_name,
    normalise,
)
from reader.core.model import COUNTRY, NATIONALITY, ORGANIZATION, PERSON, Entity, Mention

# Words skipped when spelling an organization's initials.
_MINOR = "of for and the in on at to de du des la le el y et"
_MINOR_WORDS = frozenset(_MINOR.split())
# Legal-form words that do not change which company is meant (compared without dots).
_SUFFIXES = "corp corporation inc incorporated ltd limited llc plc co ag sa nv se gmbh spa"
_COMPANY_SUFFIXES = frozenset(_SUFFIXES.split())


@dataclass(frozen=True)
class TypedMention:
    """A cleaned mention with our type; ``key`` is the country code for countries/nationalities."""

    start: int
    end: int
    text: str
    type: str
    key: str | None = None


def _words(text: str) -> list[str]:
    return normalise(text).split()


def initials(name: str) -> set[str]:
    """Acronyms a name may take: hyphenated words give one letter ("Co-operation": OSCE) or
    one per part ("Agence France-Presse": AFP)."""
    words = [w for w in name.replace("’", "'").split() if w.lower() not in _MINOR_WORDS]
    whole = "".join(w[0].upper() for w in words if w[0].isalpha())
    parts = "".join(p[0].upper() for w in words for p in w.split("-") if p and p[0].isalpha())
    return {whole, parts}


def acronym(text: str) -> str | None:
    """The letters of an organization acronym ("E.U." -> "EU"), or None for a name."""
    bare = text.replace(".", "")
    return bare if 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper() else None


def name_words(text: str) -> tuple[str, ...]:
    """A person's name as the full-name rule compares it: normalised words."""
    return tuple(_words(text))


def full_names(names: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The names that end no longer name ("Macron" ends "Emmanuel Macron"; a single word
    also when it begins one, "Xi" of "Xi Jinping"): each is one person."""
    ends: set[tuple[str, ...]] = set()  # every proper ending of a longer name
    starts: set[str] = set()  # the first word of every name of two words or more
    for other in names:
        ends.update(other[i:] for i in range(1, len(other)))
        if len(other) > 1:
            starts.add(other[0])
    return {n for n in names if n not in ends and not (len(n) == 1 and n[0] in starts)}


def name_owners(words: tuple[str, ...], full: set[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The full names a shorter name may belong to: those it ends, else (one word) those it
    begins ("Xi" for "Xi Jinping": family name first). One owner is certain; several are
    ambiguous."""
    owners = [f for f in full if len(f) > len(words) and f[-len(words) :] == words]
    if not owners and len(words) == 1:
        owners = [f for f in full if len(f) > 1 and f[0] == words[0]]
    return owners


def _person_groups(mentions: list[TypedMention]) -> list[list[TypedMention]]:
    """Group person mentions by the full-name rule in the module docstring."""
    names = {name_words(m.text) for m in mentions}
    full = full_names(names)
    groups: dict[tuple[str, ...], list[TypedMention]] = {}
    last_seen: dict[tuple[str, ...], int] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        words = name_words(m.text)
        if words in full:
            target = words
            last_seen[words] = m.start
        else:
            owners = name_owners(words, full)
            if len(owners) == 1:
                target = owners[0]
            else:
                before = [f for f in owners if f in last_seen]
                target = max(before, key=lambda f: last_seen[f]) if before else words
        groups.setdefault(target, []).append(m)
    return list(groups.values())


def org_key(name: str) -> str:
    """Merge key of an organization: "Microsoft Corp." and "Microsoft" are one company."""
    words = normalise(name).split()
    while len(words) > 1 and words[-1].strip(",") in _COMPANY_SUFFIXES:
        words.pop()
    return " ".join(w.strip(",") for w in words)


def _keyed_groups(mentions: list[TypedMention]) -> list[list[TypedMention]]:
    """Countries and nationalities by code; organizations and places by normalised name."""
    groups: dict[str, list[TypedMention]] = {}
    for m in mentions:
        if m.type in (COUNTRY, NATIONALITY) and m.key:
            key = m.key
        else:
            key = org_key(m.text) if m.type == ORGANIZATION else normalise(m.text)
        groups.setdefault(key, []).append(m)
    return list(groups.values())


def _merge_acronyms(groups: list[list[TypedMention]]) -> list[list[TypedMention]]:
    """Fold an organization acronym group into the one organization it abbreviates."""
    long_names: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        if not any(acronym(m.text) for m in group):
            for letters in initials(_canonical_text(group)):
                long_names.setdefault(letters, []).append(i)
    merged: set[int] = set()
    for i, group in enumerate(groups):
        acronyms = {acronym(m.text) for m in group}
        if len(acronyms) != 1 or None in acronyms:
            continue
        targets = long_names.get(acronyms.pop() or "", [])
        if len(targets) == 1:
            groups[targets[0]].extend(group)
            merged.add(i)
    return [g for i, g in enumerate(groups) if i not in merged]


def _canonical_text(group: list[TypedMention]) -> str:
    """The longest form, preferring one not written in capitals (a dateline's "BERLIN")."""
    texts = [m.text for m in group]
    mixed = [t for t in texts if not t.isupper()]
    best = max(mixed or texts, key=lambda t: (len(t.split()), len(t)))
    if mixed or (group[0].type == ORGANIZATION and acronym(best)):
        return best
    return best.title()


def _canonical_name(group: list[TypedMention]) -> str:
    kind = group[0].type
    code = group[0].key
    if kind == NATIONALITY and code:
        return demonym_name(code) or _canonical_text(group)
    if kind == COUNTRY and code:
        full = [m for m in group if m.text not in ABBREVIATIONS and not m.text.isupper()]
        if full:
            return _canonical_text(full)
        return country_name(code.split("-")[0]) or _canonical_text(group)
    return _canonical_text(group)


def merge_mentions(mentions: list[TypedMention]) -> list[Entity]:
    """One Entity per real-world thing, numbered in order of first mention."""
    by_type: dict[str, list[TypedMention]] = {}
    for m in mentions:
        by_type.setdefault(m.type, []).append(m)
    groups: list[list[TypedMention]] = []
    for kind, items in by_type.items():
        if kind == PERSON:
            groups.extend(_person_groups(items))
        elif kind == ORGANIZATION:
            groups.extend(_merge_acronyms(_keyed_groups(items)))
        else:
            groups.extend(_keyed_groups(items))
    for group in groups:
        group.sort(key=lambda m: (m.start, m.end))
    groups.sort(key=lambda g: (g[0].start, g[0].end))
    entities = []
    for i, group in enumerate(groups, start=1):
        first = group[0]
        code = first.key.split("-")[0] if first.key else None
        seen: set[tuple[int, int]] = set()
        unique = []
        for m in group:
            if (m.start, m.end) not in seen:
                seen.add((m.start, m.end))
                unique.append(Mention(m.start, m.end, m.text))
        entities.append(
            Entity(
                id=f"e{i}",
                type=first.type,
                name=_canonical_name(group),
                mentions=unique,
                country=code if first.type in (COUNTRY, NATIONALITY) else None,
            )
        )
    return entities
