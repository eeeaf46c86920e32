"""Everything read at run time ships in the wheel: resources/ and seeds/ as reader.resources and
reader.seeds, found through importlib.resources (no path built from ``__file__``)."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

from reader.core import paths
from tests.conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def _files_under(folder: Path) -> set[str]:
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def _package_data(package: str, folder: Path) -> set[str]:
    """What setuptools puts in the wheel for ``package``: its modules and the files its
    package-data globs match (setuptools expands them with glob, relative to the package)."""
    shipped = {p.name for p in folder.glob("*.py")}
    for pattern in SETUPTOOLS["package-data"].get(package, []):
        shipped |= {p.relative_to(folder).as_posix() for p in folder.glob(pattern) if p.is_file()}
    return shipped


def test_resources_and_seeds_stay_at_the_top_and_map_into_the_package() -> None:
    assert SETUPTOOLS["package-dir"] == {
        "reader": "reader",
        "reader.resources": "resources",
        "reader.seeds": "seeds",
    }
    assert paths.resources_dir().resolve() == (REPO / "resources").resolve()
    assert paths.seeds_dir().resolve() == (REPO / "seeds").resolve()
    assert paths.sample_article().is_file()


def test_every_file_in_resources_and_seeds_is_package_data() -> None:
    for package, folder in (("reader.resources", "resources"), ("reader.seeds", "seeds")):
        on_disk = _files_under(REPO / folder)
        assert on_disk, folder
        assert on_disk == _package_data(package, REPO / folder), f"{folder}/ not all shipped"


def test_setup_py_lists_every_package_and_the_two_mapped_ones() -> None:
    listed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import setuptools, sys; setuptools.setup = lambda **kw: print(*kw['packages']);"
            "sys.argv = ['setup.py']; exec(open('setup.py').read())",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    on_disk = {
        ".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "reader").rglob("__init__.py")
    }
    assert set(listed) == on_disk | {"reader.resources", "reader.seeds"}


def test_no_code_finds_files_through_file_parents() -> None:
    """``Path(__file__).parents[...]`` breaks in a wheel: the checkout is not there."""
    offenders = []
    for module in (REPO / "reader").rglob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "parents":
                offenders.append(f"{module.relative_to(REPO)}:{node.lineno}")
    assert offenders == []
    assert not hasattr(paths, "PROJECT_ROOT")
