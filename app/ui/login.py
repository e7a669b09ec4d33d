"""Login (S2, X5, U4, U5): station id and password, help on every field, the wait after wrong passwords.

With a stick present the bureau can also pick itself from the list of the stick's verified manifest (or type a few
letters of its number or name and pick the suggestion); typing the number stays possible. Once a bureau is chosen
the screens speak its language (from the manifest), and the language switch stays free."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from app.errors import BadInput, TabulaError
from app.platform import systemd
from app.platform.measurement import Mode
from app.platform.tpm import current_measurement
from app.ui.ports import BureauEntry
from app.ui.texts import Texts
from app.ui.theme import Urgency, banner_style
from app.ui.widgets import ErrorSink, Screen, title_label, wrapped_label


def development_mode() -> bool:
    """Whether this kiosk runs without a TPM (the explicit development mode its band shows on every screen). A
    platform that was refused is not development: the login screen says what is wrong, and no login gets through."""
    try:
        return current_measurement().mode is Mode.DEVELOPMENT
    except TabulaError:
        return False


LOGIN_CARD_WIDTH = 820


def on_screen(error: TabulaError) -> TabulaError:
    """The failure as the login screen says it. A wrong password's own message names the wait ('next try in 4 s'),
    which the command line needs; on screen the line above counts the wait down, and a second, frozen '4 s' below
    it was one message too many (and stale after a second)."""
    if error.key == "auth.wrong_password" and "station" in error.params:
        return BadInput("ui.login.wrong_password", station=error.params["station"])
    return error


class LoginScreen(Screen):
    """Emits `submitted(station_id, password)`; the window runs the login off the GUI thread."""

    submitted = Signal(str, str)

    def __init__(self, texts: Texts, errors: ErrorSink) -> None:
        super().__init__(texts, errors)
        self.wait_left = 0
        self.stick_present = False
        self.bureaus: tuple[BureauEntry, ...] = ()
        self.demo: tuple[str, str] | None = None  # (bureau, password) shown on the demo's login screen only
        self.language_for: str | None = None  # the bureau whose language the screens were switched to
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.title = title_label()
        self.intro = wrapped_label()
        self.stick = wrapped_label()
        self.demo_hint = wrapped_label()
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_hint.setStyleSheet(banner_style(Urgency.WARNING))
        self.demo_hint.setVisible(False)
        self.picker = QComboBox()
        self.picker.setMaxVisibleItems(12)
        self.picker.activated.connect(self._on_picked)
        self.station = QLineEdit()
        self.station.textEdited.connect(self._on_station_typed)
        self._suggestions = QStringListModel(self)
        self.completer = QCompleter(self._suggestions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "zuid" finds "B0042 · Gemeenteschool Zuid"
        self.completer.activated.connect(self._on_suggestion)
        self.station.setCompleter(self.completer)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.station.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.help.register(self.picker, "ui.help.picker")
        self.help.register(self.station, "ui.help.station")
        self.help.register(self.password, "ui.help.password")
        self.button = QPushButton()
        self.button.setProperty("role", "primary")
        self.button.clicked.connect(self.submit)
        self.wait = wrapped_label()
        self.wait.setVisible(False)
        self.wait.setStyleSheet(banner_style(Urgency.WARNING))
        self.identity = wrapped_label()  # X2: which software, on which system image (or the development mode)
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._ready_sent = False
        self.form = QFormLayout()
        self.picker_label, self.station_label, self.password_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.picker_label, self.picker)
        self.form.addRow(self.station_label, self.station)
        self.form.addRow(self.password_label, self.password)
        card = QFrame()
        card.setProperty("role", "card")
        # wide and tight enough that the whole form, a failure and the development notice fit at 1366x768 (at 640 px
        # the fields were squeezed over each other)
        card.setFixedWidth(LOGIN_CARD_WIDTH)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(20, 12, 20, 12)
        inner.setSpacing(8)
        for widget in (self.title, self.intro, self.demo_hint, self.stick):
            inner.addWidget(widget)
        inner.addLayout(self.form)
        inner.addWidget(self.help)
        inner.addWidget(self.button)
        inner.addWidget(self.wait)
        inner.addWidget(self.banner)
        inner.addWidget(self.identity)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    # --- the bureau picker ---------------------------------------------------------------------------------------

    def set_bureaus(self, bureaus: tuple[BureauEntry, ...]) -> None:
        """Fill the picker from the stick's verified manifest; an empty list hides it (typing still works)."""
        self.bureaus = bureaus
        labels = [self._label(b) for b in bureaus]
        self.picker.blockSignals(True)
        self.picker.clear()
        for bureau, label in zip(bureaus, labels, strict=True):
            self.picker.addItem(label, str(bureau.station))
        self.picker.blockSignals(False)
        self._suggestions.setStringList(labels)
        self.form.setRowVisible(self.picker, bool(bureaus))
        self._on_station_typed(self.station.text())

    @staticmethod
    def _label(bureau: BureauEntry) -> str:
        return f"{bureau.station} · {bureau.name}"

    def _on_picked(self, index: int) -> None:
        station = self.picker.itemData(index)
        if isinstance(station, str):
            self.station.setText(station)
            self.use_language_of(station)
            self.password.setFocus()

    def _on_suggestion(self, label: str) -> None:
        station = self.station_id(label)
        self.station.setText(station)
        self.picker.setCurrentIndex(self.picker.findData(station))
        self.use_language_of(station)

    def _on_station_typed(self, text: str) -> None:
        """Keep the picker on the bureau typed, or on none."""
        station = self.station_id(text)
        self.picker.setCurrentIndex(self.picker.findData(station))
        self.use_language_of(station)

    def use_language_of(self, station: str, language: str | None = None) -> None:
        """Switch the screens to the language of bureau `station` (from the stick's manifest, or `language`), once
        per bureau chosen: a language chosen by hand afterwards stays, the switch is free at any time (U1)."""
        if station == self.language_for:
            return
        if language is None:
            bureau = next((b for b in self.bureaus if str(b.station) == station), None)
            if bureau is None:
                return
            language = bureau.language.value
        self.language_for = station
        self.t.set_language(language)

    def station_id(self, text: str | None = None) -> str:
        """The station id typed or picked; a suggestion's full label counts as its id."""
        typed = (self.station.text() if text is None else text).strip()
        for bureau in self.bureaus:
            if typed.casefold() in (str(bureau.station).casefold(), self._label(bureau).casefold()):
                return str(bureau.station)
        return typed

    # --- logging in ----------------------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.wait_left > 0 or not self.button.isEnabled():
            return
        station = self.station_id()
        if not station:
            self.banner.show_key("ui.login.station_missing", Urgency.WARNING)
            self.station.setFocus()
            return
        self.banner.clear_message()
        self.submitted.emit(station, self.password.text())

    def show_failure(self, error: TabulaError, wait_s: float) -> None:
        """A refused login: the message, an empty password field, and the wait before the next try (X5)."""
        self.banner.show_error(on_screen(error))
        self.password.clear()
        if error.key == "auth.unknown_station" and self.bureaus:
            self.picker.setFocus()  # the message says: choose the bureau from the list
        else:
            self.password.setFocus()
        self.start_wait(wait_s)

    def start_wait(self, seconds: float) -> None:
        self.wait_left = int(seconds + 0.999)
        if self.wait_left > 0:
            self._timer.start()
        self._show_wait()

    def _tick(self) -> None:
        self.wait_left = max(0, self.wait_left - 1)
        if self.wait_left == 0:
            self._timer.stop()
        self._show_wait()

    def _show_wait(self) -> None:
        waiting = self.wait_left > 0
        self.wait.setVisible(waiting)
        self.wait.setText(self.t("ui.login.throttled", seconds=self.wait_left) if waiting else "")
        self.button.setEnabled(not waiting and self.stick_present)

    def set_stick(self, present: bool) -> None:
        self.stick_present = present
        self.stick.setText(self.t("ui.login.stick_ok" if present else "ui.login.stick_missing"))
        self.stick.setStyleSheet(banner_style(Urgency.OK if present else Urgency.WARNING))
        self._show_wait()

    def reset(self) -> None:
        self.password.clear()
        self.station.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        self.title.setText(self.t("ui.login.title"))
        self.intro.setText(self.t("ui.login.intro"))
        self.picker_label.setText(self.t("ui.login.picker"))
        self.picker.setPlaceholderText(self.t("ui.login.picker_placeholder"))
        self.station_label.setText(self.t("ui.login.station"))
        self.password_label.setText(self.t("ui.login.password"))
        self.button.setText(self.t("ui.login.submit"))
        if self.demo is not None:
            self.demo_hint.setText(self.t("demo.login", station=self.demo[0], password=self.demo[1]))
        self._show_identity()
        self.set_stick(self.stick_present)

    def show_demo(self, station: str, password: str) -> None:
        """The demo's public credentials, on screen: a visitor needs no sealed letter."""
        self.demo = (station, password)
        self.demo_hint.setVisible(True)
        self.retranslate()

    def _show_identity(self) -> None:
        """Software version and system hash; the development mode as a warning; a refused platform as an error."""
        try:
            measurement = current_measurement()
        except TabulaError as error:
            self.identity.setText(self.t.error(error))
            self.identity.setStyleSheet(banner_style(Urgency.BLOCKING))
            return
        system_hash = measurement.system_hash or self.t("platform.unverified")
        text = self.t("platform.identity", version=measurement.software_version, system_hash=system_hash)
        if measurement.mode is Mode.DEVELOPMENT:
            text = f"{self.t('platform.development')}\n{text}"
            self.identity.setStyleSheet(banner_style(Urgency.WARNING))
        else:
            self.identity.setStyleSheet("")
        self.identity.setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the login screen is on display, the kiosk's service is ready (the boot test waits for it)."""
        super().showEvent(event)
        if not self._ready_sent:
            self._ready_sent = True
            systemd.notify("READY=1")


class LoadingScreen(Screen):
    """Visible progress while the stick is verified and the bureau's data decrypted (S2)."""

    def __init__(self, texts: Texts, errors: ErrorSink) -> None:
        super().__init__(texts, errors)
        self.title = title_label()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(640)
        self.step = QLabel()
        self.step.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.step_key = ""
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.step)
        layout.addStretch(2)
        self.retranslate()

    def start(self) -> None:
        self.bar.setValue(0)
        self.show_progress(0.0, "auth.step.manifest")

    def show_progress(self, fraction: float, step: str) -> None:
        self.bar.setValue(round(max(0.0, min(1.0, fraction)) * 1000))
        self.step_key = step
        self.step.setText(self.t(step))

    def retranslate(self) -> None:
        self.title.setText(self.t("ui.loading.title"))
        if self.step_key:
            self.step.setText(self.t(self.step_key))
