"""The review before the result is fixed (C3, C4, O3; issue 8): the bureau closes as a bureau closes.

Fixing the result cannot be taken back, so before it the president goes through with the bureau, on one page,
what the PV will print: the per-list table (SC1..SC4, list total, titular and successor totals; no successor
columns for an election without successors), every candidate's votes (names whole, scrolling), every check with
its figures (the same texts as the PV), and the bureau's record, which must name at least a president, a secretary
and one assessor. Then the president ticks "the bureau has reviewed this" and taps the fixing button twice.

The tables are `app.ui.tally_view`'s, as on the result screen and the witness screen, so the three agree.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.counting import count as counting
from app.counting.bureau import BureauRecord
from app.counting.checks import CheckInput, PileCount, RuleOutcome, Scope, Severity, examine
from app.counting.count import Phase
from app.counting.tally import Tally
from app.i18n import catalogue
from app.ui.bureau import LEGAL_ASSESSORS, missing_members
from app.ui.ports import SessionPort
from app.ui.tally_view import CandidateVotes, ListTotalsTable
from app.ui.texts import Texts
from app.ui.theme import PALETTE, Urgency, banner_style
from app.ui.widgets import Banner, ConfirmButton, set_role, wrapped_label

HOLDS, FAILS = "✓", "✗"


# --- the checks with their figures -------------------------------------------------------------------------------


def check_input_of(session: SessionPort, tally: Tally) -> CheckInput:
    """What the checks look at, as `Session.check_input` builds it: the tally, the journaled record, the piles."""
    record = session.count.record
    piles = tuple(PileCount(p.pile, p.settled or 0, p.counted_by_hand) for p in counting.pile_counts(session.count))
    return CheckInput(session.election, tally, record.polling_stations, record.received_total, piles)


def _variant(key: str, has_successors: bool) -> str:
    """The text of a check for an election without successors where it has one of its own (as the PV prints it)."""
    variant = f"{key}.without_successors"
    return variant if not has_successors and variant in catalogue() else key


def _summary(outcome: RuleOutcome, t: Texts) -> str:
    """A rule's outcome over all its cases in a few words (the PV's words)."""
    if outcome.follows_from is not None:
        return t("pv.check.follows_from", code=outcome.follows_from)
    if not outcome.cases:
        return t("pv.check.not_applicable")
    if outcome.failed:
        return t("pv.check.failed", failed=len(outcome.failed), total=len(outcome.cases))
    if outcome.scope is Scope.LIST:
        return t("pv.check.every_list", count=len(outcome.cases))
    if outcome.scope is Scope.PILE:
        return t("pv.check.all_piles", count=len(outcome.cases))
    return HOLDS


def checks_html(
    outcomes: tuple[RuleOutcome, ...],
    has_successors: bool,
    record: BureauRecord,
    acknowledged: frozenset[str],
    t: Texts,
) -> str:
    """Every check in words and figures, as the PV prints them: the rule and its outcome; every case of a rule about
    the bureau or a polling station, and the cases that do not hold of a rule per list or per pile; for a warning
    that does not hold, whether the bureau saw it and its explanation."""
    parts: list[str] = []
    for outcome in outcomes:
        colour = PALETTE.ok
        if outcome.failed:
            colour = PALETTE.blocking if outcome.severity is Severity.ERROR else PALETTE.warning
        elif outcome.follows_from is not None or not outcome.cases:
            colour = PALETTE.muted
        rule = html.escape(t(_variant(outcome.rule_key, has_successors)))
        summary = html.escape(_summary(outcome, t))
        lines = [f"<b>{outcome.code}</b> {rule} <span style='color:{colour}'><b>{summary}</b></span>"]
        many = outcome.scope in (Scope.LIST, Scope.PILE)
        for case in outcome.failed if many else outcome.cases:
            params = {k: "—" if v is None else v for k, v in case.params.items()}
            sides = t(_variant(case.sides_key, has_successors), **params)
            if outcome.scope is Scope.LIST:
                sides = t("pv.list_case", number=case.params.get("list"), text=sides)
            mark = HOLDS if case.holds else FAILS
            lines.append(f"&nbsp;&nbsp;{mark} {html.escape(sides)}")
        if outcome.failed and outcome.severity is Severity.WARNING:
            seen = t("pv.acknowledged" if outcome.code in acknowledged else "pv.not_acknowledged")
            explanation = record.explanation(outcome.code)
            said = t("pv.no_explanation") if explanation is None else t("pv.explanation", text=explanation)
            lines.append(f"&nbsp;&nbsp;{html.escape(seen)} · {html.escape(said)}")
        parts.append(f"<p style='margin:0 0 6px 0'>{'<br>'.join(lines)}</p>")
    return "".join(parts)


# --- the bureau's record -----------------------------------------------------------------------------------------


def record_html(record: BureauRecord, t: Texts) -> str:
    """Who is on the record and what was received, one line each; what is missing, said as missing."""
    missing = t("ui.review.missing")

    def names(values: tuple[str, ...]) -> str:
        return ", ".join(values) if values else missing

    if record.polling_stations:
        received = sum(p.per_pv for p in record.polling_stations)
        received_text = t("ui.review.received_from", stations=len(record.polling_stations), received=received)
    elif record.received_total is not None:
        received_text = str(record.received_total)
    else:
        received_text = missing
    rows = (
        ("ui.bureau.president", record.president or missing),
        ("ui.bureau.secretary", record.secretary or missing),
        ("ui.bureau.assessors", names(record.assessors)),
        ("ui.bureau.witnesses", ", ".join(record.witnesses) if record.witnesses else t("ui.review.none")),
        ("ui.bureau.canton", record.canton or t("ui.review.none")),
        ("ui.review.received", received_text),
    )
    return "<br>".join(f"<b>{html.escape(t(key))}</b>: {html.escape(value)}" for key, value in rows)


# --- the page ----------------------------------------------------------------------------------------------------


class ReviewPanel(QWidget):
    """The review page of the checks screen. `confirmed` once the president ticked the review and tapped the fixing
    button twice; `back` to the checks, `edit_record` to complete the bureau's record."""

    confirmed = Signal()
    back = Signal()
    edit_record = Signal()

    def __init__(self, texts: Texts) -> None:
        super().__init__()
        self.t = texts
        self.session: SessionPort | None = None
        self.tally: Tally | None = None
        self.outcomes: tuple[RuleOutcome, ...] = ()
        self.allowed = False  # nothing blocks: no error, every warning seen, in the checks phase
        self._build()
        self.retranslate()
        self._show_state()

    def _build(self) -> None:
        self.intro = wrapped_label()
        self.totals = wrapped_label()
        self.lists_title, self.candidates_title, self.record_title, self.checks_title = (QLabel() for _ in range(4))
        for label in (self.lists_title, self.candidates_title, self.record_title, self.checks_title):
            label.setProperty("role", "subtitle")
        self.table = ListTotalsTable(self.t, fit_rows=True)
        self.legend = wrapped_label()
        self.legend.setProperty("role", "status")
        self.checks = wrapped_label()
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.checks.setStyleSheet(f"background:{PALETTE.surface}; border:1px solid {PALETTE.border}; padding:6px;")
        self.candidates = CandidateVotes(self.t)
        left_widget = QWidget()
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 8, 0)
        sections = (
            self.totals,
            self.lists_title,
            self.table,
            self.legend,
            self.checks_title,
            self.checks,
            self.candidates_title,
            self.candidates,
        )
        for widget in sections:
            left.addWidget(widget)
        left.addStretch(1)
        self.content = QScrollArea()
        self.content.setWidgetResizable(True)
        self.content.setFrameShape(QFrame.Shape.NoFrame)
        self.content.setWidget(left_widget)

        # touch: one tap to each part of the long page (no scrolling by hand through every candidate first)
        self.go_to = QLabel()
        parts = (self.lists_title, self.checks_title, self.candidates_title)
        self.go_buttons = {title: QPushButton() for title in parts}
        for title, button in self.go_buttons.items():
            button.clicked.connect(lambda _=False, target=title: self.show_part(target))
        self.record = wrapped_label()
        self.record.setTextFormat(Qt.TextFormat.RichText)
        self.record_state = Banner(self.t)
        self.record_button = QPushButton()
        self.record_button.clicked.connect(self.edit_record.emit)
        side_frame = QFrame()
        side_frame.setProperty("role", "card")
        side_frame.setFixedWidth(400)
        side = QVBoxLayout(side_frame)
        side.addWidget(self.record_title)
        side.addWidget(self.record)
        side.addWidget(self.record_state)
        side.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        jumps = QHBoxLayout()
        jumps.addWidget(self.go_to)
        for button in self.go_buttons.values():
            jumps.addWidget(button)
        jumps.addStretch(1)
        main = QVBoxLayout()
        main.addLayout(jumps)
        main.addWidget(self.content, 1)
        middle = QHBoxLayout()
        middle.addLayout(main, 1)
        middle.addWidget(side_frame)

        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back.emit)
        self.reviewed = QCheckBox()
        self.reviewed.setStyleSheet("QCheckBox { spacing:10px; } QCheckBox::indicator { width:30px; height:30px; }")
        self.reviewed.setMinimumHeight(40)
        self.reviewed.toggled.connect(lambda _on: self._show_state())
        self.finalize_button = ConfirmButton(
            lambda: self.t("ui.checks.finalize"), lambda: self.t("ui.review.finalize_armed")
        )
        self.finalize_button.setProperty("role", "primary")
        self.finalize_button.confirmed.connect(self._confirmed)
        self.final_note = wrapped_label()
        self.final_note.setProperty("role", "status")
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addSpacing(16)
        actions.addWidget(self.reviewed, 1)
        actions.addWidget(self.finalize_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(middle, 1)
        layout.addWidget(self.final_note)
        layout.addLayout(actions)

    def show_part(self, title: QLabel) -> None:
        """Scroll the page so that the part under `title` starts at the top."""
        self.content.verticalScrollBar().setValue(title.y())

    # --- state ---------------------------------------------------------------------------------------------------

    def show_review(self, session: SessionPort, tally: Tally, allowed: bool) -> None:
        """Show what will be fixed; the tick is taken away: whatever was shown before was about other figures."""
        self.session, self.tally, self.allowed = session, tally, allowed
        self.outcomes = examine(check_input_of(session, tally))
        self.reviewed.setChecked(False)
        self.finalize_button.disarm()
        self.table.show_tally(session.election, tally)
        self.candidates.show_tally(session.election, tally)
        self.content.verticalScrollBar().setValue(0)
        self._show_texts()

    def missing(self) -> tuple[str, ...]:
        return () if self.session is None else missing_members(self.session.count.record)

    def ready(self) -> bool:
        """Whether the president may tick the review: nothing blocks and the record names the bureau."""
        in_checks = self.session is not None and self.session.count.phase is Phase.CHECKS
        return in_checks and self.allowed and not self.missing()

    def _show_state(self) -> None:
        ready = self.ready()
        self.reviewed.setEnabled(ready)
        if not ready and self.reviewed.isChecked():
            self.reviewed.setChecked(False)
        self.finalize_button.setEnabled(ready and self.reviewed.isChecked())
        if not self.finalize_button.isEnabled():
            self.finalize_button.disarm()

    def _confirmed(self) -> None:
        if self.ready() and self.reviewed.isChecked():
            self.confirmed.emit()

    # --- texts ---------------------------------------------------------------------------------------------------

    def _show_texts(self) -> None:
        session, tally = self.session, self.tally
        if session is None or tally is None:
            self._show_state()
            return
        record = session.count.record
        self.totals.setText(
            self.t(
                "ui.review.totals",
                counted=tally.counted,
                valid=tally.valid,
                blank_or_invalid=tally.blank_or_invalid,
                blank=tally.blank,
                invalid=tally.invalid,
            )
        )
        self.record.setText(record_html(record, self.t))
        missing = self.missing()
        if missing:
            roles = ", ".join(self.t(f"ui.review.role.{role}") for role in missing)
            self.record_state.show_key("ui.review.record_missing", Urgency.WARNING, roles=roles)
        elif len(record.assessors) < LEGAL_ASSESSORS:
            blank = LEGAL_ASSESSORS - len(record.assessors)
            self.record_state.show_key("ui.review.assessors_by_hand", Urgency.INFO, lines=blank)
        else:
            self.record_state.clear_message()
        self.record_button.setText(self.t("ui.checks.edit_record" if missing else "ui.overview.record"))
        set_role(self.record_button, "primary" if missing else "")
        has_successors = session.election.has_successors
        self.checks.setText(checks_html(self.outcomes, has_successors, record, session.count.acknowledged, self.t))
        self.legend.setText(self.t("ui.review.legend" if has_successors else "ui.review.legend.without_successors"))
        self.reviewed.setText(self.t("ui.review.reviewed", name=record.president or self.t("ui.review.missing")))
        if not self.allowed:
            self.final_note.setText(self.t("ui.review.blocked"))
            self.final_note.setStyleSheet(banner_style(Urgency.BLOCKING))
        else:
            self.final_note.setText(self.t("ui.review.final_note"))
            self.final_note.setStyleSheet("")
        self._show_state()

    def retranslate(self) -> None:
        self.intro.setText(self.t("ui.review.intro"))
        self.lists_title.setText(self.t("ui.review.lists"))
        self.candidates_title.setText(self.t("ui.review.candidates"))
        self.record_title.setText(self.t("ui.review.record"))
        self.checks_title.setText(self.t("ui.review.checks"))
        self.back_button.setText(self.t("ui.review.back"))
        self.go_to.setText(self.t("ui.review.go_to"))
        for title, button in self.go_buttons.items():
            button.setText(title.text())
        self.table.retranslate()
        self.finalize_button.refresh()
        self.record_state.refresh()
        if self.session is not None and self.tally is not None:
            self._show_texts()
            self.candidates.show_tally(self.session.election, self.tally)
