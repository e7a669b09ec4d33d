"""The TPM adapter against a real software TPM (swtpm, one per test) and its in-memory fake, side by side.

Behaviour that both must share runs against both (`any_tpm`); what only a real TPM can show (policy digests the TPM
computes itself, flushing, a crashed process, PAdES through the port) runs against swtpm. PCR 16 is the debug PCR a
test may extend; the appliance binds 7 and 11.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from lxml import etree

from app.errors import Fixer, UntrustedData
from app.i18n import LANGUAGES, catalogue, describe_error
from app.platform import tpm as tpm_module
from app.platform.tpm import (
    Expected,
    FakeTpm,
    Measurement,
    Mode,
    PcrPolicy,
    PlatformRefused,
    Tpm,
    TpmBlob,
    check_expected,
    development_measurement,
    expected_json,
    extended,
    load_expected,
    measure,
    read_expected,
    read_measurement,
    system_hash_from_cmdline,
)
from app.signing import pki, xmldsig
from app.signing.pades import sign_pdf, verify_pdf
from tests.conftest import NOW, TestPki

PCR = 16
ROOT_HASH = "ab" * 32
CMDLINE = f"console=ttyS0 roothash={ROOT_HASH} quiet\n"
DATA = b"<EML>510</EML>"


@pytest.fixture(params=["swtpm", "fake"])
def any_tpm(request: pytest.FixtureRequest) -> Iterator[Tpm | FakeTpm]:
    if request.param == "fake":
        with FakeTpm() as fake:
            yield fake
    else:
        with Tpm(request.getfixturevalue("swtpm")) as real:
            yield real


def bureau(test_pki: TestPki, station: str = "A-001") -> tuple[ec.EllipticCurvePrivateKey, object]:
    signer = test_pki.signer(station)
    assert isinstance(signer.key, ec.EllipticCurvePrivateKey)
    return signer.key, signer


# --- PCRs ---


def test_extending_a_pcr_hashes_the_measurement_into_its_old_value(any_tpm: Tpm | FakeTpm) -> None:
    before = any_tpm.read_pcrs([PCR])[PCR]
    any_tpm.extend(PCR, b"kernel")
    after = any_tpm.read_pcrs([PCR, 0])
    assert after[PCR] == extended(before, hashlib.sha256(b"kernel").digest())
    assert set(after) == {0, PCR} and all(len(value) == 32 for value in after.values())


def test_all_24_pcrs_can_be_read_at_once_from_the_sha256_bank(swtpm: str) -> None:
    with Tpm(swtpm) as tpm:
        values = tpm.read_pcrs(range(24))
    assert sorted(values) == list(range(24))
    assert values[0] == bytes(32)  # swtpm measured nothing: a reset PCR is all zeros
    assert values[17] == b"\xff" * 32  # the D-RTM PCRs start at all ones


# --- sealing ---


def test_a_sealed_secret_opens_under_its_policy_and_no_longer_after_an_extend(any_tpm: Tpm | FakeTpm) -> None:
    policy = any_tpm.current_policy([PCR])
    blob = any_tpm.seal(b"wrapping key 32 bytes long......", policy)
    assert any_tpm.unseal(blob, policy) == b"wrapping key 32 bytes long......"
    any_tpm.extend(PCR, b"something else booted")
    with pytest.raises(PlatformRefused) as refused:
        any_tpm.unseal(blob, policy)
    assert refused.value.key == "platform.state_changed"
    assert refused.value.fixer is Fixer.HELPDESK and isinstance(refused.value, UntrustedData)


def test_a_secret_sealed_to_other_values_than_the_measured_ones_never_opens(any_tpm: Tpm | FakeTpm) -> None:
    approved = PcrPolicy.of({PCR: hashlib.sha256(b"the approved boot chain").digest()})
    blob = any_tpm.seal(b"secret", approved)
    with pytest.raises(PlatformRefused, match=r"platform\.state_changed"):
        any_tpm.unseal(blob, approved)


def test_the_policy_digest_computed_here_is_the_one_the_tpm_computes(swtpm: str) -> None:
    # The secret is sealed under our own digest; the TPM lets it out only if its PolicyPCR gives the same digest.
    with Tpm(swtpm) as tpm:
        tpm.extend(PCR, b"x")
        policy = tpm.current_policy([0, 7, PCR])
        assert tpm.unseal(tpm.seal(b"s", policy), policy) == b"s"


def test_a_sealed_blob_survives_the_connection_and_opens_in_the_next_one(swtpm: str) -> None:
    with Tpm(swtpm) as tpm:
        policy = tpm.current_policy([7, PCR])
        stored = tpm.seal(b"bureau key", policy).to_bytes()
    with Tpm(swtpm) as tpm:
        assert tpm.unseal(TpmBlob.from_bytes(stored), policy) == b"bureau key"


@pytest.mark.parametrize("stored", [b"", b"{}", b"not json", b'{"public": "!!", "private": ""}'])
def test_a_damaged_blob_is_refused(stored: bytes) -> None:
    with pytest.raises(PlatformRefused, match=r"platform\.blob_bad"):
        TpmBlob.from_bytes(stored)


def test_a_blob_the_tpm_did_not_make_is_refused(swtpm: str) -> None:
    with Tpm(swtpm) as tpm:
        policy = tpm.current_policy([PCR])
        blob = tpm.seal(b"s", policy)
        with pytest.raises(PlatformRefused, match=r"platform\.blob_bad"):
            tpm.unseal(TpmBlob(blob.public, blob.private[:-1] + bytes([blob.private[-1] ^ 1])), policy)
    with FakeTpm() as fake, pytest.raises(PlatformRefused, match=r"platform\.blob_bad"):
        fake.unseal(blob, policy)


# --- the TPM signer ---


def test_the_tpm_signers_signature_verifies_with_the_bureau_certificate(
    any_tpm: Tpm | FakeTpm, test_pki: TestPki
) -> None:
    key, signer = bureau(test_pki)
    policy = any_tpm.current_policy([7, PCR])
    tpm_signer = any_tpm.signer(any_tpm.import_key(key, policy), signer.certificate, signer.chain, policy)
    assert tpm_signer.certificate == signer.certificate and tpm_signer.chain == signer.chain
    for data in (DATA, b"", b"x" * 100_000):
        pki.verify_bytes(signer.certificate, tpm_signer.sign(data), data)
    with pytest.raises(UntrustedData):
        pki.verify_bytes(signer.certificate, tpm_signer.sign(DATA), DATA + b" ")


def test_signing_is_refused_once_the_measured_state_changes(any_tpm: Tpm | FakeTpm, test_pki: TestPki) -> None:
    key, signer = bureau(test_pki)
    policy = any_tpm.current_policy([7, PCR])
    tpm_signer = any_tpm.signer(any_tpm.import_key(key, policy), signer.certificate, signer.chain, policy)
    tpm_signer.sign(DATA)
    any_tpm.extend(PCR, b"an unapproved kernel")
    with pytest.raises(PlatformRefused) as refused:
        tpm_signer.sign(DATA)
    assert refused.value.key == "platform.state_changed" and refused.value.exit_code == 1
    for language in LANGUAGES:
        assert "helpdesk" in describe_error(refused.value, language).lower()


def test_a_key_bound_to_the_approved_state_cannot_sign_on_another_boot_chain(
    any_tpm: Tpm | FakeTpm, test_pki: TestPki
) -> None:
    key, signer = bureau(test_pki)
    approved = PcrPolicy.of({PCR: hashlib.sha256(b"the approved UKI").digest()})
    tpm_signer = any_tpm.signer(any_tpm.import_key(key, approved), signer.certificate, signer.chain, approved)
    with pytest.raises(PlatformRefused, match=r"platform\.state_changed"):
        tpm_signer.sign(DATA)


def test_xml_dsig_and_pades_are_made_through_the_tpm_signer(swtpm: str, test_pki: TestPki) -> None:
    key, signer = bureau(test_pki, "A-042")
    with Tpm(swtpm) as tpm:
        policy = tpm.current_policy([7, PCR])
        tpm_signer = tpm.signer(tpm.import_key(key, policy), signer.certificate, signer.chain, policy)
        root = etree.fromstring(b"<Count><Total>12</Total><Seal/></Count>")
        seal = root.find("Seal")
        assert seal is not None
        signature = xmldsig.sign_enveloped(root, seal, tpm_signer, certificates=signer.chain)
        xmldsig.verify_enveloped(root, signature, signer.certificate.public_key())
        from tests.signing.test_pades import unsigned_pv

        signed = sign_pdf(unsigned_pv(), tpm_signer, reason="Proces-verbaal", location="A-042")
    moment = NOW + dt.timedelta(days=1)
    assert verify_pdf(signed, test_pki.root.certificate, moment=moment) == signer.certificate


def test_a_key_of_another_bureau_or_type_is_refused(any_tpm: Tpm | FakeTpm, test_pki: TestPki) -> None:
    key, _ = bureau(test_pki, "A-001")
    other = test_pki.signer("A-002")
    policy = any_tpm.current_policy([PCR])
    blob = any_tpm.import_key(key, policy)
    with pytest.raises(PlatformRefused, match=r"platform\.key_mismatch"):
        any_tpm.signer(blob, other.certificate, other.chain, policy)
    with pytest.raises(PlatformRefused, match=r"platform\.key_unsupported"):
        any_tpm.import_key(ec.generate_private_key(ec.SECP384R1()), policy)


# --- flushing: a crashed run does not poison the next ---


def test_everything_loaded_is_flushed_when_the_connection_closes(swtpm: str, test_pki: TestPki) -> None:
    key, signer = bureau(test_pki)
    for _ in range(5):  # swtpm has 3 object slots: a leak would fail the third round
        with Tpm(swtpm) as tpm:
            policy = tpm.current_policy([PCR])
            tpm.signer(tpm.import_key(key, policy), signer.certificate, signer.chain, policy).sign(DATA)
            tpm.unseal(tpm.seal(b"s", policy), policy)
            assert tpm.transient_handles()  # the storage root key and the bureau key are loaded
    with Tpm(swtpm) as tpm:
        assert tpm.transient_handles() == [] and tpm.session_handles() == []


CRASHING_RUN = """
import os, sys
from app.platform.tpm import Tpm
tpm = Tpm(sys.argv[1])
policy = tpm.current_policy([16])
blob = tpm.seal(b"s", policy)
tpm._load(blob)
with tpm.policy_session(policy):
    os._exit(3)  # dies with the storage root key, the sealed object and a policy session loaded
