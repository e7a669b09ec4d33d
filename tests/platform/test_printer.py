"""The printer port: the CUPS client commands and what their answers mean (table-driven, on a scripted runner), the
machine without a printer, and the fake that records the exact bytes sent."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from app.i18n import LANGUAGES, catalogue
from app.platform.printer import (
    MAX_COPIES,
    Completed,
    CupsPrinter,
    FakePrinter,
    JobState,
    NoPrinter,
    PrintError,
    PrintJob,
    Status,
    StopReason,
    default_printer,
    run_command,
)


class Script:
    """Answers CUPS commands from a table (first word after the program name decides), and records them."""

    def __init__(self, answers: dict[tuple[str, ...], Completed]) -> None:
        self.answers = answers
        self.calls: list[list[str]] = []

    def __call__(self, argv: Sequence[str]) -> Completed:
        self.calls.append(list(argv))
        for key, answer in self.answers.items():
            if tuple(argv[1 : 1 + len(key)]) == key:
                return answer
        return Completed(0, "", "")


def ok(stdout: str = "") -> Completed:
    return Completed(0, stdout, "")


@pytest.fixture
def pv(tmp_path: Path) -> Path:
    path = tmp_path / "pv.pdf"
    path.write_bytes(b"%PDF-1.7 signed")
    return path


def test_the_pv_goes_to_lp_with_the_copies_and_no_shell(pv: Path) -> None:
    script = Script({("-n",): ok("request id is Brother-42 (1 file(s))\n")})
    job = CupsPrinter(script, lp="/usr/bin/lp", lpstat="/usr/bin/lpstat").print_pdf(pv, 3)
    assert job == PrintJob("Brother-42", 3)
    assert script.calls == [["/usr/bin/lp", "-n", "3", "-o", "document-format=application/pdf", "--", str(pv)]]


@pytest.mark.parametrize(
    ("stderr", "key"),
    [
        ("lp: Error - No default destination.", "printer.none"),
        ("lp: The printer or class does not exist.", "printer.none"),
        ('lp: Destination "x" is not accepting jobs.', "printer.none"),
        ("lp: Error - scheduler not responding.", "printer.refused"),
    ],
)
def test_a_refused_job_is_a_print_error_with_the_next_step(pv: Path, stderr: str, key: str) -> None:
    printer = CupsPrinter(Script({("-n",): Completed(1, "", stderr)}), lp="lp", lpstat="lpstat")
    with pytest.raises(PrintError) as raised:
        printer.print_pdf(pv, 1)
    assert raised.value.key == key


def test_an_answer_without_a_job_id_is_refused(pv: Path) -> None:
    with pytest.raises(PrintError, match=r"printer\.refused"):
        CupsPrinter(Script({("-n",): ok("something else")}), lp="lp", lpstat="lpstat").print_pdf(pv, 1)


def test_a_pv_no_longer_on_the_stick_is_said_before_asking_cups(tmp_path: Path) -> None:
    script = Script({})
    with pytest.raises(PrintError, match=r"printer\.file_missing"):
        CupsPrinter(script, lp="lp", lpstat="lpstat").print_pdf(tmp_path / "gone.pdf", 1)
    assert script.calls == []


@pytest.mark.parametrize("copies", [0, -1, MAX_COPIES + 1])
def test_copies_out_of_range_are_refused_by_every_printer(pv: Path, copies: int) -> None:
    for printer in (CupsPrinter(Script({}), lp="lp", lpstat="lpstat"), NoPrinter(), FakePrinter()):
        with pytest.raises(PrintError, match=r"printer\.bad_copies"):
            printer.print_pdf(pv, copies)


QUEUED = "Brother-42  tabula  1024  Sun 09 Jun 2024 22:10:00 CEST\n"


@pytest.mark.parametrize(
    ("waiting", "completed", "printer_says", "expected"),
    [
        (QUEUED, "", "printer Brother now printing Brother-42.  enabled since …", Status(JobState.PRINTING)),
        (QUEUED, "", "printer Brother is idle.  enabled since …", Status(JobState.QUEUED)),
        (
            QUEUED,
            "",
            "printer Brother disabled since … -\n\tMedia jam\n\tAlerts: media-jam",
            Status(JobState.STOPPED, StopReason.JAM),
        ),
        (
            QUEUED,
            "",
            "printer Brother is idle. enabled since …\n\tAlerts: media-empty-error",
            Status(JobState.STOPPED, StopReason.PAPER),
        ),
        (QUEUED, "", "printer Brother disabled since … -\n\tPaused", Status(JobState.STOPPED, StopReason.OTHER)),
        ("", QUEUED, "", Status(JobState.DONE)),
        ("", "", "", Status(JobState.GONE)),  # cancelled, aborted, or the printer pulled out
    ],
)
def test_the_state_of_a_job_is_read_from_lpstat(waiting: str, completed: str, printer_says: str, expected) -> None:  # type: ignore[no-untyped-def]
    script = Script(
        {
            ("-W", "not-completed"): ok(waiting),
            ("-W", "completed"): ok(completed),
            ("-l", "-p"): ok(printer_says),
        }
    )
    status = CupsPrinter(script, lp="lp", lpstat="lpstat").status(PrintJob("Brother-42", 2))
    assert status == expected
    assert status.finished == (expected.state in (JobState.DONE, JobState.GONE))
    if waiting:
        assert ["lpstat", "-l", "-p", "Brother"] in script.calls  # the job's own printer


def test_a_missing_cups_client_and_a_hanging_one_are_print_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(PrintError, match=r"printer\.no_cups"):
        run_command(["/nonexistent/lp", "-n", "1"])
    monkeypatch.setattr("app.platform.printer.COMMAND_TIMEOUT_S", 0.05)
    with pytest.raises(PrintError, match=r"printer\.not_answering"):
        run_command(["sleep", "2"])
    assert run_command(["true"]).returncode == 0


def test_a_machine_without_a_printer_says_so(pv: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(PrintError, match=r"printer\.none"):
        NoPrinter().print_pdf(pv, 1)
    assert NoPrinter().status(PrintJob("x", 1)).state is JobState.GONE
    monkeypatch.setattr("app.platform.printer.shutil.which", lambda _name: None)
    assert isinstance(default_printer(), NoPrinter)
    monkeypatch.setattr("app.platform.printer.shutil.which", lambda name: f"/usr/bin/{name}")
    assert isinstance(default_printer(), CupsPrinter)


def test_the_fake_records_the_bytes_as_sent_and_answers_states_in_turn(pv: Path) -> None:
    printer = FakePrinter(states=[Status(JobState.PRINTING), Status(JobState.DONE)])
    job = printer.print_pdf(pv, 2)
    pv.write_bytes(b"changed afterwards")
    assert printer.jobs[0].data == b"%PDF-1.7 signed" and printer.jobs[0].job == job == PrintJob("fake-1", 2)
    assert [printer.status(job).state for _ in range(3)] == [JobState.PRINTING, JobState.DONE, JobState.DONE]
    printer.fail = PrintError("printer.none")
    with pytest.raises(PrintError):
        printer.print_pdf(pv, 1)
    with pytest.raises(PrintError, match=r"printer\.file_missing"):
        FakePrinter().print_pdf(pv.parent / "gone.pdf", 1)


@pytest.mark.parametrize(
    "key",
    [
        "printer.none",
        "printer.no_cups",
        "printer.not_answering",
        "printer.refused",
        "printer.file_missing",
        "printer.bad_copies",
    ],
)
def test_every_print_error_has_a_text_in_every_language(key: str) -> None:
    assert all(catalogue()[key][language] for language in LANGUAGES)


def test_a_spooler_that_stops_answering_while_a_job_is_watched_is_not_taken_for_a_vanished_job() -> None:
    script = Script({("-W", "not-completed"): Completed(1, "", "lpstat: Scheduler is not running.")})
    with pytest.raises(PrintError, match=r"printer\.not_answering"):
        CupsPrinter(script, lp="lp", lpstat="lpstat").status(PrintJob("Brother-42", 2))


def test_the_fake_hangs_as_a_spooler_that_does_not_answer_until_released(pv: Path) -> None:
    printer = FakePrinter(status_fail=PrintError("printer.not_answering"))
    printer.hang()
    done: list[PrintJob] = []
    worker = threading.Thread(target=lambda: done.append(printer.print_pdf(pv, 1)))
    worker.start()
    worker.join(timeout=0.2)
    assert worker.is_alive() and not done  # still waiting for the spooler
    printer.release()
    worker.join(timeout=5)
    assert done == [PrintJob("fake-1", 1)]
    with pytest.raises(PrintError, match=r"printer\.not_answering"):
        printer.status(done[0])
