"""The differences screen (C5, C6): a decision needs both passes of its pile, nothing is chosen beforehand, and a
choice against what both passes agreed on is named as an overrule before it is recorded, then logged and listed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt

from app.counting import count as counting
from app.counting.count import CloseEntry, ConfirmBallot, Decide, FinishPile, Phase, StartPile
from app.counting.double_entry import Decision, Pass, Take
from app.counting.model import Ballot, Box, InvalidReason, ListNumber, Mark, Position, Status
from app.errors import CountStateError
from app.ui.main import MainWindow
from app.ui.theme import Urgency
from tests.ui.conftest import FakeSession
from tests.ui.test_settle_and_result import A, B, C, enter

NOW = dt.datetime(2024, 6, 9, 21, 30, tzinfo=dt.UTC)
CONTESTED = Ballot(C.marks, Status.CONTESTED)
D = Ballot(frozenset({Mark(ListNumber(3), Box.SUCCESSOR, Position(1))}))


def enter_once(session: FakeSession, pile: int, ballots: list[Ballot], pass_no: Pass = Pass.FIRST) -> None:
    session.apply(StartPile(pile, pass_no, "An", len(ballots)))
    for ballot in ballots:
        session.apply(ConfirmBallot(pile, pass_no, ballot))
    session.apply(FinishPile(pile, pass_no))


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def logged(session: FakeSession) -> list[dict[str, object]]:
    return [json.loads(line) for line in session.log.export().decode("ascii").splitlines()]


def test_a_pile_entered_once_is_not_offered_and_cannot_be_decided(qtbot, window: MainWindow, session) -> None:  # type: ignore[no-untyped-def]
    enter_once(session, 2, [A, B, C])  # pass 2 of pile 2 is missing
    window.attach(session)
    assert not window.overview.differences_button.isEnabled()  # nothing to decide: pass 2 is still to be entered
    enter(session, 1, [A, B], [A, C])  # a difference elsewhere
    window.show_screen(window.differences)
    screen = window.differences
    assert [p.number for p in screen.open_piles()] == [1] and screen.pile_list.count() == 1
    assert screen.pile == 1
    # the core refuses it whatever the screen offers: art. 2 B of the decree, every ballot is entered twice
    with pytest.raises(CountStateError) as refused:
        session.apply(Decide(Decision(2, (A, B, C), "Voorzitter", NOW)))
    assert refused.value.key == "count.decision_needs_two_passes" and refused.value.params == {"pile": 2}
    assert session.count.piles[2].decision is None


def test_nothing_is_chosen_beforehand_not_even_a_contested_ballots_verdict(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B, CONTESTED], [A, C, CONTESTED])
    window.attach(session)
    window.show_screen(window.differences)
    screen = window.differences
    changed, contested = screen.rows
    for row in screen.rows:
        assert not any(b.isChecked() for b in (row.take_1, row.take_2, row.take_other))
        assert row.choice() is None
    assert screen.outcome.text() == screen.t("ui.diff.outcome_pending")
    qtbot.keyClicks(screen.decided_by, "Voorzitter")
    click(qtbot, screen.decide_button)  # no choice: refused, nothing stored
    assert screen.banner.urgency is Urgency.WARNING and session.count.piles[1].decision is None
    click(qtbot, changed.take_2)
    click(qtbot, contested.take_1)  # as entered: the verdict is still the bureau's to give
    assert contested.verdict.isVisibleTo(contested) and contested.verdict.currentIndex() == -1
    assert contested.choice() is None
    click(qtbot, screen.decide_button)
    assert session.count.piles[1].decision is None and "plaats 3" in screen.banner.text()
    contested.verdict.setCurrentIndex(contested.verdict.findData(InvalidReason.IDENTIFYING_MARK.value))
    click(qtbot, screen.decide_button)
    decision = session.count.piles[1].decision
    assert decision is not None
    assert decision.ballots == (A, C, Ballot(C.marks, Status.DECLARED_INVALID, InvalidReason.IDENTIFYING_MARK))
    assert counting.overrules(session.count) == ()


def test_a_ballot_both_passes_missed_is_named_as_an_overrule_then_logged_and_listed(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B, C], [A, C])  # pass 2 skipped ballot 2
    window.attach(session)
    window.show_screen(window.differences)
    screen = window.differences
    (skipped,) = screen.rows
    click(qtbot, skipped.take_other)  # the bureau finds two ballots there: B, and D that neither pass has
    qtbot.keyClicks(skipped.others[0].marks, "2 T1")
    click(qtbot, skipped.add_other)
    qtbot.keyClicks(skipped.others[1].marks, "3 S1")
    assert "4 stembiljetten" in screen.outcome.text()
    assert "1 stembiljet(ten) tegen wat beide invoeren lazen (in de beslissing: 1/3)" in screen.outcome.text()
    qtbot.keyClicks(screen.decided_by, "Voorzitter Claes")
    qtbot.keyClicks(screen.note, "twee stembiljetten aan elkaar geplakt")
    click(qtbot, screen.decide_button)
    decision = session.count.piles[1].decision
    assert decision is not None and decision.ballots == (A, B, D, C)

    (overrule,) = counting.overrules(session.count)
    assert (overrule.position_1, overrule.position_2, overrule.position, overrule.decided) == (None, None, 3, D)
    events = logged(session)
    decided = next(e for e in events if e["event"] == "difference.decided")
    assert decided["detail"] == {"pile": 1, "ballots": 4, "differences": 1, "overruled": 1}
    (event,) = [e for e in events if e["event"] == "ballot.overruled"]
    assert event["severity"] == "warning" and event["user"].endswith("/Voorzitter Claes")  # type: ignore[union-attr]
    assert event["detail"] == {
        "pile": 1, "position_1": None, "position_2": None, "position": 3, "agreed": None, "agreed_status": None,
        "decided": "3:S1", "decided_status": "", "note": "twee stembiljetten aan elkaar geplakt",
    }  # fmt: skip
    describe = session.real.describe
    (row,) = session.real._overrules()
    assert (row.ballot, row.pass1, row.pass2, row.final) == ("1/3", "—", "—", describe(D))
    assert row.decided_by == "Voorzitter Claes" and row.explanation == "twee stembiljetten aan elkaar geplakt"
    (difference,) = session.real._decided_differences()
    assert (difference.ballot, difference.pass1, difference.pass2) == ("1/2", describe(B), "—")
    assert difference.final == describe(B)


def test_marks_that_cannot_be_read_are_named_before_the_decision(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A], [B])
    window.attach(session)
    window.show_screen(window.differences)
    screen = window.differences
    (row,) = screen.rows
    click(qtbot, row.take_other)
    qtbot.keyClicks(row.others[0].marks, "T3")  # no list number
    assert "T3" in row.other_summary.text() and "lijstnummer" in row.other_summary.text()
    assert screen.outcome.text() == screen.t("ui.diff.outcome_pending")
    qtbot.keyClicks(screen.decided_by, "Voorzitter")
    click(qtbot, screen.decide_button)
    assert screen.banner.urgency is Urgency.WARNING and session.count.piles[1].decision is None


def test_switching_language_after_a_decision_re_renders_without_faults(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B, A], [A, C, A])
    enter(session, 2, [A, B], [A, C])
    window.attach(session)
    window.show_screen(window.differences)
    screen = window.differences
    screen.rows[0].choose(Take.OTHER)  # a row with a ballot of its own, then dropped with the decision
    qtbot.keyClicks(screen.rows[0].others[0].marks, "1 H")
    qtbot.keyClicks(screen.decided_by, "Voorzitter")
    click(qtbot, screen.decide_button)
    assert session.count.piles[1].decision is not None and screen.pile == 2
    qtbot.wait(10)  # the dropped rows are deleted
    window.switch.buttons["fr"].click()
    assert screen.title.text() == "Trancher les différences"
    assert screen.pile_list.count() == 1 and screen.pile_list.item(0).text().startswith("Pile 2")
    assert screen.rows[0].take_other.text() == "Autre chose"
    window.switch.buttons["nl"].click()
    session.apply(CloseEntry())
    assert session.count.phase is Phase.DIFFERENCES
