"""ViewMarks on a plain text view: one scroll-bar tick per paragraph, find matches shaded."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTextEdit

from reader.ui.marked_scrollbar import MarkedScrollBar
from reader.ui.view_marks import ViewMarks

PARAGRAPHS = ["Ada met Ben twice, and Ada left.", "Nobody here.", "Ada came back on Monday."]


def _view(qtbot) -> tuple[QTextEdit, MarkedScrollBar, ViewMarks]:
    view = QTextEdit()
    qtbot.addWidget(view)
    bar = MarkedScrollBar(view)
    view.setVerticalScrollBar(bar)
    view.setPlainText("\n".join(PARAGRAPHS))
    view.resize(300, 120)
    view.show()
    qtbot.waitExposed(view)
    return view, bar, ViewMarks(view, bar)


def test_mentions_get_one_tick_per_paragraph_in_document_order(qtbot) -> None:
    view, bar, marks = _view(qtbot)
    text = view.toPlainText()
    starts = [i for i in range(len(text)) if text.startswith("Ada", i)]
    assert len(starts) == 3  # two in the first paragraph, one in the last
    marks.mention_ticks(starts, QColor("#0072B2"), current=starts[2])
    assert len(bar.marks) == 2
    assert 0.0 <= bar.marks[0] < bar.marks[1] <= 1.0  # the first paragraph above the last
    assert bar.current is not None and bar.current >= bar.marks[1]
    marks.clear_mention_ticks()
    assert bar.marks == [] and bar.current is None


def test_find_shades_every_match_and_ticks_their_paragraphs(qtbot) -> None:
    view, bar, marks = _view(qtbot)
    matches = marks.find_all("ada", False, 5000, QColor("#FFE08A"))
    assert [view.toPlainText()[s:e] for s, e in matches] == ["Ada", "Ada", "Ada"]
    assert len(view.extraSelections()) == 3
    assert len(bar.find_marks) == 2
    assert marks.find_all("ada", True, 5000, None) == []  # case-sensitive: "Ada" only
    assert view.extraSelections() == [] and bar.find_marks == []
    assert len(marks.find_all("Ada", False, 2, None)) == 2  # the limit
