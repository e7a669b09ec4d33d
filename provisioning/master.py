"""Building the master (requirements P1, P2, P5, S1): one sealed bundle per bureau and a signed manifest.

Layout (the master folder is also exactly what goes on every stick):
- `bundles/b00001.bin`, ...: one bundle per bureau (see app/signing/bundle.py). Numbered, not named after the
  bureau, so names are short, ASCII and distinct on case-insensitive FAT32/exFAT;
- `master.json`: format, elections, and per bureau its public facts, bundle file and SHA-256;
- `master.sig`: the issuing CA's detached signature over `master.json`; `issuing.pem`: its certificate.
Nothing secret or personal is in clear: candidate names, keys and certificates are inside the bundles.

The expensive part is the password KDF (and RSA key generation, if chosen); it runs in a process pool so every
core works. Each worker receives the issuing CA key once (in memory, through the pool's pipe) and then, per
bureau, generates the key pair, issues the certificate and seals the bundle.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.counting.model import Station
from app.election_json import dumps, election_to_dict, station_to_dict
from app.errors import BadInput
from app.signing import bundle, pki
from app.station_login import BUNDLE_DIR, ISSUING_FILE, MANIFEST_FILE, MASTER_FORMAT, ROOT_FILE, SIGNATURE_FILE
from provisioning.ca import IssuingCa
from provisioning.csv_import import Imported
from provisioning.passwords import new_password

STATION_CERT_DAYS = 180
# Certificates start a day early: the kiosk's clock (no network) may be somewhat behind.
CLOCK_SLACK = dt.timedelta(days=1)


@dataclass(frozen=True)
class _Job:
    station: dict[str, Any]
    election: dict[str, Any]
    password: str


@dataclass(frozen=True)
class _Context:
    issuing_key_der: bytes
    issuing_cert_pem: bytes
    not_before: dt.datetime
    days: int
    key_type: pki.KeyType
    kdf: bundle.KdfParams


_context: tuple[_Context, pki.CertifiedKey] | None = None  # per worker process, set by _init_worker


def _init_worker(context: _Context) -> None:
    global _context
    issuing = pki.CertifiedKey(
        pki.private_key_from_der(context.issuing_key_der), pki.load_certificate(context.issuing_cert_pem)
    )
    _context = (context, issuing)


def _seal_bureau(job: _Job) -> bytes:
    """Key pair, certificate and sealed bundle of one bureau (runs in a worker)."""
    assert _context is not None, "worker not initialised"
    context, issuing = _context
    station_id = str(job.station["id"])
    certified = pki.make_station_certificate(issuing, station_id, context.not_before, context.days, context.key_type)
    payload = {
        "station": job.station,
        "election": job.election,
        "key_pkcs8_der_hex": pki.private_key_der(certified.key).hex(),
        "chain_pem": (pki.certificate_pem(certified.certificate) + pki.certificate_pem(issuing.certificate)).decode(),
    }
    return bundle.seal(station_id, dumps(payload), job.password, context.kdf)


@dataclass(frozen=True)
class MasterResult:
    """What a build produced besides the files: the passwords, to be written and printed separately."""

    passwords: tuple[tuple[Station, str], ...]


def _station_days(ca: IssuingCa, not_before: dt.datetime) -> int:
    # A bureau certificate must not outlive the issuing CA that vouches for it.
    left = (ca.issuing.certificate.not_valid_after_utc - not_before).days
    if left < 2:
        raise BadInput("ca.expired")
    return min(STATION_CERT_DAYS, left)


def _sealed(jobs: list[_Job], context: _Context, workers: int) -> Iterator[bytes]:
    if workers <= 1 or len(jobs) <= 1:
        _init_worker(context)  # same code path, in this process (tests, tiny masters)
        yield from map(_seal_bureau, jobs)
        return
    chunk = max(1, len(jobs) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(context,)) as pool:
        yield from pool.map(_seal_bureau, jobs, chunksize=chunk)


def _prepare_out(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise BadInput("master.out_not_empty", folder=str(out))
    (out / BUNDLE_DIR).mkdir(parents=True, exist_ok=True)


def _manifest(imported: Imported, entries: list[dict[str, Any]], now: dt.datetime) -> bytes:
    elections = [{"code": code.value, "constituency": name} for code, name in sorted(imported.elections, key=str)]
    manifest = {"format": MASTER_FORMAT, "created": now.isoformat(), "elections": elections, "bureaus": entries}
    return json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8")


def build_master(
    ca: IssuingCa,
    imported: Imported,
    out: Path,
    now: dt.datetime,
    *,
    kdf: bundle.KdfParams = bundle.REAL_KDF,
    workers: int | None = None,
    key_type: pki.KeyType = pki.KeyType.EC_P256,
    password_source: Callable[[], str] = new_password,
    progress: Callable[[int, int], None] | None = None,
) -> MasterResult:
    """Write the master for every imported bureau into `out` (which must be empty or absent)."""
    _prepare_out(out)
    not_before = max(now - CLOCK_SLACK, ca.issuing.certificate.not_valid_before_utc)
    context = _Context(
        pki.private_key_der(ca.issuing.key),
        pki.certificate_pem(ca.issuing.certificate),
        not_before,
        _station_days(ca, not_before),
        key_type,
        kdf,
    )
    elections = {key: election_to_dict(e) for key, e in imported.elections.items()}
    passwords = tuple((station, password_source()) for station in imported.stations)
    jobs = [_Job(station_to_dict(s), elections[(s.election, s.constituency)], password) for s, password in passwords]
    width = max(5, len(str(len(jobs))))
    entries = []
    for number, (station, sealed) in enumerate(
        zip(imported.stations, _sealed(jobs, context, workers or os.cpu_count() or 1), strict=True), 1
    ):
        name = f"{BUNDLE_DIR}/b{number:0{width}d}.bin"
        (out / name).write_bytes(sealed)
        entries.append(
            {
                "station": station.id,
                "name": station.name,
                "election": station.election.value,
                "constituency": station.constituency,
                "language": station.language.value,
                "file": name,
                "sha256": hashlib.sha256(sealed).hexdigest(),
            }
        )
        if progress is not None:
            progress(number, len(jobs))
    manifest = _manifest(imported, entries, now)
    (out / ISSUING_FILE).write_bytes(pki.certificate_pem(ca.issuing.certificate))
    (out / ROOT_FILE).write_bytes(pki.certificate_pem(ca.root))
    (out / SIGNATURE_FILE).write_bytes(pki.sign_bytes(ca.issuing.key, manifest))
    (out / MANIFEST_FILE).write_bytes(manifest)
    return MasterResult(passwords)
