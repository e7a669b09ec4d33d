"""manifest.p7s: a detached CMS signature over the exact manifest bytes, through the Signer port."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess  # nosec B404 - openssl, the independent verifier of the contract
from pathlib import Path

import pytest
from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from app.errors import UntrustedData
from app.signing import ecdsa, pki
from app.signing.cms import sign_detached, verify_detached
from app.signing.signer import KeySigner
from tests.conftest import NOW, TestPki

MANIFEST = b'{\n  "files": {},\n  "station": "A-001",\n  "version": 1\n}\n'
LATER = NOW + dt.timedelta(hours=2)


def test_signature_verifies_and_names_the_bureau(test_pki: TestPki) -> None:
    signer = test_pki.signer("A-001")
    p7s = sign_detached(MANIFEST, signer)
    certificate, carried = verify_detached(p7s, MANIFEST, test_pki.root.certificate, LATER)
    assert certificate == signer.certificate and set(carried) == set(signer.chain)  # bureau and issuing CA


@dataclasses.dataclass(frozen=True)
class HighSigner:
    """A key holder that returns the high form of every ECDSA signature (a TPM may give either half)."""

    inner: KeySigner

    @property
    def certificate(self) -> x509.Certificate:
        return self.inner.certificate

    @property
    def chain(self) -> tuple[x509.Certificate, ...]:
        return self.inner.chain

    def sign(self, data: bytes) -> bytes:
        r, s = decode_dss_signature(self.inner.sign(data))
        n = ecdsa.curve_order(self.certificate.public_key())  # type: ignore[arg-type]
        return encode_dss_signature(r, max(s, n - s))


def test_the_appliance_writes_low_s_whatever_the_key_holder_returns(test_pki: TestPki) -> None:
    p7s = sign_detached(MANIFEST, HighSigner(test_pki.signer("A-001")))
    assert verify_detached(p7s, MANIFEST, test_pki.root.certificate, LATER)[0] == test_pki.signer("A-001").certificate


def test_openssl_verifies_it(test_pki: TestPki, tmp_path: Path) -> None:
    if shutil.which("openssl") is None:  # pragma: no cover - scripts/setup.sh installs it
        pytest.fail("openssl is missing: ./scripts/setup.sh installs the tools the tests need")
    signer = test_pki.signer("A-001")
    (tmp_path / "manifest.json").write_bytes(MANIFEST)
    (tmp_path / "manifest.p7s").write_bytes(sign_detached(MANIFEST, signer))
    (tmp_path / "root.pem").write_bytes(pki.certificate_pem(test_pki.root.certificate))
    command = ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.p7s"]
    command += ["-content", "manifest.json", "-CAfile", "root.pem", "-purpose", "any", "-out", "/dev/null"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=30, check=False)  # nosec B603
    assert done.returncode == 0, done.stderr


def _with_s(p7s: bytes, change: object) -> bytes:
    info = asn1_cms.ContentInfo.load(p7s)
    signer_info = info["content"]["signer_infos"][0]
    r, s = decode_dss_signature(signer_info["signature"].native)
    signer_info["signature"] = encode_dss_signature(r, change(s))  # type: ignore[operator]
    return bytes(info.dump(force=True))


def test_high_s_is_refused_although_it_verifies_mathematically(test_pki: TestPki) -> None:
    signer = test_pki.signer("A-001")
    p7s = sign_detached(MANIFEST, signer)
    n = ecdsa.curve_order(signer.certificate.public_key())  # type: ignore[arg-type]
    with pytest.raises(UntrustedData) as info:
        verify_detached(_with_s(p7s, lambda s: n - s), MANIFEST, test_pki.root.certificate, LATER)
    assert info.value.key == "signature.not_canonical"


@pytest.mark.parametrize(
    ("name", "damage", "key"),
    [
        ("another_manifest", lambda p7s: p7s, "cms.other_content"),
        ("a_byte_appended", lambda p7s: p7s + b"\0", "cms.malformed"),
        ("not_der", lambda p7s: b"\x30\x80" + p7s[2:], "cms.malformed"),
        ("garbage", lambda p7s: b"not a signature", "cms.malformed"),
        ("empty", lambda p7s: b"", "cms.malformed"),
        ("huge", lambda p7s: p7s + bytes(70_000), "cms.too_large"),
        ("signature_value_changed", lambda p7s: _with_s(p7s, lambda s: s - 1), "cms.bad_signature"),
    ],
)
def test_a_damaged_signature_is_refused(test_pki: TestPki, name: str, damage: object, key: str) -> None:
    p7s = damage(sign_detached(MANIFEST, test_pki.signer("A-001")))  # type: ignore[operator]
    content = MANIFEST.replace(b"A-001", b"A-002") if name == "another_manifest" else MANIFEST
    with pytest.raises(UntrustedData) as info:
        verify_detached(p7s, content, test_pki.root.certificate, LATER)
    assert info.value.key == key


def test_a_key_outside_the_authoritys_pki_is_untrusted(test_pki: TestPki) -> None:
    other_root = pki.make_root_ca(NOW)
    other = pki.make_station_certificate(pki.make_issuing_ca(other_root, NOW), "A-001", NOW)
    signer = KeySigner(other.key, other.certificate, (other.certificate,))
    with pytest.raises(UntrustedData) as info:
        verify_detached(sign_detached(MANIFEST, signer), MANIFEST, test_pki.root.certificate, LATER)
    assert info.value.key == "xmldsig.untrusted_chain"


def test_an_rsa_bureau_key_signs_too(test_pki: TestPki) -> None:
    station = pki.make_station_certificate(test_pki.issuing, "A-009", NOW, key_type=pki.KeyType.RSA_3072)
    signer = KeySigner(station.key, station.certificate, (station.certificate, test_pki.issuing.certificate))
    p7s = sign_detached(MANIFEST, signer)
    assert verify_detached(p7s, MANIFEST, test_pki.root.certificate, LATER)[0] == station.certificate
