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


# --- keypad passes: elections as printed (list numbers with gaps, real list sizes) and sorted or mixed piles ---

LIST_SIZES = (1, 2, 5, 9, 10, 12, 24, 33, 37, 49)
CHAMBER_2024_LISTS = (1, 3, 5, 8, 9, 10, 15, 16, 17, 18, 19, 20, 21)


@st.composite
def keypad_elections(draw: st.DrawFn) -> Election:
    """Elections as the keypad meets them: list numbers with gaps (as on the 2024 Chamber ballot), lists of 1 to 49
    titulars, with or without successors."""
    has_successors = draw(st.booleans())
    numbers = draw(
        st.one_of(
            st.just(CHAMBER_2024_LISTS),
            st.lists(st.integers(1, 40), min_size=1, max_size=14, unique=True).map(lambda n: tuple(sorted(n))),
        )
    )
    sizes = [
        (draw(st.sampled_from(LIST_SIZES)), draw(st.sampled_from(LIST_SIZES[:7])) if has_successors else 0)
        for _ in numbers
    ]
    return election_of(dict(zip(numbers, sizes, strict=True)), has_successors)


def election_of(sizes: dict[int, tuple[int, int]], has_successors: bool | None = None) -> Election:
    """An election with these lists: {list number: (titulars, successors)}."""
    lists = []
    for n, (t, s) in sorted(sizes.items()):
        number = ListNumber(n)
        lists.append(
            CandidateList(
                number,
                f"L{n}",
                tuple(Candidate(number, Kind.TITULAR, Position(p), f"T{p}") for p in range(1, t + 1)),
                tuple(Candidate(number, Kind.SUCCESSOR, Position(p), f"S{p}") for p in range(1, s + 1)),
            )
        )
    successors = any(s for _, s in sizes.values()) if has_successors is None else has_successors
    code = ElectionCode.CK if successors else ElectionCode.BR
    return Election(code, "Test", tuple(lists), successors)


def statuses() -> st.SearchStrategy[tuple[Status, InvalidReason | None]]:
    """No status, contested, or declared invalid for each reason."""
    return st.sampled_from(
        [(Status.NONE, None), (Status.CONTESTED, None)] + [(Status.DECLARED_INVALID, r) for r in InvalidReason]
    )


def _own_marks(lst: CandidateList) -> list[Mark]:
    own = [Mark(lst.number, Box.LIST)]
    own += [Mark(lst.number, Box.TITULAR, c.position) for c in lst.titulars]
    own += [Mark(lst.number, Box.SUCCESSOR, c.position) for c in lst.successors]
    return own


def keypad_ballots(election: Election) -> st.SearchStrategy[Ballot]:
    """Any ballot an operator may meet: list votes, candidates of one list (titulars and successors, with or without
    the list box), several lists, blank, each with no status, contested or declared invalid for every reason."""

    def one_list(lst: CandidateList) -> st.SearchStrategy[frozenset[Mark]]:
        return st.frozensets(st.sampled_from(_own_marks(lst)), min_size=1, max_size=6)

    list_vote = st.sampled_from(election.lists).map(lambda lst: frozenset({Mark(lst.number, Box.LIST)}))
    within = st.sampled_from(election.lists).flatmap(one_list)
    anywhere = st.frozensets(marks_of(election), max_size=6)
    marks = st.one_of(list_vote, within, within, anywhere, st.just(frozenset[Mark]()))
    return st.builds(lambda m, s: Ballot(m, s[0], s[1]), marks, st.one_of(st.just((Status.NONE, None)), statuses()))


@st.composite
def sorted_piles(draw: st.DrawFn, election: Election) -> list[Ballot]:
    """A pile of 1 to 50 ballots as a bureau sorts them (art. 159): list votes of one list, candidates of one list,
    blank or invalid, sometimes with a stray ballot of another kind; or not sorted at all."""
    size = draw(st.integers(1, 50))
    lst = draw(st.sampled_from(election.lists))
    kind = draw(st.sampled_from(["list-vote", "candidates", "blank", "invalid", "mixed"]))
    if kind == "list-vote":
        pile = [Ballot(frozenset({Mark(lst.number, Box.LIST)}))] * size
    elif kind == "candidates":
        own = st.frozensets(st.sampled_from(_own_marks(lst)), min_size=1, max_size=5)
        pile = [Ballot(m) for m in draw(st.lists(own, min_size=size, max_size=size))]
    elif kind == "blank":
        pile = [Ballot()] * size
    elif kind == "invalid":
        reasons = st.sampled_from(list(InvalidReason))
        invalid = st.builds(lambda m, r: Ballot(m, Status.DECLARED_INVALID, r), st.just(frozenset[Mark]()), reasons)
        pile = draw(st.lists(st.one_of(invalid, keypad_ballots(election)), min_size=size, max_size=size))
    else:
        pile = draw(st.lists(keypad_ballots(election), min_size=size, max_size=size))
    strays = draw(st.lists(st.tuples(st.integers(0, size - 1), keypad_ballots(election)), max_size=2))
    for index, ballot in strays:
        pile[index] = ballot
    return pile


@st.composite
def passes(draw: st.DrawFn, election: Election, max_piles: int = 4) -> list[tuple[int, list[Ballot]]]:
    """Piles with distinct numbers from 1 to 9999, mostly one after the other, sometimes not."""
    count = draw(st.integers(1, max_piles))
    numbers: list[int] = []
    for _ in range(count):
        following = (numbers[-1] + 1) if numbers else 1
        candidate = draw(st.one_of(st.just(following), st.integers(1, 9999)))
        if candidate in numbers or candidate > 9999:
            candidate = next(n for n in range(1, 10000) if n not in numbers)
        numbers.append(candidate)
    return [(n, draw(sorted_piles(election))) for n in numbers]
