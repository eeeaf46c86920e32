"""Command line: `entity-reader [FILE...]` opens the app; `entity-reader annotate` is headless."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from reader import __version__
from reader.core.logs import install_excepthooks, setup_logging

FORMATS = ("json", "html", "jsonl", "spacy")
"""Output formats of ``annotate`` (reader.core.export.formats.FORMATS describes each)."""


def _annotate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="entity-reader annotate",
        description="Analyse article files and write annotated copies, without a window.",
        epilog="OUT is a folder when several files are given, when it is an existing folder, or "
        "when it ends with '/' (it is created if missing). In a folder each result is named "
        "after its input: NAME.txt -> NAME.FORMAT; when inputs share a name (same.txt, "
        "same.md) the suffix is kept (same.txt.FORMAT, same.md.FORMAT) and a counter is added "
        "if names still clash (same.txt-2.FORMAT), so no result overwrites another.",
    )
    parser.add_argument("files", nargs="+", type=Path, help="article files to analyse")
    parser.add_argument("--format", choices=FORMATS, default="json", help="output format")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file, '-' for stdout (one input), or a folder: see below",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="files analysed at once, or cores for one long file (default: the number of cores)",
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run the files on Dask: 'local' starts a local cluster of --jobs workers, "
        "tcp://HOST:PORT uses a running scheduler (needs entity-reader[cluster]; inputs and "
        "outputs on storage every worker sees)",
    )
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="entity-reader",
        description="Read news articles with people, countries and organizations highlighted. "
        "Use 'entity-reader annotate --help' for the headless command.",
    )
    parser.add_argument("files", nargs="*", type=Path, help="article files to open")
    parser.add_argument("--version", action="version", version=f"entity-reader {__version__}")
    return parser


def _is_folder(output: str, several: bool) -> bool:
    """Whether ``-o OUTPUT`` names a folder: several inputs, an existing folder, or a path
    written with a trailing separator ("out/")."""
    separators = tuple(sep for sep in (os.sep, os.altsep) if sep)
    return several or output.endswith(separators) or Path(output).is_dir()


def output_names(sources: Sequence[Path], fmt: str) -> list[str]:
    """The file name of each input's result inside an output folder, all distinct.

    NAME.txt gives NAME.FORMAT; inputs sharing a stem keep their suffix (same.txt.FORMAT,
    same.md.FORMAT); names that still clash (case ignored, for case-insensitive disks) get a
    counter (same.txt-2.FORMAT).
    """
    stems = Counter(source.stem.casefold() for source in sources)
    used: set[str] = set()
    names: list[str] = []
    for source in sources:
        base = source.stem if stems[source.stem.casefold()] == 1 else source.name
        name, counter = f"{base}.{fmt}", 2
        while name.casefold() in used:
            name, counter = f"{base}-{counter}.{fmt}", counter + 1
        used.add(name.casefold())
        names.append(name)
    return names


def annotate(argv: Sequence[str]) -> int:
    """The headless command; exit status 2 if any file failed (the reason goes to stderr).

    Files run in parallel (``reader.core.batch``); an annotated copy (.json, or .html written
    by Entity Reader) is restored as saved and converted; the model is not run for it.
    """
    args = _annotate_parser().parse_args(argv)
    from reader.batch_progress import report
    from reader.core.batch import annotate_files

    several = len(args.files) > 1
    if several and args.output == "-":
        print("entity-reader: -o - takes one input file", file=sys.stderr)
        return 2
    folder = None if args.output == "-" else Path(args.output)
    if folder is not None and _is_folder(args.output, several):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"entity-reader: cannot create {folder}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        targets = [folder / name for name in output_names(args.files, args.format)]
    else:
        targets = [folder] * len(args.files)
    jobs = list(zip(args.files, targets, strict=True))
    run = partial(annotate_files, jobs, args.format, args.jobs)
    if args.dask:
        from reader.core.cluster import annotate_on_dask

        run = partial(annotate_on_dask, jobs, args.format, args.dask, args.jobs)
    try:
        return 0 if report(run, len(jobs)) else 2
    except ImportError as exc:  # --dask without Dask installed
        print(f"entity-reader: {exc}", file=sys.stderr)
        return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``entity-reader`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    setup_logging()
    install_excepthooks()
    if argv and argv[0] == "annotate":
        return annotate(argv[1:])
    args = _gui_parser().parse_args(argv)
    from reader.ui.app import run_app

    return run_app([str(f) for f in args.files])


if __name__ == "__main__":
    sys.exit(main())
