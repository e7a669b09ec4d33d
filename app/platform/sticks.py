"""Spare sticks (S3): when the bureau's stick fails, the results go to a blank stick instead.

A spare is a stick mounted by the appliance (the image mounts every FAT32/exFAT stick at `/media/stick-<dev>`;
a desktop at `/media/<user>/<label>` or `/run/media/<user>/<label>`) that holds no master, can be written, and is
not the stick that just failed. The results go under `results/<station>/` there as on any stick (`app.stick`), and
the authority's root certificate is put beside them as `root.pem`, so that `tabula verify SPARE --ca
SPARE/root.pem` can be run at once (the canton verifies with its own copy of the root, of course).

- `MountedSpareSticks` looks at the mount points.
- `FakeSpareSticks` is a folder (or none) for tests.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from app.durable import fsync_directory
from app.errors import StorageError
from app.station_login import MANIFEST_FILE

DEFAULT_MOUNTS = (Path("/media"), Path("/run/media"), Path("/mnt"))
ROOT_CERT_NAME = "root.pem"


class SpareSticks(Protocol):
    def find(self, exclude: Path | None = None) -> Path | None:
        """A writable stick without a master, other than `exclude` (the stick that failed); None when there is none."""
        ...

    def confirm(self, stick: Path) -> None:
        """StorageError("stick.removed") unless `stick` is (still) a spare: asked before and after the write, so
        that results written into the bare folder a pulled stick leaves behind are never called written."""
        ...

    def add_root_certificate(self, stick: Path) -> None:
        """Put the root certificate on the stick as `root.pem`, durably; StorageError when the stick fails."""
        ...


def is_spare(folder: Path, exclude: Path | None = None) -> bool:
    """Whether `folder` can take a bureau's results: a writable folder that is no master and not `exclude`."""
    try:
        if not folder.is_dir() or (folder / MANIFEST_FILE).exists():
            return False
        if exclude is not None and folder.resolve() == exclude.resolve():
            return False
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def write_root_certificate(stick: Path, pem: bytes) -> Path:
    """`root.pem` at the top of the stick: temp file, fsync, rename, fsync the folder (as `app.stick` writes)."""
    target = stick / ROOT_CERT_NAME
    temp = stick / f".{ROOT_CERT_NAME}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(pem)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
        fsync_directory(stick)
    except OSError as error:
        raise StorageError("spare.root_failed") from error
    return target


class MountedSpareSticks:
    """The sticks mounted under the usual mount folders, one or two levels deep (`/media/stick-sdb1`,
    `/media/<user>/<label>`); only real mount points count, so a user's folder under `/media` is never taken."""

    def __init__(self, root_cert: Path, mounts: tuple[Path, ...] = DEFAULT_MOUNTS) -> None:
        self.root_cert = root_cert
        self.mounts = mounts

    def candidates(self) -> list[Path]:
        found: list[Path] = []
        for mount in self.mounts:
            try:
                first = sorted(p for p in mount.iterdir() if p.is_dir())
                second = sorted(q for p in first if not os.path.ismount(p) for q in p.iterdir() if q.is_dir())
            except OSError:
                continue
            found += [p for p in (*first, *second) if os.path.ismount(p)]
        return found

    def find(self, exclude: Path | None = None) -> Path | None:
        return next((p for p in self.candidates() if is_spare(p, exclude)), None)

    def confirm(self, stick: Path) -> None:
        if not (os.path.ismount(stick) and is_spare(stick)):
            raise StorageError("stick.removed", station="-")

    def add_root_certificate(self, stick: Path) -> None:
        try:
            pem = self.root_cert.read_bytes()
        except OSError as error:
            raise StorageError("spare.root_missing") from error
        write_root_certificate(stick, pem)


class FakeSpareSticks:
    """A spare stick in a folder (None: no spare inserted), for tests; writes the given root certificate."""

    def __init__(self, folder: Path | None, pem: bytes = b"-----BEGIN CERTIFICATE-----\n") -> None:
        self.folder = folder
        self.pem = pem

    def find(self, exclude: Path | None = None) -> Path | None:
        return self.folder if self.folder is not None and is_spare(self.folder, exclude) else None

    def confirm(self, stick: Path) -> None:
        if self.folder is None or stick != self.folder or not is_spare(stick):
            raise StorageError("stick.removed", station="-")

    def add_root_certificate(self, stick: Path) -> None:
        write_root_certificate(stick, self.pem)
