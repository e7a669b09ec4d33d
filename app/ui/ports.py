"""What the screens need from the rest of the app, as Protocols (ports).

`SessionPort` matches `app.session.Session` (the one service the screens and `tabula replay` share), and
`StationBackend` is what the login screen needs: log a bureau in from the stick and open its session. The kiosk
uses the real implementations (`app.ui.backend`); the tests use fakes built on the real count state machine.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from app.counting.checks import Finding
from app.counting.count import Count, Event
from app.counting.model import Election, Station
from app.session import BureauContext, WrittenResults
from app.station_login import BureauEntry

Progress = Callable[[float, str], None]

# The session service owns these types; the screens only pass them through.
__all__ = ["BureauContext", "BureauEntry", "Progress", "SessionPort", "StationBackend", "WrittenResults"]


class SessionPort(Protocol):
    """The count service of one logged-in bureau."""

    @property
    def station(self) -> Station: ...

    @property
    def election(self) -> Election: ...

    @property
    def count(self) -> Count: ...

    def apply(self, event: Event) -> Count:
        """Apply an event; it is on durable storage when this returns (C7). Raises TabulaError when refused."""
        ...

    def findings(self, context: BureauContext | None = None) -> tuple[Finding, ...]:
        """The checks on the tally and the bureau's journaled record (`RecordBureau`); a context given is stored
        first when it differs."""
        ...

    def finalize(self, context: BureauContext | None = None) -> Count:
        """Fix the result with the checks computed now (not findings shown earlier); refused while one blocks."""
        ...

    def write_results(
        self,
        stick_dir: Path,
        context: BureauContext | None = None,
        progress: Progress | None = None,
        *,
        spare: bool = False,
    ) -> WrittenResults:
        """Write and verify the results on the stick; `spare`: on a blank spare stick instead of the master's copy."""
        ...


class StationBackend(Protocol):
    """Logging a bureau in from the stick (S2) and opening its count (C7)."""

    def stick_folder(self) -> Path | None:
        """The stick's folder if a stick is present, else None (cheap: called by a timer)."""
        ...

    def throttle_remaining(self) -> float:
        """Seconds the next login attempt still has to wait after wrong passwords (X5)."""
        ...

    def bureaus(self) -> tuple[BureauEntry, ...]:
        """The bureaus of the stick's verified manifest, for the picker; empty without a stick or a valid master."""
        ...

    def login(self, station_id: str, password: str, progress: Progress) -> object:
        """Verify the stick and decrypt the bureau's data. Runs on a worker thread; raises TabulaError."""
        ...

    def open_session(self, loaded: object) -> SessionPort:
        """Open (or resume) the bureau's count. Runs on the GUI thread: the journal's connection lives there."""
        ...
