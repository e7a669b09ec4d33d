"""The kiosk (issue 8): nothing closes it but the president's two-step shut-down (logged, the journal closed); an
idle lock that a member lifts with their number (keypad or keyboard) or a tap, never during a write, and logged;
after a login the first screen says where every unfinished pass stood."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from app.counting.bureau import BureauRecord
from app.counting.count import ConfirmBallot, FinishPile, RecordBureau, StartPile
from app.counting.double_entry import Pass
from app.counting.model import Ballot, Language, Station, StationId
from app.errors import StorageError
from app.journal import open_journal
from app.seclog import SecurityLog
from app.session import BureauContext, Session, WrittenResults, open_session
from app.station_login import LoadedStation
from app.ui import main as kiosk_main
from app.ui.kiosk import KioskGuard, is_quit_key, unfinished_passes
from app.ui.main import MainWindow
from app.ui.ports import Progress
from app.ui.texts import Texts
from tests.conftest import TestPki
from tests.ui.conftest import STATION_ID, FakeBackend, FakeSession, make_session, small_election

RECORD = BureauRecord(president="Ann Dupré", secretary="Bram Claes", assessors=("Chloé Dubois",))
IDLE_MIN = 0.004  # 240 ms: the lock under test comes quickly


def kiosk(qtbot, session: object | None, tmp_path: Path, idle_min: float = 0.0) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window as `run_station` makes it: locked down, closed only by the shut-down (and by the test's end)."""
    backend = FakeBackend(session, stick=tmp_path)  # type: ignore[arg-type]
    win = MainWindow(backend, Texts("nl"), idle_lock_min=idle_min, lockdown=True)
    qtbot.addWidget(win, before_close_func=lambda w: setattr(w, "closing", True))
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def log_events(log: SecurityLog) -> list[dict[str, object]]:
    return [json.loads(line) for line in log.export().splitlines()]


def real_session(test_pki: TestPki, state: Path) -> Session:
    """The real session on its SQLite journal, as the kiosk opens it after a login."""
    election = small_election()
    signer = test_pki.signer(STATION_ID)
    station = Station(StationId(STATION_ID), "Gemeenteschool Zuid", election.code, election.constituency, Language.NL)
    loaded = LoadedStation(
        station, election, signer, (signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate)
    )
    return open_session(loaded, state)


# --- no way out -------------------------------------------------------------------------------------------------------


