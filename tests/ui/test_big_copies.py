"""A big annotated copy opens within seconds: its highlight spans are made off the UI thread.

A copy of 850,000 mentions stalled the window for 6 s after its text appeared, turning a
million mentions into spans on the UI thread (an analysis's spans were already made on its
worker).
"""

from __future__ import annotations

import threading
from pathlib import Path

from reader.core import schema
from reader.core.model import Annotations, Article, Entity, Mention
from reader.ui import reading_view
from tests.ui.conftest import open_and_wait


def _copy(folder: Path) -> Path:
    words = [f"Name{i}" for i in range(300)]
    text = " ".join(words)
    entities, start = [], 0
    for i, word in enumerate(words):
        mention = Mention(start, start + len(word), word)
        entities.append(Entity(f"e{i + 1}", "person", word, [mention]))
        start += len(word) + 1
    path = folder / "copy.json"
    path.write_text(schema.dumps(Annotations(Article(text=text), entities=entities)), "utf-8")
    return path


def test_a_copy_is_highlighted_with_spans_made_off_the_ui_thread(
    qtbot, main_window, tmp_path: Path, monkeypatch
) -> None:
    threads: list[threading.Thread] = []
    real = reading_view.mention_spans

    def recording(annotations, offsets):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(annotations, offsets)

    monkeypatch.setattr(reading_view, "mention_spans", recording)
    window = main_window()
    tab = open_and_wait(qtbot, window, _copy(tmp_path))
    assert len(tab.annotations.entities) == 300
    assert len(tab.view.highlighter.spans_in(0, 10**6)) == 300  # every mention is highlighted
    assert threads and threading.main_thread() not in threads
