"""Heavy work off the GUI thread (U3): login and key derivation, writing and verifying the results (`start_task`);
talking to a device that may hang, such as the printer's spooler (`start_detached`)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, SignalInstance

Progress = Callable[[float, str], None]
Job = Callable[[Progress], object]


class Task(QThread):
    """Runs `job(progress)` on its own thread and reports through queued signals to the GUI thread."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job

    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except Exception as error:  # every failure must reach the screen, which decides how to show it
            self.failed.emit(error)
            return
        self.succeeded.emit(result)

    def _progress(self, fraction: float, step: str) -> None:
        self.progressed.emit(float(fraction), step)


def start_task(
    owner: QObject,
    job: Job,
    *,
    on_progress: Callable[[float, str], None],
    on_success: Callable[[object], None],
    on_failure: Callable[[object], None],
) -> Task:
    """Start `job` on a worker thread; the task is parented to `owner` so it lives as long as needed."""
    task = Task(job, owner)
    task.progressed.connect(on_progress)
    task.succeeded.connect(on_success)
    task.failed.connect(on_failure)
    task.finished.connect(task.deleteLater)
    task.start()
    return task


class _Relay(QObject):
    """Carries a detached job's outcome to the GUI thread (a signal emitted from another thread is queued)."""

    succeeded = Signal(object)
    failed = Signal(object)


def start_detached(
    owner: QObject,
    job: Callable[[], object],
    *,
    on_success: Callable[[object], None],
    on_failure: Callable[[object], None],
) -> threading.Thread:
    """Run `job` on a daemon thread and report its outcome on the GUI thread, as long as `owner` lives.

    For work on a device that may hang (a spooler that does not answer until its time limit) and that nothing has
    to wait for: the president can shut the kiosk down meanwhile. A `QThread` still running when its owner goes
    aborts the whole process ("QThread: Destroyed while thread is still running"); a daemon thread simply stops."""
    relay = _Relay(owner)
    relay.succeeded.connect(on_success)
    relay.failed.connect(on_failure)
    for signal in (relay.succeeded, relay.failed):
        signal.connect(relay.deleteLater)

    def run() -> None:
        try:
            outcome = job()
        except Exception as error:  # every failure must reach the screen, which decides how to show it
            _deliver(relay.failed, error)
            return
        _deliver(relay.succeeded, outcome)

    thread = threading.Thread(target=run, name="tabula-device", daemon=True)
    thread.start()
    return thread


def _deliver(signal: SignalInstance, outcome: object) -> None:
    with contextlib.suppress(RuntimeError):  # the owner is gone (the kiosk shut down): there is no one to tell
        signal.emit(outcome)
