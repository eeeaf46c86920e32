"""Drive the real app in its own process for the SIGKILL tests (tests/reliability/test_app_kill.py).

    python -m tests.reliability.app_driver edit ARTICLE          # correct until killed
    python -m tests.reliability.app_driver save ARTICLE COPY     # save, correct, die mid-save
    python -m tests.reliability.app_driver recover ARTICLE       # reopen, accept the offer

The real window, the real model, the real journal and save code; only the Save dialog is
answered with COPY. Progress goes to stdout one line at a time for the parent to act on.
In ``save`` the process SIGKILLs itself inside the second save, at the worst moment: after
the new copy's temporary file is complete and before it replaces the old copy (``--at
rename``), or before the temporary file is synced (``--at fsync``).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.analysis import SpacyAnalyser
from reader.core.corrections.operations import AddEntity
from reader.core.settings import Settings
from reader.ui import export_actions
from reader.ui.app import create_application
from reader.ui.main_window import MainWindow
from reader.ui.tasks import TaskManager

WORD = "ceasefire"
"""Each correction marks the next occurrence of this word as a new organization."""


def say(line: str) -> None:
    print(line, flush=True)


def die() -> None:
    say("dying")
    os.kill(os.getpid(), signal.SIGKILL)


def correct(window: MainWindow, count: int) -> int:
    """Apply ``count`` corrections through the window; the number applied."""
    tab = window.current_tab()
    assert tab is not None and tab.article is not None
    text = tab.article.text
    done, start = 0, 0
    while done < count:
        start = text.index(WORD, start)
        if window.corrections.apply_correction(AddEntity(start, start + len(WORD), "organization")):
            done += 1
            say(f"corrected {done}")
        start += len(WORD)
    return done


def arm_kill_in_save(copy: Path, at: str) -> None:
    """Die inside the next save of ``copy``: before its temp file is synced, or renamed."""
    real_replace, real_fsync = os.replace, os.fsync
    temp_prefix = f".{copy.name}."

    def replace(src: str | os.PathLike, dst: str | os.PathLike) -> None:
        if at == "rename" and Path(dst) == copy:
            die()
        real_replace(src, dst)

    def fsync(fd: int) -> None:
        if at == "fsync" and os.readlink(f"/proc/self/fd/{fd}").rsplit("/", 1)[-1].startswith(
            temp_prefix
        ):
            die()
        real_fsync(fd)

    os.replace, os.fsync = replace, fsync


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("edit", "save", "recover"))
    parser.add_argument("article", type=Path)
    parser.add_argument("copy", type=Path, nargs="?")
    parser.add_argument("--at", choices=("rename", "fsync"), default="rename")
    args = parser.parse_args()
    app = create_application([sys.argv[0]])
    tasks = TaskManager()
    window = MainWindow(Settings(), SpacyAnalyser(), tasks=tasks)
    window.show()
    if args.copy is not None:
        export_actions.ask_save_path = lambda *_args: args.copy

    def analysed(_tab: object) -> None:
        say("analysed")
        if args.mode == "edit":
            correct(window, 1000)
        elif args.mode == "save":
            window.exports.save_annotated_copy()
            QTimer.singleShot(100, wait_for_first_save)
        else:
            QTimer.singleShot(200, accept_offer)

    def wait_for_first_save() -> None:
        if not window.status.label.text().startswith("Saved"):
            QTimer.singleShot(100, wait_for_first_save)
            return
        say("saved 1")
        correct(window, 1)
        arm_kill_in_save(args.copy, args.at)
        window.exports.save_annotated_copy()

    def accept_offer(tries: int = 0) -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "restoreJournalDialog"
        ]
        if not boxes:
            if tries > 50:
                say("no offer")
                app.exit(1)
                return
            QTimer.singleShot(100, lambda: accept_offer(tries + 1))
            return
        box = boxes[0]
        say(f"offered: {box.text()}")
        restore = next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        )
        restore.click()
        tab = window.current_tab()
        assert tab is not None and tab.annotations is not None
        restored = [e for e in tab.annotations.entities if e.source == "user"]
        say(f"restored {len(restored)} {','.join(sorted({e.name for e in restored}))}")
        app.exit(0)

    window.analysis_finished.connect(analysed)
    window.analysis_failed.connect(lambda _tab, message: (say(f"failed {message}"), app.exit(2)))
    window.open_file(args.article)
    try:
        return app.exec()
    finally:
        window.confirm_close = lambda _tabs: True  # type: ignore[method-assign]  # keep journals
        window.close()
        tasks.shutdown(wait=True)


if __name__ == "__main__":
    sys.exit(main())
