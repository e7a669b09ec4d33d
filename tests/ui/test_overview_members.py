"""Starting a pass on the overview (C5, U7): a member of the bureau is chosen, never typed; without members the form
leads to the bureau's record; the hand count is shown as typed and a pile past 50 ballots is refused."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from app.counting.bureau import BureauRecord
from app.counting.count import ConfirmBallot, FinishPile, RecordBureau, StartPile
from app.counting.double_entry import MAX_PILE_SIZE, Pass
from app.counting.model import Ballot
from app.errors import CountStateError
from app.ui.main import MainWindow
from app.ui.theme import Urgency
from tests.ui.conftest import FakeSession

RECORD = BureauRecord(president="Anna Peeters", secretary="Bart Maes", assessors=("Chris Wouters",))


def overview_with(qtbot, window: MainWindow, session: FakeSession, record: BureauRecord | None = RECORD):  # type: ignore[no-untyped-def]
    if record is not None:
        session.apply(RecordBureau(record))
    window.attach(session)
    window.show_screen(window.overview)
    return window.overview


def members_listed(overview) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    choice = overview.member
    return [(choice.itemText(i), choice.itemData(i)) for i in range(choice.count())]


def test_the_members_of_the_record_are_the_choice_numbered_and_nobody_is_chosen_yet(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    overview = overview_with(qtbot, window, session)
    assert members_listed(overview) == [
        ("1 · Anna Peeters", "Anna Peeters"),
        ("2 · Bart Maes", "Bart Maes"),
        ("3 · Chris Wouters", "Chris Wouters"),
    ]
    assert overview.member.isVisibleTo(overview) and not overview.no_members.isVisibleTo(overview)
    assert overview.member.currentIndex() == -1 and overview.member.currentText() == ""
    assert overview.start_button.text() == "Start de invoer"


def test_typing_a_member_number_chooses_that_member_and_enter_starts_their_pass(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    overview = overview_with(qtbot, window, session)
    overview.select_pass(1, Pass.FIRST)
    qtbot.keyClicks(overview.member, "2")
    assert overview.member.currentData() == "Bart Maes"
    qtbot.keyClick(overview.member, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.entry
    first = session.count.piles[1].first
    assert first is not None and first.operator == "Bart Maes"
    assert overview.member.currentIndex() == -1  # the next pass: whoever enters it chooses themself


def test_a_non_member_cannot_be_chosen(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    overview = overview_with(qtbot, window, session)
    choice = overview.member
    assert not choice.isEditable()  # no name can be typed in: only the listed members exist
    assert choice.findData("Dirk Janssens") == -1 and choice.findText("Dirk Janssens") == -1
    qtbot.keyClicks(choice, "7")  # no member 7
    assert choice.currentIndex() == -1
    qtbot.keyClicks(choice, "0")
    assert choice.currentIndex() == -1
    overview.select_pass(1, Pass.FIRST)
    qtbot.keyClick(choice, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.overview
    assert overview.banner.text() == window.t("ui.overview.choose_member")
    assert overview.banner.urgency is Urgency.WARNING
    assert 1 not in session.count.piles  # nothing started


def test_pass_2_by_the_member_who_entered_pass_1_is_refused_with_the_count_message(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    overview = overview_with(qtbot, window, session)
    # pass 1 was started under another spelling of the same person ('A. Peeters' is Anna Peeters, C5)
    session.apply(StartPile(1, Pass.FIRST, "A. Peeters", 1))
    session.apply(ConfirmBallot(1, Pass.FIRST, Ballot()))
    session.apply(FinishPile(1, Pass.FIRST))
    overview.refresh()
    overview.select_pass(1, Pass.SECOND)
    qtbot.keyClicks(overview.member, "1")
    assert overview.member.currentData() == "Anna Peeters"
    overview.start_button.click()
    refusal = CountStateError("count.same_operator", pile=1, pass_no=2, other=1, operator="Anna Peeters")
    assert overview.banner.text() == window.t.error(refusal)
    assert window.stack.currentWidget() is window.overview
    assert session.count.piles[1].second is None
    qtbot.keyClicks(overview.member, "3")  # someone else may
    overview.start_button.click()
    second = session.count.piles[1].second
    assert second is not None and second.operator == "Chris Wouters"


def test_without_members_the_form_says_so_and_start_leads_to_the_bureau_record(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    overview = overview_with(qtbot, window, session, record=None)
    assert overview.no_members.isVisibleTo(overview) and not overview.member.isVisibleTo(overview)
    assert overview.no_members.text() == window.t("ui.overview.no_members")
    assert "voorzitter, de secretaris en de bijzitters" in overview.no_members.text()
    assert overview.start_button.text() == "Leden van het bureau invullen"
    overview.start_button.click()
    assert window.stack.currentWidget() is window.bureau
    assert session.count.piles == {}  # nothing started
    # the record is filled in: back on the overview, the members are there to choose
    window.bureau.president.setText("Anna Peeters")
    window.bureau.secretary.setText("Bart Maes")
    window.bureau.save_button.click()
    assert window.stack.currentWidget() is window.overview
    assert [data for _text, data in members_listed(overview)] == ["Anna Peeters", "Bart Maes"]
    assert overview.start_button.text() == "Start de invoer"


def test_the_choice_follows_the_record_when_it_changes_elsewhere(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    overview = overview_with(qtbot, window, session)
    qtbot.keyClicks(overview.member, "2")
    assert window.session is not None
    window.session.apply(RecordBureau(replace(RECORD, assessors=("Eva Claes",))))  # on another screen
    assert [data for _text, data in members_listed(overview)] == ["Anna Peeters", "Bart Maes", "Eva Claes"]
    assert overview.member.currentData() == "Bart Maes"  # still chosen
    window.session.apply(RecordBureau(BureauRecord()))
    assert overview.member.count() == 0 and overview.no_members.isVisibleTo(overview)


def test_the_no_members_sentence_is_translated(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    overview = overview_with(qtbot, window, session, record=None)
    window.switch.buttons["fr"].click()
    assert "le président, le secrétaire et les assesseurs" in overview.no_members.text()
    assert overview.start_button.text() == "Indiquer les membres du bureau"
    window.switch.buttons["de"].click()
    assert "den Vorsitzenden, den Sekretär und die Beisitzer" in overview.no_members.text()
    assert "Zählbürovorstands" in overview.no_members.text()


def test_the_member_field_has_help_on_focus(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    overview = overview_with(qtbot, window, session)
    overview.member.setFocus()
    qtbot.waitUntil(overview.member.hasFocus)
    assert overview.help.current_key == "ui.help.member"
    assert overview.help.text() == window.t("ui.help.member")


def test_a_hand_count_of_77_stays_77_is_refused_and_starts_nothing(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    overview = overview_with(qtbot, window, session)
    overview.select_pass(1, Pass.FIRST)
    overview.hand_count.clear()
    qtbot.keyClicks(overview.hand_count, "77")
    assert overview.hand_count.text() == "77" and overview.hand_count.value() == 77
    said = window.t("ui.overview.hand_too_many", counted=77, maximum=MAX_PILE_SIZE)
    assert "ten hoogste 50 stembiljetten" in said and "verdeel de stapel" in said
    assert overview.hand_problem.isVisibleTo(overview) and overview.hand_problem.text() == said  # while typing
    qtbot.keyClicks(overview.member, "1")
    qtbot.keyClick(overview.member, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.overview
    assert overview.banner.text() == said and overview.banner.urgency is Urgency.WARNING
    assert session.count.piles == {}  # nothing started
    assert overview.hand_count.text() == "77"  # left as typed, to be counted again
    overview.hand_count.clear()
    qtbot.keyClicks(overview.hand_count, "47")
    assert not overview.hand_problem.isVisibleTo(overview)
    qtbot.keyClick(overview.hand_count, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.entry
    assert session.count.piles[1].counted_by_hand == 47


def test_only_digits_go_into_the_hand_count(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    overview = overview_with(qtbot, window, session)
    overview.hand_count.clear()
    qtbot.keyClicks(overview.hand_count, "4a-2")
    assert overview.hand_count.text() == "42"


def test_an_empty_or_zero_hand_count_means_not_counted_yet(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    overview = overview_with(qtbot, window, session)
    assert overview.hand_count.placeholderText() == "nog niet"
    for pile, typed in ((1, ""), (2, "0")):
        window.show_screen(window.overview)
        overview.select_pass(pile, Pass.FIRST)
        overview.hand_count.clear()
        qtbot.keyClicks(overview.hand_count, typed)
        assert not overview.hand_problem.isVisibleTo(overview)
        qtbot.keyClicks(overview.member, "1")
        overview.start_button.click()
        assert window.stack.currentWidget() is window.entry, overview.banner.text()
        assert session.count.piles[pile].counted_by_hand is None


def test_a_pass_under_way_is_continued_without_choosing_a_member_again(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    session.apply(RecordBureau(RECORD))
    session.apply(StartPile(1, Pass.FIRST, "Bart Maes", 3))
    session.apply(ConfirmBallot(1, Pass.FIRST, Ballot()))
    overview = overview_with(qtbot, window, session, record=None)
    assert (overview.pile_no.value(), overview.selected_pass()) == (1, Pass.FIRST)
    assert overview.start_button.text() == "Invoer voortzetten"
    overview.start_button.click()
    assert window.stack.currentWidget() is window.entry and window.entry.entered() == 1
    first = session.count.piles[1].first
    assert first is not None and first.operator == "Bart Maes"
