"""Error logging: tracebacks go to a rotating file in the user log folder, people get a sentence.

``setup_logging`` is called once at start-up by the CLI and the app. ``report_error`` is the one
way to turn an exception into what the user sees: it logs the full traceback (and a
``ReaderError``'s ``detail``) and returns a plain sentence. ``install_excepthooks`` makes sure
nothing escapes unlogged, on the main thread or on a worker.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from reader.core import paths
from reader.core.errors import ReaderError

LOGGER_NAME = "reader"
LOG_FILE_NAME = "entity-reader.log"
MAX_LOG_BYTES = 1_000_000
"""Rotate at about 1 MB; with BACKUP_COUNT old files the folder stays under ~4 MB."""
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
HANDLER_NAME = "entity-reader"
"""The name that marks our handler, so setting up again replaces it and nobody else's."""

log = logging.getLogger(LOGGER_NAME)


def log_file() -> Path:
    """The current log file (it may not exist until something is logged)."""
    return paths.log_dir() / LOG_FILE_NAME


def _our_handlers(logger: logging.Logger) -> list[logging.Handler]:
    return [h for h in logger.handlers if h.get_name() == HANDLER_NAME]


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the ``reader`` logger to a rotating file in ``paths.log_dir()``.

    Idempotent: calling it again (or after ENTITY_READER_HOME changed) replaces our handler
    instead of adding a second one. Returns the log file, or None when the folder cannot be
    written; then errors go to stderr so they are still seen, and the app keeps working.
    """
    logger = logging.getLogger(LOGGER_NAME)
    for old in _our_handlers(logger):
        logger.removeHandler(old)
        old.close()
    target = log_file()
    written: Path | None = target
    handler: logging.Handler
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=MAX_LOG_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError as exc:
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
        print(f"entity-reader: cannot write logs to {target.parent}: {exc}", file=sys.stderr)
        written = None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.set_name(HANDLER_NAME)
    logger.addHandler(handler)
    logger.setLevel(level)
    return written


def report_error(exc: BaseException, action: str) -> str:
    """Log ``exc`` with its traceback; return the sentence to show the user.

    ``action`` says what was being done, as a verb phrase: "open 'a.pdf'", "save the copy".
    A ``ReaderError`` already carries a sentence written for people; anything else is a bug
    and the sentence points to the log file.
    """
    if isinstance(exc, ReaderError):
        detail = f" ({exc.detail})" if exc.detail else ""
        log.warning("While trying to %s: %s%s", action, exc.message, detail, exc_info=exc)
        return exc.message
    log.error("Unexpected error while trying to %s", action, exc_info=exc)
    return (
        f"Could not {action} because of an unexpected error. "
        f"The details were written to {log_file()}."
    )


ShowError = Callable[[str], None]


def install_excepthooks(show: ShowError | None = None) -> None:
    """Log every uncaught exception (main thread and threads) and tell the user in a sentence.

    ``show`` receives the sentence (the app passes a dialog; default prints to stderr).
    KeyboardInterrupt keeps its normal behaviour.
    """

    def tell(message: str) -> None:
        if show is None:
            print(f"entity-reader: {message}", file=sys.stderr)
            return
        try:
            show(message)
        except Exception:  # never let the error reporter raise out of a hook
            log.exception("The error message could not be shown")

    def main_hook(
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        tell(report_error(exc.with_traceback(tb), "continue"))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread else "a worker"
        tell(report_error(args.exc_value, f"finish the work in {name}"))

    sys.excepthook = main_hook
    threading.excepthook = thread_hook


def shutdown_logging() -> None:
    """Flush and close our handler (tests, and before the process exits)."""
    logger = logging.getLogger(LOGGER_NAME)
    for handler in _our_handlers(logger):
        logger.removeHandler(handler)
        with contextlib.suppress(Exception):
            handler.close()
