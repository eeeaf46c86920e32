"""The layering promises of docs/architecture.md, checked on every test run."""

from __future__ import annotations

import ast
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "core").rglob("*.py")
        if _imported_modules(path) & {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
    ]
    assert offenders == []


def test_only_core_analysis_imports_spacy() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "spacy" in _imported_modules(path)
        and (PACKAGE / "core" / "analysis") not in path.parents
    ]
    assert offenders == []


def test_no_import_cycle_among_the_projects_modules() -> None:
    """No module reaches itself through imports, ``TYPE_CHECKING`` imports included.

    grimp (installed with import-linter) builds the graph; a cycle is a direct import whose
    target leads back to the importer. Controllers see the window through
    ``reader.ui.window_api``, analysers through ``reader.core.analysis.contracts``.
    """
    import grimp

    graph = grimp.build_graph("reader", exclude_type_checking_imports=False)
    cycles = sorted(
        {
            tuple(sorted((module, imported)))
            for module in graph.modules
            for imported in graph.find_modules_directly_imported_by(module)
            if graph.chain_exists(importer=imported, imported=module)
        }
    )
    assert cycles == []
