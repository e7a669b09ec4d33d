"""Settling differences (C5) and contested ballots (C6): per pile, pass 1 and pass 2 side by side; the bureau
looks at the physical ballot and records what it really shows, and who decided.

"Something else" records what physically lies at that place: no ballot, one, or several (e.g. two ballots both
passes skipped), each typed in the entry screen's mark notation, each valid as marked or declared invalid."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.counting.count import Decide, Phase, Pile, open_differences, piles
from app.counting.double_entry import (
    TAKE_FIRST,
    TAKE_SECOND,
    Choice,
    Decision,
    Difference,
    DifferenceKind,
    Take,
    other,
    settled_content,
)
from app.counting.model import Ballot, InvalidReason, Status
from app.errors import BadInput, TabulaError
from app.ui.mark_text import ballot_text, parse_entry, reason_key
from app.ui.ports import SessionPort
from app.ui.texts import Texts
from app.ui.theme import Urgency
from app.ui.widgets import ErrorSink, HelpPanel, Screen

_VALID = "valid"  # the verdict 'valid as marked' for a contested ballot; the others are InvalidReason values


def fill_verdicts(box: QComboBox, t: Texts) -> None:
    """'valid as marked', then 'invalid: <reason>' for every reason; keeps the current choice across languages."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    box.addItem(t("ui.diff.verdict_valid"), _VALID)
    for reason in InvalidReason:
        box.addItem(t("ui.diff.verdict_invalid", reason=t(reason_key(reason))), reason.value)
    if current is not None:
        box.setCurrentIndex(box.findData(current))
    box.blockSignals(False)


def with_verdict(marks: Ballot, verdict: object) -> Ballot:
    """The ballot as the bureau decided it: valid as marked, or declared invalid for the reason chosen."""
    if verdict == _VALID or verdict is None:
        return Ballot(marks.marks)
    return Ballot(marks.marks, Status.DECLARED_INVALID, InvalidReason(str(verdict)))


class OtherBallot(QWidget):
    """One ballot the bureau found at the place of a difference: its marks (empty: blank) and its verdict."""

    changed = Signal()
    remove = Signal(object)

    def __init__(self, texts: Texts, help_panel: HelpPanel) -> None:
        super().__init__()
        self.t = texts
        self.marks = QLineEdit()
        self.marks.setProperty("role", "marks")
        self.marks.textEdited.connect(lambda _t: self.changed.emit())
        help_panel.register(self.marks, "ui.help.other_marks")
        self.verdict = QComboBox()
        self.verdict.currentIndexChanged.connect(lambda _i: self.changed.emit())
        help_panel.register(self.verdict, "ui.help.other_verdict")
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(lambda: self.remove.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.marks, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.remove_button)
        self.retranslate()

    def ballot(self) -> Ballot:
        """BadInput (the entry screen's messages) for marks that cannot be read."""
        return with_verdict(Ballot(parse_entry(self.marks.text())), self.verdict.currentData())

    def retranslate(self) -> None:
        self.marks.setPlaceholderText(self.t("ui.diff.other_placeholder"))
        self.remove_button.setText(self.t("ui.bureau.remove"))
        fill_verdicts(self.verdict, self.t)


