"""The witness screen (issue 8): bureau, piles done per pass, differences open, the per-list totals once fixed; never
anything of a pass under way; on the second display, gone with it; `--witness` for one screen."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QCloseEvent, QGuiApplication, QScreen

from app.cli import build_parser
from app.counting.bureau import BureauRecord
from app.counting.checks import PollingStationCount
from app.counting.count import CloseEntry, ConfirmBallot, FinishPile, Phase, RecordBureau, StartPile
from app.counting.double_entry import Pass
from app.counting.model import Ballot, Box, ListNumber, Mark, Position
from app.platform.displays import FakeDisplays
from app.ui.result import group_control_number
from app.ui.texts import Texts
from app.ui.theme import Urgency
from app.ui.witness import WitnessDisplay, WitnessWindow, witness_screen, witness_view
from tests.ui.conftest import FakeSession
from tests.ui.test_review import COMPLETE, fix_result
from tests.ui.test_settle_and_result import A, B, C, enter

# A pass under way, marking candidates whose names appear nowhere else on the screen: list 3, titular 5 and
# successor 2, and list 4's list box, thirteen ballots in all.
OPEN_PASS = [
    Ballot(frozenset({Mark(ListNumber(3), Box.TITULAR, Position(5)), Mark(ListNumber(3), Box.SUCCESSOR, Position(2))})),
    Ballot(frozenset({Mark(ListNumber(4), Box.LIST)})),
] * 6 + [Ballot()]


def witness(qtbot, session: FakeSession | None, language: str = "nl") -> WitnessWindow:  # type: ignore[no-untyped-def]
    window = WitnessWindow(Texts(language), lambda: session)
    qtbot.addWidget(window)
    return window


def all_text(window: WitnessWindow) -> str:
    return "\n".join(label.text() for label in window.labels())


def test_a_pass_under_way_shows_nothing_of_its_content_in_any_label(qtbot, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B, C], [A, B, C], hand=3)
    session.apply(StartPile(2, Pass.FIRST, "Chloé", 13))
    for ballot in OPEN_PASS:
        session.apply(ConfirmBallot(2, Pass.FIRST, ballot))
    window = witness(qtbot, session)
    text = all_text(window)
    election = session.election
    secret = [
        election.lists[2].titulars[4].name,
        election.lists[2].successors[1].name,
        election.lists[3].name,
        "3 T5",
        "3:T5",
        "S2",
        "4 H",
        "Chloé",  # who enters a pass is not shown either
    ]
    for word in secret:
        assert word not in text, word
    assert "13" not in text  # not even how many ballots the pass under way holds
    for label in window.labels():  # and no list or candidate name at all before the result is fixed
        for lst in election.lists:
            assert lst.name not in label.text()
    tiles = [label.text() for label in window.tile_labels]
    assert tiles == [
        "Stapel 1\neerste invoer: klaar (3)\ntweede invoer: klaar (3)\nbeide invoeren gelijk",
        "Stapel 2\neerste invoer: bezig\ntweede invoer: nog niet",
    ]
    assert "eerste invoer 1 van 2 · tweede invoer 1 van 2" in window.summary.text()


def test_a_finished_pass_shows_its_size_only_once_the_other_pass_is_finished_too(qtbot, session) -> None:  # type: ignore[no-untyped-def]
    session.apply(StartPile(1, Pass.FIRST, "An", 3))
    for ballot in [A, B, C]:
        session.apply(ConfirmBallot(1, Pass.FIRST, ballot))
    session.apply(FinishPile(1, Pass.FIRST))
    session.apply(StartPile(1, Pass.SECOND, "Bram"))
    window = witness(qtbot, session)
    # the second operator enters blind: not even the first pass's number of ballots is on the public screen
    assert window.tile_labels[0].text() == "Stapel 1\neerste invoer: klaar\ntweede invoer: bezig"
    assert "3" not in all_text(window).replace("B0042", "")
    for ballot in [A, B, C]:
        session.apply(ConfirmBallot(1, Pass.SECOND, ballot))
    session.apply(FinishPile(1, Pass.SECOND))
    window.refresh()
    assert window.tile_labels[0].text().startswith("Stapel 1\neerste invoer: klaar (3)\ntweede invoer: klaar (3)")


def test_the_view_keeps_no_ballot_of_a_pass_under_way(session: FakeSession) -> None:
    session.apply(StartPile(1, Pass.FIRST, "An"))
    for ballot in OPEN_PASS:
        session.apply(ConfirmBallot(1, Pass.FIRST, ballot))
    view = witness_view(session.count)
    (pile,) = view.piles
    assert pile.passes[0].started and not pile.passes[0].finished and pile.passes[0].ballots is None
    assert not pile.passes[1].started and pile.open_differences is None and view.done == (0, 0)


def test_the_bureau_and_the_differences_open_are_shown_and_follow_the_count(qtbot, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    window = witness(qtbot, session)
    assert window.bureau.text() == "Gemeenteschool Zuid (B0042)"
    assert window.phase.text() == "Stand: Nog niets ingevoerd"
    assert window.differences.text() == "Geen verschillen open."
    enter(session, 1, [A, B, A], [A, C, A])  # one ballot read differently
    session.apply(RecordBureau(BureauRecord(president="Ann Dupré", assessors=("An", "Bram"))))
    window.refresh()
    assert window.bureau.text() == "Gemeenteschool Zuid (B0042) · voorzitter Ann Dupré"
    assert window.phase.text() == "Stand: Invoer"
    assert window.differences.text() == "Verschillen die het bureau nog moet beslissen: 1"
    assert window.tile_labels[0].text().endswith("1 verschil(len) open")
    window.t.set_language("fr")
    assert window.differences.text() == "Différences que le bureau doit encore trancher : 1"
    assert window.tile_labels[0].text().startswith("Pile 1\npremier encodage : terminé (3)")


def test_once_fixed_the_per_list_totals_and_the_control_number_are_shown(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B, C], [A, B, C])
    session.apply(CloseEntry())
    session.apply(RecordBureau(BureauRecord((PollingStationCount("12A", 3, 3),), **_members())))
    witness_window = witness(qtbot, session)
    assert not witness_window.table.isVisibleTo(witness_window)  # no totals before the result is fixed
    window.attach(session)
    fix_result(window.checks)
    assert session.count.phase is Phase.FINAL
    witness_window.refresh()
    table = witness_window.table
    assert table.isVisibleTo(witness_window) and table.rowCount() == 4
    assert table.row_values(0) == ("1", "Lijst 1", "1", "0", "0", "0", "1", "0", "0")
    assert table.row_values(1) == ("2", "Lijst 2", "0", "2", "0", "0", "2", "2", "0")
    assert witness_window.control.text() == group_control_number(session.real.control_number())
    assert not witness_window.tiles_frame.isVisibleTo(witness_window)


def _members() -> dict[str, object]:
    return {"president": COMPLETE.president, "secretary": COMPLETE.secretary, "assessors": COMPLETE.assessors}


def test_before_a_login_it_waits_and_it_cannot_be_closed_from_outside(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = witness(qtbot, None)
    assert window.bureau.text() == "Het stemopnemingsbureau is nog niet aangemeld."
    event = QCloseEvent()
    window.closeEvent(event)
    assert not event.isAccepted()
    window.shut()
    assert not window.isVisible()


def real_screen() -> QScreen:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen


def test_it_goes_to_the_second_display_and_away_when_that_display_goes(qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = real_screen()
    window = witness(qtbot, None)
    display = WitnessDisplay(window, displays=FakeDisplays([screen]))  # offscreen's one screen as a second display
    assert display.screen is screen and window.isVisible()
    display = WitnessDisplay(window, displays=FakeDisplays([screen], screen))
    assert display.screen is None and not window.isVisible()  # one display: the kiosk's own, never covered
    forced = WitnessDisplay(window, forced=True, displays=FakeDisplays([screen], screen))
    assert forced.screen is None and window.isVisible() and not window.isFullScreen()  # --witness: a window


LOST = {
    "nl": "Het scherm voor de getuigen is losgekoppeld, dus de getuigen zien de telling niet meer.",
    "fr": "L'écran des témoins a été débranché : les témoins ne voient plus le dépouillement.",
    "de": "Der Bildschirm für die Zeugen wurde getrennt: Die Zeugen sehen die Zählung nicht mehr.",
}
BACK = {
    "nl": "Het scherm voor de getuigen is weer aangesloten: de getuigen zien de telling opnieuw.",
    "fr": "L'écran des témoins est rebranché : les témoins voient à nouveau le dépouillement.",
    "de": "Der Bildschirm für die Zeugen ist wieder angeschlossen: Die Zeugen sehen die Zählung wieder.",
}
NEXT_STEP = {"nl": "Sluit het scherm opnieuw aan", "fr": "Rebranchez l'écran", "de": "Schließen Sie den Bildschirm"}


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_a_pulled_witness_display_closes_the_window_tells_the_president_and_it_comes_back(  # type: ignore[no-untyped-def]
    qtbot, window, session, language: str
) -> None:
    window.attach(session)
    window.t.set_language(language)  # after the login, which takes the bureau's language
    enter(session, 1, [A, B, C], [A, B, C])
    screen = real_screen()
    displays = FakeDisplays([screen])
    witness_window = WitnessWindow(window.t, lambda: window.session)
    qtbot.addWidget(witness_window)
    display = WitnessDisplay(witness_window, displays=displays, president=window)
    assert witness_window.isFullScreen() and not window.notice_row.isVisibleTo(window)

    displays.pull(screen)
    # at once, before Qt would move it onto the kiosk's display: the window is gone, and the president knows
    assert display.screen is None and not witness_window.isVisible()
    assert window.notice_row.isVisibleTo(window) and window.notice.urgency is Urgency.WARNING
    told = window.notice.text()
    assert told.startswith(LOST[language]) and NEXT_STEP[language] in told and "helpdesk" in told.lower()
    assert session.count.piles[1].comparison is not None  # the count is as it was: nothing lost
    assert window.isVisible()  # the kiosk goes on

    displays.plug(screen)
    qtbot.waitUntil(lambda: display.screen is real_screen())  # Qt's wrapper of that display now
    assert witness_window.isFullScreen() and witness_window.isVisible()
    assert window.notice.text() == BACK[language] and window.notice.urgency is Urgency.OK
    assert witness_window.tile_labels[0].text().startswith(witness_window.t("ui.witness.pile", pile=1))


def test_the_message_about_the_witness_display_follows_the_language_switch(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    screen = real_screen()
    displays = FakeDisplays([screen])
    witness_window = witness(qtbot, None)
    WitnessDisplay(witness_window, displays=displays, president=window)
    displays.pull(screen)
    assert window.notice.text().startswith(LOST["nl"])
    window.t.set_language("de")
    assert window.notice.text().startswith(LOST["de"])


def test_with_witness_forced_a_pulled_display_brings_the_window_back_to_the_kiosks_screen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    screen = real_screen()
    displays = FakeDisplays([screen])
    witness_window = witness(qtbot, None)
    display = WitnessDisplay(witness_window, forced=True, displays=displays, president=window)
    assert witness_window.isFullScreen()
    displays.kiosk = screen  # the display that stays is the kiosk's
    displays.pull(screen)
    assert display.screen is None and witness_window.isVisible() and not witness_window.isFullScreen()
    assert witness_window.screen() is screen
    assert "Het venster voor de getuigen staat nu op dit scherm" in window.notice.text()


def test_a_display_pulled_while_no_witness_window_showed_says_nothing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    screen = real_screen()
    displays = FakeDisplays([screen], screen)  # one display: the kiosk's own, no witness window
    witness_window = witness(qtbot, None)
    WitnessDisplay(witness_window, displays=displays, president=window)
    displays.pull(screen)
    displays.plug(screen)
    qtbot.wait(10)
    assert not window.notice_row.isVisibleTo(window) and not witness_window.isVisible()


def test_the_second_display_is_the_first_that_is_not_the_kiosks() -> None:
    first, second, third = object(), object(), object()
    assert witness_screen([first, second, third], first) is second  # type: ignore[list-item,arg-type]
    assert witness_screen([first], first) is None  # type: ignore[list-item,arg-type]
    assert witness_screen([], None) is None


@pytest.mark.parametrize("command", ["station", "demo"])
def test_the_witness_flag_is_on_station_and_demo(command: str) -> None:
    parser = build_parser()
    assert parser.parse_args([command, "--witness"]).witness is True
    assert parser.parse_args([command]).witness is False
