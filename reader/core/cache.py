"""Analysis cache: reopening an analysed article costs a file read, not a model run.

Entries are files in ``paths.cache_dir()/analysis``, named by a hash of everything that
decides the result: the article text and the metadata the analysis reads, the model's name
and version, and the analyser's version (the reader's version plus a digest of the analysis
code, so any change to it invalidates every entry). An entry is one line holding the sha256 of
its name and content, then the schema-v1 JSON (``reader.core.schema``): an entry damaged or
edited into other valid JSON no longer matches its digest and is a miss. The folder is bounded
by total size, least recently used entries going first; writes are atomic; an unreadable or
damaged entry is ignored and removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from reader import __version__
from reader.core import paths, schema
from reader.core.analysis.contracts import StoringAnalyser, run_analysis
from reader.core.atomic import remove_stale_temps, write_bytes_atomic
from reader.core.bounded_read import read_bounded
from reader.core.errors import AnnotationFormatError
from reader.core.model import Annotations, Article, PipelineInfo

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
"""About fifty book-length articles or thousands of news articles."""
FOLDER = "analysis"
SUFFIX = ".json"
ANALYSIS_PACKAGE = Path(__file__).resolve().parent / "analysis"


@lru_cache(maxsize=1)
def analyser_version() -> str:
    """The reader's version plus a digest of the analysis code and the spaCy version."""
    digest = hashlib.sha256()
    for path in sorted(ANALYSIS_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ANALYSIS_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    from importlib.metadata import PackageNotFoundError, version

    for package in ("spacy", "dateparser", "pycountry"):
        with contextlib.suppress(PackageNotFoundError):
            digest.update(f"{package}={version(package)}".encode())
    return f"{__version__}+{digest.hexdigest()[:16]}"


@lru_cache(maxsize=1)
def installed_pipeline() -> PipelineInfo | None:
    """What ``SpacyAnalyser().pipeline_info()`` will say, known without loading the model."""
    from reader.core.analysis.pipeline import installed_model_meta

    meta = installed_model_meta()
    if meta is None:
        return None
    return PipelineInfo(
        model=f"{meta.get('lang', 'en')}_{meta.get('name', '')}",
        model_version=str(meta.get("version", "")),
        reader_version=__version__,
    )


KEY_SLICE = 262_144
"""Characters of an article's text escaped and hashed at a time by ``cache_key``."""


def cache_key(article: Article, pipeline: PipelineInfo) -> str:
    """Hex digest of the article content, the model and the analyser version.

    The sha256 of ``key_material``'s JSON (sorted keys, no ASCII escapes), with the text
    escaped and hashed ``KEY_SLICE`` characters at a time: one ``json.dumps`` of a 5 MB text
    held the GIL 30-70 ms on the analysis worker as the window opened it, and ``sha256`` lets
    the GIL go only while it hashes. JSON escapes character by character, so the slices'
    escapes, joined, are the whole text's, and the digest is the one of the whole JSON.
    """
    text = article.text
    material = {**key_material(article, pipeline), "text": ""}
    head, tail = json.dumps(material, ensure_ascii=False, sort_keys=True).split(_EMPTY_TEXT, 1)
    digest = hashlib.sha256(f"{head}{_EMPTY_TEXT[:-1]}".encode("utf-8", "surrogatepass"))
    for start in range(0, len(text), KEY_SLICE):
        escaped = encode_basestring(text[start : start + KEY_SLICE])[1:-1]
        digest.update(escaped.encode("utf-8", "surrogatepass"))
    digest.update(f'"{tail}'.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


_EMPTY_TEXT = '"text": ""'
"""The text's member in the JSON of ``key_material`` with an empty text: the one place such
a string can stand unescaped (every value is a JSON string, number, list or null)."""


def key_material(article: Article, pipeline: PipelineInfo) -> dict[str, Any]:
    """Everything that decides an analysis's result, by name (``cache_key`` hashes its JSON)."""
    return {
        "text": article.text,
        "title": article.title,
        "byline": article.byline,
        "published": article.published.isoformat() if article.published else None,
        "site": article.site,
        "dateline": article.dateline,
        "blocks": [[b.start, b.end, b.kind, b.level] for b in article.blocks],
        "model": pipeline.model,
        "model_version": pipeline.model_version,
        "reader_version": pipeline.reader_version,
        "analyser": analyser_version(),
    }


DIGEST_LINE = 65
"""The entry's first line: 64 hex digits and a newline."""


def _digest(key: str, payload: bytes) -> bytes:
    """sha256 of an entry's key and JSON: the content a reader trusts, bound to its name."""
    return hashlib.sha256(key.encode("ascii") + b"\n" + payload).hexdigest().encode("ascii")


def _sealed(key: str, data: str) -> bytes:
    """What an entry file holds: its digest line, then the JSON (ValueError for surrogates)."""
    payload = data.encode("utf-8")
    return _digest(key, payload) + b"\n" + payload


@dataclass(frozen=True)
class _Entry:
    path: Path
    size: int
    used: float


class AnalysisCache:
    """Annotations stored by content hash, bounded by ``max_bytes`` (LRU).

    Args:
        folder: where entries live; ``paths.cache_dir()/analysis`` by default.
        max_bytes: total size kept; the least recently used entries are removed beyond it.
    """

    def __init__(self, folder: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = Path(folder) if folder is not None else paths.cache_dir() / FOLDER
        self.max_bytes = max_bytes

    def path_for(self, article: Article, pipeline: PipelineInfo) -> Path:
        """The entry file for ``article`` analysed by ``pipeline``."""
        return self.folder / f"{cache_key(article, pipeline)}{SUFFIX}"

    def get(self, article: Article, pipeline: PipelineInfo) -> Annotations | None:
        """The cached annotations of ``article`` (on the given Article object), or None."""
        path = self.path_for(article, pipeline)
        try:  # a regular file within the folder's bound: a damaged entry never fills memory
            raw = read_bounded(path, self.max_bytes + DIGEST_LINE)
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("analysis cache: unreadable entry %s: %s", path.name, exc)
            self._remove(path)
            return None
        digest, _, payload = raw.partition(b"\n")
        try:
            if digest != _digest(path.stem, payload):
                raise ValueError("its content does not match its digest")
            data = payload.decode("utf-8")
        except (ValueError, UnicodeError) as exc:
            log.warning("analysis cache: damaged entry %s: %s; removed", path.name, exc)
            self._remove(path)
            return None
        try:
            cached = schema.loads(data)
        except AnnotationFormatError as exc:
            log.warning("analysis cache: damaged entry %s: %s", path.name, exc.message)
            self._remove(path)
            return None
        if cached.article.text != article.text or cached.pipeline != pipeline:
            log.warning("analysis cache: entry %s is for other content; removed", path.name)
            self._remove(path)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # the LRU clock
        return Annotations(article, cached.pipeline, cached.entities, cached.quotes, cached.dates)

    def put(self, annotations: Annotations) -> Path | None:
        """Store ``annotations`` (made from the model they name); None if it could not be."""
        data = schema.dumps(annotations, indent=None)
        if len(data) > self.max_bytes:
            return None
        path = self.path_for(annotations.article, annotations.pipeline)
        try:  # text with lone surrogates cannot be UTF-8 (ValueError): not cached
            self.folder.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(path, _sealed(path.stem, data))
        except (OSError, ValueError) as exc:  # a full disk or a read-only cache never stops us
            log.warning("analysis cache: could not write %s: %s", path.name, exc)
            return None
        self.evict(keep=path)
        return path

    def entries(self) -> list[_Entry]:
        """Every entry, least recently used first."""
        found = []
        try:
            listing = list(os.scandir(self.folder))
        except OSError:
            return []
        for item in listing:
            if not item.name.endswith(SUFFIX) or item.name.startswith("."):
                continue
            with contextlib.suppress(OSError):
                info = item.stat()
                found.append(_Entry(Path(item.path), info.st_size, info.st_mtime))
        return sorted(found, key=lambda e: e.used)

    def total_bytes(self) -> int:
        """Size of all entries."""
        return sum(e.size for e in self.entries())

    def evict(self, keep: Path | None = None) -> None:
        """Remove least recently used entries until the total fits; drop stale temp files."""
        entries = self.entries()
        total = sum(e.size for e in entries)
        for entry in entries:
            if total <= self.max_bytes:
                break
            if entry.path != keep:
                self._remove(entry.path)
                total -= entry.size
        remove_stale_temps(self.folder)

    def clear(self) -> None:
        """Remove every entry."""
        for entry in self.entries():
            self._remove(entry.path)

    @staticmethod
    def _remove(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()


def analyse_cached(
    analyser: Any,
    article: Article,
    progress: Callable[[float], None] | None = None,
    *,
    first_range: tuple[int, int] | None = None,
    on_partial: Callable[[Annotations], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    cache: AnalysisCache | None = None,
) -> Annotations:
    """The analysis of ``article``: from the cache when it holds it, else run and store it.

    The one call the app and the CLI make. With ``first_range`` or ``on_partial`` and an
    analyser that can (``SpacyAnalyser.analyse_incremental``), the run goes region first;
    any other analyser (a test's fake) runs its ``analyse`` and is cached only when the
    result names the installed model. An analyser with ``analyse_and_store`` (the app's
    ``ProcessAnalyser``) runs a miss and stores its result itself.
    """
    cache = cache or AnalysisCache()
    pipeline = installed_pipeline()
    if pipeline is not None and (hit := cache.get(article, pipeline)) is not None:
        if progress:
            progress(1.0)
        return hit
    if isinstance(analyser, StoringAnalyser):  # the app's ProcessAnalyser writes the entry
        return analyser.analyse_and_store(
            article, first_range, on_partial, progress, should_stop, cache.folder
        )
    if first_range is not None or on_partial:
        annotations = run_analysis(
            analyser,
            article,
            progress,
            first_range=first_range,
            on_partial=on_partial,
            should_stop=should_stop,
        )
    else:
        annotations = analyser.analyse(article, progress)
    if pipeline is not None and annotations.pipeline == pipeline:
        cache.put(annotations)
    return annotations
