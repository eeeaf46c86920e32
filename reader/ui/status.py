"""The status bar: what the app is doing, with a progress bar while an article is analysed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar


class StatusArea:
    """Drives the window's status bar.

    Args:
        bar: the QMainWindow's status bar.
    """

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.label = QLabel(bar)
        self.label.setObjectName("statusLabel")
        self.progress = QProgressBar(bar)
        self.progress.setObjectName("analysisProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.hide()
        bar.addWidget(self.label, 1)
        bar.addPermanentWidget(self.progress)

    def show_busy(self, text: str) -> None:
        """Work started: the text and a moving (indeterminate) bar."""
        self.bar.clearMessage()
        self.label.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()

    def show_progress(self, fraction: float) -> None:
        """Known progress between 0 and 1."""
        if fraction <= 0 or fraction >= 1:
            return
        self.progress.setRange(0, 100)
        self.progress.setValue(round(fraction * 100))
        self.progress.show()

    def show_done(self, text: str) -> None:
        """Work finished with a lasting message."""
        self.progress.hide()
        self.bar.clearMessage()
        self.label.setText(text)

    def show_message(self, text: str, timeout: int = 5000) -> None:
        """A passing message over the label."""
        self.bar.showMessage(text, timeout)
