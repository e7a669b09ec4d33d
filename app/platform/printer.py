"""Printing the signed PV at the table, for the paper signatures (O3): the printer as a port, with its fake.

- `CupsPrinter` hands the PDF to the local CUPS spooler with `lp -n COPIES -- FILE` (a USB printer on the
  appliance; there is no network) and asks `lpstat` how the job is doing: queued, printing, done, stopped (a paper
  jam, no paper, the printer switched off) or gone (cancelled, aborted, the printer pulled out).
- `NoPrinter` is a machine without CUPS: every print says that there is no printer.
- `FakePrinter` records every job (the bytes of the file as sent, and the copies) for tests, and fails or stops on
  demand.

Printing never touches the stick's results: it reads the signed PV that was written there, nothing more. Every
failure is a `PrintError` whose key says what the bureau can do; the words of `lp` are never shown to anyone.
"""

from __future__ import annotations

import enum
import re
import shutil
import subprocess  # lp and lpstat, fixed argument lists and no shell (see run_command)  # nosec B404
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from app.errors import TabulaError

MAX_COPIES = 20
COMMAND_TIMEOUT_S = 10.0


class PrintError(TabulaError):
    """Printing did not start: no printer, no CUPS, a refused job. The stick's results are not affected."""


class JobState(enum.Enum):
    QUEUED = "queued"
    PRINTING = "printing"
    DONE = "done"
    STOPPED = "stopped"  # still in the queue, but the printer stopped: see `Status.reason`
    GONE = "gone"  # no longer in the queue and not printed: cancelled, aborted, the printer vanished


class StopReason(enum.Enum):
    JAM = "jam"
    PAPER = "paper"
    OTHER = "other"


@dataclass(frozen=True)
class PrintJob:
    job_id: str
    copies: int


@dataclass(frozen=True)
class Status:
    state: JobState
    reason: StopReason | None = None

    @property
    def finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.GONE)


class Printer(Protocol):
    """Where the PV goes to be printed."""

    def print_pdf(self, pdf: Path, copies: int) -> PrintJob:
        """Send `copies` copies of the PDF at `pdf` to the printer; PrintError when it cannot even be queued."""
        ...

    def status(self, job: PrintJob) -> Status:
        """How the job is doing now; PrintError when that cannot be asked."""
        ...


def check_copies(copies: int) -> int:
    if not 1 <= copies <= MAX_COPIES:
        raise PrintError("printer.bad_copies", copies=copies, maximum=MAX_COPIES)
    return copies


# --- CUPS --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Completed:
    returncode: int
    stdout: str
    stderr: str


Runner = Callable[[Sequence[str]], Completed]


