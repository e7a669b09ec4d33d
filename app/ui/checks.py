"""The checks on the tally (C4): each finding with its urgency colour, what happened and what to do next.
Errors block the result; warnings must be acknowledged explicitly before the result can be reviewed. The ballots
received per polling station come from the bureau's journaled record (`app.ui.bureau`), shown here in short.

The result is then fixed from the second page of this screen, the review (`app.ui.review`): the tables, every
candidate's votes, every check with its figures and the bureau's record, ticked as reviewed by the president and
confirmed with a second tap.

A warning whose next step asks the bureau to write its explanation into the PV (a difference in the ballots received
or counted) is acknowledged only with that explanation, typed in the warning's own field: it goes into the bureau's
journaled record (`BureauRecord.explanations`), which the review and the PV print beside the warning."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.counting.bureau import MAX_EXPLANATION
from app.counting.checks import Finding, Severity
from app.counting.count import Acknowledge, Phase, RecordBureau
from app.ui.bureau import record_summary
from app.ui.ports import SessionPort
from app.ui.result import count_tally
from app.ui.review import ReviewPanel
from app.ui.texts import Texts
from app.ui.theme import Urgency, banner_style
from app.ui.widgets import ErrorSink, Screen, title_label, wrapped_label

# The warnings whose next step (`check.<code>.action`) asks the bureau to write its explanation into the PV: the
# ballots entered, received and counted on receipt that do not agree.
EXPLAINED_WARNINGS = frozenset({"W.201", "W.202", "W.205", "W.206"})


def needs_explanation(finding: Finding) -> bool:
    return finding.severity is Severity.WARNING and finding.code in EXPLAINED_WARNINGS


def record_explanation(session: SessionPort, code: str, text: str) -> None:
    """Store the bureau's explanation of warning `code` in its journaled record (printed in the PV).

    Recording the bureau's record takes every acknowledgement away, since new figures make new warnings; an
    explanation changes no figure, so the warnings the bureau had already seen are acknowledged again."""
    record = session.count.record
    if record.explanation(code) == text:
        return
    seen = session.count.acknowledged
    others = tuple((c, e) for c, e in record.explanations if c != code)
    session.apply(RecordBureau(replace(record, explanations=(*others, (code, text)))))
    for acknowledged in sorted(seen):
        session.apply(Acknowledge(acknowledged))


class FindingCard(QFrame):
    """One finding: code and message, the next step, and its acknowledgement (warnings) or 'blocks' (errors); a
    warning that asks for the bureau's explanation has a field for it, and is acknowledged only with one."""

    acknowledge = Signal(str, str)  # the warning's code, the bureau's explanation ("" when none is asked)

    def __init__(self, texts: Texts, finding: Finding, acknowledged: bool, explanation: str = "") -> None:
        super().__init__()
        self.t = texts
        self.finding = finding
        self.acknowledged = acknowledged
        error = finding.severity is Severity.ERROR
        self.urgency = Urgency.BLOCKING if error else (Urgency.OK if acknowledged else Urgency.WARNING)
        self.setStyleSheet(f"FindingCard {{ {banner_style(self.urgency)} }}")
        self.message = wrapped_label()
        self.action = wrapped_label()
        self.state = wrapped_label()
        self.explained = needs_explanation(finding)
        self.explanation_label = QLabel()
        self.explanation = QLineEdit(explanation)
        self.explanation.setMaxLength(MAX_EXPLANATION)
        self.explanation.setReadOnly(acknowledged)
        self.explanation.textChanged.connect(lambda _text: self._show_state())
        self.ack_button = QPushButton()
        self.ack_button.setVisible(not error and not acknowledged)
        self.ack_button.clicked.connect(self._acknowledge)
        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(self.action)
        if self.explained:
            row = QHBoxLayout()
            row.addWidget(self.explanation_label)
            row.addWidget(self.explanation, 1)
            text.addLayout(row)
        text.addWidget(self.state)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        layout.addWidget(self.ack_button)
        self.retranslate()

    def written(self) -> str:
        """The explanation as typed, without the spaces around it."""
        return self.explanation.text().strip()

    def _missing_explanation(self) -> bool:
        return self.explained and not self.acknowledged and not self.written()

    def _acknowledge(self) -> None:
        if not self._missing_explanation():
            self.acknowledge.emit(self.finding.code, self.written() if self.explained else "")

    def _show_state(self) -> None:
        if self.finding.severity is Severity.ERROR:
            key = "ui.checks.blocks"
        elif self.acknowledged:
            key = "ui.checks.acknowledged"
        else:
            key = "ui.checks.needs_explanation" if self._missing_explanation() else "ui.checks.needs_ack"
        self.state.setText(self.t(key))
        self.ack_button.setEnabled(not self._missing_explanation())

    def retranslate(self) -> None:
        f = self.finding
        severity = self.t("ui.checks.error" if f.severity is Severity.ERROR else "ui.checks.warning")
        self.message.setText(f"<b>{f.code} · {severity}</b> — {self.t(f.message_key, **f.params)}")
        self.action.setText(self.t("ui.checks.next_step", action=self.t(f.action_key, **f.params)))
        self.explanation_label.setText(self.t("ui.checks.explanation"))
        self.explanation.setPlaceholderText(self.t("ui.checks.explanation_placeholder"))
        self.ack_button.setText(self.t("ui.checks.acknowledge"))
        self._show_state()


