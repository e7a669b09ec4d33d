"""The kiosk's own rules (issue 8): no way out but the president's shut-down, an idle lock, and where the count
stood when a bureau comes back after a restart.

- `KioskGuard` watches every input of the application: it eats the keys that close a window (Alt+F4, Ctrl+Q,
  Ctrl+W, Ctrl+F4) and tells the idle lock that someone is at the table. Numeric keypads read through evdev never
  reach Qt: the window pokes the guard for them.
- `LockScreen` covers everything after N minutes without input. A member of the bureau goes on by typing their
  number and Enter (keypad or keyboard) or by tapping their name: the record names who may work at the table, and
  the security log names who unlocked. There is no secret to type: the bureau's password is a 20-letter string in
  a sealed envelope, unusable on a numeric keypad, and the lock is there against stray input and for the record of
  who came back, in a room the bureau and its witnesses watch.
- `ShutdownScreen` is the second step of the shut-down; `close_journal` ends the session's journal cleanly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.counting.count import Count, piles
from app.counting.double_entry import Pass
from app.ui.texts import Texts
from app.ui.theme import Urgency, banner_style
from app.ui.widgets import WrapButton, title_label, wrapped_label

DEFAULT_IDLE_LOCK_MIN = 10.0
NAME_COLUMNS = 3  # the members on the lock screen
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)
_KEYS = frozenset({QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride})


def is_quit_key(event: QKeyEvent) -> bool:
    """Keys that close a window or quit an application on a desktop; on the kiosk they do nothing."""
    key, modifiers = event.key(), event.modifiers()
    ctrl_or_alt = modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    if key == Qt.Key.Key_F4 and ctrl_or_alt:
        return True
    if key in (Qt.Key.Key_Q, Qt.Key.Key_W) and modifiers & Qt.KeyboardModifier.ControlModifier:
        return True
    if key in (Qt.Key.Key_Close, Qt.Key.Key_Exit, Qt.Key.Key_PowerOff, Qt.Key.Key_Sleep, Qt.Key.Key_Suspend):
        return True
    return event.matches(QKeySequence.StandardKey.Quit) or event.matches(QKeySequence.StandardKey.Close)


class KioskGuard(QObject):
    """An application-wide event filter: quit keys are eaten, and `idle` fires after `idle_ms` without any input
    while the guard is armed (a bureau is logged in and the screen is not locked)."""

    idle = Signal()

    def __init__(self, idle_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, idle_ms))
        self._timer.timeout.connect(self.idle.emit)
        self.enabled = idle_ms > 0
        self.armed = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def idle_ms(self) -> int:
        return self._timer.interval()

    def arm(self, armed: bool) -> None:
        self.armed = armed and self.enabled
        if self.armed:
            self._timer.start()
        else:
            self._timer.stop()

    def poke(self) -> None:
        """Someone is at the table: the idle time starts again."""
        if self.armed:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT:
            self.poke()
            if kind in _KEYS and isinstance(event, QKeyEvent) and is_quit_key(event):
                return True  # nothing closes the kiosk but the president's shut-down
        return False


@dataclass(frozen=True)
class PassWhere:
    """A pass started and not finished: the ballot it goes on with, and who enters it."""

    pile: int
    pass_no: Pass
    next_ballot: int
    operator: str


def unfinished_passes(count: Count) -> tuple[PassWhere, ...]:
    """Where every started, unfinished pass stands ("pile 4, pass 2, at ballot 17"), pile by pile."""
    return tuple(
        PassWhere(pile.number, pass_no, len(entry.ballots) + 1, entry.operator)
        for pile in piles(count)
        if pile.decision is None
        for pass_no in Pass
        if (entry := pile.entry(pass_no)) is not None and not entry.finished
    )


def where_text(t: Texts, passes: Sequence[PassWhere]) -> str:
    """The restart banner: where the count stood, in the screens' language."""
    parts = [
        t(
            "ui.kiosk.resumed_pass",
            pile=p.pile,
            pass_name=t(f"ui.pass.{int(p.pass_no)}"),
            position=p.next_ballot,
            member=p.operator,
        )
        for p in passes
    ]
    return t("ui.kiosk.resumed", passes="; ".join(parts))


