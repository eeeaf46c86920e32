"""The quotes and dates panel: two tabs of thin table models; clicking a row jumps to it."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import Annotations
from reader.ui.date_model import DATE_ROLE, DateModel
from reader.ui.quote_model import (
    QUOTE,
    QUOTE_ROLE,
    SPEAKER,
    UNATTRIBUTED,
    QuoteModel,
    speaker_key,
)
from reader.ui.row_fitter import RowFitter, cell_width

DATE_ORDERS = (("appearance", "In order of appearance"), ("timeline", "Timeline (by date)"))
ALL_SPEAKERS = "All speakers"


class SpeakerFilter(QSortFilterProxyModel):
    """Keeps the quotes of one speaker (None keeps all); quoted phrases only on request.

    Attributes:
        speaker: the speaker shown, or None for everyone.
        show_phrases: also list scare quotes ("mass", "operational phase"), which have no
            speaker and are not statements.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.speaker: str | None = None
        self.show_phrases = False

    def clear_speaker(self) -> None:
        """Everyone again, without filtering now: for just before the rows are replaced."""
        self.speaker = None

    def set_show_phrases(self, show: bool) -> None:
        """List scare quotes too."""
        self.beginFilterChange()
        self.show_phrases = show
        self.endFilterChange()

    def set_speaker(self, speaker: str | None) -> None:
        """Filter to ``speaker`` ("Unattributed" for quotes without one)."""
        self.beginFilterChange()
        self.speaker = speaker
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        # Reads the quote itself: two data() round trips per row cost 20 ms on 2,600 quotes.
        model = self.sourceModel()
        if not isinstance(model, QuoteModel) or parent.isValid():
            return True
        quote = model.quotes[row]
        if quote.kind == "scare" and not self.show_phrases:
            return False
        return self.speaker is None or speaker_key(quote) == self.speaker


FIT_ROWS_LIMIT = 300
"""Quote tables longer than this get rows of three lines (see ``RowFitter``)."""


