"""What the kiosk runs as, on every screen (issues 8 and 10): the training band (`--training`), the development band
(no TPM), a platform refused at login, and a TPM that starts refusing in the middle of a session — in NL, FR and DE.

The bands are built once, when the kiosk starts, above everything (the lock and the shut-down question too) and with
a fixed height: nothing a member touches ever moves because of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from app.counting.bureau import BureauRecord
from app.counting.count import CloseEntry, RecordBureau
from app.counting.model import Language, Station, StationId
from app.i18n import LANGUAGES
from app.journal import MemoryJournal
from app.platform.measurement import Measurement, Mode
from app.platform.tpm import Expected, FakeTpm, PlatformRefused, measure
from app.seclog import SecurityLog
from app.session import Session
from app.station_login import LoadedStation
from app.ui import login
from app.ui.backend import Platform, StickBackend
from app.ui.main import MainWindow
from app.ui.texts import Texts
from app.ui.theme import Urgency
from app.ui.widgets import ModeBand, add_band
from app.ui.witness import open_witness
from tests.conftest import TestPki
from tests.contract_fixtures import PASSWORD, Master, build_test_master
from tests.ui.conftest import STATION_ID, FakeBackend, FakeSession, make_session, small_election
from tests.ui.test_review import fix_result
from tests.ui.test_settle_and_result import MEMBERS, A, B, C, enter

TRAINING = {"nl": "OEFENMODUS", "fr": "MODE FORMATION", "de": "SCHULUNGSMODUS"}  # the glossary's terms
DEVELOPMENT = {"nl": "ONTWIKKELMODUS", "fr": "MODE DÉVELOPPEMENT", "de": "ENTWICKLUNGSMODUS"}
HELPDESK = {"nl": "helpdesk", "fr": "helpdesk", "de": "Helpdesk"}
TPM_MEASUREMENT = Measurement("0.1.0", "ab" * 32, {7: "00" * 32, 11: "11" * 32}, Mode.TPM)


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Master:
    return build_test_master(tmp_path_factory.mktemp("master"))


def kiosk(qtbot, backend: object, language: str, **modes: bool) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(backend, Texts(language), **modes)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def every_screen(win: MainWindow) -> list[tuple[str, QWidget]]:
    """Each screen of the kiosk in turn, the lock and the shut-down question included; returns what is shown."""
    shown: list[tuple[str, QWidget]] = []
    for index in range(win.stack.count()):
        screen = win.stack.widget(index)
        win.stack.setCurrentWidget(screen)
        shown.append((type(screen).__name__, screen))
    win.lock_now()
    shown.append(("LockScreen", win.lock))
    win.unlock("")
    win.request_shutdown()
    shown.append(("ShutdownScreen", win.shutdown_screen))
    win.cancel_shutdown()
    return shown


def band_line(band: ModeBand, words: str) -> str:
    return next(line for line in band.text().splitlines() if words in line)


# --- the bands ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_training_band_is_on_every_screen_and_never_moves_anything(  # type: ignore[no-untyped-def]
    qtbot, session: FakeSession, tmp_path: Path, language: str
) -> None:
    win = kiosk(qtbot, FakeBackend(session, stick=tmp_path), language, training=True, development=False)
    win.attach(session)
    win.t.set_language(language)  # the bureau's language came with the login; the switch stays free
    band = win.band
    assert band.kinds and band_line(band, TRAINING[language])
    geometry, frame_top = band.geometry(), win.outer.geometry().top()
    for name, _screen in every_screen(win):
        assert band.isVisible(), name
        assert band.geometry() == geometry and win.outer.geometry().top() == frame_top, name
        assert band.mapTo(win, band.rect().topLeft()).y() == 0, name  # on top of everything, the header too
    other = {"nl": "fr", "fr": "de", "de": "nl"}[language]
    win.t.set_language(other)  # the band follows the language, at the same height
    assert band_line(band, TRAINING[other]) and band.geometry() == geometry
    assert TRAINING[language] not in band.text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_witness_window_carries_the_same_band(qtbot, session: FakeSession, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    win = kiosk(qtbot, FakeBackend(session, stick=tmp_path), language, training=True, development=True)
    display = open_witness(win.t, lambda: win.session, forced=True)
    qtbot.addWidget(display.window)
    add_band(display.window, win.mode_band())
    band = display.window.findChild(ModeBand)
    assert band is not None
    qtbot.waitUntil(band.isVisible)
    assert band_line(band, TRAINING[language]) and band_line(band, DEVELOPMENT[language])
    with pytest.raises(TypeError):
        add_band(QWidget(), win.mode_band())  # a window without a column layout: a programming error


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_a_tpm_the_development_band_is_on_every_screen(  # type: ignore[no-untyped-def]
    qtbot, session: FakeSession, tmp_path: Path, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(login, "current_measurement", lambda: Measurement("0.1.0", "", {}, Mode.DEVELOPMENT))
    win = kiosk(qtbot, FakeBackend(session, stick=tmp_path), language)  # the mode read from the platform
    assert win.development and not win.training
    win.attach(session)
    win.t.set_language(language)
    for name, _screen in every_screen(win):
        assert win.band.isVisible() and band_line(win.band, DEVELOPMENT[language]), name
    assert TRAINING[language] not in win.band.text()


def test_on_the_approved_appliance_there_is_no_band(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(login, "current_measurement", lambda: TPM_MEASUREMENT)
    win = kiosk(qtbot, FakeBackend(stick=tmp_path), "nl")
    assert not win.development and not win.band.isVisible() and win.band.height() == 0
    assert win.outer.mapTo(win, win.outer.rect().topLeft()).y() == 0


def test_a_refused_platform_is_not_called_development(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def refused() -> Measurement:
        raise PlatformRefused("platform.tpm_unavailable")

    monkeypatch.setattr(login, "current_measurement", refused)
    win = kiosk(qtbot, FakeBackend(stick=tmp_path), "nl")
    assert not win.development  # the login screen says what is wrong instead, and no login gets through
    assert "helpdesk" in win.login.identity.text()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [1024, 1366])
def test_each_band_line_fits_on_one_line_at_the_smallest_window(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, language: str, width: int
) -> None:
    win = kiosk(qtbot, FakeBackend(stick=tmp_path), language, training=True, development=True)
    win.resize(width, 768)
    qtbot.waitUntil(lambda: win.width() == width)
    for row in win.band.rows.values():
        row.ensurePolished()
        assert row.fontMetrics().horizontalAdvance(row.text()) + 24 <= row.width(), row.text()
        assert row.height() == win.band.rows[next(iter(win.band.rows))].height()


# --- the platform refused at login ----------------------------------------------------------------------------------


def login_through(qtbot, win: MainWindow, station: str = "A-001") -> None:  # type: ignore[no-untyped-def]
    win.login.station.setText(station)
    win.login.password.setText(PASSWORD)
    win.login.submit()
    qtbot.waitUntil(lambda: win.stack.currentWidget() is not win.loading, timeout=30000)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_platform_refused_at_login_is_said_for_the_helpdesk_logged_and_nothing_else_happens(  # type: ignore[no-untyped-def]
    qtbot, master: Master, tmp_path: Path, language: str
) -> None:
    def refused() -> Measurement:
        raise PlatformRefused("platform.pcr_mismatch", pcrs="7, 11")

    log = SecurityLog(tmp_path / "kiosk-log.jsonl", system="kiosk")
    stick, state = master.stick(tmp_path / "stick"), tmp_path / "state"
    backend = StickBackend(stick, master.root_pem, state, security_log=log, platform=Platform(measure=refused))
    win = kiosk(qtbot, backend, language, development=False)
    login_through(qtbot, win)
    assert win.stack.currentWidget() is win.login and win.session is None
    banner = win.login.banner
    assert banner.isVisible() and banner.urgency is Urgency.BLOCKING
    assert "PCR 7, 11" in banner.text() and HELPDESK[language] in banner.text()
    assert not win.login.wait.isVisible()  # not a wrong password: no wait before the helpdesk's next try
    assert not state.exists() or not any(state.glob("*.journal.sqlite"))  # no session opened
    events = [json.loads(line) for line in log.export().splitlines()]
    assert [(e["event"], e["detail"]["reason"]) for e in events if e["event"] == "login.failed"] == [
        ("login.failed", "platform_refused")
    ]


def test_a_training_login_carries_training_into_the_session(  # type: ignore[no-untyped-def]
    qtbot, master: Master, tmp_path: Path
) -> None:
    fake = FakeTpm()
    expected_pcrs = fake.read_pcrs()
    platform = Platform(
        measure=lambda: measure(fake, software_version="0.1.0", cmdline="roothash=" + "ab" * 32),
        open_tpm=lambda: fake,
        expected=lambda: Expected(expected_pcrs, "0.1.0", "ab" * 32),
    )
    backend = StickBackend(
        master.stick(tmp_path / "stick"), master.root_pem, tmp_path / "state", training=True, platform=platform
    )
    win = kiosk(qtbot, backend, "nl", training=True, development=False)
    login_through(qtbot, win)
    assert win.session is not None, win.login.banner.text()
    loaded = win.session.inner.loaded  # type: ignore[attr-defined]
    assert loaded.provenance.training is True and loaded.provenance.measurement.mode is Mode.TPM
    win.confirm_shutdown()
    assert fake.closed and backend.tpm is None  # the shut-down flushed the bureau key from the TPM


# --- the TPM refuses in the middle of a session ---------------------------------------------------------------------


def tpm_session(test_pki: TestPki, tmp_path: Path, fake: FakeTpm) -> FakeSession:
    """A bureau whose key is held by the (fake) TPM, bound to the PCR values measured now."""
    election = small_election()
    signer = test_pki.signer(STATION_ID)
    policy = fake.current_policy()
    held = fake.signer(fake.import_key(signer.key, policy), signer.certificate, signer.chain, policy)
    station = Station(StationId(STATION_ID), "Gemeenteschool Zuid", election.code, election.constituency, Language.NL)
    loaded = LoadedStation(station, election, held, (*signer.chain, test_pki.root.certificate))
    log = SecurityLog(tmp_path / "security-log.jsonl", system="test")
    return FakeSession(Session(loaded, MemoryJournal(election), log))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_tpm_that_starts_refusing_mid_session_refuses_the_finish_for_the_helpdesk_and_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot, test_pki: TestPki, tmp_path: Path, language: str
) -> None:
    fake = FakeTpm()
    session = tpm_session(test_pki, tmp_path, fake)
    enter(session, 1, [A, B, C], [A, B, C])
    session.apply(CloseEntry())
    session.apply(RecordBureau(BureauRecord(received_total=3, **MEMBERS)))
    stick = tmp_path / "stick"
    stick.mkdir()
    win = kiosk(qtbot, FakeBackend(session, stick=stick), language, development=False)
    win.attach(session)
    win.t.set_language(language)
    fix_result(win.checks)
    result = win.result
    assert win.stack.currentWidget() is result

    fake.extend(11, b"the boot chain changed under the running session")
    result.write_button.click()
    qtbot.waitUntil(lambda: result.task is None, timeout=30000)
    assert result.result is None and result.banner.urgency is Urgency.BLOCKING
    assert "TPM" in result.banner.text() and HELPDESK[language] in result.banner.text()
    assert list(stick.rglob("*")) == []  # nothing written to the stick
    assert session.count.phase.value == "final"  # the count itself is kept, for the helpdesk
    events = [json.loads(line)["event"] for line in session.log.export().splitlines()]
    assert "platform.refused" in events  # logged by the session, for the helpdesk and the auditor
    # no stick can help: neither a retry nor a spare stick is offered
    assert not result.write_button.isEnabled() and not result.spare_button.isVisible()


# --- training: the flow goes on ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_stick_pulled_in_training_loses_nothing_and_the_write_goes_on_when_it_is_back(  # type: ignore[no-untyped-def]
    qtbot, test_pki: TestPki, tmp_path: Path, language: str
) -> None:
    session = make_session(test_pki, tmp_path)
    enter(session, 1, [A, B, C], [A, B, C])
    session.apply(CloseEntry())
    session.apply(RecordBureau(BureauRecord(received_total=3, **MEMBERS)))
    stick = tmp_path / "stick"
    stick.mkdir()
    backend = FakeBackend(session, stick=None)  # pulled
    win = kiosk(qtbot, backend, language, training=True, development=False)
    win.attach(session)
    win.t.set_language(language)
    fix_result(win.checks)
    result = win.result
    result.write_button.click()
    assert result.result is None and result.banner.isVisible()
    assert result.banner.urgency is Urgency.WARNING  # the bureau can fix it: put the stick back
    backend.stick = stick  # back in
    result.write_button.click()
    qtbot.waitUntil(lambda: result.task is None, timeout=30000)
    assert result.result is not None, result.banner.text()
    assert (stick / "results" / STATION_ID).is_dir() and win.band.isVisible()
