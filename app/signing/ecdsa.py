"""One encoding per ECDSA signature: low-S.

An ECDSA signature (r, s) also verifies as (r, n - s), so anyone could change the bytes of a signed file without
the key and without `verify` noticing (ECDSA malleability). The appliance therefore always writes the low form
(s <= n/2, as Bitcoin's BIP 62 and the Go/Rust libraries do) and the verifier refuses the high one: every signed
byte has exactly one valid form. RSA PKCS#1 v1.5 signatures are deterministic and need nothing of this.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from app.signing.signer import Signer

# The group orders of the NIST curves a bureau key may use (FIPS 186-4, D.1.2); `cryptography` does not expose them.
_ORDERS: dict[str, int] = {
    "secp256r1": 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551,
    "secp384r1": 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973,
    "secp521r1": int(
        "01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFA51868783BF2"
        "F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409",
        16,
    ),
}


def curve_order(key: ec.EllipticCurvePublicKey) -> int:
    """The order n of the key's curve; ValueError for a curve we do not sign with."""
    try:
        return _ORDERS[key.curve.name]
    except KeyError:
        raise ValueError(f"unsupported curve {key.curve.name}") from None


def is_low(key: ec.EllipticCurvePublicKey, s: int) -> bool:
    """Whether `s` is in the lower half: the one form the appliance writes (never on a curve we do not use)."""
    n = _ORDERS.get(key.curve.name)
    return n is not None and 0 < s <= n // 2


def normalise(key: object, signature: bytes) -> bytes:
    """A DER ECDSA signature in its low-S form (unchanged when already low, or for an RSA key)."""
    if not isinstance(key, ec.EllipticCurvePublicKey):
        return signature
    r, s = decode_dss_signature(signature)
    n = curve_order(key)
    return signature if s <= n // 2 else encode_dss_signature(r, n - s)


def is_low_der(key: object, signature: bytes) -> bool:
    """Whether a DER signature is in the one form we accept (always true for RSA); False when it is no DER."""
    if not isinstance(key, ec.EllipticCurvePublicKey):
        return True
    try:
        r, s = decode_dss_signature(signature)
    except ValueError:
        return False
    return r > 0 and is_low(key, s) and encode_dss_signature(r, s) == signature


def sign(signer: Signer, data: bytes) -> bytes:
    """`signer.sign(data)` in the canonical form, whatever the key holder returns (a TPM gives either half)."""
    return normalise(public_key(signer.certificate), signer.sign(data))


def public_key(certificate: x509.Certificate) -> object:
    return certificate.public_key()
