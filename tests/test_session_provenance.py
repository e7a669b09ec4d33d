"""The session's provenance (X2, contract `--training`): logged when it opens, in every file it builds, a refused
signature on a modified platform logged and nothing written; verify holds the files of one bureau to one platform."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from lxml import etree

from app.counting import count as counting
from app.counting.double_entry import Pass
from app.counting.model import Ballot, Box, Language, ListNumber, Mark, Station, StationId
from app.eml.common import seal_and_serialize
from app.errors import Fixer, UntrustedData
from app.journal import MemoryJournal
from app.platform.measurement import Measurement, Provenance
from app.platform.tpm import FakeTpm, PlatformRefused, measure
from app.report.pv_meta import read_pv_claims
from app.results_layout import COUNT_FILE, LOG_FILE, PV_FILE
from app.seclog import SecurityLog
from app.session import BureauContext, Session
from app.station_login import LoadedStation
from app.verify import TRAINING_PROBLEM, verify_files
from tests.conftest import NOW as PKI_NOW
from tests.conftest import TestPki
from tests.eml.cases import SMALL

NOW = PKI_NOW + dt.timedelta(hours=21)  # while the test certificates are valid
EML = "{urn:oasis:names:tc:evs:schema:eml}"
CMDLINE = "console=ttyS0 roothash=" + "ab" * 32
BALLOTS = [Ballot(frozenset({Mark(ListNumber(1), Box.LIST)})), Ballot(frozenset({Mark(ListNumber(2), Box.LIST)}))]


def loaded_station(test_pki: TestPki, provenance: Provenance, signer: object | None = None) -> LoadedStation:
    election = SMALL
    key_signer = test_pki.signer("P-1")
    station = Station(StationId("P-1"), "Bureau", election.code, election.constituency, Language.NL)
    chain = (key_signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate)
    return LoadedStation(station, election, signer or key_signer, chain, provenance=provenance)  # type: ignore[arg-type]


def final_session(loaded: LoadedStation, log_path: Path) -> Session:
    session = Session(loaded, MemoryJournal(loaded.election), SecurityLog(log_path, system="t"), clock=lambda: NOW)
    for pass_no, operator in ((Pass.FIRST, "An"), (Pass.SECOND, "Bert")):
        session.apply(counting.StartPile(1, pass_no, operator))
        for ballot in BALLOTS:
            session.apply(counting.ConfirmBallot(1, pass_no, ballot))
        session.apply(counting.FinishPile(1, pass_no))
    session.apply(counting.CloseEntry())
    for finding in session.findings(BureauContext(received_total=len(BALLOTS))):
        session.apply(counting.Acknowledge(finding.code))
    session.finalize()
    return session


def tpm_measurement() -> Measurement:
    return measure(FakeTpm(), software_version="1.2.3", cmdline=CMDLINE)


def log_events(path: Path, event: str) -> list[dict[str, object]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [r["detail"] for r in records if r["event"] == event]


def test_a_session_logs_its_platform_and_training_when_it_opens(test_pki: TestPki, tmp_path: Path) -> None:
    provenance = Provenance(tpm_measurement(), training=True)
    final_session(loaded_station(test_pki, provenance), tmp_path / "log.jsonl")
    (detail,) = log_events(tmp_path / "log.jsonl", "platform.measured")
    assert detail == {"software_version": "1.2.3", "system_hash": "ab" * 32, "mode": "tpm",
                      "pcr7": "00" * 32, "pcr11": "00" * 32, "training": True}  # fmt: skip


@pytest.mark.parametrize("training", [False, True])
def test_every_file_says_the_platform_of_the_session_and_verify_reads_it_back(
    test_pki: TestPki, tmp_path: Path, training: bool
) -> None:
    provenance = Provenance(tpm_measurement(), training=training)
    built = final_session(loaded_station(test_pki, provenance), tmp_path / "log.jsonl").result_files()
    report = verify_files("P-1", built.files, test_pki.root.certificate, NOW)
    assert (report.platform, report.training) == (provenance.measurement, training)
    assert report.problems == ([(TRAINING_PROBLEM, {})] if training else [])
    assert report.notes == []  # a TPM platform: nothing to note
    claims = read_pv_claims(built.files[PV_FILE])
    assert (claims["mode"], claims["system_hash"], claims["software_version"]) == ("tpm", "ab" * 32, "1.2.3")


def test_files_of_one_bureau_made_on_different_platforms_are_a_problem(test_pki: TestPki, tmp_path: Path) -> None:
    real = final_session(loaded_station(test_pki, Provenance(tpm_measurement())), tmp_path / "a.jsonl")
    other = dataclasses.replace(tpm_measurement(), system_hash="cd" * 32)
    elsewhere = final_session(loaded_station(test_pki, Provenance(other)), tmp_path / "b.jsonl")
    files = real.result_files().files
    report = verify_files(
        "P-1", {**files, COUNT_FILE: elsewhere.result_files().files[COUNT_FILE]}, test_pki.root.certificate, NOW
    )
    assert ("verify.platform_differs", {}) in report.problems


def test_a_pv_or_log_of_another_platform_than_the_eml_files_is_a_problem(test_pki: TestPki, tmp_path: Path) -> None:
    real = final_session(loaded_station(test_pki, Provenance(tpm_measurement())), tmp_path / "a.jsonl")
    training = final_session(loaded_station(test_pki, Provenance(tpm_measurement(), True)), tmp_path / "b.jsonl")
    files, other = real.result_files().files, training.result_files().files
    mixed = {**files, PV_FILE: other[PV_FILE], LOG_FILE: other[LOG_FILE]}
    problems = [key for key, _ in verify_files("P-1", mixed, test_pki.root.certificate, NOW).problems]
    assert "verify.pv_provenance" in problems and "verify.log_other_platform" in problems
    assert TRAINING_PROBLEM not in problems  # the EML files are the real result; the others do not belong to it


def test_a_modified_platform_cannot_sign_results_logs_the_refusal_and_writes_nothing(
    test_pki: TestPki, tmp_path: Path
) -> None:
    tpm = FakeTpm()
    key_signer = test_pki.signer("P-1")
    policy = tpm.current_policy()
    signer = tpm.signer(tpm.import_key(key_signer.key, policy), key_signer.certificate, key_signer.chain, policy)
    loaded = loaded_station(test_pki, Provenance(measure(tpm, software_version="1.2.3", cmdline=CMDLINE)), signer)
    session = final_session(loaded, tmp_path / "log.jsonl")
    tpm.extend(11, b"a modified boot chain")  # after login: the key no longer signs
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(PlatformRefused) as refused:
        session.write_results(stick)
    assert refused.value.fixer is Fixer.HELPDESK
    assert log_events(tmp_path / "log.jsonl", "platform.refused") == [{"key": "platform.state_changed"}]
    assert log_events(tmp_path / "log.jsonl", "results.written") == []
    assert list(stick.iterdir()) == []  # nothing on the stick


def test_a_refusal_when_the_manifest_is_signed_leaves_nothing_on_the_stick(
    test_pki: TestPki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The boot chain changes after the files are built and checked: the stick's staging folder is cleaned up."""
    tpm = FakeTpm()
    key_signer = test_pki.signer("P-1")
    policy = tpm.current_policy()
    signer = tpm.signer(tpm.import_key(key_signer.key, policy), key_signer.certificate, key_signer.chain, policy)
    loaded = loaded_station(test_pki, Provenance(measure(tpm, software_version="1.2.3", cmdline=CMDLINE)), signer)
    session = final_session(loaded, tmp_path / "log.jsonl")
    checked = session._self_check

    def check_then_modify(built: object) -> None:
        checked(built)  # type: ignore[arg-type]
        tpm.extend(7, b"secure boot turned off")

    monkeypatch.setattr(session, "_self_check", check_then_modify)
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(PlatformRefused):
        session.write_results(stick)
    assert log_events(tmp_path / "log.jsonl", "platform.refused") == [{"key": "platform.state_changed"}]
    leftovers = [p.name for p in (stick / "results").iterdir()] if (stick / "results").exists() else []
    assert leftovers == []


