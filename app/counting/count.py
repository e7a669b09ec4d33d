"""The count of a counting bureau as an explicit state machine (requirements C5, C6, and C4's gate on the result).

                 StartPile                         CloseEntry                          Decide (the last open item)
        SETUP ─────────────▶ ENTERING ──────────────────────────────▶ DIFFERENCES ─────────────────────────────▶ CHECKS
                              │    ▲  └──────── CloseEntry (nothing open) ─────────────────────────────────────▶ │  │
                              │    │                                       │                                     │  │
                              │    └──────────── ReopenEntry ──────────────┴─────────────────────────────────────┘  │
                              │                                                                          Finalize   │
                              └─ StartPile, ConfirmBallot, CorrectBallot, UndoLast,                  (findings)     ▼
                                 FinishPile, DiscardPass, Decide: stay in ENTERING                                FINAL

    DIFFERENCES accepts Decide; CHECKS accepts Decide, Acknowledge; FINAL accepts nothing.
    docs/count-states.md has the table of every event in every phase.

- SETUP: nothing entered yet.
- ENTERING: piles are entered, pass 1 and pass 2 by different operators; a pile whose both passes are finished is
  compared at once, and the bureau may already decide it.
- DIFFERENCES: entry is closed, every pile has two finished passes, and some difference or contested ballot waits for
  the bureau's decision. Only decisions (or reopening entry) are possible.
- CHECKS: every pile is settled; the tally is checked (app.counting.checks), warnings are acknowledged.
  A decision taken here, or reopening entry, withdraws the acknowledgements: the tally they were about changed.
- FINAL: the result is fixed; nothing is accepted any more.

`apply(count, event)` is pure and returns the next Count, or raises a typed error (CountStateError for a step not
allowed, BadInput for a mark that does not exist, OpenDifferences for a result asked too early). Replaying the journal
applies thousands of events, so one step costs O(pile size + number of piles), never O(ballots).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace

from app.counting.bureau import BureauRecord
from app.counting.checks import Finding, Severity
from app.counting.classify import check_marks
from app.counting.decisions import DecidedBallot, Entries, compare_entries, decision_ballots
from app.counting.double_entry import (
    MAX_PILE_SIZE,
    Decision,
    Difference,
    Pass,
    PileComparison,
    compare_pile,
)
from app.counting.model import MIXED, Ballot, BallotRef, Declaration, Election, Status
from app.counting.people import same_person
from app.errors import CountStateError, OpenDifferences, TabulaError


class Phase(enum.Enum):
    SETUP = "setup"
    ENTERING = "entering"
    DIFFERENCES = "differences"
    CHECKS = "checks"
    FINAL = "final"


@dataclass(frozen=True)
class PassEntry:
    """One pass of one pile: who enters it, the ballots confirmed so far, whether the operator finished it."""

    operator: str
    ballots: tuple[Ballot, ...] = ()
    finished: bool = False
    declaration: Declaration = MIXED  # what the operator declared the pile to hold (art. 159): an entry aid only


@dataclass(frozen=True)
class Pile:
    number: int
    counted_by_hand: int | None = None
    first: PassEntry | None = None
    second: PassEntry | None = None
    comparison: PileComparison | None = None  # set once both passes are finished
    decision: Decision | None = None

    def entry(self, pass_no: Pass) -> PassEntry | None:
        return self.first if pass_no is Pass.FIRST else self.second

    def with_entry(self, pass_no: Pass, entry: PassEntry | None) -> Pile:
        changed = replace(self, first=entry) if pass_no is Pass.FIRST else replace(self, second=entry)
        return replace(changed, comparison=_compare(changed))

    @property
    def open_differences(self) -> tuple[Difference, ...]:
        if self.decision is not None or self.comparison is None:
            return ()
        return self.comparison.differences

    @property
    def final_ballots(self) -> tuple[Ballot, ...] | None:
        """The settled content: the decision, else the agreed passes; None while not settled."""
        if self.decision is not None:
            return self.decision.ballots
        if self.comparison is not None and self.comparison.agreed:
            return self.comparison.pass_1
        return None


@dataclass(frozen=True)
class Count:
    """The whole state of one bureau's count. `piles` is never mutated: every step builds a new mapping."""

    election: Election
    phase: Phase = Phase.SETUP
    piles: Mapping[int, Pile] = field(default_factory=dict)
    acknowledged: frozenset[str] = frozenset()
    findings: tuple[Finding, ...] = ()  # the check outcome the result was finalised with
    record: BureauRecord = field(default_factory=BureauRecord)  # receipts, members, remarks (for checks and PV)


