"""The library as tables for pandas and spreadsheets: entities, mentions, quotes, dates.

Rows are streamed from SQLite, never gathered in memory, so a library of any size exports.
CSV writes one file per table into a folder; JSONL writes one stream, each record naming its
table in ``"table"``.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from reader.core.atomic import text_writer_atomic

TABLES: dict[str, str] = {
    "entities": (
        "SELECT e.id AS entity_id, e.type, e.name,"
        " (SELECT group_concat(name, '; ') FROM aliases WHERE entity_id = e.id) AS aliases,"
        " COUNT(DISTINCT ae.article_id) AS articles, COALESCE(SUM(ae.mentions), 0) AS mentions"
        " FROM entities e JOIN aliases al ON al.entity_id = e.id"
        " LEFT JOIN article_entities ae ON ae.alias_id = al.id"
        " GROUP BY e.id ORDER BY mentions DESC, e.name"
    ),
    "mentions": (
        "SELECT al.entity_id, ae.type, ae.name AS article_name, a.path, a.title, a.published,"
        ' m.start, m."end", m.text, m.source'
        " FROM mentions m JOIN article_entities ae ON ae.id = m.article_entity_id"
        " JOIN aliases al ON al.id = ae.alias_id JOIN articles a ON a.id = ae.article_id"
        " ORDER BY a.path, m.start"
    ),
    "quotes": (
        "SELECT a.path, a.title, a.published, q.speaker, al.entity_id AS speaker_entity_id,"
        ' q.start, q."end", q.text, q.kind, q.source'
        " FROM quotes q JOIN articles a ON a.id = q.article_id"
        " LEFT JOIN article_entities ae ON ae.id = q.speaker_entity_id"
        " LEFT JOIN aliases al ON al.id = ae.alias_id ORDER BY a.path, q.start"
    ),
    "dates": (
        'SELECT a.path, a.title, a.published, d.start, d."end", d.text, d.value, d.precision'
        " FROM dates d JOIN articles a ON a.id = d.article_id ORDER BY a.path, d.start"
    ),
}
"""Each exported table and the query that makes it."""


def rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """The column names of ``table`` and a cursor over its rows."""
    cursor = conn.execute(TABLES[table])
    return [c[0] for c in cursor.description], cursor


def write_csv_folder(conn: sqlite3.Connection, folder: Path) -> list[Path]:
    """``entities.csv``, ``mentions.csv``, ``quotes.csv``, ``dates.csv`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        columns, cursor = rows(conn, table)
        target = folder / f"{table}.csv"
        with text_writer_atomic(target) as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(cursor)
        written.append(target)
    return written


def write_jsonl(conn: sqlite3.Connection, out: TextIO) -> int:
    """Every row of every table as one JSON object a line; the number of lines."""
    count = 0
    for table in TABLES:
        columns, cursor = rows(conn, table)
        for row in cursor:
            record = {"table": table, **dict(zip(columns, row, strict=True))}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
