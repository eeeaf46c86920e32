"""The real window shows a hostile web page as text: nothing runs, nothing is fetched.

The page (tests/security/hostile_article.py) points every script, frame, image, stylesheet,
font, link and refresh at a counting HTTP server on 127.0.0.1; after the article is loaded,
shown and highlighted, the server has seen zero requests and the view holds no link, image
or frame, only text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextImageFormat
from PySide6.QtWidgets import QApplication

from tests.security.hostile_article import PARAGRAPHS, hostile_page
from tests.ui.conftest import OFFSCREEN_NOISE, fake_analyser, main_window, open_and_wait

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE)]
__all__ = ["fake_analyser", "main_window"]  # fixtures shared with tests/ui


def _fragments(document):
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1
        block = block.next()


def test_hostile_page_is_shown_as_inert_text(
    qtbot, main_window, counting_server, tmp_path: Path
) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(hostile_page(counting_server.url), encoding="utf-8")
    window = main_window()
    tab = open_and_wait(qtbot, window, page)
    qtbot.wait(1500)  # time for anything that would fetch or run on its own
    QApplication.processEvents()

    assert counting_server.requests == []
    text = tab.view.toPlainText()
    assert "Emmanuel Macron said on Saturday" in text
    assert "<script>alert(1)</script>" in text  # escaped markup in the article: shown as text
    assert "PWNED" not in window.windowTitle() + tab.title + text
    document = tab.view.document()
    for fragment in _fragments(document):
        fmt = fragment.charFormat()
        assert not fmt.isAnchor() and not fmt.anchorHref(), fragment.text()
        assert not fmt.isImageFormat() and not QTextImageFormat(fmt).name()
    assert tab.view.openLinks() is False and tab.view.openExternalLinks() is False
    # Every paragraph of the article body survived the extraction.
    for paragraph in PARAGRAPHS[:3]:
        assert paragraph.split(",")[0] in text
