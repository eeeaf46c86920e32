"""Run the real app (``run_app``) in its own process for the single-instance tests.

    python -m tests.ui.instance_driver [--new-window] FILE...

Only the analyser is the tests' FakeAnalyser (no model process). Each time the window's tabs
change, one line ``tabs NAME,NAME`` goes to stdout for the parent to read; SIGTERM quits the
app as closing its window would.
"""

from __future__ import annotations

import argparse
import signal
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.ui.app import create_application, run_app
from reader.ui.main_window import MainWindow
from tests.ui.conftest import FakeAnalyser


def report_tabs() -> None:
    """Print the window's tab names whenever they change (polled: the window is run_app's)."""
    last: list[str | None] = [None]

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows:
            return
        line = "tabs " + ",".join(tab.path.name for tab in windows[0].tab_list)
        if line != last[0]:
            last[0] = line
            print(line, flush=True)

    timer = QTimer(QApplication.instance())
    timer.timeout.connect(poll)
    timer.start(50)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+")
    parser.add_argument("--new-window", action="store_true")
    args = parser.parse_args()
    create_application([sys.argv[0]])
    signal.signal(signal.SIGTERM, lambda *_: QApplication.quit())
    QTimer.singleShot(0, report_tabs)  # runs once run_app's event loop does
    return run_app(args.files, analyser=FakeAnalyser(), new_window=args.new_window)


if __name__ == "__main__":
    sys.exit(main())
