"""Regressions found by the end-to-end review: languages after rows come and go, the hand count of the pile shown."""

from __future__ import annotations

from app.counting.count import ConfirmBallot, FinishPile, StartPile
from app.counting.double_entry import Pass
from app.ui.main import MainWindow
from tests.ui.conftest import FakeSession
from tests.ui.test_settle_and_result import A


def test_switching_language_after_a_polling_station_row_was_removed_does_not_crash(
    window: MainWindow, session: FakeSession
) -> None:
    window.attach(session)
    screen = window.bureau
    screen.show_session(session)
    screen.add_button.click()
    screen.remove_row(screen.rows[-1])
    window.t.set_language("fr")
    window.t.set_language("de")
    assert screen.rows[0].remove_button.text() != ""


def test_the_proposed_pass_comes_with_the_hand_count_of_its_own_pile(window: MainWindow, session: FakeSession) -> None:
    session.apply(StartPile(1, Pass.FIRST, "An", 5))
    session.apply(ConfirmBallot(1, Pass.FIRST, A))
    session.apply(FinishPile(1, Pass.FIRST))
    session.apply(StartPile(2, Pass.FIRST, "An", 4))
    window.attach(session)
    overview = window.overview
    overview.refresh()
    overview._suggest()
    assert (overview.pile_no.value(), overview.selected_pass()) == (1, Pass.SECOND)
    assert overview.hand_count.value() == 5  # pile 1's own count, not the 4 typed for pile 2
