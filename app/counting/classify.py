"""Classification of one ballot by art. 156 §2 of the Electoral Code (requirements C2, C3)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.counting.model import Ballot, Box, Election, ListNumber, Mark, Position, Status
from app.errors import BadInput


class Verdict(enum.Enum):
    VALID = "valid"
    BLANK = "blank"
    INVALID = "invalid"


class SubCategory(enum.IntEnum):
    """The four sub-categories of a valid ballot (art. 156 §1 al. 2; art. 159)."""

    SC1 = 1  # list vote only
    SC2 = 2  # titulars only
    SC3 = 3  # titulars and successors
    SC4 = 4  # successors only


class InvalidCause(enum.Enum):
    """Why a ballot is invalid: its marks span several lists, or the bureau declared it so."""

    SEVERAL_LISTS = "several-lists"
    NOT_OFFICIAL = "not-official"
    IDENTIFYING_MARK = "identifying-mark"
    ALTERED = "altered"
    OTHER = "other"


@dataclass(frozen=True)
class Classification:
    verdict: Verdict
    list_number: ListNumber | None = None
    subcategory: SubCategory | None = None
    titulars: tuple[Position, ...] = ()
    successors: tuple[Position, ...] = ()
    invalid_cause: InvalidCause | None = None


BLANK = Classification(Verdict.BLANK)


def check_marks(election: Election, ballot: Ballot) -> None:
    """Raise BadInput for a mark that names a list or candidate this election does not have."""
    for mark in ballot.sorted_marks():
        if not mark_exists(election, mark):
            raise BadInput("ballot.unknown_mark", mark=str(mark))


def mark_exists(election: Election, mark: Mark) -> bool:
    lst = election.list_by_number(mark.list_number)
    if lst is None:
        return False
    if mark.box is Box.LIST:
        return True
    group = lst.titulars if mark.box is Box.TITULAR else lst.successors
    return 1 <= mark.position <= len(group)


def classify(ballot: Ballot) -> Classification:
    """Classify a ballot whose marks exist in the election (see `check_marks`).

    A contested ballot is classified by its marks; the count refuses to finish while one is undecided.
    """
    if ballot.status is Status.DECLARED_INVALID:
        assert ballot.invalid_reason is not None  # guaranteed by Ballot
        return Classification(Verdict.INVALID, invalid_cause=InvalidCause(ballot.invalid_reason.value))
    if not ballot.marks:
        return BLANK
    lists = {mark.list_number for mark in ballot.marks}
    if len(lists) > 1:
        # art. 156 §2: votes on more than one list, in any form, make the ballot invalid
        return Classification(Verdict.INVALID, invalid_cause=InvalidCause.SEVERAL_LISTS)
    (list_number,) = lists
    titulars = tuple(sorted(m.position for m in ballot.marks if m.box is Box.TITULAR))
    successors = tuple(sorted(m.position for m in ballot.marks if m.box is Box.SUCCESSOR))
    # art. 156 §2: list box + candidates of the same list -> the list vote is void, the candidates count
    return Classification(
        Verdict.VALID,
        list_number=list_number,
        subcategory=_subcategory(bool(titulars), bool(successors)),
        titulars=titulars,
        successors=successors,
    )


def _subcategory(has_titulars: bool, has_successors: bool) -> SubCategory:
    if has_titulars:
        return SubCategory.SC3 if has_successors else SubCategory.SC2
    return SubCategory.SC4 if has_successors else SubCategory.SC1
