"""One person, country or organization across articles: the analysis's alias rules, library-wide.

Each article's analysis already merged its own mentions (``reader.core.analysis.aliases``);
the library then joins the articles' entities by the same rules, applied to the canonical
names (*aliases*) the articles gave them:

- Countries and nationalities join by ISO code; places by normalised name; organizations by
  name without a legal form ("Microsoft Corp" = "Microsoft"); an acronym joins the one
  organization in the library whose initials it spells ("EU" = "European Union").
- People: a name that ends no longer name in the library is a full name, one person; a
  shorter one ("Macron") joins the one full name it ends ("Emmanuel Macron"). A name that ends
  several ("Johnson": "Boris Johnson", "Jo Johnson") stays an entity of its own, since across
  articles there is no "most recent mention" to decide by; it is never guessed.
- A wrong merge is split by the user: a split alias owns itself and owns no other name.

Owners are recomputed for the *family* of a name that arrives or leaves (the shorter names it
ends or begins, or the acronyms its initials spell), so the result does not depend on the order
in which articles were indexed, and a surname shared by thousands of names costs no more.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reader.core.analysis.aliases import (
    acronym_letters,
    full_names,
    initials,
    name_owners,
    name_words,
    org_key,
)
from reader.core.analysis.countries import country_code, demonym_code, normalise
from reader.core.model import COUNTRY, NATIONALITY, ORGANIZATION, PERSON


@dataclass(frozen=True)
class AliasKey:
    """How the library files one canonical name."""

    type: str
    key: str
    first_word: str
    last_word: str
    acronym: str | None = None


def alias_key(kind: str, name: str, country: str | None = None) -> AliasKey:
    """The identity key of an article's entity named ``name`` (the rules of the docstring)."""
    if kind == PERSON:
        words = name_words(name) or (name.strip().lower(),)
        key = " ".join(words)
    elif kind in (COUNTRY, NATIONALITY) and (
        code := country or (country_code(name) if kind == COUNTRY else demonym_code(name))
    ):
        key = code.upper()
    elif kind == ORGANIZATION:
        key = org_key(name)
    else:
        key = normalise(name)
    parts = key.split() or [key]
    letters = acronym_letters(name) if kind == ORGANIZATION else None
    return AliasKey(kind, key, parts[0], parts[-1], letters)


@dataclass(frozen=True)
class _Alias:
    id: int
    type: str
    key: str
    name: str
    acronym: str | None
    split: bool
    entity_id: int | None


_COLUMNS = "id, type, key, name, acronym, split, entity_id"


def _alias(row: tuple[Any, ...]) -> _Alias:
    return _Alias(row[0], row[1], row[2], row[3], row[4], bool(row[5]), row[6])


def _preference(name: str) -> tuple[bool, int, int]:
    """The analysis's choice of canonical form: not in capitals (a dateline's "BERLIN"),
    then the most words, then the longest."""
    return (not name.isupper(), len(name.split()), len(name))


def ensure_alias(conn: sqlite3.Connection, kind: str, name: str, country: str | None) -> int:
    """The id of the alias row for this name, created (with no owner yet) if new."""
    filed = alias_key(kind, name, country)
    row = conn.execute(
        "SELECT id, name FROM aliases WHERE type = ? AND key = ?", (filed.type, filed.key)
    ).fetchone()
    if row is not None:
        if _preference(name) > _preference(row[1]):
            conn.execute("UPDATE aliases SET name = ? WHERE id = ?", (name, row[0]))
        return int(row[0])
    cursor = conn.execute(
        "INSERT INTO aliases (type, key, name, first_word, last_word, acronym)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (filed.type, filed.key, name, filed.first_word, filed.last_word, filed.acronym),
    )
    alias_id = int(cursor.lastrowid or 0)
    if kind == ORGANIZATION and filed.acronym is None:
        conn.executemany(
            "INSERT OR IGNORE INTO alias_initials (alias_id, letters) VALUES (?, ?)",
            [(alias_id, letters) for letters in initials(name) if len(letters) >= 2],
        )
    return alias_id


def family(conn: sqlite3.Connection, alias_ids: Iterable[int]) -> set[int]:
    """The aliases whose owner may change when these arrive or leave (themselves included).

    For a person: the names that end it ("Macron" of "Emmanuel Macron") and the one word
    that begins it or one of those ("Xi" of "Xi Jinping" and of "President Xi Jinping"), the
    only names it can own or stop owning; for an
    organization: the acronyms its initials spell. A handful of key lookups, however many
    names share a surname.
    """
    found: set[int] = set()
    for alias_id in alias_ids:
        row = conn.execute(
            "SELECT type, key, acronym, name FROM aliases WHERE id = ?", (alias_id,)
        ).fetchone()
        if row is None:
            continue
        kind, key, letters, name = row
        found.add(alias_id)
        if kind == PERSON:
            words = key.split()
            endings = [words[i:] for i in range(len(words))]
            shorter = {" ".join(e) for e in endings[1:]} | {e[0] for e in endings}
            shorter.discard(key)
            found.update(_ids_by_key(conn, PERSON, shorter))
        elif kind == ORGANIZATION and letters is None:
            spelled = [s for s in initials(name) if len(s) >= 2]
            marks = ",".join("?" * len(spelled))
            found.update(
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM aliases WHERE type = ? AND acronym IN ({marks})",
                    [ORGANIZATION, *spelled],
                )
            )
    return found


def _ids_by_key(conn: sqlite3.Connection, kind: str, keys: Iterable[str]) -> list[int]:
    keys = list(keys)
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    return [
        r[0]
        for r in conn.execute(
            f"SELECT id FROM aliases WHERE type = ? AND key IN ({marks})", [kind, *keys]
        )
    ]


