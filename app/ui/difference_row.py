"""One difference between the two passes (C5) or one contested ballot (C6), as the bureau decides it: what each pass
read, and the bureau's explicit choice — as the first pass, as the second, or what the bureau found ("something
else": no ballot, one, or several, each typed in the entry screen's mark notation, valid as marked or declared
invalid). Nothing is chosen beforehand: every difference waits for the bureau's own choice, and a contested ballot
also for its verdict. Ballots are said in words, as the entry table says them ("Lijst 2 · kandidaat 3 · Müller
Daan"), never in the keyboard notation ("2 T3") a president does not read."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.counting.double_entry import (
    TAKE_FIRST,
    TAKE_SECOND,
    Choice,
    Difference,
    DifferenceKind,
    Take,
    other,
)
from app.counting.model import Ballot, Election, InvalidReason, Status
from app.errors import TabulaError
from app.ui.mark_text import parse_entry, reason_key
from app.ui.table import ballot_summary
from app.ui.texts import Texts
from app.ui.widgets import HelpPanel, wrapped_label

_VALID = "valid"  # the verdict 'valid as marked' for a contested ballot; the others are InvalidReason values


def fill_verdicts(box: QComboBox, t: Texts, *, explicit: bool = False) -> None:
    """'valid as marked', then 'invalid: <reason>' for every reason; keeps the current choice across languages.

    With `explicit`, nothing is chosen until the bureau chooses (a contested ballot's verdict is the bureau's own);
    else a new box starts at 'valid as marked' (what the bureau typed itself)."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    box.addItem(t("ui.diff.verdict_valid"), _VALID)
    for reason in InvalidReason:
        box.addItem(t("ui.diff.verdict_invalid", reason=t(reason_key(reason))), reason.value)
    if current is not None:
        box.setCurrentIndex(box.findData(current))
    elif explicit:
        box.setCurrentIndex(-1)
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
    """One difference: where the ballot lies, what each pass has, and the bureau's choice (none until it chooses)."""

    changed = Signal()

    def __init__(self, texts: Texts, difference: Difference, help_panel: HelpPanel, election: Election) -> None:
        super().__init__()
        self.t = texts
        self.difference = difference
        self.election = election  # names the lists and candidates of a ballot
        self.help_panel = help_panel
        self.others: list[OtherBallot] = []
        self._other_opened = False
        self.setProperty("role", "card")
        self.where = QLabel()
        self.where.setProperty("role", "subtitle")
        self.what = wrapped_label()
        self.side_1, self.side_2 = QLabel(), QLabel()
        for side in (self.side_1, self.side_2):
            side.setProperty("role", "big")
            side.setWordWrap(True)
            side.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # both start on one line
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
        self.other_summary = wrapped_label()
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
        for column in (0, 1):
            grid.setColumnStretch(column, 1)  # both passes equally wide: ballots in words wrap alike
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
            found = " | ".join(self.said(b) for b in self.other_ballots())
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
            if self.verdict.currentData() is None:
                return None  # C6: the verdict is the bureau's own, never proposed
            return other(self._settled_contest(chosen))  # the decision replaces 'contested' by the verdict
        return TAKE_FIRST if self.take_1.isChecked() else TAKE_SECOND

    def _settled_contest(self, ballot: Ballot) -> Ballot:
        return with_verdict(ballot, self.verdict.currentData())

    def said(self, ballot: Ballot | None) -> str:
        """A ballot in words, as the entry table says it; None is 'no ballot' (a place one pass does not have)."""
        return self.t("ui.ballot.none") if ballot is None else ballot_summary(ballot, self.election, self.t)

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
        self.side_1.setText(self.said(d.ballot_1))
        self.side_2.setText(self.said(d.ballot_2))
        contested = d.kind is DifferenceKind.CONTESTED
        self.take_1.setText(self.t("ui.diff.take_as_entered" if contested else "ui.diff.take_1"))
        self.take_2.setText(self.t("ui.diff.take_2"))
        self.take_other.setText(self.t("ui.diff.take_other"))
        self.add_other.setText(self.t("ui.diff.add_ballot"))
        self.no_ballot.setText(self.t("ui.diff.no_ballot"))
        self.verdict_label.setText(self.t("ui.diff.verdict"))
        fill_verdicts(self.verdict, self.t, explicit=True)
        for other_ballot in self.others:  # the row retranslates its own ballots: no connection outlives them
            other_ballot.retranslate()
        self._show_other_summary()


def _pos(position: int | None) -> str:
    return "—" if position is None else str(position)
