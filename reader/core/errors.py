"""The one exception type the core raises for anything a person must be told about."""

from __future__ import annotations


class ReaderError(Exception):
    """A failure with a message a person understands ("This PDF is encrypted.").

    The CLI prints ``str(error)`` and exits with status 2; the UI shows it in a dialog.
    ``detail`` holds technical context for the log, never shown as the headline.
    """

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with ``detail`` (errors cross from the analysis process to the app)."""
        return (_rebuild, (type(self), self.message, self.detail))


def _rebuild(cls: type[ReaderError], message: str, detail: str | None) -> ReaderError:
    return cls(message, detail=detail)


class LoadError(ReaderError):
    """A file could not be opened as an article."""


class AnnotationFormatError(ReaderError):
    """An annotated copy (.json / .html) is malformed or was tampered with."""


class ModelUnavailableError(ReaderError):
    """No usable spaCy model is installed."""
