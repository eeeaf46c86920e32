"""Merge mentions of one thing into one Entity with a canonical name.

The rules, in the order they apply:

- Countries merge by ISO code ("the United States" = "United States" = "U.S." = "US");
  nationality words by the country they name ("Ukrainian" = "Ukrainians").
- Places merge without a generic last word ("Gaza Strip" = "Gaza"), a US state with its AP
  abbreviation ("Calif." = "California"), territories by ISO code
  ("Cayman" = "Cayman Islands", "BVI" = "British Virgin Islands").
- Organizations and places merge when their names are equal ignoring case, dots, a leading
  "the" and a possessive ("The Guardian" = "Guardian", "BERLIN" = "Berlin"), organizations
  also ignoring a legal form ("Microsoft Corp" = "Microsoft"), a generic last word
  ("Lenoge Technology" = "Lenoge", "Adani Group" = "Adani") and a web address's ending
  ("Amazon.com" = "Amazon"); an acronym merges with the one organization or place whose
  initials it spells ("EU" = "European Union", "BVI" = "British Virgin Islands"), a national
  body's initials also leaving out its country ("DEA" = "United States Drug Enforcement
  Agency", "CBP" = "U.S. Customs and Border Protection"); an acronym that spells no name's
  initials may take some words' first letters ("CREEP", ``syllable_acronyms``).
- An organization named by the last words of exactly one longer one is that one ("Assembly"
  after "General Assembly"), unless they follow a preposition, article or "and" there
  ("Derechos Digitales" is not "Red en Defensa de los Derechos Digitales"; ``org_short_forms``),
  and of several, the one that is it after a country ("House": "U.S. House"); a party by its
  members' word is the party ("Democrats" = "Democratic Party", ``parties``).
- People: a name that is not the end of a longer name is a full name, and each full name is one
  person; middle initials do not count ("Thomas W. Malone" = "Thomas Malone"). A shorter mention
  that ends a full name ("Macron", "de la Fuente") belongs to that person. When it ends several
  full names (a bare "Johnson" beside "Boris Johnson" and "Jo Johnson"), it belongs to the full
  name mentioned most recently before it; with no full name before it, it stays a separate,
  ambiguous entity rather than being guessed. A name written surname first ("Hinton, G.E.", a
  reference list's author) is read in the order said ("G.E. Hinton"), and a full name whose
  first name is only an initial belongs to the one full name it abbreviates ("Geoffrey
  Hinton"), a short first name said alone the one full name whose first name it shortens
  ("Geoff": "Geoffrey Skelley", ``short_first_names``).
- The canonical name is the longest form ("Emmanuel Macron"), in its usual case ("Berlin",
  not the dateline's "BERLIN"); a person's is the article's first full form in the order said
  ("Thomas Malone" before a later "Thomas W. Malone", "I. Gashi" for "Gashi, I."); a country
  known only by an abbreviation takes its short name ("U.S." -> "United States"), a
  nationality its adjective ("Ukrainian").
- Entities are numbered "e1", "e2", ... in order of first mention, so ids are deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.analysis.countries import (
    ABBREVIATIONS,
    country_key,
    country_name,
    demonym_name,
    normalise,
    territory_code,
)
from reader.core.analysis.org_short_forms import complement_of, national_owners
from reader.core.analysis.parties import party_name
from reader.core.analysis.places import state_name
from reader.core.analysis.short_first_names import short_first_names
from reader.core.analysis.syllable_acronyms import spelled_by_prefixes
from reader.core.model import COUNTRY, NATIONALITY, ORGANIZATION, PERSON, PLACE, Entity, Mention

# Words skipped when spelling an organization's initials.
_MINOR = "of for and the in on at to de du des la le el y et"
MINOR_WORDS = frozenset(_MINOR.split())
# Legal-form words that do not change which company is meant (compared without dots), and
# generic last words a company is named with or without ("Lenoge Technology", "Adani Group").
_SUFFIXES = "corp corporation inc incorporated ltd limited llc plc co ag sa nv se gmbh spa"
_GENERIC = "technology technologies group holdings company"
_COMPANY_SUFFIXES = frozenset(_SUFFIXES.split()) | frozenset(_GENERIC.split())
# A web address's ending on a company's name: "Amazon.com" is Amazon.
_WEB_ENDING = re.compile(r"\.(?:com|net|org|co\.uk|io)$", re.IGNORECASE)
# Longest country prefix tried when spelling a national body's initials without it.
_COUNTRY_PREFIX_WORDS = 3


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
    one per part ("Agence France-Presse": AFP); a name that starts with a country also
    without it ("U.S. Customs and Border Protection": CBP)."""
    words = [w for w in name.replace("’", "'").split() if w.lower() not in MINOR_WORDS]
    found = set()
    for skip in range(min(_COUNTRY_PREFIX_WORDS, len(words) - 1) + 1):
        if skip and not country_key(" ".join(words[:skip])):
            continue
        rest = words[skip:]
        found.add("".join(w[0].upper() for w in rest if w[0].isalpha()))
        found.add("".join(p[0].upper() for w in rest for p in w.split("-") if p and p[0].isalpha()))
    return found


