"""Decisions ballot by ballot, overrules and the entry figures (C5): table cases, then properties for any two passes
and any decision."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.counting import count as c
from app.counting.count import ConfirmBallot, Decide, FinishPile, StartPile, apply, new_count
from app.counting.decisions import DecidedBallot, Entries, compare_entries, decided_ballots, decision_ballots
from app.counting.double_entry import (
    TAKE_FIRST,
    TAKE_SECOND,
    Choice,
    Decision,
    Difference,
    DifferenceKind,
    Pass,
    compare_pile,
    other,
    settled_content,
)
from app.counting.model import Ballot, Box, ListNumber, Mark, Position, Status
from app.errors import BadInput
from tests.reference import chamber_2024

NOW = dt.datetime(2024, 6, 9, 21, 30, tzinfo=dt.UTC)


def vote(list_number: int, titular: int | None = None, status: Status = Status.NONE) -> Ballot:
    mark = (
        Mark(ListNumber(list_number), Box.LIST)
        if titular is None
        else Mark(ListNumber(list_number), Box.TITULAR, Position(titular))
    )
    return Ballot(frozenset({mark}), status)


A, B, C, D, E = vote(1), vote(3), vote(5), vote(8, 1), vote(10)
CONTESTED = vote(15, status=Status.CONTESTED)


def places(records: tuple[DecidedBallot, ...]) -> list[tuple[int | None, int | None, int | None]]:
    return [(r.position_1, r.position_2, r.position) for r in records]


# --- the table ---------------------------------------------------------------------------------------------------


def test_a_ballot_entered_twice_in_one_pass_and_dropped_is_no_overrule_of_its_agreed_neighbour() -> None:
    records = decided_ballots(1, [A, B, C], [A, B, B, C], [A, B, C])
    assert places(records) == [(1, 1, 1), (2, 2, 2), (None, 3, None), (3, 4, 3)]
    assert [r.overrule for r in records] == [False] * 4 and [r.differed for r in records] == [False, False, True, False]


@pytest.mark.parametrize(
    ("decided", "expected"),
    [
        ((A, D, C), [(2, 2, 2, B, D)]),  # changed
        ((A, C), [(2, 2, None, B, None)]),  # dropped
        ((A, B, E, C), [(None, None, 3, None, E)]),  # a ballot neither pass has
        ((A, B, C), []),  # kept
    ],
    ids=["changed", "dropped", "added", "kept"],
)
def test_a_decision_against_both_passes_is_an_overrule_at_its_place(
    decided: tuple[Ballot, ...], expected: list[tuple[int | None, int | None, int | None, Ballot, Ballot]]
) -> None:
    records = decided_ballots(4, [A, B, C], [A, B, C], decided)
    overruled = [(r.position_1, r.position_2, r.position, r.reading_1, r.decided) for r in records if r.overrule]
    assert overruled == expected
    assert all(r.pile == 4 for r in records)


def test_a_difference_settled_either_way_or_otherwise_is_no_overrule() -> None:
    for decided in ((A, B, C), (A, D, C), (A, E, C), (A, C)):
        records = decided_ballots(1, [A, B, C], [A, D, C], decided)
        assert not any(r.overrule for r in records) and sum(r.differed for r in records) == 1


def test_a_contested_ballot_decided_is_no_overrule() -> None:
    records = decided_ballots(1, [A, CONTESTED], [A, CONTESTED], [A, vote(15)])
    assert [(r.contested, r.agreed, r.overrule) for r in records] == [(False, True, False), (True, False, False)]
    assert records[1].decided == vote(15) and records[1].position == 2


def test_a_recorded_decision_gives_who_when_and_why_on_every_ballot() -> None:
    decision = Decision(2, (A, D), "Voorzitter Claes", NOW, "ballot 2 looked at")
    records = decision_ballots((A, B), (A, B), decision)
    assert {(r.pile, r.decided_by, r.decided_at, r.note) for r in records} == {
        (2, "Voorzitter Claes", NOW, "ballot 2 looked at")
    }
    assert [r.overrule for r in records] == [False, True]


def test_entry_figures_of_a_whole_count() -> None:
    piles = {
        1: ((A, B, C), (A, B, C), None),  # agreed
        2: ((A, B), (A, D, E), (A, D, E)),  # one changed, one only in pass 2: two differences settled
        3: ((A, B), (A, B), (A,)),  # one overrule
        4: ((A,), (B,), None),  # still open: not counted as settled
    }
    assert compare_entries(piles) == Entries(pass1=8, pass2=9, differences=2, overruled=1)
    assert compare_entries({}) == Entries()


@pytest.mark.parametrize("missing", [0, 1], ids=["pass 1", "pass 2"])
def test_entry_figures_refuse_a_decided_pile_lacking_a_pass(missing: int) -> None:
    passes: list[tuple[Ballot, ...] | None] = [(A,), (A,)]
    passes[missing] = None
    with pytest.raises(BadInput) as raised:
        compare_entries({7: (passes[0], passes[1], (A,))})
    assert raised.value.key == "count.decision_needs_two_passes" and raised.value.params == {"pile": 7}


# --- properties --------------------------------------------------------------------------------------------------

# A small alphabet, so passes and decisions often agree, repeat and slip as real ones do.
_BALLOT = st.sampled_from([A, B, C, D, Ballot(), CONTESTED])
_CLEAN = st.sampled_from([A, B, C, D, Ballot()])
_PASS = st.lists(_BALLOT, max_size=12).map(tuple)
_DECIDED = st.lists(_CLEAN, max_size=12).map(tuple)


def levenshtein(a: tuple[Ballot, ...], b: tuple[Ballot, ...]) -> int:
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


@settings(max_examples=400, deadline=None)
@given(_PASS, _PASS, _DECIDED)
def test_records_cover_both_passes_and_the_decision_in_order(
    first: tuple[Ballot, ...], second: tuple[Ballot, ...], decided: tuple[Ballot, ...]
) -> None:
    records = decided_ballots(1, first, second, decided)
    # the decided content, both passes and their alignment are all there, in order
    assert tuple(r.decided for r in records if r.decided is not None) == decided
    assert [r.position for r in records if r.position is not None] == list(range(1, len(decided) + 1))
    assert tuple(r.reading_1 for r in records if r.position_1 is not None) == first
    assert tuple(r.reading_2 for r in records if r.position_2 is not None) == second
    comparison = compare_pile(1, first, second)
    pass_places = [(r.position_1, r.position_2) for r in records if (r.position_1, r.position_2) != (None, None)]
    assert tuple(pass_places) == comparison.alignment
    # an overrule is a change where both passes agreed, and every such change is one
    for r in records:
        assert r.overrule == (r.agreed and r.decided != r.reading_1)
        assert not r.overrule or (r.reading_1 == r.reading_2 and not r.contested)
        assert r.decided is None or r.decided.status is not Status.CONTESTED
    # the differences are exactly the ballot differences the comparison reports
    ballot_kinds = (DifferenceKind.CHANGED, DifferenceKind.ONLY_IN_FIRST, DifferenceKind.ONLY_IN_SECOND)
    assert sum(r.differed for r in records) == sum(d.kind in ballot_kinds for d in comparison.differences)
    # the figures add up
    entries = compare_entries({1: (first, second, decided), 2: (first, second, None)})
    assert entries == Entries(
        2 * len(first), 2 * len(second), sum(r.differed for r in records), sum(r.overrule for r in records)
    )


@settings(max_examples=300, deadline=None)
@given(_DECIDED, _DECIDED)
def test_on_agreed_passes_the_overrules_are_the_fewest_edits_from_the_agreed_pile_to_the_decision(
    agreed: tuple[Ballot, ...], decided: tuple[Ballot, ...]
) -> None:
    records = decided_ballots(1, agreed, agreed, decided)
    assert sum(r.overrule for r in records) == levenshtein(agreed, decided)
    assert compare_entries({1: (agreed, agreed, agreed)}) == compare_entries({1: (agreed, agreed, None)})


_CHOICE = st.one_of(st.just(TAKE_FIRST), st.just(TAKE_SECOND), st.just(other()), _CLEAN.map(lambda b: other(b)))


@settings(max_examples=300, deadline=None)
@given(_PASS, _PASS, st.data())
def test_a_decision_made_by_choosing_for_each_difference_never_shows_an_overrule(
    first: tuple[Ballot, ...], second: tuple[Ballot, ...], data: st.DataObject
) -> None:
    comparison = compare_pile(1, first, second)
    choices: dict[Difference, Choice] = {}
    for difference in comparison.differences:
        if difference.needs_choice:
            choices[difference] = data.draw(_CHOICE)
    decided = settled_content(comparison, choices)
    records = decided_ballots(1, first, second, decided)
    assert not any(r.overrule for r in records)
    assert all(r.unchanged for r in records if r.agreed)


_ENTERED = st.lists(_BALLOT, min_size=1, max_size=12).map(tuple)  # a pass needs a ballot to be finished


@settings(max_examples=100, deadline=None)
@given(_ENTERED, _ENTERED, _DECIDED)
def test_the_count_records_the_same_figures_verify_recomputes_from_plain_values(
    first: tuple[Ballot, ...], second: tuple[Ballot, ...], decided: tuple[Ballot, ...]
) -> None:
    """What the appliance records (its count) equals what `verify` recomputes from the passes and final ballots."""
    count = new_count(chamber_2024())
    for pass_no, operator, ballots in ((Pass.FIRST, "An", first), (Pass.SECOND, "Bert", second)):
        count = apply(count, StartPile(1, pass_no, operator))
        for ballot in ballots:
            count = apply(count, ConfirmBallot(1, pass_no, ballot))
        count = apply(count, FinishPile(1, pass_no))
    count = apply(count, Decide(Decision(1, decided, "voorzitter", NOW)))
    final = tuple(b for _, b in c.final_ballots(count))
    assert c.entries(count) == compare_entries({1: (first, second, final)})
    decision = Decision(1, decided, "voorzitter", NOW)
    assert c.overrules(count) == tuple(r for r in decision_ballots(first, second, decision) if r.overrule)
