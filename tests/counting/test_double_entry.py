"""Double entry (C5, C6): the passes of a pile are compared by alignment, and settled by the bureau's decision."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.counting.double_entry import (
    MAX_PILE_SIZE,
    TAKE_FIRST,
    TAKE_SECOND,
    Choice,
    Decision,
    Difference,
    DifferenceKind,
    Pass,
    Take,
    align,
    compare_pile,
    other,
    settled_content,
)
from app.counting.model import Ballot, BallotRef, Box, InvalidReason, ListNumber, Mark, Position, Status
from app.errors import BadInput

NOW = dt.datetime(2024, 6, 9, 21, 30, tzinfo=dt.UTC)


def vote(list_number: int, *titulars: int, status: Status = Status.NONE) -> Ballot:
    """A list vote (no titulars given) or a vote for titulars of one list."""
    if not titulars:
        return Ballot(frozenset({Mark(ListNumber(list_number), Box.LIST)}), status)
    return Ballot(frozenset(Mark(ListNumber(list_number), Box.TITULAR, Position(t)) for t in titulars), status)


BLANK = Ballot()
INVALID = Ballot(status=Status.DECLARED_INVALID, invalid_reason=InvalidReason.ALTERED)


def pile_of(n: int) -> tuple[Ballot, ...]:
    """A pile where neighbours differ, so a slip has exactly one place."""
    return tuple(vote(1 + k % 12, 1 + k % 7) for k in range(n))


# --- the table of single slips -------------------------------------------------------------------------------------


def test_identical_passes_have_no_differences() -> None:
    pile = pile_of(50)
    result = compare_pile(7, pile, pile, counted_by_hand=50)
    assert result.differences == ()
    assert result.agreed
    assert result.alignment == tuple((k, k) for k in range(1, 51))


def test_one_changed_mark_is_exactly_that_ballot() -> None:
    first = pile_of(50)
    second = (*first[:29], vote(3, 2, 5), *first[30:])
    result = compare_pile(7, first, second, counted_by_hand=50)
    assert result.differences == (Difference(DifferenceKind.CHANGED, 7, 30, 30, first[29], second[29]),)


def test_ballot_skipped_in_second_pass_is_one_difference_at_its_place() -> None:
    first = pile_of(50)
    second = first[:12] + first[13:]
    result = compare_pile(3, first, second)
    assert result.differences == (Difference(DifferenceKind.ONLY_IN_FIRST, 3, 13, None, first[12], None),)
    assert result.differences[0].ref == BallotRef(3, 13)


def test_ballot_skipped_in_first_pass_is_one_difference_at_its_place() -> None:
    second = pile_of(50)
    first = second[:40] + second[41:]
    result = compare_pile(3, first, second)
    assert result.differences == (Difference(DifferenceKind.ONLY_IN_SECOND, 3, None, 41, None, second[40]),)
    assert result.differences[0].ref == BallotRef(3, 41)


def test_doubled_ballot_is_one_extra_flagged_as_repeated() -> None:
    first = pile_of(30)
    second = (*first[:20], first[19], *first[20:])
    (difference,) = compare_pile(1, first, second).differences
    assert difference.kind is DifferenceKind.ONLY_IN_SECOND
    assert difference.position_2 in (20, 21)
    assert difference.repeated


def test_skip_early_and_extra_late_are_two_differences_not_thirty() -> None:
    first = pile_of(50)
    second = (*first[:10], *first[11:40], vote(9), *first[40:])
    result = compare_pile(1, first, second)
    assert [d.kind for d in result.differences] == [DifferenceKind.ONLY_IN_FIRST, DifferenceKind.ONLY_IN_SECOND]
    assert [d.ref for d in result.differences] == [BallotRef(1, 11), BallotRef(1, 40)]


def test_status_and_reason_are_part_of_the_ballot() -> None:
    first = (BLANK, INVALID, vote(1))
    second = (BLANK, Ballot(status=Status.DECLARED_INVALID, invalid_reason=InvalidReason.OTHER), vote(1))
    (difference,) = compare_pile(1, first, second).differences
    assert (difference.kind, difference.position_1) == (DifferenceKind.CHANGED, 2)


def test_contested_ballot_agreed_by_both_passes_is_open() -> None:
    contested = vote(4, 1, status=Status.CONTESTED)
    first = (vote(1), contested, vote(2))
    (difference,) = compare_pile(1, first, first).differences
    assert difference == Difference(DifferenceKind.CONTESTED, 1, 2, 2, contested, contested)


def test_each_pass_is_compared_with_the_hand_count() -> None:
    first = pile_of(49)
    result = compare_pile(5, first, first, counted_by_hand=50)
    assert result.differences == (
        Difference(DifferenceKind.COUNT_FIRST, 5, entered=49, counted=50),
        Difference(DifferenceKind.COUNT_SECOND, 5, entered=49, counted=50),
    )
    assert all(not d.needs_choice and d.ref is None for d in result.differences)


def test_empty_passes_align_to_nothing() -> None:
    assert align((), ()) == ()
    assert compare_pile(1, (), (vote(1),)).differences[0].kind is DifferenceKind.ONLY_IN_SECOND


def test_pass_other_is_the_other_pass() -> None:
    assert Pass.FIRST.other is Pass.SECOND and Pass.SECOND.other is Pass.FIRST


# --- property: a single edit is reported exactly once, in the right place ------------------------------------------

ALPHABET = (vote(1), vote(2), vote(1, 3), vote(3, 1, 2), BLANK, INVALID, vote(5, 4, status=Status.CONTESTED))


def apply_removal(ballots: tuple[Ballot, ...], position: int) -> tuple[Ballot, ...]:
    return ballots[: position - 1] + ballots[position:]


@settings(max_examples=300, deadline=None)
@given(
    pile=st.lists(st.sampled_from(ALPHABET), min_size=0, max_size=MAX_PILE_SIZE),
    edit=st.sampled_from(["insert", "delete", "change"]),
    into=st.sampled_from(list(Pass)),
    where=st.integers(0, 10_000),
    new=st.sampled_from(ALPHABET),
)
def test_a_single_edit_is_exactly_one_difference_at_the_right_place(
    pile: list[Ballot], edit: str, into: Pass, where: int, new: Ballot
) -> None:
    original = tuple(b for b in pile if b.status is not Status.CONTESTED)  # agreed contested ballots are open too
    if edit != "insert" and not original:
        edit = "insert"
    edited = list(original)
    if edit == "insert":
        edited.insert(where % (len(original) + 1), new)
    elif edit == "delete":
        del edited[where % len(original)]
    else:
        k = where % len(original)
        edited[k] = new if new != original[k] else (vote(7) if original[k] != vote(7) else vote(8))
    first, second = (tuple(edited), original) if into is Pass.FIRST else (original, tuple(edited))

    (difference,) = compare_pile(1, first, second).differences

    if edit == "change":
        assert difference.kind is DifferenceKind.CHANGED
        assert difference.position_1 == difference.position_2 == where % len(original) + 1
    else:
        longer, shorter = (first, second) if len(first) > len(second) else (second, first)
        kind = DifferenceKind.ONLY_IN_FIRST if longer is first else DifferenceKind.ONLY_IN_SECOND
        position = difference.position_1 if longer is first else difference.position_2
        assert difference.kind is kind
        assert position is not None
        # the right place: removing the reported ballot makes the passes agree
        assert apply_removal(longer, position) == shorter


@settings(max_examples=100, deadline=None)
@given(
    first=st.lists(st.sampled_from(ALPHABET), max_size=MAX_PILE_SIZE),
    second=st.lists(st.sampled_from(ALPHABET), max_size=MAX_PILE_SIZE),
)
def test_alignment_covers_every_ballot_of_both_passes_in_order(first: list[Ballot], second: list[Ballot]) -> None:
    pairs = align(first, second)
    assert [p for p, _ in pairs if p is not None] == list(range(1, len(first) + 1))
    assert [q for _, q in pairs if q is not None] == list(range(1, len(second) + 1))
    # taking pass 1 everywhere gives back pass 1; taking pass 2 everywhere gives back pass 2
    comparison = compare_pile(1, first, second)
    needing = [d for d in comparison.differences if d.needs_choice]
    assert settled_content(comparison, dict.fromkeys(needing, TAKE_FIRST)) == tuple(first)
    assert settled_content(comparison, dict.fromkeys(needing, TAKE_SECOND)) == tuple(second)


# --- decisions and choices -----------------------------------------------------------------------------------------


def test_settled_content_follows_each_choice() -> None:
    first = pile_of(10)
    second = (*first[:3], vote(9), *first[4:7], *first[8:])  # changed at 4, skipped at 8
    comparison = compare_pile(2, first, second, counted_by_hand=10)
    changed, skipped = (d for d in comparison.differences if d.needs_choice)
    content = settled_content(comparison, {changed: other(vote(11, 1)), skipped: TAKE_FIRST})
    assert content == (*first[:3], vote(11, 1), *first[4:])
    assert settled_content(comparison, {changed: TAKE_SECOND, skipped: other()}) == second


def test_settled_content_with_a_ballot_both_passes_missed() -> None:
    first = pile_of(5)
    second = (*first[:2], vote(6), *first[3:])
    (changed,) = compare_pile(1, first, second).differences
    content = settled_content(compare_pile(1, first, second), {changed: other(first[2], vote(8))})
    assert content == (*first[:3], vote(8), *first[3:])


def test_settled_content_needs_a_choice_for_every_difference() -> None:
    first = pile_of(5)
    comparison = compare_pile(4, first, first[:4])
    with pytest.raises(BadInput) as raised:
        settled_content(comparison, {})
    assert raised.value.key == "count.choice_missing"
    assert raised.value.params == {"pile": 4, "position": 5}


def test_settled_content_refuses_a_choice_for_another_difference() -> None:
    first = pile_of(5)
    comparison = compare_pile(4, first, first)
    stray = Difference(DifferenceKind.CHANGED, 4, 2, 2, first[1], vote(9))
    with pytest.raises(BadInput) as raised:
        settled_content(comparison, {stray: TAKE_FIRST})
    assert (raised.value.key, raised.value.params["position"]) == ("count.choice_unknown", 2)
    count_only = Difference(DifferenceKind.COUNT_FIRST, 4, entered=5, counted=6)
    with pytest.raises(BadInput):
        settled_content(comparison, {count_only: TAKE_FIRST})


def test_contested_ballot_is_settled_by_the_bureaus_ballot() -> None:
    contested = vote(4, 1, status=Status.CONTESTED)
    pile = (vote(1), contested)
    comparison = compare_pile(1, pile, pile)
    (open_item,) = comparison.differences
    assert settled_content(comparison, {open_item: other(vote(4, 1))}) == (vote(1), vote(4, 1))
    with pytest.raises(BadInput) as raised:
        Decision(1, settled_content(comparison, {open_item: TAKE_FIRST}), "voorzitter", NOW)
    assert raised.value.key == "count.decision_contested"
    assert raised.value.params == {"pile": 1, "position": 2}


def test_a_choice_carries_ballots_only_when_the_bureau_found_other_content() -> None:
    with pytest.raises(ValueError, match="OTHER"):
        Choice(Take.FIRST, (vote(1),))


def test_decision_needs_a_name_a_time_zone_and_at_most_fifty_ballots() -> None:
    with pytest.raises(ValueError, match="timezone"):
        Decision(1, (vote(1),), "voorzitter", dt.datetime(2024, 6, 9, 21, 30))
    with pytest.raises(BadInput) as raised:
        Decision(1, (vote(1),), "  ", NOW)
    assert raised.value.key == "count.decision_without_name"
    with pytest.raises(BadInput) as raised:
        Decision(1, pile_of(MAX_PILE_SIZE + 1), "voorzitter", NOW)
    assert raised.value.key == "count.pile_too_large"
    assert Decision(1, (), "voorzitter", NOW, "stapel bleek leeg").note == "stapel bleek leeg"
