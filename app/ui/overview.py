"""The overview of the count: every pile with its two passes and differences, and starting a pass (C5).

A pass is started by a member of the bureau chosen from its record (never a typed name), with the pile's hand count
as typed: a count past the size of a pile is shown as typed and refused, never cut down to a smaller number."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.counting.count import (
    CloseEntry,
    DiscardPass,
    Phase,
    Pile,
    ReopenEntry,
    StartPile,
    open_differences,
    piles,
)
from app.counting.double_entry import MAX_PILE_SIZE, Pass
from app.ui.ports import SessionPort
from app.ui.session_view import ObservedSession
from app.ui.texts import Texts
from app.ui.theme import PALETTE, Urgency
from app.ui.widgets import ConfirmButton, ErrorSink, Screen, title_label, wrapped_label

_COLUMNS = (
    "ui.overview.col.pile",
    "ui.overview.col.hand",
    "ui.overview.col.pass1",
    "ui.overview.col.pass2",
    "ui.overview.col.differences",
)


class MemberChoice(QComboBox):
    """The members of the bureau, numbered; typing a member's number picks them and Enter starts the pass. Nothing
    else can be chosen: it is not editable, and a number no member has chooses nobody."""

    entered = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._typed = ""  # the digits typed so far: "1" then "2" quickly is member 12 when there is one
        self._since = QElapsedTimer()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
            return
        if event.text().isdigit():
            self.choose_number(event.text())
            return
        super().keyPressEvent(event)

    def choose_number(self, digit: str) -> None:
        """Choose the member whose number is being typed (as a keyboard search would, but by number only)."""
        fresh = not self._since.isValid() or self._since.elapsed() > QApplication.keyboardInputInterval()
        typed = digit if fresh or not 1 <= int(self._typed + digit) <= self.count() else self._typed + digit
        self._typed = typed
        self._since.restart()
        number = int(typed)
        self.setCurrentIndex(number - 1 if 1 <= number <= self.count() else -1)

    def clear_choice(self) -> None:
        """Nobody chosen; the next digit starts a new number."""
        self.setCurrentIndex(-1)
        self._since.invalidate()


class HandCountField(QLineEdit):
    """The pile's hand count as typed. Digits only, and never cut short: 77 stays 77 (and is refused on start),
    where a spin box limited to 50 silently turned it into 7. Empty (or 0) means not counted yet."""

    MAX_DIGITS = 6  # room for any slip of the fingers; int() of the text stays cheap

    def __init__(self) -> None:
        super().__init__()
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d*"), self))
        self.setMaxLength(self.MAX_DIGITS)

    def value(self) -> int:
        """The number typed, 0 when empty."""
        text = self.text().strip()
        return int(text) if text else 0

    def setValue(self, value: int) -> None:
        """Show `value` (0: not counted yet, the field stays empty); the name of the spin box it replaces."""
        self.setText(str(value) if value else "")


class OverviewScreen(Screen):
    """Piles and their state; start or continue a pass; close entry when every pile is entered twice."""

    enter_pass = Signal(int, int)  # pile, pass number
    show_differences = Signal()
    show_checks = Signal()
    show_record = Signal()
    show_table = Signal()

    def __init__(self, texts: Texts, errors: ErrorSink) -> None:
        super().__init__(texts, errors)
        self.session: SessionPort | None = None
        self._observed: ObservedSession | None = None  # whose `changed` keeps the member choice up to date
        self._members: tuple[str, ...] | None = None  # the members the choice holds now
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.title = title_label()
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.cellClicked.connect(self._on_row)

        self.form_title = QLabel()
        self.form_title.setProperty("role", "subtitle")
        self.pile_no = QSpinBox()
        self.pile_no.setRange(1, 999)
        self.pass_1, self.pass_2 = QPushButton(), QPushButton()
        self._passes = QButtonGroup(self)
        for button in (self.pass_1, self.pass_2):
            button.setCheckable(True)
            self._passes.addButton(button)
        self.pass_1.setChecked(True)
        # C5: who enters is a member of the bureau, chosen from its record; without members the form says so
        self.member = MemberChoice()
        self.member.entered.connect(self.start)
        self.no_members = wrapped_label()
        self.no_members.setVisible(False)
        member_box = QWidget()
        member_layout = QVBoxLayout(member_box)
        member_layout.setContentsMargins(0, 0, 0, 0)
        member_layout.addWidget(self.member)
        member_layout.addWidget(self.no_members)
        self.hand_count = HandCountField()
        self.hand_count.returnPressed.connect(self.start)
        self.hand_count.textChanged.connect(lambda _t: self._show_hand_problem())
        self.hand_problem = wrapped_label()
        self.hand_problem.setStyleSheet(f"color:{PALETTE.warning};")
        self.hand_problem.setVisible(False)
        self.start_button = QPushButton()
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(self.start)
        for widget, key in (
            (self.pile_no, "ui.help.pile"),
            (self.member, "ui.help.member"),
            (self.hand_count, "ui.help.hand_count"),
        ):
            self.help.register(widget, key)
        passes = QHBoxLayout()
        passes.addWidget(self.pass_1)
        passes.addWidget(self.pass_2)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: the fields get the width
        self.form_labels = [QLabel() for _ in range(4)]
        self.form.addRow(self.form_labels[0], self.pile_no)
        self.form.addRow(self.form_labels[1], passes)
        self.form.addRow(self.form_labels[2], member_box)
        self.form.addRow(self.form_labels[3], self.hand_count)
        self.form.addRow(self.hand_problem)
        card = QFrame()
        card.setProperty("role", "card")
        card.setFixedWidth(420)
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(self.form_title)
        card_layout.addLayout(self.form)
        card_layout.addWidget(self.start_button)
        card_layout.addWidget(self.help)
        card_layout.addStretch(1)
        # a pass entered on the wrong pile is thrown away and entered again (C5); two taps, it cannot be undone
        self.discard_button = ConfirmButton(self._discard_label, self._discard_armed_label)
        self.discard_button.confirmed.connect(self.discard)
        card_layout.addWidget(self.discard_button)
        self.pile_no.valueChanged.connect(lambda _v: self._show_choice())
        self._passes.buttonToggled.connect(lambda *_: self._show_choice())

        self.differences_button = QPushButton()
        self.differences_button.clicked.connect(self.show_differences.emit)
        self.close_button = ConfirmButton(
            lambda: self.t("ui.overview.close"), lambda: self.t("ui.overview.close_armed")
        )
        self.close_button.confirmed.connect(self.close_entry)
        self.reopen_button = ConfirmButton(
            lambda: self.t("ui.overview.reopen"), lambda: self.t("ui.overview.reopen_armed")
        )
        self.reopen_button.confirmed.connect(self.reopen_entry)
        self.checks_button = QPushButton()
        self.checks_button.setProperty("role", "primary")
        self.checks_button.clicked.connect(self.show_checks.emit)
        self.record_button = QPushButton()
        self.record_button.clicked.connect(self.show_record.emit)
        self.table_button = QPushButton()
        self.table_button.setProperty("role", "primary")
        self.table_button.clicked.connect(self.show_table.emit)
        actions = QHBoxLayout()
        actions.addWidget(self.record_button)
        actions.addWidget(self.table_button)
        actions.addStretch(1)
        for button in (self.differences_button, self.reopen_button, self.close_button, self.checks_button):
            actions.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.banner)
        left.addWidget(self.table, 1)
        left.addLayout(actions)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(left, 1)
        layout.addWidget(card)

    # --- state ---------------------------------------------------------------------------------------------------

    def show_session(self, session: SessionPort) -> None:
        self.session = session
        self._follow(session)
        self.refresh()
        self._suggest()

    def _follow(self, session: SessionPort) -> None:
        """Keep the member choice in step with the session: the record may change on another screen."""
        observed = session if isinstance(session, ObservedSession) else None
        if observed is self._observed:
            return
        if self._observed is not None:
            self._observed.changed.disconnect(self._show_members)
        if observed is not None:
            observed.changed.connect(self._show_members)
        self._observed = observed

    def refresh(self) -> None:
        if self.session is None:
            return
        count = self.session.count
        rows = piles(count)
        self.table.setRowCount(len(rows))
        for row, pile in enumerate(rows):
            cells = (
                str(pile.number),
                _or_dash(pile.counted_by_hand),
                self._pass_text(pile, Pass.FIRST),
                self._pass_text(pile, Pass.SECOND),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            text, urgency = self._differences_text(pile)
            item = QTableWidgetItem(text)
            if urgency is not None:
                fg, bg = PALETTE.colours(urgency)
                item.setForeground(QColor(fg))
                item.setBackground(QColor(bg))
            self.table.setItem(row, 4, item)
        entering = count.phase in (Phase.SETUP, Phase.ENTERING)
        n_open = len(open_differences(count))
        self.differences_button.setText(self.t("ui.overview.differences", count=n_open))
        # a decision needs both passes of its pile: a pile entered once is entered again, never settled instead
        self.differences_button.setEnabled(n_open > 0)
        self.start_button.setEnabled(entering)
        self.table_button.setVisible(entering)
        self.close_button.setVisible(count.phase is Phase.ENTERING)
        self.reopen_button.setVisible(count.phase in (Phase.DIFFERENCES, Phase.CHECKS))
        self.checks_button.setVisible(count.phase is Phase.CHECKS)
        self.close_button.refresh()
        self.reopen_button.refresh()
        self._show_members()
        self._show_choice()

    def members(self) -> tuple[str, ...]:
        """Who may start a pass: the members in the bureau's record (president, secretary, assessors)."""
        return () if self.session is None else self.session.count.record.operators

    def _show_members(self) -> None:
        """The numbered members in the choice; the one chosen stays chosen when the list is made again."""
        members = self.members()
        if members != self._members:
            chosen = self.member.currentData()
            self.member.blockSignals(True)
            self.member.clear()
            for number, name in enumerate(members, start=1):
                self.member.addItem(self.t("ui.overview.member_item", number=number, name=name), name)
            self.member.setCurrentIndex(self.member.findData(chosen) if chosen in members else -1)
            self.member.blockSignals(False)
            self._members = members
        self.member.setVisible(bool(members))
        self.no_members.setVisible(not members)
        self._show_start()

    def _show_choice(self) -> None:
        """The pile or pass chosen changed: what can be discarded, and what the start button does."""
        self._show_discard()
        self._show_start()

    def _continues(self) -> bool:
        """Whether the chosen pass is under way (after a restart, or left for the overview): start continues it."""
        pile = None if self.session is None else self.session.count.piles.get(self.pile_no.value())
        entry = None if pile is None else pile.entry(self.selected_pass())
        return entry is not None and not entry.finished

    def _show_start(self) -> None:
        if self._continues():
            key = "ui.overview.continue"
        elif not self.members():
            key = "ui.overview.to_record"  # a pass is started by a member: the record comes first
        else:
            key = "ui.overview.start"
        self.start_button.setText(self.t(key))

    def _show_hand_problem(self) -> None:
        """Said while typing: a pile holds at most MAX_PILE_SIZE ballots (the count refuses more on start too)."""
        typed = self.hand_count.value()
        too_many = typed > MAX_PILE_SIZE
        self.hand_problem.setVisible(too_many)
        text = self.t("ui.overview.hand_too_many", counted=typed, maximum=MAX_PILE_SIZE) if too_many else ""
        self.hand_problem.setText(text)

    def _selected_entry(self) -> tuple[Pile | None, int]:
        """The pile chosen in the form, and how many ballots its chosen pass holds (-1: not started)."""
        if self.session is None:
            return None, -1
        pile = self.session.count.piles.get(self.pile_no.value())
        entry = None if pile is None else pile.entry(self.selected_pass())
        return pile, -1 if entry is None else len(entry.ballots)

    def _show_discard(self) -> None:
        """Discarding is offered for a started pass of a pile not yet decided, while entry is open."""
        pile, ballots = self._selected_entry()
        entering = self.session is not None and self.session.count.phase is Phase.ENTERING
        self.discard_button.setVisible(entering and pile is not None and pile.decision is None and ballots >= 0)
        if self.discard_button.armed:
            self.discard_button.disarm()  # the choice changed: the second tap must be about what is shown now
        self.discard_button.refresh()

    def _discard_label(self) -> str:
        pass_name = self.t(f"ui.pass.{int(self.selected_pass())}")
        return self.t("ui.overview.discard", pile=self.pile_no.value(), pass_name=pass_name)

    def _discard_armed_label(self) -> str:
        _pile, ballots = self._selected_entry()
        pass_name = self.t(f"ui.pass.{int(self.selected_pass())}")
        return self.t("ui.discard_armed", pile=self.pile_no.value(), pass_name=pass_name, count=max(ballots, 0))

    def _pass_text(self, pile: Pile, pass_no: Pass) -> str:
        entry = pile.entry(pass_no)
        if entry is None:
            return "—"
        state = self.t("ui.overview.finished" if entry.finished else "ui.overview.busy")
        return self.t("ui.overview.pass_state", operator=entry.operator, count=len(entry.ballots), state=state)

    def _differences_text(self, pile: Pile) -> tuple[str, Urgency | None]:
        if pile.comparison is None:
            return "—", None
        if pile.decision is not None:
            return self.t("ui.overview.decided", name=pile.decision.decided_by), Urgency.OK
        if pile.comparison.agreed:
            return self.t("ui.overview.agreed"), Urgency.OK
        return self.t("ui.overview.open", count=len(pile.comparison.differences)), Urgency.WARNING

    def _suggest(self) -> None:
        """Propose the next pass to enter: an unfinished one first, else a new pile."""
        if self.session is None:
            return
        rows = piles(self.session.count)
        for pile in rows:
            for pass_no in Pass:
                entry = pile.entry(pass_no)
                if entry is None or not entry.finished:
                    self.select_pass(pile.number, pass_no)
                    self.hand_count.setValue(pile.counted_by_hand or 0)  # that pile's count, not the last one typed
                    return
        self.select_pass(max((p.number for p in rows), default=0) + 1, Pass.FIRST)
        self.hand_count.setValue(0)

    def select_pass(self, pile: int, pass_no: Pass) -> None:
        self.pile_no.setValue(pile)
        (self.pass_1 if pass_no is Pass.FIRST else self.pass_2).setChecked(True)

    def _on_row(self, row: int, _column: int) -> None:
        if self.session is None:
            return
        pile = piles(self.session.count)[row]
        missing = [p for p in Pass if (e := pile.entry(p)) is None or not e.finished]
        self.select_pass(pile.number, missing[0] if missing else Pass.FIRST)
        self.hand_count.setValue(pile.counted_by_hand or 0)

    # --- actions -------------------------------------------------------------------------------------------------

    def selected_pass(self) -> Pass:
        return Pass.FIRST if self.pass_1.isChecked() else Pass.SECOND

    def start(self) -> None:
        """Start the chosen pass, or continue it when it is already under way (e.g. after a restart)."""
        session = self.session
        if session is None:
            return
        number, pass_no = self.pile_no.value(), self.selected_pass()
        if self._continues():
            self.enter_pass.emit(number, int(pass_no))
            return
        if not self.members():
            self.show_record.emit()  # C5: no member recorded, nobody can start a pass yet
            return
        hand = self.hand_count.value()
        if hand > MAX_PILE_SIZE:
            self.banner.show_key("ui.overview.hand_too_many", Urgency.WARNING, counted=hand, maximum=MAX_PILE_SIZE)
            self.hand_count.setFocus()
            self.hand_count.selectAll()
            return
        member = self.member.currentData()
        if not isinstance(member, str):
            self.banner.show_key("ui.overview.choose_member", Urgency.WARNING)
            self.member.setFocus()
            return
        event = StartPile(number, pass_no, member, hand or None)
        if self.guard(lambda: session.apply(event), "overview.start"):
            self.member.clear_choice()  # the next pass is someone's own choice again
            self.enter_pass.emit(number, int(pass_no))

    def close_entry(self) -> None:
        session = self.session
        if session is not None and self.guard(lambda: session.apply(CloseEntry()), "overview.close"):
            self.refresh()
            if session.count.phase is Phase.DIFFERENCES:
                self.show_differences.emit()
            else:
                self.show_checks.emit()

    def discard(self) -> None:
        session = self.session
        if session is None:
            return
        number, pass_no = self.pile_no.value(), self.selected_pass()
        if self.guard(lambda: session.apply(DiscardPass(number, pass_no)), "overview.discard"):
            self.banner.show_key("ui.discarded", Urgency.INFO, pile=number, pass_name=self.t(f"ui.pass.{int(pass_no)}"))
            self.refresh()

    def reopen_entry(self) -> None:
        session = self.session
        if session is not None and self.guard(lambda: session.apply(ReopenEntry()), "overview.reopen"):
            self.banner.show_key("ui.overview.reopened", Urgency.INFO)
            self.refresh()

    # --- texts ---------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.t("ui.overview.title"))
        self.table.setHorizontalHeaderLabels([self.t(key) for key in _COLUMNS])
        self.form_title.setText(self.t("ui.overview.start_title"))
        labels = ("ui.overview.pile", "ui.overview.pass", "ui.overview.member", "ui.overview.hand_count")
        for label, key in zip(self.form_labels, labels, strict=True):
            label.setText(self.t(key))
        self.pass_1.setText(self.t("ui.pass.1"))
        self.pass_2.setText(self.t("ui.pass.2"))
        self.hand_count.setPlaceholderText(self.t("ui.overview.hand_unknown"))
        self.member.setPlaceholderText(self.t("ui.overview.member_choose"))
        self.no_members.setText(self.t("ui.overview.no_members"))
        self._members = None  # the numbered items are texts too: make them again
        self._show_members()
        self._show_hand_problem()
        self.checks_button.setText(self.t("ui.overview.to_checks"))
        self.record_button.setText(self.t("ui.overview.record"))
        self.table_button.setText(self.t("ui.overview.keypad_entry"))
        self.refresh()


def _or_dash(value: int | None) -> str:
    return "—" if value is None else str(value)
