"""Settling differences (C5) and contested ballots (C6): per pile whose two passes are both finished, pass 1 and
pass 2 side by side (`app.ui.difference_row`); the bureau looks at the physical ballot, chooses what it really shows
for every difference, and records who decided.

A decision needs both passes of its pile (art. 2 B of the decree: every ballot is entered twice), so a pile entered
once, or never, is entered again on the overview, never settled here. Nothing is chosen beforehand: the bureau makes
each choice itself. A choice that goes against what both passes agreed on (a ballot neither pass has) is an overrule,
named before the decision is recorded."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
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
from app.counting.decisions import decided_ballots
from app.counting.double_entry import Choice, Decision, Difference, DifferenceKind, settled_content
from app.counting.model import Ballot, Election
from app.errors import BadInput, TabulaError
from app.ui.difference_row import DifferenceRow
from app.ui.ports import SessionPort
from app.ui.texts import Texts
from app.ui.theme import Urgency
from app.ui.widgets import ErrorSink, Screen, title_label, wrapped_label


class DifferencesScreen(Screen):
    """The piles with open differences; the rows of the pile picked, one explicit choice each; the decision with the
    name of who took it."""

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
        """What the bureau can settle here: the piles whose two passes are compared and something is open."""
        if self.session is None:
            return []
        return [p for p in piles(self.session.count) if p.open_differences]

    def select_pile(self, number: int) -> None:
        """Pick a pile of the list (as a tap on it does)."""
        self.pile_list.setCurrentRow([p.number for p in self.open_piles()].index(number))

    def refresh(self) -> None:
        numbers = [p.number for p in self.open_piles()]
        self.pile_list.blockSignals(True)
        self.pile_list.clear()
        for number in numbers:
            self.pile_list.addItem(self._pile_text(number))
        self.pile_list.blockSignals(False)
        row = numbers.index(self.pile) if self.pile in numbers else (0 if numbers else -1)
        self.pile_list.setCurrentRow(row)
        self._on_pile(row)

    def _on_pile(self, row: int) -> None:
        numbers = [p.number for p in self.open_piles()]
        number = numbers[row] if 0 <= row < len(numbers) else None
        if number is not None and number == self.pile and self.rows:
            return  # the same pile: keep the choices made so far
        self._clear()
        self.pile = number
        pile = self._pile()
        if pile is None:
            self.counts.setText(self.t("ui.diff.none_open"))
            self.outcome.setText("")
            self.decide_button.setEnabled(False)
            return
        for difference in pile.open_differences:
            if difference.needs_choice:
                row_widget = DifferenceRow(self.t, difference, self.help, self._election())
                row_widget.changed.connect(self._show_outcome)
                self.rows.append(row_widget)
                self.rows_box.addWidget(row_widget)
        self.decide_button.setEnabled(True)
        self._show_counts()
        self._show_outcome()

    def _clear(self) -> None:
        for old in self.rows:
            self.rows_box.removeWidget(old)
            old.hide()  # deleteLater waits for the event loop
            old.deleteLater()
        self.rows = []

    def _show_counts(self) -> None:
        pile = self._pile()
        if pile is None:
            return
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
        """The pile as the bureau's choices make it; BadInput while a choice is missing or cannot be read."""
        pile = self._pile()
        assert pile is not None and pile.comparison is not None
        return settled_content(pile.comparison, self._choices())

    def _election(self) -> Election:
        assert self.session is not None  # rows are made for the session's open piles
        return self.session.election

    def _pile(self) -> Pile | None:
        if self.session is None or self.pile is None:
            return None
        return self.session.count.piles.get(self.pile)

    def _show_outcome(self) -> None:
        """The pile's ballot count after these choices, next to the hand count, and any ballot the choices decide
        against both passes (an overrule, C5): a last look before deciding."""
        pile = self._pile()
        if pile is None or pile.comparison is None:
            return
        try:
            content = self._content()
        except TabulaError:
            self.outcome.setText(self.t("ui.diff.outcome_pending"))
            return
        counted = "—" if pile.counted_by_hand is None else str(pile.counted_by_hand)
        lines = [self.t("ui.diff.outcome", count=len(content), counted=counted)]
        comparison = pile.comparison
        records = decided_ballots(pile.number, comparison.pass_1, comparison.pass_2, content)
        overruled = [r for r in records if r.overrule]
        if overruled:
            places = ", ".join(f"{pile.number}/{r.position}" for r in overruled if r.position is not None)
            lines.append(self.t("session.overrules_ahead", count=len(overruled), places=places))
        self.outcome.setText("\n".join(lines))

    # --- actions -------------------------------------------------------------------------------------------------

    def decide(self) -> None:
        session, number = self.session, self.pile
        if session is None or number is None:
            return

        def act() -> None:
            decision = Decision(
                number,
                self._content(),
                self.decided_by.text().strip(),
                dt.datetime.now(dt.UTC),
                self.note.text().strip(),
            )
            session.apply(Decide(decision))

        if not self.guard(act, "differences.decide"):
            return
        self.note.clear()
        self._clear()
        self.pile = None
        self.banner.show_key("ui.diff.decided", Urgency.OK, pile=number)
        if not open_differences(session.count) and session.count.phase is Phase.CHECKS:
            self.to_checks.emit()
            return
        self.refresh()

    # --- texts ---------------------------------------------------------------------------------------------------

    def _pile_text(self, number: int) -> str:
        pile = None if self.session is None else self.session.count.piles.get(number)
        return self.t("ui.diff.pile_item", pile=number, count=0 if pile is None else len(pile.open_differences))

    def retranslate(self) -> None:
        self.title.setText(self.t("ui.diff.title"))
        self.intro.setText(self.t("ui.diff.intro"))
        self.by_label.setText(self.t("ui.diff.decided_by"))
        self.note_label.setText(self.t("ui.diff.note"))
        self.decide_button.setText(self.t("ui.diff.decide"))
        self.back_button.setText(self.t("ui.entry.back"))
        for row_widget in self.rows:
            row_widget.retranslate()
        if self.pile is not None:
            self._show_counts()
            self._show_outcome()
        for index, pile in enumerate(self.open_piles()):
            list_item = self.pile_list.item(index)
            if list_item is not None:
                list_item.setText(self._pile_text(pile.number))
