"""The authority's CA private keys at rest (P3): PKCS#8 DER sealed with AES-256-GCM under Argon2id(passphrase).

cryptography's PKCS#8 "best available" encryption is PBKDF2 with 2,048 iterations, far too cheap for the keys the
whole election's trust rests on. These files are opened a handful of times per election (init-ca, build-master),
so the KDF can be costly: 512 MiB and 3 passes (about 2 s here) make every passphrase guess expensive. The header
(format, KDF parameters, salt, nonce) is the AEAD's associated data, so it cannot be changed unnoticed.
"""

from __future__ import annotations

import base64
import json
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from app import safe_json
from app.errors import BadInput
from app.signing.bundle import KdfParams

FORMAT = "tabula-ca-key/1"
CA_KDF = KdfParams(memory_kib=512 * 1024, iterations=3, lanes=2)


def _key(passphrase: bytes, salt: bytes, params: KdfParams) -> bytes:
    return Argon2id(
        salt=salt, length=32, iterations=params.iterations, lanes=params.lanes, memory_cost=params.memory_kib
    ).derive(passphrase)


def seal_key(der: bytes, passphrase: bytes, params: KdfParams | None = None) -> bytes:
    """The sealed key file: one header line, a newline, the AES-256-GCM ciphertext."""
    params = params if params is not None else CA_KDF
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = {
        "format": FORMAT,
        "kdf": {
            "name": "argon2id",
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "lanes": params.lanes,
            "salt": base64.b64encode(salt).decode("ascii"),
        },
        "cipher": "AES-256-GCM",
        "nonce": base64.b64encode(nonce).decode("ascii"),
    }
    raw = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii")
    return raw + b"\n" + AESGCM(_key(passphrase, salt, params)).encrypt(nonce, der, raw)


def open_key(sealed: bytes, passphrase: bytes) -> bytes:
    """The PKCS#8 DER back; a wrong passphrase or a damaged file is the authority's bad input."""
    raw, _, ciphertext = sealed.partition(b"\n")
    try:
        header = safe_json.loads(raw.decode("ascii"))
        kdf = header["kdf"]
        if header["format"] != FORMAT or kdf["name"] != "argon2id" or header["cipher"] != "AES-256-GCM":
            raise ValueError("not a Tabula CA key file")
        params = KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
        salt, nonce = base64.b64decode(kdf["salt"]), base64.b64decode(header["nonce"])
        return AESGCM(_key(passphrase, salt, params)).decrypt(nonce, ciphertext, raw)
    except (ValueError, KeyError, TypeError, OverflowError, InvalidTag):
        raise BadInput("ca.bad_passphrase") from None
