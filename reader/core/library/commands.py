"""The CLI's library commands: ``index FOLDER...``, ``search``, ``library split|export``.

``reader.cli`` hands them their arguments; everything they do is here, over the same
``Library``, ``index_folders`` and ``search`` functions the app uses. The index run analyses
in this process with the annotate command's ``SpacyAnalyser`` and the analysis cache.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from reader.core.atomic import text_writer_atomic
from reader.core.library import export as tables
from reader.core.library import search as queries
from reader.core.library.indexer import index_folders
from reader.core.library.store import Library, default_path
from reader.core.model import ENTITY_TYPES

OUTPUT_FORMATS = ("table", "json", "csv")
CSV_FIELDS = (
    "kind",
    "path",
    "title",
    "published",
    "source",
    "mentions",
    "speaker",
    "text",
    "start",
    "end",
)


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        type=Path,
        default=None,
        help=f"the library file (default: {default_path()})",
    )


def _index_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="entity-reader index",
        description="Add every article in these folders to the library, or bring it up to "
        "date: unchanged files are skipped, changed ones read again, removed ones dropped.",
        epilog="Files that cannot be read are listed with the reason; they never stop the "
        "run. A run that is interrupted keeps what it indexed, and the next run resumes.",
    )
    parser.add_argument("folders", nargs="+", type=Path, help="folders (or files) to index")
    _library_option(parser)
    return parser


def _date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-03-17") from None


def _search_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="entity-reader search",
        description="Search the library: full text, an entity's articles, a speaker's quotes.",
        epilog="A name matches every name the library joined with it: 'Macron' finds "
        "'Emmanuel Macron'. Words must all occur; 'word*' matches a prefix.",
    )
    parser.add_argument("text", nargs="*", help="words to find in articles and quotes")
    parser.add_argument("--entity", help="articles that mention this entity")
    parser.add_argument("--speaker", help="quotes by this speaker, across articles")
    parser.add_argument("--type", choices=ENTITY_TYPES, help="the entity's type")
    parser.add_argument("--from", dest="date_from", type=_date, help="published on or after")
    parser.add_argument("--to", dest="date_to", type=_date, help="published on or before")
    parser.add_argument("--format", choices=OUTPUT_FORMATS, default="table")
    parser.add_argument("--limit", type=int, default=None, help="at most this many of each")
    _library_option(parser)
    return parser


def _library_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="entity-reader library", description="Look after the library."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    split = commands.add_parser(
        "split", help="a name was joined to the wrong entity: make it an entity of its own"
    )
    split.add_argument("name", help="the name as the library lists it among the aliases")
    split.add_argument("--type", choices=ENTITY_TYPES, default="person")
    split.add_argument("--undo", action="store_true", help="join it by the rules again")
    _library_option(split)
    export = commands.add_parser(
        "export", help="entities, mentions, quotes and dates as tables (pandas, spreadsheets)"
    )
    export.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        help="csv: the folder for entities.csv, mentions.csv, quotes.csv, dates.csv "
        "(required); jsonl: the file (standard output without it)",
    )
    _library_option(export)
    return parser


def run_command(name: str, argv: Sequence[str]) -> int:
    """Run the library command ``name`` (``reader.cli.LIBRARY_COMMANDS``); the exit status."""
    if name == "index":
        return index_command(argv)
    if name == "search":
        return search_command(argv)
    return library_command(argv)


def index_command(argv: Sequence[str], out: TextIO | None = None) -> int:
    """``entity-reader index``: 0, or 2 when a folder is missing (nothing under it is dropped)."""
    out = out or sys.stdout
    args = _index_parser().parse_args(argv)
    from reader.core.analysis import SpacyAnalyser

    status = 0
    folders = []
    for folder in args.folders:
        if folder.exists():
            folders.append(folder)
        else:
            print(f"entity-reader: {folder}: no such folder or file", file=sys.stderr)
            status = 2
    terminal = sys.stderr.isatty()

    def progress(done: int, total: int, path: Path) -> None:
        if terminal:
            sys.stderr.write(f"\r\x1b[K[{done + 1}/{total}] {path.name}"[:200])
            sys.stderr.flush()

    with Library(args.library) as library:
        report = index_folders(library, folders, SpacyAnalyser(), progress)
        if terminal:
            sys.stderr.write("\r\x1b[K")
        for path, reason in report.unreadable:
            print(f"entity-reader: {path}: {reason}", file=sys.stderr)
        print(f"Indexed into {library.path}: {report.summary()}", file=out)
    return status


def search_command(argv: Sequence[str], out: TextIO | None = None) -> int:
    """``entity-reader search``: 0 (an empty result is not an error)."""
    out = out or sys.stdout
    args = _search_parser().parse_args(argv)
    text = " ".join(args.text) or None
    with Library(args.library) as library:
        if queries.count_articles(library.conn) == 0:
            print(
                f"entity-reader: the library {library.path} is empty; "
                "add articles with 'entity-reader index FOLDER'",
                file=sys.stderr,
            )
        result = queries.search(
            library.conn,
            text,
            entity=args.entity,
            speaker=args.speaker,
            kind=args.type,
            date_from=args.date_from,
            date_to=args.date_to,
            limit=args.limit,
        )
        aliases = {e.id: queries.aliases_of(library.conn, e.id) for e in result.entities}
    if args.format == "json":
        json.dump(_as_json(result, aliases), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        _write_csv(result, out)
    else:
        _write_table(result, aliases, out)
    return 0


def library_command(argv: Sequence[str], out: TextIO | None = None) -> int:
    """``entity-reader library split|export``: 0, or 2 when no article names an entity so
    (split) or the output cannot be written (export)."""
    out = out or sys.stdout
    args = _library_parser().parse_args(argv)
    if args.command == "export":
        return _export(args, out)
    with Library(args.library) as library:
        if not library.split(args.type, args.name, undo=args.undo):
            print(f"entity-reader: no {args.type} is named {args.name!r}", file=sys.stderr)
            return 2
    done = "joins by the rules again" if args.undo else "is now an entity of its own"
    print(f"{args.name!r} {done}.", file=out)
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    if args.format == "csv" and args.output is None:
        print("entity-reader: library export --format csv needs -o FOLDER", file=sys.stderr)
        return 2
    try:
        with Library(args.library) as library:
            if args.format == "csv":
                for path in tables.write_csv_folder(library.conn, args.output):
                    print(path, file=out)
            elif args.output is None:
                tables.write_jsonl(library.conn, out)
            else:
                with text_writer_atomic(args.output) as handle:
                    tables.write_jsonl(library.conn, handle)
    except OSError as exc:
        where = exc.filename or args.output or "the standard output"
        print(f"entity-reader: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


def _article_record(a: queries.ArticleRow) -> dict[str, Any]:
    return {
        "path": a.path,
        "title": a.title,
        "published": a.published,
        "source": a.source,
        "mentions": a.mentions,
    }


def _quote_record(q: queries.QuoteRow) -> dict[str, Any]:
    return {
        "path": q.path,
        "text": q.text,
        "speaker": q.speaker,
        "start": q.start,
        "end": q.end,
        "published": q.published,
        "title": q.title,
    }


def _as_json(result: queries.SearchResult, aliases: dict[int, list[str]]) -> dict[str, Any]:
    return {
        "articles": [_article_record(a) for a in result.articles],
        "quotes": [_quote_record(q) for q in result.quotes],
        "entities": [
            {
                "name": e.name,
                "type": e.type,
                "articles": e.articles,
                "mentions": e.mentions,
                "aliases": aliases.get(e.id, []),
            }
            for e in result.entities
        ],
    }


def _write_csv(result: queries.SearchResult, out: TextIO) -> None:
    """The JSON records, one row each, ``kind`` saying which; CSV_FIELDS fixes the columns."""
    writer = csv.DictWriter(out, CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for a in result.articles:
        writer.writerow({"kind": "article", **_article_record(a)})
    for q in result.quotes:
        writer.writerow({"kind": "quote", **_quote_record(q)})


def _short(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _write_table(result: queries.SearchResult, aliases: dict[int, list[str]], out: TextIO) -> None:
    for e in result.entities:
        names = ", ".join(aliases.get(e.id, [])[1:])
        also = f" (also {names})" if names else ""
        out.write(f"{e.type} {e.name}{also}: {e.mentions} mentions in {e.articles} articles\n")
    out.write(f"{len(result.articles)} articles\n")
    for a in result.articles:
        out.write(
            f"  {a.published or '----------'}  {a.mentions:>4}  {_short(a.source, 18):<18}  "
            f"{_short(a.title or Path(a.path).name, 60)}  {a.path}\n"
        )
    out.write(f"{len(result.quotes)} quotes\n")
    for q in result.quotes:
        out.write(
            f"  {q.published or '----------'}  {_short(q.speaker or '?', 22):<22}  "
            f"“{_short(q.text, 70)}”  {q.path}:{q.start}\n"
        )
