"""Provenance end to end (contract `--training`, X2): replay marks every output, verify reads it back from the
signed files, refuses a training result and reports the platform of a real one."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from app.cli import main
from app.eml.schemas import validate
from app.report.pv_meta import read_pv_claims
from app.results_layout import COUNT_FILE, LOG_FILE, PASS_FILES, PV_FILE, VOTES_FILE
from tests.contract_fixtures import PASSWORD, Master, as_piles, build_test_master, pile_csv
from tests.counting.generate import random_ballots

EML = "{urn:oasis:names:tc:evs:schema:eml}"
TRAINING_LINES = {
    "nl": "OEFENMODUS — geen echte uitslag, kan niet worden ingelezen",
    "fr": "MODE FORMATION — pas un vrai résultat, ne peut pas être importé",
    "de": "SCHULUNGSMODUS — kein echtes Ergebnis, kann nicht eingelesen werden",
}


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Master:
    return build_test_master(tmp_path_factory.mktemp("master"))


def replay(master: Master, folder: Path, *extra: str) -> Path:
    """A whole count of 60 ballots on a fresh copy of the master stick; returns the stick."""
    stick = master.stick(folder / "stick")
    assert replay_on(master, stick, folder, *extra) == 0
    return stick


def replay_on(master: Master, stick: Path, folder: Path, *extra: str, ballots: int = 60) -> int:
    """A whole count of A-001 on `stick` as it is; the exit code."""
    piles = as_piles(random_ballots(master.election, ballots, seed=5))
    (folder / "pw.txt").write_text(PASSWORD + "\n", encoding="utf-8")
    pass_file = str(pile_csv(folder / "pass.csv", piles))
    args = ["replay", "--stick", str(stick), "--station", "A-001", "--password-file", str(folder / "pw.txt")]
    args += ["--pass1", pass_file, "--pass2", pass_file, "--received", str(ballots), "--ca", str(master.root_pem)]
    return main([*args, *extra])


def verify_json(master: Master, stick: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    capsys.readouterr()
    code = main(["verify", str(stick), "--ca", str(master.root_pem), "--json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def training_stick(master: Master, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return replay(master, tmp_path_factory.mktemp("training"), "--training")


def test_a_normal_replay_verifies_and_reports_its_platform_and_development_mode(
    master: Master, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = replay(master, tmp_path)
    code, report = verify_json(master, stick, capsys)
    (station,) = report["stations"]  # type: ignore[misc]
    assert code == 0 and station["ok"] and station["problems"] == []
    assert station["training"] is False
    assert station["platform"] == {"software_version": station["platform"]["software_version"], "system_hash": "",
                                   "pcrs": {}, "mode": "development"}  # fmt: skip
    assert station["platform"]["software_version"]
    assert any("ontwikkelmodus, zonder beveiligingschip (TPM)" in note for note in station["notes"])  # not a problem
    claims = read_pv_claims((stick / "results" / "A-001" / PV_FILE).read_bytes())
    assert (claims["training"], claims["mode"], claims["system_hash"]) == ("no", "development", "")


def test_a_training_replay_is_refused_by_verify_as_a_training_result(
    master: Master, training_stick: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report = verify_json(master, training_stick, capsys)
    (station,) = report["stations"]  # type: ignore[misc]
    assert code == 1 and not report["ok"]
    assert station["training"] is True and station["platform"]["mode"] == "development"
    assert station["problems"] == [
        "Dit is een uitslag in oefenmodus; die kan niet worden ingelezen. Vraag het bureau de echte uitslag."
    ]
    assert station["control_number"]  # everything else about it verified


@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_training_problem_is_said_in_the_reader_language(
    master: Master, training_stick: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    capsys.readouterr()
    assert main(["--lang", language, "verify", str(training_stick), "--ca", str(master.root_pem)]) == 1
    out = capsys.readouterr().out
    assert {"fr": "mode formation ; il ne peut pas être importé", "de": "Schulungsmodus; es kann nicht"}[
        language
    ] in out


def test_every_eml_file_of_a_training_run_says_training_and_stays_valid(training_stick: Path) -> None:
    folder = training_stick / "results" / "A-001"
    for name in (VOTES_FILE, COUNT_FILE, *PASS_FILES.values()):
        data = (folder / name).read_bytes()
        assert validate(data) == [], name  # plain OASIS EML 5.0 and our profile
        root = etree.fromstring(data)
        identifiers = list(root.iter(f"{EML}EventIdentifier"))
        assert identifiers and all(
            [(q.get("Id"), q.text) for q in i.iter(f"{EML}EventQualifier")] == [("training", "training")]
            for i in identifiers
        )
    count = etree.fromstring((folder / COUNT_FILE).read_bytes())
    assert count.findtext(f".//{EML}CountQualifier/{EML}Simulation") == "yes"


def test_every_page_of_a_training_pv_carries_the_training_mark(training_stick: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None, "pdftotext is missing: apt-get install poppler-utils (scripts/setup.sh does)"
    pdf = (training_stick / "results" / "A-001" / PV_FILE).read_bytes()
    text = subprocess.run([pdftotext, "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    pages = text.decode("utf-8").split("\f")[:-1]  # pdftotext ends every page with a form feed
    assert len(pages) >= 2 and all(TRAINING_LINES["nl"] in page for page in pages)
    assert read_pv_claims(pdf)["training"] == "yes"


def test_the_security_log_of_a_training_run_names_its_platform_and_training(training_stick: Path) -> None:
    log = (training_stick / "results" / "A-001" / LOG_FILE).read_text(encoding="utf-8")
    measured = [json.loads(line) for line in log.splitlines() if '"platform.measured"' in line]
    assert len(measured) == 1
    assert measured[0]["detail"]["training"] is True and measured[0]["detail"]["mode"] == "development"


# --- a training run never replaces a real result (user test: it silently did) ------------------------------------


def folder_bytes(stick: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (stick / "results" / "A-001").iterdir()}


@pytest.fixture(scope="module")
def real_stick(master: Master, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return replay(master, tmp_path_factory.mktemp("real"))


def copy_of(stick: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(stick, tmp_path / "stick"))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nl",
            "Een oefening vervangt nooit een echte uitslag: oefen op een nieuwe kopie van de master-gegevensdrager.",
        ),
        ("fr", "Un exercice ne remplace jamais un vrai résultat : exercez-vous sur une nouvelle copie du support"),
        ("de", "Eine Übung ersetzt nie ein echtes Ergebnis: Üben Sie auf einer neuen Kopie des Master-Datenträgers."),
    ],
)
def test_a_training_replay_refuses_to_replace_a_real_result_and_leaves_it_as_it_was(
    master: Master,
    real_stick: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    language: str,
    expected: str,
) -> None:
    stick = copy_of(real_stick, tmp_path)
    before = folder_bytes(stick)
    capsys.readouterr()
    assert replay_on(master, stick, tmp_path, "--training", "--lang", language, ballots=30) == 2
    captured = capsys.readouterr()
    assert expected in " ".join(captured.err.split()) and "A-001" in captured.err
    assert "Traceback" not in captured.err and "control number" not in captured.out
    assert folder_bytes(stick) == before  # not one byte of the real result touched
    code, report = verify_json(master, stick, capsys)
    assert code == 0 and report["stations"][0]["training"] is False  # type: ignore[index]


def test_a_training_replay_may_replace_a_training_result(
    master: Master, training_stick: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = copy_of(training_stick, tmp_path)
    assert replay_on(master, stick, tmp_path, "--training", ballots=30) == 0
    code, report = verify_json(master, stick, capsys)
    (station,) = report["stations"]  # type: ignore[misc]
    assert code == 1 and station["training"] is True and station["ballots"]["counted"] == 30


def test_a_real_replay_replaces_a_training_result(
    master: Master, training_stick: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = copy_of(training_stick, tmp_path)
    assert replay_on(master, stick, tmp_path, ballots=30) == 0
    code, report = verify_json(master, stick, capsys)
    (station,) = report["stations"]  # type: ignore[misc]
    assert code == 0 and station["training"] is False and station["ballots"]["counted"] == 30


@pytest.mark.parametrize("damage", ["unsigned_files", "empty_folder", "a_file_in_its_place"])
def test_a_training_replay_refuses_a_folder_it_cannot_show_to_be_training(
    master: Master, training_stick: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    """What cannot be shown to be a training result under a signature that verifies is treated as real."""
    stick = copy_of(training_stick, tmp_path)
    folder = stick / "results" / "A-001"
    if damage == "unsigned_files":
        for name in (VOTES_FILE, COUNT_FILE, *PASS_FILES.values()):
            (folder / name).write_bytes(b"<EML/>")
    else:
        shutil.rmtree(folder)
        folder.mkdir() if damage == "empty_folder" else folder.write_bytes(b"not a folder")
    capsys.readouterr()
    assert replay_on(master, stick, tmp_path, "--training", ballots=30) == 2
    assert "Een oefening vervangt nooit een echte uitslag" in " ".join(capsys.readouterr().err.split())


def test_a_training_replay_writes_where_the_bureau_has_no_result_yet(
    master: Master, real_stick: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another bureau's real result on the same stick does not stand in the way (only A-001's folder counts)."""
    stick = copy_of(real_stick, tmp_path)
    (stick / "results" / "A-001").rename(stick / "results" / "A-002")
    assert replay_on(master, stick, tmp_path, "--training", ballots=30) == 0
    assert sorted(p.name for p in (stick / "results").iterdir()) == ["A-001", "A-002"]
