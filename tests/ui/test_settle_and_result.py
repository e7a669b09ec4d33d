"""Differences resolution, contested ballots, checks acknowledgement, writing the result (C5, C6, C4, S3)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from app.counting.bureau import BureauRecord
from app.counting.count import CloseEntry, ConfirmBallot, FinishPile, Phase, RecordBureau, StartPile
from app.counting.double_entry import Pass, Take
from app.counting.model import Ballot, Box, InvalidReason, ListNumber, Mark, Position, Status
from app.errors import StorageError
from app.platform.sticks import ROOT_CERT_NAME, FakeSpareSticks
from app.session import BUILT, WrittenResults
from app.ui.main import MainWindow
from app.ui.texts import Texts
from app.ui.theme import Urgency
from app.verify import verify_stick
from tests.ui.conftest import STATION_ID, FakeBackend, FakeSession, make_session
from tests.ui.test_review import fix_result

A = Ballot(frozenset({Mark(ListNumber(1), Box.LIST)}))
B = Ballot(frozenset({Mark(ListNumber(2), Box.TITULAR, Position(1))}))
C = Ballot(frozenset({Mark(ListNumber(2), Box.TITULAR, Position(2))}))
MEMBERS: dict[str, Any] = {"president": "Ann Dupré", "secretary": "Dirk Maes", "assessors": ("Bart Peeters",)}


def enter(session: FakeSession, pile: int, first: list[Ballot], second: list[Ballot], hand: int | None = None) -> None:
    for pass_no, ballots, who in ((Pass.FIRST, first, "An"), (Pass.SECOND, second, "Bram")):
        session.apply(StartPile(pile, pass_no, who, hand))
        for ballot in ballots:
            session.apply(ConfirmBallot(pile, pass_no, ballot))
        session.apply(FinishPile(pile, pass_no))


def test_a_difference_is_settled_by_the_bureau_choosing_pass_2(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B, A], [A, C, A], hand=3)
    session.apply(CloseEntry())
    window.attach(session)
    assert window.stack.currentWidget() is window.differences
    screen = window.differences
    assert len(screen.rows) == 1
    row = screen.rows[0]
    assert row.side_1.text().startswith("Lijst 2 · kandidaat 1 · ") and row.side_2.text().startswith(
        "Lijst 2 · kandidaat 2"
    )
    screen.decide_button.click()  # no choice and no name yet: refused, shown
    assert screen.banner.urgency is Urgency.WARNING
    row.choose(Take.SECOND)
    screen.decided_by.setText("Voorzitter Claes")
    screen.decide_button.click()
    decision = session.count.piles[1].decision
    assert decision is not None and decision.ballots == (A, C, A) and decision.decided_by == "Voorzitter Claes"
    assert window.stack.currentWidget() is window.checks  # nothing left open: on to the checks


def test_a_contested_ballot_is_decided_valid_without_its_flag(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    contested = Ballot(B.marks, Status.CONTESTED)
    enter(session, 1, [A, contested], [A, contested])
    window.attach(session)
    window.show_screen(window.differences)
    row = window.differences.rows[0]
    row.choose(Take.FIRST)
    assert row.verdict.isVisibleTo(row) and row.choice() is None  # the verdict is the bureau's own to give
    row.verdict.setCurrentIndex(row.verdict.findData("valid"))
    window.differences.decided_by.setText("Voorzitter")
    window.differences.decide_button.click()
    decision = session.count.piles[1].decision
    assert decision is not None and decision.ballots == (A, B)


def test_a_warning_needs_acknowledgement_before_the_result(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B], [A, B])
    session.apply(CloseEntry())
    window.attach(session)
    checks = window.checks
    assert window.stack.currentWidget() is checks
    session.apply(RecordBureau(BureauRecord(received_total=3, **MEMBERS)))  # 3 ballots handed over, 2 counted
    checks.run_checks()
    assert [f.code for f in checks.findings] == ["W.201"]
    assert not checks.review_button.isEnabled()
    card = checks.cards[0]
    assert card.urgency is Urgency.WARNING and "W.201" in card.message.text()
    card.ack_button.click()
    assert checks.review_button.isEnabled()
    fix_result(checks)
    assert session.count.phase is Phase.FINAL
    assert window.stack.currentWidget() is window.result


def test_the_result_is_written_with_retry_after_a_full_stick(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B, C], [A, B, C])
    session.apply(CloseEntry())
    session.apply(RecordBureau(BureauRecord(received_total=3, **MEMBERS)))  # E.106: ballots received, needed
    window.attach(session)
    fix_result(window.checks)
    result = window.result
    assert result.table.rowCount() == 4 and result.table.item(1, 6).text() == "2"
    session.write = lambda *_: (_ for _ in ()).throw(StorageError("stick.full"))
    result.write_button.click()
    qtbot.waitUntil(lambda: result.task is None and result.banner.urgency is not None)
    assert "vol" in result.banner.text() and result.write_button.text() == "Opnieuw proberen"

    def written(stick: Path, _context, progress):  # type: ignore[no-untyped-def]
        progress(0.5, "session.step.writing")
        return WrittenResults("12345678901", "ab" * 32, stick / "results")

    session.write = written
    result.write_button.click()
    qtbot.waitUntil(lambda: result.result is not None)
    assert result.control.text() == "1234-5678-901"  # as in the PV and printed by replay
    assert result.banner.urgency is Urgency.OK and "verwijderen" in result.banner.text()


def final_window(qtbot, session: FakeSession, stick: Path | None, spare: Path | None) -> MainWindow:  # type: ignore[no-untyped-def]
    """A kiosk whose count is fixed, with a spare-stick slot (a folder, or none inserted)."""
    enter(session, 1, [A, B, C], [A, B, C])
    session.apply(CloseEntry())
    session.apply(RecordBureau(BureauRecord(received_total=3, **MEMBERS)))
    window = MainWindow(FakeBackend(session, stick=stick), Texts("nl"), spare=FakeSpareSticks(spare))
    qtbot.addWidget(window)
    window.attach(session)
    fix_result(window.checks)
    return window


def test_a_blank_spare_stick_takes_the_results_when_the_sticks_write_fails(qtbot, test_pki, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = make_session(test_pki, tmp_path)
    stick, spare = tmp_path / "stick", tmp_path / "spare"
    stick.mkdir()
    window = final_window(qtbot, session, stick, None)
    result = window.result
    assert not result.spare_button.isVisibleTo(result)  # nothing failed yet: the bureau's own stick first
    session.write = lambda *_: (_ for _ in ()).throw(StorageError("stick.removed"))
    result.write_button.click()
    qtbot.waitUntil(lambda: result.task is None and result.banner.urgency is not None)
    assert result.spare_button.isVisibleTo(result) and result.spare_button.isEnabled()
    number = result.control.text()

    result.spare_button.click()  # no blank stick inserted yet: said, nothing written
    assert "geen lege stick" in result.banner.text() and result.task is None

    spare.mkdir()
    pem = test_pki.root.certificate.public_bytes(serialization.Encoding.PEM)
    result.spare = FakeSpareSticks(spare, pem)
    session.write = None  # the real write, to the spare
    result.spare_button.click()
    qtbot.waitUntil(lambda: result.task is None, timeout=30000)
    assert result.result is not None, result.banner.text()
    assert result.result.folder == spare / "results" / STATION_ID
    assert (spare / ROOT_CERT_NAME).read_bytes() == pem
    assert result.banner.urgency is Urgency.OK and ROOT_CERT_NAME in result.banner.text()
    assert result.control.text() == number and not result.spare_button.isVisibleTo(result)
    root = x509.load_pem_x509_certificate((spare / ROOT_CERT_NAME).read_bytes())
    (report,) = verify_stick(spare, root, dt.datetime.now(dt.UTC))
    assert report.station == STATION_ID and report.ok, report.problems
    assert not (stick / "results").exists()  # the failed stick got nothing half-written


def test_the_progress_moves_with_the_work_while_the_files_are_built(qtbot, test_pki, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = make_session(test_pki, tmp_path)
    enter(session, 1, [A, B, C] * 10, [A, B, C] * 10)
    session.apply(CloseEntry())
    session.apply(RecordBureau(BureauRecord(received_total=30, **MEMBERS)))
    session.real.finalize()
    reports: list[tuple[float, str]] = []
    stick = tmp_path / "stick"
    stick.mkdir()
    session.real.write_results(stick, progress=lambda fraction, step: reports.append((fraction, step)))
    fractions = [f for f, _ in reports]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    building = [f for f, step in reports if step == "session.step.building"]
    assert len(set(building)) >= 20  # per ballot signed and per file built, not one step of 5 %
    assert max(building) == BUILT
    steps = [step for _, step in reports]
    assert steps.index("session.step.checking") < steps.index("session.step.writing") < steps.index("session.step.done")


def open_other(window: MainWindow, session: FakeSession):  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B, A], [A, C, A])
    window.attach(session)
    window.show_screen(window.differences)
    row = window.differences.rows[0]
    row.choose(Take.OTHER)
    window.differences.decided_by.setText("Voorzitter Claes")
    return row


def test_something_else_records_two_ballots_both_passes_missed(qtbot, window: MainWindow, session) -> None:  # type: ignore[no-untyped-def]
    row = open_other(window, session)
    assert len(row.others) == 1  # the usual case: one ballot, to type
    qtbot.keyClicks(row.others[0].marks, "1 h")
    row.add_ballot()
    qtbot.keyClicks(row.others[1].marks, "2 T2")
    summary = row.other_summary.text()
    assert (
        summary.startswith("Hier: 2 stembiljet(ten): Lijst 1 · ")
        and " — lijststem | Lijst 2 · kandidaat 2 · " in summary
    )
    assert "4 stembiljetten" in window.differences.outcome.text()
    window.differences.decide_button.click()
    decision = session.count.piles[1].decision
    assert decision is not None and decision.ballots == (A, A, C, A)


def test_something_else_may_be_no_ballot_or_a_ballot_declared_invalid(qtbot, window: MainWindow, session) -> None:  # type: ignore[no-untyped-def]
    row = open_other(window, session)
    row.no_ballot.click()
    assert row.others == [] and row.other_summary.text() == "Hier ligt geen stembiljet."
    assert "2 stembiljetten" in window.differences.outcome.text()
    other_ballot = row.add_ballot("2 T1")
    other_ballot.verdict.setCurrentIndex(other_ballot.verdict.findData(InvalidReason.IDENTIFYING_MARK.value))
    assert "ongeldig verklaard: herkenningsteken" in row.other_summary.text()
    window.differences.decide_button.click()
    decision = session.count.piles[1].decision
    assert decision is not None
    assert decision.ballots == (A, Ballot(B.marks, Status.DECLARED_INVALID, InvalidReason.IDENTIFYING_MARK), A)


def test_something_else_with_marks_that_cannot_be_read_is_refused_and_shown(qtbot, window: MainWindow, session) -> None:  # type: ignore[no-untyped-def]
    row = open_other(window, session)
    qtbot.keyClicks(row.others[0].marks, "T3")  # no list number
    assert "lijstnummer" in row.other_summary.text()
    window.differences.decide_button.click()
    assert window.differences.banner.urgency is Urgency.WARNING and "T3" in window.differences.banner.text()
    assert session.count.piles[1].decision is None
