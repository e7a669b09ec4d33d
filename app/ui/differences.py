"""Settling differences (C5) and contested ballots (C6): per pile, pass 1 and pass 2 side by side; the bureau
looks at the physical ballot and records what it really shows, and who decided.

"Something else" records what physically lies at that place: no ballot, one, or several (e.g. two ballots both
passes skipped), each typed in the entry screen's mark notation, each valid as marked or declared invalid.

The bureau may also settle a whole pile that was entered only once (the other pass is missing) or not at all: the
pass there is becomes the starting content, one editable line per ballot, and the decision replaces both passes
(`Decide`, as in the contract's decisions file)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.counting.count import MAX_PILE_NUMBER, Count, Decide, Phase, Pile, open_differences, piles, settleable_piles
from app.counting.double_entry import (
    MAX_PILE_SIZE,
    TAKE_FIRST,
    TAKE_SECOND,
    Choice,
    Decision,
    Difference,
    DifferenceKind,
    Pass,
    Take,
    other,
    settled_content,
)
from app.counting.model import Ballot, InvalidReason, Status
from app.errors import BadInput, TabulaError
from app.ui.mark_text import ballot_text, format_entry, parse_entry, reason_key
from app.ui.ports import SessionPort
from app.ui.texts import Texts
from app.ui.theme import PALETTE, Urgency
from app.ui.widgets import ErrorSink, HelpPanel, Screen, title_label, wrapped_label

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

    def set_ballot(self, ballot: Ballot) -> None:
        """Show `ballot`: its marks, and its verdict (a contested ballot is proposed as valid, to be decided)."""
        self.marks.setText(format_entry(ballot.marks))
        reason = ballot.invalid_reason if ballot.status is Status.DECLARED_INVALID else None
        self.verdict.setCurrentIndex(self.verdict.findData(_VALID if reason is None else reason.value))

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
        self.what = wrapped_label()
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
        for other_ballot in self.others:  # the row retranslates its own ballots: no connection outlives them
            other_ballot.retranslate()
        self._show_other_summary()


def _pos(position: int | None) -> str:
    return "—" if position is None else str(position)


# --- a pile settled as a whole: entered once, or not at all -------------------------------------------------------


class PileLine(QWidget):
    """One ballot of a pile the bureau settles as a whole: its place in the pile, its content and verdict, a button
    to put a ballot in before it, and a flag when the pass marked it contested (C6: the verdict replaces the flag)."""

    insert = Signal(object)

    def __init__(self, texts: Texts, help_panel: HelpPanel, ballot: Ballot | None) -> None:
        super().__init__()
        self.t = texts
        self.place = QLabel()
        self.place.setFixedWidth(40)
        self.ballot_edit = OtherBallot(texts, help_panel)
        self.contested = ballot is not None and ballot.status is Status.CONTESTED
        if ballot is not None:
            self.ballot_edit.set_ballot(ballot)
        self.flag = QLabel()
        self.flag.setStyleSheet(f"color:{PALETTE.warning}; font-weight:bold;")
        self.flag.setVisible(self.contested)
        self.insert_button = QPushButton()
        self.insert_button.clicked.connect(lambda: self.insert.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.place)
        layout.addWidget(self.ballot_edit, 1)
        layout.addWidget(self.flag)
        layout.addWidget(self.insert_button)
        self.retranslate()

    def set_position(self, position: int) -> None:
        self.place.setText(f"{position}.")

    def retranslate(self) -> None:
        self.ballot_edit.retranslate()
        self.flag.setText(self.t("ui.diff.settle_contested"))
        self.insert_button.setText(self.t("ui.diff.settle_insert"))


class PileEditor(QFrame):
    """The whole content of a pile as the bureau settles it, one editable line per ballot in pile order. A pile
    entered once starts from the pass there is; a pile never entered starts empty, and the bureau gives its number."""

    changed = Signal()

    def __init__(
        self, texts: Texts, help_panel: HelpPanel, start: tuple[Ballot, ...], number: int | None, suggested: int
    ) -> None:
        super().__init__()
        self.t = texts
        self.help_panel = help_panel
        self.setProperty("role", "card")
        self.fixed_number = number
        self.lines: list[PileLine] = []
        self.number_label = QLabel()
        self.pile_no = QSpinBox()
        self.pile_no.setRange(1, MAX_PILE_NUMBER)
        self.pile_no.setValue(min(max(suggested, 1), MAX_PILE_NUMBER))
        self.pile_no.valueChanged.connect(lambda _v: self.changed.emit())
        help_panel.register(self.pile_no, "ui.help.settle_pile")
        number_row = QHBoxLayout()
        number_row.addWidget(self.number_label)
        number_row.addWidget(self.pile_no)
        number_row.addStretch(1)
        self.number_box = QWidget()
        self.number_box.setLayout(number_row)
        self.number_box.setVisible(number is None)
        self.lines_box = QVBoxLayout()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_line(focus=True))
        self.empty = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.number_box)
        layout.addLayout(self.lines_box)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for ballot in start:
            self.add_line(ballot)
        self.retranslate()
        self._renumber()

    def number(self) -> int:
        return self.fixed_number if self.fixed_number is not None else self.pile_no.value()

    def add_line(self, ballot: Ballot | None = None, *, at: int | None = None, focus: bool = False) -> PileLine:
        """A ballot line at place `at` (0-based; default: at the end of the pile)."""
        line = PileLine(self.t, self.help_panel, ballot)
        line.ballot_edit.changed.connect(self.changed.emit)
        line.ballot_edit.remove.connect(self.remove_line)
        line.insert.connect(lambda before: self.add_line(at=self.lines.index(before), focus=True))
        index = len(self.lines) if at is None else at
        self.lines.insert(index, line)
        self.lines_box.insertWidget(index, line)
        if focus and self.isVisible():
            line.ballot_edit.marks.setFocus()
        self._renumber()
        self.changed.emit()
        return line

    def remove_line(self, ballot_edit: object) -> None:
        line = next(line for line in self.lines if line.ballot_edit is ballot_edit)
        self.lines.remove(line)
        self.lines_box.removeWidget(line)
        line.hide()  # deleteLater waits for the event loop
        line.deleteLater()
        self._renumber()
        self.changed.emit()

    def ballots(self) -> tuple[Ballot, ...]:
        """The pile as settled; BadInput (the entry screen's messages) for marks that cannot be read."""
        return tuple(line.ballot_edit.ballot() for line in self.lines)

    def _renumber(self) -> None:
        for position, line in enumerate(self.lines, start=1):
            line.set_position(position)
        full = len(self.lines) >= MAX_PILE_SIZE
        self.add_button.setEnabled(not full)
        for line in self.lines:
            line.insert_button.setEnabled(not full)
        self.empty.setVisible(not self.lines)

    def retranslate(self) -> None:
        self.number_label.setText(self.t("ui.diff.settle_number"))
        self.add_button.setText(self.t("ui.diff.add_ballot"))
        self.empty.setText(self.t("ui.diff.settle_empty"))
        for line in self.lines:
            line.retranslate()


def entered_pass(pile: Pile) -> Pass:
    """The pass a pile entered once starts from: pass 1 when there is one."""
    return Pass.FIRST if pile.first is not None else Pass.SECOND


class ItemKind(enum.Enum):
    DIFFERENCES = "differences"  # both passes compared, something open
    ONCE = "once"  # one pass finished, the other one missing
    NEW = "new"  # a pile not entered at all


@dataclass(frozen=True)
class PileItem:
    """One line of the screen's pile list; `number` is None for 'a pile not entered' (the bureau gives it)."""

    kind: ItemKind
    number: int | None = None


# --- the screen -----------------------------------------------------------------------------------------------------


class DifferencesScreen(Screen):
    """Piles with open differences, piles entered once, and 'a pile not entered'; the rows (or the whole content)
    of the pile picked; the decision with the name of who took it."""

    leave = Signal()
    to_checks = Signal()

    def __init__(self, texts: Texts, errors: ErrorSink) -> None:
        super().__init__(texts, errors)
        self.session: SessionPort | None = None
        self.pile: int | None = None
        self.selected: PileItem | None = None
        self.rows: list[DifferenceRow] = []
        self.editor: PileEditor | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.title = title_label()
        self.intro = wrapped_label()
        self.pile_list = QListWidget()
        self.pile_list.setFixedWidth(240)
        self.pile_list.setWordWrap(True)
        self.pile_list.currentRowChanged.connect(self._on_pile)
        self.counts = wrapped_label()
        self.rows_box = QVBoxLayout()
        rows_widget = QWidget()
        rows_layout = QVBoxLayout(rows_widget)
        rows_layout.addLayout(self.rows_box)
        rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(rows_widget)
        self.outcome = wrapped_label()
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

    def items(self) -> list[PileItem]:
        """What the bureau can settle here: piles with open differences, piles entered once, a pile not entered."""
        if self.session is None:
            return []
        count = self.session.count
        result = [PileItem(ItemKind.DIFFERENCES, p.number) for p in self.open_piles()]
        result += [PileItem(ItemKind.ONCE, p.number) for p in settleable_piles(count)]
        if count.phase in (Phase.ENTERING, Phase.DIFFERENCES, Phase.CHECKS):
            result.append(PileItem(ItemKind.NEW))
        return result

    def select_item(self, item: PileItem) -> None:
        """Pick a line of the pile list (as a tap on it does)."""
        self.pile_list.setCurrentRow(self.items().index(item))

    def refresh(self) -> None:
        items = self.items()
        self.pile_list.blockSignals(True)
        self.pile_list.clear()
        for item in items:
            self.pile_list.addItem(self._item_text(item))
        self.pile_list.blockSignals(False)
        if self.selected in items:
            row = items.index(self.selected)
        else:  # the first pile waiting; 'a pile not entered' only when the bureau picks it
            row = next((i for i, item in enumerate(items) if item.kind is not ItemKind.NEW), -1)
        self.pile_list.setCurrentRow(row)
        self._on_pile(row)

    def _on_pile(self, row: int) -> None:
        items = self.items()
        item = items[row] if 0 <= row < len(items) else None
        if item is not None and item == self.selected and (self.rows or self.editor is not None):
            return  # the same pile: keep the choices made so far
        self._clear()
        self.selected = item
        self.pile = None if item is None else item.number
        if item is None:
            self.counts.setText(self.t("ui.diff.none_open"))
            self.outcome.setText("")
            self.decide_button.setEnabled(False)
            return
        pile = self._pile()
        if item.kind is ItemKind.DIFFERENCES:
            assert pile is not None
            for difference in pile.open_differences:
                if difference.needs_choice:
                    row_widget = DifferenceRow(self.t, difference, self.help)
                    row_widget.changed.connect(self._show_outcome)
                    self.rows.append(row_widget)
                    self.rows_box.addWidget(row_widget)
        else:
            start = () if pile is None else _entered_ballots(pile)
            suggested = 1 + max(self.session.count.piles, default=0) if self.session is not None else 1
            self.editor = PileEditor(self.t, self.help, start, item.number, suggested)
            self.editor.changed.connect(self._show_outcome)
            self.rows_box.addWidget(self.editor)
        self.decide_button.setEnabled(True)
        self._show_counts()
        self._show_outcome()

    def _clear(self) -> None:
        for old in [*self.rows, *([self.editor] if self.editor is not None else [])]:
            self.rows_box.removeWidget(old)
            old.hide()  # deleteLater waits for the event loop
            old.deleteLater()
        self.rows, self.editor = [], None

    def _show_counts(self) -> None:
        item, pile = self.selected, self._pile()
        if item is None:
            return
        if item.kind is ItemKind.NEW:
            self.counts.setText(self.t("ui.diff.settle_new"))
            return
        assert pile is not None
        lines = [self.t("ui.diff.pile_title", pile=pile.number)]
        if item.kind is ItemKind.ONCE:
            pass_no = entered_pass(pile)
            entry = pile.entry(pass_no)
            assert entry is not None
            lines.append(
                self.t(
                    "ui.diff.settle_once",
                    pass_name=self.t(f"ui.pass.{int(pass_no)}"),
                    other=self.t(f"ui.pass.{int(pass_no.other)}"),
                    operator=entry.operator,
                    entered=len(entry.ballots),
                )
            )
        for d in pile.open_differences:
            if not d.needs_choice:
                pass_no_ = 1 if d.kind is DifferenceKind.COUNT_FIRST else 2
                lines.append(
                    self.t(
                        "ui.diff.count", pass_name=self.t(f"ui.pass.{pass_no_}"), entered=d.entered, counted=d.counted
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
        if self.editor is not None:
            return self.editor.ballots()
        pile = self._pile()
        assert pile is not None and pile.comparison is not None
        return settled_content(pile.comparison, self._choices())

    def _pile(self) -> Pile | None:
        if self.session is None or self.pile is None:
            return None
        return self.session.count.piles.get(self.pile)

    def _show_outcome(self) -> None:
        """The pile's ballot count after these choices, next to the hand count: a last look before deciding."""
        if self.selected is None:
            return
        pile = self._pile()
        try:
            content = self._content()
        except TabulaError as error:
            self.outcome.setText(self.t.error(error) if self.editor is not None else self.t("ui.diff.outcome_pending"))
            return
        counted = "—" if pile is None or pile.counted_by_hand is None else str(pile.counted_by_hand)
        self.outcome.setText(self.t("ui.diff.outcome", count=len(content), counted=counted))

    # --- actions -------------------------------------------------------------------------------------------------

    def decide(self) -> None:
        session, item = self.session, self.selected
        if session is None or item is None:
            return
        decided: list[int] = []

        def act() -> None:
            number = self._decision_pile(session.count)
            decision = Decision(
                number,
                self._content(),
                self.decided_by.text().strip(),
                dt.datetime.now(dt.UTC),
                self.note.text().strip(),
            )
            session.apply(Decide(decision))
            decided.append(number)

        if not self.guard(act, "differences.decide"):
            return
        self.note.clear()
        self._clear()
        self.selected, self.pile = None, None
        self.banner.show_key("ui.diff.decided", Urgency.OK, pile=decided[0])
        if not open_differences(session.count) and session.count.phase is Phase.CHECKS:
            self.to_checks.emit()
            return
        self.refresh()

    def _decision_pile(self, count: Count) -> int:
        """The pile the decision is about; a pile not entered must not be one the count already has."""
        if self.editor is not None and self.editor.fixed_number is None:
            number = self.editor.number()
            if number in count.piles:
                raise BadInput("ui.diff.pile_exists", pile=number)
            return number
        assert self.pile is not None
        return self.pile

    # --- texts ---------------------------------------------------------------------------------------------------

    def _item_text(self, item: PileItem) -> str:
        pile = None if item.number is None or self.session is None else self.session.count.piles.get(item.number)
        if item.kind is ItemKind.DIFFERENCES and pile is not None:
            return self.t("ui.diff.pile_item", pile=pile.number, count=len(pile.open_differences))
        if item.kind is ItemKind.ONCE and pile is not None:
            return self.t(
                "ui.diff.pile_once_item", pile=pile.number, pass_name=self.t(f"ui.pass.{int(entered_pass(pile))}")
            )
        return self.t("ui.diff.pile_new_item")

    def retranslate(self) -> None:
        self.title.setText(self.t("ui.diff.title"))
        self.intro.setText(self.t("ui.diff.intro"))
        self.by_label.setText(self.t("ui.diff.decided_by"))
        self.note_label.setText(self.t("ui.diff.note"))
        self.decide_button.setText(self.t("ui.diff.decide"))
        self.back_button.setText(self.t("ui.entry.back"))
        for row_widget in self.rows:
            row_widget.retranslate()
        if self.editor is not None:
            self.editor.retranslate()
        if self.selected is not None:
            self._show_counts()
            self._show_outcome()
        for index, item in enumerate(self.items()):
            list_item = self.pile_list.item(index)
            if list_item is not None:
                list_item.setText(self._item_text(item))


def _entered_ballots(pile: Pile) -> tuple[Ballot, ...]:
    entry = pile.entry(entered_pass(pile))
    return () if entry is None else entry.ballots