def test_a_training_count_beside_a_real_result_is_a_problem(test_pki: TestPki, tmp_path: Path) -> None:
    real = final_session(loaded_station(test_pki, Provenance(tpm_measurement())), tmp_path / "a.jsonl")
    training = final_session(loaded_station(test_pki, Provenance(tpm_measurement(), True)), tmp_path / "b.jsonl")
    files = {**real.result_files().files, COUNT_FILE: training.result_files().files[COUNT_FILE]}
    problems = [key for key, _ in verify_files("P-1", files, test_pki.root.certificate, NOW).problems]
    assert "verify.training_differs" in problems and TRAINING_PROBLEM in problems


def test_a_message_that_does_not_say_its_platform_is_a_problem(test_pki: TestPki, tmp_path: Path) -> None:
    session = final_session(loaded_station(test_pki, Provenance(tpm_measurement())), tmp_path / "a.jsonl")
    files = session.result_files().files
    root = etree.fromstring(files[COUNT_FILE])
    seal = root.find(f"{EML}Seal")
    assert seal is not None
    for child in list(seal):
        seal.remove(child)
    seal.text = None
    unsaid = seal_and_serialize(root, seal, test_pki.signer("P-1"))  # signed, but without the platform
    report = verify_files("P-1", {**files, COUNT_FILE: unsaid}, test_pki.root.certificate, NOW)
    assert ("verify.platform_missing", {"file": COUNT_FILE}) in report.problems


def test_the_self_check_refuses_files_that_do_not_say_the_session_platform(test_pki: TestPki, tmp_path: Path) -> None:
    made = final_session(loaded_station(test_pki, Provenance(tpm_measurement())), tmp_path / "a.jsonl")
    other = final_session(loaded_station(test_pki, Provenance(tpm_measurement(), True)), tmp_path / "b.jsonl")
    with pytest.raises(UntrustedData, match=r"session\.self_check_failed"):
        other._self_check(made.result_files())