def new_count(election: Election) -> Count:
    return Count(election)


# --- events ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StartPile:
    """An operator starts a pass of a pile; the hand count of the pile may be given with either pass.

    Once the bureau's record lists its members, the operator must be one of them (C5: members, not typed names).
    """

    pile: int
    pass_no: Pass
    operator: str
    counted_by_hand: int | None = None
    declaration: Declaration = MIXED


@dataclass(frozen=True)
class ConfirmBallot:
    pile: int
    pass_no: Pass
    ballot: Ballot


@dataclass(frozen=True)
class CorrectBallot:
    """The operator goes back and corrects a ballot already confirmed in a pass still open."""

    pile: int
    pass_no: Pass
    position: int
    ballot: Ballot


@dataclass(frozen=True)
class UndoLast:
    pile: int
    pass_no: Pass


@dataclass(frozen=True)
class FinishPile:
    pile: int
    pass_no: Pass


@dataclass(frozen=True)
class DiscardPass:
    """Throw a pass away (e.g. the wrong pile was taken) so it can be entered again."""

    pile: int
    pass_no: Pass


@dataclass(frozen=True)
class ReopenPass:
    """Open a finished pass again (the operator took back the ballot that closed the pile). Only while the other
    pass is not finished: once both are, they are compared and a slip is settled as a difference."""

    pile: int
    pass_no: Pass


@dataclass(frozen=True)
class Decide:
    decision: Decision


@dataclass(frozen=True)
class CloseEntry:
    """All piles are entered twice: go on to the differences, or straight to the checks."""


@dataclass(frozen=True)
class ReopenEntry:
    """A forgotten pile or a pass to redo: back to entry."""


@dataclass(frozen=True)
class Acknowledge:
    code: str


@dataclass(frozen=True)
class RecordBureau:
    """The bureau's receipts per polling station, members and remarks, as entered (replaces the previous record)."""

    record: BureauRecord


@dataclass(frozen=True)
class Finalize:
    findings: tuple[Finding, ...] = ()


Event = (
    StartPile
    | ConfirmBallot
    | CorrectBallot
    | UndoLast
    | FinishPile
    | DiscardPass
    | ReopenPass
    | Decide
    | CloseEntry
    | ReopenEntry
    | Acknowledge
    | RecordBureau
    | Finalize
)
EVENT_TYPES: tuple[type[Event], ...] = (
    ReopenPass,
    StartPile,
    ConfirmBallot,
    CorrectBallot,
    UndoLast,
    FinishPile,
    DiscardPass,
    Decide,
    CloseEntry,
    ReopenEntry,
    Acknowledge,
    RecordBureau,
    Finalize,
)

_ENTRY_EVENTS = (StartPile, ConfirmBallot, CorrectBallot, UndoLast, FinishPile, DiscardPass, ReopenPass)

# Which event is allowed in which phase; `_refusal` explains every other combination.
_ALLOWED: Mapping[type[Event], frozenset[Phase]] = {
    **{t: frozenset({Phase.ENTERING}) for t in _ENTRY_EVENTS},
    StartPile: frozenset({Phase.SETUP, Phase.ENTERING}),
    Decide: frozenset({Phase.ENTERING, Phase.DIFFERENCES, Phase.CHECKS}),
    CloseEntry: frozenset({Phase.ENTERING}),
    ReopenEntry: frozenset({Phase.DIFFERENCES, Phase.CHECKS}),
    Acknowledge: frozenset({Phase.CHECKS}),
    RecordBureau: frozenset({Phase.SETUP, Phase.ENTERING, Phase.DIFFERENCES, Phase.CHECKS}),
    Finalize: frozenset({Phase.CHECKS}),
}


def apply(count: Count, event: Event) -> Count:
    """The count after `event`, or a typed error saying why the event is not allowed now and what to do."""
    if count.phase not in _ALLOWED[type(event)]:
        raise _refusal(count, event)
    return _step(count, event)


