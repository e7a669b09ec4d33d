"""The bureau's decisions ballot by ballot, and the entry figures of a count (C5: "a decision against what both
passes agreed on is an overrule, shown as such").

A decision stays the settled content of a whole pile (the contract's decisions file), but it is recorded per ballot:
the decision is aligned with the two passes, column by column of the passes' own alignment (`double_entry.align`),
with the same alignment engine (`double_entry.min_cost_alignment`). Each column of the passes, and each ballot of the
decision that no column takes, gives one `DecidedBallot`: where it lies in each pass, what each pass read, what the
bureau decided, and whether that is an *overrule*.

An overrule is a place where the two passes agreed — both read the same ballot there, not contested, or both read no
ballot there at all — and the decision differs: the ballot changed, dropped, or a ballot added that neither pass has.

The aligning costs make the decision follow the passes wherever it can, and go against their agreement only where
nothing else explains it: keeping a reading of either pass costs 0, any other change 1, and a change against what
both passes agreed on costs more than all other changes of the pile together. So the alignment has the fewest
overrules that explain the decision, and among those the fewest other changes: a ballot entered twice in one pass
and dropped by the bureau is never mistaken for an agreed ballot dropped beside it, and a decision made by choosing
for each difference (the kiosk's way, `double_entry.settled_content`) never shows an overrule. Where two explanations
cost the same (agreed A B C decided as D: A or C changed into D?), the engine's tie rule decides, the same on the
appliance and in `verify`: pairs are kept from the end of the pile.

Everything here takes plain values — the two passes and the decided content of each pile — so the appliance (from its
count) and `tabula verify` (from the pass readings and the final ballots on the stick) compute the same figures with
the same code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from app.counting.double_entry import Decision, align, min_cost_alignment
from app.counting.model import Ballot, Status
from app.errors import BadInput

# Aligning a decision with the passes (see the module's docstring); an overrule costs more than all other changes.
_KEPT = 0  # the decision keeps what one of the passes read there
_CHANGED = 1  # a change where the passes disagreed (or flagged the ballot contested)


@dataclass(frozen=True)
class DecidedBallot:
    """One ballot of a decided pile: its place in each pass (1-based; None where that pass has no ballot there), what
    each pass read, what the bureau decided (None: the decision has no ballot there) and where it lies in the
    decision, with who decided, when, and the bureau's note.

    A ballot the bureau found that neither pass has comes with both readings None."""

    pile: int
    position_1: int | None
    position_2: int | None
    reading_1: Ballot | None
    reading_2: Ballot | None
    position: int | None
    decided: Ballot | None
    decided_by: str = ""
    decided_at: dt.datetime | None = None
    note: str = ""

    @property
    def differed(self) -> bool:
        """The passes read different things here (a changed ballot, or one found in one pass only)."""
        return self.reading_1 != self.reading_2

    @property
    def contested(self) -> bool:
        """Either pass flagged the ballot contested (C6)."""
        return any(r is not None and r.status is Status.CONTESTED for r in (self.reading_1, self.reading_2))

    @property
    def agreed(self) -> bool:
        """Both passes read the same here, and neither flagged it contested: the same ballot, or no ballot at all."""
        return not self.differed and not self.contested

    @property
    def overrule(self) -> bool:
        """The bureau decided against what both passes agreed on."""
        return self.agreed and self.decided != self.reading_1

    @property
    def unchanged(self) -> bool:
        """The passes agreed and the decision keeps it: nothing to show for this ballot."""
        return self.agreed and self.decided == self.reading_1


def decided_ballots(
    pile: int, pass_1: Sequence[Ballot], pass_2: Sequence[Ballot], decided: Sequence[Ballot]
) -> tuple[DecidedBallot, ...]:
    """Every ballot of a decided pile, in pile order: each aligned column of the two passes with the decided ballot
    the alignment puts there, and each decided ballot no column takes (a ballot neither pass has)."""
    first, second, final = tuple(pass_1), tuple(pass_2), tuple(decided)
    columns = [
        (p1, p2, None if p1 is None else first[p1 - 1], None if p2 is None else second[p2 - 1])
        for p1, p2 in align(first, second)
    ]
    agreed = [r1 == r2 and r1 is not None and r1.status is not Status.CONTESTED for _, _, r1, r2 in columns]
    # An agreed column kept as it is at either end is paired as it is in some alignment of minimum cost (swap it in
    # for whatever pairs it otherwise: no dearer), so only the stretch between the first and the last change is
    # aligned, as `align` does for the passes.
    head = 0
    while head < min(len(columns), len(final)) and agreed[head] and columns[head][2] == final[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(columns), len(final)) - head
        and agreed[len(columns) - 1 - tail]
        and columns[len(columns) - 1 - tail][2] == final[len(final) - 1 - tail]
    ):
        tail += 1
    middle = range(head, len(columns) - tail)
    decided_middle = final[head : len(final) - tail]
    overruled = _CHANGED * (len(middle) + len(decided_middle)) + 1  # dearer than every other change together
    against = [overruled if agreed[c] else _CHANGED for c in middle]
    change = [
        [_KEPT if ballot in columns[c][2:] else cost for ballot in decided_middle]
        for c, cost in zip(middle, against, strict=True)
    ]
    paired = min_cost_alignment(change, against, [overruled] * len(decided_middle))
    pairs: list[tuple[int | None, int | None]] = [(k, k) for k in range(head)]
    pairs += [(None if c is None else c + head, None if j is None else j + head) for c, j in paired]
    pairs += [(len(columns) - tail + k, len(final) - tail + k) for k in range(tail)]
    records: list[DecidedBallot] = []
    for column, j in pairs:
        p1, p2, r1, r2 = (None, None, None, None) if column is None else columns[column]
        records.append(
            DecidedBallot(pile, p1, p2, r1, r2, None if j is None else j + 1, None if j is None else final[j])
        )
    return tuple(records)


def decision_ballots(
    pass_1: Sequence[Ballot], pass_2: Sequence[Ballot], decision: Decision
) -> tuple[DecidedBallot, ...]:
    """`decided_ballots` of a recorded decision, each with who decided, when, and the bureau's note."""
    return tuple(
        replace(record, decided_by=decision.decided_by, decided_at=decision.decided_at, note=decision.note)
        for record in decided_ballots(decision.pile, pass_1, pass_2, decision.ballots)
    )


