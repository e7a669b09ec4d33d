"""A bureau's bundle: its secrets sealed under its password (requirement P2). Pure: bytes in, bytes out.

File layout: one line of canonical JSON (the header), a newline, then the AES-256-GCM ciphertext with its tag.
The header records the format, the bureau id, the KDF and its parameters, the salt, the nonce and a password check.
The whole header is the associated data of the AEAD, so neither the bureau id nor the KDF parameters can be
changed, and a bundle cannot be moved to another bureau, without the decryption failing.

Key schedule: Argon2id(password, salt) gives 32 bytes; HMAC-SHA256 turns them into the AES key and, separately,
a 16-byte password check. The check lets us tell a wrong password (the user can retry) from a damaged or forged
bundle (call the helpdesk). It gives an attacker nothing: testing a guess against it costs the same Argon2id run as
testing it against the GCM tag.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from app import safe_json
from app.errors import BadInput, UntrustedData

FORMAT = "tabula-bundle/1"
KDF_NAME = "argon2id"
CIPHER_NAME = "AES-256-GCM"

# Passwords: Crockford's base32 alphabet (no I, L, O, U), so nothing read aloud or typed can be confused; what a
# user types is normalised (case, spaces, hyphens, O->0, I/L->1) before the KDF sees it.
PASSWORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # an alphabet, not a password  # noqa: S105  # nosec B105
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})

# Upper bounds on the parameters we accept from a header: a header is authenticated only after the KDF has run,
# so a forged header must not be able to make the station allocate gigabytes or spin for minutes.
_MAX_MEMORY_KIB = 1024 * 1024
_MAX_ITERATIONS = 64
_MAX_LANES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default (64 MiB, 2 passes, 1 lane; above OWASP's minimum, one pass below RFC 9106's
    second recommendation) costs about 0.10 s of one core, leaving P5 a 2x margin on a slower authority laptop;
    see provisioning/CA-PROCEDURE.md for the figures."""

    memory_kib: int = 64 * 1024
    iterations: int = 2
    lanes: int = 1

    def __post_init__(self) -> None:
        if not (1 <= self.lanes <= _MAX_LANES and 8 * self.lanes <= self.memory_kib <= _MAX_MEMORY_KIB):
            raise ValueError("Argon2id memory/lanes out of range")
        if not 1 <= self.iterations <= _MAX_ITERATIONS:
            raise ValueError("Argon2id iterations out of range")


REAL_KDF = KdfParams()
# Only for tests and demos: the cheapest parameters Argon2id allows. Never used by the provisioning CLI.
CHEAP_KDF = KdfParams(memory_kib=8, iterations=1, lanes=1)


def normalise_password(typed: str) -> str:
    """The password as the KDF sees it: upper case, without spaces or hyphens, confusable letters mapped."""
    kept = "".join(ch for ch in typed.upper() if not ch.isspace() and ch != "-")
    return kept.translate(_CONFUSABLE)


def _derive(password: str, salt: bytes, params: KdfParams) -> tuple[bytes, bytes]:
    """(AES key, password check) from the password."""
    master = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(normalise_password(password).encode("utf-8"))
    key = hmac.digest(master, b"tabula bundle key", hashlib.sha256)
    check = hmac.digest(master, b"tabula password check", hashlib.sha256)[:16]
    return key, check


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal(
    station_id: str,
    payload: bytes,
    password: str,
    params: KdfParams = REAL_KDF,
    *,
    salt: bytes | None = None,
    nonce: bytes | None = None,
) -> bytes:
    """The bundle of `station_id`: `payload` encrypted under `password`. Salt and nonce are random unless given."""
    salt = secrets.token_bytes(16) if salt is None else salt
    nonce = secrets.token_bytes(12) if nonce is None else nonce
    key, check = _derive(password, salt, params)
    header = {
        "format": FORMAT,
        "station": station_id,
        "kdf": {
            "name": KDF_NAME,
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "lanes": params.lanes,
            "salt": _b64(salt),
        },
        "cipher": CIPHER_NAME,
        "nonce": _b64(nonce),
        "check": _b64(check),
    }
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    return header_bytes + b"\n" + AESGCM(key).encrypt(nonce, payload, header_bytes)


@dataclass(frozen=True)
class _Header:
    raw: bytes
    station: str
    params: KdfParams
    salt: bytes
    nonce: bytes
    check: bytes


def _parse_header(bundle: bytes) -> tuple[_Header, bytes]:
    raw, sep, ciphertext = bundle.partition(b"\n")
    if not sep or len(ciphertext) < 16:
        raise UntrustedData("bundle.damaged")
    try:
        header = safe_json.loads(raw.decode("ascii"))
        kdf = header["kdf"]
        if header["format"] != FORMAT or header["cipher"] != CIPHER_NAME or kdf["name"] != KDF_NAME:
            raise UntrustedData("bundle.damaged")
        parsed = _Header(
            raw=raw,
            station=str(header["station"]),
            params=KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"])),
            salt=base64.b64decode(kdf["salt"], validate=True),
            nonce=base64.b64decode(header["nonce"], validate=True),
            check=base64.b64decode(header["check"], validate=True),
        )
    except (ValueError, KeyError, TypeError, OverflowError) as exc:  # JSON, base64, range; 1e400 overflows int()
        raise UntrustedData("bundle.damaged") from exc
    if len(parsed.nonce) != 12 or len(parsed.salt) < 16:
        raise UntrustedData("bundle.damaged")
    return parsed, ciphertext


def bundle_station(bundle: bytes) -> str:
    """The bureau id a bundle's header claims (not yet authenticated)."""
    return _parse_header(bundle)[0].station


def open_bundle(bundle: bytes, station_id: str, password: str) -> bytes:
    """The payload of `station_id`'s bundle.

    Raises BadInput("auth.wrong_password") for a wrong password, UntrustedData for a bundle of another bureau
    or one that was altered after sealing.
    """
    header, ciphertext = _parse_header(bundle)
    if header.station != station_id:
        raise UntrustedData("bundle.wrong_station", station=station_id)
    key, check = _derive(password, header.salt, header.params)
    if not hmac.compare_digest(check, header.check):
        raise BadInput("auth.wrong_password", station=station_id)
    try:
        return AESGCM(key).decrypt(header.nonce, ciphertext, header.raw)
    except InvalidTag as exc:
        raise UntrustedData("bundle.damaged") from exc