"""


def test_a_run_that_crashed_with_objects_loaded_does_not_poison_the_next(swtpm: str, test_pki: TestPki) -> None:
    root = Path(__file__).resolve().parents[2]
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", CRASHING_RUN, swtpm], cwd=root, check=False, timeout=60)
        assert done.returncode == 3
    key, signer = bureau(test_pki)
    with Tpm(swtpm) as tpm:  # flushes the leftovers on opening
        assert tpm.transient_handles() == [] and tpm.session_handles() == []
        policy = tpm.current_policy([PCR])
        tpm_signer = tpm.signer(tpm.import_key(key, policy), signer.certificate, signer.chain, policy)
        pki.verify_bytes(signer.certificate, tpm_signer.sign(DATA), DATA)


def test_any_other_tpm_failure_is_the_tpms_not_a_crash(swtpm: str) -> None:
    with Tpm(swtpm) as tpm, pytest.raises(PlatformRefused, match=r"platform\.tpm_failed"):
        tpm.seal(b"x" * 200, tpm.current_policy([PCR]))  # a sealed object holds at most 128 bytes


def test_an_unreachable_tpm_is_a_helpdesk_error() -> None:
    with pytest.raises(PlatformRefused) as refused:
        Tpm("swtpm:host=127.0.0.1,port=1")
    assert refused.value.key == "platform.tpm_unavailable" and refused.value.fixer is Fixer.HELPDESK


# --- policies ---


@pytest.mark.parametrize(
    "values",
    [
        (),
        ((11, bytes(32)), (7, bytes(32))),  # not ascending
        ((7, bytes(32)), (7, bytes(32))),  # twice
        ((24, bytes(32)),),  # no such PCR
        ((7, bytes(20)),),  # a SHA-1 value
    ],
)
def test_a_malformed_policy_is_a_programming_error(values: tuple[tuple[int, bytes], ...]) -> None:
    with pytest.raises(ValueError):
        PcrPolicy(values)


# --- expected values and the measurement ---


def test_the_measurement_is_compared_with_the_signed_expected_values(test_pki: TestPki) -> None:
    fake = FakeTpm()
    fake.extend(11, b"the approved UKI")
    measured = measure(fake, software_version="0.1.0", cmdline=CMDLINE)
    assert measured.mode is Mode.TPM and measured.system_hash == ROOT_HASH
    assert measured.pcrs == {7: bytes(32).hex(), 11: fake.pcrs[11].hex()}
    expected = Expected(fake.read_pcrs(), "0.1.0", ROOT_HASH)
    signer = test_pki.signer("release")
    data = expected_json(expected)
    loaded = load_expected(data, signer.sign(data), signer.certificate)
    assert loaded == expected and loaded.policy() == fake.current_policy()
    check_expected(measured, loaded)

    fake.extend(11, b"one more thing")
    with pytest.raises(PlatformRefused) as refused:
        check_expected(measure(fake, software_version="0.1.0", cmdline=CMDLINE), loaded)
    assert refused.value.key == "platform.pcr_mismatch" and refused.value.params == {"pcrs": "11"}
    for other in (Measurement("0.2.0", ROOT_HASH, measured.pcrs, Mode.TPM), Measurement("0.1.0", "", measured.pcrs)):
        with pytest.raises(PlatformRefused, match=r"platform\.version_mismatch"):
            check_expected(other, loaded)


GOOD = expected_json(Expected({7: bytes(32), 11: bytes(32)}, "0.1.0", ROOT_HASH))


@pytest.mark.parametrize(
    ("data", "signed"),
    [
        (GOOD.replace(b"0.1.0", b"0.1.1"), GOOD),  # edited after signing
        (GOOD, GOOD + b" "),  # signature of something else
        (b"{}", b"{}"),  # signed, but not our format
        (b"\xff", b"\xff"),
        (GOOD.replace(b'"sha256"', b'"sha1"'), GOOD.replace(b'"sha256"', b'"sha1"')),
        (GOOD.replace(b'"11"', b'"99"'), GOOD.replace(b'"11"', b'"99"')),
    ],
)
def test_an_edited_or_damaged_expected_file_is_refused(test_pki: TestPki, data: bytes, signed: bytes) -> None:
    signer = test_pki.signer("release")
    with pytest.raises(PlatformRefused, match=r"platform\.expected_bad"):
        load_expected(data, signer.sign(signed), signer.certificate)


def test_the_expected_file_is_read_from_the_image_with_its_signature(tmp_path: Path, test_pki: TestPki) -> None:
    signer = test_pki.signer("release")
    data = expected_json(Expected({11: bytes(32)}, "0.1.0", ROOT_HASH))
    path, cert = tmp_path / "expected-pcrs.json", tmp_path / "release.pem"
    with pytest.raises(PlatformRefused, match=r"platform\.expected_missing"):
        read_expected(str(path), str(cert))
    path.write_bytes(data)
    (tmp_path / "expected-pcrs.json.sig").write_bytes(signer.sign(data))
    cert.write_bytes(b"not a certificate")
    with pytest.raises(PlatformRefused, match=r"platform\.expected_bad"):
        read_expected(str(path), str(cert))
    cert.write_bytes(pki.certificate_pem(signer.certificate))
    assert read_expected(str(path), str(cert)).system_hash == ROOT_HASH


def test_without_a_named_tpm_the_mode_is_development_and_says_so() -> None:
    measured = read_measurement("0.1.0", env={})
    assert measured == development_measurement("0.1.0")
    assert measured.mode is Mode.DEVELOPMENT and measured.system_hash == "" and not measured.pcrs
    assert measured.as_record() == {"software_version": "0.1.0", "system_hash": "", "pcrs": {}, "mode": "development"}


def test_with_a_named_tpm_the_measurement_comes_from_it(swtpm: str, tmp_path: Path) -> None:
    cmdline = tmp_path / "cmdline"
    cmdline.write_text(CMDLINE)
    measured = read_measurement("0.1.0", env={"TABULA_TPM": swtpm}, cmdline_path=str(cmdline))
    assert measured.mode is Mode.TPM and measured.system_hash == ROOT_HASH
    assert measured.as_record()["pcrs"] == {"7": "00" * 32, "11": "00" * 32}


@pytest.mark.parametrize(
    ("cmdline", "expected"),
    [
        (CMDLINE, ROOT_HASH),
        (f"roothash={ROOT_HASH.upper()}", ROOT_HASH),
        (f"usrhash={ROOT_HASH} ro", ROOT_HASH),
        ("root=/dev/sda1 ro", ""),
        (f"xroothash={ROOT_HASH}", ""),
        (f"roothash={ROOT_HASH}0", ""),
    ],
)
def test_the_system_hash_is_the_verity_root_hash_on_the_kernel_command_line(cmdline: str, expected: str) -> None:
    assert system_hash_from_cmdline(cmdline) == expected


def test_every_platform_refusal_has_a_text_in_every_language() -> None:
    source = Path(tpm_module.__file__).read_text(encoding="utf-8")
    keys = set(re.findall(r'PlatformRefused\("([a-z_.]+)"', source))
    assert keys >= {"platform.state_changed", "platform.pcr_mismatch", "platform.tpm_unavailable"}
    for key in keys | {"platform.identity", "platform.development", "platform.unverified"}:
        assert set(LANGUAGES) <= set(catalogue()[key]), key


def test_the_image_builds_expected_file_is_one_the_app_reads(tmp_path: Path, test_pki: TestPki) -> None:
    # image/record.py writes expected-pcrs.json with the standard library only; it must stay the app's format
    root = Path(__file__).resolve().parents[2]
    pcr11, pcr7 = "a1" * 32, "B7" * 32
    data = subprocess.run(
        [sys.executable, str(root / "image" / "record.py"), "expected", "--version", "0.1.0", "--system-hash",
         ROOT_HASH.upper(), "--pcr", f"11={pcr11}", "--pcr", f"7={pcr7}"],
        check=True, capture_output=True,
    ).stdout
    signer = test_pki.signer("release")
    expected = load_expected(data, signer.sign(data), signer.certificate)
    assert expected == Expected({7: bytes.fromhex(pcr7), 11: bytes.fromhex(pcr11)}, "0.1.0", ROOT_HASH)
    assert data == expected_json(expected)


def test_the_security_log_records_the_measurement_and_is_sealed_through_the_tpm(
    swtpm: str, tmp_path: Path, test_pki: TestPki
) -> None:
    from app.seclog import EventType, SecurityLog, verify_log

    key, signer = bureau(test_pki, "A-007")
    path = tmp_path / "security-log.jsonl"
    log = SecurityLog(path, system="tabula")
    with Tpm(swtpm) as tpm:
        measured = measure(tpm, software_version="0.1.0", cmdline=CMDLINE)
        record = log.record(EventType.PLATFORM_MEASURED, "A-007", measured.as_detail())
        policy = tpm.current_policy([7, PCR])
        log.seal(tpm.signer(tpm.import_key(key, policy), signer.certificate, signer.chain, policy), "A-007")
    assert record.detail == {
        "software_version": "0.1.0", "system_hash": ROOT_HASH, "mode": "tpm", "pcr7": "00" * 32, "pcr11": "00" * 32
    }
    assert verify_log(path.read_bytes(), signer.certificate) == []
