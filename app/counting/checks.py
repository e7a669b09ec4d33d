"""Checks on a tally (requirement C4): rules as data.

Each rule has a code (`E.1xx` errors block the result, `W.2xx` warnings must be acknowledged and are printed in the
PV), its scope (the bureau, each list, each polling station, each pile), the fields it concerns, the codes whose
failure makes it moot (a follow-up finding would only repeat the cause, as Abacus suppresses its follow-up rules),
the elections it applies to, and a function from the check input to its cases: each thing it looked at, with the
figures on both sides and whether the rule holds there. The PV prints every case in words and figures; a case that
does not hold is a finding. Texts live in the catalogue under `check.<code>` (what happened),
`check.<code>.action` (what to do next), `check.<code>.rule` (the rule in words) and `check.<code>.sides` (one case
with its figures).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from app.counting.model import Election
from app.counting.tally import ListTally, Tally

BLANK_SHARE_WARNING = 0.10  # more blank ballots than this share of those counted is unusual: look again


class Severity(enum.Enum):
    ERROR = "error"  # blocks the result
    WARNING = "warning"  # must be acknowledged; printed in the PV


class Scope(enum.Enum):
    """What one case of a rule is about."""

    BUREAU = "bureau"
    LIST = "list"
    POLLING_STATION = "polling-station"
    PILE = "pile"


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

    @property
    def counted_on_receipt(self) -> int | None:
        """What the bureau counted on receipt, in total; None unless it counted the ballots of every station."""
        counts = [p.counted for p in self.polling_stations]
        if not counts or any(n is None for n in counts):
            return None
        return sum(n for n in counts if n is not None)


Params = dict[str, object]
Cases = Iterator[tuple[Params, bool]]  # the figures of one case, and whether the rule holds there


def _always(_: Election) -> bool:
    return True


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    scope: Scope
    fields: tuple[str, ...]
    evaluate: Callable[[CheckInput], Cases]
    suppressed_by: tuple[str, ...] = ()
    applies: Callable[[Election], bool] = _always


@dataclass(frozen=True)
class Case:
    """One thing a rule looked at, with its figures (`check.<code>.sides`) and whether the rule holds there."""

    code: str
    severity: Severity
    params: Mapping[str, object]
    holds: bool

    @property
    def sides_key(self) -> str:
        return f"check.{self.code}.sides"


@dataclass(frozen=True)
class RuleOutcome:
    """A rule applied to one count: every case it looked at; or, when a rule it follows from failed, none."""

    code: str
    severity: Severity
    scope: Scope
    fields: tuple[str, ...] = ()
    cases: tuple[Case, ...] = ()
    follows_from: str | None = None  # the failed rule that made this one moot (not looked at)

    @property
    def failed(self) -> tuple[Case, ...]:
        return tuple(c for c in self.cases if not c.holds)

    @property
    def rule_key(self) -> str:
        return f"check.{self.code}.rule"


# --- the rules ----------------------------------------------------------------------------------------------------


def _per_list(test: Callable[[ListTally], tuple[Params, bool]]) -> Callable[[CheckInput], Cases]:
    def evaluate(data: CheckInput) -> Cases:
        for lst in data.tally.lists:
            params, holds = test(lst)
            yield {"list": lst.number, **params}, holds

    return evaluate


def _ce_is_sum(lst: ListTally) -> tuple[Params, bool]:
    total = sum(lst.subcategories)
    return {"ce": lst.ce, "sum": total}, lst.ce == total


def _titular_votes(lst: ListTally) -> tuple[Params, bool]:
    # every SC2 and SC3 ballot carries at least one titular vote
    need = lst.subcategories[1] + lst.subcategories[2]
    return {"votes": lst.titular_total, "minimum": need}, lst.titular_total >= need


def _successor_votes(lst: ListTally) -> tuple[Params, bool]:
    # every SC3 and SC4 ballot carries at least one successor vote
    need = lst.subcategories[2] + lst.subcategories[3]
    return {"votes": lst.successor_total, "minimum": need}, lst.successor_total >= need


def _no_successor_votes(lst: ListTally) -> tuple[Params, bool]:
    sc3, sc4, votes = lst.subcategories[2], lst.subcategories[3], lst.successor_total
    return {"sc3": sc3, "sc4": sc4, "votes": votes}, sc3 == sc4 == votes == 0


def _totals_add_up(data: CheckInput) -> Cases:
    t = data.tally
    yield {"valid": t.valid, "blank": t.blank, "invalid": t.invalid, "counted": t.counted}, (
        t.valid + t.blank + t.invalid == t.counted
    )


def _received_known(data: CheckInput) -> Cases:
    # the decree compares both entries with the ballots counted: no result without the figure to compare with
    yield {"received": data.received}, data.received is not None


def _entered_vs_received(data: CheckInput) -> Cases:
    received = data.received
    if received is not None:
        entered = data.tally.counted
        yield {"counted": entered, "received": received, "difference": entered - received}, entered == received


def _polling_station_receipt(data: CheckInput) -> Cases:
    for ps in data.polling_stations:
        if ps.counted is not None:
            yield {"polling_station": ps.name, "counted": ps.counted, "per_pv": ps.per_pv}, ps.counted == ps.per_pv


def _pile_vs_hand_count(data: CheckInput) -> Cases:
    for pile in data.piles:
        if pile.counted_by_hand is not None:
            yield {"pile": pile.pile, "entered": pile.entered, "counted_by_hand": pile.counted_by_hand}, (
                pile.counted_by_hand == pile.entered
            )


def _many_blank(data: CheckInput) -> Cases:
    t = data.tally
    limit = math.floor(BLANK_SHARE_WARNING * t.counted)
    yield {"blank": t.blank, "counted": t.counted, "limit": limit}, t.blank <= limit


def _receipts_in_total(data: CheckInput) -> Cases:
    # with one polling station its own case (W.202) says it all
    counted, received = data.counted_on_receipt, data.received
    if counted is not None and received is not None and len(data.polling_stations) > 1:
        yield {"counted": counted, "received": received, "difference": counted - received}, counted == received


def _entered_vs_counted_on_receipt(data: CheckInput) -> Cases:
    counted = data.counted_on_receipt
    if counted is not None:
        entered = data.tally.counted
        yield {"entered": entered, "counted": counted, "difference": entered - counted}, entered == counted


def _with_successors(election: Election) -> bool:
    return election.has_successors


def _without_successors(election: Election) -> bool:
    return not election.has_successors


LIST_FIELDS = ("sc1", "sc2", "sc3", "sc4", "ce")
RULES: tuple[Rule, ...] = (
    Rule("E.101", Severity.ERROR, Scope.LIST, LIST_FIELDS, _per_list(_ce_is_sum)),
    Rule("E.102", Severity.ERROR, Scope.LIST, ("titulars", "sc2", "sc3"), _per_list(_titular_votes)),
    Rule("E.103", Severity.ERROR, Scope.LIST, ("successors", "sc3", "sc4"), _per_list(_successor_votes),
         applies=_with_successors),
    Rule("E.104", Severity.ERROR, Scope.BUREAU, ("valid", "blank", "invalid", "counted"), _totals_add_up),
    Rule("E.105", Severity.ERROR, Scope.LIST, ("sc3", "sc4", "successors"), _per_list(_no_successor_votes),
         applies=_without_successors),
    Rule("E.106", Severity.ERROR, Scope.BUREAU, ("received",), _received_known),
    Rule("W.201", Severity.WARNING, Scope.BUREAU, ("counted", "received"), _entered_vs_received,
         suppressed_by=("E.104",)),
    Rule("W.202", Severity.WARNING, Scope.POLLING_STATION, ("polling_stations",), _polling_station_receipt),
    Rule("W.203", Severity.WARNING, Scope.PILE, ("piles",), _pile_vs_hand_count),
    Rule("W.204", Severity.WARNING, Scope.BUREAU, ("blank", "counted"), _many_blank, suppressed_by=("E.104",)),
    Rule("W.205", Severity.WARNING, Scope.BUREAU, ("polling_stations", "received"), _receipts_in_total),
    Rule("W.206", Severity.WARNING, Scope.BUREAU, ("counted", "polling_stations"), _entered_vs_counted_on_receipt,
         suppressed_by=("E.104",)),
)  # fmt: skip
RULES_BY_CODE: Mapping[str, Rule] = {rule.code: rule for rule in RULES}


def examine(data: CheckInput, rules: tuple[Rule, ...] = RULES) -> tuple[RuleOutcome, ...]:
    """Every rule that applies to the election, in catalogue order, with every case it looked at; a rule that
    follows from one that already failed is not looked at."""
    outcomes: list[RuleOutcome] = []
    failed: list[str] = []
    for rule in rules:
        if not rule.applies(data.election):
            continue
        cause = next((code for code in failed if code in rule.suppressed_by), None)
        if cause is not None:
            outcomes.append(RuleOutcome(rule.code, rule.severity, rule.scope, rule.fields, follows_from=cause))
            continue
        cases = tuple(Case(rule.code, rule.severity, params, holds) for params, holds in rule.evaluate(data))
        outcomes.append(RuleOutcome(rule.code, rule.severity, rule.scope, rule.fields, cases))
        if any(not c.holds for c in cases):
            failed.append(rule.code)
    return tuple(outcomes)


def findings_of(outcomes: tuple[RuleOutcome, ...]) -> tuple[Finding, ...]:
    """The cases that do not hold, as findings."""
    return tuple(Finding(o.code, o.severity, o.fields, c.params) for o in outcomes for c in o.failed)


def run_checks(data: CheckInput, rules: tuple[Rule, ...] = RULES) -> tuple[Finding, ...]:
    """Every finding of every rule, in catalogue order, follow-ups of a failed rule left out."""
    return findings_of(examine(data, rules))


def blocking(findings: tuple[Finding, ...], acknowledged: frozenset[str] = frozenset()) -> tuple[Finding, ...]:
    """The findings that still stand in the way of a result: errors, and warnings not acknowledged."""
    return tuple(f for f in findings if f.severity is Severity.ERROR or f.code not in acknowledged)
