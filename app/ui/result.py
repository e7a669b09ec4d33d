"""The result (C3, O3, O4, S3): per list SC1–SC4, the list total and the titular and successor totals, the totals,
the control number, writing to the stick with progress, and printing the signed PV at the table.

The control number is shown in very large type from the moment the result is fixed, for as long as the session
runs and again after a restart: it depends only on the bureau and its tally, so it is computed again here, exactly
as the PV prints it. When the bureau's stick fails, the results can go to a blank spare stick instead
(`app.platform.sticks`). The PV is printed from the signed file as written on the stick (`app.platform.printer`);
no printer, a jam or a printing error is said on its own line and never touches what was written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.counting.classify import classify
from app.counting.count import Phase, final_ballots
from app.counting.tally import Tally, tally
from app.errors import StorageError, TabulaError
from app.i18n import catalogue
from app.platform.printer import MAX_COPIES, JobState, NoPrinter, Printer, PrintJob, Status, StopReason
from app.platform.sticks import ROOT_CERT_NAME, SpareSticks
from app.platform.tpm import PlatformRefused
from app.results_layout import PV_FILE
from app.signing.control_number import canonical_results, control_number
from app.ui.ports import SessionPort, WrittenResults
from app.ui.tally_view import ListTotalsTable
from app.ui.texts import Texts
from app.ui.theme import PALETTE, BandKind, Urgency, band_style
from app.ui.widgets import Banner, ErrorSink, Screen, set_role, title_label, wrapped_label
from app.ui.worker import Task, start_detached, start_task

DEFAULT_COPIES = 2  # one to sign and keep with the PV, one for the canton chief bureau (art. 161)
PRINT_POLL_MS = 2000
PRINT_WATCH_POLLS = 90  # three minutes: then the printer is left to itself, and the screen says so
UNTOUCHED = "ui.print.stick_untouched"
ELSEWHERE = "ui.print.elsewhere"  # the signed PV is on the stick: another printer will do, or go on without


def count_tally(session: SessionPort) -> Tally:
    """The tally of the settled ballots (pure and fast: a few milliseconds for thousands of ballots)."""
    return tally(session.election, (classify(ballot) for _ref, ballot in final_ballots(session.count)))


def group_control_number(number: str) -> str:
    """Digits in groups of four, as printed in the PV and by `tabula replay`, to copy by hand onto the paper form."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def session_control_number(session: SessionPort, current: Tally) -> str:
    """The control number of the fixed result, as `Session.control_number` computes it for the PV."""
    return control_number(canonical_results(str(session.station.id), session.election, current))


@dataclass(frozen=True)
class _Written:
    """A write that succeeded: the results, the target, and for a spare stick whether `root.pem` went beside them."""

    results: WrittenResults
    target: Path
    spare: bool
    root_written: bool


