"""What produced a result is still told when its manifest or a file hash fails (user test: `"training": null` as
soon as only the PV keywords of a training result changed).

One row per kind of damage, on a training and on a real result: `verify --json` still reads training and platform
from every EML file whose own signature verifies up to the root, reports a training result as training (with the
training problem among the others), and says `"unknown"` only where nothing signed can be read."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.results_layout import COUNT_FILE, PASS_FILES, PV_FILE, VOTES_FILE
from app.stick import MANIFEST_NAME
from tests.contract_fixtures import Master, build_test_master
from tests.test_replay_training import replay

TRAINING_PROBLEM = "Dit is een uitslag in oefenmodus; die kan niet worden ingelezen. Vraag het bureau de echte uitslag."
EML_FILES = (VOTES_FILE, COUNT_FILE, *PASS_FILES.values())


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Master:
    return build_test_master(tmp_path_factory.mktemp("master"))


@pytest.fixture(scope="module")
def made(master: Master, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A training and a real result of A-001, each on its own stick, copied for every test."""
    return {
        "training": replay(master, tmp_path_factory.mktemp("training"), "--training"),
        "real": replay(master, tmp_path_factory.mktemp("real")),
    }


def _replace(name: str, old: bytes, new: bytes) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        data = (folder / name).read_bytes()
        assert old in data, f"{old!r} is not in {name}"
        (folder / name).write_bytes(data.replace(old, new, 1))

    return damage


def _remove(*names: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        for name in names:
            (folder / name).unlink()

    return damage


def _garble(*names: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        for name in names:
            (folder / name).write_bytes(b"<EML/>")

    return damage


# (id, damage, what verify says about what produced it: told from the signed EML files or "unknown")
DAMAGE = [
    ("pv_keywords_changed", _replace(PV_FILE, b"tabula:mode=development", b"tabula:mode=developmenT"), "told"),
    ("manifest_changed", _replace(MANIFEST_NAME, b'"files"', b'"Files"'), "told"),
    ("manifest_removed", _remove(MANIFEST_NAME), "told"),
    ("pv_removed", _remove(PV_FILE), "told"),
    ("votes_removed", _remove(VOTES_FILE), "told"),
    ("count_replaced_by_unsigned_file", _garble(COUNT_FILE), "told"),
    ("every_eml_file_removed", _remove(*EML_FILES), "unknown"),
    ("every_eml_file_unsigned", _garble(*EML_FILES), "unknown"),
]


def verify_json(stick: Path, master: Master, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    capsys.readouterr()
    code = main(["verify", str(stick), "--ca", str(master.root_pem), "--json"])
    return code, json.loads(capsys.readouterr().out)


def damaged(made: dict[str, Path], kind: str, damage: Callable[[Path], None], tmp_path: Path) -> Path:
    """A copy of the `kind` result's stick with A-001's folder damaged."""
    stick = Path(shutil.copytree(made[kind], tmp_path / "stick"))
    damage(stick / "results" / "A-001")
    return stick


@pytest.mark.parametrize(("name", "damage", "told"), DAMAGE, ids=[row[0] for row in DAMAGE])
def test_a_damaged_training_result_is_still_reported_as_training(
    made: dict[str, Path],
    master: Master,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    damage: Callable[[Path], None],
    told: str,
) -> None:
    code, report = verify_json(damaged(made, "training", damage, tmp_path), master, capsys)
    (station,) = report["stations"]
    assert code == 1 and not station["ok"]
    assert len(station["problems"]) >= 2 or told == "unknown"  # the damage, and the training problem
    if told == "told":
        assert station["training"] is True
        assert TRAINING_PROBLEM in station["problems"]
        assert station["platform"]["mode"] == "development" and station["platform"]["software_version"]
    else:
        assert (station["training"], station["platform"]) == ("unknown", "unknown")
        assert TRAINING_PROBLEM not in station["problems"]


@pytest.mark.parametrize(("name", "damage", "told"), DAMAGE, ids=[row[0] for row in DAMAGE])
def test_a_damaged_real_result_is_still_reported_as_real_with_its_platform(
    made: dict[str, Path],
    master: Master,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    damage: Callable[[Path], None],
    told: str,
) -> None:
    code, report = verify_json(damaged(made, "real", damage, tmp_path), master, capsys)
    (station,) = report["stations"]
    assert code == 1 and station["problems"]
    assert TRAINING_PROBLEM not in station["problems"]
    if told == "told":
        assert station["training"] is False and station["platform"]["mode"] == "development"
    else:
        assert (station["training"], station["platform"]) == ("unknown", "unknown")


def test_a_signed_training_file_among_real_ones_makes_the_result_training(
    made: dict[str, Path], master: Master, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A training run's signed 510 copied over a real result's (the manifest fails): training, said as a problem."""
    training_510 = made["training"] / "results" / "A-001" / COUNT_FILE

    def swap(folder: Path) -> None:
        shutil.copyfile(training_510, folder / COUNT_FILE)

    code, report = verify_json(damaged(made, "real", swap, tmp_path), master, capsys)
    (station,) = report["stations"]
    assert code == 1 and station["training"] is True and TRAINING_PROBLEM in station["problems"]


def test_an_intact_result_reports_training_and_platform_as_before(
    made: dict[str, Path], master: Master, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report = verify_json(made["real"], master, capsys)
    (station,) = report["stations"]
    assert code == 0 and station["training"] is False and station["platform"]["mode"] == "development"
