"""Double entry (requirements C5, C6): compare the two passes of a pile, and settle a pile by the bureau's decision.

Every ballot is entered twice, by two different operators. The passes of a pile are compared *by sequence
alignment* (a minimum edit-distance alignment, Needleman–Wunsch style, over whole ballots): a ballot skipped in one
pass comes out as one ballot found only in the other pass, a ballot entered twice as one extra ballot, a mistyped
ballot as one changed ballot — never as a cascade of position mismatches after the slip. Each pass is also compared
with the number of ballots the bureau counted by hand for the pile.

The bureau settles a pile by looking at the physical ballots: a `Decision` gives the pile's final content. The
helper `settled_content` builds that content from one choice per difference, the way the screens ask for it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.counting.model import Ballot, BallotRef, Status
from app.errors import BadInput

# 2024 federal practice: the bureau makes piles of at most 50 ballots (C5).
MAX_PILE_SIZE = 50

# Alignment costs. A substitution costs less than a deletion plus an insertion, so a mistyped ballot is one
# changed ballot; a skipped ballot costs one gap instead of a substitution at every following position.
_CHANGE_COST = 1
_GAP_COST = 1


class Pass(enum.IntEnum):
    """The first or the second entry of a pile (eerste / tweede invoer)."""

    FIRST = 1
    SECOND = 2

    @property
    def other(self) -> Pass:
        return Pass.SECOND if self is Pass.FIRST else Pass.FIRST


class DifferenceKind(enum.Enum):
    """What the bureau has to look at."""

    CHANGED = "changed"  # both passes have the ballot, with different content
    ONLY_IN_FIRST = "only-in-first"  # pass 2 skipped it, or pass 1 entered it twice
    ONLY_IN_SECOND = "only-in-second"  # pass 1 skipped it, or pass 2 entered it twice
    CONTESTED = "contested"  # both passes agree, and flagged the ballot as contested (C6)
    COUNT_FIRST = "count-first"  # pass 1 holds another number of ballots than counted by hand
    COUNT_SECOND = "count-second"


_COUNT_KIND = {Pass.FIRST: DifferenceKind.COUNT_FIRST, Pass.SECOND: DifferenceKind.COUNT_SECOND}


@dataclass(frozen=True)
class Difference:
    """One open item of a pile. Positions are 1-based and refer to the pass they name.

    `repeated` marks a ballot found in one pass only that equals its neighbour in that pass: most likely entered
    twice. `entered` and `counted` are set for the count kinds only.
    """

    kind: DifferenceKind
    pile: int
    position_1: int | None = None
    position_2: int | None = None
    ballot_1: Ballot | None = None
    ballot_2: Ballot | None = None
    repeated: bool = False
    entered: int | None = None
    counted: int | None = None

    @property
    def needs_choice(self) -> bool:
        """A ballot-level difference needs a choice; a count difference is answered by the pile's content."""
        return self.kind not in (DifferenceKind.COUNT_FIRST, DifferenceKind.COUNT_SECOND)

    @property
    def ref(self) -> BallotRef | None:
        """Where to find the ballot: its position in pass 1, else in pass 2; None for a count difference."""
        position = self.position_1 if self.position_1 is not None else self.position_2
        return None if position is None else BallotRef(self.pile, position)


AlignedPair = tuple[int | None, int | None]  # 1-based positions in pass 1 and pass 2; None: a gap


@dataclass(frozen=True)
class PileComparison:
    """The outcome of comparing the two passes of a pile."""

    pile: int
    pass_1: tuple[Ballot, ...]
    pass_2: tuple[Ballot, ...]
    counted_by_hand: int | None
    alignment: tuple[AlignedPair, ...]
    differences: tuple[Difference, ...]

    @property
    def agreed(self) -> bool:
        return not self.differences


