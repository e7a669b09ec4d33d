"""The kiosk: the application, the main window with its header (language switch, U1, and the shut-down), the
screens, and a status bar that is always visible (U5): bureau, phase, piles done, ballots entered, stick.

The window is the kiosk (issue 8): full screen without decorations; it closes only through the president's
two-step shut-down, which logs it and closes the journal; an idle lock covers everything after a while without
input (never during a write); and after a login the bureau reads where every unfinished pass stood."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.counting.count import Phase, piles
from app.counting.double_entry import Pass
from app.errors import TabulaError
from app.i18n import LANGUAGES
from app.platform.keypads import KeypadSource, open_keypads
from app.platform.printer import Printer, default_printer
from app.platform.sticks import MountedSpareSticks, SpareSticks
from app.seclog import LOG_FILE_NAME, EventType, SecurityLog
from app.ui.backend import StickBackend
from app.ui.bureau import BureauScreen
from app.ui.checks import ChecksScreen
from app.ui.differences import DifferencesScreen
from app.ui.entry import EntryScreen
from app.ui.kiosk import (
    DEFAULT_IDLE_LOCK_MIN,
    KioskGuard,
    LockScreen,
    ShutdownScreen,
    close_journal,
    unfinished_passes,
    where_text,
)
from app.ui.login import LoadingScreen, LoginScreen, development_mode
from app.ui.overview import OverviewScreen
from app.ui.ports import SessionPort, StationBackend
from app.ui.result import ResultScreen
from app.ui.session_view import ObservedSession
from app.ui.table import TableScreen
from app.ui.texts import Texts
from app.ui.theme import Urgency, base_font, load_fonts, stylesheet
from app.ui.widgets import Banner, ErrorSink, ModeBand, add_band
from app.ui.witness import open_witness
from app.ui.worker import start_task

STICK_POLL_MS = 1000
DEFAULT_STATE_DIR = Path("~/.local/state/tabula")


def setup_application(app: QApplication) -> None:
    """The shipped font and the theme, for the kiosk and for screenshots alike."""
    app.setFont(base_font(load_fonts()))
    app.setStyleSheet(stylesheet())


class LanguageSwitch(QWidget):
    """NL / FR / DE, on every screen (U1)."""

    def __init__(self, texts: Texts) -> None:
        super().__init__()
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for language in LANGUAGES:
            button = QPushButton(language.upper())
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setProperty("role", "lang")
            button.clicked.connect(lambda _=False, lang=language: texts.set_language(lang))
            self.buttons[language] = button
            layout.addWidget(button)
        self.buttons[texts.language].setChecked(True)
        texts.changed.connect(lambda lang: self.buttons[lang].setChecked(True))


class StatusBar(QFrame):
    def __init__(self, texts: Texts) -> None:
        super().__init__()
        self.t = texts
        self.setProperty("role", "statusbar")
        self.bureau, self.phase, self.piles, self.ballots, self.stick = (QLabel() for _ in range(5))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        for label in (self.bureau, self.phase, self.piles, self.ballots):
            label.setProperty("role", "status")
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addWidget(self.stick)

    def show_state(self, session: SessionPort | None, stick_present: bool) -> None:
        fg = "#1e7a3c" if stick_present else "#8a5a00"
        self.stick.setText(self.t("ui.status.stick_ok" if stick_present else "ui.status.stick_missing"))
        self.stick.setStyleSheet(f"color:{fg}; font-weight:bold; padding:0 8px;")
        if session is None:
            for label in (self.bureau, self.phase, self.piles, self.ballots):
                label.setText("")
            self.bureau.setText(self.t("ui.status.not_logged_in"))
            return
        count = session.count
        rows = piles(count)
        done = sum(1 for p in rows if p.comparison is not None)
        entered = [sum(len(e.ballots) for p in rows if (e := p.entry(n)) is not None) for n in Pass]
        self.bureau.setText(self.t("ui.status.bureau", name=session.station.name, id=session.station.id))
        self.phase.setText(self.t(f"ui.phase.{count.phase.value}"))
        self.piles.setText(self.t("ui.status.piles", done=done, total=len(rows)))
        self.ballots.setText(self.t("ui.status.ballots", first=entered[0], second=entered[1]))


class MainWindow(QMainWindow):
    """Holds the screens and moves between them; login and loading run off the GUI thread (U3).

    `shut_down` is emitted once the president confirmed the shut-down and the journal is closed: the application
    quits on it (`run_station`). Nothing else closes the window.

    A kiosk in training (`training`) or without TPM (`development`; by default read from the platform) carries a
    band above everything, the lock and the shut-down question included, from the start: it never moves anything.
    """

    shut_down = Signal()

    def __init__(
        self,
        backend: StationBackend,
        texts: Texts,
        keypads: KeypadSource | None = None,
        *,
        idle_lock_min: float = DEFAULT_IDLE_LOCK_MIN,
        lockdown: bool = False,
        printer: Printer | None = None,
        spare: SpareSticks | None = None,
        training: bool = False,
        scratch: bool = False,
        development: bool | None = None,
    ) -> None:
        super().__init__()
        self.backend = backend
        self.t = texts
        self.errors = ErrorSink()
        self.session: ObservedSession | None = None
        # the kiosk (`run_station`) closes only through the confirmed shut-down; a window made for a test or a
        # screenshot closes as any window does
        self.lockdown = lockdown
        self.closing = False  # set by the confirmed shut-down only: then the window may close
        self.login = LoginScreen(texts, self.errors)
        self.loading = LoadingScreen(texts, self.errors)
        self.overview = OverviewScreen(texts, self.errors)
        self.entry = EntryScreen(texts, self.errors)
        self.table = TableScreen(texts, self.errors, keypads)
        self.differences = DifferencesScreen(texts, self.errors)
        self.checks = ChecksScreen(texts, self.errors)
        self.bureau = BureauScreen(texts, self.errors)
        self.result = ResultScreen(
            texts, self.errors, backend.stick_folder, printer=printer, spare=spare, training=training
        )
        self.record_from: QWidget = self.overview  # where the bureau's record form goes back to
        self.stack = QStackedWidget()
        screens = (
            self.login,
            self.loading,
            self.overview,
            self.entry,
            self.table,
            self.differences,
            self.checks,
            self.bureau,
            self.result,
        )
        for screen in screens:
            self.stack.addWidget(screen)
        self.guard = KioskGuard(round(idle_lock_min * 60_000), self)
        self.guard.idle.connect(self.on_idle)
        self.lock = LockScreen(texts, LanguageSwitch(texts))
        self.shutdown_screen = ShutdownScreen(texts, training=training, scratch=scratch)
        self.training = training
        self.development = development_mode() if development is None else development
        self.band = self.mode_band()
        self._build_frame()
        self._connect()
        self._route_keypads()
        self.setMinimumSize(1024, 700)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll_stick)
        self._timer.start(STICK_POLL_MS)
        self.poll_stick()
        self.retranslate()

    def _build_frame(self) -> None:
        header = QFrame()
        header.setProperty("role", "header")
        self.app_title = QLabel()
        self.app_title.setProperty("role", "subtitle")
        self.switch = LanguageSwitch(self.t)
        self.shutdown_button = QPushButton()
        self.shutdown_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter on a screen never reaches it
        self.shutdown_button.clicked.connect(self.request_shutdown)
        row = QHBoxLayout(header)
        row.setContentsMargins(16, 6, 16, 6)
        row.addWidget(self.app_title)
        row.addStretch(1)
        row.addWidget(self.switch)
        row.addSpacing(24)
        row.addWidget(self.shutdown_button)
        # the frame's own notice (where the count stood after a login; a shut-down that must wait)
        self.notice = Banner(self.t)
        self.notice_ok = QPushButton()
        self.notice_ok.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notice_ok.clicked.connect(self.clear_notice)
        self.notice_row = QWidget()
        notice_layout = QHBoxLayout(self.notice_row)
        notice_layout.setContentsMargins(16, 6, 16, 0)
        notice_layout.addWidget(self.notice, 1)
        notice_layout.addWidget(self.notice_ok, 0, Qt.AlignmentFlag.AlignTop)
        self.notice_row.setVisible(False)
        self.status = StatusBar(self.t)
        self.frame = QWidget()
        layout = QVBoxLayout(self.frame)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.notice_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        # the lock and the shut-down question cover everything, the header with its buttons too
        self.outer = QStackedWidget()
        for page in (self.frame, self.lock, self.shutdown_screen):
            self.outer.addWidget(page)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.band)  # above the lock and the shut-down question too
        column.addWidget(self.outer, 1)
        self.setCentralWidget(central)

    def mode_band(self) -> ModeBand:
        """A band saying what this kiosk runs as (training, development), for this window or another one."""
        return ModeBand(self.t, training=self.training, development=self.development)

    def _connect(self) -> None:
        self.t.changed.connect(lambda _lang: self.retranslate())
        self.login.submitted.connect(self.start_login)
        self.overview.enter_pass.connect(lambda pile, pass_no: self.open_entry(pile, Pass(pass_no)))
        self.overview.show_differences.connect(lambda: self.show_screen(self.differences))
        self.overview.show_checks.connect(lambda: self.show_screen(self.checks))
        self.overview.show_record.connect(lambda: self.open_record(self.overview))
        self.overview.show_table.connect(lambda: self.show_screen(self.table))
        self.table.leave.connect(lambda: self.show_screen(self.overview))
        self.checks.edit_record.connect(lambda: self.open_record(self.checks))
        self.bureau.leave.connect(lambda: self.show_screen(self.record_from))
        self.bureau.saved.connect(self.record_saved)
        self.entry.leave.connect(self.after_entry)
        self.entry.discarded.connect(self.after_discard)
        self.differences.leave.connect(lambda: self.show_screen(self.overview))
        self.differences.to_checks.connect(lambda: self.show_screen(self.checks))
        self.checks.leave.connect(lambda: self.show_screen(self.overview))
        self.checks.finalized.connect(lambda: self.show_screen(self.result))
        self.lock.unlocked.connect(self.unlock)
        self.shutdown_screen.confirmed.connect(self.confirm_shutdown)
        self.shutdown_screen.cancelled.connect(self.cancel_shutdown)

    def _route_keypads(self) -> None:
        """Keys of the numeric keypads (evdev, never seen by Qt) count as input for the idle lock, and go to the
        lock screen while it shows: a locked table takes no ballot."""
        bridge = self.table.bridge
        with contextlib.suppress(RuntimeError, TypeError):  # not connected (any more): only ours delivers
            bridge.pressed.disconnect(self.table.on_keypad)
        bridge.pressed.connect(self._on_keypad)

    def _on_keypad(self, device: str, keysym: str) -> None:
        self.guard.poke()
        if self.outer.currentWidget() is self.lock:
            self.lock.on_keypad(keysym)
        elif self.outer.currentWidget() is self.frame:
            self.table.on_keypad(device, keysym)

    # --- login ---------------------------------------------------------------------------------------------------

    def start_login(self, station_id: str, password: str) -> None:
        self.stack.setCurrentWidget(self.loading)
        self.loading.start()
        start_task(
            self,
            lambda progress: self.backend.login(station_id, password, progress),
            on_progress=self.loading.show_progress,
            on_success=self._logged_in,
            on_failure=self._login_failed,
        )

    def _logged_in(self, loaded: object) -> None:
        self.loading.show_progress(1.0, "ui.loading.opening")
        QApplication.processEvents()  # show the last step before the journal is replayed
        try:
            session = self.backend.open_session(loaded)
        except Exception as error:  # a journal the helpdesk must look at, or a fault: back to the login screen
            self._login_failed(error)
            return
        self.attach(session)

    def _login_failed(self, error: object) -> None:
        self.stack.setCurrentWidget(self.login)
        if isinstance(error, TabulaError):
            self.login.show_failure(error, self.backend.throttle_remaining())
        else:
            assert isinstance(error, BaseException)
            self.errors.unexpected(error, "login")
            self.login.banner.show_key("ui.unexpected", Urgency.BLOCKING)

    def attach(self, session: SessionPort) -> None:
        """Start working with a logged-in bureau's session and show where its count stands (C7)."""
        observed = ObservedSession(session)
        observed.changed.connect(self.update_status)
        self.session = observed
        self.errors.session = session
        # the screens speak the bureau's language, unless it was chosen by hand after the bureau was picked
        self.login.use_language_of(str(session.station.id), session.station.language.value)
        self.login.reset()
        self.show_phase()
        self.show_where_passes_stand()
        self.guard.arm(True)

    # --- navigation ----------------------------------------------------------------------------------------------

    def show_phase(self) -> None:
        """The screen for the phase the count is in."""
        if self.session is None:
            return
        count = self.session.count
        screen = {Phase.DIFFERENCES: self.differences, Phase.CHECKS: self.checks, Phase.FINAL: self.result}
        # with the members recorded, entry happens at the table: after login (or a restart) it has the keys
        entering = self.table if count.record.operators else self.overview
        self.show_screen(screen.get(count.phase, entering))

    def show_screen(self, screen: QWidget) -> None:
        if screen is not self.stack.currentWidget():
            self.clear_notice()  # the notice was about the screen the bureau now leaves
        session = self.session
        shows_session = OverviewScreen | DifferencesScreen | ChecksScreen | BureauScreen | ResultScreen | TableScreen
        if session is not None and isinstance(screen, shows_session):
            screen.show_session(session)
        self.stack.setCurrentWidget(screen)
        self.update_status()

    def open_entry(self, pile: int, pass_no: Pass) -> None:
        if self.session is None:
            return
        self.clear_notice()
        self.entry.open_pass(self.session, pile, pass_no)
        self.stack.setCurrentWidget(self.entry)
        self.update_status()

    def after_entry(self) -> None:
        self.show_screen(self.overview)
        pile = self.entry.pile
        entry = None if self.session is None else self.session.count.piles.get(pile)
        if entry is not None and (e := entry.entry(self.entry.pass_no)) is not None and e.finished:
            self.overview.banner.show_key(
                "ui.overview.pass_done", Urgency.OK, pile=pile, pass_name=self.t(f"ui.pass.{int(self.entry.pass_no)}")
            )

    def after_discard(self, pile: int, pass_no: int) -> None:
        self.show_screen(self.overview)
        self.overview.select_pass(pile, Pass(pass_no))  # the pass to enter again, on the right pile
        self.overview.banner.show_key("ui.discarded", Urgency.INFO, pile=pile, pass_name=self.t(f"ui.pass.{pass_no}"))

    def open_record(self, origin: QWidget) -> None:
        """The bureau's record form (C4, O3); it goes back to `origin` when stored or left."""
        self.record_from = origin
        self.show_screen(self.bureau)

    def record_saved(self) -> None:
        origin = self.record_from
        self.show_screen(origin)  # the checks screen runs the checks again on the stored record
        if isinstance(origin, OverviewScreen | ChecksScreen):
            origin.banner.show_key("ui.bureau.saved", Urgency.OK)

    # --- the kiosk: where the count stood, shut-down, idle lock ----------------------------------------------------

    def show_where_passes_stand(self) -> None:
        """After a login (a restart too): every pass started and not finished, and the ballot it goes on with."""
        passes = () if self.session is None else unfinished_passes(self.session.count)
        if passes:
            self.notice.show_message(lambda: where_text(self.t, passes), Urgency.INFO)
            self.notice_row.setVisible(True)
        else:
            self.clear_notice()

    def clear_notice(self) -> None:
        self.notice.clear_message()
        self.notice_row.setVisible(False)

    def writing(self) -> bool:
        """Whether the results are being written to the stick right now (nothing may interrupt that)."""
        return self.result.task is not None

    def request_shutdown(self) -> None:
        """The first step: the question, over everything; refused while the results are being written."""
        if self.writing():
            self.notice.show_key("ui.kiosk.shutdown_writing", Urgency.WARNING)
            self.notice_row.setVisible(True)
            return
        self.outer.setCurrentWidget(self.shutdown_screen)
        self.shutdown_screen.cancel.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel_shutdown(self) -> None:
        self.outer.setCurrentWidget(self.frame)

    def confirm_shutdown(self) -> None:
        """The second step: log it, close the journal (C7: everything confirmed is already durable), and quit."""
        if self.writing():  # a write started in between (it cannot from this screen, but never cut one short)
            self.cancel_shutdown()
            self.request_shutdown()
            return
        self._log(EventType.LOGOUT, {"reason": "shutdown"})
        self.guard.arm(False)
        self._timer.stop()
        if self.session is not None:
            close_journal(self.session.inner)
            self.session = None
            self.errors.session = None
        self.table.bridge.stop()
        close_platform = getattr(self.backend, "close_platform", None)  # the TPM: flush the bureau's key
        if callable(close_platform):
            close_platform()
        self.closing = True
        self.shut_down.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Alt+F4, the window manager's close button, a closing session: nothing closes the kiosk but the
        president's confirmed shut-down."""
        if self.closing or not self.lockdown:
            event.accept()
        else:
            event.ignore()

    def on_idle(self) -> None:
        """No input for the idle time: lock, unless the results are being written (the lock waits for that)."""
        if self.session is None or self.outer.currentWidget() is self.lock:
            return
        if self.writing():
            self.guard.poke()  # try again a whole idle time later: a write is never interrupted
            return
        self.lock_now()

    def lock_now(self) -> None:
        if self.session is None:
            return
        minutes = max(1, round(self.guard.idle_ms / 60_000))
        self._log(EventType.KIOSK_LOCK, {"action": "locked", "idle_min": minutes})
        self.guard.arm(False)
        self.lock.show_lock(self.session.count.record.operators, self.guard.idle_ms)
        self.outer.setCurrentWidget(self.lock)
        self.lock.take_focus()

    def unlock(self, member: str) -> None:
        self._log(EventType.KIOSK_LOCK, {"action": "unlocked"}, member)
        self.outer.setCurrentWidget(self.frame)
        self.guard.arm(self.session is not None)
        current = self.stack.currentWidget()
        if current is not None:
            current.setFocus(Qt.FocusReason.OtherFocusReason)
            if current is self.entry:
                self.entry.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _log(self, event: EventType, detail: dict[str, str | int | bool | None], member: str = "") -> None:
        """A kiosk event in the session's security log (X1), or the appliance's before a login."""
        station = "-" if self.session is None else str(self.session.station.id)
        user = f"{station}/{member}" if member else station
        log = getattr(self.session.inner if self.session is not None else self.backend, "log", None)
        if log is None:
            log = getattr(self.backend, "security_log", None)
        record = getattr(log, "record", None)
        if not callable(record):
            return
        try:
            record(event, user, detail)
        except TabulaError as error:  # a full disk must not keep the kiosk locked or running: said, and logged
            self.errors.unexpected(error, f"kiosk.{event.value}")

    # --- status --------------------------------------------------------------------------------------------------

    def poll_stick(self) -> None:
        present = self.backend.stick_folder() is not None
        if present != getattr(self, "_stick_present", None):
            # a stick came or went: offer its bureaus (verified manifest) in the login picker
            self.login.set_bureaus(self.backend.bureaus() if present else ())
        self.login.set_stick(present)
        self.status.show_state(self.session, present)
        self._stick_present = present

    def update_status(self) -> None:
        self.status.show_state(self.session, getattr(self, "_stick_present", False))

    def retranslate(self) -> None:
        self.app_title.setText(self.t("ui.app.title"))
        self.setWindowTitle(self.t("ui.app.title"))
        self.shutdown_button.setText(self.t("ui.kiosk.shutdown"))
        self.notice_ok.setText(self.t("ui.kiosk.notice_ok"))
        self.notice.refresh()
        self.update_status()

    def show_kiosk(self) -> None:
        """Full screen, without a title bar or borders to close or move it by."""
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.showFullScreen()


