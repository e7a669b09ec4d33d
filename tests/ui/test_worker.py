"""Work off the GUI thread: a detached job (the printer's spooler) reports on the GUI thread, and the kiosk can shut
down while one hangs, where a QThread still running would abort the process."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread

import app
from app.errors import TabulaError
from app.ui.worker import start_detached


def test_a_detached_job_reports_its_outcome_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    seen: list[tuple[str, object, bool]] = []

    def on(kind: str):  # type: ignore[no-untyped-def]
        return lambda outcome: seen.append((kind, outcome, QThread.currentThread() is owner.thread()))

    start_detached(owner, lambda: 42, on_success=on("ok"), on_failure=on("failed"))
    qtbot.waitUntil(lambda: len(seen) == 1)
    error = TabulaError("printer.none")

    def fails() -> object:
        raise error

    start_detached(owner, fails, on_success=on("ok"), on_failure=on("failed"))
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen == [("ok", 42, True), ("failed", error, True)]


def test_a_job_that_outlives_its_owner_tells_no_one_and_does_not_fail(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    go = threading.Event()
    seen: list[object] = []
    thread = start_detached(owner, lambda: go.wait(5), on_success=seen.append, on_failure=seen.append)
    owner.deleteLater()
    qtbot.wait(20)  # the owner is gone (the screen closed with the kiosk)
    go.set()
    thread.join(timeout=5)
    qtbot.wait(20)
    assert not thread.is_alive() and seen == []


SHUT_DOWN_WHILE_HANGING = """
import threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from app.ui.worker import start_detached
app = QApplication([])
screen = QWidget()
start_detached(screen, lambda: threading.Event().wait(30), on_success=print, on_failure=print)
QTimer.singleShot(50, app.quit)
app.exec()
del screen
print("shut down")
"""


def test_the_kiosk_shuts_down_cleanly_while_the_spooler_hangs(tmp_path: Path) -> None:
    root = Path(app.__file__).parent.parent
    done = subprocess.run(  # the test's own interpreter and script
        [sys.executable, "-c", SHUT_DOWN_WHILE_HANGING],
        cwd=root,
        env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    assert done.returncode == 0, done.stderr  # not 134: no "QThread: Destroyed while thread is still running"
    assert done.stdout.strip() == "shut down"
