"""The TPM at login (X2, issue 10): on the appliance the bureau key moves into the TPM under the image's expected PCR
policy and every signature of the session goes through it; a refused platform is logged and decrypts nothing; the
connection is closed (its objects flushed) at shut-down. Against the in-memory `FakeTpm`, and once against swtpm."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.counting.model import Language, Station, StationId
from app.errors import Fixer
from app.i18n import LANGUAGES, describe_error
from app.platform.measurement import Measurement, Mode
from app.platform.tpm import (
    BOOT_PCRS,
    Expected,
    FakeTpm,
    FakeTpmSigner,
    PlatformRefused,
    Tpm,
    TpmSigner,
    measure,
    read_measurement,
)
from app.seclog import SecurityLog
from app.signing import pki
from app.signing.signer import KeySigner
from app.station_login import LoadedStation, protect_key
from app.ui.backend import Platform, StickBackend, device_tpm
from tests.conftest import TestPki
from tests.contract_fixtures import PASSWORD, Master, build_test_master
from tests.platform.conftest import swtpm  # noqa: F401  # the software TPM fixture, one per test
from tests.ui.conftest import small_election

ROOT_HASH = "ab" * 32
CMDLINE = f"roothash={ROOT_HASH}"
DATA = b"<Count>510</Count>"


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Master:
    return build_test_master(tmp_path_factory.mktemp("master"))


def approved(fake: FakeTpm) -> Platform:
    """An appliance in its approved state: the image predicts exactly what the fake TPM measures."""
    fake.extend(11, b"the approved UKI")
    expected = Expected(fake.read_pcrs(BOOT_PCRS), "0.1.0", ROOT_HASH)
    return Platform(
        measure=lambda: measure(fake, software_version="0.1.0", cmdline=CMDLINE),
        open_tpm=lambda: fake,
        expected=lambda: expected,
    )


def kiosk_backend(master: Master, tmp_path: Path, platform: Platform, **kwargs: object) -> StickBackend:
    log = SecurityLog(tmp_path / "kiosk-log.jsonl", system="kiosk")
    return StickBackend(
        master.stick(tmp_path / "stick"),
        master.root_pem,
        tmp_path / "state",
        security_log=log,
        platform=platform,
        **kwargs,  # type: ignore[arg-type]
    )


def log_lines(tmp_path: Path) -> list[dict[str, object]]:
    path = tmp_path / "kiosk-log.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def no_progress(_fraction: float, _step: str) -> None:
    pass


def test_on_the_appliance_the_bureau_key_signs_only_through_the_tpm_until_the_boot_chain_changes(
    master: Master, tmp_path: Path
) -> None:
    fake = FakeTpm()
    backend = kiosk_backend(master, tmp_path, approved(fake))
    loaded = backend.login("A-001", PASSWORD, no_progress)
    assert isinstance(loaded, LoadedStation) and isinstance(loaded.signer, FakeTpmSigner)
    assert loaded.signer.policy == fake.current_policy()  # bound to the image's expected values
    assert loaded.provenance.measurement.mode is Mode.TPM and loaded.provenance.measurement.system_hash == ROOT_HASH
    assert loaded.provenance.training is False
    pki.verify_bytes(loaded.chain[0], loaded.signer.sign(DATA), DATA)
    assert backend.tpm is fake and not fake.closed  # kept open for the session

    fake.extend(11, b"a kernel nobody approved")
    with pytest.raises(PlatformRefused, match=r"platform\.state_changed"):
        loaded.signer.sign(DATA)

    backend.close_platform()  # the kiosk's shut-down
    assert fake.closed and backend.tpm is None
    backend.close_platform()  # twice is harmless


def test_a_training_login_without_tpm_is_marked_training_and_development(master: Master, tmp_path: Path) -> None:
    development = Measurement("0.1.0", "", {}, Mode.DEVELOPMENT)

    def never() -> FakeTpm:
        raise AssertionError("development mode opens no TPM")

    backend = kiosk_backend(master, tmp_path, Platform(measure=lambda: development, open_tpm=never), training=True)
    loaded = backend.login("A-001", PASSWORD, no_progress)
    assert isinstance(loaded, LoadedStation) and isinstance(loaded.signer, KeySigner)
    assert loaded.provenance.training is True and loaded.provenance.measurement == development
    session = backend.open_session(loaded)
    assert session.station.id == "A-001"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refused_platform_is_logged_and_decrypts_nothing(master: Master, tmp_path: Path, language: str) -> None:
    def refused() -> Measurement:
        raise PlatformRefused("platform.pcr_mismatch", pcrs="11")

    backend = kiosk_backend(master, tmp_path, Platform(measure=refused))
    steps: list[str] = []
    with pytest.raises(PlatformRefused) as error:
        backend.login("A-001", PASSWORD, lambda _f, step: steps.append(step))
    assert steps == ["auth.step.manifest"]  # no bundle read, no password tried
    assert backend.throttle.failures == 0  # not a wrong password: no wait for the next try
    text = describe_error(error.value, language)
    assert "PCR 11" in text and "helpdesk" in text.lower() and error.value.fixer is Fixer.HELPDESK
    failed, refused = log_lines(tmp_path)
    assert failed["event"] == "login.failed"
    assert failed["detail"] == {
        "station": "A-001",
        "reason": "platform_refused",
        "problem": "platform.pcr_mismatch",
        "pcrs": "11",
    }
    assert refused["event"] == "platform.refused"
    assert refused["detail"] == {"key": "platform.pcr_mismatch", "when": "login"}


def test_a_tpm_that_will_not_sign_in_this_state_refuses_the_login_and_keeps_nothing(
    master: Master, tmp_path: Path
) -> None:
    fake = FakeTpm()
    platform = approved(fake)
    fake.extend(7, b"secure boot turned off after the measurement was read")
    backend = kiosk_backend(master, tmp_path, platform)
    with pytest.raises(PlatformRefused, match=r"platform\.state_changed"):
        backend.login("A-001", PASSWORD, no_progress)
    assert fake.closed and backend.tpm is None
    events = [(e["event"], e["detail"].get("problem") or e["detail"].get("key")) for e in log_lines(tmp_path)]  # type: ignore[attr-defined]
    assert events == [("login.failed", "platform.state_changed"), ("platform.refused", "platform.state_changed")]


def test_an_unreachable_tpm_refuses_the_login(master: Master, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeTpm()
    monkeypatch.setenv("TABULA_TPM", "swtpm:host=127.0.0.1,port=1")
    platform = approved(fake)
    backend = kiosk_backend(master, tmp_path, Platform(measure=platform.measure, expected=platform.expected))
    assert backend.platform.open_tpm is device_tpm
    with pytest.raises(PlatformRefused, match=r"platform\.tpm_unavailable"):
        backend.login("A-001", PASSWORD, no_progress)


def test_a_second_login_closes_the_first_bureaus_tpm_connection(master: Master, tmp_path: Path) -> None:
    first, second = FakeTpm(), FakeTpm()
    connections = iter([first, second])
    platform = approved(first)
    second.pcrs = dict(first.pcrs)
    backend = kiosk_backend(master, tmp_path, Platform(platform.measure, lambda: next(connections), platform.expected))
    backend.login("A-001", PASSWORD, no_progress)
    backend.login("A-002", PASSWORD, no_progress)
    assert first.closed and backend.tpm is second and not second.closed


def test_a_signer_without_a_key_to_move_is_refused(test_pki: TestPki) -> None:
    fake = FakeTpm()
    signer = test_pki.signer("A-001")
    policy = fake.current_policy()
    held = fake.signer(fake.import_key(signer.key, policy), signer.certificate, signer.chain, policy)
    election = small_election()
    station = Station(StationId("A-001"), "Zuid", election.code, election.constituency, Language.NL)
    loaded = LoadedStation(station, election, held, (*signer.chain, test_pki.root.certificate))
    with pytest.raises(PlatformRefused, match=r"platform\.key_unsupported"):
        protect_key(loaded, fake, policy)


def test_the_login_binds_the_key_in_a_software_tpm_and_shutdown_flushes_it(
    master: Master,
    tmp_path: Path,
    swtpm: str,  # noqa: F811  # the fixture imported above
) -> None:
    cmdline = tmp_path / "cmdline"
    cmdline.write_text(CMDLINE)
    measured = read_measurement("0.1.0", env={"TABULA_TPM": swtpm}, cmdline_path=str(cmdline))
    expected = Expected({i: bytes.fromhex(v) for i, v in measured.pcrs.items()}, "0.1.0", ROOT_HASH)
    platform = Platform(measure=lambda: measured, open_tpm=lambda: Tpm(swtpm), expected=lambda: expected)
    backend = kiosk_backend(master, tmp_path, platform)
    loaded = backend.login("A-001", PASSWORD, no_progress)
    assert isinstance(loaded, LoadedStation) and isinstance(loaded.signer, TpmSigner)
    pki.verify_bytes(loaded.chain[0], loaded.signer.sign(DATA), DATA)
    tpm = backend.tpm
    assert isinstance(tpm, Tpm) and len(tpm.transient_handles()) == 2  # the storage root key and the bureau key

    tpm.extend(11, b"\x11" * 32)  # the boot chain is no longer the approved one
    with pytest.raises(PlatformRefused, match=r"platform\.state_changed"):
        loaded.signer.sign(DATA)
    assert tpm.session_handles() == []  # the refused policy session was flushed too

    backend.close_platform()
    assert backend.tpm is None and tpm._ectx is None
