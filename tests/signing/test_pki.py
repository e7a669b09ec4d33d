"""The authority's PKI (P1, P4): certificate profile, key storage, signatures and chain verification."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import NameOID

from app.errors import BadInput, UntrustedData
from app.signing import pki
from tests.conftest import NOW

if TYPE_CHECKING:
    from tests.conftest import TestPki


def test_ca_certificates_carry_the_v3_extensions(test_pki: TestPki) -> None:
    root, issuing = test_pki.root.certificate, test_pki.issuing.certificate
    assert root.version is x509.Version.v3
    assert root.extensions.get_extension_for_class(x509.BasicConstraints).value.path_length == 1
    assert issuing.extensions.get_extension_for_class(x509.BasicConstraints).value.path_length == 0
    assert issuing.extensions.get_extension_for_class(x509.KeyUsage).value.key_cert_sign
    aki = issuing.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert aki.key_identifier == ski.digest


def test_bureau_certificate_chains_to_root_and_names_the_bureau(test_pki: TestPki) -> None:
    signer = test_pki.signer("A-001")
    got = pki.verify_station_certificate(
        signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate, NOW
    )
    assert got == "A-001"
    pki.verify_issuing_ca(test_pki.issuing.certificate, test_pki.root.certificate, NOW)


def test_certificate_from_another_root_is_untrusted(test_pki: TestPki) -> None:
    other_root = pki.make_root_ca(NOW)
    other_issuing = pki.make_issuing_ca(other_root, NOW)
    foreign = pki.make_station_certificate(other_issuing, "A-001", NOW)
    with pytest.raises(UntrustedData) as caught:
        pki.verify_station_certificate(foreign.certificate, other_issuing.certificate, test_pki.root.certificate, NOW)
    assert caught.value.key == "pki.untrusted_certificate"
    with pytest.raises(UntrustedData):
        pki.verify_issuing_ca(other_issuing.certificate, test_pki.root.certificate, NOW)


@pytest.mark.parametrize("at", [NOW - dt.timedelta(days=1), NOW + dt.timedelta(days=181)], ids=["before", "after"])
def test_certificate_outside_its_validity_is_untrusted(test_pki: TestPki, at: dt.datetime) -> None:
    signer = test_pki.signer("A-001")
    with pytest.raises(UntrustedData):
        pki.verify_station_certificate(signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate, at)


def test_a_ca_certificate_is_not_accepted_as_a_bureau_and_vice_versa(test_pki: TestPki) -> None:
    root, issuing = test_pki.root.certificate, test_pki.issuing.certificate
    with pytest.raises(UntrustedData):
        pki.verify_station_certificate(issuing, issuing, root, NOW)
    leaf = test_pki.signer("A-001").certificate
    with pytest.raises(UntrustedData):
        pki.verify_issuing_ca(leaf, root, NOW)


def test_certificate_without_common_name_has_no_bureau_identity(test_pki: TestPki) -> None:
    key = pki.new_key()
    issuing = test_pki.issuing
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "nobody")]))
        .issuer_name(issuing.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW)
        .not_valid_after(NOW + dt.timedelta(days=10))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(pki._signing_usage(), critical=True)
        .add_extension(pki._aki(issuing.certificate), critical=False)
        .sign(issuing.key, hashes.SHA256())
    )
    assert pki.station_id_of(cert) == ""
    with pytest.raises(UntrustedData):
        pki.verify_station_certificate(cert, issuing.certificate, test_pki.root.certificate, NOW)


@pytest.mark.parametrize("key_type", list(pki.KeyType))
def test_detached_signatures_verify_and_detect_changes(test_pki: TestPki, key_type: pki.KeyType) -> None:
    root = pki.make_root_ca(NOW, key_type=key_type) if key_type is pki.KeyType.RSA_3072 else test_pki.root
    signature = pki.sign_bytes(root.key, b"manifest")
    pki.verify_bytes(root.certificate, signature, b"manifest")
    with pytest.raises(UntrustedData) as caught:
        pki.verify_bytes(root.certificate, signature, b"manifest!")
    assert caught.value.key == "pki.bad_signature"


def test_signature_by_unsupported_key_type_is_rejected(test_pki: TestPki) -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    cert = (
        x509.CertificateBuilder()
        .subject_name(test_pki.root.certificate.subject)
        .issuer_name(test_pki.root.certificate.subject)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(NOW)
        .not_valid_after(NOW + dt.timedelta(days=1))
        .sign(key, None)
    )
    with pytest.raises(UntrustedData):
        pki.verify_bytes(cert, key.sign(b"x"), b"x")


def test_encrypted_key_round_trip_and_wrong_passphrase(test_pki: TestPki) -> None:
    pem = pki.encrypt_private_key(test_pki.issuing.key, b"correct horse battery")
    assert pem.startswith(b'{"cipher":"AES-256-GCM"') and b"BEGIN" not in pem
    key = pki.decrypt_private_key(pem, b"correct horse battery")
    assert pki.key_matches_certificate(key, test_pki.issuing.certificate)
    assert not pki.key_matches_certificate(key, test_pki.root.certificate)
    with pytest.raises(BadInput) as caught:
        pki.decrypt_private_key(pem, b"wrong")
    assert caught.value.key == "ca.bad_passphrase"


def test_unsupported_or_damaged_keys_are_untrusted() -> None:
    from cryptography.hazmat.primitives import serialization

    der = ed25519.Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    for data in (der, b"garbage"):
        with pytest.raises(UntrustedData) as caught:
            pki.private_key_from_der(data)
        assert caught.value.key == "pki.bad_key"


def test_certificate_loading(test_pki: TestPki) -> None:
    pem = pki.certificate_pem(test_pki.root.certificate) + pki.certificate_pem(test_pki.issuing.certificate)
    assert len(pki.load_certificates(pem)) == 2
    for bad in (pem, b"not a certificate"):
        with pytest.raises(UntrustedData) as caught:
            pki.load_certificate(bad)
        assert caught.value.key == "pki.bad_certificate"


def test_ca_keys_are_sealed_with_the_costly_argon2id_by_default(test_pki: TestPki) -> None:
    """Not PKCS#8's PBKDF2 with 2,048 iterations: 512 MiB, 3 passes, recorded in the file and authenticated."""
    import json

    from app.signing import keyfile

    sealed = keyfile.seal_key(b"secret der", b"a long passphrase", keyfile.KdfParams(512 * 1024, 3, 2))
    header = json.loads(sealed.partition(b"\n")[0])
    assert header["kdf"]["memory_kib"] == 512 * 1024 and header["kdf"]["iterations"] == 3
    assert keyfile.open_key(sealed, b"a long passphrase") == b"secret der"
    tampered = sealed.replace(b'"iterations":3', b'"iterations":1')
    with pytest.raises(BadInput):
        keyfile.open_key(tampered, b"a long passphrase")
    assert keyfile.CA_KDF.memory_kib == 8  # the tests' cheap stand-in (conftest); the real one is checked below


def test_the_real_ca_kdf_is_the_documented_one() -> None:
    import importlib

    from app.signing import keyfile

    fresh = importlib.reload(keyfile)
    assert (fresh.CA_KDF.memory_kib, fresh.CA_KDF.iterations, fresh.CA_KDF.lanes) == (512 * 1024, 3, 2)