# --- handlers ---------------------------------------------------------------------------------------------------------


def _start(count: Count, event: StartPile) -> Count:
    pile = count.piles.get(event.pile) or Pile(_valid_pile_number(event.pile))
    if pile.decision is not None:
        # the bureau's decision is the pile's content: ballots typed now would be silently ignored
        raise CountStateError("count.pile_decided", pile=event.pile)
    if not event.operator.strip():
        raise CountStateError("count.operator_missing", pile=event.pile, pass_no=int(event.pass_no))
    members = count.record.operators
    if members and not any(same_person(event.operator, member) for member in members):
        raise CountStateError("count.operator_not_member", operator=event.operator)
    started = pile.entry(event.pass_no)
    if started is not None:
        raise CountStateError(
            "count.pass_already_started", pile=event.pile, pass_no=int(event.pass_no), operator=started.operator
        )
    other = pile.entry(event.pass_no.other)
    if other is not None and same_person(other.operator, event.operator):
        # C5: the two passes of a pile are entered by two different operators
        raise CountStateError(
            "count.same_operator",
            pile=event.pile,
            pass_no=int(event.pass_no),
            other=int(event.pass_no.other),
            operator=event.operator,
        )
    pile = replace(pile, counted_by_hand=_hand_count(pile, event))
    pile = pile.with_entry(event.pass_no, PassEntry(event.operator, declaration=event.declaration))
    return _with_pile(replace(count, phase=Phase.ENTERING), pile)


def _confirm(count: Count, event: ConfirmBallot) -> Count:
    pile, entry = _open_entry(count, event.pile, event.pass_no)
    if len(entry.ballots) >= MAX_PILE_SIZE:
        raise CountStateError("count.pile_full", pile=event.pile, pass_no=int(event.pass_no), maximum=MAX_PILE_SIZE)
    check_marks(count.election, event.ballot)
    entry = replace(entry, ballots=(*entry.ballots, event.ballot))
    return _with_pile(count, pile.with_entry(event.pass_no, entry))


def _correct(count: Count, event: CorrectBallot) -> Count:
    pile, entry = _open_entry(count, event.pile, event.pass_no)
    if not 1 <= event.position <= len(entry.ballots):
        raise CountStateError(
            "count.no_ballot_at", pile=event.pile, pass_no=int(event.pass_no), position=event.position
        )
    check_marks(count.election, event.ballot)
    ballots = list(entry.ballots)
    ballots[event.position - 1] = event.ballot
    return _with_pile(count, pile.with_entry(event.pass_no, replace(entry, ballots=tuple(ballots))))


def _undo(count: Count, event: UndoLast) -> Count:
    pile, entry = _open_entry(count, event.pile, event.pass_no)
    if not entry.ballots:
        raise CountStateError("count.nothing_to_undo", pile=event.pile, pass_no=int(event.pass_no))
    return _with_pile(count, pile.with_entry(event.pass_no, replace(entry, ballots=entry.ballots[:-1])))


def _finish(count: Count, event: FinishPile) -> Count:
    pile, entry = _open_entry(count, event.pile, event.pass_no)
    if not entry.ballots:
        raise CountStateError("count.pass_empty", pile=event.pile, pass_no=int(event.pass_no))
    return _with_pile(count, pile.with_entry(event.pass_no, replace(entry, finished=True)))


def _discard(count: Count, event: DiscardPass) -> Count:
    pile = _pile(count, event.pile)
    if pile.entry(event.pass_no) is None:
        raise CountStateError("count.pass_not_started", pile=event.pile, pass_no=int(event.pass_no))
    if pile.decision is not None:
        raise CountStateError("count.pile_decided", pile=event.pile)
    pile = pile.with_entry(event.pass_no, None)
    if pile.first is None and pile.second is None:
        return replace(count, piles={n: p for n, p in count.piles.items() if n != event.pile})
    return _with_pile(count, pile)


