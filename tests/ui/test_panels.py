"""Panel models checked with qtmodeltester, and the panels' sorting, filtering and signals."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from reader.core.colors import type_colors
from reader.core.loaders import load_article
from reader.core.model import ENTITY_TYPES, HIGHLIGHTED_TYPES, Annotations
from reader.ui.date_model import DateModel, format_value
from reader.ui.entity_model import ENTITY_ID_ROLE, EntityModel
from reader.ui.entity_panel import EntityPanel
from reader.ui.quote_model import QuoteModel, shorten
from reader.ui.quotes_panel import QuotesDatesPanel
from tests.ui.conftest import FakeAnalyser


@pytest.fixture
def annotations(sample_path: Path) -> Annotations:
    return FakeAnalyser().analyse(load_article(sample_path))


def _names(panel: EntityPanel, group: int) -> list[str]:
    proxy = panel.proxy
    parent = proxy.index(group, 0)
    return [proxy.index(r, 0, parent).data() for r in range(proxy.rowCount(parent))]


def test_entity_model_passes_modeltester(qtmodeltester, annotations: Annotations) -> None:
    model = EntityModel(type_colors(False))
    model.set_annotations(annotations, set(ENTITY_TYPES))
    qtmodeltester.check(model)
    model.set_annotations(None, set(ENTITY_TYPES))
    qtmodeltester.check(model)


def test_entity_model_groups_by_type_with_counts(qtbot, annotations: Annotations) -> None:
    model = EntityModel(type_colors(False))
    model.set_annotations(annotations, set(HIGHLIGHTED_TYPES))
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert [g.split(" (")[0] for g in groups] == ["People", "Countries", "Organizations"]
    macron = annotations.entities[0]
    index = model.entity_index(macron.id)
    assert index.data() == "Emmanuel Macron"
    assert index.siblingAtColumn(1).data() == len(macron.mentions)
    assert index.data(ENTITY_ID_ROLE) == macron.id
    assert model.entity_at(index) is macron
    assert model.entity_at(model.index(0, 0)) is None


def test_entity_panel_sorts_filters_and_emits(qtbot, qtmodeltester, annotations) -> None:
    panel = EntityPanel(type_colors(False))
    qtbot.addWidget(panel)
    panel.set_annotations(annotations, set(HIGHLIGHTED_TYPES))
    qtmodeltester.check(panel.proxy)
    countries = _names(panel, 1)
    counts = [panel.proxy.index(r, 1, panel.proxy.index(1, 0)).data() for r in range(3)]
    assert counts == sorted(counts, reverse=True)
    panel.set_sort("name")
    assert _names(panel, 1) == sorted(countries, key=str.casefold)
    assert panel.proxy.index(0, 0).data().startswith("People")  # groups keep their order
    panel.filter_field.setText("rus")
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)  # typing is throttled
    assert _names(panel, 0) == ["Russia"]
    index = panel.proxy.index(0, 0, panel.proxy.index(0, 0))
    with qtbot.waitSignal(panel.entity_activated) as blocker:
        panel.tree.clicked.emit(index)
    russia = next(e.id for e in annotations.entities if e.name == "Russia")
    assert blocker.args == [russia]


def test_quote_and_date_models_pass_modeltester(qtmodeltester, annotations) -> None:
    quotes = QuoteModel()
    quotes.set_annotations(annotations)
    qtmodeltester.check(quotes)
    dates = DateModel()
    dates.set_annotations(annotations)
    qtmodeltester.check(dates)
    assert quotes.rowCount() == len(annotations.quotes) > 0
    assert dates.index(0, 1).data() == "Sat 15 Mar 2025"


def test_shorten_cuts_at_a_word() -> None:
    text = "word " * 60
    short = shorten(text, 40)
    assert len(short) <= 40 and short.endswith("word…")
    assert shorten("short quote") == "short quote"


def test_format_value_by_precision() -> None:
    assert format_value("2025-03-15", "day") == "Sat 15 Mar 2025"
    assert format_value("2025-03", "month") == "March 2025"
    assert format_value("2025", "year") == "2025"
    assert format_value(None, None) == "—"


def test_quotes_panel_filters_by_speaker_and_emits(qtbot, annotations) -> None:
    panel = QuotesDatesPanel()
    qtbot.addWidget(panel)
    panel.set_annotations(annotations)
    total = panel.quote_proxy.rowCount()
    panel.set_speaker("Emmanuel Macron")
    macron = panel.quote_proxy.rowCount()
    assert 0 < macron < total
    for row in range(macron):
        assert panel.quote_proxy.index(row, 1).data() == "Emmanuel Macron"
    quote_index = panel.quote_proxy.index(0, 0)
    with qtbot.waitSignal(panel.range_activated) as blocker:
        panel.quote_table.clicked.emit(quote_index)
    quote = next(q for q in annotations.quotes if q.speaker)
    assert blocker.args == [quote.start, quote.end]
    with qtbot.waitSignal(panel.speaker_activated) as blocker:
        panel.quote_table.clicked.emit(panel.quote_proxy.index(0, 1))
    assert blocker.args == [quote.speaker_id]


def test_dates_panel_timeline_order(qtbot, annotations) -> None:
    panel = QuotesDatesPanel()
    qtbot.addWidget(panel)
    panel.set_annotations(annotations)
    panel.set_date_order("timeline")
    values = [panel.date_model.index(r, 1).data() for r in range(panel.date_model.rowCount())]
    assert values[0] == "Sat 15 Mar 2025" and values[-1] == "Mon 17 Mar 2025"
    panel.set_date_order("appearance")
    starts = [
        panel.date_model.index(r, 0).data(Qt.ItemDataRole.UserRole + 2)
        for r in range(panel.date_model.rowCount())
    ]
    assert starts == sorted(starts)
    assert not panel.date_model.index(0, 0, QModelIndex()).parent().isValid()


def test_unattributed_quotes_have_their_own_filter(qtbot, annotations) -> None:
    panel = QuotesDatesPanel()
    qtbot.addWidget(panel)
    panel.set_annotations(annotations)
    unattributed = [q for q in annotations.quotes if not q.speaker]
    panel.set_speaker("Unattributed")
    assert panel.quote_proxy.rowCount() == len(unattributed) > 0
    assert panel.quote_proxy.index(0, 1).data() == "—"
    panel.set_speaker(None)
    assert panel.quote_proxy.rowCount() == len(annotations.quotes)
    assert panel.tabText(0) == f"Quotes ({len(annotations.quotes)})"  # all are speech


def test_quoted_phrases_hidden_until_asked(qtbot, annotations) -> None:
    from dataclasses import replace

    phrase = replace(annotations.quotes[0], kind="scare", speaker=None, speaker_id=None)
    annotations.quotes = [phrase, *annotations.quotes[1:]]
    panel = QuotesDatesPanel()
    qtbot.addWidget(panel)
    panel.set_annotations(annotations)
    speech = len(annotations.quotes) - 1
    assert panel.quote_proxy.rowCount() == speech
    assert panel.tabText(0) == f"Quotes ({speech})"
    panel.phrases_box.setChecked(True)
    assert panel.quote_proxy.rowCount() == speech + 1


def test_speaker_counts_match_what_is_listed(qtbot, annotations) -> None:
    """QA F10.2: "Unattributed (3)" listed nothing when the three were quoted phrases."""
    from dataclasses import replace

    phrases = [replace(q, kind="scare", speaker=None, speaker_id=None) for q in annotations.quotes]
    annotations.quotes = phrases[:2] + annotations.quotes[2:]
    annotations.quotes[2:] = [replace(q, speaker="Emmanuel Macron") for q in annotations.quotes[2:]]
    panel = QuotesDatesPanel()
    qtbot.addWidget(panel)
    panel.set_annotations(annotations)

    def choices() -> dict[str, str]:
        box = panel.speaker_box
        return {box.itemData(i): box.itemText(i) for i in range(1, box.count())}

    def listed(speaker: str | None) -> int:
        panel.set_speaker(speaker)
        return panel.quote_proxy.rowCount()

    assert "Unattributed" not in choices()  # its only quotes are hidden phrases
    for speaker, text in choices().items():
        assert text == f"{speaker} ({listed(speaker)})"
    panel.set_speaker(None)
    panel.phrases_box.setChecked(True)
    assert choices()["Unattributed"] == "Unattributed (2)"
    assert listed("Unattributed") == 2
    panel.phrases_box.setChecked(False)  # the chosen speaker has nothing left to list
    assert panel.speaker_box.currentData() is None
    assert panel.quote_proxy.rowCount() == len(annotations.quotes) - 2


def test_empty_hints_say_what_is_going_on(qtbot, annotations) -> None:
    """QA F10.3: "No quotes found" while the article was still being analysed."""
    from dataclasses import replace

    panel = QuotesDatesPanel()
    qtbot.addWidget(panel)
    empty = replace(annotations, quotes=[], dates=[])
    panel.set_annotations(empty, analysing=True)
    assert panel.no_quotes.text() == "Finding quotes…"
    assert panel.no_dates.text() == "Finding dates…"
    panel.set_annotations(empty)
    assert panel.no_quotes.text() == "No quotes found in this article."
    assert panel.no_dates.text() == "No dates found in this article."
    phrase = replace(annotations.quotes[0], kind="scare", speaker=None, speaker_id=None)
    panel.set_annotations(replace(annotations, quotes=[phrase]))
    assert panel.quote_proxy.rowCount() == 0
    assert "Also list quoted phrases" in panel.no_quotes.text()


def test_filtered_groups_count_what_they_list(qtbot, annotations) -> None:
    """QA F10.4: "People (6) 15" while the filter left one person listed."""
    panel = EntityPanel(type_colors(False))
    qtbot.addWidget(panel)
    panel.set_annotations(annotations, set(ENTITY_TYPES))
    people = [e for e in annotations.entities if e.type == "person"]
    macron = next(e for e in people if e.name == "Emmanuel Macron")
    panel._filter("macron")
    group = panel.proxy.index(0, 0)
    assert group.data() == f"People (1 of {len(people)})"
    assert panel.proxy.index(0, 1).data() == len(macron.mentions)
    panel._filter("")
    assert panel.proxy.index(0, 0).data() == f"People ({len(people)})"
