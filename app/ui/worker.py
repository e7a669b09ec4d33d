"""Heavy work off the GUI thread (U3): login and key derivation, writing and verifying the results."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

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
