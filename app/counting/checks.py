"""Checks on a tally (requirement C4): rules as data.

Each rule has a code (`E.1xx` errors block the result, `W.2xx` warnings must be acknowledged and are printed in the
PV), the fields it concerns, the codes whose failure makes it moot (a follow-up finding would only repeat the cause,
as Abacus suppresses its follow-up rules), and a function from the check input to the parameters of each finding.
Texts live in the catalogue under `check.<code>` (what happened) and `check.<code>.action` (what to do next).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from app.counting.model import Election
from app.counting.tally import ListTally, Tally

BLANK_SHARE_WARNING = 0.10  # more blank ballots than this share of those counted is unusual: look again


class Severity(enum.Enum):
    ERROR = "error"  # blocks the result
    WARNING = "warning"  # must be acknowledged; printed in the PV


@dataclass(frozen=True)
class Finding:
    """One outcome of a rule. Its texts are `check.<code>` (what happened) and `check.<code>.action` (next step)."""

    code: str
    severity: Severity
    fields: tuple[str, ...] = ()
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def message_key(self) -> str:
        return f"check.{self.code}"

    @property
    def action_key(self) -> str:
        return f"check.{self.code}.action"


@dataclass(frozen=True)
class PollingStationCount:
    """Ballots of one polling station: the figure in its own PV, and what the bureau counted on receipt."""

    name: str
    per_pv: int
    counted: int | None = None


@dataclass(frozen=True)
class PileCount:
    """One pile: ballots entered (after decisions) and the number the bureau counted by hand, if it did."""

    pile: int
    entered: int
    counted_by_hand: int | None = None


@dataclass(frozen=True)
class CheckInput:
    election: Election
    tally: Tally
    polling_stations: tuple[PollingStationCount, ...] = ()
    received_total: int | None = None  # when only the total is known (replay --received)
    piles: tuple[PileCount, ...] = ()

    @property
    def received(self) -> int | None:
        if self.polling_stations:
            return sum(p.per_pv for p in self.polling_stations)
        return self.received_total


Params = dict[str, object]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    fields: tuple[str, ...]
    evaluate: Callable[[CheckInput], Iterator[Params]]
    suppressed_by: tuple[str, ...] = ()


def _per_list(test: Callable[[ListTally], Params | None]) -> Callable[[CheckInput], Iterator[Params]]:
    def evaluate(data: CheckInput) -> Iterator[Params]:
        for lst in data.tally.lists:
            params = test(lst)
            if params is not None:
                yield {"list": lst.number, **params}

    return evaluate


def _ce_is_sum(lst: ListTally) -> Params | None:
    total = sum(lst.subcategories)
    return None if lst.ce == total else {"ce": lst.ce, "sum": total}


def _titular_votes(lst: ListTally) -> Params | None:
    # every SC2 and SC3 ballot carries at least one titular vote
    need = lst.subcategories[1] + lst.subcategories[2]
    votes = sum(lst.titular_votes)
    return None if votes >= need else {"votes": votes, "minimum": need}


def _successor_votes(lst: ListTally) -> Params | None:
    # every SC3 and SC4 ballot carries at least one successor vote
    need = lst.subcategories[2] + lst.subcategories[3]
    votes = sum(lst.successor_votes)
    return None if votes >= need else {"votes": votes, "minimum": need}


def _totals_add_up(data: CheckInput) -> Iterator[Params]:
    t = data.tally
    if t.valid + t.blank + t.invalid != t.counted:
        yield {"valid": t.valid, "blank": t.blank, "invalid": t.invalid, "counted": t.counted}


def _successors_without_successors(data: CheckInput) -> Iterator[Params]:
    if data.election.has_successors:
        return
    for lst in data.tally.lists:
        if lst.subcategories[2] or lst.subcategories[3] or any(lst.successor_votes):
            yield {"list": lst.number}


def _counted_vs_received(data: CheckInput) -> Iterator[Params]:
    received = data.received
    if received is not None and received != data.tally.counted:
        yield {"counted": data.tally.counted, "received": received, "difference": data.tally.counted - received}


def _polling_station_receipt(data: CheckInput) -> Iterator[Params]:
    for ps in data.polling_stations:
        if ps.counted is not None and ps.counted != ps.per_pv:
            yield {"polling_station": ps.name, "counted": ps.counted, "per_pv": ps.per_pv}


def _pile_vs_hand_count(data: CheckInput) -> Iterator[Params]:
    for pile in data.piles:
        if pile.counted_by_hand is not None and pile.counted_by_hand != pile.entered:
            yield {"pile": pile.pile, "entered": pile.entered, "counted_by_hand": pile.counted_by_hand}


def _many_blank(data: CheckInput) -> Iterator[Params]:
    t = data.tally
    if t.counted and t.blank > BLANK_SHARE_WARNING * t.counted:
        yield {"blank": t.blank, "counted": t.counted}


RULES: tuple[Rule, ...] = (
    Rule("E.101", Severity.ERROR, ("sc1", "sc2", "sc3", "sc4", "ce"), _per_list(_ce_is_sum)),
    Rule("E.102", Severity.ERROR, ("titulars", "sc2", "sc3"), _per_list(_titular_votes)),
    Rule("E.103", Severity.ERROR, ("successors", "sc3", "sc4"), _per_list(_successor_votes)),
    Rule("E.104", Severity.ERROR, ("valid", "blank", "invalid", "counted"), _totals_add_up),
    Rule("E.105", Severity.ERROR, ("sc3", "sc4", "successors"), _successors_without_successors),
    Rule("W.201", Severity.WARNING, ("counted", "received"), _counted_vs_received, suppressed_by=("E.104",)),
    Rule("W.202", Severity.WARNING, ("polling_stations",), _polling_station_receipt),
    Rule("W.203", Severity.WARNING, ("piles",), _pile_vs_hand_count),
    Rule("W.204", Severity.WARNING, ("blank", "counted"), _many_blank, suppressed_by=("E.104",)),
)


def run_checks(data: CheckInput, rules: tuple[Rule, ...] = RULES) -> tuple[Finding, ...]:
    """Every finding of every rule, in catalogue order, follow-ups of a failed rule left out."""
    findings: list[Finding] = []
    failed: set[str] = set()
    for rule in rules:
        if failed.intersection(rule.suppressed_by):
            continue
        for params in rule.evaluate(data):
            findings.append(Finding(rule.code, rule.severity, rule.fields, params))
            failed.add(rule.code)
    return tuple(findings)


def blocking(findings: tuple[Finding, ...], acknowledged: frozenset[str] = frozenset()) -> tuple[Finding, ...]:
    """The findings that still stand in the way of a result: errors, and warnings not acknowledged."""
    return tuple(f for f in findings if f.severity is Severity.ERROR or f.code not in acknowledged)
