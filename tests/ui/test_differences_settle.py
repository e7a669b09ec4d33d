"""The bureau settles a whole pile on the differences screen (C5, C6): a pile entered only once starts from that
pass, line by line, editable; a pile never entered is typed in under the number the bureau gives it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.counting.count import CloseEntry, ConfirmBallot, FinishPile, Phase, StartPile, settleable_piles
from app.counting.double_entry import Pass, Take
from app.counting.model import Ballot, Box, InvalidReason, ListNumber, Mark, Position, Status
from app.ui.differences import ItemKind, PileItem
from app.ui.main import MainWindow
from app.ui.theme import Urgency
from tests.ui.conftest import FakeSession
from tests.ui.test_settle_and_result import A, B, C, enter

INVALID = Ballot(B.marks, Status.DECLARED_INVALID, InvalidReason.ALTERED)
CONTESTED = Ballot(C.marks, Status.CONTESTED)
D = Ballot(frozenset({Mark(ListNumber(3), Box.SUCCESSOR, Position(1))}))


def enter_once(session: FakeSession, pile: int, ballots: list[Ballot], pass_no: Pass = Pass.FIRST) -> None:
    session.apply(StartPile(pile, pass_no, "An", len(ballots)))
    for ballot in ballots:
        session.apply(ConfirmBallot(pile, pass_no, ballot))
    session.apply(FinishPile(pile, pass_no))


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_pile_entered_once_is_settled_from_pass_1_edited_line_by_line(qtbot, window: MainWindow, session) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B], [A, C])  # a difference elsewhere
    enter_once(session, 2, [A, INVALID, CONTESTED, B])  # pass 2 of pile 2 is missing
    assert [p.number for p in settleable_piles(session.count)] == [2]
    window.attach(session)
    window.show_screen(window.differences)
    screen = window.differences
    items = screen.items()
    assert items == [PileItem(ItemKind.DIFFERENCES, 1), PileItem(ItemKind.ONCE, 2), PileItem(ItemKind.NEW)]
    assert screen.pile_list.item(1).text() == "Stapel 2: alleen eerste invoer"
    assert screen.pile == 1 and screen.editor is None  # the differences come first

    screen.pile_list.setCurrentRow(1)
    editor = screen.editor
    assert editor is not None and screen.pile == 2 and screen.rows == []
    assert "de tweede invoer ontbreekt" in screen.counts.text() and "An, 4 stembiljetten" in screen.counts.text()
    lines = editor.lines
    assert [line.ballot_edit.marks.text() for line in lines] == ["1 H", "2 T1", "2 T2", "2 T1"]
    assert lines[1].ballot_edit.verdict.currentData() == InvalidReason.ALTERED.value
    assert [line.flag.isVisibleTo(line) for line in lines] == [False, False, True, False]  # decide the contested one
    assert editor.ballots() == (A, INVALID, C, B)  # proposed valid as marked, the flag gone
    assert "4 stembiljetten (met de hand geteld: 4)" in screen.outcome.text()

    # the bureau looks at the ballots: the 4th is a list vote for list 3; a ballot was skipped before the 2nd
    lines[3].ballot_edit.marks.clear()
    qtbot.keyClicks(lines[3].ballot_edit.marks, "3 S1")
    click(qtbot, lines[1].insert_button)
    assert [line.place.text() for line in editor.lines] == ["1.", "2.", "3.", "4.", "5."]
    qtbot.keyClicks(editor.lines[1].ballot_edit.marks, "1 h")
    contested = editor.lines[3].ballot_edit.verdict
    contested.setCurrentIndex(contested.findData(InvalidReason.IDENTIFYING_MARK.value))
    assert "5 stembiljetten" in screen.outcome.text()
    click(qtbot, screen.decide_button)  # no name yet: refused, nothing stored
    assert screen.banner.urgency is Urgency.WARNING and session.count.piles[2].decision is None
    qtbot.keyClicks(screen.decided_by, "Voorzitter Claes")
    click(qtbot, screen.decide_button)

    decision = session.count.piles[2].decision
    assert decision is not None and decision.decided_by == "Voorzitter Claes"
    assert decision.ballots == (
        A,
        A,
        INVALID,
        Ballot(C.marks, Status.DECLARED_INVALID, InvalidReason.IDENTIFYING_MARK),
        D,
    )
    assert screen.banner.text() == "De beslissing over stapel 2 is bewaard."
    assert screen.items() == [PileItem(ItemKind.DIFFERENCES, 1), PileItem(ItemKind.NEW)]
    assert screen.pile == 1 and screen.editor is None
    # the pile no longer holds entry up: only pile 1's difference is left
    session.apply(CloseEntry())
    assert session.count.phase is Phase.DIFFERENCES


def test_a_pile_entered_only_in_pass_2_starts_from_pass_2_and_lines_can_be_removed(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A], [B])
    enter_once(session, 2, [A, B, C], Pass.SECOND)
    window.attach(session)
    window.show_screen(window.differences)
    screen = window.differences
    screen.select_item(PileItem(ItemKind.ONCE, 2))
    assert screen.pile_list.currentItem().text() == "Stapel 2: alleen tweede invoer"
    editor = screen.editor
    assert editor is not None
    click(qtbot, editor.lines[1].ballot_edit.remove_button)  # the bureau finds ballot 2 was entered twice
    assert [line.place.text() for line in editor.lines] == ["1.", "2."]
    qtbot.keyClicks(screen.decided_by, "Voorzitter")
    click(qtbot, screen.decide_button)
    decision = session.count.piles[2].decision
    assert decision is not None and decision.ballots == (A, C)


def test_a_pile_never_entered_gets_its_number_and_content_from_the_bureau(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B], [A, C])
    enter(session, 2, [A], [A])
    window.attach(session)
    window.show_screen(window.differences)
    screen = window.differences
    screen.select_item(PileItem(ItemKind.NEW))
    editor = screen.editor
    assert editor is not None and editor.number_box.isVisibleTo(editor)
    assert editor.pile_no.value() == 3 and editor.lines == [] and editor.empty.isVisibleTo(editor)
    assert screen.counts.text().startswith("Een stapel die niet is ingevoerd")
    for text in ("1 H", "", "2 T2"):
        click(qtbot, editor.add_button)
        qtbot.keyClicks(editor.lines[-1].ballot_edit.marks, text)
    assert "3 stembiljetten (met de hand geteld: —)" in screen.outcome.text()
    qtbot.keyClicks(screen.decided_by, "Voorzitter")
    editor.pile_no.setValue(2)  # a pile the count has: refused, named
    click(qtbot, screen.decide_button)
    assert screen.banner.urgency is Urgency.WARNING and "Stapel 2 is al ingevoerd" in screen.banner.text()
    assert session.count.piles[2].decision is None
    editor.pile_no.setValue(3)
    click(qtbot, screen.decide_button)
    decision = session.count.piles[3].decision
    assert decision is not None and decision.ballots == (A, Ballot(), C)
    assert screen.pile == 1  # back to the difference still open


def test_marks_that_cannot_be_read_are_named_before_the_decision(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A], [B])
    enter_once(session, 2, [A])
    window.attach(session)
    window.show_screen(window.differences)
    screen = window.differences
    screen.select_item(PileItem(ItemKind.ONCE, 2))
    assert screen.editor is not None
    marks = screen.editor.lines[0].ballot_edit.marks
    marks.clear()
    qtbot.keyClicks(marks, "T3")  # no list number
    assert "T3" in screen.outcome.text() and "lijstnummer" in screen.outcome.text()
    qtbot.keyClicks(screen.decided_by, "Voorzitter")
    click(qtbot, screen.decide_button)
    assert screen.banner.urgency is Urgency.WARNING and session.count.piles[2].decision is None


def test_switching_language_after_a_decision_re_renders_without_faults(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B, A], [A, C, A])
    enter(session, 2, [A, B], [A, C])
    enter_once(session, 3, [A])
    window.attach(session)
    window.show_screen(window.differences)
    screen = window.differences
    screen.rows[0].choose(Take.OTHER)  # a row with a ballot of its own, then dropped with the decision
    qtbot.keyClicks(screen.decided_by, "Voorzitter")
    click(qtbot, screen.decide_button)
    screen.select_item(PileItem(ItemKind.ONCE, 3))
    qtbot.wait(10)  # the dropped rows are deleted
    window.switch.buttons["fr"].click()
    assert screen.title.text() == "Trancher les différences"
    assert screen.pile_list.item(1).text() == "Pile 3 : seulement premier encodage"
    assert screen.editor is not None and screen.editor.add_button.text() == "Un bulletin de plus"
    window.switch.buttons["nl"].click()
