"""The entry table as a first-time president met it (findings 8 and 9 of the first-time president test).

8: a pile refused because the other side is declaring it moves the proposal to the next free pile, so the next
   Enter takes a pile that can be taken (it stayed on the refused pile, and Enter was refused again).
"""

from __future__ import annotations

import pytest

from app.counting.count import RecordBureau
from app.counting.keypad import Step
from app.ui.main import MainWindow
from app.ui.table import PaneView
from tests.ui.conftest import FakeSession
from tests.ui.test_pane_control import MEMBERS, SYMBOL, pair, typed


def press(view: PaneView, keys: str) -> None:
    """Keys on this side's keypad (`E` Enter, `B` Backspace), as the screen gets them."""
    for key in keys.split():
        view.on_key(SYMBOL[key])


def table(window: MainWindow, session: FakeSession) -> tuple[PaneView, PaneView]:
    session.apply(RecordBureau(MEMBERS))
    window.attach(session)
    window.show_screen(window.table)
    left, right = window.table.views
    return left, right


# --- 8: a refused pile moves the proposal ----------------------------------------------------------------------------


def test_a_pile_refused_as_the_other_side_s_moves_the_proposal_to_the_next_free_pile(session: FakeSession) -> None:
    session.apply(RecordBureau(MEMBERS))
    left, right = pair(session)
    typed(left, "1 E E 2 * E 2 E E E")  # Anna: pile 1, first entry
    typed(right, "2 E E 2 * E 2 E E E")  # Jan: pile 1, second entry; nothing waits for him now
    assert right.pane.step is Step.PILE and right.pane.proposal == 2
    typed(left, "E")  # Anna takes pile 2 and is declaring it: not in the count yet
    assert left.pane.step is Step.DECLARATION and left.pane.pile == 2
    assert typed(right, "E") == [False]  # Jan's Enter meets pile 2: Anna's
    assert getattr(right.problem, "key", "") == "ui.keypad.pile_busy"
    assert right.pane.proposal == 3  # the next free pile
    assert typed(right, "E") == [True]  # Enter takes the proposal, as the message says
    assert right.pane.step is Step.DECLARATION and right.pane.pile == 3


def test_a_side_that_comes_to_the_pile_question_never_proposes_the_pile_being_declared(session: FakeSession) -> None:
    session.apply(RecordBureau(MEMBERS))
    left, right = pair(session)
    typed(left, "1 E E")  # Anna names pile 1 (the proposal) and declares it
    assert left.pane.step is Step.DECLARATION and left.pane.pile == 1
    typed(right, "2 E")  # Jan arrives: pile 1 is Anna's, pile 2 is free
    assert right.pane.proposal == 2 and right.proposal() == 2


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_the_screen_says_the_new_proposal_with_the_refusal(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, session: FakeSession, language: str
) -> None:
    left, right = table(window, session)
    window.t.set_language(language)  # before the keys: a switch redraws both sides, with their proposals
    press(left, "1 E E 2 * E 2 E E E")
    press(right, "2 E E 2 * E 2 E E E")
    press(left, "E")  # only this side is redrawn: the right one still shows pile 2
    assert right.prompt.text() == window.t("ui.keypad.prompt.pile", proposal=2)
    press(right, "E")
    t = window.t
    assert right.message.text() == t("ui.keypad.pile_busy", pile=2, operator="Anna Peeters")
    assert right.prompt.text() == t("ui.keypad.prompt.pile", proposal=3)
    press(right, "E")
    assert right.control.pane.step is Step.DECLARATION and right.control.pane.pile == 3
    assert right.prompt.text() == t("ui.keypad.prompt.declaration", pile=3)
