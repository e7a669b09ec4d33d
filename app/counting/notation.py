"""The contract's text notation of marks and statuses (`3:H`, `3:T4`, `3:S2`; `invalid:<reason>`, `contested`).

Shared by the pass files, the decisions file and the keyboard entry on screen.
"""

from __future__ import annotations

import re

from app.counting.model import Ballot, Box, InvalidReason, ListNumber, Mark, Position, Status
from app.errors import BadInput

_MARK = re.compile(r"^([1-9][0-9]{0,2}):(H|T[1-9][0-9]{0,2}|S[1-9][0-9]{0,2})$")


def parse_mark(text: str) -> Mark:
    """`3:T4` -> Mark(3, TITULAR, 4). Raises BadInput naming the mark."""
    match = _MARK.match(text)
    if match is None:
        raise BadInput("notation.bad_mark", mark=text)
    number, box = int(match.group(1)), match.group(2)
    if box == "H":
        return Mark(ListNumber(number), Box.LIST)
    return Mark(ListNumber(number), Box(box[0]), Position(int(box[1:])))


def parse_marks(text: str) -> frozenset[Mark]:
    """Marks separated by single spaces; a mark given twice is refused (it is a typing slip, not a vote)."""
    marks: list[Mark] = [parse_mark(part) for part in text.split()]
    seen: set[Mark] = set()
    for mark in marks:
        if mark in seen:
            raise BadInput("notation.mark_twice", mark=str(mark))
        seen.add(mark)
    return frozenset(marks)


def parse_ballot(marks: str, status: str) -> Ballot:
    """A ballot from its marks and status columns."""
    status = status.strip()
    if status == "":
        return Ballot(parse_marks(marks))
    if status == Status.CONTESTED.value:
        return Ballot(parse_marks(marks), Status.CONTESTED)
    kind, _, reason = status.partition(":")
    if kind == "invalid":
        try:
            return Ballot(parse_marks(marks), Status.DECLARED_INVALID, InvalidReason(reason))
        except ValueError:
            pass
    raise BadInput("notation.bad_status", status=status)


def format_marks(ballot: Ballot) -> str:
    return " ".join(str(m) for m in ballot.sorted_marks())


def format_status(ballot: Ballot) -> str:
    if ballot.status is Status.DECLARED_INVALID:
        assert ballot.invalid_reason is not None
        return f"invalid:{ballot.invalid_reason.value}"
    return str(ballot.status.value)
