"""Shared fixtures: every test gets fresh folders, never the user's real config or cache."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader.core.paths import sample_article

REPO = Path(__file__).resolve().parents[1]
"""The checkout the tests run from (tests find scripts and build folders here; the app itself
reads what it ships through reader.core.paths)."""
SHARED = REPO.parent / "shared"
REQUIRE_E2E = os.environ.get("REQUIRE_E2E") == "1"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests under tests/ui need a QApplication: mark them ``gui`` (qutebrowser does the same)."""
    for item in items:
        if f"{os.sep}tests{os.sep}ui{os.sep}" in str(item.fspath):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Redirect config, cache, data and logs to a temp folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ENTITY_READER_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The sample article shipped in seeds/."""
    return sample_article()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (third-party corpus); skip with a reason where a clone has none."""
    if not SHARED.is_dir():
        pytest.skip("../shared/ is absent (a user's clone): corpus tests need it")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline, loaded once per session."""
    from reader.core.analysis.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def analyser(nlp):
    """A ``SpacyAnalyser`` over the session's pipeline (no cache: the analysis itself)."""
    from reader.core.analysis import SpacyAnalyser

    return SpacyAnalyser(nlp)


def require_tool(name: str) -> str:
    """Path of an executable an end-to-end test needs; skip (or fail under CI) without it."""
    found = shutil.which(name)
    if found:
        return found
    if REQUIRE_E2E:
        pytest.fail(f"{name} is required (REQUIRE_E2E=1) but not installed")
    pytest.skip(f"{name} is not installed: end-to-end test skipped")