def run_command(argv: Sequence[str]) -> Completed:
    """Run a CUPS client command: a fixed argument list from this module, no shell, a time limit."""
    try:
        done = subprocess.run(  # noqa: S603  # nosec B603: fixed commands of this module, no shell
            list(argv), capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise PrintError("printer.not_answering") from error
    except OSError as error:  # the command is not there (no CUPS client) or cannot run
        raise PrintError("printer.no_cups") from error
    return Completed(done.returncode, done.stdout, done.stderr)


_REQUEST_ID = re.compile(r"request id is (\S+)")
_NO_DESTINATION = ("no default destination", "does not exist", "not accepting", "unknown printer")


class CupsPrinter:
    """The local CUPS spooler, through its command-line clients (`lp`, `lpstat`)."""

    def __init__(self, runner: Runner = run_command, lp: str | None = None, lpstat: str | None = None) -> None:
        self._run = runner
        self._lp = lp or shutil.which("lp") or "/usr/bin/lp"
        self._lpstat = lpstat or shutil.which("lpstat") or "/usr/bin/lpstat"

    def print_pdf(self, pdf: Path, copies: int) -> PrintJob:
        check_copies(copies)
        if not pdf.is_file():  # the stick was pulled since the write
            raise PrintError("printer.file_missing")
        done = self._run([self._lp, "-n", str(copies), "-o", "document-format=application/pdf", "--", str(pdf)])
        if done.returncode != 0:
            said = done.stderr.lower()
            if any(words in said for words in _NO_DESTINATION):
                raise PrintError("printer.none")
            raise PrintError("printer.refused")
        match = _REQUEST_ID.search(done.stdout)
        if match is None:
            raise PrintError("printer.refused")
        return PrintJob(match.group(1), copies)

    def status(self, job: PrintJob) -> Status:
        waiting = self._jobs("not-completed")
        if job.job_id in waiting:
            return self._printer_status(job.job_id.rsplit("-", 1)[0])
        if job.job_id in self._jobs("completed"):
            return Status(JobState.DONE)
        return Status(JobState.GONE)

    def _jobs(self, which: str) -> set[str]:
        done = self._run([self._lpstat, "-W", which, "-o"])
        if done.returncode != 0:  # the spooler stopped or went away: nothing is known of the job, not even "gone"
            raise PrintError("printer.not_answering")
        return {line.split()[0] for line in done.stdout.splitlines() if line.strip()}

    def _printer_status(self, printer: str) -> Status:
        """A job still in the queue: printing, waiting, or held up by its printer (`lpstat -l -p` says why)."""
        said = self._run([self._lpstat, "-l", "-p", printer]).stdout.lower()
        stopped = "disabled" in said or "stopped" in said or "paused" in said
        if "jam" in said:
            return Status(JobState.STOPPED, StopReason.JAM)
        if "media-empty" in said or "out of paper" in said or "media-needed" in said:
            return Status(JobState.STOPPED, StopReason.PAPER)
        if stopped:
            return Status(JobState.STOPPED, StopReason.OTHER)
        return Status(JobState.PRINTING if "now printing" in said else JobState.QUEUED)


def default_printer() -> Printer:
    """CUPS where its client is installed, else a machine without a printer."""
    if shutil.which("lp") and shutil.which("lpstat"):
        return CupsPrinter()
    return NoPrinter()


class NoPrinter:
    """A machine without a printer: it says so."""

    def print_pdf(self, pdf: Path, copies: int) -> PrintJob:
        check_copies(copies)
        raise PrintError("printer.none")

    def status(self, job: PrintJob) -> Status:
        return Status(JobState.GONE)


# --- the fake, for tests -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SentJob:
    """One job as the fake received it: the exact bytes of the file when it was sent, and the copies."""

    job: PrintJob
    path: Path
    data: bytes


@dataclass
class FakePrinter:
    """Records every job; `fail` makes the next prints refuse, `states` are what `status` answers, in turn (the last
    one stays), `status_fail` makes asking fail; while `hold` is set and not released, every call hangs, as `lp`
    or `lpstat` do when the spooler does not answer (until `release()`)."""

    jobs: list[SentJob] = field(default_factory=list)
    fail: PrintError | None = None
    states: list[Status] = field(default_factory=lambda: [Status(JobState.DONE)])
    status_fail: PrintError | None = None
    hold: threading.Event | None = None
    asked: int = 0

    def hang(self) -> None:
        """From now on every call waits, as a spooler that does not answer."""
        self.hold = threading.Event()

    def release(self) -> None:
        if self.hold is not None:
            self.hold.set()

    def _wait(self) -> None:
        if self.hold is not None:
            self.hold.wait(timeout=COMMAND_TIMEOUT_S)  # as long as `run_command` would wait at most

    def print_pdf(self, pdf: Path, copies: int) -> PrintJob:
        check_copies(copies)
        self._wait()
        if self.fail is not None:
            raise self.fail
        try:
            data = pdf.read_bytes()
        except OSError as error:  # the stick was pulled: nothing to print from
            raise PrintError("printer.file_missing") from error
        job = PrintJob(f"fake-{len(self.jobs) + 1}", copies)
        self.jobs.append(SentJob(job, pdf, data))
        return job

    def status(self, job: PrintJob) -> Status:
        self.asked += 1
        self._wait()
        if self.status_fail is not None:
            raise self.status_fail
        return self.states[0] if len(self.states) == 1 else self.states.pop(0)
