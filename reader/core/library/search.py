"""Questions asked of the library: full text, an entity's articles, a speaker's quotes.

Every function takes the connection and returns plain rows, so the CLI prints them and the
app's panels show them page by page (``limit``/``offset``), never loading every text.
A name matches its alias cluster: "Macron" finds the entity of "Emmanuel Macron".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.core.library.identity import alias_key, full_name_owners
from reader.core.model import ENTITY_TYPES, PERSON


@dataclass(frozen=True)
class ArticleRow:
    """One article in a result; ``mentions`` counts the searched entity's mentions in it
    (every entity's mentions when no entity was asked for)."""

    id: int
    path: str
    title: str | None
    published: str | None
    source: str | None
    mentions: int


@dataclass(frozen=True)
class QuoteRow:
    """One quotation, with the article it is in; start/end index that article's text."""

    id: int
    article_id: int
    path: str
    title: str | None
    published: str | None
    text: str
    speaker: str | None
    start: int
    end: int


@dataclass(frozen=True)
class EntityRow:
    """One entity across the library."""

    id: int
    type: str
    name: str
    articles: int
    mentions: int


@dataclass
class SearchResult:
    """What ``search`` found."""

    articles: list[ArticleRow] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)
    entities: list[EntityRow] = field(default_factory=list)


def fts_query(text: str) -> str:
    """An FTS5 query for what a person typed: every word must occur; ``word*`` is a prefix.

    Each word is quoted, so FTS5's operators and punctuation ("AND", "-", ":") are plain text.
    """
    terms = []
    for word in text.split():
        prefix = word.endswith("*")
        bare = word.rstrip("*").replace('"', '""')
        if bare:
            terms.append(f'"{bare}"' + ("*" if prefix else ""))
    return " ".join(terms)


def find_entities(conn: sqlite3.Connection, name: str, kind: str | None = None) -> list[int]:
    """The entities ``name`` may mean: those its alias belongs to, else (a person's shorter
    name) those of every full name it ends or begins; ``kind`` narrows the type."""
    found: list[int] = []
    for each in [kind] if kind else ENTITY_TYPES:
        filed = alias_key(each, name)
        rows = conn.execute(
            "SELECT entity_id FROM aliases WHERE type = ? AND key = ?", (each, filed.key)
        ).fetchall()
        if not rows and each == PERSON:
            rows = _person_owners(conn, tuple(filed.key.split()))
        found.extend(r[0] for r in rows if r[0] is not None and r[0] not in found)
    return found


