"""The result (C3, O4, S3): per list SC1–SC4 and the list total, the totals, writing to the stick with progress,
and the control number in very large type once the files are written and read back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.counting.classify import classify
from app.counting.count import Phase, final_ballots
from app.counting.tally import Tally, tally
from app.errors import StorageError, TabulaError
from app.i18n import catalogue
from app.ui.ports import SessionPort, WrittenResults
from app.ui.texts import Texts
from app.ui.theme import Urgency
from app.ui.widgets import ErrorSink, Screen, title_label, wrapped_label
from app.ui.worker import Task, start_task

_COLUMNS = (
    "ui.result.col.list",
    "ui.result.col.name",
    "ui.result.col.sc1",
    "ui.result.col.sc2",
    "ui.result.col.sc3",
    "ui.result.col.sc4",
    "ui.result.col.ce",
)


def count_tally(session: SessionPort) -> Tally:
    """The tally of the settled ballots (pure and fast: a few milliseconds for thousands of ballots)."""
    return tally(session.election, (classify(ballot) for _ref, ballot in final_ballots(session.count)))


def group_control_number(number: str) -> str:
    """Digits in groups of four, as printed in the PV and by `tabula replay`, to copy by hand onto the paper form."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))


class ResultScreen(Screen):
    """Shows the tally; writes the results to the stick on a worker thread; says when the stick may be removed."""

    written = Signal(object)  # WrittenResults

    def __init__(
        self,
        texts: Texts,
        errors: ErrorSink,
        stick_dir: Callable[[], Path | None],
    ) -> None:
        super().__init__(texts, errors)
        self.session: SessionPort | None = None
        self._stick_dir = stick_dir
        self.task: Task | None = None
        self.result: WrittenResults | None = None
        self.tally: Tally | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.title = title_label()
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.totals = wrapped_label()
        self.write_button = QPushButton()
        self.write_button.setProperty("role", "primary")
        self.write_button.clicked.connect(self.write)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.step = QLabel()
        self.control_title = QLabel()
        self.control_title.setProperty("role", "subtitle")
        self.control = QLabel()
        self.control.setProperty("role", "control")
        self.control.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.control.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.files_hash = wrapped_label()
        self.files_hash.setProperty("role", "status")
        side = QVBoxLayout()
        side.addWidget(self.totals)
        side.addWidget(self.write_button)
        side.addWidget(self.progress)
        side.addWidget(self.step)
        side.addWidget(self.banner)
        side.addWidget(self.control_title)
        side.addWidget(self.control)
        side.addWidget(self.files_hash)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 3)
        middle.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addLayout(middle, 1)
        self._show_written(None)

    # --- state ---------------------------------------------------------------------------------------------------

    def show_session(self, session: SessionPort) -> None:
        self.session = session

        def act() -> None:
            self.tally = count_tally(session)

        self.guard(act, "result.tally")
        self._fill_table()
        self.write_button.setEnabled(session.count.phase is Phase.FINAL and self.task is None)

    def _fill_table(self) -> None:
        if self.session is None or self.tally is None:
            self.table.setRowCount(0)
            return
        names = {lst.number: lst.name for lst in self.session.election.lists}
        self.table.setRowCount(len(self.tally.lists))
        for row, lst in enumerate(self.tally.lists):
            values = (str(lst.number), names.get(lst.number, ""), *(str(n) for n in lst.subcategories), str(lst.ce))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self._show_totals()

    def _show_totals(self) -> None:
        t = self.tally
        if t is None:
            self.totals.setText("")
            return
        self.totals.setText(
            self.t(
                "ui.result.totals",
                counted=t.counted,
                valid=t.valid,
                blank_or_invalid=t.blank_or_invalid,
                blank=t.blank,
                invalid=t.invalid,
            )
        )

    # --- writing -------------------------------------------------------------------------------------------------

    def write(self) -> None:
        """Write and verify the results on a worker thread (S3, U3); the screen stays responsive meanwhile."""
        session = self.session
        if session is None or self.task is not None:
            return
        stick = self._stick_dir()
        if stick is None:
            self.banner.show_error(StorageError("stick.missing"))
            return
        self.banner.clear_message()
        self._show_written(None)
        self.write_button.setEnabled(False)
        self.progress.setValue(0)

        def job(progress: Callable[[float, str], None]) -> object:
            return session.write_results(stick, progress=progress)  # the PV uses the journaled record

        self.task = start_task(
            self, job, on_progress=self._on_progress, on_success=self._on_written, on_failure=self._on_failed
        )

    def _on_progress(self, fraction: float, step: str) -> None:
        self.progress.setValue(round(max(0.0, min(1.0, fraction)) * 1000))
        self.step.setText(self.t(step) if step in catalogue() else "")

    def _on_written(self, result: object) -> None:
        self.task = None
        assert isinstance(result, WrittenResults)
        self.progress.setValue(1000)
        self._show_written(result)
        self.banner.show_key("ui.result.remove_stick", Urgency.OK)
        self.write_button.setEnabled(True)
        self.write_button.setText(self.t("ui.result.write_again"))
        self.written.emit(result)

    def _on_failed(self, error: object) -> None:
        self.task = None
        self.progress.setValue(0)
        self.step.setText("")
        if isinstance(error, TabulaError):
            self.banner.show_error(error)
        else:
            assert isinstance(error, BaseException)
            self.errors.unexpected(error, "result.write")
            self.banner.show_key("ui.unexpected", Urgency.BLOCKING)
        # S3: a pulled, full or read-only stick loses nothing; the same button now offers another try
        self.write_button.setText(self.t("ui.result.retry"))
        self.write_button.setEnabled(True)

    def _show_written(self, result: WrittenResults | None) -> None:
        self.result = result
        for widget in (self.control_title, self.control, self.files_hash):
            widget.setVisible(result is not None)
        if result is not None:
            self.control.setText(group_control_number(result.control_number))
            self.files_hash.setText(self.t("ui.result.hash", sha256=result.files_sha256))

    # --- texts ---------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.t("ui.result.title"))
        self.table.setHorizontalHeaderLabels([self.t(key) for key in _COLUMNS])
        self.write_button.setText(self.t("ui.result.write_again" if self.result else "ui.result.write"))
        self.control_title.setText(self.t("ui.result.control_number"))
        self._show_totals()
        if self.result is not None:
            self._show_written(self.result)