def acronym_letters(text: str) -> str | None:
    """ "HSI", "U.S.": two to eight capital letters (dots ignored), else None."""
    bare = text.replace(".", "")
    return bare if 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper() else None


_SUFFIX = re.compile(r"(?:Jr|Sr|Jnr|Snr)\.?|I{2,3}|IV|V", re.I)
"""A generational suffix after a comma ("Jr.", "III"): not a given name said first."""


def natural_order(text: str) -> str:
    """A person's name written surname first, as a reference list writes its authors, in the
    order it is said: "Gashi, I." is "I. Gashi", "Maaten, Laurens van der" "Laurens van der
    Maaten". A name without one comma is returned as it is."""
    surname, comma, given = text.partition(", ")
    if not comma or "," in given or not given.strip() or _SUFFIX.fullmatch(given.strip()):
        return text  # "Martin Luther King, Jr." is said as written
    return f"{given.strip()} {surname.strip()}"


_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)+")


def initials_first(text: str) -> bool:
    """ "G.E. Hinton", "Hinton, G.E.", "M. Nourani": a name whose first name is an initial."""
    first = natural_order(text).split()[0] if text.split() else ""
    return bool(_INITIALS.fullmatch(first)) and first[0].isupper()


def name_words(text: str) -> tuple[str, ...]:
    """A person's name as the full-name rule compares it: normalised words in the order said,
    without middle initials or a generational suffix ("Thomas W. Malone" is "Thomas Malone",
    "Malone, Thomas W." too)."""
    words = [w.rstrip(",") for w in _words(natural_order(text))]
    if len(words) > 2 and _SUFFIX.fullmatch(words[-1]):
        words = words[:-1]  # "Ezra Pond, Jr." ends in "Pond"
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return tuple(words)


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


