"""Printing the PV at the table (issue 8): the printer gets the signed PV on the stick byte for byte, with the copies
asked; no printer, a jam, a printer that vanishes or a fault is said, and never touches the results written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from PySide6.QtCore import QTimer

from app.counting.bureau import BureauRecord
from app.counting.count import CloseEntry, RecordBureau
from app.platform.printer import FakePrinter, JobState, PrintError, Status, StopReason
from app.results_layout import PV_FILE
from app.ui.main import MainWindow
from app.ui.result import ResultScreen
from app.ui.texts import Texts
from app.ui.theme import Urgency
from app.verify import verify_stick
from tests.conftest import TestPki
from tests.ui.conftest import STATION_ID, FakeBackend, FakeSession, make_session
from tests.ui.test_review import fix_result
from tests.ui.test_settle_and_result import MEMBERS, A, B, C, enter


def written_kiosk(qtbot, test_pki: TestPki, tmp_path: Path, printer: FakePrinter) -> tuple[FakeSession, ResultScreen]:  # type: ignore[no-untyped-def]
    """A bureau whose result is fixed and written, for real, to a stick folder."""
    session = make_session(test_pki, tmp_path)
    enter(session, 1, [A, B, C], [A, B, C])
    session.apply(CloseEntry())
    session.apply(RecordBureau(BureauRecord(received_total=3, **MEMBERS)))
    stick = tmp_path / "stick"
    stick.mkdir()
    window = MainWindow(FakeBackend(session, stick=stick), Texts("nl"), printer=printer)
    qtbot.addWidget(window)
    window.attach(session)
    fix_result(window.checks)
    result = window.result
    assert not result.print_button.isEnabled()  # nothing on the stick to print yet
    assert result.print_hint.isVisibleTo(result)
    result.write_button.click()
    qtbot.waitUntil(lambda: result.task is None, timeout=30000)
    assert result.result is not None, result.banner.text()
    return session, result


def stick_files(result: ResultScreen) -> dict[str, bytes]:
    assert result.result is not None
    return {p.name: p.read_bytes() for p in sorted(result.result.folder.iterdir())}


def wait_printed(qtbot, result: ResultScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: result.print_task is None and result.print_status.urgency is not None, timeout=5000)


def test_the_printer_gets_the_signed_pv_on_the_stick_byte_for_byte_with_the_copies(qtbot, test_pki, tmp_path) -> None:  # type: ignore[no-untyped-def]
    printer = FakePrinter(states=[Status(JobState.PRINTING), Status(JobState.DONE)])
    _session, result = written_kiosk(qtbot, test_pki, tmp_path, printer)
    assert result.print_button.isEnabled() and result.copies.value() == 2
    result.more.click()
    result.print_button.click()
    wait_printed(qtbot, result)
    (sent,) = printer.jobs
    assert sent.path == tmp_path / "stick" / "results" / STATION_ID / PV_FILE
    assert sent.data == sent.path.read_bytes() and sent.data.startswith(b"%PDF") and b"/ByteRange" in sent.data
    assert sent.job.copies == 3
    assert result.print_status.text() == "3 exemplaar/exemplaren staan klaar bij de printer."
    result._poll_print()  # the timer's next look at the printer
    wait_printed(qtbot, result)
    assert "drukt 3" in result.print_status.text()
    result._poll_print()
    wait_printed(qtbot, result)
    assert result.print_status.urgency is Urgency.OK and "afgedrukt" in result.print_status.text()
    assert result.job is None  # done: no more looking


@pytest.mark.parametrize(
    ("fail", "said"),
    [
        (PrintError("printer.none"), "geen printer aangesloten"),
        (PrintError("printer.refused"), "weigerde"),
        (RuntimeError("driver crashed"), "Afdrukken lukte niet"),
    ],
)
def test_a_failing_printer_leaves_the_written_results_untouched_and_says_so(  # type: ignore[no-untyped-def]
    qtbot, test_pki, tmp_path, fail, said
) -> None:
    printer = FakePrinter()
    _session, result = written_kiosk(qtbot, test_pki, tmp_path, printer)
    before = stick_files(result)
    written_banner = result.banner.text()
    printer.fail = fail
    result.print_button.click()
    wait_printed(qtbot, result)
    assert result.print_status.urgency is Urgency.WARNING and said in result.print_status.text()
    assert "De uitslag op de stick blijft ongewijzigd." in result.print_status.text()
    assert stick_files(result) == before  # not a byte changed
    assert result.banner.text() == written_banner and "verwijderen" in written_banner  # the write's own message
    assert result.write_button.isEnabled() and result.print_button.isEnabled()  # write again, print again
    pem = test_pki.root.certificate.public_bytes(serialization.Encoding.PEM)
    (report,) = verify_stick(tmp_path / "stick", x509.load_pem_x509_certificate(pem), dt.datetime.now(dt.UTC))
    assert report.ok, report.problems


@pytest.mark.parametrize(
    ("status", "said"),
    [
        (Status(JobState.STOPPED, StopReason.JAM), "Papierstoring"),
        (Status(JobState.STOPPED, StopReason.PAPER), "geen papier"),
        (Status(JobState.STOPPED, StopReason.OTHER), "gestopt"),
        (Status(JobState.GONE), "niet afgedrukt"),  # the printer vanished mid-job, or the job was cancelled
    ],
)
def test_a_jam_or_a_printer_that_vanishes_mid_job_is_said(qtbot, test_pki, tmp_path, status, said) -> None:  # type: ignore[no-untyped-def]
    printer = FakePrinter(states=[status, Status(JobState.DONE)])
    _session, result = written_kiosk(qtbot, test_pki, tmp_path, printer)
    result.print_button.click()
    wait_printed(qtbot, result)
    result._poll_print()
    wait_printed(qtbot, result)
    assert result.print_status.urgency is Urgency.WARNING and said in result.print_status.text()
    assert "stick blijft ongewijzigd" in result.print_status.text()
    assert result.banner.urgency is Urgency.OK  # the write stays done
    if status.state is JobState.STOPPED:  # still in the queue: the screen keeps looking, and says when it is done
        assert result.job is not None and result._poll_timer.isActive()
        result._poll_print()
        wait_printed(qtbot, result)
        assert result.print_status.urgency is Urgency.OK
    else:
        assert result.job is None and result.print_button.isEnabled()


def test_the_print_messages_follow_the_language_switch(qtbot, test_pki, tmp_path) -> None:  # type: ignore[no-untyped-def]
    printer = FakePrinter(fail=PrintError("printer.none"))
    _session, result = written_kiosk(qtbot, test_pki, tmp_path, printer)
    result.print_button.click()
    wait_printed(qtbot, result)
    result.t.set_language("fr")
    assert "Aucune imprimante" in result.print_status.text() and "reste inchangé" in result.print_status.text()
    assert result.print_button.text() == "Imprimer" and result.print_title.text() == "Imprimer le procès-verbal"
    assert result.step.text() == "Terminé. La clé peut être retirée."  # the write's last step, in French too


# --- a printer that hangs, stops answering or vanishes: said in every language, the kiosk goes on -------------------

SAID = {
    "nl": {
        "sending": "2 exemplaar/exemplaren worden naar de printer gestuurd…",
        "not_answering": "De printerdienst antwoordt niet.",
        "untouched": "De uitslag op de stick blijft ongewijzigd.",
        "elsewhere": "Het ondertekende proces-verbaal staat op de stick: het kan ook op een andere printer afgedrukt",
        "who": "bel de helpdesk",
        "lost_track": "het is niet bekend of het proces-verbaal afgedrukt wordt",
        "gone": "De printer heeft het proces-verbaal niet afgedrukt",
        "done": "2 exemplaar/exemplaren van het proces-verbaal zijn afgedrukt.",
    },
    "fr": {
        "sending": "Envoi de 2 exemplaire(s) à l'imprimante…",
        "not_answering": "Le service d'impression ne répond pas.",
        "untouched": "Le résultat sur la clé reste inchangé.",
        "elsewhere": "Le procès-verbal signé se trouve sur la clé : il peut aussi être imprimé sur une autre",
        "who": "appelez le helpdesk",
        "lost_track": "on ne sait pas si le procès-verbal s'imprime",
        "gone": "L'imprimante n'a pas imprimé le procès-verbal",
        "done": "2 exemplaire(s) du procès-verbal ont été imprimés.",
    },
    "de": {
        "sending": "2 Exemplar(e) werden an den Drucker gesendet …",
        "not_answering": "Der Druckdienst antwortet nicht.",
        "untouched": "Das Ergebnis auf dem Stick bleibt unverändert.",
        "elsewhere": "Das signierte Protokoll ist auf dem Stick: Es kann auch auf einem anderen Drucker gedruckt",
        "who": "rufen Sie den Helpdesk an",
        "lost_track": "Es ist nicht bekannt, ob das Protokoll gedruckt wird.",
        "gone": "Der Drucker hat das Protokoll nicht gedruckt",
        "done": "2 Exemplar(e) des Protokolls wurden gedruckt.",
    },
}


def assert_said(text: str, language: str, *parts: str) -> None:
    for part in parts:
        assert SAID[language][part] in text, (part, text)


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_a_hanging_printer_never_freezes_the_kiosk_and_its_time_limit_is_said(  # type: ignore[no-untyped-def]
    qtbot, test_pki, tmp_path, language: str
) -> None:
    printer = FakePrinter()
    _session, result = written_kiosk(qtbot, test_pki, tmp_path, printer)
    before = stick_files(result)
    printer.hang()  # `lp` does not answer
    result.print_button.click()
    ticks: list[int] = []
    QTimer.singleShot(20, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks), timeout=2000)  # the event loop runs while `lp` hangs on its thread
    assert result.print_task is not None and not result.print_button.isEnabled()  # one job at a time
    result.t.set_language(language)  # the screens still answer: the waiting message follows the switch
    assert result.print_status.text() == SAID[language]["sending"]
    assert result.write_button.isEnabled()  # writing the stick again is never held up by the printer
    printer.fail = PrintError("printer.not_answering")  # what run_command raises once lp's time limit is up
    printer.release()
    wait_printed(qtbot, result)
    assert result.print_status.urgency is Urgency.WARNING
    assert_said(result.print_status.text(), language, "not_answering", "untouched", "elsewhere", "who")
    assert stick_files(result) == before and result.banner.urgency is Urgency.OK  # the write stays done
    # the president tries again once the printer answers
    printer.fail, printer.hold = None, None
    assert result.print_button.isEnabled()
    result.print_button.click()
    wait_printed(qtbot, result)
    result._poll_print()
    wait_printed(qtbot, result)
    assert result.print_status.text() == SAID[language]["done"] and len(printer.jobs) == 1


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_a_spooler_that_stops_answering_after_the_job_was_sent_says_the_outcome_is_unknown(  # type: ignore[no-untyped-def]
    qtbot, test_pki, tmp_path, language: str
) -> None:
    printer = FakePrinter(status_fail=PrintError("printer.not_answering"))
    _session, result = written_kiosk(qtbot, test_pki, tmp_path, printer)
    result.t.set_language(language)
    before = stick_files(result)
    result.print_button.click()
    wait_printed(qtbot, result)
    result._poll_print()
    wait_printed(qtbot, result)
    text = result.print_status.text()
    assert result.print_status.urgency is Urgency.WARNING
    assert_said(text, language, "lost_track", "untouched", "elsewhere")
    assert result.job is None and not result._poll_timer.isActive()  # no more asking a spooler that is gone
    assert result.print_button.isEnabled() and stick_files(result) == before


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_a_queue_that_disappears_after_the_job_was_sent_points_to_the_pv_on_the_stick(  # type: ignore[no-untyped-def]
    qtbot, test_pki, tmp_path, language: str
) -> None:
    printer = FakePrinter(states=[Status(JobState.GONE)])
    _session, result = written_kiosk(qtbot, test_pki, tmp_path, printer)
    result.t.set_language(language)
    result.print_button.click()
    wait_printed(qtbot, result)
    result._poll_print()
    wait_printed(qtbot, result)
    assert_said(result.print_status.text(), language, "gone", "untouched", "elsewhere")
    other = "fr" if language != "fr" else "de"
    result.t.set_language(other)  # nothing of the message stays in the language it was first said in
    assert_said(result.print_status.text(), other, "gone", "untouched", "elsewhere")
    assert SAID[language]["elsewhere"] not in result.print_status.text()
