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
    Severity,
    blocking,
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
    assert [(f.code, f.params["polling_station"]) for f in findings] == [("W.202", "12B")]


def test_pile_hand_count_differs_from_entered_is_warning_w203() -> None:
    election = chamber_2024()
    piles = (PileCount(1, entered=10, counted_by_hand=10), PileCount(2, entered=50, counted_by_hand=49))
    findings = run_checks(CheckInput(election, honest_tally(election), piles=piles))
    assert [(f.code, f.params["pile"]) for f in findings] == [("W.203", 2)]


def test_many_blank_ballots_is_warning_w204() -> None:
    election = chamber_2024()
    t = tally(election, [classify(Ballot())] * 3)
    assert codes(CheckInput(election, t)) == ["W.204"]


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
    findings = run_checks(CheckInput(election, tally(election, [classify(b) for b in ballots])))
    assert all(f.severity is Severity.WARNING for f in findings)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_rule_has_a_message_and_a_next_step_in_every_language(rule: object, language: str) -> None:
    code = rule.code  # type: ignore[attr-defined]
    for key in (f"check.{code}", f"check.{code}.action"):
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
