"""The bureau file and the ballots received (contract: "Bureau file"), end to end through `tabula replay`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.contract_fixtures import Master, build_test_master
from tests.test_replay_verify import Run, ballots


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Master:
    return build_test_master(tmp_path_factory.mktemp("master"))


@pytest.fixture
def job(built: Master, tmp_path: Path) -> Run:
    return Run(built.stick(tmp_path / "stick"), tmp_path, built)

BUREAU = {
    "polling_stations": [{"id": "13", "received": 70, "counted": 70}, {"id": "14", "received": 51, "counted": 50}],
    "members": [
        {"role": "president", "name": "Anna Peeters"},
        {"role": "secretary", "name": "Jan Janssens"},
        {"role": "assessor", "name": "Eva Maes"},
        {"role": "witness", "name": "Geert Wouters", "list": 3},
    ],
    "remarks": "Urne van stembureau 14 kwam om 19.40 u aan.\nDe zegels waren ongeschonden.",
    "explanations": {"W.201": "Stembureau 14 telde één stembiljet te veel in zijn proces-verbaal."},
}


def bureau_file(job: Run, content: object) -> str:
    path = job.folder / "bureau.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def pv_text(job: Run) -> str:
    pv = job.results / "pv.pdf"
    return subprocess.run(["pdftotext", "-layout", str(pv), "-"], capture_output=True, text=True, check=True).stdout


def test_the_bureau_file_goes_into_the_checks_and_the_pv(job: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert job.replay(ballots(job.master), None, None, "--bureau", bureau_file(job, BUREAU)) == 0
    err = capsys.readouterr().err
    # 120 entered, 121 received: W.201; station 14 one short on receipt: W.202 and W.205; entered = counted: no W.206
    assert [line.split()[1] for line in err.splitlines() if line.startswith("WAARSCHUWING")] == [
        "W.201:",
        "W.202:",
        "W.205:",
    ]
    text = pv_text(job)
    assert "Stembureaus                           13, 14" in text
    assert "Verklaring van het bureau: Stembureau 14 telde één" in text
    assert "Het bureau gaf geen verklaring." in text  # W.202 and W.205 were not explained
    assert "Geert Wouters (lijst 3)" in text and "Anna Peeters" in text
    assert "Urne van stembureau 14 kwam om 19.40 u aan." in text and "De zegels waren ongeschonden." in text
    total = next(line for line in text.splitlines() if line.strip().startswith("Totaal") and "121" in line)
    assert total.split()[-3:] == ["121", "120", "−1"]
    assert job.verify() == 0


def test_a_count_without_the_ballots_received_cannot_finish(job: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert job.replay(ballots(job.master, 20), None, None, "--bureau", bureau_file(job, {"members": []})) == 3
    err = capsys.readouterr().err
    assert "E.106" in err and "--received" in err and "polling_stations" in err
    assert not (job.stick / "results").exists()


def test_received_given_twice_is_bad_input(job: Run, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("--bureau", bureau_file(job, BUREAU), "--received", "121")
    assert job.replay(ballots(job.master, 20), None, None, *args) == 2
    assert "--received" in capsys.readouterr().err
    assert not (job.stick / "results").exists()


def test_received_as_the_short_form_beside_a_bureau_file_of_members(job: Run) -> None:
    members = bureau_file(job, {"members": BUREAU["members"]})
    assert job.replay(ballots(job.master, 20), None, None, "--bureau", members, "--received", "20") == 0
    assert "Eva Maes" in pv_text(job)


STATION = {"id": "13", "received": 20}
BAD_FILES = [
    ("unknown top-level key", {**BUREAU, "polling": []}, "polling"),
    ("unknown key of a station", {"polling_stations": [{**STATION, "box": 1}]}, "polling_stations[0].box"),
    ("negative count", {"polling_stations": [{**STATION, "received": -1}]}, "polling_stations[0].received"),
    ("count with decimals", {"polling_stations": [{**STATION, "received": 20.0}]}, "polling_stations[0].received"),
    ("count as text", {"polling_stations": [{**STATION, "received": "20"}]}, "polling_stations[0].received"),
    ("count as true", {"polling_stations": [{**STATION, "counted": True}]}, "polling_stations[0].counted"),
    ("received missing", {"polling_stations": [{"id": "13"}]}, "polling_stations[0].received"),
    ("polling station twice", {"polling_stations": [STATION, {**STATION, "id": "13"}]}, "polling_stations[1].id"),
    ("empty id", {"polling_stations": [{**STATION, "id": "  "}]}, "polling_stations[0].id"),
    ("member without a role", {"members": [{"name": "Anna Peeters"}]}, "members[0].role"),
    ("unknown role", {"members": [{"role": "chairman", "name": "A"}]}, "members[0].role"),
    ("two presidents", {"members": [{"role": "president", "name": "A"}] * 2}, "members[1].role"),
    ("member without a name", {"members": [{"role": "assessor"}]}, "members[0].name"),
    ("witness of a list not on the ballot", {"members": [{"role": "witness", "name": "W", "list": 99}]},
     "members[0].list"),
    ("a list for an assessor", {"members": [{"role": "assessor", "name": "A", "list": 3}]}, "members[0].list"),
    ("members not a list", {"members": {"president": "A"}}, "members"),
    ("explanation of no warning", {"explanations": {"W.999": "x"}}, "explanations.W.999"),
    ("explanation of an error", {"explanations": {"E.101": "x"}}, "explanations.E.101"),
    ("remarks not text", {"remarks": ["a"]}, "remarks"),
    ("not an object", [], "bureau.json"),
    ("not JSON", "{'polling_stations': []}", "bureau.json"),
    ("a key twice", '{"remarks": "a", "remarks": "b"}', "remarks"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "field"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_a_bad_bureau_file_is_bad_input_naming_the_field_and_writes_nothing(
    job: Run, capsys: pytest.CaptureFixture[str], content: object, field: str
) -> None:
    assert job.replay(ballots(job.master, 20), None, None, "--bureau", bureau_file(job, content)) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and field in err and "Traceback" not in err
    assert not (job.stick / "results").exists()


def test_an_unreadable_bureau_file_is_bad_input(job: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert job.replay(ballots(job.master, 20), None, None, "--bureau", str(job.folder / "absent.json")) == 2
    assert "absent.json" in capsys.readouterr().err


def test_decisions_are_signed_by_the_president_or_the_bureau_in_its_own_language() -> None:
    from app.counting.bureau import BureauRecord
    from app.replay import decider

    assert decider(BureauRecord(president="Anna Peeters"), "fr") == "Anna Peeters"
    assert decider(BureauRecord(), "fr") == "le bureau"
    assert decider(BureauRecord(), "de") == "der Zählbürovorstand"