class DifferenceRow(QFrame):
    """One difference: where the ballot lies, what each pass has, and the bureau's choice."""

    changed = Signal()

    def __init__(self, texts: Texts, difference: Difference, help_panel: HelpPanel) -> None:
        super().__init__()
        self.t = texts
        self.difference = difference
        self.help_panel = help_panel
        self.others: list[OtherBallot] = []
        self._other_opened = False
        self.setProperty("role", "card")
        self.where = QLabel()
        self.where.setProperty("role", "subtitle")
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.side_1, self.side_2 = QLabel(), QLabel()
        for side in (self.side_1, self.side_2):
            side.setProperty("role", "big")
            side.setWordWrap(True)
        self.take_1, self.take_2, self.take_other = QPushButton(), QPushButton(), QPushButton()
        self._group = QButtonGroup(self)
        for button in (self.take_1, self.take_2, self.take_other):
            button.setCheckable(True)
            self._group.addButton(button)
        self._group.buttonToggled.connect(lambda *_: self._on_choice())
        self.take_2.setVisible(difference.kind is not DifferenceKind.CONTESTED)  # both passes agree there
        self.add_other = QPushButton()
        self.add_other.clicked.connect(lambda: self.add_ballot())
        self.no_ballot = QPushButton()
        self.no_ballot.clicked.connect(self.clear_ballots)
        self.other_summary = QLabel()
        self.other_summary.setWordWrap(True)
        self.verdict = QComboBox()
        self.verdict.currentIndexChanged.connect(lambda _i: self.changed.emit())
        grid = QGridLayout(self)
        grid.addWidget(self.where, 0, 0, 1, 3)
        grid.addWidget(self.what, 1, 0, 1, 3)
        self.head_1, self.head_2 = QLabel(), QLabel()
        grid.addWidget(self.head_1, 2, 0)
        grid.addWidget(self.head_2, 2, 1)
        grid.addWidget(self.side_1, 3, 0)
        grid.addWidget(self.side_2, 3, 1)
        buttons = QHBoxLayout()
        for button in (self.take_1, self.take_2, self.take_other):
            buttons.addWidget(button)
        grid.addLayout(buttons, 4, 0, 1, 3)
        self.other_box = QWidget()
        other_layout = QVBoxLayout(self.other_box)
        other_layout.setContentsMargins(0, 0, 0, 0)
        self.others_box = QVBoxLayout()
        other_layout.addLayout(self.others_box)
        other_buttons = QHBoxLayout()
        other_buttons.addWidget(self.add_other)
        other_buttons.addWidget(self.no_ballot)
        other_buttons.addWidget(self.other_summary, 1)
        other_layout.addLayout(other_buttons)
        grid.addWidget(self.other_box, 5, 0, 1, 3)
        self.verdict_label = QLabel()
        grid.addWidget(self.verdict_label, 6, 0)
        grid.addWidget(self.verdict, 6, 1, 1, 2)
        self.retranslate()
        self._on_choice()

    # --- 'something else': no ballot, one or several ---------------------------------------------------------------

    def add_ballot(self, text: str = "") -> OtherBallot:
        other_ballot = OtherBallot(self.t, self.help_panel)
        other_ballot.marks.setText(text)
        other_ballot.changed.connect(self._on_others)
        other_ballot.remove.connect(self.remove_ballot)
        self.t.changed.connect(lambda _l, o=other_ballot: o.retranslate())
        self.others.append(other_ballot)
        self.others_box.addWidget(other_ballot)
        if self.isVisible():
            other_ballot.marks.setFocus()
        self._on_others()
        return other_ballot

    def remove_ballot(self, other_ballot: object) -> None:
        assert isinstance(other_ballot, OtherBallot)
        self.others.remove(other_ballot)
        self.others_box.removeWidget(other_ballot)
        other_ballot.hide()  # deleteLater waits for the event loop
        other_ballot.deleteLater()
        self._on_others()

    def clear_ballots(self) -> None:
        """'There is no ballot here': the place holds nothing (a ballot entered twice, for instance)."""
        for other_ballot in list(self.others):
            self.remove_ballot(other_ballot)

    def other_ballots(self) -> tuple[Ballot, ...]:
        return tuple(o.ballot() for o in self.others)

    def _on_others(self) -> None:
        self._show_other_summary()
        self.changed.emit()

    def _show_other_summary(self) -> None:
        if not self.others:
            self.other_summary.setText(self.t("ui.diff.other_none"))
            return
        try:
            found = " · ".join(ballot_text(b, self.t) for b in self.other_ballots())
        except TabulaError as error:
            self.other_summary.setText(self.t.error(error))
            return
        self.other_summary.setText(self.t("ui.diff.other_some", count=len(self.others), ballots=found))

    def _on_choice(self) -> None:
        if self.take_other.isChecked() and not self.others and not self._other_opened:
            self.add_ballot()  # the usual case is one ballot; 'no ballot' is one tap away
        self._other_opened = self._other_opened or self.take_other.isChecked()
        self.other_box.setVisible(self.take_other.isChecked())
        needs_verdict = self._chosen_contested()
        self.verdict_label.setVisible(needs_verdict)
        self.verdict.setVisible(needs_verdict)
        self.changed.emit()

    def _chosen_contested(self) -> bool:
        ballot = self._chosen_pass_ballot()
        return ballot is not None and ballot.status is Status.CONTESTED

    def _chosen_pass_ballot(self) -> Ballot | None:
        if self.take_1.isChecked():
            return self.difference.ballot_1
        if self.take_2.isChecked():
            return self.difference.ballot_2
        return None

    def choice(self) -> Choice | None:
        """The bureau's choice, or None when none is made yet; BadInput for 'other' marks that cannot be read."""
        if self.take_other.isChecked():
            return other(*self.other_ballots())
        chosen = self._chosen_pass_ballot()
        if chosen is None and not (self.take_1.isChecked() or self.take_2.isChecked()):
            return None
        if chosen is not None and chosen.status is Status.CONTESTED:
            return other(self._settled_contest(chosen))  # C6: the decision replaces 'contested' by a verdict
        return TAKE_FIRST if self.take_1.isChecked() else TAKE_SECOND

    def _settled_contest(self, ballot: Ballot) -> Ballot:
        return with_verdict(ballot, self.verdict.currentData())

    def choose(self, take: Take) -> None:
        {Take.FIRST: self.take_1, Take.SECOND: self.take_2, Take.OTHER: self.take_other}[take].setChecked(True)

    def retranslate(self) -> None:
        d = self.difference
        self.where.setText(
            self.t("ui.diff.where", pile=d.pile, position_1=_pos(d.position_1), position_2=_pos(d.position_2))
        )
        what = self.t(f"ui.diff.kind.{d.kind.value}")
        if d.repeated:
            what = f"{what} {self.t('ui.diff.repeated')}"
        self.what.setText(what)
        self.head_1.setText(self.t("ui.pass.1"))
        self.head_2.setText(self.t("ui.pass.2"))
        self.side_1.setText(ballot_text(d.ballot_1, self.t))
        self.side_2.setText(ballot_text(d.ballot_2, self.t))
        contested = d.kind is DifferenceKind.CONTESTED
        self.take_1.setText(self.t("ui.diff.take_as_entered" if contested else "ui.diff.take_1"))
        self.take_2.setText(self.t("ui.diff.take_2"))
        self.take_other.setText(self.t("ui.diff.take_other"))
        self.add_other.setText(self.t("ui.diff.add_ballot"))
        self.no_ballot.setText(self.t("ui.diff.no_ballot"))
        self.verdict_label.setText(self.t("ui.diff.verdict"))
        fill_verdicts(self.verdict, self.t)
        self._show_other_summary()