class ResultScreen(Screen):
    """Shows the tally and the control number; writes the results to the stick (or a spare) on a worker thread;
    says when the stick may be removed; prints the PV from the stick."""

    written = Signal(object)  # WrittenResults

    def __init__(
        self,
        texts: Texts,
        errors: ErrorSink,
        stick_dir: Callable[[], Path | None],
        *,
        printer: Printer | None = None,
        spare: SpareSticks | None = None,
        training: bool = False,
    ) -> None:
        super().__init__(texts, errors)
        self.session: SessionPort | None = None
        self.training = training  # a training result's control number is marked, and never to be copied
        self._stick_dir = stick_dir
        self.printer: Printer = printer or NoPrinter()
        self.spare = spare
        self.task: Task | None = None
        self.print_task: threading.Thread | None = None  # a job with the printer's spooler, under way
        self.result: WrittenResults | None = None
        self.tally: Tally | None = None
        self.number: str | None = None
        self.failed = False  # the last write failed: a spare stick is offered
        self.refused = False  # the TPM refused to sign: nothing this screen offers can help
        self._step = ""  # the catalogue key of the step the write is at (re-read on a language switch)
        self.job: PrintJob | None = None
        self._polls = 0
        self._poll_timer = QTimer(self)
        self._poll_timer.setSingleShot(True)
        self._poll_timer.timeout.connect(self._poll_print)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.title = title_label()
        self.table = ListTotalsTable(self.t)
        self.totals = wrapped_label()
        self.write_button = QPushButton()
        self.write_button.setProperty("role", "primary")
        self.write_button.clicked.connect(self.write)
        self.spare_button = QPushButton()
        self.spare_button.clicked.connect(self.write_to_spare)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.step = QLabel()
        self.control_title = wrapped_label()
        self.control_title.setProperty("role", "subtitle")
        self.control = QLabel()
        self.control.setProperty("role", "control")
        self.control.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.control.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        if self.training:
            self.control_title.setStyleSheet(band_style(BandKind.TRAINING) + "padding:8px 12px;")
            self.control.setStyleSheet(f"color:{PALETTE.training_bg}; border:3px dashed {PALETTE.training_bg};")
        self.files_hash = wrapped_label()
        self.files_hash.setProperty("role", "status")
        self.print_title = QLabel()
        self.print_title.setProperty("role", "subtitle")
        self.copies_label = QLabel()
        self.copies = QSpinBox()
        self.copies.setRange(1, MAX_COPIES)
        self.copies.setValue(DEFAULT_COPIES)
        self.copies.setFixedWidth(70)
        self.copies.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # touch: the − and + buttons beside it instead of the tiny arrows (NoButtons would hide the digits under
        # the theme's style sheet)
        self.copies.setStyleSheet("QSpinBox::up-button, QSpinBox::down-button { width:0px; border:none; }")
        self.help.register(self.copies, "ui.help.print_copies")
        self.fewer, self.more = QPushButton("−"), QPushButton("+")
        for button, step in ((self.fewer, -1), (self.more, 1)):
            button.setFixedWidth(48)
            button.clicked.connect(lambda _=False, step=step: self.copies.setValue(self.copies.value() + step))
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_pv)
        self.print_status = Banner(self.t)
        self.print_hint = wrapped_label()
        self.print_hint.setProperty("role", "status")
        print_row = QHBoxLayout()
        print_row.addWidget(self.copies_label)
        print_row.addWidget(self.fewer)
        print_row.addWidget(self.copies)
        print_row.addWidget(self.more)
        print_row.addStretch(1)
        print_row.addWidget(self.print_button)
        print_card = QFrame()
        print_card.setProperty("role", "card")
        print_box = QVBoxLayout(print_card)
        print_box.setContentsMargins(8, 6, 8, 6)
        print_box.addWidget(self.print_title)
        print_box.addLayout(print_row)
        print_box.addWidget(self.print_hint)
        print_box.addWidget(self.print_status)
        write_row = QHBoxLayout()
        write_row.addWidget(self.write_button, 1)
        write_row.addWidget(self.spare_button, 1)
        control_row = QHBoxLayout()
        control_row.addWidget(self.control_title, 1)
        control_row.addWidget(self.control)
        side = QVBoxLayout()
        side.addWidget(self.totals)
        side.addLayout(write_row)
        side.addWidget(self.progress)
        side.addWidget(self.step)
        side.addWidget(self.banner)
        side.addWidget(self.files_hash)
        side.addWidget(print_card)
        side.addWidget(self.help)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(460)
        side.setContentsMargins(0, 0, 0, 0)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addWidget(side_widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addLayout(control_row)  # above all: what the president copies by hand onto the paper form
        layout.addLayout(middle, 1)
        self._show_written(None)

    # --- state ---------------------------------------------------------------------------------------------------

    def show_session(self, session: SessionPort) -> None:
        """The tally of the session; once the result is fixed, its control number (also after a restart)."""
        if session is not self.session:
            self.result, self.failed, self.job = None, False, None
            self.print_status.clear_message()
        self.session = session

        def act() -> None:
            self.tally = count_tally(session)
            final = session.count.phase is Phase.FINAL
            self.number = session_control_number(session, self.tally) if final else None

        self.guard(act, "result.tally")
        self.table.show_tally(session.election, self.tally)
        self._show_totals()
        self._show_control()
        self._show_buttons()

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

    def _show_control(self) -> None:
        shown = self.number is not None
        for widget in (self.control_title, self.control):
            widget.setVisible(shown)
        if self.number is not None:
            self.control.setText(group_control_number(self.number))

    def _show_buttons(self) -> None:
        final = self.session is not None and self.session.count.phase is Phase.FINAL
        idle = self.task is None
        self.write_button.setEnabled(final and idle and not self.refused)
        self.spare_button.setVisible(self.spare is not None and self.failed and not self.refused)
        self.spare_button.setEnabled(final and idle)
        can_print = self.result is not None and idle and self.print_task is None
        for widget in (self.print_button, self.copies, self.fewer, self.more):
            widget.setEnabled(can_print)
        self.print_hint.setVisible(self.result is None)
        # the blue button is the next step: write, then print the PV for the signatures (a blue 'write again' after
        # a good write read as something still to do)
        written = self.result is not None
        set_role(self.write_button, "" if written else "primary")
        set_role(self.print_button, "primary" if written else "")

    # --- writing -------------------------------------------------------------------------------------------------

    def write(self) -> None:
        """Write and verify the results on the bureau's stick on a worker thread (S3, U3)."""
        stick = self._stick_dir()
        if self.session is None or self.task is not None:
            return
        if stick is None:
            self._on_failed(StorageError("stick.missing"))
            return
        self._start_write(stick, spare=False)

    def write_to_spare(self) -> None:
        """After a failed write: the results to a blank spare stick, with the root certificate beside them."""
        if self.session is None or self.task is not None or self.spare is None:
            return
        target = self.spare.find(exclude=self._stick_dir())
        if target is None:
            self.banner.show_key("ui.result.no_spare", Urgency.WARNING)
            return
        self._start_write(target, spare=True)

    def _start_write(self, target: Path, *, spare: bool) -> None:
        session, spares = self.session, self.spare
        assert session is not None
        self.banner.clear_message()
        self._show_written(None)
        self.progress.setValue(0)

        def job(progress: Callable[[float, str], None]) -> object:
            if spare and spares is not None:
                spares.confirm(target)  # still the mounted spare, not the bare folder a pulled stick leaves
            results = session.write_results(target, progress=progress, spare=spare)  # the PV: the journaled record
            root_written = False
            if spare and spares is not None:
                spares.confirm(target)  # written to the stick itself, not to what was under it
                try:
                    spares.add_root_certificate(target)
                    root_written = True
                except TabulaError:
                    root_written = False  # the results are written and verified: only the convenience is missing
            return _Written(results, target, spare, root_written)

        self.task = start_task(
            self, job, on_progress=self._on_progress, on_success=self._on_written, on_failure=self._on_failed
        )
        self._show_buttons()

    def _on_progress(self, fraction: float, step: str) -> None:
        self.progress.setValue(round(max(0.0, min(1.0, fraction)) * 1000))
        self._step = step if step in catalogue() else ""
        self._show_step()

    def _show_step(self) -> None:
        self.step.setText(self.t(self._step) if self._step else "")

    def _on_written(self, outcome: object) -> None:
        self.task = None
        assert isinstance(outcome, _Written)
        result = outcome.results
        self.failed = False
        self.progress.setValue(1000)
        self.number = result.control_number  # the same number, as the PV on the stick prints it
        self._show_control()
        self._show_written(result)
        if not outcome.spare:
            self.banner.show_key("ui.result.remove_stick", Urgency.OK)
        elif outcome.root_written:
            folder = str(result.folder)
            self.banner.show_key("ui.result.spare_written", Urgency.OK, folder=folder, root=ROOT_CERT_NAME)
        else:
            self.banner.show_key("ui.result.spare_written_no_root", Urgency.WARNING, folder=str(result.folder))
        self.write_button.setText(self.t("ui.result.write_again"))
        self._show_buttons()
        self.written.emit(result)

    def _on_failed(self, error: object) -> None:
        self.task = None
        self.failed = True
        # a platform the TPM no longer trusts cannot sign on any stick: no retry, no spare; the message says who helps
        self.refused = isinstance(error, PlatformRefused)
        self.progress.setValue(0)
        self._step = ""
        self._show_step()
        if isinstance(error, TabulaError):
            self.banner.show_error(error)
        else:
            assert isinstance(error, BaseException)
            self.errors.unexpected(error, "result.write")
            self.banner.show_key("ui.unexpected", Urgency.BLOCKING)
        # S3: a pulled, full or read-only stick loses nothing; the same button tries again, or a blank spare stick
        self.write_button.setText(self.t("ui.result.retry"))
        self._show_buttons()

    def _show_written(self, result: WrittenResults | None) -> None:
        self.result = result
        self.files_hash.setVisible(result is not None)
        if result is not None:
            digest = result.files_sha256  # in groups of eight, so that it wraps instead of running off the screen
            grouped = " ".join(digest[i : i + 8] for i in range(0, len(digest), 8))
            self.files_hash.setText(self.t("ui.result.hash", sha256=grouped))
        self._show_buttons()

    # --- printing ------------------------------------------------------------------------------------------------

    def pv_path(self) -> Path | None:
        """The signed PV as written on the stick by this session."""
        return None if self.result is None else self.result.folder / PV_FILE

    def print_pv(self) -> None:
        """Send the PV on the stick to the printer, with the copies asked; the result on the stick stays as it is."""
        path, printer = self.pv_path(), self.printer
        if path is None or self.print_task is not None:
            return
        copies = self.copies.value()
        self._poll_timer.stop()
        self.job = None
        self.print_status.show_key("ui.print.sending", Urgency.INFO, copies=copies)

        self.print_task = start_detached(
            self, lambda: printer.print_pdf(path, copies), on_success=self._on_sent, on_failure=self._on_print_failed
        )
        self._show_buttons()

    def _on_sent(self, job: object) -> None:
        self.print_task = None
        assert isinstance(job, PrintJob)
        self.job = job
        self._polls = 0
        self.print_status.show_key("ui.print.sent", Urgency.INFO, copies=job.copies)
        self._show_buttons()
        self._poll_timer.start(PRINT_POLL_MS)

    def _poll_print(self) -> None:
        job, printer = self.job, self.printer
        if job is None or self.print_task is not None:
            return
        self._polls += 1

        self.print_task = start_detached(
            self, lambda: printer.status(job), on_success=self._on_status, on_failure=self._on_status_failed
        )

    def _on_status(self, status: object) -> None:
        self.print_task = None
        assert isinstance(status, Status) and self.job is not None
        copies = self.job.copies
        if status.state is JobState.DONE:
            self.print_status.show_key("ui.print.done", Urgency.OK, copies=copies)
        elif status.state is JobState.GONE:  # cancelled, or the printer vanished mid-job
            self._print_trouble(lambda: self.t("ui.print.gone"), ELSEWHERE)
        elif status.state is JobState.STOPPED:
            reason = status.reason or StopReason.OTHER
            # a jam or no paper: the job goes on by itself once fixed; a stopped printer may not come back
            extra = (ELSEWHERE,) if reason is StopReason.OTHER else ()
            self._print_trouble(lambda: self.t(f"ui.print.stopped.{reason.value}"), *extra)
        else:
            key = "ui.print.printing" if status.state is JobState.PRINTING else "ui.print.sent"
            self.print_status.show_key(key, Urgency.INFO, copies=copies)
        self._show_buttons()
        if status.finished:
            self.job = None
        elif self._polls < PRINT_WATCH_POLLS:
            self._poll_timer.start(PRINT_POLL_MS)
        else:
            self.print_status.show_key("ui.print.left", Urgency.INFO)

    def _on_print_failed(self, error: object) -> None:
        """The job could not be handed to the printer (none, refused, `lp` hanging past its time limit)."""
        self.print_task = None
        self.job = None
        self._poll_timer.stop()
        if isinstance(error, TabulaError):
            self._print_trouble(lambda: self.t.error(error), UNTOUCHED, ELSEWHERE)
        else:
            assert isinstance(error, BaseException)
            self.errors.unexpected(error, "result.print")
            self._print_trouble(lambda: self.t("ui.print.failed"), ELSEWHERE)
        self._show_buttons()

    def _on_status_failed(self, error: object) -> None:
        """The job was handed over, then the spooler stopped answering: whether it prints is not known here."""
        self.print_task = None
        self.job = None
        self._poll_timer.stop()  # no more asking a spooler that is gone
        if not isinstance(error, TabulaError):
            assert isinstance(error, BaseException)
            self.errors.unexpected(error, "result.print_status")
        self._print_trouble(lambda: self.t("ui.print.lost_track"), UNTOUCHED, ELSEWHERE)
        self._show_buttons()

    def _print_trouble(self, first: Callable[[], str], *then: str) -> None:
        """A printing problem, re-rendered on a language switch: what happened, then the sentences `then` add."""
        self.print_status.show_message(lambda: " ".join([first(), *(self.t(key) for key in then)]), Urgency.WARNING)

    # --- texts ---------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.t("ui.result.title"))
        self.table.retranslate()
        key = "ui.result.retry" if self.failed else "ui.result.write_again" if self.result else "ui.result.write"
        self.write_button.setText(self.t(key))
        self.spare_button.setText(self.t("ui.result.spare"))
        self.control_title.setText(
            self.t("ui.result.control_number_training" if self.training else "ui.result.control_number")
        )
        self.print_title.setText(self.t("ui.print.title"))
        self.copies_label.setText(self.t("ui.print.copies"))
        self.print_button.setText(self.t("ui.print.print"))
        self.print_hint.setText(self.t("ui.print.write_first"))
        self.print_status.refresh()
        self._show_step()
        self._show_totals()
        if self.result is not None:
            self._show_written(self.result)
