"""Command line: `entity-reader [FILE...]` opens the app; `annotate`, `index`, `search` and
`library` are headless."""

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

LIBRARY_COMMANDS = ("index", "search", "library")
"""First words that name a library command (``reader.core.library.commands.run_command``)."""
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
        "Headless commands: 'entity-reader annotate --help', 'entity-reader index --help', "
        "'entity-reader search --help', 'entity-reader library --help'.",
    )
    parser.add_argument("files", nargs="*", type=Path, help="article files to open")
    parser.add_argument(
        "--version",
        action="store_true",
        help="print the reader's version and the language model's name, version and folder",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop",
        action="store_true",
        help="add Entity Reader to your desktop's menu and 'Open with' lists "
        "(a .desktop entry, icons and metainfo in $XDG_DATA_HOME, ~/.local/share by default)",
    )
    desktop.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help="remove what --install-desktop added",
    )
    parser.add_argument(
        "--new-window",
        action="store_true",
        help="open a window of its own even when Entity Reader already runs "
        "(by default the files open as tabs of the running window)",
    )
    return parser


def version_text() -> str:
    """``--version``: the reader, and the model found by its distribution's metadata."""
    from reader.core.analysis.pipeline import INSTALL_HINT, MODEL_DISTRIBUTION, model_distribution

    model = model_distribution()
    if model is None:
        line = f"model: {MODEL_DISTRIBUTION} is not installed ({INSTALL_HINT})"
    else:
        line = f"model: {model.name} {model.version} ({model.path or 'no package folder'})"
    return f"entity-reader {__version__}\n{line}"


def desktop_command(install: bool) -> int:
    """``--install-desktop`` / ``--uninstall-desktop``: say which files were written or removed."""
    from reader.core import desktop

    try:
        changed = desktop.install() if install else desktop.uninstall()
    except OSError as exc:
        where = exc.filename or desktop.data_home()
        print(f"entity-reader: cannot change {where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not changed:
        print(f"entity-reader: nothing to remove in {desktop.data_home()}")
    for path in changed:
        print(f"{'installed' if install else 'removed'} {path}")
    return 0


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
        names = output_names(args.files, args.format)
        targets: list[Path | None] = [folder / name for name in names]
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
    if argv and argv[0] in LIBRARY_COMMANDS:
        from reader.core.library.commands import run_command

        return run_command(argv[0], argv[1:])
    args = _gui_parser().parse_args(argv)
    if args.version:
        print(version_text())
        return 0
    if args.install_desktop or args.uninstall_desktop:
        return desktop_command(install=args.install_desktop)
    from reader.ui.app import run_app

    return run_app([str(f) for f in args.files], new_window=args.new_window)


if __name__ == "__main__":
    sys.exit(main())
