"""Building the master (P1, P2, P5, S1): bundles, manifest, certificates, passwords; the CA folder."""

from __future__ import annotations

import datetime as dt
import json
import math
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from app import station_login
from app.errors import BadInput
from app.signing import bundle, pki
from provisioning import ca, csv_import, master, passwords
from tests.conftest import NOW
from tests.provisioning.helpers import (
    CANDIDATE_HEADER,
    STATION_HEADER,
    build,
    issuing_ca,
    special_rows,
    write_csv,
)

if TYPE_CHECKING:
    from tests.conftest import TestPki

STATIONS = [(f"V-{n:03d}", f"Telbureau {n}", "VL", "Antwerpen", "nl") for n in range(1, 6)]


def test_parallel_build_gives_one_working_bundle_per_bureau(tmp_path: Path, test_pki: TestPki) -> None:
    secrets_by_station = build(tmp_path, test_pki, STATIONS, special_rows(), workers=2)
    stick = station_login.open_stick(tmp_path / "master", test_pki.root.certificate, NOW)
    assert [b.station for b in stick.bureaus] == [s[0] for s in STATIONS]
    assert len({b.sha256 for b in stick.bureaus}) == len(STATIONS)
    for entry in stick.bureaus:
        loaded = station_login.login(stick, entry.station, secrets_by_station[entry.station], NOW)
        assert loaded.station.id == entry.station
    assert len(set(secrets_by_station.values())) == len(STATIONS)


def test_bureau_certificates_fit_inside_the_issuing_ca_and_allow_for_clock_drift(
    tmp_path: Path, test_pki: TestPki
) -> None:
    later = NOW + dt.timedelta(days=10)
    secrets_by_station = build(tmp_path, test_pki, STATIONS[:1], special_rows(), now=later)
    loaded = station_login.load_station(
        tmp_path / "master", test_pki.root.certificate, "V-001", secrets_by_station["V-001"], later
    )
    cert = loaded.signer.certificate
    assert cert.not_valid_before_utc == later - master.CLOCK_SLACK
    assert cert.not_valid_after_utc <= test_pki.issuing.certificate.not_valid_after_utc
    assert cert.extensions.get_extension_for_class(x509.KeyUsage).value.digital_signature


def test_manifest_is_signed_and_lists_elections(tmp_path: Path, test_pki: TestPki) -> None:
    build(tmp_path, test_pki, STATIONS[:2], special_rows())
    data = (tmp_path / "master" / "master.json").read_bytes()
    pki.verify_bytes(test_pki.issuing.certificate, (tmp_path / "master" / "master.sig").read_bytes(), data)
    manifest = json.loads(data)
    assert manifest["format"] == "tabula-master/1"
    assert manifest["elections"] == [{"code": "VL", "constituency": "Antwerpen"}]


def test_rsa_bureau_keys_work_too(tmp_path: Path, test_pki: TestPki) -> None:
    imported = csv_import.import_files(
        write_csv(tmp_path / "s.csv", STATION_HEADER, STATIONS[:1]),
        write_csv(tmp_path / "c.csv", CANDIDATE_HEADER, special_rows()),
    )
    result = master.build_master(
        issuing_ca(test_pki),
        imported,
        tmp_path / "m",
        NOW,
        kdf=bundle.CHEAP_KDF,
        workers=1,
        key_type=pki.KeyType.RSA_3072,
    )
    loaded = station_login.load_station(tmp_path / "m", test_pki.root.certificate, "V-001", result.passwords[0][1], NOW)
    assert isinstance(loaded.signer.key, rsa.RSAPrivateKey)


def test_output_folder_must_be_empty(tmp_path: Path, test_pki: TestPki) -> None:
    (tmp_path / "master").mkdir()
    (tmp_path / "master" / "old.txt").write_text("x")
    with pytest.raises(BadInput) as caught:
        build(tmp_path, test_pki, STATIONS[:1], special_rows())
    assert caught.value.key == "master.out_not_empty"


def test_issuing_ca_about_to_expire_is_refused(tmp_path: Path, test_pki: TestPki) -> None:
    with pytest.raises(BadInput) as caught:
        build(tmp_path, test_pki, STATIONS[:1], special_rows(), now=NOW + dt.timedelta(days=730))
    assert caught.value.key == "ca.expired"


