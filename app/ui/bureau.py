"""The bureau's record (C4, O3, C7): the polling stations it received ballot boxes from (ballots per their own PV,
ballots counted on receipt), its members, the canton and remarks.

The form is stored as one journaled event (`RecordBureau`) when the bureau confirms it, so a restart shows exactly
what was confirmed; the checks (W.201 on the total, W.202 per polling station) and the PV use that record. Nothing
half-typed is stored: a number that cannot be read is refused with a message naming the row, the field and what to
type, and the field gets the focus.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.counting.bureau import MAX_BALLOTS, MAX_TEXT, BureauRecord
from app.counting.checks import PollingStationCount
from app.counting.count import Phase, RecordBureau
from app.errors import BadInput, TabulaError
from app.ui.ports import SessionPort
from app.ui.texts import Texts
from app.ui.theme import Urgency
from app.ui.widgets import ErrorSink, HelpPanel, Screen, set_role, text_box_height, title_label, wrapped_label

NUMBER_WIDTH = 170
REMOVE_WIDTH = 130
# Who must be on the record before the result is fixed (issue 8). A counting bureau is a president, a secretary and
# four assessors (the 2024 instructions; witnesses of the lists may attend): the president completes a bureau that
# is short of members on the day, so a bureau that counted always had them. The kiosk asks for the president, the
# secretary and at least one assessor by name; assessors not typed in are left as blank lines in the PV, to be
# written by hand beside the signatures. Witnesses are optional.
MIN_ASSESSORS = 1
LEGAL_ASSESSORS = 4


class FieldError(BadInput):
    """A form field that cannot be read: the message, plus the widget to give the focus to (the next step)."""

    def __init__(self, widget: QWidget, key: str, **params: object) -> None:
        super().__init__(key, **params)
        self.widget = widget


def parse_count(field: QLineEdit, key: str, row: int) -> int | None:
    """A number of ballots as typed (spaces allowed, `1 234`); None when empty; FieldError naming the field."""
    text = "".join(field.text().split())
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_BALLOTS:
        raise FieldError(field, key, row=row, value=field.text().strip(), maximum=MAX_BALLOTS)
    return int(text)


def lines(edit: QPlainTextEdit, key: str) -> tuple[str, ...]:
    """One name or remark per line, empty lines left out; FieldError for a line the PV has no room for."""
    result = tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())
    for number, line in enumerate(result, start=1):
        if len(line) > MAX_TEXT:
            raise FieldError(edit, key, line=number, maximum=MAX_TEXT)
    return result


class StationRow(QWidget):
    """One polling station: its name, the ballots per its own PV, the ballots counted on receipt; removable."""

    remove = Signal(object)
    edited = Signal()

    def __init__(self, texts: Texts, help_panel: HelpPanel, station: PollingStationCount | None = None) -> None:
        super().__init__()
        self.t = texts
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_TEXT)
        self.per_pv, self.counted = QLineEdit(), QLineEdit()
        for field in (self.per_pv, self.counted):
            field.setFixedWidth(NUMBER_WIDTH)
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        for field in (self.name, self.per_pv, self.counted):
            field.textEdited.connect(lambda _text: self.edited.emit())
        help_panel.register(self.name, "ui.help.station_name")
        help_panel.register(self.per_pv, "ui.help.station_per_pv")
        help_panel.register(self.counted, "ui.help.station_counted")
        self.remove_button = QPushButton()
        self.remove_button.setFixedWidth(REMOVE_WIDTH)
        self.remove_button.clicked.connect(lambda: self.remove.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.per_pv)
        layout.addWidget(self.counted)
        layout.addWidget(self.remove_button)
        if station is not None:
            self.name.setText(station.name)
            self.per_pv.setText(str(station.per_pv))
            self.counted.setText("" if station.counted is None else str(station.counted))
        self.retranslate()

    def is_empty(self) -> bool:
        return not any(f.text().strip() for f in (self.name, self.per_pv, self.counted))

    def station(self, row: int) -> PollingStationCount:
        """The row as a polling station; FieldError for a missing name or figure, or a figure that is no number."""
        name = " ".join(self.name.text().split())
        per_pv = parse_count(self.per_pv, "ui.bureau.bad_per_pv", row)
        counted = parse_count(self.counted, "ui.bureau.bad_counted", row)
        if not name:
            raise FieldError(self.name, "ui.bureau.name_missing", row=row)
        if per_pv is None:
            raise FieldError(self.per_pv, "ui.bureau.per_pv_missing", row=row, station=name)
        return PollingStationCount(name, per_pv, counted)

    def retranslate(self) -> None:
        self.name.setPlaceholderText(self.t("ui.bureau.name_placeholder"))
        self.remove_button.setText(self.t("ui.bureau.remove"))


class BureauScreen(Screen):
    """The form of the bureau's record. Emits `saved` once the record is stored, `leave` to go back without it."""

    saved = Signal()
    leave = Signal()

    def __init__(self, texts: Texts, errors: ErrorSink) -> None:
        super().__init__(texts, errors)
        self.session: SessionPort | None = None
        self.rows: list[StationRow] = []
        self.leave_armed = False
        self._build()
        self.retranslate()

    # --- layout --------------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = title_label()
        self.intro = wrapped_label()
        self.stations_title = QLabel()
        self.stations_title.setProperty("role", "subtitle")
        self.head_name, self.head_per_pv, self.head_counted = QLabel(), QLabel(), QLabel()
        for label in (self.head_per_pv, self.head_counted):
            label.setFixedWidth(NUMBER_WIDTH)
            label.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(self.head_name, 1)
        head.addWidget(self.head_per_pv)
        head.addWidget(self.head_counted)
        head.addSpacing(REMOVE_WIDTH + head.spacing())
        self.rows_box = QVBoxLayout()
        rows_widget = QWidget()
        rows_layout = QVBoxLayout(rows_widget)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_layout.addLayout(self.rows_box)
        rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(rows_widget)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_row())
        self.totals = wrapped_label()
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.totals, 1)
        stations = QFrame()
        stations.setProperty("role", "card")
        left = QVBoxLayout(stations)
        left.addWidget(self.stations_title)
        left.addLayout(head)
        left.addWidget(scroll, 1)
        left.addLayout(add_row)

        self.canton, self.president, self.secretary = QLineEdit(), QLineEdit(), QLineEdit()
        for field in (self.canton, self.president, self.secretary):
            field.setMaxLength(MAX_TEXT)
        self.assessors, self.witnesses, self.remarks = QPlainTextEdit(), QPlainTextEdit(), QPlainTextEdit()
        # the four assessors of a bureau all show without scrolling (at 96 px the fourth was cut at 1366x768)
        for edit, lines in ((self.assessors, LEGAL_ASSESSORS), (self.witnesses, 3), (self.remarks, 3)):
            edit.setTabChangesFocus(True)  # keyboard-first: Tab goes on to the next field (U7)
            edit.setFixedHeight(text_box_height(edit, lines))
        for widget, key in (
            (self.canton, "ui.help.canton"),
            (self.president, "ui.help.president"),
            (self.secretary, "ui.help.secretary"),
            (self.assessors, "ui.help.assessors"),
            (self.witnesses, "ui.help.witnesses"),
            (self.remarks, "ui.help.remarks"),
        ):
            self.help.register(widget, key)
        self.members_title = QLabel()
        self.members_title.setProperty("role", "subtitle")
        self.form_labels = [QLabel() for _ in range(6)]
        form = QFormLayout()
        fields: tuple[QWidget, ...] = (
            self.canton,
            self.president,
            self.secretary,
            self.assessors,
            self.witnesses,
            self.remarks,
        )
        for label, field_widget in zip(self.form_labels, fields, strict=True):
            form.addRow(label, field_widget)
        members = QFrame()
        members.setProperty("role", "card")
        members.setFixedWidth(500)
        right = QVBoxLayout(members)
        right.addWidget(self.members_title)
        right.addLayout(form)
        right.addStretch(1)

        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        self.save_button = QPushButton()
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addWidget(self.help, 1)
        actions.addWidget(self.save_button)
        middle = QHBoxLayout()
        middle.addWidget(stations, 1)
        middle.addWidget(members)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)
        layout.addLayout(actions)

    # --- state ---------------------------------------------------------------------------------------------------

    def show_session(self, session: SessionPort) -> None:
        """Show the record as stored (after a restart: as replayed from the journal)."""
        self.session = session
        self.banner.clear_message()
        self.load(session.count.record)
        self.save_button.setEnabled(session.count.phase is not Phase.FINAL)

    def load(self, record: BureauRecord) -> None:
        for row in list(self.rows):
            self._drop(row)
        for station in record.polling_stations:
            self.add_row(station)
        if not self.rows:
            self.add_row()
        self.canton.setText(record.canton or "")
        self.president.setText(record.president)
        self.secretary.setText(record.secretary)
        self.assessors.setPlainText("\n".join(record.assessors))
        self.witnesses.setPlainText("\n".join(record.witnesses))
        self.remarks.setPlainText("\n".join(record.remarks))
        self._disarm_leave()
        self._show_totals()

    def add_row(self, station: PollingStationCount | None = None) -> StationRow:
        row = StationRow(self.t, self.help, station)
        row.remove.connect(self.remove_row)
        row.edited.connect(self._show_totals)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        if station is None and self.isVisible():
            row.name.setFocus()
        self._show_totals()
        return row

    def remove_row(self, row: object) -> None:
        assert isinstance(row, StationRow)
        self._drop(row)
        if not self.rows:
            self.add_row()
        self._show_totals()

    def _drop(self, row: StationRow) -> None:
        self.rows.remove(row)
        self.rows_box.removeWidget(row)
        row.hide()  # deleteLater waits for the event loop
        row.deleteLater()

    def record(self) -> BureauRecord:
        """The record as on the form; FieldError (a BadInput) for what cannot be read.

        Starts from the stored record, so what this form does not show (a total given to `tabula replay`) is kept.
        """
        base = BureauRecord() if self.session is None else self.session.count.record
        stations: list[PollingStationCount] = []
        for number, row in enumerate(self.rows, start=1):
            if row.is_empty():
                continue
            station = row.station(number)
            if any(s.name.casefold() == station.name.casefold() for s in stations):
                raise FieldError(row.name, "ui.bureau.station_twice", row=number, station=station.name)
            stations.append(station)
        canton = " ".join(self.canton.text().split())
        return replace(
            base,
            polling_stations=tuple(stations),
            president=" ".join(self.president.text().split()),
            secretary=" ".join(self.secretary.text().split()),
            assessors=lines(self.assessors, "ui.bureau.assessor_too_long"),
            witnesses=lines(self.witnesses, "ui.bureau.witness_too_long"),
            canton=canton or None,
            remarks=lines(self.remarks, "ui.bureau.remark_too_long"),
        )

    def changed(self) -> bool:
        """Whether the form differs from the stored record (a form that cannot be read counts as changed)."""
        if self.session is None:
            return False
        try:
            return self.record() != self.session.count.record
        except TabulaError:
            return True

    # --- actions -------------------------------------------------------------------------------------------------

    def save(self) -> None:
        """Store the record durably (C7); unchanged, nothing is stored (so acknowledged warnings stand)."""
        session = self.session
        if session is None:
            return

        def act() -> None:
            try:
                record = self.record()
            except FieldError as error:
                error.widget.setFocus()  # the next step: the field to correct
                raise
            if record != session.count.record:
                session.apply(RecordBureau(record))

        if self.guard(act, "bureau.save"):
            self._disarm_leave()
            self.saved.emit()

    def back(self) -> None:
        """Back without storing; with changes on the form, only after a second tap."""
        if self.leave_armed or not self.changed():
            self._disarm_leave()
            self.leave.emit()
            return
        self.leave_armed = True
        set_role(self.back_button, "armed")
        self.back_button.setText(self.t("ui.bureau.back_armed"))
        self.banner.show_key("ui.bureau.unsaved", Urgency.WARNING)

    def _disarm_leave(self) -> None:
        self.leave_armed = False
        set_role(self.back_button, "")
        self.back_button.setText(self.t("ui.entry.back"))

    # --- texts ---------------------------------------------------------------------------------------------------

    def _show_totals(self) -> None:
        per_pv = counted = 0
        for row in self.rows:
            for field, add in ((row.per_pv, True), (row.counted, False)):
                text = "".join(field.text().split())
                if text.isascii() and text.isdigit():
                    if add:
                        per_pv += int(text)
                    else:
                        counted += int(text)
        self.totals.setText(self.t("ui.bureau.totals", per_pv=per_pv, counted=counted))

    def retranslate(self) -> None:
        # rows come and go: the screen retranslates the ones it has (a row connected to the language switch itself
        # would outlive its widget and crash the next switch)
        for row in self.rows:
            row.retranslate()
        self.title.setText(self.t("ui.bureau.title"))
        self.intro.setText(self.t("ui.bureau.intro"))
        self.stations_title.setText(self.t("ui.bureau.stations"))
        self.head_name.setText(self.t("ui.bureau.col.name"))
        self.head_per_pv.setText(self.t("ui.bureau.col.per_pv"))
        self.head_counted.setText(self.t("ui.bureau.col.counted"))
        self.add_button.setText(self.t("ui.bureau.add"))
        self.members_title.setText(self.t("ui.bureau.members"))
        keys = (
            "ui.bureau.canton",
            "ui.bureau.president",
            "ui.bureau.secretary",
            "ui.bureau.assessors",
            "ui.bureau.witnesses",
            "ui.bureau.remarks",
        )
        for label, key in zip(self.form_labels, keys, strict=True):
            label.setText(self.t(key))
        self.save_button.setText(self.t("ui.bureau.save"))
        self.back_button.setText(self.t("ui.bureau.back_armed" if self.leave_armed else "ui.entry.back"))
        self._show_totals()


