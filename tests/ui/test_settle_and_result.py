"""Differences resolution, contested ballots, checks acknowledgement, writing the result (C5, C6, C4, S3)."""

from __future__ import annotations

from pathlib import Path

from app.counting.bureau import BureauRecord
from app.counting.count import CloseEntry, ConfirmBallot, FinishPile, Phase, RecordBureau, StartPile
from app.counting.double_entry import Pass, Take
from app.counting.model import Ballot, Box, InvalidReason, ListNumber, Mark, Position, Status
from app.errors import StorageError
from app.session import WrittenResults
from app.ui.main import MainWindow
from app.ui.theme import Urgency
from tests.ui.conftest import FakeSession

A = Ballot(frozenset({Mark(ListNumber(1), Box.LIST)}))
B = Ballot(frozenset({Mark(ListNumber(2), Box.TITULAR, Position(1))}))
C = Ballot(frozenset({Mark(ListNumber(2), Box.TITULAR, Position(2))}))


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
    assert row.side_1.text() == "2 T1" and row.side_2.text() == "2 T2"
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
    session.apply(RecordBureau(BureauRecord(received_total=3)))  # 3 ballots handed over, 2 counted
    checks.run_checks()
    assert [f.code for f in checks.findings] == ["W.201"]
    assert not checks.finalize_button.isEnabled()
    card = checks.cards[0]
    assert card.urgency is Urgency.WARNING and "W.201" in card.message.text()
    card.ack_button.click()
    assert checks.finalize_button.isEnabled()
    checks.finalize_button.click()
    assert session.count.phase is Phase.FINAL
    assert window.stack.currentWidget() is window.result


def test_the_result_is_written_with_retry_after_a_full_stick(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B, C], [A, B, C])
    session.apply(CloseEntry())
    session.apply(RecordBureau(BureauRecord(received_total=3)))  # no result without the ballots received (E.106)
    window.attach(session)
    window.checks.finalize_button.click()
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
    assert row.other_summary.text() == "Hier: 2 stembiljet(ten): 1 H · 2 T2"
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
