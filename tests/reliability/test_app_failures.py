"""In the real window: a missing model still shows the article; a failed save is a sentence."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.analysis import SpacyAnalyser
from reader.core.analysis.pipeline import INSTALL_HINT, MODEL_PACKAGES
from reader.core.export.formats import save
from reader.core.logs import log_file, setup_logging, shutdown_logging
from reader.ui import export_actions
from tests.ui.conftest import OFFSCREEN_NOISE, fake_analyser, main_window, open_and_wait

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE)]
__all__ = ["fake_analyser", "main_window"]  # fixtures shared with tests/ui


def test_missing_model_shows_the_article_and_the_install_command(
    qtbot, main_window, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in MODEL_PACKAGES:  # None in sys.modules: "import name" raises ImportError
        monkeypatch.setitem(sys.modules, name, None)
    window = main_window(analyser=SpacyAnalyser())
    with qtbot.waitSignal(window.analysis_failed, timeout=30_000) as failed:
        window.open_file(sample_path)
    tab, message = failed.args
    assert INSTALL_HINT in message and "without highlights" in message
    assert "Traceback" not in message
    shown = tab.view.toPlainText()  # the article is there to read
    assert "\nKyiv" in shown and "Emmanuel Macron said that France" in shown
    assert INSTALL_HINT in tab.banner.label.text()
    assert tab.annotations is None


def _dialogs(object_name: str) -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == object_name and w.isVisible()
    ]


@pytest.mark.parametrize("where", ["missing folder", "a folder in the way"])
def test_failed_save_is_a_plain_sentence_and_the_previous_copy_is_intact(
    where: str, qtbot, main_window, sample_path: Path, tmp_path: Path, monkeypatch
) -> None:
    setup_logging()
    window = main_window()
    tab = open_and_wait(qtbot, window, sample_path)
    previous = tmp_path / "copy.html"
    save(tab.annotations, previous)
    before = previous.read_bytes()
    if where == "missing folder":
        target = tmp_path / "no-such-folder" / "copy.html"
    else:
        target = tmp_path / "taken.html"
        target.mkdir()
    monkeypatch.setattr(export_actions, "ask_save_path", lambda *args: target)
    window.exports.save_annotated_copy()
    qtbot.waitUntil(lambda: bool(_dialogs("errorDialog")), timeout=10_000)
    (dialog,) = _dialogs("errorDialog")
    sentence = dialog.text()
    assert "taken.html" in sentence or "copy.html" in sentence
    assert "Traceback" not in sentence and "Error" not in sentence.split()[0]
    assert "unexpected" not in sentence, sentence
    dialog.close()
    assert previous.read_bytes() == before
    shutdown_logging()
    assert "Traceback" in log_file().read_text(encoding="utf-8")  # the detail went to the log
