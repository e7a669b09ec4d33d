"""Entry of one pass of one pile (C5, U7): a ballot is typed as marks (`8 T3 S1`) or tapped on the grid, Enter
confirms, and the ballot is on durable storage when the screen says so (C7).

No phantom ballots (U7): Enter on an empty entry stores nothing (a blank ballot has its own key, F6, and button),
a ballot declared invalid needs its reason chosen for that very ballot (the choice is cleared after every ballot
and when a pass is opened), and finishing a pass short of its hand count says so before the second tap.

Slips are put right without leaving the pass: F4 takes the last ballot back, F5 opens an earlier ballot for
correction (`CorrectBallot`; Enter stores the correction, Esc cancels it), and a pass entered on the wrong pile is
thrown away with two taps (`DiscardPass`) so it can be entered again on the right one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.counting.classify import Verdict, check_marks, classify
from app.counting.count import ConfirmBallot, CorrectBallot, DiscardPass, FinishPile, PassEntry, UndoLast
from app.counting.double_entry import MAX_PILE_SIZE, Pass
from app.counting.model import Ballot, InvalidReason, Status
from app.errors import BadInput, TabulaError
from app.ui.ballot_grid import BallotGrid
from app.ui.mark_text import ballot_text, format_entry, parse_entry, reason_key
from app.ui.ports import SessionPort
from app.ui.texts import Texts
from app.ui.theme import PALETTE, Urgency, banner_style
from app.ui.widgets import ConfirmButton, ErrorSink, Screen, set_role, title_label, wrapped_label

SIDE_WIDTH = 330
# tight enough that the help of the marks field shows whole at 1366x768, in German too (six lines there)
SIDE_SPACING = 4


class EntryScreen(Screen):
    """One pass of one pile. Emits `leave` to go back to the overview (after finishing the pass, or on request)."""

    leave = Signal()
    discarded = Signal(int, int)  # pile, pass number: the pass was thrown away

    def __init__(self, texts: Texts, errors: ErrorSink) -> None:
        super().__init__(texts, errors)
        self.session: SessionPort | None = None
        self.pile = 0
        self.pass_no = Pass.FIRST
        self.grid: BallotGrid | None = None
        self.correcting: int | None = None  # the position of the earlier ballot being corrected
        self._build()
        self.retranslate()

    # --- layout --------------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = title_label()
        self.marks_label = QLabel()
        self.field = QLineEdit()
        self.field.setProperty("role", "marks")
        self.field.returnPressed.connect(self.confirm)
        self.field.textEdited.connect(self._on_typed)
        self.marks_label.setBuddy(self.field)
        self.help.register(self.field, "ui.help.entry_marks")
        self.preview = wrapped_label()
        self.grid_box = QVBoxLayout()
        # correcting an earlier ballot: its number, what it holds now, and the button that opens it (F5)
        self.correct_label = QLabel()
        self.correct_no = QSpinBox()
        self.correct_no.setMinimumWidth(90)
        self.correct_no.valueChanged.connect(lambda _v: self._show_correct_preview())
        self.correct_no.lineEdit().returnPressed.connect(self.open_correction)
        self.correct_label.setBuddy(self.correct_no)
        self.help.register(self.correct_no, "ui.help.correct")
        self.correct_preview = QLabel()
        self.correct_preview.setMinimumWidth(160)
        self.correct_button = QPushButton()
        self.correct_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.correct_button.clicked.connect(self.open_correction)
        marks_row = QHBoxLayout()
        marks_row.addWidget(self.marks_label, 1)
        marks_row.addWidget(self.correct_label)
        marks_row.addWidget(self.correct_no)
        marks_row.addWidget(self.correct_preview)
        marks_row.addWidget(self.correct_button)
        self.back_button = QPushButton()
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.leave.emit)
        self.discard_button = ConfirmButton(self._discard_label, self._discard_armed_label)
        self.discard_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.discard_button.confirmed.connect(self.discard)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.discard_button)
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addLayout(marks_row)
        left.addWidget(self.field)
        left.addWidget(self.preview)
        left.addLayout(self.grid_box, 1)
        left.addLayout(bottom)

        self.position = QLabel()
        self.position.setProperty("role", "big")
        self.position.setWordWrap(True)
        self.last = QLabel()
        self.complete = QLabel()  # its own line, so it never hides the 'saved' message of the last ballot
        self.complete.setWordWrap(True)
        self.complete.setStyleSheet(banner_style(Urgency.INFO))
        self.complete.setVisible(False)
        self.last.setWordWrap(True)
        self.contested = _toggle()
        self.invalid = _toggle()
        self.contested.toggled.connect(self._on_contested)
        self.invalid.toggled.connect(self._on_invalid)
        self.reason = QComboBox()
        self.reason.setEnabled(False)
        self.reason.currentIndexChanged.connect(lambda _i: self._show_preview())
        self.help.register(self.reason, "ui.help.reason")
        self.confirm_button = QPushButton()
        self.confirm_button.setProperty("role", "primary")
        self.confirm_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.confirm_button.clicked.connect(self.confirm)
        self.blank_button = QPushButton()  # a blank ballot is said on purpose, never by an Enter on nothing
        self.blank_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.blank_button.clicked.connect(self.confirm_blank)
        self.cancel_button = QPushButton()
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.clicked.connect(self.cancel_correction)
        self.cancel_button.setVisible(False)
        self.undo_button = QPushButton()
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.clicked.connect(self.undo)
        self.finish_button = ConfirmButton(self._finish_label, self._finish_armed_label)
        self.finish_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.finish_button.confirmed.connect(self.finish)
        side = QVBoxLayout()
        side.setSpacing(SIDE_SPACING)
        for widget in (self.position, self.banner, self.complete, self.last, self.contested, self.invalid, self.reason):
            side.addWidget(widget)
        side.addSpacing(8)
        side.addWidget(self.confirm_button)
        side.addWidget(self.blank_button)
        side.addWidget(self.cancel_button)
        side.addWidget(self.undo_button)
        side.addStretch(1)
        side.addWidget(self.help)
        side.addWidget(self.finish_button)
        side_widget = QWidget()
        side_widget.setFixedWidth(SIDE_WIDTH)
        side_widget.setLayout(side)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(left, 1)
        layout.addWidget(side_widget)
        for key, action in (
            ("F2", self.contested.toggle),
            ("F3", self.invalid.toggle),
            ("F4", self.undo),
            ("F5", self.choose_correction),
            ("F6", self.confirm_blank),
            ("Escape", self.cancel_correction),
        ):
            QShortcut(QKeySequence(key), self, action)

    # --- opening a pass ------------------------------------------------------------------------------------------

    def open_pass(self, session: SessionPort, pile: int, pass_no: Pass) -> None:
        """Show pile `pile`, pass `pass_no`, where it stands (after a restart too)."""
        if self.grid is None or self.session is None or self.session.election != session.election:
            self._make_grid(session)
        self.session, self.pile, self.pass_no = session, pile, pass_no
        self.banner.clear_message()
        self.correcting = None
        self.discard_button.disarm()
        self._reset_ballot()
        self.refresh()
        self.field.setFocus()

    def _make_grid(self, session: SessionPort) -> None:
        if self.grid is not None:
            self.grid_box.removeWidget(self.grid)
            self.grid.deleteLater()
        self.grid = BallotGrid(self.t, session.election)
        self.grid.marks_changed.connect(self._on_tapped)
        self.grid_box.addWidget(self.grid, 1)

    def _entry(self) -> PassEntry | None:
        if self.session is None:
            return None
        pile = self.session.count.piles.get(self.pile)
        return None if pile is None else pile.entry(self.pass_no)

    def _total(self) -> int:
        counted = self.hand_count()
        return counted if counted is not None else MAX_PILE_SIZE

    def hand_count(self) -> int | None:
        """The pile's hand count, when it was given."""
        pile = None if self.session is None else self.session.count.piles.get(self.pile)
        return None if pile is None else pile.counted_by_hand

    def entered(self) -> int:
        entry = self._entry()
        return 0 if entry is None else len(entry.ballots)

    # --- actions -------------------------------------------------------------------------------------------------

    def confirm(self) -> None:
        """Confirm the ballot being entered (or the correction); it is durable when the session returns (C7).

        An empty entry (no marks, neither declared invalid nor contested) stores nothing: blank is F6 (U7)."""
        if self.session is None:
            return
        if self.is_empty():
            self.banner.show_key("ui.entry.empty_use_blank", Urgency.WARNING)
            self.field.setFocus()
            return
        self._store()

    def confirm_blank(self) -> None:
        """F6 / the Blank button: store a blank ballot (contested too, when F2 is on); refused when marks are typed
        or the ballot is declared invalid, so a ballot typed in full is never stored as blank by a slip."""
        if self.session is None:
            return
        if self.field.text().strip() or self.invalid.isChecked():
            self.banner.show_key("ui.entry.blank_not_empty", Urgency.WARNING)
            self.field.setFocus()
            return
        self._store()  # an empty field, F2 or not: what the ballot builds is blank (or blank and contested)

    def is_empty(self) -> bool:
        """Nothing said about the ballot yet: no marks, not declared invalid, not contested."""
        return not self.field.text().strip() and not self.invalid.isChecked() and not self.contested.isChecked()

    def _store(self) -> None:
        """Store the ballot as typed as the next one, or as the correction of the earlier one opened."""
        session = self.session
        if session is None:
            return
        if self.correcting is not None:
            self.confirm_correction()
            return
        position = self.entered() + 1

        def act() -> None:
            session.apply(ConfirmBallot(self.pile, self.pass_no, self.current_ballot()))

        if self.guard(act, "entry.confirm"):
            self._reset_ballot()
            self.banner.show_key("ui.entry.saved", Urgency.OK, position=position)
            self.refresh()
            self.field.setFocus()

    def choose_correction(self) -> None:
        """F5: go to the number of the earlier ballot to correct (the last one is proposed)."""
        if self.entered() == 0 or self.correcting is not None:
            return
        self.correct_no.setFocus()
        self.correct_no.selectAll()

    def open_correction(self) -> None:
        """Load the chosen earlier ballot into the field and the grid; Enter then stores the correction."""
        entry = self._entry()
        position = self.correct_no.value()
        if entry is None or not 1 <= position <= len(entry.ballots):
            return
        ballot = entry.ballots[position - 1]
        self._reset_ballot()
        self.correcting = position
        self.field.setText(format_entry(ballot.marks))
        if ballot.status is Status.DECLARED_INVALID:
            self.invalid.setChecked(True)
            if ballot.invalid_reason is not None:
                self.reason.setCurrentIndex(self.reason.findData(ballot.invalid_reason.value))
        elif ballot.status is Status.CONTESTED:
            self.contested.setChecked(True)
        self._on_typed(self.field.text())
        self.banner.show_key(
            "ui.entry.correcting_hint", Urgency.INFO, position=position, ballot=ballot_text(ballot, self.t)
        )
        self.refresh()
        self.field.setFocus()

    def confirm_correction(self) -> None:
        session, position = self.session, self.correcting
        if session is None or position is None:
            return

        def act() -> None:
            session.apply(CorrectBallot(self.pile, self.pass_no, position, self.current_ballot()))

        if self.guard(act, "entry.correct"):
            self.correcting = None
            self._reset_ballot()
            self.banner.show_key("ui.entry.corrected", Urgency.OK, position=position)
            self.refresh()
            self.field.setFocus()

    def cancel_correction(self) -> None:
        """Esc: leave the earlier ballot as it was and go on with the next new one."""
        if self.correcting is None:
            return
        self.correcting = None
        self._reset_ballot()
        self.banner.show_key("ui.entry.correction_cancelled", Urgency.INFO, position=self.entered() + 1)
        self.refresh()
        self.field.setFocus()

    def discard(self) -> None:
        """Throw the whole pass away (entered on the wrong pile); the pile can then be entered again."""
        session = self.session
        if session is None:
            return
        if self.guard(lambda: session.apply(DiscardPass(self.pile, self.pass_no)), "entry.discard"):
            self.correcting = None
            self.discarded.emit(self.pile, int(self.pass_no))

    def undo(self) -> None:
        session = self.session
        if session is None or self.correcting is not None:
            return
        position = self.entered()
        if self.guard(lambda: session.apply(UndoLast(self.pile, self.pass_no)), "entry.undo"):
            self.banner.show_key("ui.entry.undone", Urgency.INFO, position=position)
            self.refresh()

    def finish(self) -> None:
        session = self.session
        if session is None:
            return
        if self.guard(lambda: session.apply(FinishPile(self.pile, self.pass_no)), "entry.finish"):
            self.leave.emit()

    def current_ballot(self) -> Ballot:
        """The ballot as typed/tapped with its status; raises BadInput for marks that cannot be."""
        marks = parse_entry(self.field.text())
        if self.invalid.isChecked():
            reason = self.reason.currentData()
            if reason is None:  # declared invalid, but why has not been chosen for this ballot
                raise BadInput("ui.entry.reason_missing")
            ballot = Ballot(marks, Status.DECLARED_INVALID, InvalidReason(reason))
        elif self.contested.isChecked():
            ballot = Ballot(marks, Status.CONTESTED)
        else:
            ballot = Ballot(marks)
        if self.session is not None:
            check_marks(self.session.election, ballot)
        return ballot

    # --- keeping keyboard and grid in step -----------------------------------------------------------------------

    def _on_typed(self, _text: str) -> None:
        try:
            marks = parse_entry(self.field.text())
        except TabulaError:
            self._show_preview()  # keep the grid as it was while the operator is still typing
            return
        if self.grid is not None:
            self.grid.set_marks(marks)
        self._show_preview()

    def _on_tapped(self) -> None:
        if self.grid is not None:
            self.field.setText(format_entry(self.grid.marks()))
        self._show_preview()
        self.field.setFocus()

    def _on_contested(self, on: bool) -> None:
        if on:
            self.invalid.setChecked(False)  # a ballot is contested or declared invalid, not both
        self._show_preview()

    def _on_invalid(self, on: bool) -> None:
        self.reason.setEnabled(on)
        if on:
            self.contested.setChecked(False)
        else:
            self.reason.setCurrentIndex(-1)  # a reason is chosen for a ballot declared invalid, never kept aside
        self._show_preview()

    def _reset_ballot(self) -> None:
        self.field.clear()
        self.contested.setChecked(False)
        self.invalid.setChecked(False)
        self.reason.setCurrentIndex(-1)  # U7: the reason of one ballot never carries over to the next
        if self.grid is not None:
            self.grid.set_marks(frozenset())
        self._show_preview()

    def _show_preview(self) -> None:
        """What Enter would confirm, said plainly, so a slip is seen before it is stored."""
        if self.is_empty():
            self.preview.setStyleSheet(f"color:{PALETTE.muted};")
            self.preview.setText(self.t("ui.entry.preview_empty"))
            return
        try:
            ballot = self.current_ballot()
        except TabulaError as error:
            self.preview.setText(self.t.error(error))
            self.preview.setStyleSheet(f"color:{PALETTE.warning};")
            return
        self.preview.setStyleSheet(f"color:{PALETTE.muted};")
        self.preview.setText(
            self.t("ui.entry.preview", ballot=ballot_text(ballot, self.t), verdict=self._verdict(ballot))
        )

    def _verdict(self, ballot: Ballot) -> str:
        result = classify(ballot)
        if result.verdict is Verdict.VALID:
            return self.t("ui.verdict.valid", list=result.list_number)
        if result.verdict is Verdict.BLANK:
            return self.t("ui.verdict.blank")
        return self.t("ui.verdict.invalid")

    # --- texts ---------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Where the pass stands: the position being entered, the last ballot, the pile complete or not."""
        entry = self._entry()
        operator = "" if entry is None else entry.operator
        self.title.setText(
            self.t(
                "ui.entry.title", pile=self.pile, pass_name=self.t(f"ui.pass.{int(self.pass_no)}"), operator=operator
            )
        )
        entered, total = self.entered(), self._total()
        if self.correcting is not None:
            self.position.setText(self.t("ui.entry.position_correcting", pile=self.pile, position=self.correcting))
        else:
            key = "ui.entry.position_done" if entered >= total else "ui.entry.position"
            self.position.setText(self.t(key, pile=self.pile, position=entered + 1, entered=entered, total=total))
        if entry is not None and entry.ballots:
            self.last.setText(self.t("ui.entry.last", position=entered, ballot=ballot_text(entry.ballots[-1], self.t)))
        else:
            self.last.setText("")
        complete = entered >= total and self.correcting is None
        self.complete.setVisible(complete)
        self.complete.setText(self.t("ui.entry.all_entered", total=total) if complete else "")
        correcting = self.correcting is not None
        self.undo_button.setEnabled(entered > 0 and not correcting)
        self.finish_button.setEnabled(entered > 0 and not correcting)
        self.finish_button.refresh()
        self.discard_button.setEnabled(not correcting)
        self.discard_button.refresh()
        self.cancel_button.setVisible(correcting)
        self.undo_button.setVisible(not correcting)
        self.confirm_button.setText(self.t("ui.entry.confirm_correction" if correcting else "ui.entry.confirm"))
        # the number proposed for a correction: the last ballot, unless another one is being looked at
        self.correct_no.blockSignals(True)
        self.correct_no.setRange(min(1, entered), entered)
        if not correcting:
            self.correct_no.setValue(entered)
        self.correct_no.blockSignals(False)
        self.correct_no.setEnabled(entered > 0 and not correcting)
        self.correct_button.setEnabled(entered > 0 and not correcting)
        self._show_correct_preview()

    def _show_correct_preview(self) -> None:
        entry = self._entry()
        position = self.correct_no.value()
        if entry is None or not 1 <= position <= len(entry.ballots):
            self.correct_preview.setText("")
            return
        self.correct_preview.setText(
            self.t("ui.entry.correct_preview", ballot=ballot_text(entry.ballots[position - 1], self.t))
        )

    def retranslate(self) -> None:
        if self.grid is not None:  # the grid is made anew per session: the screen retranslates the current one
            self.grid.retranslate()
        self.marks_label.setText(self.t("ui.entry.marks"))
        self.field.setPlaceholderText(self.t("ui.entry.placeholder"))
        self.contested.setText(self.t("ui.entry.contested"))
        self.invalid.setText(self.t("ui.entry.invalid"))
        self.blank_button.setText(self.t("ui.entry.blank"))
        current = self.reason.currentData()
        self.reason.blockSignals(True)
        self.reason.clear()
        for reason in InvalidReason:
            self.reason.addItem(self.t(reason_key(reason)), reason.value)
        # no reason chosen until one is chosen for this ballot (adding the first item would choose it)
        self.reason.setCurrentIndex(-1 if current is None else self.reason.findData(current))
        self.reason.setPlaceholderText(self.t("ui.entry.reason_choose"))
        self.reason.blockSignals(False)
        self.undo_button.setText(self.t("ui.entry.undo"))
        self.cancel_button.setText(self.t("ui.entry.cancel_correction"))
        self.back_button.setText(self.t("ui.entry.back"))
        self.correct_label.setText(self.t("ui.entry.correct_label"))
        self.correct_button.setText(self.t("ui.entry.correct"))
        self.refresh()
        self._show_preview()

    def _finish_label(self) -> str:
        return self.t("ui.entry.finish")

    def _finish_armed_label(self) -> str:
        """The second tap says what it finishes; short of (or past) the hand count it asks first (U7)."""
        entered, counted = self.entered(), self.hand_count()
        if counted is not None and entered < counted:
            return self.t("ui.entry.finish_armed_short", pile=self.pile, count=entered, total=counted)
        if counted is not None and entered > counted:
            return self.t("ui.entry.finish_armed_over", pile=self.pile, count=entered, total=counted)
        return self.t("ui.entry.finish_armed", pile=self.pile, count=self.entered())

    def _discard_label(self) -> str:
        return self.t("ui.entry.discard")

    def _discard_armed_label(self) -> str:
        pass_name = self.t(f"ui.pass.{int(self.pass_no)}")
        return self.t("ui.discard_armed", pile=self.pile, pass_name=pass_name, count=self.entered())


def _toggle() -> QPushButton:
    button = QPushButton()
    button.setCheckable(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    set_role(button, "")
    return button
