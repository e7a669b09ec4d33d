"""The readings of the two passes on the stick: what the appliance writes, and what `verify` checks against them.

Pure functions (values in, values out), used on both sides of the stick:
- the session writes both passes as entered (`readings_of`) and, for every ballot of a pile the bureau decided, its
  `Provenance` into the 460 (`provenance_of`), from the count's per-ballot decision records
  (`app.counting.decisions`);
- `tabula verify` reads the pass files and the 460 back and lays every pile's final ballots against its two
  readings with the very same code (`decisions.decided_ballots`, built on `double_entry.align`), then checks each
  ballot's recorded provenance against it (`check_passes`) and recomputes the entries figures
  (`decisions.compare_entries`).

What is checked: a pile of the result lacking a pass, or a pass holding a pile the result lacks; a pile without a
recorded decision must be exactly what both passes read; in a decided pile, every ballot must carry the provenance
the readings give — above all, a ballot that differs from what both passes agreed on must be recorded `overruled`;
a ballot flagged contested in a pass must be marked contested where the decision put it, and only those.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from app.counting import count as counting
from app.counting.classify import Classification, classify, mark_exists
from app.counting.decisions import DecidedBallot, compare_entries, decided_ballots
from app.counting.double_entry import MAX_PILE_SIZE, Pass
from app.counting.model import Ballot, BallotRef, Election
from app.counting.notation import format_marks, format_status
from app.eml.passes import PassMessage, Reading
from app.eml.votes import CastBallot, Provenance, VotesMessage
from app.results_layout import VOTES_FILE

Problem = tuple[str, dict[str, object]]


@dataclass(frozen=True)
class Entries:
    """`verify --json` "entries" (contract): ballots entered in each pass, ballot differences between the passes
    that a decision settled, ballots whose final content differs from what both passes agreed on. None where a
    figure cannot be computed because a pass file is missing or unreadable."""

    pass1: int | None = None
    pass2: int | None = None
    differences: int | None = None
    overruled: int | None = None

    def as_json(self) -> dict[str, int | None]:
        return {"pass1": self.pass1, "pass2": self.pass2, "differences": self.differences, "overruled": self.overruled}


def provenance(record: DecidedBallot) -> Provenance:
    """How a decided ballot came to be: kept as both passes read it, against both passes, or decided otherwise."""
    if record.overrule:
        return Provenance.OVERRULED
    return Provenance.AGREED if record.unchanged else Provenance.DECIDED


# --- the appliance's side ------------------------------------------------------------------------------------------


def readings_of(count: counting.Count, pass_no: int) -> tuple[tuple[BallotRef, Ballot], ...]:
    """Every ballot of pass 1 or 2 as entered, pile after pile (position: its place in that pass)."""
    return tuple(
        (BallotRef(pile.number, n), ballot)
        for pile in counting.piles(count)
        if (entry := pile.entry(Pass(pass_no))) is not None
        for n, ballot in enumerate(entry.ballots, start=1)
    )


def provenance_of(count: counting.Count) -> dict[BallotRef, Provenance]:
    """The provenance of every ballot of a decided pile, for the 460 (the ballots of other piles have none)."""
    return {
        BallotRef(record.pile, record.position): provenance(record)
        for record in counting.decided_ballots(count)
        if record.position is not None
    }


# --- the verifier's side -------------------------------------------------------------------------------------------


def check_passes(
    final: VotesMessage, passes: Mapping[int, PassMessage | None], files: Mapping[int, str]
) -> tuple[list[Problem], Entries]:
    """Every problem between the result's ballots and the two readings, and the entries figures recomputed.

    `passes[n]` is None when pass n's file is missing or unreadable (reported elsewhere); the piles of the result
    are then reported as lacking that pass. `files` names the pass files in the messages.
    """
    problems: list[Problem] = []
    result = _by_pile(final.ballots, VOTES_FILE, problems)
    readings: dict[int, dict[int, list[Reading]]] = {}
    for pass_no in (1, 2):
        message = passes.get(pass_no)
        file = files[pass_no]
        if message is None:
            problems += [_missing(pile, pass_no, file) for pile in sorted(result)]
            continue
        problems += _message_problems(final, message, pass_no, file)
        readings[pass_no] = _by_pile(message.readings, file, problems)
        problems += [_missing(pile, pass_no, file) for pile in sorted(result.keys() - readings[pass_no].keys())]
        for pile in sorted(readings[pass_no].keys() - result.keys()):
            problems.append(("verify.pass_pile_extra", {"pile": pile, "pass_no": pass_no, "file": file}))
    if len(readings) < 2:
        counts = [sum(map(len, readings[n].values())) if n in readings else None for n in (1, 2)]
        return problems, Entries(counts[0], counts[1])
    first, second = readings[1], readings[2]
    # A pile is never larger than MAX_PILE_SIZE: a larger one (reported by `_by_pile`) is not aligned, whose cost
    # grows with the square of its size, so that no file can make verify run for hours.
    oversized = {
        pile for piles in (result, first, second) for pile, items in piles.items() if len(items) > MAX_PILE_SIZE
    }
    complete = (first.keys() & second.keys() & result.keys()) - oversized
    for pile in sorted(complete):
        _check_pile(pile, _ballots(first[pile]), _ballots(second[pile]), result[pile], problems)
    figures = compare_entries(
        {
            pile: (
                _ballots(first[pile]) if pile in first else None,
                _ballots(second[pile]) if pile in second else None,
                _ballots(result[pile]) if pile in complete else None,
            )
            for pile in first.keys() | second.keys()
        }
    )
    return problems, Entries(figures.pass1, figures.pass2, figures.differences, figures.overruled)


def reading_problems(message: PassMessage, election: Election, file: str) -> list[Problem]:
    """Readings whose marks name a list or candidate the election lacks, or whose written category is not what
    their marks give (the category beside a reading is derived from its marks: it must match)."""
    problems: list[Problem] = []
    for reading in message.readings:
        if not all(mark_exists(election, mark) for mark in reading.ballot.marks):
            problems.append(("verify.reading_outside_election", {"file": file, "ballot": str(reading.ref)}))
        elif reading.claimed is not None and not _same_category(reading.claimed, classify(reading.ballot)):
            problems.append(("verify.reading_category", {"file": file, "ballot": str(reading.ref)}))
    return problems


def _same_category(claimed: Classification, found: Classification) -> bool:
    """What a reading's category says: verdict, sub-category, cause (as `votes.claim_matches` for the result)."""
    return (claimed.verdict, claimed.subcategory, claimed.invalid_cause) == (
        found.verdict,
        found.subcategory,
        found.invalid_cause,
    )