def close_journal(session: object) -> bool:
    """Close the session's journal (its SQLite connection and lock) if it has one; True if it was closed."""
    journal = getattr(session, "journal", None)
    close = getattr(journal, "close", None)
    if not callable(close):
        return False
    close()
    return True


_KEYPAD_DIGITS = {f"KP_{digit}": str(digit) for digit in range(10)}


class LockScreen(QWidget):
    """Over everything after a while without input; `unlocked(member)` when a member goes on ("" without any)."""

    unlocked = Signal(str)

    def __init__(self, texts: Texts, language_switch: QWidget) -> None:
        super().__init__()
        self.t = texts
        self.members: tuple[str, ...] = ()
        self.idle_ms = 0
        self._problem: tuple[str, dict[str, object]] | None = None
        self.title = title_label()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.why = wrapped_label()
        self.how = wrapped_label()
        self.number_label = QLabel()
        self.number = QLineEdit()
        self.number.setProperty("role", "marks")
        self.number.setMaxLength(3)
        self.number.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,3}"), self.number))
        self.number.returnPressed.connect(self.submit)
        self.go_on = QPushButton()
        self.go_on.setProperty("role", "primary")
        self.go_on.clicked.connect(self.submit)
        self.problem = wrapped_label()
        self.problem.setStyleSheet(banner_style(Urgency.WARNING))
        self.problem.setMinimumHeight(48)  # a stable layout: a message never moves the names under a finger
        self.names = QGridLayout()
        self.names.setSpacing(8)
        for column in range(NAME_COLUMNS):
            self.names.setColumnStretch(column, 1)  # every member's name as wide as the others
        self.name_buttons: list[WrapButton] = []
        row = QHBoxLayout()
        row.addWidget(self.number_label)
        row.addWidget(self.number, 1)
        row.addWidget(self.go_on)
        card = QWidget()
        card.setMaximumWidth(900)
        inner = QVBoxLayout(card)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.why)
        inner.addWidget(self.how)
        inner.addLayout(row)
        inner.addWidget(self.problem)
        inner.addLayout(self.names)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(language_switch)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card, 4)
        middle.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addLayout(middle)
        layout.addStretch(2)
        texts.changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    def show_lock(self, members: tuple[str, ...], idle_ms: int) -> None:
        """Lock for the bureau with these members (president, secretary, assessors, in the record's order), after
        `idle_ms` without input."""
        self.members, self.idle_ms = members, idle_ms
        self.number.clear()
        self._problem = None
        for button in self.name_buttons:
            self.names.removeWidget(button)
            button.deleteLater()
        self.name_buttons = []
        for index in range(len(members)):
            button = WrapButton()
            button.setMinimumHeight(48)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, n=index + 1: self.choose(n))
            self.names.addWidget(button, index // NAME_COLUMNS, index % NAME_COLUMNS)
            self.name_buttons.append(button)
        self.retranslate()
        self.take_focus()

    def take_focus(self) -> None:
        """The keyboard goes to the number field, or without members to the button that goes on."""
        target = self.number if self.members else self.go_on
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter anywhere on the lock (a name or language button has the focus after a tap) works as on the field
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)

    def on_keypad(self, keysym: str) -> None:
        """A key from a numeric keypad (evdev): digits, BackSpace and Enter work as on the keyboard."""
        if keysym in _KEYPAD_DIGITS:
            self.number.insert(_KEYPAD_DIGITS[keysym])
        elif keysym == "BackSpace":
            self.number.backspace()
        elif keysym == "KP_Enter":
            self.submit()

    def submit(self) -> None:
        if not self.members:
            self.unlocked.emit("")
            return
        text = self.number.text()
        if not text:
            self._show_problem("ui.kiosk.lock_number_missing", {"maximum": len(self.members)})
            return
        self.choose(int(text))

    def choose(self, number: int) -> None:
        if not 1 <= number <= len(self.members):
            self.number.clear()
            self._show_problem("ui.kiosk.lock_no_such_member", {"number": number, "maximum": len(self.members)})
            return
        self.unlocked.emit(self.members[number - 1])

    def _show_problem(self, key: str, params: dict[str, object]) -> None:
        self._problem = (key, params)
        self.retranslate()

    def retranslate(self) -> None:
        t = self.t
        self.title.setText(t("ui.kiosk.lock_title"))
        self.why.setText(t("ui.kiosk.lock_why", duration=idle_duration(t, self.idle_ms)))
        self.how.setText(t("ui.kiosk.lock_how" if self.members else "ui.kiosk.lock_no_members"))
        self.number_label.setText(t("ui.kiosk.lock_number"))
        for widget in (self.number_label, self.number):
            widget.setVisible(bool(self.members))
        self.go_on.setText(t("ui.kiosk.lock_continue"))
        for index, (button, name) in enumerate(zip(self.name_buttons, self.members, strict=True)):
            button.set_label(t("ui.kiosk.lock_member", number=index + 1, name=name))
        self.problem.setText("" if self._problem is None else t(self._problem[0], **self._problem[1]))
        self.problem.setVisible(bool(self.members))
        self.problem.setStyleSheet(banner_style(Urgency.WARNING) if self._problem else "")