def test_passwords_are_random_grouped_and_strong() -> None:
    made = {passwords.new_password() for _ in range(200)}
    assert len(made) == 200
    assert passwords.ENTROPY_BITS >= 100 > 80
    for password in made:
        groups = password.split("-")
        assert len(groups) == 4 and all(len(g) == 5 for g in groups)
        assert set("".join(groups)) <= set(bundle.PASSWORD_ALPHABET)
        assert bundle.normalise_password(password) == "".join(groups)
    assert len(bundle.PASSWORD_ALPHABET) == 32 and not set("ILOU") & set(bundle.PASSWORD_ALPHABET)
    assert math.log2(len(bundle.PASSWORD_ALPHABET)) == 5


def test_passwords_csv_and_secret_file_mode(tmp_path: Path) -> None:
    data = passwords.passwords_csv([("A-001", "AAAAA-BBBBB-CCCCC-DDDDD")])
    assert data == b"station,password\nA-001,AAAAA-BBBBB-CCCCC-DDDDD\n"
    path = tmp_path / "p.csv"
    path.write_bytes(b"")
    path.chmod(0o644)
    passwords.write_secret(path, data)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.read_bytes() == data


# --- the CA folder ---

PASS = b"correct horse battery staple"


def test_init_ca_writes_public_certificates_and_encrypted_keys(tmp_path: Path) -> None:
    ca.init_ca(tmp_path / "ca", PASS, NOW)
    folder = tmp_path / "ca"
    for name in (ca.ROOT_KEY, ca.ISSUING_KEY):
        assert b'"format":"tabula-ca-key/1"' in (folder / name).read_bytes().partition(b"\n")[0]
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    loaded = ca.load_issuing(folder, PASS, NOW)
    assert pki.station_id_of(loaded.issuing.certificate) == "Tabula Issuing CA"
    assert loaded.root.not_valid_after_utc - NOW >= dt.timedelta(days=3650 - 1)


def test_init_ca_with_rsa_keys(tmp_path: Path) -> None:
    ca.init_ca(tmp_path, PASS, NOW, pki.KeyType.RSA_3072)
    assert isinstance(ca.load_issuing(tmp_path, PASS, NOW).issuing.key, rsa.RSAPrivateKey)


@pytest.mark.parametrize(
    ("prepare", "passphrase", "key"),
    [
        (lambda d: None, b"short", "ca.weak_passphrase"),
        (lambda d: (d / ca.ROOT_CERT).write_text("x"), PASS, "ca.exists"),
    ],
    ids=["weak passphrase", "existing CA"],
)
def test_init_ca_refuses(tmp_path: Path, prepare: object, passphrase: bytes, key: str) -> None:
    assert callable(prepare)
    prepare(tmp_path)
    with pytest.raises(BadInput) as caught:
        ca.init_ca(tmp_path, passphrase, NOW)
    assert caught.value.key == key


@pytest.fixture(scope="module")
def ca_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ca")
    ca.init_ca(folder, PASS, NOW)
    return folder


def test_load_issuing_with_wrong_passphrase(ca_dir: Path) -> None:
    with pytest.raises(BadInput) as caught:
        ca.load_issuing(ca_dir, b"wrong passphrase", NOW)
    assert caught.value.key == "ca.bad_passphrase"


def test_load_issuing_with_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as caught:
        ca.load_issuing(tmp_path, PASS, NOW)
    assert caught.value.key == "ca.file_missing"


@pytest.mark.parametrize("broken", ["root replaced", "issuing garbage", "key of another CA", "expired"])
def test_load_issuing_with_an_inconsistent_ca(tmp_path: Path, ca_dir: Path, broken: str) -> None:
    import shutil

    folder = Path(shutil.copytree(ca_dir, tmp_path / "ca"))
    now = NOW
    if broken == "root replaced":
        (folder / ca.ROOT_CERT).write_bytes(pki.certificate_pem(pki.make_root_ca(NOW).certificate))
    elif broken == "issuing garbage":
        (folder / ca.ISSUING_CERT).write_bytes(b"garbage")
    elif broken == "key of another CA":
        (folder / ca.ISSUING_KEY).write_bytes((folder / ca.ROOT_KEY).read_bytes())
    else:
        now = NOW + dt.timedelta(days=800)
    with pytest.raises(BadInput) as caught:
        ca.load_issuing(folder, PASS, now)
    assert caught.value.key == "ca.invalid"