def _missing(pile: int, pass_no: int, file: str) -> Problem:
    return "verify.pass_pile_missing", {"pile": pile, "pass_no": pass_no, "file": file}


def _message_problems(final: VotesMessage, message: PassMessage, pass_no: int, file: str) -> Iterable[Problem]:
    if message.pass_no != pass_no:
        yield "verify.pass_wrong_file", {"file": file, "found": message.pass_no}
    if (message.election, message.contest_id) != (final.election, final.contest_id):
        yield (
            "verify.contest_mismatch",
            {
                "votes": f"{final.election.value} {final.contest_id}",
                "count": f"{message.election.value} {message.contest_id}",
            },
        )
    if message.station_name != final.station_name:
        yield "verify.name_mismatch", {"file": file, "found": message.station_name, "expected": final.station_name}


_Placed = TypeVar("_Placed", CastBallot, Reading)


def _by_pile(items: Iterable[_Placed], file: str, problems: list[Problem]) -> dict[int, list[_Placed]]:
    """Ballots grouped by pile in position order; positions must run 1, 2, 3 … in every pile."""
    piles: dict[int, list[_Placed]] = {}
    for item in sorted(items, key=lambda i: i.ref):
        piles.setdefault(item.ref.pile, []).append(item)
    for pile, ballots in piles.items():
        if len(ballots) > MAX_PILE_SIZE:
            problems.append(
                ("verify.pile_too_large", {"file": file, "pile": pile, "count": len(ballots), "maximum": MAX_PILE_SIZE})
            )
        elif [b.ref.position for b in ballots] != list(range(1, len(ballots) + 1)):
            problems.append(("verify.pile_positions", {"file": file, "pile": pile, "count": len(ballots)}))
    return piles


def _ballots(items: Sequence[CastBallot | Reading]) -> tuple[Ballot, ...]:
    return tuple(item.ballot for item in items)


def _check_pile(
    pile: int, first: Sequence[Ballot], second: Sequence[Ballot], cast: list[CastBallot], problems: list[Problem]
) -> None:
    """The problems of one pile whose two readings and final ballots are all there."""
    final = _ballots(cast)
    recorded = [c.provenance for c in cast]
    undecided = all(mark is None for mark in recorded)
    if undecided and tuple(first) == tuple(second) == final and not any(c.contested for c in cast):
        return  # most piles: both passes and the result alike, ballot for ballot (a final ballot is never contested)
    records = decided_ballots(pile, first, second, final)
    if undecided:
        problems += _undecided_problems(records)
        # a contested ballot is decided by the bureau: the result cannot mark one in a pile without a decision
        problems += [("verify.contested_record", {"ballot": str(c.ref)}) for c in cast if c.contested]
        return
    unmarked = [c for c in cast if c.provenance is None]
    if unmarked:
        problems.append(("verify.provenance_mixed", {"ballot": str(unmarked[0].ref)}))
        return
    for record in records:
        if record.position is None:
            continue  # an agreed ballot the decision left out: counted as overruled; no ballot to mark
        expected, mark = provenance(record), recorded[record.position - 1]
        if expected is mark:
            continue
        if expected is Provenance.OVERRULED:
            problems.append(_unrecorded_overrule(record))
        else:
            assert mark is not None
            problems.append((f"verify.recorded_{mark.value}", {"ballot": str(BallotRef(pile, record.position))}))
    flagged = {record.position for record in records if record.contested and record.position is not None}
    for n, c in enumerate(cast, start=1):
        if c.contested != (n in flagged):
            problems.append(("verify.contested_record", {"ballot": str(c.ref)}))


def _undecided_problems(records: Iterable[DecidedBallot]) -> Iterable[Problem]:
    """A pile without a recorded decision must be exactly what both passes read, ballot for ballot."""
    for record in records:
        if record.differed or record.contested:
            pass_no, position = (1, record.position_1) if record.position_1 is not None else (2, record.position_2)
            ballot = str(BallotRef(record.pile, position or 0))
            yield "verify.pass_undecided", {"ballot": ballot, "pass_no": pass_no}
        elif record.overrule and record.position is None:
            yield "verify.agreed_dropped", {"ballot": str(BallotRef(record.pile, record.position_1 or 0))}
        elif record.overrule:
            yield _unrecorded_overrule(record)


def _unrecorded_overrule(record: DecidedBallot) -> Problem:
    assert record.position is not None
    ballot = str(BallotRef(record.pile, record.position))
    return "verify.overrule_unrecorded", {
        "ballot": ballot,
        "agreed": _notation(record.reading_1),
        "final": _notation(record.decided),
    }


def _notation(ballot: Ballot | None) -> str:
    """A ballot in the contract's notation of marks and status, for a message ("-": a blank ballot; "—": none)."""
    if ballot is None:
        return "—"
    return " ".join(part for part in (format_marks(ballot), format_status(ballot)) if part) or "-"
