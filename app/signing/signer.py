"""The `Signer` port: whatever holds the bureau's private key (a key from the bundle now, the TPM later)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa


class Signer(Protocol):
    """Signs bytes with the bureau key; exposes the certificate chain (bureau first, then the issuing CA)."""

    @property
    def certificate(self) -> x509.Certificate: ...

    @property
    def chain(self) -> tuple[x509.Certificate, ...]: ...

    def sign(self, data: bytes) -> bytes:
        """A signature over `data` with SHA-256 (ECDSA: DER-encoded; RSA: PKCS#1 v1.5)."""
        ...


PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


@dataclass(frozen=True)
class KeySigner:
    """A signer over a private key held in memory (decrypted from the bureau's bundle, or a test key)."""

    key: PrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]

    def sign(self, data: bytes) -> bytes:
        if isinstance(self.key, ec.EllipticCurvePrivateKey):
            return self.key.sign(data, ec.ECDSA(hashes.SHA256()))
        return self.key.sign(data, padding.PKCS1v15(), hashes.SHA256())