def missing_members(record: BureauRecord) -> tuple[str, ...]:
    """The roles the record must still name before the result is fixed: "president", "secretary", "assessor"."""
    missing = [role for role, name in (("president", record.president), ("secretary", record.secretary)) if not name]
    if sum(1 for name in record.assessors if name.strip()) < MIN_ASSESSORS:
        missing.append("assessor")
    return tuple(missing)


def record_summary(record: BureauRecord, t: Texts) -> tuple[str, Urgency]:
    """One short paragraph for the checks screen: what the checks compare with, who is on the record, and who is
    still missing before the result can be fixed."""
    parts: list[str] = []
    if record.polling_stations:
        received = sum(p.per_pv for p in record.polling_stations)
        parts.append(t("ui.bureau.summary_stations", stations=len(record.polling_stations), received=received))
    elif record.received_total is not None:
        parts.append(t("ui.bureau.summary_total", received=record.received_total))
    else:
        return t("ui.bureau.summary_missing"), Urgency.WARNING
    if record.president:
        parts.append(t("ui.bureau.summary_president", name=record.president))
    missing = missing_members(record)
    if missing:
        roles = ", ".join(t(f"ui.review.role.{role}") for role in missing)
        parts.append(t("ui.review.record_missing", roles=roles))
        return " ".join(parts), Urgency.WARNING
    return " ".join(parts), Urgency.INFO
