"""The entry table: two operators at once, each on a keypad of their own (C5, U3, U7; docs/keypad.md).

Two panes side by side: pass 1 of pile k on one, pass 2 of pile k-1 on the other. Each USB keypad is bound to one
pane (the first keypad seen to the left, the second to the right); the ordinary keyboard types into the pane last
touched; each pane has an on-screen keypad with the same keys for touch. Every pane shows who is typing, where it
stands, what the keys typed so far mean on the ballot (with list and candidate names), and why a key was refused.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.counting.classify import Verdict, classify
from app.counting.keypad import Key, Reading, Step, matches, read_ballot, read_declaration
from app.counting.keypad_ballot import Slot
from app.counting.model import Ballot, Box, Declaration, Election, Kind, Mark, PileKind, Status
from app.errors import TabulaError
from app.platform.keypads import KeypadSource, NoKeypads
from app.ui.keymap import keysym_for
from app.ui.pane_control import PaneControl, Side
from app.ui.ports import SessionPort
from app.ui.texts import Texts
from app.ui.theme import PALETTE, Urgency, banner_style, touch_px
from app.ui.widgets import ErrorSink, Screen, title_label, wrapped_label

KEY_BY_NAME = {key.value: key for key in Key}
# the on-screen keypad, laid out as a USB numeric keypad
_PAD = (
    (Key.SLASH, Key.STAR, Key.MINUS, Key.BACK),
    (Key.D7, Key.D8, Key.D9, Key.PLUS),
    (Key.D4, Key.D5, Key.D6, None),
    (Key.D1, Key.D2, Key.D3, Key.ENTER),
    (Key.D0, None, Key.DOT, None),
)


KEY_WIDTH, KEY_HEIGHT, PAD_SPACING = 60, 44, 4  # px: the smallest key of the on-screen keypad


class KeypadBridge(QObject):
    """Keypad presses from the reader thread, delivered on the GUI thread as a signal (queued across threads)."""

    pressed = Signal(str, str)  # device, keysym
    changed = Signal()

    def __init__(self, source: KeypadSource) -> None:
        super().__init__()
        self.source = source
        source.start(lambda event: self.pressed.emit(event.device, event.key), self.changed.emit)

    def stop(self) -> None:
        self.source.stop()


class PaneView(QFrame):
    """One side of the table: the operator, the echo of the keys and the ballot replica, and a touch keypad."""

    touched = Signal()

    def __init__(self, texts: Texts, control: PaneControl, number: int) -> None:
        super().__init__()
        self.t = texts
        self.control = control
        self.number = number
        self.keypad_name = ""
        self.setProperty("role", "pane")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._build()

    def _build(self) -> None:
        self.heading = title_label()
        self.heading.setWordWrap(True)  # member and keypad names never cut off
        self.where = wrapped_label()
        self.where.setProperty("role", "subtitle")
        self.prompt = wrapped_label()
        self.echo = QLabel()
        self.echo.setProperty("role", "echo")
        self.echo.setStyleSheet(f"font-size:26pt; font-family:monospace; color:{PALETTE.text};")
        self.echo.setMinimumHeight(48)
        self.echo.setWordWrap(True)  # a long ballot wraps instead of widening the pane
        self.replica = wrapped_label()
        self.replica.setTextFormat(Qt.TextFormat.PlainText)
        self.replica.setMinimumHeight(100)
        self.replica.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = wrapped_label()
        self.message.setMinimumHeight(44)  # a stable layout: a message never pushes the keypad down
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.last = wrapped_label()
        self.last.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons: dict[Key, QPushButton] = {}
        pad = QGridLayout()
        pad.setSpacing(PAD_SPACING)
        for row, keys in enumerate(_PAD):
            for column, key in enumerate(keys):
                if key is None:
                    continue
                button = QPushButton(key.symbol if key not in (Key.ENTER, Key.BACK) else "")
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setStyleSheet("padding:0px; font-size:15pt;")
                button.clicked.connect(lambda _=False, k=key: self.on_key(k))
                tall = 2 if key in (Key.ENTER, Key.PLUS) else 1
                wide = 2 if key is Key.D0 else 1
                pad.addWidget(button, row, column, tall, wide)
                self.buttons[key] = button
        self.size_pad(touch_px(None))
        # the text beside the keypad, not above it: at 1366x768 both fit without squeezing the keys
        text = QVBoxLayout()
        for widget in (self.prompt, self.echo, self.replica, self.message, self.last):
            text.addWidget(widget)
        text.addStretch(1)
        pad_box = QVBoxLayout()
        pad_box.addStretch(1)
        pad_box.addLayout(pad)
        body = QHBoxLayout()
        body.addLayout(text, 1)
        body.addLayout(pad_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.where)
        layout.addLayout(body, 1)

    def size_pad(self, touch: int) -> None:
        """A fixed pad that text never squeezes, every key at least `touch` px (9 mm on this screen) and never
        smaller than 60x44 px: 44 px are 9 mm on a 15.6" 1366x768 panel but only 8 mm on a 15.6" 1920x1080 one."""
        key_w, key_h = max(KEY_WIDTH, round(touch * KEY_WIDTH / KEY_HEIGHT)), max(KEY_HEIGHT, touch)
        for key, button in self.buttons.items():
            tall = 2 if key in (Key.ENTER, Key.PLUS) else 1
            wide = 2 if key is Key.D0 else 1
            button.setFixedSize(key_w * wide + PAD_SPACING * (wide - 1), key_h * tall + PAD_SPACING * (tall - 1))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.size_pad(touch_px(self.screen()))  # the screen is known once shown

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.touched.emit()
        super().mousePressEvent(event)

    def on_key(self, key: Key) -> None:
        self.touched.emit()
        self.control.press(key)
        self.refresh()

    # --- drawing -------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        control, t = self.control, self.t
        who = control.member or t("ui.keypad.nobody")
        device = t("ui.keypad.keypad", number=self.number) if self.keypad_name else t("ui.keypad.touch_or_keyboard")
        self.heading.setText(t("ui.keypad.heading", number=self.number, member=who, device=device))
        self.where.setText(self._where())
        self.prompt.setText(self._prompt())
        self.echo.setText(self._echo())
        self.replica.setText(self._replica())
        self._show_message()
        last = control.last_stored
        self.last.setText(t("ui.keypad.last", ballot=self.describe(last)) if last is not None else "")
        self.buttons[Key.ENTER].setText(t("ui.keypad.key_enter"))
        self.buttons[Key.BACK].setText(t("ui.keypad.key_back"))

    def _echo(self) -> str:
        """The keys typed, digits of one number together: `12 1 - 3` (a number that ended by itself is cut)."""
        pane = self.control.pane
        cuts: tuple[int, ...] = ()
        if pane.step is Step.BALLOT:
            cuts = read_ballot(self.control.election, pane.declaration, pane.typed).cuts
        text = ""
        for index, key in enumerate(pane.typed):
            glued = key.digit is not None and index > 0 and pane.typed[index - 1].digit is not None
            text += key.symbol if glued and index not in cuts else f" {key.symbol}"
        return text.strip() or " "

    def _where(self) -> str:
        pile, pass_no, position = self.control.where()
        pane = self.control.pane
        if pane.step is not Step.BALLOT or pile is None or pass_no is None:
            return ""
        declared = self.declaration_text()
        total = pane.hand_count if pane.hand_count is not None else "?"
        pass_name = self.t(f"ui.pass.{int(pass_no)}")
        return self.t(
            "ui.keypad.where", pile=pile, pass_name=pass_name, position=position, total=total, declared=declared
        )

    def declaration_text(self) -> str:
        return self._declared_as(self.control.pane.declaration)

    def _prompt(self) -> str:
        pane, t = self.control.pane, self.t
        if pane.step is Step.MEMBER:
            members = self.control.members()
            rows = "\n".join(f"{n} · {name}" for n, name in enumerate(members, start=1))
            return t("ui.keypad.prompt.member", members=rows or t("ui.keypad.no_members_yet"))
        if pane.step is Step.PILE:
            return t("ui.keypad.prompt.pile", proposal=pane.proposal or "?")
        if pane.step is Step.DECLARATION:
            return t("ui.keypad.prompt.declaration", pile=pane.pile)
        if pane.step is Step.HAND_COUNT:
            return t("ui.keypad.prompt.hand_count", pile=pane.pile)
        if pane.undo_armed:
            return t("ui.keypad.prompt.undo", position=pane.entered)
        return t(f"ui.keypad.prompt.ballot.{pane.declaration.kind.value}")

    def _show_message(self) -> None:
        problem, note = self.control.problem, self.control.note
        if problem is not None:
            text = self.t.error(problem) if isinstance(problem, TabulaError) else self.t(problem.key, **problem.params)
            self.message.setStyleSheet(banner_style(Urgency.WARNING))
            self.message.setText(text)
        elif note is not None:
            self.message.setStyleSheet(banner_style(Urgency.OK))
            taken = {} if note.ballot is None else {"ballot": self.describe(note.ballot)}
            self.message.setText(self.t(note.key, **note.params, **taken))
        else:
            self.message.setStyleSheet("")
            self.message.setText("")

    def _replica(self) -> str:
        pane = self.control.pane
        if pane.step is not Step.BALLOT:
            return self._header_echo()
        reading = read_ballot(self.control.election, pane.declaration, pane.typed)
        if reading.close:
            return self.t("ui.keypad.close_ask", pile=pane.pile, entered=pane.entered, total=pane.hand_count or "?")
        text = replica_text(reading, self.control.election, self.t, pane.declaration.kind, self._declared(reading))
        if pane.confirm_armed:
            text += "\n" + self.t("ui.keypad.confirm_stray", declared=self.declaration_text())
        return text

    def _header_echo(self) -> str:
        """What the number typed at a start-up question means: the member's name, the pile's declared content."""
        pane = self.control.pane
        if pane.step is Step.MEMBER and pane.typed:
            members = self.control.members()
            number = int("".join(str(k.digit) for k in pane.typed if k.digit is not None) or 0)
            return f"→ {members[number - 1]}" if 1 <= number <= len(members) else ""
        if pane.step is Step.DECLARATION:
            declaration, _ = read_declaration(self.control.election, pane.typed)
            if declaration is not None:
                return f"→ {self._declared_as(declaration)}"
        if pane.step is Step.HAND_COUNT:
            return self._declared_as(pane.declaration)
        return ""

    def _declared_as(self, declaration: Declaration) -> str:
        lst = self.control.election.list_by_number(declaration.list_number or 0)
        name = "" if lst is None else f"{lst.number} · {lst.name}"
        return self.t(f"ui.keypad.declared.{declaration.kind.value}", list=name)

    def _declared(self, reading: Reading) -> bool:
        return reading.ballot is None or matches(self.control.pane.declaration, reading.ballot)

    def describe(self, ballot: Ballot) -> str:
        return ballot_summary(ballot, self.control.election, self.t)


def replica_text(reading: Reading, election: Election, t: Texts, kind: PileKind, declared: bool) -> str:
    """What the keys mean on the ballot: one line a mark with its name, the number still open, and the verdict."""
    lines = [mark_line(mark, election, t) for mark in reading.marks]
    if reading.pending:
        lines.append(t("ui.keypad.pending", number=reading.pending))
    if reading.blank:
        lines.append(t("ui.ballot.blank"))
    if reading.status.value:
        lines.append(status_text(reading, t))
    if reading.slot is Slot.STATUS:
        lines.append(t("ui.keypad.status_codes"))  # after `/`: which digit is which decision
    ballot = reading.ballot
    if ballot is not None:
        if not reading.marks and not reading.blank and not reading.status.value:
            lines.append(t("ui.keypad.as_declared", ballot=ballot_summary(ballot, election, t)))
        lines.append(t("ui.keypad.enter_stores", verdict=verdict_text(ballot, t)))
        if not declared and kind is not PileKind.MIXED:
            lines.append(t("ui.keypad.not_as_declared"))
    elif reading.incomplete is not None and (reading.marks or reading.pending or reading.status.value):
        lines.append(t(reading.incomplete.key, **reading.incomplete.params))
    return "\n".join(lines)


def status_text(reading: Reading, t: Texts) -> str:
    if reading.invalid_reason is not None:
        return t("ui.ballot.invalid", reason=t(f"ui.reason.{reading.invalid_reason.value}"))
    return t("ui.ballot.contested")


def mark_line(mark: Mark, election: Election, t: Texts) -> str:
    lst = election.list_by_number(mark.list_number)
    list_name = "" if lst is None else lst.name
    if mark.box is Box.LIST:
        return t("ui.keypad.mark.list", list=mark.list_number, name=list_name)
    candidate = None if lst is None else lst.candidate(_kind(mark), mark.position)
    key = "ui.keypad.mark.titular" if mark.box is Box.TITULAR else "ui.keypad.mark.successor"
    return t(key, list=mark.list_number, position=mark.position, name="" if candidate is None else candidate.name)


def _kind(mark: Mark) -> Kind:
    return Kind.TITULAR if mark.box is Box.TITULAR else Kind.SUCCESSOR


def verdict_text(ballot: Ballot, t: Texts) -> str:
    if ballot.status is Status.CONTESTED:
        return t("ui.keypad.verdict_contested")  # not valid or invalid yet: the bureau decides
    result = classify(ballot)
    if result.verdict is Verdict.VALID:
        return t("ui.verdict.valid", list=result.list_number)
    if result.verdict is Verdict.BLANK:
        return t("ui.verdict.blank")
    return t("ui.verdict.invalid")


def ballot_summary(ballot: Ballot, election: Election, t: Texts) -> str:
    parts = [mark_line(m, election, t) for m in ballot.sorted_marks()] or [t("ui.ballot.blank")]
    if ballot.invalid_reason is not None:
        parts.append(t("ui.ballot.invalid", reason=t(f"ui.reason.{ballot.invalid_reason.value}")))
    elif ballot.status.value:
        parts.append(t("ui.ballot.contested"))
    return "; ".join(parts)


class TableScreen(Screen):
    """Two panes; keys from two keypads, the keyboard and touch go to their pane."""

    leave = Signal()

    def __init__(self, texts: Texts, errors: ErrorSink, keypads: KeypadSource | None = None) -> None:
        super().__init__(texts, errors)
        self.session: SessionPort | None = None
        self.views: list[PaneView] = []
        self.keyboard_view = 0  # the pane the ordinary keyboard types into: the one last touched
        self.bound: dict[str, int] = {}  # keypad device -> pane index
        self.bridge = KeypadBridge(keypads or NoKeypads())
        self.bridge.pressed.connect(self.on_keypad)
        self.bridge.changed.connect(self.on_keypads_changed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = title_label()
        self.back = QPushButton()
        self.back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back.clicked.connect(self.leave.emit)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.back)
        self.panes = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(self.panes, 1)
        self.retranslate()

    def show_session(self, session: SessionPort) -> None:
        """Open the table on a session: two fresh panes, each starting with 'who are you?'."""
        if self.session is not session:
            for view in self.views:
                self.panes.removeWidget(view)
                view.deleteLater()
            left, right = PaneControl(session, Side.FIRST), PaneControl(session, Side.SECOND)
            left.partner, right.partner = right, left
            self.views = [PaneView(self.t, left, 1), PaneView(self.t, right, 2)]
            for index, view in enumerate(self.views):
                view.touched.connect(lambda i=index: self._keyboard_to(i))
                self.panes.addWidget(view, 1)
            self.session = session
            changed = getattr(session, "changed", None)
            if changed is not None:
                changed.connect(self.refresh)
        self.on_keypads_changed()
        self.refresh()
        self.setFocus()

    def _keyboard_to(self, index: int) -> None:
        self.keyboard_view = index
        self.setFocus()

    # --- keys ----------------------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        name = keysym_for(event)
        if name is None or not self.views:
            super().keyPressEvent(event)
            return
        self.views[self.keyboard_view].on_key(KEY_BY_NAME[name])

    def on_keypad(self, device: str, keysym: str) -> None:
        index = self.bound.get(device)
        if index is None:
            index = self._bind(device)
        if index is None:
            self.banner.show_key("ui.keypad.extra_keypad", Urgency.WARNING)
            return
        key = KEY_BY_NAME.get(keysym)
        if key is not None and self.views:
            self.views[index].on_key(key)

    def _bind(self, device: str) -> int | None:
        """A keypad not seen yet takes the first pane without one."""
        free = [i for i in range(len(self.views)) if i not in self.bound.values()]
        if not free:
            return None
        self.bound[device] = free[0]
        self.on_keypads_changed()
        return free[0]

    def on_keypads_changed(self) -> None:
        attached = {k.device: k.name for k in self.bridge.source.keypads()}
        self.bound = {d: i for d, i in self.bound.items() if d in attached}
        for device in attached:
            if device not in self.bound:
                free = [i for i in range(len(self.views)) if i not in self.bound.values()]
                if free:
                    self.bound[device] = free[0]
        for index, view in enumerate(self.views):
            names = [attached[d] for d, i in self.bound.items() if i == index]
            view.keypad_name = names[0] if names else ""
            view.refresh()

    # --- texts ---------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        for view in self.views:
            view.control.refresh()
            view.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.t("ui.keypad.title"))
        self.back.setText(self.t("ui.keypad.back"))
        self.refresh()