class ChecksScreen(Screen):
    """Runs the checks on the tally and the bureau's record; when nothing blocks, the review, and from there the
    result is fixed (`finalized`)."""

    finalized = Signal()
    leave = Signal()
    edit_record = Signal()

    def __init__(self, texts: Texts, errors: ErrorSink) -> None:
        super().__init__(texts, errors)
        self.session: SessionPort | None = None
        self.findings: tuple[Finding, ...] = ()
        self.cards: list[FindingCard] = []
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.title = title_label()
        self.record = wrapped_label()
        self.record_button = QPushButton()
        self.record_button.clicked.connect(self.edit_record.emit)
        self.summary = wrapped_label()
        self.cards_box = QVBoxLayout()
        cards_widget = QWidget()
        cards_layout = QVBoxLayout(cards_widget)
        cards_layout.addLayout(self.cards_box)
        cards_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(cards_widget)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.leave.emit)
        self.review_button = QPushButton()
        self.review_button.setProperty("role", "primary")
        self.review_button.clicked.connect(self.open_review)
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addStretch(1)
        actions.addWidget(self.review_button)
        top = QHBoxLayout()
        top.addWidget(self.record, 1)
        top.addWidget(self.record_button)
        self.checks_page = QWidget()
        page = QVBoxLayout(self.checks_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(top)
        page.addWidget(self.summary)
        page.addWidget(scroll, 1)
        page.addLayout(actions)
        self.review = ReviewPanel(self.t)
        self.review.back.connect(self.close_review)
        self.review.edit_record.connect(self.edit_record.emit)
        self.review.confirmed.connect(self.finalize)
        self.finalize_button = self.review.finalize_button  # the one button that fixes the result
        self.pages = QStackedWidget()
        self.pages.addWidget(self.checks_page)
        self.pages.addWidget(self.review)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)

    # --- state ---------------------------------------------------------------------------------------------------

    def show_session(self, session: SessionPort) -> None:
        """Run the checks again; the review stays open only while nothing blocks (a record saved from the review
        takes the acknowledgements away when it changed the figures: then the checks come first again)."""
        self.session = session
        self.run_checks()
        if self.reviewing() and self.blocking():
            self.close_review()
        elif self.reviewing():
            self.open_review()

    def reviewing(self) -> bool:
        return self.pages.currentWidget() is self.review

    def run_checks(self) -> None:
        session = self.session
        if session is None:
            return

        def act() -> None:
            self.findings = session.findings()  # on the journaled record (W.201, W.202)

        self.guard(act, "checks.run")
        self._show_record()
        self._show_findings()

    def _show_record(self) -> None:
        if self.session is None:
            return
        text, urgency = record_summary(self.session.count.record, self.t)
        self.record.setText(text)
        self.record.setStyleSheet(banner_style(urgency))
        missing = urgency is Urgency.WARNING
        self.record_button.setText(self.t("ui.checks.edit_record" if missing else "ui.overview.record"))

    def _show_findings(self) -> None:
        acknowledged = frozenset() if self.session is None else self.session.count.acknowledged
        # an explanation typed but not yet acknowledged stays when the cards are made again (another warning seen)
        drafts = {c.finding.code: c.explanation.text() for c in self.cards if c.finding.code not in acknowledged}
        for card in self.cards:
            self.cards_box.removeWidget(card)
            card.hide()  # deleteLater waits for the event loop
            card.deleteLater()
        record = None if self.session is None else self.session.count.record
        self.cards = []
        for finding in self.findings:
            on_file = None if record is None else record.explanation(finding.code)
            explanation = drafts.get(finding.code, on_file or "")
            card = FindingCard(self.t, finding, finding.code in acknowledged, explanation)
            card.acknowledge.connect(self.acknowledge)
            self.cards.append(card)
            self.cards_box.addWidget(card)
        self._show_summary()

    def blocking(self) -> tuple[Finding, ...]:
        acknowledged = frozenset() if self.session is None else self.session.count.acknowledged
        return tuple(f for f in self.findings if f.severity is Severity.ERROR or f.code not in acknowledged)

    def _show_summary(self) -> None:
        errors = sum(1 for f in self.findings if f.severity is Severity.ERROR)
        left = self.blocking()
        in_checks = self.session is not None and self.session.count.phase is Phase.CHECKS
        if not self.findings:
            self.summary.setText(self.t("ui.checks.all_passed"))
            self.summary.setStyleSheet(banner_style(Urgency.OK))
        elif errors:
            self.summary.setText(self.t("ui.checks.errors", count=errors))
            self.summary.setStyleSheet(banner_style(Urgency.BLOCKING))
        elif left:
            self.summary.setText(self.t("ui.checks.warnings", count=len(left)))
            self.summary.setStyleSheet(banner_style(Urgency.WARNING))
        else:
            self.summary.setText(self.t("ui.checks.all_acknowledged"))
            self.summary.setStyleSheet(banner_style(Urgency.OK))
        self.review_button.setEnabled(in_checks and not left)

    # --- actions -------------------------------------------------------------------------------------------------

    def acknowledge(self, code: str, explanation: str = "") -> None:
        """The bureau saw warning `code`; its explanation, when the warning asks for one, is recorded first."""
        session = self.session
        if session is None:
            return

        def act() -> None:
            if explanation:
                record_explanation(session, code, explanation)
            session.apply(Acknowledge(code))

        if self.guard(act, "checks.acknowledge"):
            self._show_findings()

    def open_review(self) -> None:
        """The review page, when nothing blocks; it shows the figures as they are now, not yet ticked."""
        session = self.session
        if session is None or self.blocking():
            return
        try:
            tally = count_tally(session)
        except Exception as error:  # the screen edge: a fault must never take the kiosk down
            self.errors.unexpected(error, "checks.review")
            self.banner.show_key("ui.unexpected", Urgency.BLOCKING)
            return
        self.review.show_review(session, tally, allowed=session.count.phase is Phase.CHECKS and not self.blocking())
        self.pages.setCurrentWidget(self.review)
        self._show_title()

    def close_review(self) -> None:
        self.pages.setCurrentWidget(self.checks_page)
        self._show_title()

    def finalize(self) -> None:
        """Fix the result: only from the review, ticked and confirmed by the president."""
        session = self.session
        if session is None or not (self.reviewing() and self.review.reviewed.isChecked()):
            return
        self.run_checks()  # the record may have changed since the findings were shown
        if self.blocking() or self.review.missing():
            self.open_review()
            return
        if self.guard(session.finalize, "checks.finalize"):  # the session computes the checks itself
            self.close_review()
            self.finalized.emit()

    # --- texts ---------------------------------------------------------------------------------------------------

    def _show_title(self) -> None:
        self.title.setText(self.t("ui.review.title" if self.reviewing() else "ui.checks.title"))

    def retranslate(self) -> None:
        self._show_title()
        self.record_button.setText(self.t("ui.checks.edit_record"))
        self._show_record()
        self.back_button.setText(self.t("ui.entry.back"))
        self.review_button.setText(self.t("ui.review.open"))
        for card in self.cards:
            card.retranslate()
        self._show_summary()
        self.review.retranslate()
