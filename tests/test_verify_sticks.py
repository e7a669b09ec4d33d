"""`tabula verify STICK_DIR... --ca ROOT_PEM` (contract): several sticks in one run, bad input still printed as JSON
for an import tool that reads stdout, and the text report as a verifier reads it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.results_layout import COUNT_FILE
from tests.contract_fixtures import Master, build_test_master
from tests.test_replay_verify import Run, ballots

FIXER_SENTENCES = ("(Het bureau kan dit zelf oplossen.)", "(Bel de helpdesk.)")


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Master:
    return build_test_master(tmp_path_factory.mktemp("master"))


@pytest.fixture(scope="module")
def made(master: Master, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two sticks: A-001's results on one, A-002's on the other (20 ballots each)."""
    sticks = {}
    for station in ("A-001", "A-002"):
        folder = tmp_path_factory.mktemp(station)
        run = Run(master.stick(folder / "stick"), folder, master)
        assert run.replay(ballots(master, 20), station=station) == 0
        sticks[station] = run.stick
    return sticks


@pytest.fixture
def sticks(made: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    return {station: Path(shutil.copytree(stick, tmp_path / station)) for station, stick in made.items()}


def verify(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["verify", *map(str, args)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def verify_json(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, dict[str, Any], str]:
    code, out, err = verify(capsys, *args, "--json")
    return code, json.loads(out), err


# --- several sticks -------------------------------------------------------------------------------------------------


def test_every_bureau_of_every_stick_is_verified_and_names_its_stick(
    master: Master, sticks: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, report, _ = verify_json(capsys, sticks["A-001"], sticks["A-002"], "--ca", master.root_pem)
    assert code == 0 and report["ok"] is True
    assert [(s["station"], s["stick"], s["ok"]) for s in report["stations"]] == [
        ("A-001", str(sticks["A-001"]), True),
        ("A-002", str(sticks["A-002"]), True),
    ]
    assert report["sticks"] == [
        {"stick": str(sticks[s]), "ok": True, "problems": [], "notes": []} for s in ("A-001", "A-002")
    ]


def test_one_failing_stick_fails_the_run_and_its_problems_name_the_stick(
    master: Master, sticks: dict[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, report, _ = verify_json(capsys, sticks["A-001"], empty, "--ca", master.root_pem)
    assert code == 1 and report["ok"] is False
    assert [s["station"] for s in report["stations"]] == ["A-001"]  # the good stick is still reported
    (problem,) = report["problems"]
    assert problem.startswith(f"{empty}: ") and "results" in problem  # which stick, when there are several
    assert [(s["ok"], len(s["problems"])) for s in report["sticks"]] == [(True, 0), (False, 1)]
    assert not report["sticks"][1]["problems"][0].startswith(str(empty))


def test_one_stick_gives_the_single_stick_object_it_always_gave(
    master: Master, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The contract's shape with only keys added (`stick`, `sticks`): the stick's problems are not prefixed."""
    empty = tmp_path / "empty"
    empty.mkdir()
    code, report, _ = verify_json(capsys, empty, "--ca", master.root_pem)
    assert code == 1 and set(report) == {"ok", "stations", "problems", "notes", "sticks"}
    assert report["problems"] == report["sticks"][0]["problems"] and "results" in report["problems"][0]


def test_the_text_report_of_several_sticks_heads_each_with_its_stick(
    master: Master, sticks: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = verify(capsys, sticks["A-001"], sticks["A-002"], "--ca", master.root_pem)
    assert code == 0
    lines = out.splitlines()
    second = lines.index(f"Stick {sticks['A-002']}:")
    assert lines[0] == f"Stick {sticks['A-001']}:" and lines[1].startswith("A-001: in orde  controlegetal ")
    assert lines[second + 1].startswith("A-002: in orde  controlegetal ")


def test_the_same_stick_given_twice_is_reported_twice(
    master: Master, sticks: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, report, _ = verify_json(capsys, sticks["A-001"], sticks["A-001"], "--ca", master.root_pem)
    assert code == 0 and [s["station"] for s in report["stations"]] == ["A-001", "A-001"]


# --- bad input: exit 2, one translated line on stderr, and with --json the object on stdout ---------------------------


def test_a_missing_stick_folder_exits_2_with_json_and_the_other_sticks_still_verified(
    master: Master, sticks: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = tmp_path / "nowhere"
    code, report, err = verify_json(capsys, nowhere, sticks["A-002"], "--ca", master.root_pem)
    assert code == 2 and report["ok"] is False
    assert [s["station"] for s in report["stations"]] == ["A-002"]
    assert report["problems"] == [f"{nowhere}: De map {nowhere} bestaat niet. Geef de map van de stick op."]
    problem = f"De map {nowhere} bestaat niet. Geef de map van de stick op."
    assert report["sticks"][0] == {"stick": str(nowhere), "ok": False, "problems": [problem], "notes": []}
    assert err.strip() == problem


def test_a_missing_stick_folder_in_text_mode_is_one_line_on_stderr(
    master: Master, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = verify(capsys, tmp_path / "nowhere", "--ca", master.root_pem)
    assert (code, out) == (2, "")
    assert err.strip() == f"De map {tmp_path / 'nowhere'} bestaat niet. Geef de map van de stick op."


@pytest.mark.parametrize("case", ["unreadable", "not_pem", "not_a_root", "absent_definition"])
def test_bad_trust_or_definition_input_still_prints_json_and_exits_2(
    master: Master, sticks: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    ca, extra = master.root_pem, []
    if case == "unreadable":
        ca = tmp_path / "absent.pem"
    elif case == "not_pem":
        ca = tmp_path / "bad.pem"
        ca.write_text("not a certificate", encoding="utf-8")
    elif case == "not_a_root":
        ca = master.root_pem.parent / "issuing.pem"
    else:
        extra = ["--definition", str(tmp_path / "absent.csv")]
    code, report, err = verify_json(capsys, sticks["A-001"], "--ca", ca, *extra)
    assert code == 2
    assert (report["ok"], report["stations"], report["sticks"], report["notes"]) == (False, [], [], [])
    (problem,) = report["problems"]
    assert err.strip() == problem and len(err.strip().splitlines()) == 1
    assert str(tmp_path if case != "not_a_root" else ca) in problem
    assert not problem.endswith(FIXER_SENTENCES)


def test_verify_messages_do_not_tell_the_verifier_that_the_bureau_fixes_its_command_line(
    master: Master, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, err = verify(capsys, tmp_path, "--ca", tmp_path / "absent.pem")
    assert err.strip() and not any(sentence in err for sentence in FIXER_SENTENCES)


# --- the text report -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "line", "next_step"),
    [
        ("nl", "A-001: NIET IN ORDE  controlegetal onbekend", "laat het bureau de stick nakijken of bel de helpdesk"),
        ("fr", "A-001: PAS EN ORDRE  nombre de contrôle inconnu", "faites vérifier la clé par le bureau"),
        ("de", "A-001: NICHT IN ORDNUNG  Kontrollzahl unbekannt", "Lassen Sie den Stick vom Büro prüfen"),
    ],
)
def test_an_unknown_control_number_is_said_and_a_failure_names_who_acts(
    master: Master,
    sticks: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    language: str,
    line: str,
    next_step: str,
) -> None:
    (sticks["A-001"] / "results" / "A-001" / COUNT_FILE).unlink()  # no 510: no control number to recompute
    capsys.readouterr()
    assert main(["--lang", language, "verify", str(sticks["A-001"]), "--ca", str(master.root_pem)]) == 1
    out = capsys.readouterr().out
    assert line in out.splitlines()
    assert next_step in " ".join(out.splitlines()[-1:])  # once, at the end


def test_a_passing_report_has_no_next_step_line(
    master: Master, sticks: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = verify(capsys, sticks["A-001"], "--ca", master.root_pem)
    assert code == 0 and len(out.splitlines()) == 2  # the bureau's line and its development-mode note
