"""The organising authority's PKI (requirement P1): root CA, issuing CA, one certificate per counting bureau.

Pure functions: the caller supplies the time (no clock reads here) and stores the results.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509 import verification
from cryptography.x509.oid import NameOID

from app.counting.model import StationId
from app.errors import UntrustedData
from app.signing import keyfile
from app.signing.bundle import KdfParams
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
    now: dt.datetime,
    organisation: str = "FPS Interior - Elections",
    days: int = 3650,
    key_type: KeyType = KeyType.EC_P256,
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


def make_issuing_ca(
    root: CertifiedKey, now: dt.datetime, days: int = 730, key_type: KeyType = KeyType.EC_P256
) -> CertifiedKey:
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


# --- Serialisation, signatures and chain verification (added for provisioning and the station's login) ---

ISSUING_CN = "Tabula Issuing CA"


def encrypt_private_key(key: PrivateKey, passphrase: bytes, params: KdfParams | None = None) -> bytes:
    """The key sealed under the passphrase with a costly Argon2id (see `keyfile`); for the CA keys."""
    return keyfile.seal_key(private_key_der(key), passphrase, params)


def decrypt_private_key(sealed: bytes, passphrase: bytes) -> PrivateKey:
    """A CA key back from its sealed file; a wrong passphrase or a damaged file is the caller's bad input."""
    return private_key_from_der(keyfile.open_key(sealed, passphrase))


def private_key_der(key: PrivateKey) -> bytes:
    """The key as unencrypted PKCS#8 DER: only ever placed inside an encrypted bundle."""
    return key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def private_key_from_der(der: bytes) -> PrivateKey:
    try:
        key = serialization.load_der_private_key(der, password=None)
    except (ValueError, TypeError) as exc:
        raise UntrustedData("pki.bad_key") from exc
    return _as_private_key(key)


def _as_private_key(key: object) -> PrivateKey:
    # Only the two key types of requirement P1 are accepted (a DSA or Ed448 key would be a forged file).
    if isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        return key
    raise UntrustedData("pki.bad_key")


def certificate_pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def load_certificates(pem: bytes) -> tuple[x509.Certificate, ...]:
    """Every certificate of a PEM blob, in order; garbage is untrusted data."""
    try:
        certificates = tuple(x509.load_pem_x509_certificates(pem))
    except ValueError as exc:
        raise UntrustedData("pki.bad_certificate") from exc
    return certificates


def load_certificate(pem: bytes) -> x509.Certificate:
    """Exactly one certificate from PEM."""
    certificates = load_certificates(pem)
    if len(certificates) != 1:
        raise UntrustedData("pki.bad_certificate")
    return certificates[0]


def sign_bytes(key: PrivateKey, data: bytes) -> bytes:
    """A detached signature over `data` (SHA-256; ECDSA DER or RSA PKCS#1 v1.5), as `KeySigner.sign` makes it."""
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    return key.sign(data, padding.PKCS1v15(), hashes.SHA256())


def verify_bytes(certificate: x509.Certificate, signature: bytes, data: bytes) -> None:
    """Check a detached signature made by `sign_bytes` with the certificate's key; raise UntrustedData if not."""
    public_key = certificate.public_key()
    try:
        if isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        else:
            raise UntrustedData("pki.bad_signature")
    except InvalidSignature as exc:
        raise UntrustedData("pki.bad_signature") from exc


def key_matches_certificate(key: PrivateKey, certificate: x509.Certificate) -> bool:
    """Whether the private key belongs to the certificate (compared on the encoded public keys)."""
    fmt = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return key.public_key().public_bytes(*fmt) == certificate.public_key().public_bytes(*fmt)


def _require_key_usage(*, cert_sign: bool) -> Callable[[object, x509.Certificate, x509.KeyUsage], None]:
    def check(_policy: object, _cert: x509.Certificate, usage: x509.KeyUsage) -> None:
        if not (usage.key_cert_sign if cert_sign else usage.digital_signature):
            raise ValueError("key usage does not allow this use")

    return check


def _require_ca(*, ca: bool) -> Callable[[object, x509.Certificate, x509.BasicConstraints], None]:
    def check(_policy: object, _cert: x509.Certificate, constraints: x509.BasicConstraints) -> None:
        if constraints.ca is not ca:
            raise ValueError("basic constraints do not fit this use")

    return check


def _verify_path(
    leaf: x509.Certificate, intermediates: list[x509.Certificate], root: x509.Certificate, at: dt.datetime, *, ca: bool
) -> None:
    # cryptography's webpki path builder checks signatures, names, validity and the CA rules (basic constraints,
    # path length, keyCertSign). The leaf is not a TLS certificate, so its policy is ours: no SAN or EKU required,
    # but the key usage and the CA flag must fit what the certificate is used for.
    leaf_policy = (
        verification.ExtensionPolicy.permit_all()
        .require_present(x509.KeyUsage, verification.Criticality.AGNOSTIC, _require_key_usage(cert_sign=ca))
        .require_present(x509.BasicConstraints, verification.Criticality.AGNOSTIC, _require_ca(ca=ca))
    )
    verifier = (
        verification.PolicyBuilder()
        .store(verification.Store([root]))
        .time(at)
        .extension_policies(ca_policy=verification.ExtensionPolicy.webpki_defaults_ca(), ee_policy=leaf_policy)
        .build_client_verifier()
    )
    try:
        verifier.verify(leaf, intermediates)
    except verification.VerificationError as exc:
        raise UntrustedData("pki.untrusted_certificate", subject=station_id_of(leaf)) from exc


def verify_issuing_ca(issuing: x509.Certificate, root: x509.Certificate, at: dt.datetime) -> None:
    """Check that `issuing` is a CA certificate issued by `root` and valid at `at`; raise UntrustedData if not."""
    _verify_path(issuing, [], root, at, ca=True)


def verify_station_certificate(
    certificate: x509.Certificate, issuing: x509.Certificate, root: x509.Certificate, at: dt.datetime
) -> StationId:
    """Check a bureau certificate chains through `issuing` to `root` at `at`; return the bureau id it names."""
    _verify_path(certificate, [issuing], root, at, ca=False)
    station = station_id_of(certificate)
    if not station:
        raise UntrustedData("pki.untrusted_certificate", subject="")
    return StationId(station)
