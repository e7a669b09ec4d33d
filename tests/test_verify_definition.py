"""`tabula verify --definition`: a result is of an official election, constituency and lists (contract)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from app.counting.definition import definition_problems as check
from app.counting.model import ElectionCode
from app.counting.tally import tally
from tests.contract_fixtures import Master, candidates_csv
from tests.reference import chamber_2024, synthetic
from tests.test_replay_verify import Run, ballots, master, run

__all__ = ["master", "run"]  # fixtures


def verified(run: Run, capsys: pytest.CaptureFixture[str], definition: Path) -> tuple[int, dict[str, object]]:
    code = run.verify("--json", "--definition", str(definition))
    return code, json.loads(capsys.readouterr().out)


def test_a_result_of_the_official_lists_passes(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.replay(ballots(run.master)) == 0
    capsys.readouterr()
    code, report = verified(run, capsys, run.master.folder.parent / "candidates.csv")  # the authority's file
    assert code == 0 and report["ok"] is True


def test_a_result_of_another_constituency_fails_naming_the_count(
    run: Run, master: Master, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run.replay(ballots(run.master)) == 0
    capsys.readouterr()
    other = tmp_path / "other.csv"
    candidates_csv(dataclasses.replace(master.election, constituency="Kieskring Gent"), other)
    code, report = verified(run, capsys, other)
    assert code == 1
    (station,) = report["stations"]  # type: ignore[misc]
    assert any("Antwerpen" in p for p in station["problems"])


def test_a_list_the_authority_did_not_register_and_a_list_missing_are_named(master: Master) -> None:
    official = master.election
    counted = tally(official, [])
    fewer = dataclasses.replace(official, lists=official.lists[1:])
    problems = check({(ElectionCode.CK, official.constituency): fewer}, "CK", official.constituency, counted)
    assert problems == [("definition.unknown_list", {"list": official.lists[0].number})]
    more = synthetic(ElectionCode.CK, 22, 24, 13, name=official.constituency)
    problems = check({(ElectionCode.CK, official.constituency): more}, "CK", official.constituency, counted)
    missing = [p for p in problems if p[0] == "definition.list_missing"]
    assert {p[1]["list"] for p in missing} == {n for n in range(1, 23)} - {lst.number for lst in official.lists}


def test_a_candidate_past_the_official_list_is_unknown() -> None:
    official = chamber_2024()
    first = official.lists[0]
    shorter = dataclasses.replace(first, titulars=first.titulars[:-1])
    defined = dataclasses.replace(official, lists=(shorter, *official.lists[1:]))
    counted = tally(official, [])
    problems = check({(ElectionCode.CK, official.constituency): defined}, "CK", official.constituency, counted)
    assert problems == [("definition.unknown_titular", {"list": first.number, "position": len(first.titulars)})]


def test_an_unknown_election_code_is_an_unknown_count() -> None:
    official = chamber_2024()
    problems = check({}, "XX", official.constituency, tally(official, []))
    assert problems == [("definition.unknown_count", {"election": "XX", "constituency": official.constituency})]
