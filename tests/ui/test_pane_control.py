"""One operator's side of the entry table: keys in, count events out (no screen needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.counting.bureau import BureauRecord
from app.counting.count import RecordBureau
from app.counting.double_entry import Pass
from app.counting.keypad import Key, Step
from app.counting.model import Ballot, Box, ListNumber, Mark, Position
from app.errors import TabulaError
from app.ui.pane_control import PaneControl, Side
from tests.conftest import TestPki
from tests.ui.conftest import FakeSession, make_session

MEMBERS = BureauRecord(president="Anna Peeters", secretary="Jan Janssens", assessors=("Eva Maes", "Bart De Wit"))
SYMBOL = {key.symbol: key for key in Key} | {"E": Key.ENTER, "B": Key.BACK}


def typed(control: PaneControl, keys: str) -> list[bool]:
    """Press space-separated keys (`E` Enter, `B` Backspace); what each press returned."""
    return [control.press(SYMBOL[k]) for k in keys.split()]


@pytest.fixture
def session(test_pki: TestPki, tmp_path: Path) -> FakeSession:
    session = make_session(test_pki, tmp_path)
    session.apply(RecordBureau(MEMBERS))
    return session


def pair(session: FakeSession) -> tuple[PaneControl, PaneControl]:
    left, right = PaneControl(session, Side.FIRST), PaneControl(session, Side.SECOND)
    left.partner, right.partner = right, left
    return left, right


def list_vote(n: int) -> Ballot:
    return Ballot(frozenset({Mark(ListNumber(n), Box.LIST)}))


def test_a_list_vote_pile_is_one_key_a_ballot_and_closes_itself(session: FakeSession) -> None:
    left, _ = pair(session)
    assert all(typed(left, "1 E  E  2 * E  3 E  E E E"))
    pile = session.count.piles[1]
    assert pile.first is not None and pile.first.finished
    assert pile.first.ballots == (list_vote(2),) * 3
    assert pile.first.operator == "Anna Peeters" and pile.counted_by_hand == 3
    assert left.pane.step is Step.PILE and left.note is not None and left.note.key == "ui.keypad.pile_closed"


def test_the_second_side_proposes_the_pile_waiting_for_its_second_pass(session: FakeSession) -> None:
    left, right = pair(session)
    typed(left, "1 E E 2 * E 2 E E E")  # pile 1, pass 1, by Anna
    typed(right, "2 E")  # Jan
    assert right.proposal() == 1 and left.proposal() == 2
    assert all(typed(right, "E 2 * E 2 E E E"))
    pile = session.count.piles[1]
    assert pile.second is not None and pile.second.operator == "Jan Janssens"
    assert pile.comparison is not None and pile.comparison.agreed


def test_a_pile_being_typed_on_one_side_is_refused_on_the_other(session: FakeSession) -> None:
    left, right = pair(session)
    typed(left, "1 E E E 3 E 2 . 1 E")  # pile 1 pass 1 open with one ballot
    typed(right, "2 E")
    assert typed(right, "1 E") == [True, False]
    assert right.pane.step is Step.PILE
    assert right.problem is not None and getattr(right.problem, "key", "") == "ui.keypad.pile_busy"


def test_the_same_member_cannot_do_both_passes_of_a_pile(session: FakeSession) -> None:
    left, _ = pair(session)
    typed(left, "1 E E 2 * E 1 E E")
    assert typed(left, "1 E") == [True, False]
    assert getattr(left.problem, "key", "") == "ui.keypad.same_member"


def test_one_member_cannot_type_on_both_sides(session: FakeSession) -> None:
    left, right = pair(session)
    typed(left, "3 E")
    assert typed(right, "3 E") == [True, False]
    assert getattr(right.problem, "key", "") == "ui.keypad.member_on_other_side" and right.member is None


def test_no_members_recorded_means_no_entry(test_pki: TestPki, tmp_path: Path) -> None:
    control = PaneControl(make_session(test_pki, tmp_path), Side.FIRST)
    assert typed(control, "1 E") == [True, False]
    assert getattr(control.problem, "key", "") == "ui.keypad.no_members"


def test_undo_is_two_backspaces_on_an_empty_entry(session: FakeSession) -> None:
    left, _ = pair(session)
    typed(left, "1 E E E 5 E 2 . 3 E 4 E")
    entry = session.count.piles[1].first
    assert entry is not None and len(entry.ballots) == 2
    typed(left, "B")
    assert left.pane.undo_armed and len(session.count.piles[1].first.ballots) == 2  # type: ignore[union-attr]
    typed(left, "B")
    assert len(session.count.piles[1].first.ballots) == 1  # type: ignore[union-attr]
    assert left.note is not None and left.note.params == {"position": 2}


def test_enter_on_an_empty_entry_stores_nothing_in_a_mixed_pile(session: FakeSession) -> None:
    left, _ = pair(session)
    typed(left, "1 E E E 5 E")
    assert left.press(Key.ENTER) is False
    entry = session.count.piles[1].first
    assert entry is not None and entry.ballots == ()


def test_a_member_comes_back_to_their_unfinished_pass(session: FakeSession) -> None:
    left, _ = pair(session)
    typed(left, "1 E E E 5 E 2 . 3 E")
    again = PaneControl(session, Side.FIRST)  # after a restart
    typed(again, "1 E")
    assert again.pane.step is Step.BALLOT and again.where() == (1, Pass.FIRST, 2)
    assert again.note is not None and again.note.key == "ui.keypad.resumed"
    assert typed(again, "2 . 4 E")
    entry = session.count.piles[1].first
    assert entry is not None and entry.ballots[-1] == Ballot(
        frozenset({Mark(ListNumber(2), Box.TITULAR, Position(4))})
    )


def test_a_refusal_of_the_count_leaves_the_pane_where_it_was(session: FakeSession) -> None:
    left, _ = pair(session)
    typed(left, "1 E E E 5 E")
    before = left.pane
    session.fail_apply = TabulaError("storage.full")
    assert left.press(Key.D2) and left.press(Key.ENTER) is False
    assert isinstance(left.problem, TabulaError)
    assert left.pane.entered == before.entered and left.pane.step is Step.BALLOT


def test_the_ballot_that_closed_a_pile_can_be_taken_back_until_the_other_pass_is_in(session: FakeSession) -> None:
    left, right = pair(session)
    typed(left, "1 E E E 2 E 2 . 1 E 4 E")  # pile 1 closes itself at its second ballot
    entry = session.count.piles[1].first
    assert entry is not None and entry.finished
    assert all(typed(left, "B B"))
    entry = session.count.piles[1].first
    assert entry is not None and not entry.finished and len(entry.ballots) == 1
    assert left.note is not None and left.note.key == "ui.keypad.taken_back" and left.note.ballot is not None
    assert all(typed(left, "3 E"))  # the right ballot closes the pile again
    assert session.count.piles[1].first.finished  # type: ignore[union-attr]
    typed(right, "2 E E E 2 E 2 . 1 E 3 E")  # pass 2 is in: the piles are compared
    assert typed(left, "B B") == [True, False]
    assert getattr(left.problem, "key", "") == "count.pile_compared"


def test_a_pile_the_other_side_is_declaring_is_not_offered_twice(session: FakeSession) -> None:
    left, right = pair(session)
    typed(left, "1 E 3 E")  # pile 3 named, its content not declared yet: nothing in the count so far
    assert left.pane.step is Step.DECLARATION and 3 not in session.count.piles
    typed(right, "2 E")
    assert typed(right, "3 E") == [True, False]
    assert getattr(right.problem, "key", "") == "ui.keypad.pile_busy"
    assert right.pane.typed == ()  # the refused number does not stay to become part of the next one


def test_a_first_pass_needs_a_hand_count_and_a_second_may_keep_the_piles(session: FakeSession) -> None:
    left, right = pair(session)
    # member 1, pile 1, mixed, and no count: refused
    assert typed(left, "1 E E E E") == [True, True, True, True, False]
    assert getattr(left.problem, "key", "") == "keys.count_missing" and 1 not in session.count.piles
    typed(left, "2 E 3 E 3 E")  # counted 2; two ballots close it
    typed(right, "2 E E E E")  # pass 2 of pile 1: Enter alone keeps the pile's count
    assert right.pane.step is Step.BALLOT and right.pane.hand_count == 2
    typed(right, "3 E 3 E")
    pile = session.count.piles[1]
    assert pile.second is not None and pile.second.finished and pile.comparison is not None


def test_a_second_pass_with_another_hand_count_is_told_without_the_first_figure(session: FakeSession) -> None:
    left, right = pair(session)
    typed(left, "1 E E E 4 5 E 3 E / / E")  # counted 45, closed short after one ballot
    typed(right, "2 E")
    assert typed(right, "E E 4 4 E") == [True, True, True, True, False]
    problem = right.problem
    assert isinstance(problem, TabulaError) and problem.key == "count.hand_count_conflict"
    from app.i18n import translate

    assert "45" not in translate(problem.key, "nl", **problem.params)  # blind: the other pass's count stays unseen
