"""Tally invariants (C3) for any set of ballots, and realistic sizes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.counting.classify import Verdict, classify
from app.counting.model import Ballot, Box, ElectionCode, Mark, Position
from app.counting.tally import tally
from tests.counting.generate import random_ballots
from tests.counting.strategies import ballots_of, elections
from tests.reference import chamber_2024, synthetic


@settings(max_examples=200)
@given(st.data())
def test_tally_invariants_hold_for_any_ballots(data: st.DataObject) -> None:
    election = data.draw(elections())
    ballots = data.draw(st.lists(ballots_of(election), max_size=60))
    classes = [classify(b) for b in ballots]
    t = tally(election, classes)
    assert [lst.number for lst in t.lists] == [lst.number for lst in election.lists]
    for lst in t.lists:
        sc1, sc2, sc3, sc4 = lst.subcategories
        assert lst.ce == sc1 + sc2 + sc3 + sc4
        assert sum(lst.titular_votes) >= sc2 + sc3
        assert sum(lst.successor_votes) >= sc3 + sc4
    assert sum(lst.ce for lst in t.lists) + t.blank + t.invalid == t.counted == len(ballots)
    assert t.blank == sum(c.verdict is Verdict.BLANK for c in classes)
    assert t.invalid == sum(c.verdict is Verdict.INVALID for c in classes)
    assert t.blank_or_invalid == t.blank + t.invalid


@given(st.data())
def test_every_candidate_vote_is_counted_once(data: st.DataObject) -> None:
    election = data.draw(elections())
    ballots = data.draw(st.lists(ballots_of(election, allow_declared_invalid=False), max_size=40))
    classes = [classify(b) for b in ballots]
    t = tally(election, classes)
    for lst in t.lists:
        for i, votes in enumerate(lst.titular_votes):
            expected = sum(1 for c in classes if c.list_number == lst.number and i + 1 in c.titulars)
            assert votes == expected


def test_flemish_parliament_antwerp_column_2400_ballots() -> None:
    election = synthetic(ElectionCode.VL, 15, 33, 16)
    ballots = random_ballots(election, 2400)
    t = tally(election, [classify(b) for b in ballots])
    assert t.counted == 2400
    assert len(t.lists[0].titular_votes) == 33 and len(t.lists[0].successor_votes) == 16
    assert t.valid + t.blank + t.invalid == 2400


def test_brussels_17_lists_without_successors() -> None:
    election = chamber_2024("Kieskring Brussel-Hoofdstad")
    numbers = [lst.number for lst in election.lists]
    assert len(numbers) == 17
    ballots = [Ballot(frozenset({Mark(n, Box.TITULAR, Position(1))})) for n in numbers]
    t = tally(election, [classify(b) for b in ballots])
    assert all(lst.ce == 1 and lst.subcategories == (0, 1, 0, 0) for lst in t.lists)


def test_antwerp_chamber_lists_appear_even_without_votes() -> None:
    t = tally(chamber_2024(), [])
    assert len(t.lists) == 12 and all(lst.ce == 0 for lst in t.lists)
    assert len(t.lists[0].titular_votes) == 24
