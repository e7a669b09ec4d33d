"""The checks of C4: each rule fires on the tally it is about, and never on an honest tally."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.counting.checks import (
    RULES,
    CheckInput,
    PileCount,
    PollingStationCount,
    Scope,
    Severity,
    blocking,
    examine,
    run_checks,
)
from app.counting.classify import InvalidCause, classify
from app.counting.model import Ballot, Box, Election, ListNumber, Mark, Position
from app.counting.tally import ListTally, Tally, tally
from app.i18n import LANGUAGES, catalogue, translate
from tests.counting.strategies import ballots_of, elections
from tests.reference import chamber_2024


def honest_tally(election: Election) -> Tally:
    ballots = [
        Ballot(frozenset({Mark(ListNumber(1), Box.LIST)})),
        Ballot(frozenset({Mark(ListNumber(1), Box.TITULAR, Position(2))})),
        Ballot(
            frozenset({Mark(ListNumber(3), Box.TITULAR, Position(1)), Mark(ListNumber(3), Box.SUCCESSOR, Position(1))})
        ),
        Ballot(frozenset({Mark(ListNumber(3), Box.SUCCESSOR, Position(4))})),
        Ballot(),
    ] + [Ballot(frozenset({Mark(ListNumber(5), Box.LIST)}))] * 5  # ten ballots, one blank: not unusually many
    return tally(election, [classify(b) for b in ballots])


def with_list(t: Tally, index: int, **changes: object) -> Tally:
    lists = list(t.lists)
    lists[index] = dataclasses.replace(lists[index], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(t, lists=tuple(lists))


def codes(data: CheckInput) -> list[str]:
    return [f.code for f in run_checks(data)]


def test_honest_tally_passes_every_check() -> None:
    election = chamber_2024()
    assert run_checks(CheckInput(election, honest_tally(election), received_total=10)) == ()


def test_ce_that_is_not_the_sum_of_the_subcategories_is_error_e101() -> None:
    election = chamber_2024()
    t = with_list(honest_tally(election), 0, ce=7)
    findings = run_checks(CheckInput(election, t))
    e101 = [f for f in findings if f.code == "E.101"]
    assert len(e101) == 1 and e101[0].severity is Severity.ERROR
    assert e101[0].params == {"list": 1, "ce": 7, "sum": 2}


def test_too_few_titular_votes_is_error_e102() -> None:
    election = chamber_2024()
    t = with_list(honest_tally(election), 0, titular_votes=(0,) * 24)
    assert "E.102" in codes(CheckInput(election, t))


def test_too_few_successor_votes_is_error_e103() -> None:
    election = chamber_2024()
    base = honest_tally(election)
    t = with_list(base, 1, successor_votes=(0,) * 13)
    assert codes(CheckInput(election, t)).count("E.103") == 1


def test_totals_that_do_not_add_up_is_error_e104_and_suppresses_the_follow_ups() -> None:
    election = chamber_2024()
    t = dataclasses.replace(honest_tally(election), counted=9)
    found = codes(CheckInput(election, t, received_total=10))
    assert "E.104" in found
    assert "W.201" not in found  # follow-up of E.104: it would only repeat the cause


def test_successor_votes_in_an_election_without_successors_is_error_e105() -> None:
    election = dataclasses.replace(chamber_2024(), has_successors=False)
    assert "E.105" in codes(CheckInput(election, honest_tally(election)))


def test_counted_different_from_received_is_warning_w201() -> None:
    election = chamber_2024()
    findings = run_checks(CheckInput(election, honest_tally(election), received_total=11))
    assert [(f.code, f.severity, f.params["difference"]) for f in findings] == [("W.201", Severity.WARNING, -1)]


def test_polling_station_receipt_against_its_pv_is_warning_w202() -> None:
    election = chamber_2024()
    stations = (PollingStationCount("12A", per_pv=8, counted=8), PollingStationCount("12B", per_pv=2, counted=1))
    findings = run_checks(CheckInput(election, honest_tally(election), polling_stations=stations))
    # 12B one short on receipt: that station (W.202), the stations together (W.205), and the 10 ballots entered
    # against the 9 counted on receipt (W.206); what was entered does equal what the stations' PVs say (W.201)
    assert [(f.code, f.params.get("polling_station")) for f in findings] == [
        ("W.202", "12B"),
        ("W.205", None),
        ("W.206", None),
    ]
    assert [f.params["difference"] for f in findings[1:]] == [-1, 1]


# One row per case of the receipts (C4): polling stations (received per its PV, counted on receipt), then the codes.
RECEIPT_CASES = [
    ("one station, all agree", [(10, 10)], []),
    ("one station, counted not known", [(10, None)], []),
    ("one station short on receipt: W.205 would only repeat W.202", [(11, 10)], ["W.201", "W.202"]),
    ("two stations, +1 and -1: the totals agree", [(6, 7), (4, 3)], ["W.202", "W.202"]),
    ("two stations, one not counted on receipt: no totals of counts", [(6, 5), (4, None)], ["W.202"]),
    ("entered differs from both", [(12, 12)], ["W.201", "W.206"]),
]


@pytest.mark.parametrize(("stations", "expected"), [c[1:] for c in RECEIPT_CASES], ids=[c[0] for c in RECEIPT_CASES])
def test_receipts_per_polling_station_and_in_total(stations: list[tuple[int, int | None]], expected: list[str]) -> None:
    election = chamber_2024()  # the honest tally has 10 ballots
    counts = tuple(PollingStationCount(f"PS{i}", per_pv, counted) for i, (per_pv, counted) in enumerate(stations))
    assert codes(CheckInput(election, honest_tally(election), polling_stations=counts)) == expected


def test_no_count_without_the_number_of_ballots_received_is_error_e106() -> None:
    election = chamber_2024()
    findings = run_checks(CheckInput(election, honest_tally(election)))
    assert [(f.code, f.severity) for f in findings] == [("E.106", Severity.ERROR)]
    assert run_checks(CheckInput(election, honest_tally(election), received_total=10)) == ()
    stations = (PollingStationCount("12A", 10),)
    assert run_checks(CheckInput(election, honest_tally(election), polling_stations=stations)) == ()


def test_pile_hand_count_differs_from_entered_is_warning_w203() -> None:
    election = chamber_2024()
    piles = (PileCount(1, entered=10, counted_by_hand=10), PileCount(2, entered=50, counted_by_hand=49))
    findings = run_checks(CheckInput(election, honest_tally(election), received_total=10, piles=piles))
    assert [(f.code, f.params["pile"]) for f in findings] == [("W.203", 2)]


def test_many_blank_ballots_is_warning_w204() -> None:
    election = chamber_2024()
    t = tally(election, [classify(Ballot())] * 3)
    assert codes(CheckInput(election, t, received_total=3)) == ["W.204"]


def test_every_case_is_examined_with_both_sides_also_those_that_hold() -> None:
    election = chamber_2024()
    stations = (PollingStationCount("12A", per_pv=8, counted=8), PollingStationCount("12B", per_pv=2, counted=1))
    piles = (PileCount(1, entered=10, counted_by_hand=10),)
    outcomes = {o.code: o for o in examine(CheckInput(election, honest_tally(election), stations, piles=piles))}
    assert list(outcomes) == ["E.101", "E.102", "E.103", "E.104", "E.106", *(f"W.20{i}" for i in range(1, 7))]
    assert len(outcomes["E.102"].cases) == len(election.lists) and outcomes["E.102"].scope is Scope.LIST
    first = outcomes["E.102"].cases[0]
    assert first.holds and first.params == {"list": 1, "votes": 1, "minimum": 1}  # one SC2 ballot, one vote
    assert [(c.params["polling_station"], c.holds) for c in outcomes["W.202"].cases] == [("12A", True), ("12B", False)]
    assert [c.params for c in outcomes["E.104"].cases] == [{"valid": 9, "blank": 1, "invalid": 0, "counted": 10}]
    assert outcomes["W.204"].cases[0].params == {"blank": 1, "counted": 10, "limit": 1}
    assert [c.holds for c in outcomes["W.203"].cases] == [True]


def test_a_rule_that_follows_from_a_failed_one_is_not_looked_at() -> None:
    election = chamber_2024()
    t = dataclasses.replace(honest_tally(election), counted=9)
    outcomes = {o.code: o for o in examine(CheckInput(election, t, received_total=10))}
    assert outcomes["E.104"].failed
    assert outcomes["W.201"].follows_from == "E.104" and outcomes["W.201"].cases == ()
    assert outcomes["W.204"].follows_from == "E.104"


def test_successor_rules_apply_only_where_the_election_has_them() -> None:
    with_successors = chamber_2024()
    without = dataclasses.replace(chamber_2024(), has_successors=False)
    assert "E.103" in {o.code for o in examine(CheckInput(with_successors, honest_tally(with_successors)))}
    assert "E.105" not in {o.code for o in examine(CheckInput(with_successors, honest_tally(with_successors)))}
    assert "E.103" not in {o.code for o in examine(CheckInput(without, honest_tally(without)))}


def test_acknowledged_warning_no_longer_blocks_but_an_error_always_does() -> None:
    election = chamber_2024()
    findings = run_checks(CheckInput(election, honest_tally(election), received_total=11))
    assert blocking(findings) == findings
    assert blocking(findings, frozenset({"W.201"})) == ()
    broken = run_checks(CheckInput(election, with_list(honest_tally(election), 0, ce=7)))
    assert blocking(broken, frozenset({"E.101"})) == broken


@given(st.data())
def test_no_error_is_ever_found_on_a_real_tally(data: st.DataObject) -> None:
    election = data.draw(elections())
    ballots = data.draw(st.lists(ballots_of(election), max_size=40))
    received = data.draw(st.integers(0, 60))
    counted = tally(election, [classify(b) for b in ballots])
    findings = run_checks(CheckInput(election, counted, received_total=received))
    assert all(f.severity is Severity.WARNING for f in findings)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_rule_has_its_texts_in_every_language(rule: object, language: str) -> None:
    """What happened, what to do next, the rule in words, and one case with its figures (for the PV)."""
    code = rule.code  # type: ignore[attr-defined]
    for key in (f"check.{code}", f"check.{code}.action", f"check.{code}.rule", f"check.{code}.sides"):
        assert language in catalogue()[key]
        assert (
            translate(
                key,
                language,
                list=1,
                ce=1,
                sum=2,
                votes=0,
                minimum=1,
                valid=1,
                blank=1,
                invalid=1,
                counted=1,
                received=1,
                difference=0,
                polling_station="A",
                per_pv=1,
                pile=1,
                entered=1,
                counted_by_hand=1,
                limit=1,
                sc3=0,
                sc4=0,
            )
            != key
        )


def test_invalid_causes_cover_every_declared_reason() -> None:
    from app.counting.model import InvalidReason

    assert {r.value for r in InvalidReason} <= {c.value for c in InvalidCause}


def test_list_tally_sc_accessor() -> None:
    lst = ListTally(ListNumber(1), (1, 2, 3, 4), (), (), 10)
    from app.counting.classify import SubCategory

    assert [lst.sc(c) for c in SubCategory] == [1, 2, 3, 4]