def test_closing_the_window_does_nothing_without_the_shutdown(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = kiosk(qtbot, None, tmp_path)
    assert win.close() is False  # what Alt+F4 or the window manager's close button ask for
    assert win.isVisible()
    event = QCloseEvent()
    win.closeEvent(event)
    assert not event.isAccepted()


def test_only_the_kiosk_is_locked_down(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`run_station` makes the kiosk locked down; a window for a screenshot or a test closes as usual."""
    win = MainWindow(FakeBackend(stick=tmp_path), Texts("nl"))
    qtbot.addWidget(win)
    win.show()
    assert win.close() is True and not win.isVisible()


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ],
)
def test_quit_keys_do_nothing(qtbot, tmp_path: Path, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:  # type: ignore[no-untyped-def]
    win = kiosk(qtbot, None, tmp_path)
    assert is_quit_key(QKeyEvent(QEvent.Type.KeyPress, key, modifiers))
    field = win.login.station
    field.setFocus()
    seen = KeysSeen()
    field.installEventFilter(seen)
    qtbot.keyClick(field, key, modifiers)
    QApplication.processEvents()
    assert win.isVisible() and seen.keys == []  # eaten before any widget (or shortcut) sees it
    qtbot.keyClicks(field, "B0042")  # ordinary keys still type
    assert field.text() == "B0042" and len(seen.keys) == 5


class KeysSeen(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        modifier = (Qt.Key.Key_Alt, Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Meta)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() not in modifier:
            self.keys.append(event.key())
        return False


def test_ordinary_keys_are_not_quit_keys() -> None:
    for key, modifiers in (
        (Qt.Key.Key_Q, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),  # F4 undoes the last ballot on the entry screen
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier),
    ):
        assert not is_quit_key(QKeyEvent(QEvent.Type.KeyPress, key, modifiers))


def test_the_kiosk_shows_full_screen_without_decorations(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = kiosk(qtbot, None, tmp_path)
    win.show_kiosk()
    qtbot.waitUntil(win.isVisible)
    assert win.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert win.windowState() & Qt.WindowState.WindowFullScreen


def test_the_shutdown_asks_twice_logs_closes_the_journal_and_quits(qtbot, test_pki: TestPki, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    state = tmp_path / "state"
    session = real_session(test_pki, state)
    session.apply(StartPile(1, Pass.FIRST, "An"))
    session.apply(ConfirmBallot(1, Pass.FIRST, Ballot()))
    win = kiosk(qtbot, session, tmp_path)
    win.attach(session)
    win.shutdown_button.click()  # step one: the question, over everything
    assert win.outer.currentWidget() is win.shutdown_screen
    assert win.shutdown_screen.text.text().startswith("Alleen de voorzitter sluit het toestel af")
    win.shutdown_screen.cancel.click()  # not now
    assert win.outer.currentWidget() is win.frame and win.isVisible()
    session.journal.count  # noqa: B018  # still open
    win.shutdown_button.click()
    with qtbot.waitSignal(win.shut_down, timeout=1000):
        win.shutdown_screen.confirm.click()  # step two
    assert not win.isVisible() and win.session is None
    with pytest.raises(StorageError) as refused:
        session.journal.append(ConfirmBallot(1, Pass.FIRST, Ballot()))
    assert isinstance(refused.value.__cause__, sqlite3.ProgrammingError)  # the connection is closed
    last = log_events(session.log)[-1]
    assert last["event"] == "logout" and last["detail"] == {"reason": "shutdown"} and last["user"] == STATION_ID
    # nothing lost, and the next start opens the same journal at once (no lock left behind)
    reopened = open_journal(state / f"{STATION_ID}.journal.sqlite", session.election, StationId(STATION_ID))
    assert len(reopened.count.piles[1].first.ballots) == 1  # type: ignore[union-attr]
    reopened.close()


def test_the_shutdown_before_a_login_quits_too(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = kiosk(qtbot, None, tmp_path)
    win.shutdown_button.click()
    with qtbot.waitSignal(win.shut_down, timeout=1000):
        win.shutdown_screen.confirm.click()
    assert not win.isVisible()


def test_escape_on_the_shutdown_question_goes_back(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = kiosk(qtbot, None, tmp_path)
    win.shutdown_button.click()
    qtbot.keyClick(win.shutdown_screen, Qt.Key.Key_Escape)
    assert win.outer.currentWidget() is win.frame and win.isVisible()


class BlockingWrite:
    """A write to the stick that lasts until the test lets it finish."""

    def __init__(self) -> None:
        self.go = threading.Event()

    def __call__(self, stick: Path, _context: BureauContext | None, progress: Progress | None) -> WrittenResults:
        if progress is not None:
            progress(0.5, "session.step.writing")
        self.go.wait(5)
        return WrittenResults("40213895576", "0" * 64, stick / "results")


def test_no_shutdown_while_the_results_are_written(qtbot, session: FakeSession, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write = BlockingWrite()
    session.write = write
    win = kiosk(qtbot, session, tmp_path)
    win.attach(session)
    win.show_screen(win.result)
    win.result.write()
    assert win.writing()
    win.shutdown_button.click()
    assert win.outer.currentWidget() is win.frame and win.notice.isVisibleTo(win)
    assert "op de stick geschreven" in win.notice.text()
    write.go.set()
    qtbot.waitUntil(lambda: not win.writing(), timeout=10_000)
    win.shutdown_button.click()
    assert win.outer.currentWidget() is win.shutdown_screen


# --- the idle lock ----------------------------------------------------------------------------------------------------


def locked(win: MainWindow) -> bool:
    return win.outer.currentWidget() is win.lock


def test_the_screen_locks_after_the_idle_time_and_a_member_unlocks_with_the_keypad(  # type: ignore[no-untyped-def]
    qtbot, session: FakeSession, tmp_path: Path
) -> None:
    session.apply(RecordBureau(RECORD))
    win = kiosk(qtbot, session, tmp_path, IDLE_MIN)
    win.attach(session)
    qtbot.waitUntil(lambda: locked(win), timeout=3000)
    lock = win.lock
    assert [b.label_text() for b in lock.name_buttons] == ["1 · Ann Dupré", "2 · Bram Claes", "3 · Chloé Dubois"]
    assert not win.frame.isVisible()  # over everything: the header with the shut-down too
    events = log_events(session.log)
    assert events[-1]["event"] == "kiosk.lock" and events[-1]["detail"] == {"action": "locked", "idle_min": 1}
    # keys from a numeric keypad go to the lock, never to the entry table behind it
    seen: list[tuple[str, str]] = []
    win.table.on_keypad = lambda device, key: seen.append((device, key))  # type: ignore[method-assign]
    for key in ("KP_7", "KP_Enter"):
        win.table.bridge.pressed.emit("usb-1", key)
    assert locked(win) and "geen lid met nummer 7" in lock.problem.text()
    for key in ("KP_2", "KP_Enter"):
        win.table.bridge.pressed.emit("usb-1", key)
    assert not locked(win) and seen == []
    last = log_events(session.log)[-1]
    assert last["event"] == "kiosk.lock" and last["detail"] == {"action": "unlocked"}
    assert last["user"] == f"{STATION_ID}/Bram Claes"
    win.table.bridge.pressed.emit("usb-1", "KP_5")  # unlocked: the table has its keys again
    assert seen == [("usb-1", "KP_5")]


def test_the_lock_is_lifted_on_the_keyboard_or_by_tapping_a_name(qtbot, session: FakeSession, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session.apply(RecordBureau(RECORD))
    win = kiosk(qtbot, session, tmp_path)
    win.attach(session)
    win.lock_now()
    assert locked(win)
    qtbot.keyClick(win.lock.number, Qt.Key.Key_Return)  # Enter with no number says what to type
    assert locked(win) and "Typ eerst uw nummer (1 tot 3)" in win.lock.problem.text()
    qtbot.keyClicks(win.lock.number, "1")
    qtbot.keyClick(win.lock.number, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert not locked(win)
    assert log_events(session.log)[-1]["user"] == f"{STATION_ID}/Ann Dupré"
    win.lock_now()
    win.lock.name_buttons[2].click()
    assert not locked(win) and log_events(session.log)[-1]["user"] == f"{STATION_ID}/Chloé Dubois"


def test_without_members_enter_lifts_the_lock(qtbot, session: FakeSession, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = kiosk(qtbot, session, tmp_path)
    win.attach(session)
    win.lock_now()
    assert not win.lock.number.isVisibleTo(win.lock) and "nog niet ingevuld" in win.lock.how.text()
    win.table.bridge.pressed.emit("usb-1", "KP_Enter")
    assert not locked(win) and log_events(session.log)[-1]["user"] == STATION_ID
    win.lock_now()
    qtbot.keyClick(win.lock.go_on, Qt.Key.Key_Return)  # the keyboard's Enter too
    assert not locked(win)
    win.lock_now()
    qtbot.keyClick(win.lock.name_buttons[0] if win.lock.name_buttons else win.lock.title, Qt.Key.Key_Enter)
    assert not locked(win)


def test_input_keeps_the_screen_unlocked(qtbot, session: FakeSession, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = kiosk(qtbot, session, tmp_path, 0.02)  # 1.2 s
    win.attach(session)
    for _ in range(15):  # 15 x 100 ms of typing: longer than the idle time, never idle that long
        qtbot.keyClick(win.stack.currentWidget(), Qt.Key.Key_Shift)
        qtbot.wait(100)
        assert not locked(win)
    for _ in range(15):
        win.table.bridge.pressed.emit("usb-1", "KP_1")  # a keypad counts too, though Qt never sees its keys
        qtbot.wait(100)
        assert not locked(win)
    qtbot.waitUntil(lambda: locked(win), timeout=5000)


def test_the_lock_never_interrupts_a_write_and_comes_after_it(qtbot, session: FakeSession, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write = BlockingWrite()
    session.write = write
    win = kiosk(qtbot, session, tmp_path, IDLE_MIN)
    win.attach(session)
    win.show_screen(win.result)
    win.result.write()
    qtbot.wait(800)  # more than three idle times
    assert not locked(win) and win.writing()
    write.go.set()
    qtbot.waitUntil(lambda: not win.writing(), timeout=10_000)
    assert win.result.result is not None  # the write finished and was shown
    qtbot.waitUntil(lambda: locked(win), timeout=3000)


def test_no_lock_before_a_login(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = kiosk(qtbot, None, tmp_path, IDLE_MIN)
    qtbot.wait(600)
    assert not locked(win) and win.stack.currentWidget() is win.login


def test_the_idle_time_is_configurable_and_zero_turns_the_lock_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert KioskGuard(0).enabled is False
    assert KioskGuard(600_000).idle_ms == 600_000
    monkeypatch.setenv("TABULA_IDLE_LOCK_MIN", "2.5")
    assert kiosk_main._env_minutes("TABULA_IDLE_LOCK_MIN", 10.0) == 2.5
    for bad in ("soon", "-3"):
        monkeypatch.setenv("TABULA_IDLE_LOCK_MIN", bad)
        assert kiosk_main._env_minutes("TABULA_IDLE_LOCK_MIN", 10.0) == 10.0


# --- where the count stood -------------------------------------------------------------------------------------------


def test_after_a_restart_the_first_screen_says_where_each_unfinished_pass_stands(  # type: ignore[no-untyped-def]
    qtbot, test_pki: TestPki, tmp_path: Path
) -> None:
    session = make_session(test_pki, tmp_path)
    session.apply(RecordBureau(RECORD))
    session.apply(StartPile(4, Pass.FIRST, "Ann Dupré"))
    for _ in range(3):
        session.apply(ConfirmBallot(4, Pass.FIRST, Ballot()))
    session.apply(FinishPile(4, Pass.FIRST))
    session.apply(StartPile(4, Pass.SECOND, "Bram Claes"))
    for _ in range(16):
        session.apply(ConfirmBallot(4, Pass.SECOND, Ballot()))
    session.apply(StartPile(5, Pass.FIRST, "Chloé Dubois"))
    session.apply(ConfirmBallot(5, Pass.FIRST, Ballot()))
    assert [(p.pile, p.pass_no, p.next_ballot) for p in unfinished_passes(session.count)] == [
        (4, Pass.SECOND, 17),
        (5, Pass.FIRST, 2),
    ]
    win = kiosk(qtbot, session, tmp_path)
    win.attach(session)
    assert win.stack.currentWidget() is win.table  # the first screen after login, with members recorded
    assert win.notice.isVisibleTo(win)
    assert win.notice.text() == (
        "Bij het aanmelden stond de telling hier: stapel 4, tweede invoer, bij stembiljet 17 (Bram Claes); "
        "stapel 5, eerste invoer, bij stembiljet 2 (Chloé Dubois). Elk lid gaat verder met zijn eigen invoer."
    )
    win.switch.buttons["fr"].click()
    assert "pile 4, second encodage, au bulletin 17 (Bram Claes)" in win.notice.text()
    win.switch.buttons["de"].click()
    assert "Stapel 4, zweite Eingabe, bei Stimmzettel 17 (Bram Claes)" in win.notice.text()
    win.notice_ok.click()  # read: it goes
    assert not win.notice.isVisibleTo(win)


def test_the_notice_goes_when_the_bureau_moves_on_and_is_not_shown_without_unfinished_passes(  # type: ignore[no-untyped-def]
    qtbot, session: FakeSession, test_pki: TestPki, tmp_path: Path
) -> None:
    session.apply(StartPile(1, Pass.FIRST, "An"))
    win = kiosk(qtbot, session, tmp_path)
    win.attach(session)
    assert win.stack.currentWidget() is win.overview
    assert "stapel 1, eerste invoer, bij stembiljet 1" in win.notice.text()
    win.show_screen(win.checks)
    assert not win.notice.isVisibleTo(win)
    other = tmp_path / "other"
    other.mkdir()
    fresh = kiosk(qtbot, make_session(test_pki, other), tmp_path)
    fresh.attach(fresh.backend.open_session("loaded"))
    assert fresh.session is not None and not fresh.notice.isVisibleTo(fresh)


def test_run_station_starts_the_locked_down_kiosk_full_screen(qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    made: list[MainWindow] = []

    class Made(MainWindow):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(kiosk_main, "MainWindow", Made)
    monkeypatch.setattr(QApplication, "exec", lambda _app: 0)  # no event loop: look at the window it made
    monkeypatch.delenv("TABULA_WINDOWED", raising=False)
    monkeypatch.setenv("TABULA_IDLE_LOCK_MIN", "3")
    monkeypatch.setenv("TABULA_ROOT_CERT", str(tmp_path / "root.pem"))
    assert kiosk_main.run_station(None, "fr", state_dir=tmp_path / "state") == 0
    [win] = made
    qtbot.addWidget(win, before_close_func=lambda w: setattr(w, "closing", True))
    assert win.lockdown and win.guard.idle_ms == 3 * 60_000 and win.t.language == "fr"
    assert win.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert win.windowState() & Qt.WindowState.WindowFullScreen
    assert win.close() is False


def test_keys_typed_while_locked_never_reach_the_entry_and_its_field_has_the_keys_again_after(  # type: ignore[no-untyped-def]
    qtbot, session: FakeSession, tmp_path: Path
) -> None:
    session.apply(RecordBureau(RECORD))
    win = kiosk(qtbot, session, tmp_path)
    win.attach(session)
    win.show_screen(win.overview)
    win.overview.member.setCurrentIndex(0)
    win.overview.start()
    entry = win.entry
    assert win.stack.currentWidget() is entry
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClicks(entry.field, "1 H")
    win.lock_now()
    focused = QApplication.focusWidget()
    assert focused is win.lock.number and not entry.field.isVisible()
    qtbot.keyClicks(focused, "2")
    qtbot.keyClick(focused, Qt.Key.Key_Return)  # member 2 goes on
    assert not locked(win)
    qtbot.waitUntil(entry.field.hasFocus)
    assert entry.field.text() == "1 H"  # as it was left: nothing typed into it while locked
    assert session.count.piles[1].first is not None and session.count.piles[1].first.ballots == ()