@dataclass(frozen=True)
class Decision:
    """The bureau's settled, authoritative content of a whole pile, after looking at the physical ballots (C5, C6).

    `decided_at` comes from the caller (the core never reads the clock) and must carry a time zone.
    """

    pile: int
    ballots: tuple[Ballot, ...]
    decided_by: str
    decided_at: dt.datetime
    note: str = ""

    def __post_init__(self) -> None:
        if self.decided_at.tzinfo is None:
            raise ValueError("decided_at must be timezone-aware")
        if len(self.ballots) > MAX_PILE_SIZE:
            raise BadInput("count.pile_too_large", pile=self.pile, counted=len(self.ballots), maximum=MAX_PILE_SIZE)
        if not self.decided_by.strip():
            raise BadInput("count.decision_without_name", pile=self.pile)
        for position, ballot in enumerate(self.ballots, start=1):
            if ballot.status is Status.CONTESTED:
                # C6: a decision is the end of the contest; the ballot must get its decided content
                raise BadInput("count.decision_contested", pile=self.pile, position=position)


class Take(enum.Enum):
    FIRST = "first"
    SECOND = "second"
    OTHER = "other"


@dataclass(frozen=True)
class Choice:
    """The bureau's answer to one difference: keep what the first or second pass has there, or what the bureau found.

    With OTHER, `ballots` is what lies there physically: none (no ballot at all), one, or several (ballots both
    passes missed).
    """

    take: Take
    ballots: tuple[Ballot, ...] = ()

    def __post_init__(self) -> None:
        if self.ballots and self.take is not Take.OTHER:
            raise ValueError("only an OTHER choice carries ballots")

    def content(self, difference: Difference) -> tuple[Ballot, ...]:
        if self.take is Take.OTHER:
            return self.ballots
        ballot = difference.ballot_1 if self.take is Take.FIRST else difference.ballot_2
        return () if ballot is None else (ballot,)


TAKE_FIRST = Choice(Take.FIRST)
TAKE_SECOND = Choice(Take.SECOND)


def other(*ballots: Ballot) -> Choice:
    """The choice 'what the bureau found': `other()` for no ballot, `other(b)` for one ballot."""
    return Choice(Take.OTHER, ballots)


def compare_pile(
    pile: int, pass_1: Sequence[Ballot], pass_2: Sequence[Ballot], counted_by_hand: int | None = None
) -> PileComparison:
    """Compare the passes of a pile ballot by ballot (by alignment) and with its hand count."""
    first, second = tuple(pass_1), tuple(pass_2)
    alignment = align(first, second)
    differences = [*_count_differences(pile, first, second, counted_by_hand)]
    differences += _ballot_differences(pile, first, second, alignment)
    return PileComparison(pile, first, second, counted_by_hand, alignment, tuple(differences))


def settled_content(comparison: PileComparison, choices: Mapping[Difference, Choice]) -> tuple[Ballot, ...]:
    """The pile's final content: agreed ballots as they are, and for every difference the bureau's choice.

    Raises BadInput naming the pile and position of a difference without a choice, or for a choice that answers
    no difference of this pile. The result still goes through `Decision`, which refuses contested ballots.
    """
    by_pair = {(d.position_1, d.position_2): d for d in comparison.differences if d.needs_choice}
    for answered in choices:
        if by_pair.get((answered.position_1, answered.position_2)) != answered:
            raise BadInput("count.choice_unknown", pile=comparison.pile, position=_position(answered))
    content: list[Ballot] = []
    for p1, p2 in comparison.alignment:
        difference = by_pair.get((p1, p2))
        if difference is None:
            assert p1 is not None  # an agreed pair has both sides
            content.append(comparison.pass_1[p1 - 1])
            continue
        choice = choices.get(difference)
        if choice is None:
            raise BadInput("count.choice_missing", pile=comparison.pile, position=_position(difference))
        content.extend(choice.content(difference))
    return tuple(content)


def align(first: Sequence[Ballot], second: Sequence[Ballot]) -> tuple[AlignedPair, ...]:
    """A minimum-cost alignment of two ballot sequences, as pairs of 1-based positions (None: a gap).

    The common head and tail are matched first (two passes mostly agree), so the quadratic part only covers the
    stretch between the first and the last slip.
    """
    n, m = len(first), len(second)
    head = 0
    while head < min(n, m) and first[head] == second[head]:
        head += 1
    tail = 0
    while tail < min(n, m) - head and first[n - 1 - tail] == second[m - 1 - tail]:
        tail += 1
    middle = _edit_alignment(first[head : n - tail], second[head : m - tail])
    pairs: list[AlignedPair] = [(k, k) for k in range(1, head + 1)]
    pairs += [(_shift(i, head), _shift(j, head)) for i, j in middle]
    pairs += [(n - tail + k, m - tail + k) for k in range(1, tail + 1)]
    return tuple(pairs)


