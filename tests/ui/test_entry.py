"""Entering a pile by keyboard: marks, blank, invalid, undo, finish; the core's refusals are shown, never raised."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.counting.bureau import BureauRecord
from app.counting.count import RecordBureau
from app.counting.double_entry import Pass
from app.counting.model import Ballot, Box, InvalidReason, ListNumber, Mark, Position, Status
from app.errors import CountStateError
from app.ui.main import MainWindow
from app.ui.theme import Urgency
from tests.ui.conftest import FakeSession

MEMBERS = BureauRecord(president="An", secretary="Bram")  # members 1 and 2 of the bureau (C5)


def choose_member(qtbot, win: MainWindow, operator: str) -> None:  # type: ignore[no-untyped-def]
    """The member as an operator chooses them on the overview: their number typed in the choice, then Enter."""
    choice = win.overview.member
    number = win.overview.members().index(operator) + 1
    qtbot.keyClicks(choice, str(number))
    assert choice.currentData() == operator


def start_pass(
    qtbot,
    win: MainWindow,
    session: FakeSession,
    pile: int,
    pass_no: Pass,
    operator: str,  # type: ignore[no-untyped-def]
    hand: int = 0,
) -> None:
    if not session.count.record.operators:
        session.apply(RecordBureau(MEMBERS))
    win.attach(session)
    win.show_screen(win.overview)
    win.overview.select_pass(pile, pass_no)
    win.overview.hand_count.setValue(hand)
    choose_member(qtbot, win, operator)
    qtbot.keyClick(win.overview.member, Qt.Key.Key_Return)


def type_ballot(qtbot, win: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    win.entry.field.setText("")
    qtbot.keyClicks(win.entry.field, text)
    qtbot.keyClick(win.entry.field, Qt.Key.Key_Return)


def test_a_pile_is_entered_by_keyboard_and_finished(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An", hand=4)
    assert window.stack.currentWidget() is window.entry
    type_ballot(qtbot, window, "1 T1 S2")
    assert window.entry.position.text() == "Stapel 1 · stembiljet 2 van 4"
    assert window.entry.banner.text() == "Stembiljet 1 is bewaard."
    qtbot.keyClick(window.entry.field, Qt.Key.Key_F6)  # blank: its own key
    window.entry.invalid.setChecked(True)
    window.entry.reason.setCurrentIndex(window.entry.reason.findData(InvalidReason.ALTERED.value))
    type_ballot(qtbot, window, "2 H")
    type_ballot(qtbot, window, "3 h")
    type_ballot(qtbot, window, "4 T2")
    qtbot.keyClick(window.entry, Qt.Key.Key_F4)  # undo the fifth: the pile has four
    assert "5" in window.entry.banner.text()
    window.entry.finish_button.click()
    window.entry.finish_button.click()
    assert window.stack.currentWidget() is window.overview
    entry = session.count.piles[1].first
    assert entry is not None and entry.finished
    assert entry.ballots == (
        Ballot(
            frozenset({Mark(ListNumber(1), Box.TITULAR, Position(1)), Mark(ListNumber(1), Box.SUCCESSOR, Position(2))})
        ),
        Ballot(),
        Ballot(frozenset({Mark(ListNumber(2), Box.LIST)}), Status.DECLARED_INVALID, InvalidReason.ALTERED),
        Ballot(frozenset({Mark(ListNumber(3), Box.LIST)})),
    )
    assert "Stembiljetten ingevoerd: 4 (1e)" in window.status.ballots.text()


def test_a_slip_is_shown_and_nothing_is_stored(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    type_ballot(qtbot, window, "9 T1")  # list 9 does not exist
    assert window.entry.banner.urgency is Urgency.WARNING
    assert "9:T1" in window.entry.banner.text()
    assert window.entry.field.text() == "9 T1"  # kept for correction
    assert window.entry.entered() == 0


def test_the_same_operator_for_both_passes_is_refused_with_the_core_message(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    type_ballot(qtbot, window, "1 H")
    window.entry.finish_button.click()
    window.entry.finish_button.click()
    start_pass(qtbot, window, session, 1, Pass.SECOND, "An")  # the member who did pass 1 chooses themself again
    assert window.stack.currentWidget() is window.overview
    refusal = CountStateError("count.same_operator", pile=1, pass_no=2, other=1, operator="An")
    assert window.overview.banner.text() == window.t.error(refusal)
    assert window.overview.banner.urgency is Urgency.WARNING
    assert session.count.piles[1].second is None


def test_tapping_the_grid_writes_the_marks_in_the_field(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    grid = window.entry.grid
    assert grid is not None
    grid.candidate_button(Mark(ListNumber(2), Box.TITULAR, Position(3))).click()
    grid.candidate_button(Mark(ListNumber(2), Box.LIST)).click()
    assert window.entry.field.text() == "2 H T3"
    qtbot.keyClicks(window.entry.field, " S1")
    assert Mark(ListNumber(2), Box.SUCCESSOR, Position(1)) in grid.marks()


def test_an_unexpected_fault_shows_call_the_helpdesk(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    session.fail_apply = RuntimeError("disk on fire")
    type_ballot(qtbot, window, "1 H")
    assert window.entry.banner.urgency is Urgency.BLOCKING
    assert "helpdesk" in window.entry.banner.text()
    assert b'"event":"exception"' in (session.log.path.read_bytes())


def test_an_earlier_ballot_is_corrected_in_place_with_f5_and_enter(
    qtbot, window: MainWindow, session: FakeSession
) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An", hand=4)
    entry = window.entry
    for text in ("1 H", "2 T1", "3 H"):
        type_ballot(qtbot, window, text)
    assert entry.correct_no.value() == 3 and entry.correct_preview.text() == "nu: 3 H"  # the last is proposed
    qtbot.keyClick(entry, Qt.Key.Key_F5)
    qtbot.waitUntil(entry.correct_no.hasFocus)
    entry.correct_no.setValue(2)
    assert entry.correct_preview.text() == "nu: 2 T1"
    qtbot.keyClick(entry.correct_no, Qt.Key.Key_Return)
    assert entry.correcting == 2 and entry.field.text() == "2 T1"
    assert entry.position.text() == "Stapel 1 · verbetering van stembiljet 2"
    assert not entry.finish_button.isEnabled() and entry.cancel_button.isVisibleTo(entry)
    type_ballot(qtbot, window, "2 T2 S1")
    assert entry.correcting is None and entry.banner.text() == "Stembiljet 2 is verbeterd en bewaard."
    first = session.count.piles[1].first
    assert first is not None and len(first.ballots) == 3
    assert first.ballots[1] == Ballot(
        frozenset({Mark(ListNumber(2), Box.TITULAR, Position(2)), Mark(ListNumber(2), Box.SUCCESSOR, Position(1))})
    )
    assert entry.position.text() == "Stapel 1 · stembiljet 4 van 4"  # on with the next new ballot
    type_ballot(qtbot, window, "4 H")
    assert entry.entered() == 4


def test_a_correction_shows_the_ballot_status_and_esc_leaves_it_as_it_was(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    entry = window.entry
    entry.invalid.setChecked(True)
    entry.reason.setCurrentIndex(entry.reason.findData(InvalidReason.NOT_OFFICIAL.value))
    type_ballot(qtbot, window, "2 H")
    type_ballot(qtbot, window, "1 H")
    entry.correct_no.setValue(1)
    entry.correct_button.click()
    assert entry.invalid.isChecked() and entry.reason.currentData() == InvalidReason.NOT_OFFICIAL.value
    entry.field.setText("3 H")
    qtbot.keyClick(entry, Qt.Key.Key_Escape)
    assert entry.correcting is None and entry.field.text() == "" and not entry.invalid.isChecked()
    assert "stembiljet 3" in entry.banner.text()
    first = session.count.piles[1].first
    assert first is not None
    assert first.ballots[0] == Ballot(
        frozenset({Mark(ListNumber(2), Box.LIST)}), Status.DECLARED_INVALID, InvalidReason.NOT_OFFICIAL
    )


def test_a_correction_with_marks_that_do_not_exist_is_refused_and_kept(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    type_ballot(qtbot, window, "1 H")
    window.entry.correct_button.click()
    type_ballot(qtbot, window, "9 T1")
    assert window.entry.banner.urgency is Urgency.WARNING and window.entry.correcting == 1
    first = session.count.piles[1].first
    assert first is not None and first.ballots == (Ballot(frozenset({Mark(ListNumber(1), Box.LIST)})),)


def test_a_pass_on_the_wrong_pile_is_discarded_after_a_second_tap(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 3, Pass.FIRST, "An")
    type_ballot(qtbot, window, "1 H")
    type_ballot(qtbot, window, "2 H")
    entry = window.entry
    entry.discard_button.click()
    assert entry.discard_button.armed and "stapel 3 (2 stembiljetten) weggooien" in entry.discard_button.text()
    assert session.count.piles[3].first is not None  # one tap changes nothing
    entry.discard_button.click()
    assert 3 not in session.count.piles
    assert window.stack.currentWidget() is window.overview
    assert "weggegooid" in window.overview.banner.text()
    assert window.overview.pile_no.value() == 3 and window.overview.selected_pass() is Pass.FIRST


def test_a_finished_pass_is_discarded_from_the_overview(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    type_ballot(qtbot, window, "1 H")
    window.entry.finish_button.click()
    window.entry.finish_button.click()
    start_pass(qtbot, window, session, 1, Pass.SECOND, "Bram")
    type_ballot(qtbot, window, "1 H")
    window.entry.back_button.click()
    overview = window.overview
    overview.select_pass(1, Pass.FIRST)
    assert overview.discard_button.isVisibleTo(overview)
    overview.discard_button.click()
    overview.discard_button.click()
    pile = session.count.piles[1]
    assert pile.first is None and pile.second is not None
    assert "eerste invoer van stapel 1 is weggegooid" in overview.banner.text()
    overview.select_pass(2, Pass.FIRST)
    assert not overview.discard_button.isVisibleTo(overview)  # nothing started there


# --- no phantom ballots (U7) ------------------------------------------------------------------------------------------


def test_enter_on_an_empty_entry_stores_nothing_and_says_blank_has_its_own_key(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    entry = window.entry
    assert entry.preview.text() == "Nog geen vakjes. Een blanco stembiljet: F6 (Blanco)."
    qtbot.keyClick(entry.field, Qt.Key.Key_Return)
    entry.confirm_button.click()  # the touch button neither
    assert entry.entered() == 0
    first = session.count.piles[1].first
    assert first is not None and first.ballots == ()
    assert entry.banner.text() == "Niets bewaard: het veld is leeg. Is het stembiljet blanco, druk dan F6 (Blanco)."
    assert entry.banner.urgency is Urgency.WARNING
    assert entry.position.text().startswith("Stapel 1 · stembiljet 1 ")


def test_the_blank_key_and_the_blank_button_store_a_blank_ballot(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    entry = window.entry
    assert entry.blank_button.text() == "Blanco (F6)"
    qtbot.keyClick(entry.field, Qt.Key.Key_F6)
    assert entry.banner.text() == "Stembiljet 1 is bewaard."
    entry.blank_button.click()
    entry.contested.setChecked(True)  # a blank ballot may be contested too
    qtbot.keyClick(entry.field, Qt.Key.Key_F6)
    first = session.count.piles[1].first
    assert first is not None
    assert first.ballots == (Ballot(), Ballot(), Ballot(frozenset(), Status.CONTESTED))


def test_the_blank_key_does_not_throw_away_typed_marks_or_an_invalid_declaration(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    entry = window.entry
    qtbot.keyClicks(entry.field, "2 T1")
    qtbot.keyClick(entry.field, Qt.Key.Key_F6)
    assert entry.entered() == 0 and entry.field.text() == "2 T1"
    assert entry.banner.text().startswith("Niets bewaard: een blanco stembiljet heeft geen aangekruiste vakjes")
    entry.field.clear()
    qtbot.keyClick(entry.field, Qt.Key.Key_F3)
    qtbot.keyClick(entry.field, Qt.Key.Key_F6)
    assert entry.entered() == 0 and entry.invalid.isChecked()


def test_a_blank_ballot_is_corrected_with_the_blank_key_not_with_enter_on_nothing(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    entry = window.entry
    type_ballot(qtbot, window, "1 H")
    entry.correct_button.click()
    entry.field.clear()
    qtbot.keyClick(entry.field, Qt.Key.Key_Return)
    assert entry.correcting == 1 and entry.banner.text().startswith("Niets bewaard: het veld is leeg")
    qtbot.keyClick(entry.field, Qt.Key.Key_F6)
    assert entry.correcting is None and entry.banner.text() == "Stembiljet 1 is verbeterd en bewaard."
    first = session.count.piles[1].first
    assert first is not None and first.ballots == (Ballot(),)


def test_the_invalid_reason_never_carries_over_to_the_next_ballot(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    entry = window.entry
    assert entry.reason.currentIndex() == -1 and entry.reason.currentData() is None
    assert entry.reason.placeholderText() == "kies de reden"
    qtbot.keyClick(entry.field, Qt.Key.Key_F3)
    entry.reason.setCurrentIndex(entry.reason.findData(InvalidReason.ALTERED.value))
    type_ballot(qtbot, window, "2 H")
    assert entry.entered() == 1
    assert entry.reason.currentIndex() == -1 and not entry.invalid.isChecked()  # reset after the ballot
    qtbot.keyClick(entry.field, Qt.Key.Key_F3)
    assert entry.reason.currentData() is None  # declared invalid again: the reason is not the previous one
    type_ballot(qtbot, window, "3 H")
    assert entry.entered() == 1  # refused: no reason chosen for this ballot
    assert entry.banner.text().startswith("Kies waarom het bureau dit stembiljet ongeldig verklaart")
    assert entry.banner.urgency is Urgency.WARNING and entry.field.text() == "3 H"
    assert entry.preview.text().startswith("Kies waarom")  # the preview says it before Enter, too
    entry.reason.setCurrentIndex(entry.reason.findData(InvalidReason.NOT_OFFICIAL.value))
    preview = entry.preview.text()
    assert preview.startswith("Enter bevestigt: 3 H") and "geen officieel stembiljet" in preview
    qtbot.keyClick(entry.field, Qt.Key.Key_Return)
    first = session.count.piles[1].first
    assert first is not None
    assert [b.invalid_reason for b in first.ballots] == [InvalidReason.ALTERED, InvalidReason.NOT_OFFICIAL]


def test_the_invalid_reason_is_cleared_when_another_pass_is_opened(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    entry = window.entry
    qtbot.keyClick(entry.field, Qt.Key.Key_F3)
    entry.reason.setCurrentIndex(entry.reason.findData(InvalidReason.ALTERED.value))
    entry.back_button.click()  # left with the reason chosen, nothing confirmed
    start_pass(qtbot, window, session, 2, Pass.FIRST, "Bram")
    assert window.stack.currentWidget() is entry and entry.pile == 2
    assert not entry.invalid.isChecked() and entry.reason.currentData() is None
    qtbot.keyClick(entry.field, Qt.Key.Key_F3)
    assert entry.reason.currentIndex() == -1


def test_a_language_switch_keeps_no_reason_chosen(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An")
    window.switch.buttons["fr"].click()
    assert window.entry.reason.currentIndex() == -1 and window.entry.reason.placeholderText() == "choisissez le motif"
    assert window.entry.blank_button.text() == "Blanc (F6)"


def test_finishing_short_of_the_hand_count_asks_first(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An", hand=4)
    entry = window.entry
    type_ballot(qtbot, window, "1 H")
    type_ballot(qtbot, window, "2 H")
    entry.finish_button.click()
    assert entry.finish_button.armed
    assert entry.finish_button.text() == "Nogmaals tikken: pas 2 van 4 ingevoerd — stapel 1 toch afsluiten?"
    first = session.count.piles[1].first
    assert first is not None and not first.finished  # the first tap only asks
    entry.finish_button.click()
    first = session.count.piles[1].first
    assert first is not None and first.finished and len(first.ballots) == 2


def test_finishing_with_the_hand_count_entered_says_how_many(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, session, 1, Pass.FIRST, "An", hand=1)
    type_ballot(qtbot, window, "1 H")
    window.entry.finish_button.click()
    assert window.entry.finish_button.text() == "Nogmaals tikken: stapel 1 met 1 stembiljetten afsluiten"
    type_ballot(qtbot, window, "2 H")
    window.entry.finish_button.refresh()
    assert "2 ingevoerd, maar 1 met de hand geteld" in window.entry.finish_button.text()
