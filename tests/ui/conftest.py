"""Screens under test: the real session service on an in-memory journal, and a fake backend for the login."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.counting.count import Count, Event
from app.counting.model import Election, ElectionCode, Language, Station, StationId
from app.errors import TabulaError
from app.journal import MemoryJournal
from app.seclog import SecurityLog
from app.session import BureauContext, Session, WrittenResults
from app.station_login import BureauEntry, LoadedStation
from app.ui.main import MainWindow, setup_application
from app.ui.ports import Progress, SessionPort
from app.ui.texts import Texts
from app.ui.theme import stylesheet
from tests.conftest import TestPki
from tests.reference import synthetic

STATION_ID = "B0042"


@pytest.fixture(autouse=True)
def _look(qapp: QApplication) -> None:
    # the shipped font and theme, as on the kiosk; set once: setting a style sheet again re-polishes every widget
    # still alive (closed windows wait for a deferred delete), which made each test slower than the one before
    if qapp.styleSheet() != stylesheet():
        setup_application(qapp)


def small_election() -> Election:
    return synthetic(ElectionCode.CK, lists=4, titulars=6, successors=3)


class FakeSession:
    """The real `Session` (real count, checks and logging) on a MemoryJournal, with faults to inject."""

    def __init__(self, real: Session) -> None:
        self.real = real
        self.fail_apply: Exception | None = None
        self.write: Callable[[Path, BureauContext | None, Progress | None], WrittenResults] | None = None

    @property
    def station(self) -> Station:
        return self.real.station

    @property
    def election(self) -> Election:
        return self.real.election

    @property
    def count(self) -> Count:
        return self.real.count

    @property
    def log(self) -> SecurityLog:
        return self.real.log

    def apply(self, event: Event) -> Count:
        if self.fail_apply is not None:
            raise self.fail_apply
        return self.real.apply(event)

    def findings(self, context: BureauContext | None = None):  # type: ignore[no-untyped-def]
        return self.real.findings(context)

    def finalize(self, context: BureauContext | None = None) -> Count:
        if self.fail_apply is not None:
            raise self.fail_apply
        return self.real.finalize(context)

    def write_results(
        self,
        stick_dir: Path,
        context: BureauContext | None = None,
        progress: Progress | None = None,
        *,
        spare: bool = False,
    ) -> WrittenResults:
        if self.write is not None:
            return self.write(stick_dir, context, progress)
        return self.real.write_results(stick_dir, context, progress, spare=spare)


def make_session(test_pki: TestPki, tmp_path: Path, election: Election | None = None) -> FakeSession:
    election = election or small_election()
    signer = test_pki.signer(STATION_ID)
    station = Station(StationId(STATION_ID), "Gemeenteschool Zuid", election.code, election.constituency, Language.NL)
    loaded = LoadedStation(
        station, election, signer, (signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate)
    )
    log = SecurityLog(tmp_path / "security-log.jsonl", system="test")
    return FakeSession(Session(loaded, MemoryJournal(election), log))


class FakeBackend:
    """The login side: a stick that is there or not, a login that fails with a chosen error or succeeds."""

    def __init__(
        self, session: SessionPort | None = None, stick: Path | None = None, bureaus: tuple[BureauEntry, ...] = ()
    ) -> None:
        self.session = session
        self.stick = stick
        self.listed = bureaus
        self.error: TabulaError | None = None
        self.wait_s = 0.0
        self.logins: list[tuple[str, str]] = []

    def stick_folder(self) -> Path | None:
        return self.stick

    def throttle_remaining(self) -> float:
        return self.wait_s

    def bureaus(self) -> tuple[BureauEntry, ...]:
        return self.listed if self.stick is not None else ()

    def login(self, station_id: str, password: str, progress: Progress) -> object:
        self.logins.append((station_id, password))
        progress(0.5, "auth.step.deriving")
        if self.error is not None:
            raise self.error
        return "loaded"

    def open_session(self, loaded: object) -> SessionPort:
        assert self.session is not None
        return self.session


@pytest.fixture
def session(test_pki: TestPki, tmp_path: Path) -> FakeSession:
    return make_session(test_pki, tmp_path)


@pytest.fixture
def window(qtbot, session: FakeSession, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    backend = FakeBackend(session, stick=tmp_path)
    win = MainWindow(backend, Texts("nl"))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win