def _shift(index: int | None, head: int) -> int | None:
    """A 0-based index into the middle stretch as a 1-based position in the whole pass."""
    return None if index is None else index + head + 1


def _edit_alignment(a: Sequence[Ballot], b: Sequence[Ballot]) -> list[tuple[int | None, int | None]]:
    """Needleman–Wunsch over whole ballots: 0-based index pairs of an alignment of minimum cost."""
    change = [[_CHANGE_COST if x != y else 0 for y in b] for x in a]
    return min_cost_alignment(change, [_GAP_COST] * len(a), [_GAP_COST] * len(b))


def min_cost_alignment(
    change: Sequence[Sequence[int]], drop_first: Sequence[int], drop_second: Sequence[int]
) -> list[tuple[int | None, int | None]]:
    """The alignment engine behind `align` and the alignment of a decision with the passes (`app.counting.decisions`):
    0-based index pairs of an alignment of minimum total cost of two sequences of lengths n = len(drop_first) and
    m = len(drop_second), where pairing item i of the first with item j of the second costs `change[i][j]`, and
    leaving item i of the first unpaired `drop_first[i]`, item j of the second `drop_second[j]` (non-negative
    integers). Ties prefer a pair, then a gap in the second sequence, tracing back from the end, so changed items stay
    paired."""
    n, m = len(drop_first), len(drop_second)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = cost[i - 1][0] + drop_first[i - 1]
    for j in range(1, m + 1):
        cost[0][j] = cost[0][j - 1] + drop_second[j - 1]
    for i in range(1, n + 1):
        above, row, pairs_i, gap_i = cost[i - 1], cost[i], change[i - 1], drop_first[i - 1]
        for j in range(1, m + 1):
            row[j] = min(above[j - 1] + pairs_i[j - 1], above[j] + gap_i, row[j - 1] + drop_second[j - 1])
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and cost[i][j] == cost[i - 1][j - 1] + change[i - 1][j - 1]:
            i, j = i - 1, j - 1
            pairs.append((i, j))
        elif i > 0 and cost[i][j] == cost[i - 1][j] + drop_first[i - 1]:
            i -= 1
            pairs.append((i, None))
        else:
            j -= 1
            pairs.append((None, j))
    pairs.reverse()
    return pairs


def _count_differences(
    pile: int, first: tuple[Ballot, ...], second: tuple[Ballot, ...], counted: int | None
) -> list[Difference]:
    if counted is None:
        return []
    return [
        Difference(_COUNT_KIND[pass_no], pile, entered=len(ballots), counted=counted)
        for pass_no, ballots in ((Pass.FIRST, first), (Pass.SECOND, second))
        if len(ballots) != counted
    ]


def _ballot_differences(
    pile: int, first: tuple[Ballot, ...], second: tuple[Ballot, ...], alignment: tuple[AlignedPair, ...]
) -> list[Difference]:
    differences: list[Difference] = []
    for p1, p2 in alignment:
        b1 = None if p1 is None else first[p1 - 1]
        b2 = None if p2 is None else second[p2 - 1]
        if b1 is not None and b2 is not None:
            if b1 != b2:
                differences.append(Difference(DifferenceKind.CHANGED, pile, p1, p2, b1, b2))
            elif b1.status is Status.CONTESTED:
                differences.append(Difference(DifferenceKind.CONTESTED, pile, p1, p2, b1, b2))
        elif p1 is not None:
            differences.append(Difference(DifferenceKind.ONLY_IN_FIRST, pile, p1, None, b1, None, _repeated(first, p1)))
        elif p2 is not None:
            differences.append(
                Difference(DifferenceKind.ONLY_IN_SECOND, pile, None, p2, None, b2, _repeated(second, p2))
            )
    return differences


def _repeated(ballots: tuple[Ballot, ...], position: int) -> bool:
    """Whether the ballot at `position` equals a neighbour in the same pass (a likely double entry)."""
    here = ballots[position - 1]
    before = position >= 2 and ballots[position - 2] == here
    after = position < len(ballots) and ballots[position] == here
    return before or after


def _position(difference: Difference) -> int | None:
    ref = difference.ref
    return None if ref is None else ref.position
