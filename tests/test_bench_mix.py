"""The ballot mix of the entry benchmark (bench/ballot_mix.py) is what it claims: 2,400 real-looking Antwerp ballots,
sorted as a bureau sorts them (art. 159) into homogeneous piles of at most 50, and the same ballots unsorted."""

from __future__ import annotations

from collections import Counter
from functools import cache

from app.counting.classify import SubCategory, Verdict, classify
from app.counting.keypad import matches
from app.counting.model import MIXED, Ballot, Declaration, ListNumber, PileKind, Status
from bench.ballot_mix import (
    BALLOTS,
    PILE_SIZE,
    BallotKind,
    Drawn,
    chamber_profile,
    draw,
    sorted_mix,
    unsorted_mix,
)
from tests.reference import chamber_2024


@cache
def _drawn() -> tuple[Drawn, ...]:
    return tuple(draw(chamber_2024(), chamber_profile()))


def test_mix_has_the_bureau_s_2400_ballots_in_both_orders() -> None:
    sorted_piles, unsorted_piles = sorted_mix(_drawn()), unsorted_mix(_drawn())
    assert len(sorted_piles.ballots()) == len(unsorted_piles.ballots()) == BALLOTS == 2400
    assert [n for n, _ in sorted_piles.piles] == list(range(1, len(sorted_piles.piles) + 1))
    assert [n for n, _ in unsorted_piles.piles] == list(range(1, len(unsorted_piles.piles) + 1))
    assert [len(p) for _, p in unsorted_piles.piles] == [PILE_SIZE] * (BALLOTS // PILE_SIZE)


def test_sorted_and_unsorted_mix_hold_the_same_ballots() -> None:
    assert Counter(sorted_mix(_drawn()).ballots()) == Counter(unsorted_mix(_drawn()).ballots())


def test_sorted_piles_are_at_most_50_and_each_matches_one_declaration() -> None:
    mix = sorted_mix(_drawn())
    for _, pile in mix.piles:
        assert 1 <= len(pile) <= PILE_SIZE
        # classified independently of the mix's own labels (art. 156), then declared as a sorting bureau would
        (stack,) = {_stack(b) for b in pile}
        assert all(matches(_declaration(stack), b) for b in pile)
    # every stack is contiguous: a kind of ballot never comes back once another one started
    order = [_stack(pile[0]) for _, pile in mix.piles]
    runs = [s for i, s in enumerate(order) if i == 0 or order[i - 1] != s]
    assert len(runs) == len(set(runs))


def _stack(ballot: Ballot) -> tuple[PileKind | None, int | None]:
    if ballot.status is Status.CONTESTED:
        return (None, None)  # set apart for the bureau's decision
    c = classify(ballot)
    if c.verdict is Verdict.VALID:
        return (PileKind.LIST_VOTE if c.subcategory is SubCategory.SC1 else PileKind.PREFERENCE, c.list_number)
    return (PileKind.BLANK if c.verdict is Verdict.BLANK else PileKind.INVALID, None)


def _declaration(stack: tuple[PileKind | None, int | None]) -> Declaration:
    kind, number = stack
    if kind is None:
        return MIXED
    return Declaration(kind, None if number is None else ListNumber(number))


def test_mix_has_antwerp_s_share_of_list_votes_and_of_blank_or_invalid_ballots() -> None:
    profile = chamber_profile()
    kinds = Counter(d.kind for d in _drawn())
    valid = sum(kinds[k] for k in (BallotKind.SC1, BallotKind.SC2, BallotKind.SC3, BallotKind.SC4))
    assert 0.38 < profile.sc1_share < 0.40  # official 2024: 466,212 of 1,191,187 valid ballots
    assert abs(kinds[BallotKind.SC1] / valid - profile.sc1_share) < 0.03
    not_valid = kinds[BallotKind.BLANK] + kinds[BallotKind.INVALID]
    assert not_valid == round(BALLOTS * profile.blank_or_invalid_rate)  # 44,400 of 1,235,587 ballots
    assert kinds[BallotKind.BLANK] == round(not_valid / 3)
    assert kinds[BallotKind.CONTESTED] >= 1
    for d in _drawn():
        if d.kind in (BallotKind.BLANK, BallotKind.INVALID, BallotKind.CONTESTED):
            continue
        c = classify(d.ballot)
        assert c.verdict is Verdict.VALID and c.subcategory is not None
        assert d.kind.value == c.subcategory.name
