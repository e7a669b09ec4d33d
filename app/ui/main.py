"""The kiosk: the application, the main window with its header (language switch, U1), the screens, and a status
bar that is always visible (U5): bureau, phase, piles done, ballots entered, stick."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
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
from app.seclog import LOG_FILE_NAME, SecurityLog
from app.ui.backend import StickBackend
from app.ui.bureau import BureauScreen
from app.ui.checks import ChecksScreen
from app.ui.differences import DifferencesScreen
from app.ui.entry import EntryScreen
from app.ui.login import LoadingScreen, LoginScreen
from app.ui.overview import OverviewScreen
from app.ui.ports import SessionPort, StationBackend
from app.ui.result import ResultScreen
from app.ui.session_view import ObservedSession
from app.ui.table import TableScreen
from app.ui.texts import Texts
from app.ui.theme import Urgency, base_font, load_fonts, stylesheet
from app.ui.widgets import ErrorSink
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
    """Holds the screens and moves between them; login and loading run off the GUI thread (U3)."""

    def __init__(self, backend: StationBackend, texts: Texts, keypads: KeypadSource | None = None) -> None:
        super().__init__()
        self.backend = backend
        self.t = texts
        self.errors = ErrorSink()
        self.session: ObservedSession | None = None
        self.login = LoginScreen(texts, self.errors)
        self.loading = LoadingScreen(texts, self.errors)
        self.overview = OverviewScreen(texts, self.errors)
        self.entry = EntryScreen(texts, self.errors)
        self.table = TableScreen(texts, self.errors, keypads)
        self.differences = DifferencesScreen(texts, self.errors)
        self.checks = ChecksScreen(texts, self.errors)
        self.bureau = BureauScreen(texts, self.errors)
        self.result = ResultScreen(texts, self.errors, backend.stick_folder)
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
        self._build_frame()
        self._connect()
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
        row = QHBoxLayout(header)
        row.setContentsMargins(16, 6, 16, 6)
        row.addWidget(self.app_title)
        row.addStretch(1)
        row.addWidget(self.switch)
        self.status = StatusBar(self.t)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        self.setCentralWidget(central)

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
        self.login.reset()
        self.show_phase()

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
        session = self.session
        shows_session = OverviewScreen | DifferencesScreen | ChecksScreen | BureauScreen | ResultScreen | TableScreen
        if session is not None and isinstance(screen, shows_session):
            screen.show_session(session)
        self.stack.setCurrentWidget(screen)
        self.update_status()

    def open_entry(self, pile: int, pass_no: Pass) -> None:
        if self.session is None:
            return
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
        self.update_status()


def run_station(
    stick: Path | None,
    language: str,
    *,
    root_cert_path: Path | None = None,
    state_dir: Path | None = None,
    demo_login: tuple[str, str] | None = None,
) -> int:
    """Start the kiosk on the given stick folder (or wait for one) and return the application's exit code."""
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
    backend = StickBackend(stick, root_cert_path, state, security_log=log)
    window = MainWindow(backend, Texts(language), open_keypads())
    if demo_login is not None:
        window.login.show_demo(*demo_login)
    if os.environ.get("TABULA_WINDOWED"):
        window.resize(1280, 800)
        window.show()
    else:
        window.showFullScreen()
    return int(app.exec())
