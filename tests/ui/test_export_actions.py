"""Save, export and print from the window; annotated copies reopen without the model."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from reader.core import atomic, schema
from reader.core.documents import RESTORED_NOTICE
from reader.core.export.reopen import load_annotated
from reader.ui import export_actions
from tests.ui.conftest import FakeAnalyser, open_and_wait


@pytest.fixture
def article(tmp_path: Path, sample_path: Path) -> Path:
    """A private copy of the sample (the test checks it is never written)."""
    target = tmp_path / "article.txt"
    target.write_bytes(sample_path.read_bytes())
    return target


class SaveDialog:
    """Stands in for the save dialog: ``answers`` are the paths the 'user' picks, in order."""

    def __init__(self) -> None:
        self.answers: list[Path] = []
        self.suggested: list[Path] = []

    def append(self, path: Path) -> None:
        self.answers.append(path)

    def __call__(self, parent, title, suggestion, name_filter):  # type: ignore[no-untyped-def]
        self.suggested.append(suggestion)
        return self.answers.pop(0) if self.answers else None


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch) -> SaveDialog:
    dialog = SaveDialog()
    monkeypatch.setattr(export_actions, "ask_save_path", dialog)
    return dialog


def _dialogs() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_file_menu_lists_save_and_export(qtbot, main_window) -> None:
    window = main_window()
    titles = [a.text() for a in window.menus["file"].actions() if not a.isSeparator()]
    save = titles.index("&Save Annotated Copy…")
    assert titles.index("&Open…") < save < titles.index("&Export") < titles.index("&Close Tab")
    export = [a.text() for a in window.menus["file/export"].actions() if not a.isSeparator()]
    assert export == ["&JSON Annotations…", "JSONL &Spans…", "spa&Cy DocBin…", "&PDF…"]
    assert window.action_by_id["file.save_annotated"].shortcut().toString() == "Ctrl+S"


def test_save_annotated_copy_writes_the_page_and_leaves_the_article(
    qtbot, main_window, article: Path, save_as: SaveDialog, tmp_path: Path
) -> None:
    before = article.read_bytes()
    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    target = tmp_path / "copy.html"
    save_as.append(target)
    window.action_by_id["file.save_annotated"].trigger()
    assert save_as.suggested == [tmp_path / "article.annotated.html"]
    qtbot.waitUntil(lambda: "Saved copy.html" in window.status.label.text(), timeout=10_000)
    assert schema.dumps(load_annotated(target)) == schema.dumps(tab.annotations)
    assert article.read_bytes() == before


@pytest.mark.parametrize(
    "action, suffix",
    [
        ("file.export_json", ".json"),
        ("file.export_jsonl", ".jsonl"),
        ("file.export_spacy", ".spacy"),
    ],
)
def test_exports_write_each_format(
    qtbot, main_window, article: Path, save_as: SaveDialog, tmp_path: Path, action: str, suffix: str
) -> None:
    window = main_window()
    open_and_wait(qtbot, window, article)
    save_as.append(tmp_path / "out")  # no suffix typed: the format's own is added
    window.action_by_id[action].trigger()
    target = tmp_path / f"out{suffix}"
    qtbot.waitUntil(lambda: f"Saved out{suffix}" in window.status.label.text(), timeout=20_000)
    assert target.stat().st_size > 0


def test_export_pdf_prints_the_highlighted_article(
    qtbot, main_window, article: Path, save_as: SaveDialog, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    window = main_window()
    tab = open_and_wait(qtbot, window, article)
    target = tmp_path / "article.pdf"
    save_as.append(target)
    window.action_by_id["file.export_pdf"].trigger()
    qtbot.waitUntil(lambda: "Exported" in window.status.label.text(), timeout=20_000)
    assert target.read_bytes().startswith(b"%PDF")
    reader = PdfReader(target)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Russia's permission" in text and "Ukraine" in text
    content = b"".join(page.get_contents().get_data() for page in reader.pages).decode("latin-1")
    fills = {
        tuple(round(float(v), 2) for v in line.split()[:3])
        for line in content.splitlines()
        if line.endswith((" rg", " scn")) and len(line.split()) == 4
    }
    tint = QColor(export_actions.type_colors(False)["country"].background)
    assert (round(tint.redF(), 2), round(tint.greenF(), 2), round(tint.blueF(), 2)) in fills
    assert tab.annotations is not None
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_print_shows_a_preview_of_the_highlighted_article(
    qtbot, main_window, article: Path
) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    window = main_window()
    open_and_wait(qtbot, window, article)
    action = window.action_by_id["file.print"]
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)  # Ctrl+P
    assert window.action_by_id["file.export_pdf"].shortcut().isEmpty()
    action.trigger()
    preview = window.findChild(QDialog, "printPreview")
    assert preview is not None and preview.isVisible()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() >= 1, timeout=10_000)
    painted = []
    preview.paintRequested.connect(lambda printer: painted.append(printer))
    widget.updatePreview()
    assert painted  # the preview draws the printable document (highlights as formats)
    preview.close()


def test_export_pdf_gets_the_permissions_of_every_other_save(
    qtbot, main_window, article: Path, save_as: SaveDialog, tmp_path: Path
) -> None:
    window = main_window()
    open_and_wait(qtbot, window, article)
    html, pdf, kept = tmp_path / "copy.html", tmp_path / "copy.pdf", tmp_path / "kept.pdf"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    save_as.append(html)
    window.action_by_id["file.save_annotated"].trigger()
    qtbot.waitUntil(html.exists, timeout=20_000)
    for target in (pdf, kept):
        save_as.append(target)
        window.action_by_id["file.export_pdf"].trigger()
        qtbot.waitUntil(
            lambda t=target: t.exists() and t.read_bytes()[:4] == b"%PDF", timeout=20_000
        )
    assert (
        pdf.stat().st_mode & 0o777
        == html.stat().st_mode & 0o777
        == atomic.shared_file_mode(tmp_path / "new")
    )
    assert kept.stat().st_mode & 0o777 == 0o640  # an existing file keeps its own


def test_full_disk_keeps_the_previous_copy_and_says_so(
    qtbot,
    main_window,
    article: Path,
    save_as: SaveDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = main_window()
    open_and_wait(qtbot, window, article)
    target = tmp_path / "copy.html"
    target.write_text("previous", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    save_as.append(target)
    window.action_by_id["file.save_annotated"].trigger()
    qtbot.waitUntil(lambda: bool(_dialogs()), timeout=10_000)
    box = _dialogs()[0]
    assert "disk is full" in box.text() and "previous copy is unchanged" in box.text()
    box.close()
    assert target.read_text(encoding="utf-8") == "previous"


def test_saving_over_the_original_is_refused(
    qtbot, main_window, sample_path: Path, save_as: SaveDialog, tmp_path: Path
) -> None:
    paragraphs = sample_path.read_text(encoding="utf-8").splitlines()[1:]
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Macron and Ukraine</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>",
        encoding="utf-8",
    )
    before = page.read_bytes()
    window = main_window()
    open_and_wait(qtbot, window, page)
    save_as.append(page)  # the user picks the web page itself
    window.action_by_id["file.save_annotated"].trigger()
    qtbot.waitUntil(lambda: bool(_dialogs()), timeout=10_000)
    assert "original article" in _dialogs()[0].text()
    _dialogs()[0].close()
    assert page.read_bytes() == before


def test_opening_an_annotated_copy_restores_it_without_the_model(
    qtbot, main_window, article: Path, save_as: SaveDialog, tmp_path: Path
) -> None:
    first = main_window()
    tab = open_and_wait(qtbot, first, article)
    target = tmp_path / "copy.html"
    save_as.append(target)
    first.action_by_id["file.save_annotated"].trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    saved = schema.dumps(tab.annotations)

    analyser = FakeAnalyser()
    window = main_window(analyser=analyser)
    with qtbot.waitSignal(window.annotations_changed, timeout=10_000):
        restored_tab = window.open_file(target)
    qtbot.waitUntil(lambda: restored_tab.annotations is not None, timeout=10_000)
    assert analyser.calls == 0
    assert schema.dumps(restored_tab.annotations) == saved
    assert "the language model was not run" in window.status.label.text()
    assert RESTORED_NOTICE in restored_tab.banner.label.text()
    # the copy's tab is told apart from its article's (same headline)
    article_tab = window.open_file(article)
    qtbot.waitUntil(lambda: article_tab.article is not None, timeout=10_000)
    titles = [window.tabs.tabText(index) for index in range(window.tabs.count())]
    assert titles[0].endswith(" (copy)") and not titles[1].endswith(" (copy)")
    assert titles[0][:12] == titles[1][:12] and len(titles[0]) <= 32
    window.tabs.setCurrentWidget(restored_tab)
    assert restored_tab.view.highlighter is not None and restored_tab.view.highlighter.spans
    # saving the restored copy again suggests the copy itself and gives the same bytes
    save_as.append(target)
    before = target.read_bytes()
    window.action_by_id["file.save_annotated"].trigger()
    assert save_as.suggested[-1] == target
    qtbot.waitUntil(lambda: "Saved copy.html" in window.status.label.text(), timeout=10_000)
    assert target.read_bytes() == before


def test_tampered_copy_is_refused_with_a_dialog(qtbot, main_window, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "entity-reader", "version": 1, "article": {"text": 5}}', "utf-8")
    window = main_window()
    window.open_file(bad)
    qtbot.waitUntil(lambda: bool(_dialogs()), timeout=10_000)
    assert "cannot be reopened" in _dialogs()[0].text()
    _dialogs()[0].close()
    assert window.tabs.count() == 0


def test_open_dialog_lists_every_format_and_reopens_a_json_copy(
    qtbot, main_window, article: Path, save_as: SaveDialog, tmp_path: Path, monkeypatch
) -> None:
    """QA F3 (a .json copy opened as raw text) and the Open dialog's filter."""
    from PySide6.QtWidgets import QFileDialog

    from reader.core.loaders import SUPPORTED_SUFFIXES

    first = main_window()
    tab = open_and_wait(qtbot, first, article)
    target = tmp_path / "copy.json"
    save_as.append(target)
    first.action_by_id["file.export_json"].trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    saved = schema.dumps(tab.annotations)

    asked: list[str] = []

    def fake_open(_parent, _title, _start, name_filter):  # type: ignore[no-untyped-def]
        asked.append(name_filter)
        return [str(target)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_open))
    analyser = FakeAnalyser()
    window = main_window(analyser=analyser)
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.action_by_id["file.open"].trigger()
    entries = asked[0].split(";;")
    articles = entries[0]
    assert all(f"*{suffix}" in articles for suffix in (*SUPPORTED_SUFFIXES, ".json"))
    assert "Annotated copies (*.html *.json)" in entries and entries[-1] == "All files (*)"
    restored = window.current_tab()
    assert analyser.calls == 0
    assert schema.dumps(restored.annotations) == saved
    assert restored.article.text == tab.article.text  # the article, not the JSON text
    assert window.quotes_panel.tabText(1) == f"Dates ({len(tab.annotations.dates)})"
    assert "the language model was not run" in window.status.label.text()