def _reopen(count: Count, event: ReopenPass) -> Count:
    pile = _pile(count, event.pile)
    entry = pile.entry(event.pass_no)
    if entry is None:
        raise CountStateError("count.pass_not_started", pile=event.pile, pass_no=int(event.pass_no))
    if not entry.finished:
        raise CountStateError("count.pass_not_finished", pile=event.pile, pass_no=int(event.pass_no))
    if pile.decision is not None:
        raise CountStateError("count.pile_decided", pile=event.pile)
    if pile.comparison is not None:
        # both passes are in and compared: a slip is now a difference for the bureau, not a quiet correction
        raise CountStateError("count.pile_compared", pile=event.pile, pass_no=int(event.pass_no))
    return _with_pile(count, pile.with_entry(event.pass_no, replace(entry, finished=False)))


def _decide(count: Count, event: Decide) -> Count:
    decision = event.decision
    # A decision is the bureau's settled content of the whole pile and replaces both passes (contract), but only
    # once both passes are finished: art. 2 B of the decree, every ballot is entered twice. A decision never
    # stands in for a pass, and one for a pile the count does not have is a slip in its number.
    pile = count.piles.get(_valid_pile_number(decision.pile))
    if pile is None:
        raise CountStateError("count.decision_unknown_pile", pile=decision.pile)
    if pile.comparison is None:
        raise CountStateError("count.decision_needs_two_passes", pile=decision.pile)
    for ballot in decision.ballots:
        check_marks(count.election, ballot)
    count = _with_pile(count, replace(pile, decision=decision))
    if count.phase is Phase.CHECKS:
        # the tally changed: warnings acknowledged before were about another tally
        return replace(count, acknowledged=frozenset())
    if count.phase is Phase.DIFFERENCES and not open_differences(count):
        return replace(count, phase=Phase.CHECKS)
    return count


def _phase_after_entry(count: Count) -> Phase:
    """Closing entry needs every started pile entered twice; then differences first, if any."""
    if not count.piles:
        raise CountStateError("count.nothing_entered")
    for pile_no, pass_no in unfinished_passes(count):
        raise CountStateError("count.pass_unfinished", pile=pile_no, pass_no=int(pass_no))
    return Phase.DIFFERENCES if open_differences(count) else Phase.CHECKS


def _acknowledge(count: Count, event: Acknowledge) -> Count:
    if not event.code.strip():
        raise CountStateError("count.warning_code_missing")
    return replace(count, acknowledged=count.acknowledged | {event.code})


def _finalize(count: Count, event: Finalize) -> Count:
    for finding in event.findings:
        if finding.severity is Severity.ERROR:
            raise CountStateError("count.check_error", code=finding.code)
    for finding in event.findings:
        if finding.code not in count.acknowledged:
            raise CountStateError("count.warning_unacknowledged", code=finding.code)
    return replace(count, phase=Phase.FINAL, findings=event.findings)


def _step(count: Count, event: Event) -> Count:
    match event:
        case StartPile():
            return _start(count, event)
        case ConfirmBallot():
            return _confirm(count, event)
        case CorrectBallot():
            return _correct(count, event)
        case UndoLast():
            return _undo(count, event)
        case FinishPile():
            return _finish(count, event)
        case DiscardPass():
            return _discard(count, event)
        case ReopenPass():
            return _reopen(count, event)
        case Decide():
            return _decide(count, event)
        case CloseEntry():
            return replace(count, phase=_phase_after_entry(count))
        case ReopenEntry():
            return replace(count, phase=Phase.ENTERING, acknowledged=frozenset())
        case Acknowledge():
            return _acknowledge(count, event)
        case RecordBureau():
            return _record(count, event.record)
        case Finalize():
            return _finalize(count, event)


def _record(count: Count, record: BureauRecord) -> Count:
    """The bureau's record replaced. The checks depend on its figures and members: once those change, warnings
    acknowledged before were about other figures. Explanations and remarks are what the bureau writes about the
    checks, so writing one keeps what was acknowledged."""
    same_figures = replace(count.record, explanations=record.explanations, remarks=record.remarks) == record
    return replace(count, record=record, acknowledged=count.acknowledged if same_figures else frozenset())


# --- queries ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PileCount:
    """Per pile: the hand count, the ballots in each pass, and the settled number (None while not settled)."""

    pile: int
    counted_by_hand: int | None
    entered_1: int | None
    entered_2: int | None
    settled: int | None


