"""The control number: stable, recomputable, and its check digit catches the errors of copying by hand."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.counting.classify import classify
from app.counting.model import Ballot, Box, ListNumber, Mark
from app.counting.tally import tally
from app.signing.control_number import canonical_results, control_number, damm_digit, is_well_formed
from tests.reference import chamber_2024


def test_control_number_is_sixteen_digits_in_four_groups_with_a_valid_check_digit() -> None:
    number = control_number(b"results")
    groups = number.split("-")
    assert [len(g) for g in groups] == [4, 4, 4, 4]
    assert is_well_formed(number) and is_well_formed(number.replace("-", " "))


def test_same_results_give_the_same_number_and_one_vote_more_changes_it() -> None:
    election = chamber_2024()
    one = tally(election, [classify(Ballot(frozenset({Mark(ListNumber(1), Box.LIST)})))])
    two = tally(election, [classify(Ballot(frozenset({Mark(ListNumber(1), Box.LIST)})))] * 2)
    a = control_number(canonical_results("A-001", election, one))
    assert a == control_number(canonical_results("A-001", election, one))
    assert a != control_number(canonical_results("A-001", election, two))
    assert a != control_number(canonical_results("A-002", election, one))


def test_canonical_results_lists_every_list_in_order() -> None:
    text = canonical_results("A-001", chamber_2024(), tally(chamber_2024(), [])).decode()
    assert text.startswith("tabula-results-v1\nstation=A-001\nelection=CK\n")
    assert [line.split(";")[0] for line in text.splitlines() if line.startswith("list=")] == [
        f"list={lst.number}" for lst in chamber_2024().lists
    ]


@given(st.binary(max_size=64), st.integers(0, 15), st.integers(1, 9))
def test_any_single_digit_error_is_caught(data: bytes, where: int, shift: int) -> None:
    digits = control_number(data).replace("-", "")
    wrong = digits[:where] + str((int(digits[where]) + shift) % 10) + digits[where + 1 :]
    assert not is_well_formed(wrong)


@given(st.binary(max_size=64), st.integers(0, 14))
def test_any_swap_of_adjacent_different_digits_is_caught(data: bytes, where: int) -> None:
    digits = control_number(data).replace("-", "")
    swapped = digits[:where] + digits[where + 1] + digits[where] + digits[where + 2 :]
    assert (swapped == digits) or not is_well_formed(swapped)


def test_damm_known_value_and_malformed_inputs() -> None:
    assert damm_digit("572") == "4"  # the published example of the Damm algorithm
    assert not is_well_formed("1234")
    assert not is_well_formed("abcd-efgh-ijkl-mnop")