def _pos(position: int | None) -> str:
    return "—" if position is None else str(position)


class DifferencesScreen(Screen):
    """Piles with open differences; the rows of the pile picked; the decision with the name of who took it."""

    leave = Signal()
    to_checks = Signal()

    def __init__(self, texts: Texts, errors: ErrorSink) -> None:
        super().__init__(texts, errors)
        self.session: SessionPort | None = None
        self.pile: int | None = None
        self.rows: list[DifferenceRow] = []
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.pile_list = QListWidget()
        self.pile_list.setFixedWidth(240)
        self.pile_list.currentRowChanged.connect(self._on_pile)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.rows_box = QVBoxLayout()
        rows_widget = QWidget()
        rows_layout = QVBoxLayout(rows_widget)
        rows_layout.addLayout(self.rows_box)
        rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(rows_widget)
        self.outcome = QLabel()
        self.decided_by = QLineEdit()
        self.note = QLineEdit()
        self.help.register(self.decided_by, "ui.help.decided_by")
        self.help.register(self.note, "ui.help.note")
        self.decide_button = QPushButton()
        self.decide_button.setProperty("role", "primary")
        self.decide_button.clicked.connect(self.decide)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.leave.emit)
        self.by_label, self.note_label = QLabel(), QLabel()
        decide = QHBoxLayout()
        decide.addWidget(self.by_label)
        decide.addWidget(self.decided_by, 2)
        decide.addWidget(self.note_label)
        decide.addWidget(self.note, 2)
        decide.addWidget(self.decide_button)
        centre = QVBoxLayout()
        centre.addWidget(self.counts)
        centre.addWidget(scroll, 1)
        centre.addWidget(self.outcome)
        centre.addLayout(decide)
        centre.addWidget(self.help)
        middle = QHBoxLayout()
        side = QVBoxLayout()
        side.addWidget(self.pile_list, 1)
        side.addWidget(self.back_button)
        middle.addLayout(side)
        middle.addLayout(centre, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)

    # --- state ---------------------------------------------------------------------------------------------------

    def show_session(self, session: SessionPort) -> None:
        self.session = session
        self.refresh()

    def open_piles(self) -> list[Pile]:
        if self.session is None:
            return []
        return [p for p in piles(self.session.count) if p.open_differences]

    def refresh(self) -> None:
        waiting = self.open_piles()
        self.pile_list.blockSignals(True)
        self.pile_list.clear()
        for pile in waiting:
            self.pile_list.addItem(self.t("ui.diff.pile_item", pile=pile.number, count=len(pile.open_differences)))
        self.pile_list.blockSignals(False)
        numbers = [p.number for p in waiting]
        row = numbers.index(self.pile) if self.pile in numbers else (0 if numbers else -1)
        self.pile_list.setCurrentRow(row)
        self._on_pile(row)

    def _on_pile(self, row: int) -> None:
        waiting = self.open_piles()
        pile = waiting[row] if 0 <= row < len(waiting) else None
        if pile is not None and pile.number == self.pile and self.rows:
            return  # the same pile: keep the choices made so far
        for old in self.rows:
            self.rows_box.removeWidget(old)
            old.hide()  # deleteLater waits for the event loop
            old.deleteLater()
        self.rows = []
        self.pile = None if pile is None else pile.number
        if pile is None:
            self.counts.setText(self.t("ui.diff.none_open"))
            self.outcome.setText("")
            self.decide_button.setEnabled(False)
            return
        for difference in pile.open_differences:
            if difference.needs_choice:
                row_widget = DifferenceRow(self.t, difference, self.help)
                row_widget.changed.connect(self._show_outcome)
                self.t.changed.connect(lambda _l, w=row_widget: w.retranslate())
                self.rows.append(row_widget)
                self.rows_box.addWidget(row_widget)
        self.decide_button.setEnabled(True)
        self._show_counts(pile)
        self._show_outcome()

    def _show_counts(self, pile: Pile) -> None:
        lines = [self.t("ui.diff.pile_title", pile=pile.number)]
        for d in pile.open_differences:
            if not d.needs_choice:
                pass_no = 1 if d.kind is DifferenceKind.COUNT_FIRST else 2
                lines.append(
                    self.t(
                        "ui.diff.count", pass_name=self.t(f"ui.pass.{pass_no}"), entered=d.entered, counted=d.counted
                    )
                )
        self.counts.setText("\n".join(lines))

    def _choices(self) -> dict[Difference, Choice]:
        choices: dict[Difference, Choice] = {}
        for row in self.rows:
            choice = row.choice()
            if choice is None:
                ref = row.difference.ref
                raise BadInput(
                    "count.choice_missing", pile=row.difference.pile, position=None if ref is None else ref.position
                )
            choices[row.difference] = choice
        return choices

    def _content(self) -> tuple[Ballot, ...]:
        pile = self._pile()
        assert pile is not None and pile.comparison is not None
        return settled_content(pile.comparison, self._choices())

    def _pile(self) -> Pile | None:
        if self.session is None or self.pile is None:
            return None
        return self.session.count.piles.get(self.pile)

    def _show_outcome(self) -> None:
        """The pile's ballot count after these choices, next to the hand count: a last look before deciding."""
        pile = self._pile()
        if pile is None:
            return
        try:
            content = self._content()
        except TabulaError:
            self.outcome.setText(self.t("ui.diff.outcome_pending"))
            return
        counted = "—" if pile.counted_by_hand is None else str(pile.counted_by_hand)
        self.outcome.setText(self.t("ui.diff.outcome", count=len(content), counted=counted))

    # --- actions -------------------------------------------------------------------------------------------------

    def decide(self) -> None:
        session, pile = self.session, self._pile()
        if session is None or pile is None:
            return

        def act() -> None:
            decision = Decision(
                pile.number,
                self._content(),
                self.decided_by.text().strip(),
                dt.datetime.now(dt.UTC),
                self.note.text().strip(),
            )
            session.apply(Decide(decision))

        if not self.guard(act, "differences.decide"):
            return
        number = pile.number
        self.note.clear()
        self.rows, self.pile = self._drop_rows(), None
        self.banner.show_key("ui.diff.decided", Urgency.OK, pile=number)
        if not open_differences(session.count) and session.count.phase is Phase.CHECKS:
            self.to_checks.emit()
            return
        self.refresh()

    def _drop_rows(self) -> list[DifferenceRow]:
        for old in self.rows:
            self.rows_box.removeWidget(old)
            old.hide()  # deleteLater waits for the event loop
            old.deleteLater()
        return []

    # --- texts ---------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.t("ui.diff.title"))
        self.intro.setText(self.t("ui.diff.intro"))
        self.by_label.setText(self.t("ui.diff.decided_by"))
        self.note_label.setText(self.t("ui.diff.note"))
        self.decide_button.setText(self.t("ui.diff.decide"))
        self.back_button.setText(self.t("ui.entry.back"))
        pile = self._pile()
        if pile is not None:
            self._show_counts(pile)
            self._show_outcome()
        for row, item_pile in enumerate(self.open_piles()):
            item = self.pile_list.item(row)
            if item is not None:
                item.setText(self.t("ui.diff.pile_item", pile=item_pile.number, count=len(item_pile.open_differences)))