@dataclass(frozen=True)
class ContestedBallot:
    """A ballot flagged contested in either pass (C6), with the bureau's decided content once the pile is decided."""

    ref: BallotRef  # where it was flagged, in the pass that flagged it
    flagged: Ballot
    decision: Decision | None
    decided: Ballot | None
    final_ref: BallotRef | None = None  # where it lies in the decided pile (None: the bureau found no such ballot)


def piles(count: Count) -> tuple[Pile, ...]:
    return tuple(count.piles[n] for n in sorted(count.piles))


def open_differences(count: Count) -> tuple[Difference, ...]:
    """Every difference and contested ballot still waiting for a decision, pile by pile."""
    return tuple(d for pile in piles(count) for d in pile.open_differences)


def unfinished_passes(count: Count) -> tuple[tuple[int, Pass], ...]:
    """Passes of started piles that are not finished yet, or not even started (a decided pile has both finished)."""
    return tuple(
        (pile.number, pass_no)
        for pile in piles(count)
        for pass_no in Pass
        if (entry := pile.entry(pass_no)) is None or not entry.finished
    )


def final_ballots(count: Count) -> tuple[tuple[BallotRef, Ballot], ...]:
    """Every settled ballot by pile and position; raises OpenDifferences while anything is open.

    The result is the count's final content only from phase CHECKS on; earlier, more piles may still come.
    """
    _raise_if_open(count)
    result: list[tuple[BallotRef, Ballot]] = []
    for pile in piles(count):
        content = pile.final_ballots
        assert content is not None  # nothing is open
        result += [(BallotRef(pile.number, position), b) for position, b in enumerate(content, start=1)]
    return tuple(result)


def pile_counts(count: Count) -> tuple[PileCount, ...]:
    return tuple(
        PileCount(
            pile.number,
            pile.counted_by_hand,
            None if pile.first is None else len(pile.first.ballots),
            None if pile.second is None else len(pile.second.ballots),
            None if (content := pile.final_ballots) is None else len(content),
        )
        for pile in piles(count)
    )


def decisions(count: Count) -> tuple[Decision, ...]:
    return tuple(pile.decision for pile in piles(count) if pile.decision is not None)


def pile_decided_ballots(pile: Pile) -> tuple[DecidedBallot, ...]:
    """The pile's decision ballot by ballot, aligned with its two passes (`app.counting.decisions`); () undecided."""
    if pile.decision is None or pile.comparison is None:
        return ()
    return decision_ballots(pile.comparison.pass_1, pile.comparison.pass_2, pile.decision)


def decided_ballots(count: Count) -> tuple[DecidedBallot, ...]:
    """Every ballot of every decided pile, pile by pile, with both readings, the decided one, who, when and why."""
    return tuple(record for pile in piles(count) for record in pile_decided_ballots(pile))


def overrules(count: Count) -> tuple[DecidedBallot, ...]:
    """The ballots the bureau decided against what both passes agreed on (C5: shown as such)."""
    return tuple(record for record in decided_ballots(count) if record.overrule)


def entries(count: Count) -> Entries:
    """Ballots entered in each pass, differences settled by a decision, overruled ballots: the same figures
    `tabula verify` recomputes from the pass readings on the stick (`decisions.compare_entries`)."""
    return compare_entries(
        {
            pile.number: (
                None if pile.first is None else pile.first.ballots,
                None if pile.second is None else pile.second.ballots,
                None if pile.decision is None else pile.decision.ballots,
            )
            for pile in piles(count)
        }
    )


def contested_ballots(count: Count) -> tuple[ContestedBallot, ...]:
    """Every ballot flagged contested in a pass of a compared pile, for the PV (C6)."""
    return tuple(ballot for pile in piles(count) for ballot in _contested_in(pile))


def _contested_in(pile: Pile) -> Iterator[ContestedBallot]:
    """The pile's flagged ballots once its passes are compared (a decided pile always is), each with where the
    decision put it and as what, from the decision aligned ballot by ballot with the passes."""
    comparison = pile.comparison
    if comparison is None:
        return  # not compared yet: its flagged ballots are listed once both passes are finished
    decided = {(r.position_1, r.position_2): r for r in pile_decided_ballots(pile)}
    for p1, p2 in comparison.alignment:
        for pass_no, position in ((Pass.FIRST, p1), (Pass.SECOND, p2)):
            ballots = _ballots_of(comparison, pass_no)
            if position is not None and ballots[position - 1].status is Status.CONTESTED:
                record = decided.get((p1, p2))
                there = None if record is None else record.position
                yield ContestedBallot(
                    BallotRef(pile.number, position),
                    ballots[position - 1],
                    pile.decision,
                    None if record is None else record.decided,
                    None if there is None else BallotRef(pile.number, there),
                )
                break  # flagged in both passes: listed once