@dataclass(frozen=True)
class Entries:
    """The entry figures of a count (contract, `verify --json` "entries"): ballots entered in each pass, ballot
    differences between the passes that a decision settled, and ballots overruled (decided against what both passes
    agreed on)."""

    pass1: int = 0
    pass2: int = 0
    differences: int = 0
    overruled: int = 0


PileEntries = tuple[Sequence[Ballot] | None, Sequence[Ballot] | None, Sequence[Ballot] | None]


def compare_entries(piles: Mapping[int, PileEntries]) -> Entries:
    """The entry figures from plain values: per pile number, (pass 1, pass 2, decided content), each None when absent.

    - `pass1` / `pass2`: the ballots each pass holds, over all piles.
    - `differences`: in decided piles, the places where the passes read different things (a changed ballot, or one
      found in one pass only) — exactly the ballot differences `compare_pile` reports, contested ballots and hand
      counts not included. Differences of a pile without a decision are still open and not counted.
    - `overruled`: in decided piles, the `DecidedBallot`s that are overrules.

    The decided content may be given for every pile (e.g. the final ballots on the stick): for a pile whose passes
    agreed, deciding what they agreed on changes no figure. A decided pile lacking a pass is refused with
    BadInput `count.decision_needs_two_passes` naming the pile (art. 2 B of the decree: every ballot entered twice).
    """
    pass1 = pass2 = differences = overruled = 0
    for number in sorted(piles):
        first, second, decided = piles[number]
        pass1 += 0 if first is None else len(first)
        pass2 += 0 if second is None else len(second)
        if decided is None:
            continue
        if first is None or second is None:
            raise BadInput("count.decision_needs_two_passes", pile=number)
        records = decided_ballots(number, first, second, decided)
        differences += sum(1 for r in records if r.differed)
        overruled += sum(1 for r in records if r.overrule)
    return Entries(pass1, pass2, differences, overruled)
