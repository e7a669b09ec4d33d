"""The keyboard notation of the entry screen reads back what it writes, and names what it cannot read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.counting.model import Box, ListNumber, Mark, Position
from app.errors import BadInput
from app.ui.mark_text import format_entry, parse_entry

marks = st.builds(
    lambda n, box, p: Mark(ListNumber(n), box, Position(0 if box is Box.LIST else p)),
    st.integers(1, 30),
    st.sampled_from(list(Box)),
    st.integers(1, 40),
)


@given(st.frozensets(marks, max_size=8))
def test_formatted_marks_parse_back_to_the_same_marks(chosen: frozenset[Mark]) -> None:
    assert parse_entry(format_entry(chosen)) == chosen


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8 T3 S1", "8:T3 8:S1"),
        ("8 H", "8:H"),
        ("8:t3 9h", "8:T3 9:H"),
        ("8T3, 8S2", "8:T3 8:S2"),
        ("", ""),
    ],
)
def test_short_contract_and_compact_notations_are_read(text: str, expected: str) -> None:
    assert sorted(map(str, parse_entry(text))) == sorted(expected.split())


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("8", "ui.entry.list_without_box"),
        ("8 9 H", "ui.entry.list_without_box"),
        ("T3", "ui.entry.box_without_list"),
        ("x", "ui.entry.bad_token"),
        ("8 T3 T3", "notation.mark_twice"),
        ("8 T", "notation.bad_mark"),
    ],
)
def test_slips_are_named_with_a_typed_error(text: str, key: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_entry(text)
    assert caught.value.key == key