def _ballots_of(comparison: PileComparison, pass_no: Pass) -> tuple[Ballot, ...]:
    return comparison.pass_1 if pass_no is Pass.FIRST else comparison.pass_2


# --- helpers ----------------------------------------------------------------------------------------------------------


def _compare(pile: Pile) -> PileComparison | None:
    """Compare as soon as both passes are finished: once per pile, not at every query."""
    if pile.first is None or pile.second is None or not (pile.first.finished and pile.second.finished):
        return None
    return compare_pile(pile.number, pile.first.ballots, pile.second.ballots, pile.counted_by_hand)


def _with_pile(count: Count, pile: Pile) -> Count:
    return replace(count, piles={**count.piles, pile.number: pile})


def _pile(count: Count, number: int) -> Pile:
    pile = count.piles.get(number)
    if pile is None:
        raise CountStateError("count.pile_not_started", pile=number)
    return pile


def _open_entry(count: Count, number: int, pass_no: Pass) -> tuple[Pile, PassEntry]:
    """The pile and its pass, which must be started and not finished."""
    pile = _pile(count, number)
    entry = pile.entry(pass_no)
    if entry is None:
        raise CountStateError("count.pass_not_started", pile=number, pass_no=int(pass_no))
    if entry.finished:
        raise CountStateError("count.pass_finished", pile=number, pass_no=int(pass_no))
    return pile, entry


# Far more piles than any bureau has (2,400 ballots make 48), and few enough digits for every output format.
MAX_PILE_NUMBER = 9999


def _valid_pile_number(number: int) -> int:
    if not 1 <= number <= MAX_PILE_NUMBER:
        raise CountStateError("count.bad_pile", pile=number)
    return number


def _hand_count(pile: Pile, event: StartPile) -> int | None:
    """The pile's hand count: given once; a later pass may repeat it but not change it."""
    counted = event.counted_by_hand
    if counted is None:
        return pile.counted_by_hand
    if not 1 <= counted <= MAX_PILE_SIZE:
        raise CountStateError("count.pile_too_large", pile=event.pile, counted=counted, maximum=MAX_PILE_SIZE)
    if pile.counted_by_hand is not None and pile.counted_by_hand != counted:
        raise CountStateError(
            "count.hand_count_conflict", pile=event.pile, counted=counted, earlier=pile.counted_by_hand
        )
    return counted


def _raise_if_open(count: Count) -> None:
    for pile_no, pass_no in unfinished_passes(count):
        raise OpenDifferences("count.pass_unfinished", pile=pile_no, pass_no=int(pass_no))
    for difference in open_differences(count):
        ref = difference.ref
        if ref is None:
            raise OpenDifferences(
                "count.open_count", pile=difference.pile, entered=difference.entered, counted=difference.counted
            )
        raise OpenDifferences(f"count.open_{difference.kind.name.lower()}", pile=ref.pile, position=ref.position)


def _refusal(count: Count, event: Event) -> TabulaError:
    """The typed error for an event not allowed in the count's phase: what is wrong, and the way forward."""
    phase = count.phase
    if phase is Phase.FINAL:
        return CountStateError("count.final")
    if phase is Phase.SETUP:
        return CountStateError("count.not_started")
    if isinstance(event, Finalize):
        # the result is asked too early: name the first open item, else entry still has to be closed
        try:
            _raise_if_open(count)
        except OpenDifferences as error:
            return error
        return OpenDifferences("count.entry_not_closed")
    if isinstance(event, Acknowledge):
        return CountStateError("count.checks_not_reached")
    if isinstance(event, ReopenEntry):
        return CountStateError("count.entry_already_open")
    if isinstance(event, CloseEntry):
        return CountStateError("count.entry_already_closed")
    return CountStateError("count.entry_closed")