def initial_owners(
    initialled: set[tuple[str, ...]], full: set[tuple[str, ...]]
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Full names whose first name is only an initial ("G.E. Hinton") and the one other full
    name they abbreviate: the same surname, a first name with that initial ("Geoffrey
    Hinton"). Two such names ("Gina Hinton" too) leave the initialled name apart."""
    found = {}
    for words in initialled & full:
        owners = [
            f
            for f in full - initialled
            if len(f) == len(words) and f[1:] == words[1:] and f[0][:1] == words[0][:1]
        ]
        if len(owners) == 1:
            found[words] = owners[0]
    return found


def _person_groups(mentions: list[TypedMention]) -> list[list[TypedMention]]:
    """Group person mentions by the full-name rule in the module docstring."""
    # one reading per distinct text and one search for owners per distinct name: an article
    # repeats its names (the search compared every full name at every mention)
    words_of = {text: name_words(text) for text in {m.text for m in mentions}}
    full = full_names(set(words_of.values()))
    initialled = initial_owners({w for t, w in words_of.items() if initials_first(t)}, full)
    initialled.update(short_first_names(full - set(initialled)))  # "Geoff": "Geoffrey Skelley"
    full -= set(initialled)
    owners_of: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    groups: dict[tuple[str, ...], list[TypedMention]] = {}
    last_seen: dict[tuple[str, ...], int] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        words = words_of[m.text]
        if words in initialled:
            target = initialled[words]
        elif words in full:
            target = words
            last_seen[words] = m.start
        else:
            owners = owners_of.get(words)
            if owners is None:
                owners = owners_of[words] = name_owners(words, full)
            if len(owners) == 1:
                target = owners[0]
            else:
                before = [f for f in owners if f in last_seen]
                target = max(before, key=lambda f: last_seen[f]) if before else words
        groups.setdefault(target, []).append(m)
    return list(groups.values())


def org_key(name: str) -> str:
    """Merge key of an organization: "Microsoft Corp." and "Microsoft" are one company."""
    party = party_name(name)
    if party:
        return normalise(party)  # "Democrats" = "Democratic" = "Democratic Party"
    words = normalise(_WEB_ENDING.sub("", name.strip())).split()
    while len(words) > 1 and words[-1].strip(",") in _COMPANY_SUFFIXES:
        words.pop()
    return " ".join(w.strip(",") for w in words)


# Last words a place is named with or without: "the Gaza Strip" is "Gaza", "the Sinai
# Peninsula" "Sinai". Not "City" or "County": "Gaza City" is a city in the Gaza Strip, "Napa
# County" holds the city of Napa.
_PLACE_WORDS = frozenset({"strip", "peninsula", "archipelago", "valley", "desert"})


def place_key(name: str) -> str:
    """Merge key of a place: its name without a generic last word ("Gaza Strip" = "Gaza"), a
    US state's AP abbreviation its name ("Calif." = "California")."""
    words = normalise(state_name(name) or name).split()
    if len(words) > 1 and words[-1] in _PLACE_WORDS:
        words.pop()
    return " ".join(words)


def _keyed_groups(mentions: list[TypedMention]) -> list[list[TypedMention]]:
    """Countries and nationalities by code; organizations and places by normalised name."""
    groups: dict[str, list[TypedMention]] = {}
    for m in mentions:
        if m.type in (COUNTRY, NATIONALITY) and m.key:
            key = m.key
        elif m.type == PLACE and (code := territory_code(m.text)):
            key = f"territory:{code}"  # "Cayman" = "Cayman Islands", "USVI" = "U.S. Virgin Islands"
        elif m.type == PLACE:
            key = place_key(m.text)
        else:
            key = org_key(m.text) if m.type == ORGANIZATION else normalise(m.text)
        groups.setdefault(key, []).append(m)
    return list(groups.values())


def _merge_acronyms(groups: list[list[TypedMention]]) -> list[list[TypedMention]]:
    """Fold an acronym group into the one group of the same type whose name it abbreviates."""
    long_names: dict[str, list[int]] = {}
    spellers: dict[int, list[str]] = {}  # each long name's words, minor words aside
    for i, group in enumerate(groups):
        if not any(acronym_letters(m.text) for m in group):
            name = _canonical_text(group)
            for letters in initials(name):
                long_names.setdefault(letters, []).append(i)
            spellers[i] = [w for w in name.split() if w.lower() not in MINOR_WORDS]
    merged: set[int] = set()
    for i, group in enumerate(groups):
        acronyms = {acronym_letters(m.text) for m in group}
        if len(acronyms) != 1 or None in acronyms:
            continue
        letters = acronyms.pop() or ""
        targets = long_names.get(letters) or [
            j for j, words in spellers.items() if spelled_by_prefixes(letters, words)
        ]
        if len(targets) == 1:
            groups[targets[0]].extend(group)
            merged.add(i)
    return [g for i, g in enumerate(groups) if i not in merged]


def _merge_short_forms(groups: list[list[TypedMention]]) -> list[list[TypedMention]]:
    """Fold an organization named by the last words of exactly one longer one into it: "the
    Assembly" after "General Assembly", "Progressive Caucus" after "Congressional Progressive
    Caucus", as a surname after a full name. Two longer candidates leave it apart, unless
    one is it after a country ("House": "U.S. House" over "White House")."""
    texts = [_canonical_text(g) for g in groups]
    names = [tuple(org_key(text).split()) for text in texts]
    merged: set[int] = set()
    for i, short in enumerate(names):
        if any(acronym_letters(m.text) for m in groups[i]):
            continue
        owners = [
            j
            for j, long in enumerate(names)
            if j != i
            and j not in merged
            and len(long) > len(short)
            and long[-len(short) :] == short
            and not complement_of(long, len(short))
        ]
        if len(owners) > 1:
            owners = national_owners(owners, [texts[j] for j in owners], len(short))
        if len(owners) == 1:
            groups[owners[0]].extend(groups[i])
            merged.add(i)
    return [g for i, g in enumerate(groups) if i not in merged]


def _canonical_text(group: list[TypedMention]) -> str:
    """The longest form, preferring one not written in capitals (a dateline's "BERLIN")."""
    texts = [m.text for m in group]
    mixed = [t for t in texts if not t.isupper()]
    best = max(mixed or texts, key=lambda t: (len(t.split()), len(t)))
    if mixed or (group[0].type == ORGANIZATION and acronym_letters(best)):
        return best
    return best.title()


def _person_name(group: list[TypedMention]) -> str:
    """The article's first full form of a person's name (the most words, middle initials not
    counted), in the order said: a middle initial written later, in a book credit's "Thomas W.
    Malone", does not rename the "Thomas Malone" the article introduced; a full first name wins
    over an initial ("Geoffrey Hinton" over "Hinton, G.E."), mixed case over capitals."""
    forms = [natural_order(m.text) for m in group]  # the group is in order of mention
    most = max(len(name_words(f)) for f in forms)
    full = [f for f in forms if len(name_words(f)) == most]
    best = min(full, key=lambda f: (f.isupper(), initials_first(f)))
    return best.title() if best.isupper() else best


def _canonical_name(group: list[TypedMention]) -> str:
    kind = group[0].type
    code = group[0].key
    if kind == PERSON:
        return _person_name(group)
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
            groups.extend(_merge_acronyms(_merge_short_forms(_keyed_groups(items))))
        elif kind == PLACE:
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
