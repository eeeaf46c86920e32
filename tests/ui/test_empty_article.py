"""An article that comes out empty opens with a banner saying so, not a silent blank page."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import open_and_wait


def test_an_empty_article_shows_a_banner(qtbot, main_window, tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("<!-- draft -->\n\n---\n", encoding="utf-8")
    window = main_window()
    tab = open_and_wait(qtbot, window, path)
    assert tab.banner.isVisible()
    assert "No article text was found in 'notes.md'" in tab.banner.label.text()