def run_station(
    stick: Path | None,
    language: str,
    *,
    root_cert_path: Path | None = None,
    state_dir: Path | None = None,
    demo_login: tuple[str, str] | None = None,
    idle_lock_min: float | None = None,
    witness: bool = False,
    training: bool = False,
) -> int:
    """Start the kiosk on the given stick folder (or wait for one) and return the application's exit code.

    The idle lock comes after `idle_lock_min` minutes without input (else `TABULA_IDLE_LOCK_MIN`, else 10; 0 turns
    it off, e.g. for a demo on a desk). `training`: every screen says so and every output is marked."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    setup_application(app)
    state = (state_dir or Path(os.environ.get("TABULA_STATE_DIR", DEFAULT_STATE_DIR))).expanduser()
    state.mkdir(parents=True, exist_ok=True)
    try:
        log: SecurityLog | None = SecurityLog(state / LOG_FILE_NAME)
    except TabulaError:
        log = None  # the session will report the broken log; the login screen still works
    backend = StickBackend(stick, root_cert_path, state, security_log=log, training=training)
    if idle_lock_min is None:
        idle_lock_min = _env_minutes("TABULA_IDLE_LOCK_MIN", DEFAULT_IDLE_LOCK_MIN)
    spare = MountedSpareSticks(backend.root_cert_path)  # a blank stick for the results when the bureau's fails
    window = MainWindow(
        backend,
        Texts(language),
        open_keypads(),
        idle_lock_min=idle_lock_min,
        lockdown=True,
        printer=default_printer(),
        spare=spare,
        training=training,
        scratch=demo_login is not None,  # the demo's count lives in a folder removed at shut-down
    )
    window.shut_down.connect(app.quit)
    # the witness screen: on a second display when one is attached; `--witness` shows it as a window on one screen
    forced = witness or bool(os.environ.get("TABULA_WITNESS"))
    _witnesses = open_witness(window.t, lambda: window.session, forced=forced, president=window)  # as long as the kiosk
    add_band(_witnesses.window, window.mode_band())
    if demo_login is not None:
        window.login.show_demo(*demo_login)
    if os.environ.get("TABULA_WINDOWED"):
        window.resize(1280, 800)
        window.show()
    else:
        window.show_kiosk()
    try:
        return int(app.exec())
    finally:
        backend.close_platform()  # however the application ended, the TPM keeps no key of this run


def _env_minutes(name: str, default: float) -> float:
    """A number of minutes from the environment; anything unreadable or negative is the default."""
    try:
        minutes = float(os.environ.get(name, default))
    except ValueError:
        return default
    return minutes if minutes >= 0 else default
