"""Copying the master onto sticks (requirement S1), each copy read back and checked against the manifest."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from app.errors import BadInput, TabulaError, UntrustedData
from app.station_login import BUNDLE_DIR, ISSUING_FILE, MANIFEST_FILE, ROOT_FILE, SIGNATURE_FILE, parse_manifest


@dataclass(frozen=True)
class CopyOutcome:
    """How one stick fared: `error` is None when the copy is complete and verified."""

    stick: Path
    error: TabulaError | None = None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def master_files(master: Path) -> dict[str, str]:
    """Every file of the master with its SHA-256, after checking the bundles against the manifest."""
    try:
        manifest = (master / MANIFEST_FILE).read_bytes()
        files = {name: _sha256(master / name) for name in (ROOT_FILE, ISSUING_FILE, SIGNATURE_FILE)}
    except OSError as exc:
        raise BadInput("copy.not_a_master", folder=str(master)) from exc
    for entry in parse_manifest(manifest):
        path = master / entry.file
        if not path.is_file() or _sha256(path) != entry.sha256:
            raise UntrustedData("copy.master_damaged", file=entry.file)
        files[entry.file] = entry.sha256
    files[MANIFEST_FILE] = hashlib.sha256(manifest).hexdigest()  # last: a stick without it is visibly incomplete
    return files


def _write(source: Path, target: Path) -> None:
    data = source.read_bytes()
    with target.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def copy_to_stick(master: Path, files: dict[str, str], stick: Path) -> CopyOutcome:
    """Copy every master file onto `stick` and read each back; any failure is reported, never raised."""
    try:
        (stick / BUNDLE_DIR).mkdir(exist_ok=True)
        (stick / MANIFEST_FILE).unlink(missing_ok=True)  # a half-copied stick must not look like a valid master
        for name in files:
            _write(master / name, stick / name)
        # Read back: a stick that lies about its size loses data silently, only this check catches it.
        for name, digest in files.items():
            if _sha256(stick / name) != digest:
                return CopyOutcome(stick, UntrustedData("copy.verify_failed", stick=str(stick), file=name))
    except OSError as exc:
        return CopyOutcome(stick, UntrustedData("copy.write_failed", stick=str(stick), error=exc.strerror or ""))
    return CopyOutcome(stick)


def copy_master(master: Path, sticks: list[Path]) -> list[CopyOutcome]:
    """Copy `master` to every stick; sticks that are not mounted folders are bad input, checked before any copy."""
    for stick in sticks:
        if not stick.is_dir():
            raise BadInput("copy.no_stick", stick=str(stick))
    files = master_files(master)
    return [copy_to_stick(master, files, stick) for stick in sticks]
