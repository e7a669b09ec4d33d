"""The entry table as a first-time president met it (findings 8 and 9 of the first-time president test).

8: a pile refused because the other side is declaring it moves the proposal to the next free pile, so the next
   Enter takes a pile that can be taken (it stayed on the refused pile, and Enter was refused again).
9: a ballot its pile does not declare (a stray) waits for a second Enter with one short amber line saying what each
   key does, as docs/keypad.md promises; not three contradicting lines in black beside the keypad.
"""

from __future__ import annotations

import pytest

from app.counting.count import RecordBureau
from app.counting.keypad import Step
from app.ui.main import MainWindow
from app.ui.table import PaneView
from app.ui.theme import Urgency, banner_style
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


# --- 9: the stray-ballot warning -------------------------------------------------------------------------------------

STRAY = {
    "nl": "Anders dan de stapel: nog eens Enter = bewaren zoals getypt; Backspace = verbeteren",
    "fr": "Différent de la pile : encore Enter = enregistrer tel que tapé ; Backspace = corriger",
    "de": "Anders als der Stapel: noch einmal Enter = wie getippt speichern; Backspace = korrigieren",
}


def stored(session: FakeSession) -> int:
    entry = session.count.piles[1].first
    return 0 if entry is None else len(entry.ballots)


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_a_stray_ballot_waits_for_a_second_enter_with_one_amber_line(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, session: FakeSession, language: str
) -> None:
    left, _ = table(window, session)
    window.t.set_language(language)
    press(left, "1 E E 2 * E 3 E")  # Anna, pile 1: list 2, list vote only, 3 ballots
    press(left, "+ 1 . 1 E")  # a ballot of list 1 in it: not what the pile holds
    assert left.control.pane.confirm_armed and stored(session) == 0
    assert left.message.text() == STRAY[language]
    assert left.message.styleSheet() == banner_style(Urgency.WARNING)  # amber, as a warning
    replica = left.replica.text()
    assert window.t("ui.keypad.not_as_declared") not in replica and STRAY[language] not in replica  # said once
    assert "⚠" not in replica
    press(left, "E")  # the second Enter stores it as typed
    assert stored(session) == 1 and not left.control.pane.confirm_armed
    assert left.message.text() == ""


def test_typing_on_after_the_warning_takes_it_away(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    left, _ = table(window, session)
    press(left, "1 E E 2 * E 3 E + 1 . 1 E")
    assert left.message.text() == STRAY["nl"]
    press(left, "B")  # Backspace: the operator corrects the entry
    assert not left.control.pane.confirm_armed and left.message.text() == "" and stored(session) == 0


def test_a_ballot_as_its_pile_declares_is_stored_on_one_enter_without_the_warning(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, session: FakeSession
) -> None:
    left, _ = table(window, session)
    press(left, "1 E E 2 * E 3 E E")
    assert stored(session) == 1 and left.message.text() == ""
