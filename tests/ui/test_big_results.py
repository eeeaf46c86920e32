"""Panels given a book-length result: the same rows as a small one, sized without Qt's
measure-every-row modes, and the selection kept when the entity order changes."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt

from reader.core.colors import type_colors
from reader.core.model import (
    HIGHLIGHTED_TYPES,
    Annotations,
    Article,
    DateMention,
    Entity,
    Mention,
    Quote,
)
from reader.ui.date_model import TIMELINE_ROLE, DateModel
from reader.ui.entity_model import COUNT, ENTITY_ID_ROLE
from reader.ui.entity_panel import EntityPanel
from reader.ui.quote_model import SPEAKER, shorten
from reader.ui.quotes_panel import FIT_ROWS_LIMIT, QuotesDatesPanel

WORDS = [
    "the",
    "minister",
    "said",
    "that",
    "talks",
    "would",
    "go",
    "on",
    "until",
    "a",
    "deal",
    "was",
    "reached",
    "in",
    "spring",
]
SPEAKERS = ["Emmanuel Macron", "Keir Starmer", "Ursula von der Leyen-Bartholomew", None]


def _big(quotes: int, dates: int, entities: int, seed: int = 7) -> Annotations:
    """Synthetic annotations of the sizes a 1 MB article has (made up, but of real shapes)."""
    rng = random.Random(seed)
    text = "x" * (quotes + dates + entities) * 40
    found = []
    for i in range(quotes):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 40)))
        speaker = rng.choice(SPEAKERS)
        kind = "scare" if speaker is None and i % 3 == 0 else "speech"
        found.append(Quote(i * 40, i * 40 + 20, words, speaker, None, kind))
    days = [f"2025-03-{day:02d}" for day in range(1, 29)] + ["2025-03", "2025", None]
    resolved = [
        DateMention(i * 40 + 5, i * 40 + 15, f"day {i}", value, "day" if value else None)
        for i, value in enumerate(rng.choice(days) for _ in range(dates))
    ]
    people = [
        Entity(
            f"e{i}",
            HIGHLIGHTED_TYPES[i % 3],
            f"Name {rng.randint(0, 999):03d}",
            [Mention(j * 40, j * 40 + 3, "x") for j in range(rng.randint(1, 30))],
        )
        for i in range(entities)
    ]
    return Annotations(Article(text=text), entities=people, quotes=found, dates=resolved)


def _shown(qtbot, widget) -> None:
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show()
    qtbot.waitExposed(widget)


def _fitted(panel: QuotesDatesPanel) -> bool:
    """Every row as tall as Qt's own measure of its cells says (``ResizeToContents``)."""
    table = panel.quote_table
    least = table.verticalHeader().minimumSectionSize()
    rows = panel.quote_proxy.rowCount()
    return all(table.rowHeight(row) == max(table.sizeHintForRow(row), least) for row in range(rows))


@pytest.mark.parametrize("count", [40, FIT_ROWS_LIMIT])
def test_quote_rows_are_as_tall_as_their_text(qtbot, count) -> None:
    panel = QuotesDatesPanel()
    _shown(qtbot, panel)
    panel.set_annotations(_big(count, 10, 10))
    qtbot.waitUntil(lambda: _fitted(panel))
    heights = {panel.quote_table.rowHeight(r) for r in range(panel.quote_proxy.rowCount())}
    assert len(heights) > 1  # short and long quotes: the fit is not one size for all
    panel.set_speaker("Keir Starmer")
    assert _fitted(panel)  # the filtered rows, measured again at once
    panel.resize(300, 600)  # a narrower quote column: taller rows follow
    qtbot.waitUntil(lambda: _fitted(panel))


def test_long_quote_tables_get_three_line_rows(qtbot) -> None:
    panel = QuotesDatesPanel()
    _shown(qtbot, panel)
    panel.set_annotations(_big(FIT_ROWS_LIMIT * 3, 10, 10))
    line = panel.quote_table.fontMetrics().lineSpacing()
    rows = panel.quote_proxy.rowCount()
    assert rows > FIT_ROWS_LIMIT
    assert {panel.quote_table.rowHeight(r) for r in range(rows)} == {3 * line + 8}


def test_speaker_column_is_as_wide_as_qt_would_make_it(qtbot) -> None:
    panel = QuotesDatesPanel()
    _shown(qtbot, panel)
    panel.set_annotations(_big(500, 10, 10))
    table = panel.quote_table
    qt_measure = table.sizeHintForColumn(SPEAKER)  # every row's cell, as ResizeToContents
    assert table.columnWidth(SPEAKER) == max(
        qt_measure, table.horizontalHeader().sectionSizeHint(SPEAKER)
    )
    metrics = table.fontMetrics()
    assert qt_measure > max(metrics.horizontalAdvance(name) for name in SPEAKERS if name)


def test_big_result_lists_every_row_in_order(qtbot) -> None:
    annotations = _big(2600, 1200, 320)
    panel = QuotesDatesPanel()
    _shown(qtbot, panel)
    panel.set_annotations(annotations)
    speech = [q for q in annotations.quotes if q.kind != "scare"]
    model = panel.quote_proxy
    assert model.rowCount() == len(speech)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        f"“{shorten(q.text)}”" for q in speech
    ]
    dates = panel.date_model
    assert dates.dates == sorted(annotations.dates, key=lambda d: d.start)
    panel.set_date_order("timeline")
    keys = [dates.index(r, 0).data(TIMELINE_ROLE) for r in range(dates.rowCount())]
    assert keys == sorted(keys) and len(keys) == len(annotations.dates)
    panel.set_annotations(annotations)  # a new result keeps the chosen order
    assert [dates.index(r, 0).data(TIMELINE_ROLE) for r in range(dates.rowCount())] == keys


def test_date_model_orders_itself() -> None:
    annotations = _big(0, 300, 0)
    model = DateModel()
    model.set_order("timeline")
    model.set_annotations(annotations)
    keys = [model.index(r, 0).data(TIMELINE_ROLE) for r in range(model.rowCount())]
    assert keys == sorted(keys)
    model.set_order("appearance")
    assert [d.start for d in model.dates] == sorted(d.start for d in annotations.dates)


def test_entity_order_change_keeps_the_selection_and_groups(qtbot) -> None:
    annotations = _big(0, 0, 320)
    panel = EntityPanel(type_colors(False))
    _shown(qtbot, panel)
    panel.set_annotations(annotations, set(HIGHLIGHTED_TYPES))
    proxy = panel.proxy
    group = proxy.index(1, 0)
    counts = [proxy.index(r, COUNT, group).data() for r in range(proxy.rowCount(group))]
    assert counts == sorted(counts, reverse=True)
    chosen = proxy.index(5, 0, group).data(ENTITY_ID_ROLE)
    panel.select_entity(chosen)
    panel.set_sort("name")
    group = proxy.index(1, 0)  # model indexes do not outlive a change of order
    names = [proxy.index(r, 0, group).data() for r in range(proxy.rowCount(group))]
    assert names == sorted(names, key=str.casefold)
    assert panel.tree.currentIndex().data(ENTITY_ID_ROLE) == chosen
    assert all(panel.tree.isExpanded(proxy.index(g, 0)) for g in range(proxy.rowCount()))
    tree = panel.tree
    assert tree.columnWidth(COUNT) == max(
        tree.sizeHintForColumn(COUNT), tree.header().sectionSizeHint(COUNT)
    )
    assert proxy.index(0, 0).data(Qt.ItemDataRole.DisplayRole).startswith("People")
