"""A missing or broken spaCy model: a clear message naming the install command, nothing crashes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.analysis.pipeline import (
    INSTALL_HINT,
    MODEL_PACKAGES,
    installed_model_meta,
    load_pipeline,
)
from reader.core.errors import ModelUnavailableError
from reader.core.logs import LOG_FILE_NAME


def _fake_models(root: Path, body: str) -> Path:
    """A folder of installed-looking distributions named like every model we look for (the
    models are found by distribution metadata), each package's ``__init__`` being ``body``."""
    for name in MODEL_PACKAGES:
        package = root / name
        package.mkdir(parents=True)
        (package / "__init__.py").write_text(body, encoding="utf-8")
        info = root / f"{name}-0.0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.0.1\n", encoding="utf-8"
        )
        (info / "RECORD").write_text(f"{name}/__init__.py,,\n", encoding="utf-8")
    return root


MISSING = 'raise ImportError("simulated: this model is not installed")\n'
BROKEN = (
    "def load(**kwargs):\n"
    "    raise OSError(\"[E053] Could not read config file from 'config.cfg'\")\n"
)


def test_no_model_names_the_install_command() -> None:
    with pytest.raises(ModelUnavailableError) as caught:
        load_pipeline(("entity_reader_no_such_model",))
    assert INSTALL_HINT in caught.value.message
    assert caught.value.message.startswith("The English language model is not installed.")


IMPOSTOR = "def load(**kwargs):\n    return 'not a spaCy pipeline'\n"


@pytest.mark.parametrize("name", ["entity_reader_model_without_distribution", MODEL_PACKAGES[-1]])
def test_a_module_that_only_borrows_the_model_s_name_is_not_loaded(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model is found by distribution metadata: an importable module of that name with no
    distribution, or shadowing the installed distribution's package, is not the model."""
    (tmp_path / name).mkdir()
    (tmp_path / name / "__init__.py").write_text(IMPOSTOR, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, name, raising=False)
    with pytest.raises(ModelUnavailableError):
        load_pipeline((name,))
    assert installed_model_meta((name,)) is None


def test_broken_model_is_reported_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(_fake_models(tmp_path / "broken", BROKEN)))
    for name in MODEL_PACKAGES:
        monkeypatch.delitem(sys.modules, name, raising=False)
    with pytest.raises(ModelUnavailableError) as caught:
        load_pipeline()
    assert INSTALL_HINT in caught.value.message
    assert "E053" in (caught.value.detail or "")  # for the log, not the headline
    assert "E053" not in caught.value.message


@pytest.mark.parametrize("body", [MISSING, BROKEN], ids=["missing", "broken"])
def test_cli_without_a_model_says_how_to_install_it(
    body: str, tmp_path: Path, sample_path: Path, isolated_home: Path
) -> None:
    """A real process whose model packages are shadowed by missing or broken ones."""
    shadow = _fake_models(tmp_path / "models", body)
    env = {**os.environ, "ENTITY_READER_HOME": str(isolated_home)}
    env["PYTHONPATH"] = os.pathsep.join([str(shadow), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli", "annotate", str(sample_path), "-o", "-"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 2
    assert INSTALL_HINT in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    log = (isolated_home / "log" / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert INSTALL_HINT in log
