"""The organising authority's PKI (requirement P1): root CA, issuing CA, one certificate per counting bureau.

Pure functions: the caller supplies the time (no clock reads here) and stores the results.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from app.signing.signer import PrivateKey


class KeyType(enum.Enum):
    EC_P256 = "ec-p256"
    RSA_3072 = "rsa-3072"


@dataclass(frozen=True)
class CertifiedKey:
    key: PrivateKey
    certificate: x509.Certificate


def new_key(key_type: KeyType = KeyType.EC_P256) -> PrivateKey:
    if key_type is KeyType.EC_P256:
        return ec.generate_private_key(ec.SECP256R1())
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _ca_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=True,
        encipher_only=False,
        decipher_only=False,
    )


def _signing_usage() -> x509.KeyUsage:
    # A bureau key signs results and nothing else: digitalSignature + contentCommitment (non-repudiation).
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def _builder(
    subject: x509.Name, issuer: x509.Name, public_key: object, not_before: dt.datetime, days: int
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)  # type: ignore[arg-type]
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_before + dt.timedelta(days=days))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)  # type: ignore[arg-type]
    )


def make_root_ca(
    now: dt.datetime, organisation: str = "FPS Interior - Elections", days: int = 3650, key_type: KeyType = KeyType.EC_P256
) -> CertifiedKey:
    """A self-signed root CA that may certify one level of issuing CA below it."""
    key = new_key(key_type)
    name = _name("Tabula Root CA", organisation)
    cert = (
        _builder(name, name, key.public_key(), now, days)
        .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
        .add_extension(_ca_usage(), critical=True)
        .sign(key, hashes.SHA256())
    )
    return CertifiedKey(key, cert)


def _aki(issuer: x509.Certificate) -> x509.AuthorityKeyIdentifier:
    ski = issuer.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    return x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski)


def make_issuing_ca(root: CertifiedKey, now: dt.datetime, days: int = 730, key_type: KeyType = KeyType.EC_P256) -> CertifiedKey:
    """The issuing CA that signs the bureau certificates and the master manifest."""
    key = new_key(key_type)
    cert = (
        _builder(_name("Tabula Issuing CA", _organisation(root)), root.certificate.subject, key.public_key(), now, days)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_ca_usage(), critical=True)
        .add_extension(_aki(root.certificate), critical=False)
        .sign(root.key, hashes.SHA256())
    )
    return CertifiedKey(key, cert)


def make_station_certificate(
    issuing: CertifiedKey, station_id: str, now: dt.datetime, days: int = 180, key_type: KeyType = KeyType.EC_P256
) -> CertifiedKey:
    """A key pair and certificate for one counting bureau; the bureau id is the subject CN."""
    key = new_key(key_type)
    cert = (
        _builder(_name(station_id, _organisation(issuing)), issuing.certificate.subject, key.public_key(), now, days)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_signing_usage(), critical=True)
        .add_extension(_aki(issuing.certificate), critical=False)
        .sign(issuing.key, hashes.SHA256())
    )
    return CertifiedKey(key, cert)


def _organisation(ca: CertifiedKey) -> str:
    values = ca.certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    return str(values[0].value) if values else "FPS Interior - Elections"


def station_id_of(certificate: x509.Certificate) -> str:
    """The bureau id a bureau certificate was issued for (its subject CN)."""
    values = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else ""
