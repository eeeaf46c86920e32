"""Command line: `entity-reader [FILE...]` opens the app; `entity-reader annotate` is headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import __version__
from reader.core.logs import install_excepthooks, report_error, setup_logging

FORMATS = ("json", "html", "jsonl", "spacy")
"""Output formats of ``annotate`` (reader.core.export.FORMATS describes each)."""


def _annotate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="entity-reader annotate",
        description="Analyse article files and write annotated copies, without a window.",
    )
    parser.add_argument("files", nargs="+", type=Path, help="article files to analyse")
    parser.add_argument("--format", choices=FORMATS, default="json", help="output format")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file, '-' for stdout, or a folder when several files are given",
    )
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="entity-reader",
        description="Read news articles with people, countries and organizations highlighted. "
        "Use 'entity-reader annotate --help' for the headless command.",
    )
    parser.add_argument("files", nargs="*", type=Path, help="article files to open")
    parser.add_argument("--version", action="version", version=f"entity-reader {__version__}")
    return parser


def _output_path(output: str, source: Path, fmt: str, several: bool) -> Path | None:
    """Where one input's result goes; None means stdout."""
    if output == "-" and not several:
        return None
    out = Path(output)
    if several or out.is_dir():
        return out / f"{source.stem}.{fmt}"
    return out


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def annotate(argv: Sequence[str]) -> int:
    """The headless command; exit status 2 if any file failed (the reason goes to stderr).

    An annotated copy (.json, or .html written by Entity Reader) is restored as saved and
    converted; the model is not run for it.
    """
    args = _annotate_parser().parse_args(argv)
    from reader.core.analysis import SpacyAnalyser
    from reader.core.cache import analyse_cached
    from reader.core.errors import ReaderError
    from reader.core.export import export_format, render_bytes, save
    from reader.core.model import Annotations
    from reader.core.opening import open_document

    several = len(args.files) > 1
    if several:
        if args.output == "-":
            print("entity-reader: -o - takes one input file", file=sys.stderr)
            return 2
        Path(args.output).mkdir(parents=True, exist_ok=True)
    analyser = SpacyAnalyser()
    status = 0
    for source in args.files:
        target: Path | None = None
        try:
            document = open_document(source)
            if isinstance(document, Annotations):
                print(
                    f"entity-reader: {source}: annotated copy restored; the model was not run",
                    file=sys.stderr,
                )
                annotations = document
            else:
                annotations = analyse_cached(analyser, document)
            target = _output_path(args.output, source, args.format, several)
            if target is None:
                data = render_bytes(annotations, args.format)
                if export_format(args.format).binary and sys.stdout.isatty():
                    raise ReaderError(f"The {args.format!r} format is binary; use -o FILE.")
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
            elif _same_file(target, source):
                raise ReaderError(f"{target} is the input file; choose another output.")
            else:
                try:
                    save(annotations, target, args.format)  # atomic; never over the original
                except ReaderError as exc:
                    if isinstance(exc.__cause__, OSError):
                        raise exc.__cause__ from None
                    raise
        except OSError as exc:  # the output could not be written (no such folder, read-only)
            where = target or exc.filename or args.output
            print(f"entity-reader: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
            status = 2
        except Exception as exc:  # one bad file never stops the others; the log has why
            message = report_error(exc, f"annotate {str(source)!r}")
            print(f"entity-reader: {source}: {message}", file=sys.stderr)
            status = 2
    return status


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