def _table(parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return table


def _placeholder(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("emptyHint")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setEnabled(False)
    return label


class QuotesDatesPanel(QTabWidget):
    """Quotes (filter by speaker) and dates (appearance or timeline) of the current article.

    Signals:
        range_activated(int, int): jump to and select this Python-offset range.
        speaker_activated(str): select this person entity.
        date_order_changed(str): "appearance" or "timeline".
    """

    range_activated = Signal(int, int)
    speaker_activated = Signal(str)
    date_order_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.quote_model = QuoteModel(self)
        self.quote_proxy = SpeakerFilter(self)
        self.quote_proxy.setSourceModel(self.quote_model)
        self._has_annotations = False
        self._analysing = False
        self.date_model = DateModel(self)

        quotes = QWidget(self)
        self.speaker_box = QComboBox(quotes)
        self.speaker_box.setToolTip("Show the quotes of one speaker")
        self.quote_table = _table(quotes)
        self.quote_table.setObjectName("quoteTable")
        self.quote_table.setModel(self.quote_proxy)
        header = self.quote_table.horizontalHeader()
        header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SPEAKER, QHeaderView.ResizeMode.Fixed)
        self.quote_rows = RowFitter(self.quote_table, FIT_ROWS_LIMIT)
        self.no_quotes = _placeholder("No quotes found in this article.", quotes)
        self.phrases_box = QCheckBox("Also list quoted phrases", quotes)
        self.phrases_box.setToolTip(
            'Short phrases in quotation marks that nobody is quoted as saying, such as "mass"'
        )
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.speaker_box, 1)
        top.addWidget(self.phrases_box)
        layout = QVBoxLayout(quotes)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.quote_table, 1)
        layout.addWidget(self.no_quotes)

        dates = QWidget(self)
        self.order_box = QComboBox(dates)
        for key, label in DATE_ORDERS:
            self.order_box.addItem(label, key)
        self.date_table = _table(dates)
        self.date_table.setObjectName("dateTable")
        self.date_table.setModel(self.date_model)
        self.date_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.no_dates = _placeholder("No dates found in this article.", dates)
        layout = QVBoxLayout(dates)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.order_box)
        layout.addWidget(self.date_table, 1)
        layout.addWidget(self.no_dates)

        self.addTab(quotes, "Quotes")
        self.addTab(dates, "Dates")
        self.speaker_box.currentIndexChanged.connect(self._speaker_chosen)
        self.phrases_box.toggled.connect(self._phrases_toggled)
        self.order_box.currentIndexChanged.connect(self._order_chosen)
        self.quote_table.clicked.connect(self._quote_clicked)
        self.quote_table.activated.connect(self._quote_clicked)
        self.date_table.clicked.connect(self._date_clicked)
        self.date_table.activated.connect(self._date_clicked)
        self.set_date_order("appearance")
        self.set_annotations(None)

    def set_annotations(self, annotations: Annotations | None, analysing: bool = False) -> None:
        """Show the quotes and dates of ``annotations`` (provisional while ``analysing``)."""
        self._has_annotations = annotations is not None
        self.quote_proxy.clear_speaker()  # the reset below filters the new rows once
        self.quote_model.set_annotations(annotations)
        self._fit_speakers()
        self.quote_rows.fit()
        self.date_model.set_annotations(annotations)
        self._fill_speakers(None)
        self.set_analysing(analysing)
        has_dates = bool(self.date_model.dates)
        self.date_table.setVisible(has_dates)
        self.no_dates.setVisible(not has_dates)
        self.setTabText(1, f"Dates ({len(self.date_model.dates)})" if annotations else "Dates")

    def set_analysing(self, analysing: bool) -> None:
        """The article in front is (no longer) being analysed: the empty hints say so."""
        self._analysing = analysing
        self._update_quote_state()
        self.no_dates.setText("Finding dates…" if analysing else "No dates found in this article.")

    def _fill_speakers(self, keep: str | None) -> None:
        """The speaker choices with the number of quotes each lists now; ``keep`` stays chosen."""
        with QSignalBlocker(self.speaker_box):
            self.speaker_box.clear()
            self.speaker_box.addItem(ALL_SPEAKERS, None)
            for name, count in self.quote_model.speakers(self.quote_proxy.show_phrases):
                self.speaker_box.addItem(f"{name} ({count})", name)
            self.speaker_box.setCurrentIndex(max(0, self.speaker_box.findData(keep)))

    def _fit_speakers(self) -> None:
        """The speaker column as wide as its longest name, measured once per name.

        ``ResizeToContents`` measured every row's cell (thousands on a 1 MB article, 100 ms
        and more on each change); a few dozen names say the same.
        """
        header = self.quote_table.horizontalHeader()
        names = {quote.speaker or "—" for quote in self.quote_model.quotes}
        width = cell_width(self.quote_table, names)
        header.resizeSection(SPEAKER, max(width, header.sectionSizeHint(SPEAKER)))

    def _update_quote_state(self) -> None:
        shown = self.quote_proxy.rowCount()
        speech = sum(1 for q in self.quote_model.quotes if q.kind != "scare")
        phrases = len(self.quote_model.quotes) - speech
        self.quote_table.setVisible(shown > 0)
        self.no_quotes.setVisible(shown == 0)
        if self._analysing:
            hint = "Finding quotes…"
        elif not self._has_annotations:
            hint = "No quotes to show."
        elif speech == 0 and phrases and not self.quote_proxy.show_phrases:
            hint = (
                "No quotes found in this article. Tick “Also list quoted phrases” to see its "
                f"{phrases} quoted phrase{'s' if phrases != 1 else ''}."
            )
        elif speech or phrases:
            hint = "No quotes by this speaker."
        else:
            hint = "No quotes found in this article."
        self.no_quotes.setText(hint)
        self.speaker_box.setEnabled(bool(self.quote_model.quotes))
        self.phrases_box.setEnabled(phrases > 0)
        self.setTabText(0, f"Quotes ({speech})" if self._has_annotations else "Quotes")

    def _phrases_toggled(self, show: bool) -> None:
        self.quote_proxy.set_show_phrases(show)
        keep = self.speaker_box.currentData()
        self._fill_speakers(keep)
        if self.speaker_box.currentData() != keep:  # that speaker only had phrases
            self.quote_proxy.set_speaker(None)
        self.quote_rows.fit()
        self._update_quote_state()

    def set_speaker(self, speaker: str | None) -> None:
        """Show only quotes by ``speaker`` (None: everyone)."""
        row = self.speaker_box.findData(speaker)
        self.speaker_box.setCurrentIndex(max(0, row))

    def set_date_order(self, key: str) -> None:
        """ "appearance" or "timeline"."""
        with QSignalBlocker(self.order_box):
            self.order_box.setCurrentIndex(max(0, self.order_box.findData(key)))
        self.date_model.set_order(key)

    def _speaker_chosen(self, _row: int) -> None:
        self.quote_proxy.set_speaker(self.speaker_box.currentData())
        self.quote_rows.fit()
        self._update_quote_state()

    def _order_chosen(self, _row: int) -> None:
        key = self.order_box.currentData()
        self.set_date_order(key)
        self.date_order_changed.emit(key)

    def _quote_clicked(self, index: QModelIndex) -> None:
        quote = index.data(QUOTE_ROLE)
        if quote is None:
            return
        if index.column() == SPEAKER and quote.speaker_id:
            self.speaker_activated.emit(quote.speaker_id)
            return
        self.range_activated.emit(quote.start, quote.end)

    def _date_clicked(self, index: QModelIndex) -> None:
        date = index.data(DATE_ROLE)
        if date is not None:
            self.range_activated.emit(date.start, date.end)


__all__ = ["UNATTRIBUTED", "QuotesDatesPanel", "SpeakerFilter"]
