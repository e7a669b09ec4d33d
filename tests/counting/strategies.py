"""Hypothesis strategies for elections and ballots."""

from __future__ import annotations

from hypothesis import strategies as st

from app.counting.model import (
    Ballot,
    Box,
    Candidate,
    CandidateList,
    Election,
    ElectionCode,
    InvalidReason,
    Kind,
    ListNumber,
    Mark,
    Position,
    Status,
)


@st.composite
def elections(draw: st.DrawFn, max_lists: int = 6, max_candidates: int = 8) -> Election:
    has_successors = draw(st.booleans())
    count = draw(st.integers(1, max_lists))
    lists = []
    for n in range(1, count + 1):
        t = draw(st.integers(1, max_candidates))
        s = draw(st.integers(1, max_candidates)) if has_successors else 0
        lists.append(
            CandidateList(
                ListNumber(n),
                f"L{n}",
                tuple(Candidate(ListNumber(n), Kind.TITULAR, Position(p), f"T{p}") for p in range(1, t + 1)),
                tuple(Candidate(ListNumber(n), Kind.SUCCESSOR, Position(p), f"S{p}") for p in range(1, s + 1)),
            )
        )
    code = ElectionCode.CK if has_successors else ElectionCode.BR
    return Election(code, "Test", tuple(lists), has_successors)


def marks_of(election: Election) -> st.SearchStrategy[Mark]:
    """Any mark that exists on the ballot of this election."""
    options: list[Mark] = []
    for lst in election.lists:
        options.append(Mark(lst.number, Box.LIST))
        options += [Mark(lst.number, Box.TITULAR, c.position) for c in lst.titulars]
        options += [Mark(lst.number, Box.SUCCESSOR, c.position) for c in lst.successors]
    return st.sampled_from(options)


def ballots_of(election: Election, allow_declared_invalid: bool = True) -> st.SearchStrategy[Ballot]:
    """Ballots mostly within one list (the realistic case), sometimes across lists or declared invalid."""

    def one_list(lst: CandidateList) -> st.SearchStrategy[frozenset[Mark]]:
        own = [Mark(lst.number, Box.LIST)]
        own += [Mark(lst.number, Box.TITULAR, c.position) for c in lst.titulars]
        own += [Mark(lst.number, Box.SUCCESSOR, c.position) for c in lst.successors]
        return st.frozensets(st.sampled_from(own), max_size=len(own))

    within = st.sampled_from(election.lists).flatmap(one_list)
    anywhere = st.frozensets(marks_of(election), max_size=6)
    plain = st.one_of(within, within, within, anywhere).map(lambda m: Ballot(m))
    if not allow_declared_invalid:
        return plain
    declared = st.builds(
        lambda m, r: Ballot(m, Status.DECLARED_INVALID, r), anywhere, st.sampled_from(list(InvalidReason))
    )
    return st.one_of(plain, plain, plain, declared)
