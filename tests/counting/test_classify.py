"""Art. 156 §2 of the Electoral Code, case by case, and as properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.counting.classify import InvalidCause, SubCategory, Verdict, check_marks, classify
from app.counting.model import Ballot, Box, InvalidReason, ListNumber, Mark, Position, Status
from app.errors import BadInput
from tests.counting.strategies import ballots_of, elections
from tests.reference import chamber_2024


def m(text: str) -> Mark:
    """`3:H`, `3:T4`, `3:S2` as a Mark (the contract's notation)."""
    number, box = text.split(":")
    if box == "H":
        return Mark(ListNumber(int(number)), Box.LIST)
    return Mark(ListNumber(int(number)), Box(box[0]), Position(int(box[1:])))


def ballot(*marks: str) -> Ballot:
    return Ballot(frozenset(m(x) for x in marks))


CASES = [
    # (name, marks, verdict, list, sub-category, titulars, successors)
    ("list_vote_only_is_sc1", ["8:H"], Verdict.VALID, 8, SubCategory.SC1, (), ()),
    ("one_titular_is_sc2", ["8:T3"], Verdict.VALID, 8, SubCategory.SC2, (3,), ()),
    ("many_titulars_is_sc2", ["8:T1", "8:T3", "8:T24"], Verdict.VALID, 8, SubCategory.SC2, (1, 3, 24), ()),
    ("titulars_and_successors_is_sc3", ["8:T2", "8:S1"], Verdict.VALID, 8, SubCategory.SC3, (2,), (1,)),
    ("successors_only_is_sc4", ["8:S5", "8:S13"], Verdict.VALID, 8, SubCategory.SC4, (), (5, 13)),
    (
        "list_vote_with_titulars_of_same_list_counts_for_candidates",
        ["8:H", "8:T1"],
        Verdict.VALID,
        8,
        SubCategory.SC2,
        (1,),
        (),
    ),
    (
        "list_vote_with_successors_of_same_list_counts_for_candidates",
        ["8:H", "8:S2"],
        Verdict.VALID,
        8,
        SubCategory.SC4,
        (),
        (2,),
    ),
    (
        "list_vote_with_both_kinds_of_same_list_is_sc3",
        ["8:H", "8:T1", "8:S2"],
        Verdict.VALID,
        8,
        SubCategory.SC3,
        (1,),
        (2,),
    ),
    (
        "every_candidate_of_a_list_is_valid",
        [f"1:T{p}" for p in range(1, 25)] + [f"1:S{p}" for p in range(1, 14)],
        Verdict.VALID,
        1,
        SubCategory.SC3,
        tuple(range(1, 25)),
        tuple(range(1, 14)),
    ),
    ("no_mark_is_blank", [], Verdict.BLANK, None, None, (), ()),
    ("two_list_boxes_is_invalid", ["1:H", "3:H"], Verdict.INVALID, None, None, (), ()),
    ("candidates_of_two_lists_is_invalid", ["1:T1", "3:T2"], Verdict.INVALID, None, None, (), ()),
    ("list_box_of_one_and_candidate_of_another_is_invalid", ["1:H", "3:S1"], Verdict.INVALID, None, None, (), ()),
    ("successors_of_two_lists_is_invalid", ["1:S1", "3:S1"], Verdict.INVALID, None, None, (), ()),
]


@pytest.mark.parametrize(("name", "marks", "verdict", "number", "sc", "tit", "suc"), CASES, ids=[c[0] for c in CASES])
def test_article_156_case(
    name: str,
    marks: list[str],
    verdict: Verdict,
    number: int | None,
    sc: SubCategory | None,
    tit: tuple[int, ...],
    suc: tuple[int, ...],
) -> None:
    b = ballot(*marks)
    check_marks(chamber_2024(), b)
    c = classify(b)
    assert (c.verdict, c.list_number, c.subcategory, c.titulars, c.successors) == (verdict, number, sc, tit, suc)
    if verdict is Verdict.INVALID:
        assert c.invalid_cause is InvalidCause.SEVERAL_LISTS


@pytest.mark.parametrize("reason", list(InvalidReason))
def test_ballot_declared_invalid_by_the_bureau_is_invalid_with_its_reason_whatever_its_marks(
    reason: InvalidReason,
) -> None:
    c = classify(Ballot(frozenset({m("8:H")}), Status.DECLARED_INVALID, reason))
    assert c.verdict is Verdict.INVALID
    assert c.invalid_cause is not None and c.invalid_cause.value == reason.value


def test_declared_invalid_without_reason_is_refused() -> None:
    with pytest.raises(ValueError, match="reason"):
        Ballot(frozenset(), Status.DECLARED_INVALID)


@pytest.mark.parametrize("mark", ["99:H", "8:T25", "8:S14", "8:T0", "1:S0"])
def test_mark_that_does_not_exist_on_the_ballot_is_bad_input(mark: str) -> None:
    with pytest.raises(BadInput) as info:
        check_marks(chamber_2024(), ballot(mark))
    assert info.value.key == "ballot.unknown_mark"
    assert info.value.params["mark"] == mark


def test_successor_mark_in_election_without_successors_is_bad_input() -> None:
    brussels = chamber_2024("Kieskring Brussel-Hoofdstad")
    no_successors = brussels.__class__(
        brussels.code,
        brussels.constituency,
        tuple(lst.__class__(lst.number, lst.name, lst.titulars) for lst in brussels.lists),
        has_successors=False,
    )
    with pytest.raises(BadInput):
        check_marks(no_successors, ballot("1:S1"))


@given(st.data())
def test_a_valid_ballot_has_exactly_one_list_and_its_subcategory_follows_from_its_candidates(
    data: st.DataObject,
) -> None:
    election = data.draw(elections())
    b = data.draw(ballots_of(election))
    check_marks(election, b)
    c = classify(b)
    lists = {x.list_number for x in b.marks}
    if b.status is Status.DECLARED_INVALID:
        assert c.verdict is Verdict.INVALID
    elif not b.marks:
        assert c.verdict is Verdict.BLANK
    elif len(lists) > 1:
        assert c.verdict is Verdict.INVALID and c.invalid_cause is InvalidCause.SEVERAL_LISTS
    else:
        assert c.verdict is Verdict.VALID and c.list_number in lists
        assert (c.subcategory in (SubCategory.SC2, SubCategory.SC3)) == bool(c.titulars)
        assert (c.subcategory in (SubCategory.SC3, SubCategory.SC4)) == bool(c.successors)
        assert len(c.titulars) + len(c.successors) == len([x for x in b.marks if x.box is not Box.LIST])
