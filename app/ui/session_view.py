"""The session as the window sees it: the same service, plus a signal after every accepted event, so the status bar
and the screens stay in step without polling."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.counting.checks import Finding
from app.counting.count import Count, Event
from app.counting.model import Election, Station
from app.ui.ports import BureauContext, Progress, SessionPort, WrittenResults


class ObservedSession(QObject):
    """Delegates to the session; emits `changed` after each event the session accepted (and stored)."""

    changed = Signal()

    def __init__(self, session: SessionPort) -> None:
        super().__init__()
        self.inner = session

    @property
    def station(self) -> Station:
        return self.inner.station

    @property
    def election(self) -> Election:
        return self.inner.election

    @property
    def count(self) -> Count:
        return self.inner.count

    def apply(self, event: Event) -> Count:
        count = self.inner.apply(event)
        self.changed.emit()
        return count

    def findings(self, context: BureauContext | None = None) -> tuple[Finding, ...]:
        before = self.inner.count
        findings = self.inner.findings(context)
        if self.inner.count is not before:
            self.changed.emit()  # the context was stored as the bureau's record
        return findings

    def finalize(self, context: BureauContext | None = None) -> Count:
        count = self.inner.finalize(context)
        self.changed.emit()
        return count

    def write_results(
        self,
        stick_dir: Path,
        context: BureauContext | None = None,
        progress: Progress | None = None,
        *,
        spare: bool = False,
    ) -> WrittenResults:
        return self.inner.write_results(stick_dir, context, progress, spare=spare)