def _person_owners(conn: sqlite3.Connection, words: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """Every full name a shorter name may mean: a search lists them all, not guessing."""
    owners = full_name_owners(conn, words) if words else None
    return [(owner.entity_id,) for owner in owners or []]


def placeholders(ids: Sequence[int]) -> str:
    """One "?" per id, for an IN list."""
    return ",".join("?" * len(ids))


ORDERS: dict[str, tuple[str, bool]] = {
    "relevance": ("a.published", True),
    "published": ("a.published", True),
    "title": ("a.title COLLATE NOCASE", False),
    "source": ("a.source COLLATE NOCASE", False),
    "mentions": ("m", True),
}
"""Sort keys of ``articles``: (SQL expression, descending by default). Each has an index with
the path after it, so a page of the whole list is read from the index in either direction
(an article without a date or source sorts first ascending, last descending)."""


def count_articles(
    conn: sqlite3.Connection,
    *,
    text: str | None = None,
    entity_ids: Sequence[int] | None = None,
) -> int:
    """How many articles ``articles`` would list with these filters (for a lazy list)."""
    params: list[Any] = []
    where = article_filters(params, text, entity_ids)
    sql = "SELECT COUNT(*) FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
    return int(conn.execute(sql, params).fetchone()[0])


def article_filters(
    params: list[Any], text: str | None, entity_ids: Sequence[int] | None
) -> list[str]:
    """The WHERE terms (on ``articles a``) keeping the articles matching ``text`` and
    mentioning ``entity_ids``, their values appended to ``params``."""
    where: list[str] = []
    if text:
        where.append("a.id IN (SELECT rowid FROM article_text WHERE article_text MATCH ?)")
        params.append(fts_query(text))
    if entity_ids is not None:
        where.append(ENTITY_ARTICLES.format(marks=placeholders(entity_ids)))
        params += entity_ids
    return where


ENTITY_ARTICLES = (
    "a.id IN (SELECT ae.article_id FROM aliases al JOIN article_entities ae"
    " ON ae.alias_id = al.id WHERE al.entity_id IN ({marks}))"
)


def articles(
    conn: sqlite3.Connection,
    *,
    text: str | None = None,
    entity_ids: Sequence[int] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    order: str = "relevance",
    descending: bool | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[ArticleRow]:
    """Articles matching every filter given, in ``order`` (a key of ``ORDERS``; "relevance"
    ranks full-text matches first, then goes by date), each order's usual direction unless
    ``descending`` says."""
    params: list[Any] = []
    if entity_ids is None:
        mentions = "a.mentions"
    else:
        mentions = (
            "(SELECT COALESCE(SUM(ae.mentions), 0) FROM article_entities ae"
            " JOIN aliases al ON al.id = ae.alias_id"
            f" WHERE ae.article_id = a.id AND al.entity_id IN ({placeholders(entity_ids)}))"
        )
        params += entity_ids
    sql = f"SELECT a.id, a.path, a.title, a.published, a.source, {mentions} AS m FROM articles a"
    where: list[str] = []
    if text:
        sql += " JOIN article_text t ON t.rowid = a.id"
        where.append("article_text MATCH ?")
        params.append(fts_query(text))
    if entity_ids is not None:
        where.append(ENTITY_ARTICLES.format(marks=placeholders(entity_ids)))
        params += entity_ids
    where += _date_filters(params, date_from, date_to)
    if where:
        sql += " WHERE " + " AND ".join(where)
    column, usual = ORDERS[order]
    direction = "DESC" if (usual if descending is None else descending) else "ASC"
    ranked = "t.rank, " if text and order == "relevance" else ""
    sql += f" ORDER BY {ranked}{column} {direction}, a.path {direction}"
    sql += _page(params, limit, offset)
    return [ArticleRow(*row) for row in conn.execute(sql, params)]


def _quote_filters(
    params: list[Any],
    text: str | None,
    speaker_ids: Sequence[int] | None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> str:
    where: list[str] = []
    if speaker_ids is not None:
        where.append(
            "q.speaker_entity_id IN (SELECT ae.id FROM aliases al"
            " JOIN article_entities ae ON ae.alias_id = al.id"
            f" WHERE al.entity_id IN ({placeholders(speaker_ids)}))"
        )
        params += speaker_ids
    if text:
        where.append("q.id IN (SELECT rowid FROM quote_text WHERE quote_text MATCH ?)")
        params.append(fts_query(text))
    where += _date_filters(params, date_from, date_to)
    return " WHERE " + " AND ".join(where) if where else ""


def count_quotes(
    conn: sqlite3.Connection,
    *,
    text: str | None = None,
    speaker_ids: Sequence[int] | None = None,
) -> int:
    """How many quotes ``quotes`` would list with these filters (for a lazy list)."""
    params: list[Any] = []
    where = _quote_filters(params, text, speaker_ids)
    sql = "SELECT COUNT(*) FROM quotes q JOIN articles a ON a.id = q.article_id" + where
    return int(conn.execute(sql, params).fetchone()[0])


def quotes(
    conn: sqlite3.Connection,
    *,
    text: str | None = None,
    speaker_ids: Sequence[int] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[QuoteRow]:
    """Quotations matching every filter given, by publication date then place."""
    params: list[Any] = []
    sql = (
        "SELECT q.id, q.article_id, a.path, a.title, a.published, q.text, q.speaker,"
        ' q.start, q."end"'
        " FROM quotes q JOIN articles a ON a.id = q.article_id"
    )
    sql += _quote_filters(params, text, speaker_ids, date_from, date_to)
    sql += " ORDER BY a.published IS NULL, a.published, a.path, q.start"
    sql += _page(params, limit, offset)
    return [QuoteRow(*row) for row in conn.execute(sql, params)]


def first_mention(
    conn: sqlite3.Connection, article_id: int, entity_ids: Sequence[int]
) -> tuple[int, int] | None:
    """Where these entities are first mentioned in the article: (start, end), or None."""
    if not entity_ids:
        return None
    row = conn.execute(
        'SELECT m.start, m."end" FROM mentions m JOIN article_entities ae'
        " ON ae.id = m.article_entity_id JOIN aliases al ON al.id = ae.alias_id"
        f" WHERE ae.article_id = ? AND al.entity_id IN ({placeholders(entity_ids)})"
        " ORDER BY m.start LIMIT 1",
        [article_id, *entity_ids],
    ).fetchone()
    return (row[0], row[1]) if row else None


def entities(conn: sqlite3.Connection, entity_ids: Sequence[int]) -> list[EntityRow]:
    """These entities with how many articles name them and how often."""
    if not entity_ids:
        return []
    sql = (
        "SELECT e.id, e.type, e.name, COUNT(DISTINCT ae.article_id), COALESCE(SUM(ae.mentions), 0)"
        " FROM entities e JOIN aliases al ON al.entity_id = e.id"
        " LEFT JOIN article_entities ae ON ae.alias_id = al.id"
        f" WHERE e.id IN ({placeholders(entity_ids)}) GROUP BY e.id ORDER BY 5 DESC, e.name"
    )
    return [EntityRow(*row) for row in conn.execute(sql, list(entity_ids))]


def aliases_of(conn: sqlite3.Connection, entity_id: int) -> list[str]:
    """The names the articles gave an entity, the entity's own first."""
    rows = conn.execute(
        "SELECT al.name FROM aliases al JOIN entities e ON e.id = al.entity_id"
        " WHERE e.id = ? ORDER BY al.key != e.key, al.name",
        (entity_id,),
    )
    return [r[0] for r in rows]


def co_occurring(
    conn: sqlite3.Connection, entity_id: int, limit: int = 20
) -> list[tuple[EntityRow, int]]:
    """The entities most often in the same articles as ``entity_id``, with the number of
    articles shared; each row counts its articles and mentions within those shared ones."""
    sql = (
        "WITH mine AS (SELECT DISTINCT ae.article_id FROM article_entities ae"
        " JOIN aliases al ON al.id = ae.alias_id WHERE al.entity_id = ?)"
        " SELECT e.id, e.type, e.name, COUNT(DISTINCT ae.article_id) AS shared,"
        " SUM(ae.mentions) FROM article_entities ae JOIN aliases al ON al.id = ae.alias_id"
        " JOIN entities e ON e.id = al.entity_id"
        " WHERE ae.article_id IN (SELECT article_id FROM mine) AND al.entity_id != ?"
        " GROUP BY e.id ORDER BY shared DESC, 5 DESC, e.name LIMIT ?"
    )
    rows = conn.execute(sql, (entity_id, entity_id, limit)).fetchall()
    return [(EntityRow(*row), row[3]) for row in rows]


def search(
    conn: sqlite3.Connection,
    text: str | None = None,
    *,
    entity: str | None = None,
    speaker: str | None = None,
    kind: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = None,
) -> SearchResult:
    """The CLI's ``search``: articles matching the text and the entity; quotes by the
    speaker (and matching the text), else quotes matching the text, else the entity's own."""
    result = SearchResult()
    entity_ids = find_entities(conn, entity, kind) if entity else None
    speaker_ids = find_entities(conn, speaker, kind or PERSON) if speaker else None
    result.entities = entities(conn, list(dict.fromkeys((entity_ids or []) + (speaker_ids or []))))
    dates: dict[str, Any] = {"date_from": date_from, "date_to": date_to, "limit": limit}
    if text or entity is not None or speaker is None:
        result.articles = articles(conn, text=text, entity_ids=entity_ids, **dates)
    if speaker_ids is not None:
        result.quotes = quotes(conn, text=text, speaker_ids=speaker_ids, **dates)
    elif text:
        result.quotes = quotes(conn, text=text, **dates)
    elif entity_ids is not None:
        result.quotes = quotes(conn, speaker_ids=entity_ids, **dates)
    if speaker_ids is not None and not text and entity is None:
        seen = dict.fromkeys(q.article_id for q in result.quotes)
        listed = articles(conn, entity_ids=speaker_ids, **dates)
        result.articles = [a for a in listed if a.id in seen]
    return result


def _date_filters(params: list[Any], date_from: str | None, date_to: str | None) -> list[str]:
    where = []
    if date_from:
        where.append("a.published >= ?")
        params.append(date_from)
    if date_to:
        where.append("a.published <= ?")
        params.append(date_to)
    return where


def _page(params: list[Any], limit: int | None, offset: int) -> str:
    if limit is None and not offset:
        return ""
    params += [-1 if limit is None else limit, offset]
    return " LIMIT ? OFFSET ?"
