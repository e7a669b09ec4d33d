"""The station's login from the master stick (S2, P2, X5): verification, decryption, tampering, throttling."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from cryptography import x509

from app import station_login
from app.counting.model import ElectionCode, Language, Station, StationId
from app.election_json import dumps, election_to_dict, station_to_dict
from app.errors import BadInput, Fixer, UntrustedData
from app.i18n import catalogue, describe_error
from app.signing import bundle, pki
from app.station_login import LoginFailure, LoginThrottle
from tests.conftest import NOW
from tests.provisioning.helpers import ANTWERP, SPECIAL_NAMES, build, reference_rows, special_rows
from tests.reference import chamber_2024

if TYPE_CHECKING:
    from tests.conftest import TestPki

STATIONS = [
    ("A-001", "Telbureau Antwerpen 1", "CK", ANTWERP, "nl"),
    ("A-002", "Bureau Anvers 2", "CK", ANTWERP, "fr"),
    ("V-001", "Telbureau Vlaams 1", "VL", "Antwerpen", "nl"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, test_pki: TestPki) -> tuple[Path, dict[str, str]]:
    tmp = tmp_path_factory.mktemp("login")
    passwords = build(tmp, test_pki, STATIONS, [*reference_rows(), *special_rows()])
    return tmp / "master", passwords


@pytest.fixture
def stick(built: tuple[Path, dict[str, str]], tmp_path: Path) -> Path:
    """A fresh copy of the master for a test to tamper with."""
    return shutil.copytree(built[0], tmp_path / "stick")


@pytest.fixture
def passwords(built: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return built[1]


def root_of(test_pki: TestPki) -> x509.Certificate:
    return test_pki.root.certificate


def load(stick: Path, test_pki: TestPki, station: str, password: str, **kwargs: object) -> station_login.LoadedStation:
    return station_login.load_station(stick, root_of(test_pki), station, password, NOW, **kwargs)  # type: ignore[arg-type]


# --- the good path ---


def test_login_loads_station_election_and_a_working_signer(
    stick: Path, test_pki: TestPki, passwords: dict[str, str]
) -> None:
    loaded = load(stick, test_pki, "A-002", passwords["A-002"])
    assert loaded.station.id == "A-002" and loaded.station.language.value == "fr"
    assert loaded.election.code is ElectionCode.CK and loaded.election.constituency == ANTWERP
    assert len(loaded.election.lists) == 12
    assert [pki.station_id_of(c) for c in loaded.chain] == ["A-002", "Tabula Issuing CA", "Tabula Root CA"]
    assert loaded.signer.chain == loaded.chain[:2]
    pki.verify_bytes(loaded.signer.certificate, loaded.signer.sign(b"results"), b"results")


def test_candidate_names_round_trip_byte_exact(stick: Path, test_pki: TestPki, passwords: dict[str, str]) -> None:
    flemish = load(stick, test_pki, "V-001", passwords["V-001"]).election
    assert tuple(c.name.encode() for c in flemish.lists[0].titulars) == tuple(n.encode() for n in SPECIAL_NAMES)
    chamber = load(stick, test_pki, "A-001", passwords["A-001"]).election
    expected = {(int(r[2]), r[4], int(r[5])): r[6] for r in reference_rows()}
    got = {
        (int(c.list_number), c.kind.value, int(c.position)): c.name
        for lst in chamber.lists
        for c in (*lst.titulars, *lst.successors)
    }
    assert got == expected


def test_bureaus_are_listed_from_the_signed_manifest(stick: Path, test_pki: TestPki) -> None:
    master = station_login.open_stick(stick, root_of(test_pki), NOW)
    assert [(b.station, b.language.value) for b in master.bureaus] == [
        ("A-001", "nl"),
        ("A-002", "fr"),
        ("V-001", "nl"),
    ]
    assert all(b.file.startswith("bundles/") and len(b.file) <= 20 for b in master.bureaus)


def test_progress_is_reported_in_order_with_known_step_keys(
    stick: Path, test_pki: TestPki, passwords: dict[str, str]
) -> None:
    steps: list[tuple[float, str]] = []
    load(stick, test_pki, "A-001", passwords["A-001"], progress=lambda f, k: steps.append((f, k)))
    fractions = [f for f, _ in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert all(key in catalogue() for _, key in steps)


def test_nothing_secret_or_personal_is_in_clear_on_the_stick(stick: Path) -> None:
    clear = b"".join(p.read_bytes() for p in stick.rglob("*") if p.is_file())
    for name in (*SPECIAL_NAMES, "Vereeck Lode"):
        assert name.encode() not in clear
    assert b"PRIVATE KEY" not in clear
    assert all(p.name.isascii() and len(p.name) <= 12 for p in stick.rglob("*"))


# --- wrong passwords (X5) ---


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_wrong_password_is_bad_input_logged_and_slowed_down_more_each_time(
    stick: Path, test_pki: TestPki, passwords: dict[str, str]
) -> None:
    fake = FakeTime()
    throttle = LoginThrottle(clock=fake.clock, sleep=fake.sleep)
    failures: list[LoginFailure] = []
    master = station_login.open_stick(stick, root_of(test_pki), NOW)
    for _ in range(5):
        with pytest.raises(BadInput) as caught:
            station_login.login(master, "A-001", "WRONG-PASSWORD", NOW, throttle=throttle, on_failure=failures.append)
        assert caught.value.key == "auth.wrong_password" and caught.value.fixer is Fixer.BUREAU
    assert [f.failures for f in failures] == [1, 2, 3, 4, 5]
    assert all(f.reason == "wrong_password" and f.station == "A-001" for f in failures)
    assert [f.next_delay_s for f in failures] == [0, 0, 2, 4, 8]
    assert fake.slept == [2, 4]  # waits before attempts 4 and 5
    fake.now += 3  # time that passed (reading the letter again) counts towards the wait
    station_login.login(master, "A-001", passwords["A-001"], NOW, throttle=throttle)
    assert fake.slept == [2, 4, 5]
    assert throttle.failures == 0 and throttle.remaining() == 0


def test_unknown_station_counts_as_a_failed_login(stick: Path, test_pki: TestPki) -> None:
    failures: list[LoginFailure] = []
    with pytest.raises(BadInput) as caught:
        load(stick, test_pki, "Z-999", "x", on_failure=failures.append)
    assert caught.value.key == "auth.unknown_station"
    assert failures[0].reason == "unknown_station"


def test_throttle_delay_is_capped() -> None:
    throttle = LoginThrottle()
    assert [throttle.delay_after(n) for n in (0, 2, 3, 4)] == [0, 0, 2, 4]
    assert throttle.delay_after(50) == throttle.cap_s


def test_password_of_another_bureau_does_not_open(stick: Path, test_pki: TestPki, passwords: dict[str, str]) -> None:
    with pytest.raises(BadInput):
        load(stick, test_pki, "A-001", passwords["A-002"])


# --- tampering: every row must end in UntrustedData telling to call the helpdesk ---

# A tampering returns the password its forged bundle opens with, or None to use the bureau's real one.
Tamper = Callable[[Path, "TestPki"], str | None]


def _bundle_of(stick: Path, station: str) -> Path:
    manifest = json.loads((stick / "master.json").read_bytes())
    return stick / str(next(b["file"] for b in manifest["bureaus"] if b["station"] == station))


def flip_byte(stick: Path, _: TestPki) -> str | None:
    path = _bundle_of(stick, "A-001")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40
    path.write_bytes(bytes(data))
    return None


def swap_bundles(stick: Path, _: TestPki) -> str | None:
    a, b = _bundle_of(stick, "A-001"), _bundle_of(stick, "A-002")
    data_a, data_b = a.read_bytes(), b.read_bytes()
    a.write_bytes(data_b)
    b.write_bytes(data_a)
    return None


def truncate_bundle(stick: Path, _: TestPki) -> str | None:
    path = _bundle_of(stick, "A-001")
    path.write_bytes(path.read_bytes()[:-100])
    return None


def delete_bundle(stick: Path, _: TestPki) -> str | None:
    _bundle_of(stick, "A-001").unlink()
    return None


def _edit_manifest(stick: Path, edit: Callable[[dict[str, object]], None]) -> bytes:
    manifest = json.loads((stick / "master.json").read_bytes())
    edit(manifest)
    data = json.dumps(manifest).encode()
    (stick / "master.json").write_bytes(data)
    return data


def swap_bundles_and_manifest_entries(stick: Path, test_pki: TestPki) -> str | None:
    def edit(manifest: dict[str, object]) -> None:
        bureaus = manifest["bureaus"]
        assert isinstance(bureaus, list)
        bureaus[0]["file"], bureaus[1]["file"] = bureaus[1]["file"], bureaus[0]["file"]
        bureaus[0]["sha256"], bureaus[1]["sha256"] = bureaus[1]["sha256"], bureaus[0]["sha256"]

    _edit_manifest(stick, edit)
    return None


def replace_manifest(stick: Path, _: TestPki) -> str | None:
    _edit_manifest(stick, lambda m: m.update(created="2020-01-01"))
    return None


def replace_signature(stick: Path, _: TestPki) -> str | None:
    other = pki.make_issuing_ca(pki.make_root_ca(NOW), NOW)
    (stick / "master.sig").write_bytes(pki.sign_bytes(other.key, (stick / "master.json").read_bytes()))
    return None


def remove_signature(stick: Path, _: TestPki) -> str | None:
    (stick / "master.sig").unlink()
    return None


def resign_with_foreign_ca(stick: Path, _: TestPki) -> str | None:
    other = pki.make_issuing_ca(pki.make_root_ca(NOW), NOW)
    (stick / "issuing.pem").write_bytes(pki.certificate_pem(other.certificate))
    (stick / "master.sig").write_bytes(pki.sign_bytes(other.key, (stick / "master.json").read_bytes()))
    return None


def garbage_issuing(stick: Path, _: TestPki) -> str | None:
    (stick / "issuing.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    return None


def _replace_bundle(stick: Path, test_pki: TestPki, station: str, payload: dict[str, object]) -> str:
    """Put a hand-made bundle in place and re-sign the manifest with the real issuing CA (a worst case)."""
    sealed = bundle.seal(station, dumps(payload), "PASSWORD", bundle.CHEAP_KDF)
    path = _bundle_of(stick, station)
    path.write_bytes(sealed)

    def edit(manifest: dict[str, object]) -> None:
        bureaus = manifest["bureaus"]
        assert isinstance(bureaus, list)
        for b in bureaus:
            if b["station"] == station:
                b["sha256"] = hashlib.sha256(sealed).hexdigest()

    data = _edit_manifest(stick, edit)
    (stick / "master.sig").write_bytes(pki.sign_bytes(test_pki.issuing.key, data))
    return "PASSWORD"


def _payload(test_pki: TestPki, issuing: pki.CertifiedKey, cn: str = "A-001", **changes: object) -> dict[str, object]:
    certified = pki.make_station_certificate(issuing, cn, NOW - dt.timedelta(days=1))
    station = Station(StationId("A-001"), "Telbureau Antwerpen 1", ElectionCode.CK, ANTWERP, Language.NL)
    election = election_to_dict(chamber_2024())
    election["constituency"] = ANTWERP
    payload: dict[str, object] = {
        "station": station_to_dict(station),
        "election": election,
        "key_pkcs8_der_hex": pki.private_key_der(certified.key).hex(),
        "chain_pem": (pki.certificate_pem(certified.certificate) + pki.certificate_pem(issuing.certificate)).decode(),
    }
    return payload | changes


def certificate_from_another_root(stick: Path, test_pki: TestPki) -> str | None:
    foreign = pki.make_issuing_ca(pki.make_root_ca(NOW - dt.timedelta(days=1)), NOW - dt.timedelta(days=1))
    return _replace_bundle(stick, test_pki, "A-001", _payload(test_pki, foreign))


def certificate_of_another_bureau(stick: Path, test_pki: TestPki) -> str | None:
    return _replace_bundle(stick, test_pki, "A-001", _payload(test_pki, test_pki.issuing, cn="A-002"))


def key_not_matching_certificate(stick: Path, test_pki: TestPki) -> str | None:
    other_key = pki.private_key_der(pki.new_key()).hex()
    return _replace_bundle(stick, test_pki, "A-001", _payload(test_pki, test_pki.issuing, key_pkcs8_der_hex=other_key))


def election_of_another_constituency(stick: Path, test_pki: TestPki) -> str | None:
    payload = _payload(test_pki, test_pki.issuing)
    election = payload["election"]
    assert isinstance(election, dict)
    payload["election"] = election | {"constituency": "Gent"}
    return _replace_bundle(stick, test_pki, "A-001", payload)


def payload_not_json(stick: Path, test_pki: TestPki) -> str | None:
    sealed = bundle.seal("A-001", b"\xff not json", "PASSWORD", bundle.CHEAP_KDF)
    _bundle_of(stick, "A-001").write_bytes(sealed)

    def edit(manifest: dict[str, object]) -> None:
        bureaus = manifest["bureaus"]
        assert isinstance(bureaus, list)
        bureaus[0]["sha256"] = hashlib.sha256(sealed).hexdigest()

    (stick / "master.sig").write_bytes(pki.sign_bytes(test_pki.issuing.key, _edit_manifest(stick, edit)))
    return "PASSWORD"


TAMPERING: list[tuple[Tamper, str]] = [
    (flip_byte, "master.tampered"),
    (swap_bundles, "master.tampered"),
    (truncate_bundle, "master.tampered"),
    (delete_bundle, "master.file_missing"),
    (swap_bundles_and_manifest_entries, "master.damaged"),
    (replace_manifest, "master.damaged"),
    (replace_signature, "master.damaged"),
    (remove_signature, "master.file_missing"),
    (resign_with_foreign_ca, "master.foreign"),
    (garbage_issuing, "master.damaged"),
    (certificate_from_another_root, "pki.untrusted_certificate"),
    (certificate_of_another_bureau, "bundle.wrong_station"),
    (key_not_matching_certificate, "bundle.damaged"),
    (election_of_another_constituency, "bundle.wrong_station"),
    (payload_not_json, "bundle.damaged"),
]


@pytest.mark.parametrize(("tamper", "key"), TAMPERING, ids=[t.__name__ for t, _ in TAMPERING])
def test_tampered_stick_is_untrusted_and_sends_to_the_helpdesk(
    stick: Path, test_pki: TestPki, passwords: dict[str, str], tamper: Tamper, key: str
) -> None:
    password = tamper(stick, test_pki) or passwords["A-001"]
    with pytest.raises(UntrustedData) as caught:
        load(stick, test_pki, "A-001", password)
    assert caught.value.key == key
    for language in ("nl", "fr", "de"):
        assert "helpdesk" in describe_error(caught.value, language).lower()


def test_stick_checked_with_another_root_is_untrusted(stick: Path) -> None:
    with pytest.raises(UntrustedData) as caught:
        station_login.open_stick(stick, pki.make_root_ca(NOW).certificate, NOW)
    assert caught.value.key == "master.foreign"


def test_a_master_that_is_not_valid_yet_or_any_more_says_so(stick: Path, test_pki: TestPki) -> None:
    with pytest.raises(UntrustedData) as caught:
        station_login.open_stick(stick, root_of(test_pki), NOW + dt.timedelta(days=40 * 365))
    assert caught.value.key == "pki.untrusted_certificate"  # the message speaks of this appliance's date


NEXT_STEP = {"nl": "andere kopie", "fr": "autre copie", "de": "andere kopie"}


@pytest.mark.filterwarnings("ignore")  # cryptography warns about some of the changed certificates it still reads
@pytest.mark.parametrize("file", ["issuing.pem", "master.json", "master.sig"])
def test_one_changed_byte_in_the_master_is_a_damaged_stick_never_a_crash(
    stick: Path, test_pki: TestPki, file: str
) -> None:
    """Every byte of the issuing certificate (and a spread of the manifest's and signature's), changed one at a time:
    the stick is refused with a message that names the next step, or (a change the PEM decoding does not see) it
    still verifies as the very same master."""
    path = stick / file
    data = path.read_bytes()
    genuine = station_login.open_stick(stick, root_of(test_pki), NOW)
    positions = range(len(data)) if file == "issuing.pem" else range(0, len(data), max(1, len(data) // 150))
    keys: set[str] = set()
    for position in positions:
        for flip in (0x01, 0x20):
            changed = bytearray(data)
            changed[position] ^= flip
            path.write_bytes(bytes(changed))
            try:
                master = station_login.open_stick(stick, root_of(test_pki), NOW)
            except UntrustedData as error:
                keys.add(error.key)
                for language, words in NEXT_STEP.items():
                    assert words in describe_error(error, language).lower(), (position, error)
            else:
                assert file == "issuing.pem", position
                assert (master.master_id, master.bureaus) == (genuine.master_id, genuine.bureaus)
    path.write_bytes(data)
    assert keys <= {"master.damaged", "master.foreign"}
    assert "master.damaged" in keys


@pytest.mark.parametrize(
    "manifest",
    [
        b"not json",
        b'{"format": "other"}',
        b'{"format": "tabula-master/1", "bureaus": {}}',
        b'{"format": "tabula-master/1", "bureaus": [{"station": "A"}]}',
        b'{"format": "tabula-master/1", "bureaus": [{"station": "A", "name": "n", "election": "CK", '
        b'"constituency": "c", "language": "nl", "file": "../etc/passwd", "sha256": "0"}]}',
    ],
    ids=["not json", "format", "bureaus not a list", "entry incomplete", "path outside bundles"],
)
def test_malformed_manifest_is_untrusted_even_when_signed(manifest: bytes) -> None:
    with pytest.raises(UntrustedData) as caught:
        station_login.parse_manifest(manifest)
    assert caught.value.key == "master.manifest_malformed"


@pytest.mark.parametrize("file", ["master.json", "issuing.pem", "master.sig"])
def test_an_oversized_file_on_the_stick_is_refused_without_reading_it_whole(
    stick: Path, test_pki: TestPki, file: str
) -> None:
    with (stick / file).open("r+b") as f:
        f.truncate(8 * 1024 * 1024 * 1024)  # a sparse 8 GB file: read whole, it would exhaust the kiosk's memory
    with pytest.raises(UntrustedData) as caught:
        station_login.open_stick(stick, root_of(test_pki), NOW)
    assert caught.value.key == "master.damaged" and caught.value.params == {"file": file, "cause": "too large"}