def idle_duration(t: Texts, idle_ms: int) -> str:
    """The idle time as the lock says it: whole minutes when it is some ("1 minuut", "10 minuten"), else seconds
    ("30 seconden"): never a half minute rounded into "1 minuten"."""
    seconds = max(1, round(idle_ms / 1000))
    minutes, rest = divmod(seconds, 60)
    if minutes and not rest:
        return t("ui.kiosk.duration.minute") if minutes == 1 else t("ui.kiosk.duration.minutes", count=minutes)
    return t("ui.kiosk.duration.second") if seconds == 1 else t("ui.kiosk.duration.seconds", count=seconds)


class ShutdownScreen(QWidget):
    """The second step of the shut-down: say what it does, then `confirmed` or `cancelled`.

    In training and in the demo the count lives in a scratch folder that the shut-down removes (`app.demo`): the text
    says that everything of the exercise (or demonstration) is erased, not that the bureau goes on where it stood."""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, texts: Texts, *, training: bool = False, scratch: bool = False) -> None:
        super().__init__()
        self.t = texts
        self.training = training
        self.scratch = scratch  # the demo: its count is erased at shut-down too
        self.title = title_label()
        self.text = wrapped_label()
        self.confirm = QPushButton()
        self.confirm.setProperty("role", "armed")
        self.confirm.clicked.connect(self.confirmed.emit)
        self.cancel = QPushButton()
        self.cancel.setProperty("role", "primary")
        self.cancel.clicked.connect(self.cancelled.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm)
        card = QWidget()
        card.setMaximumWidth(800)
        inner = QVBoxLayout(card)
        inner.setSpacing(16)
        inner.addWidget(self.title)
        inner.addWidget(self.text)
        inner.addLayout(buttons)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card, 4)
        middle.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(middle)
        layout.addStretch(2)
        texts.changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def _text_key(self) -> str:
        if self.training:
            return "ui.kiosk.shutdown_text_training"
        return "ui.kiosk.shutdown_text_demo" if self.scratch else "ui.kiosk.shutdown_text"

    def retranslate(self) -> None:
        self.title.setText(self.t("ui.kiosk.shutdown_title"))
        self.text.setText(self.t(self._text_key()))
        self.confirm.setText(self.t("ui.kiosk.shutdown_confirm"))
        self.cancel.setText(self.t("ui.kiosk.shutdown_cancel"))
