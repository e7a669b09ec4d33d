"""The tally of a counting bureau: per list SC1..SC4, CE and candidate votes; blank and invalid (C3)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.counting.classify import Classification, InvalidCause, SubCategory, Verdict
from app.counting.model import Election, ListNumber


@dataclass(frozen=True)
class ListTally:
    number: ListNumber
    subcategories: tuple[int, int, int, int]  # SC1, SC2, SC3, SC4
    titular_votes: tuple[int, ...]
    successor_votes: tuple[int, ...]
    ce: int  # the list total (stemcijfer); stored, not derived, so the checks can catch a corrupted one

    def sc(self, category: SubCategory) -> int:
        return self.subcategories[category - 1]

    @property
    def titular_total(self) -> int:
        """All votes for the list's titular candidates (the decree's check: at least SC2 + SC3)."""
        return sum(self.titular_votes)

    @property
    def successor_total(self) -> int:
        """All votes for the list's successor candidates (the decree's check: at least SC3 + SC4)."""
        return sum(self.successor_votes)


@dataclass(frozen=True)
class Tally:
    lists: tuple[ListTally, ...]
    blank: int
    invalid_by_cause: tuple[tuple[InvalidCause, int], ...]  # every cause, in enum order
    counted: int  # the number of ballots tallied

    @property
    def invalid(self) -> int:
        return sum(n for _, n in self.invalid_by_cause)

    @property
    def valid(self) -> int:
        return sum(lst.ce for lst in self.lists)

    @property
    def blank_or_invalid(self) -> int:
        return self.blank + self.invalid

    def list_tally(self, number: int) -> ListTally | None:
        return next((lst for lst in self.lists if lst.number == number), None)


def tally(election: Election, classifications: Iterable[Classification]) -> Tally:
    """Add up classified ballots; every list of the election appears, also those without votes."""
    index = {lst.number: i for i, lst in enumerate(election.lists)}
    sc = [[0, 0, 0, 0] for _ in election.lists]
    tit = [[0] * len(lst.titulars) for lst in election.lists]
    suc = [[0] * len(lst.successors) for lst in election.lists]
    blank = 0
    invalid = dict.fromkeys(InvalidCause, 0)
    counted = 0
    for c in classifications:
        counted += 1
        if c.verdict is Verdict.BLANK:
            blank += 1
        elif c.verdict is Verdict.INVALID:
            assert c.invalid_cause is not None
            invalid[c.invalid_cause] += 1
        else:
            assert c.list_number is not None and c.subcategory is not None
            i = index[c.list_number]
            sc[i][c.subcategory - 1] += 1
            for p in c.titulars:
                tit[i][p - 1] += 1
            for p in c.successors:
                suc[i][p - 1] += 1
    lists = tuple(
        ListTally(lst.number, (s[0], s[1], s[2], s[3]), tuple(t), tuple(u), sum(s))
        for lst, s, t, u in zip(election.lists, sc, tit, suc, strict=True)
    )
    return Tally(lists, blank, tuple(invalid.items()), counted)
