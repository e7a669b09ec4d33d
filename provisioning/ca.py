"""The authority's CA directory (requirements P1, P3): create it once, open its issuing CA to build masters.

Layout of CA_DIR: `root.pem` and `issuing.pem` (public certificates), `root.key.sealed` and `issuing.key.sealed`
(PKCS#8 sealed with AES-256-GCM under Argon2id of the passphrase at 512 MiB, 3 passes: `app/signing/keyfile.py`).
Building a master needs only the issuing key: the root key goes offline right after `init-ca`
(see CA-PROCEDURE.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from app.errors import BadInput, UntrustedData
from app.signing import pki
from app.signing.bundle import KdfParams
from provisioning.passwords import write_secret

ROOT_CERT = "root.pem"
ROOT_KEY = "root.key.sealed"
ISSUING_CERT = "issuing.pem"
ISSUING_KEY = "issuing.key.sealed"
MIN_PASSPHRASE = 12


@dataclass(frozen=True)
class IssuingCa:
    """The issuing CA with its decrypted key, and the root it chains to."""

    issuing: pki.CertifiedKey
    root: x509.Certificate


def init_ca(
    out: Path,
    passphrase: bytes,
    now: dt.datetime,
    key_type: pki.KeyType = pki.KeyType.EC_P256,
    root_days: int = 3650,
    issuing_days: int = 730,
    kdf: KdfParams | None = None,
) -> None:
    """Create the root and issuing CA in `out`; refuse to overwrite an existing CA."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise BadInput("ca.weak_passphrase", minimum=MIN_PASSPHRASE)
    if any((out / name).exists() for name in (ROOT_CERT, ROOT_KEY, ISSUING_CERT, ISSUING_KEY)):
        raise BadInput("ca.exists", folder=str(out))
    out.mkdir(parents=True, exist_ok=True)
    root = pki.make_root_ca(now, days=root_days, key_type=key_type)
    issuing = pki.make_issuing_ca(root, now, days=issuing_days, key_type=key_type)
    write_secret(out / ROOT_KEY, pki.encrypt_private_key(root.key, passphrase, kdf))
    write_secret(out / ISSUING_KEY, pki.encrypt_private_key(issuing.key, passphrase, kdf))
    (out / ROOT_CERT).write_bytes(pki.certificate_pem(root.certificate))
    (out / ISSUING_CERT).write_bytes(pki.certificate_pem(issuing.certificate))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BadInput("ca.file_missing", file=str(path)) from exc


def load_issuing(ca_dir: Path, passphrase: bytes, now: dt.datetime) -> IssuingCa:
    """The issuing CA of `ca_dir`, checked: it chains to the root, is valid now, and its key fits."""
    root_pem, issuing_pem = _read(ca_dir / ROOT_CERT), _read(ca_dir / ISSUING_CERT)
    key = pki.decrypt_private_key(_read(ca_dir / ISSUING_KEY), passphrase)
    try:
        root, certificate = pki.load_certificate(root_pem), pki.load_certificate(issuing_pem)
        pki.verify_issuing_ca(certificate, root, now)
    except UntrustedData:
        raise BadInput("ca.invalid", folder=str(ca_dir)) from None
    if not pki.key_matches_certificate(key, certificate):
        raise BadInput("ca.invalid", folder=str(ca_dir))
    return IssuingCa(pki.CertifiedKey(key, certificate), root)