def _ending_with(conn: sqlite3.Connection, words: tuple[str, ...]) -> list[_Alias]:
    """Person aliases (not split) whose words end with ``words``, ``words`` included."""
    key = " ".join(words)
    tail = " " + key
    return [
        _alias(r)
        for r in conn.execute(
            f"SELECT {_COLUMNS} FROM aliases WHERE type = ? AND split = 0 AND last_word = ?"
            " AND (key = ? OR substr(key, -?) = ?)",
            (PERSON, words[-1], key, len(tail), tail),
        )
    ]


def full_name_owners(conn: sqlite3.Connection, words: tuple[str, ...]) -> list[_Alias] | None:
    """The full names the person name ``words`` may belong to (None: it is a full name).

    The full-name rule (``aliases.full_names``, ``aliases.name_owners``) over the only names
    that decide it: those ending this one and, for one word, those beginning with it together
    with the names ending those.
    """
    candidates = _ending_with(conn, words)
    if len(words) == 1:
        beginning = [
            _alias(r)
            for r in conn.execute(
                f"SELECT {_COLUMNS} FROM aliases WHERE type = ? AND split = 0 AND first_word = ?"
                " AND key != ?",
                (PERSON, words[0], words[0]),
            )
        ]
        candidates += beginning
        for other in beginning:
            candidates += _ending_with(conn, tuple(other.key.split()))
    by_words = {tuple(c.key.split()): c for c in candidates}
    full = full_names({*by_words, words})
    if words in full:
        return None
    return [by_words[owner] for owner in name_owners(words, full)]


def _person_owner(conn: sqlite3.Connection, alias: _Alias) -> _Alias:
    owners = full_name_owners(conn, tuple(alias.key.split()))
    return owners[0] if owners is not None and len(owners) == 1 else alias


def _owner(conn: sqlite3.Connection, alias: _Alias) -> _Alias:
    """The alias whose entity ``alias`` belongs to (itself when full, split or ambiguous)."""
    if alias.split:
        return alias
    if alias.type == PERSON:
        return _person_owner(conn, alias)
    if alias.type == ORGANIZATION and alias.acronym:
        spelled = [
            _alias(r)
            for r in conn.execute(
                f"SELECT {', '.join('a.' + c.strip() for c in _COLUMNS.split(','))}"
                " FROM alias_initials i JOIN aliases a ON a.id = i.alias_id"
                " WHERE i.letters = ? AND a.split = 0",
                (alias.acronym,),
            )
        ]
        return spelled[0] if len(spelled) == 1 else alias
    return alias


def _entity_for(conn: sqlite3.Connection, owner: _Alias) -> int:
    row = conn.execute(
        "SELECT id, name FROM entities WHERE type = ? AND key = ?", (owner.type, owner.key)
    ).fetchone()
    if row is None:
        cursor = conn.execute(
            "INSERT INTO entities (type, key, name) VALUES (?, ?, ?)",
            (owner.type, owner.key, owner.name),
        )
        return int(cursor.lastrowid or 0)
    if row[1] != owner.name:
        conn.execute("UPDATE entities SET name = ? WHERE id = ?", (owner.name, row[0]))
    return int(row[0])


def refresh(conn: sqlite3.Connection, alias_ids: Iterable[int]) -> None:
    """Recompute the owner of every alias in these aliases' families; drop empty entities.

    Runs inside the caller's transaction.
    """
    members = family(conn, alias_ids)
    left: set[int] = set()
    for alias_id in sorted(members):
        row = conn.execute(f"SELECT {_COLUMNS} FROM aliases WHERE id = ?", (alias_id,)).fetchone()
        if row is None:
            continue
        alias = _alias(row)
        entity_id = _entity_for(conn, _owner(conn, alias))
        if entity_id != alias.entity_id:
            conn.execute("UPDATE aliases SET entity_id = ? WHERE id = ?", (entity_id, alias_id))
            if alias.entity_id is not None:
                left.add(alias.entity_id)
    drop_empty_entities(conn, left)


def drop_empty_entities(conn: sqlite3.Connection, entity_ids: Iterable[int]) -> None:
    """Remove those of these entities that no alias belongs to any more."""
    conn.executemany(
        "DELETE FROM entities WHERE id = ? AND NOT EXISTS"
        " (SELECT 1 FROM aliases a WHERE a.entity_id = entities.id)",
        [(e,) for e in entity_ids],
    )


def drop_orphans(conn: sqlite3.Connection, alias_ids: Iterable[int]) -> None:
    """Remove the aliases no article names any more, then re-own their families."""
    orphans = [
        alias_id
        for alias_id in set(alias_ids)
        if conn.execute(
            "SELECT 1 FROM article_entities WHERE alias_id = ? LIMIT 1", (alias_id,)
        ).fetchone()
        is None
    ]
    if not orphans:
        return
    neighbours = family(conn, orphans) - set(orphans)
    marks = ",".join("?" * len(orphans))
    owned = [
        r[0] for r in conn.execute(f"SELECT entity_id FROM aliases WHERE id IN ({marks})", orphans)
    ]
    conn.executemany("DELETE FROM aliases WHERE id = ?", [(a,) for a in orphans])
    drop_empty_entities(conn, [e for e in owned if e is not None])
    refresh(conn, neighbours)


def set_split(conn: sqlite3.Connection, alias_id: int, split: bool) -> None:
    """Split an alias off its entity (``split``) or let it join by the rules again."""
    before = family(conn, [alias_id])
    conn.execute("UPDATE aliases SET split = ? WHERE id = ?", (int(split), alias_id))
    refresh(conn, before)
