"""Writing the results of a bureau to the stick safely, and reading them back (requirements S1, S3, O6).

Imperative shell: file I/O only, no counting logic. Everything a bureau writes lives in
`STICK/results/<station>/` (contract "Results on the stick"), with `manifest.json` written last.

How a results set is written (contract "Writing again": a new run replaces the folder as a whole, only once the new
set is complete and verified)::

    results/.<station>.new-<token>/   1. every file atomically: temp file, write, fsync, os.replace
                                      2. fsync the staging folder, then manifest.json the same way, fsync again
                                      3. read every file back (page cache dropped first) and compare the hashes
    results/<station>  -> results/.<station>.old-<token>   4. move the old set away, fsync results/
    results/.<station>.new-<token> -> results/<station>    5. move the new set in, fsync results/, and read the
                                                              final folder back as in 3 (a FAT driver was seen
                                                              losing a folder's contents on rename): if it differs,
                                                              the new set goes and the old one comes back
    results/.<station>.old-<token>  removed                6. remove the old set, fsync results/

Before step 1 the stick must be the stick the count was loaded from (`master_id`: the hash of its signed master
manifest, the same on every copy of that master), not another master and not the bare mount point left behind by a
pulled stick; and the results and staging folders must lie on that stick's file system (its device), so nothing is
ever written into the folder a stick was mounted on.

Crash windows (power cut or stick pulled) and what is on the stick afterwards:

- during 1-3: `<station>` is the old complete set (or absent); the staging folder is incomplete or unverified.
  Recovery deletes it.
- between 4 and 5: `<station>` is absent, the old set sits complete in `.old`, the new one in `.new`. A verifier
  sees nothing for the station (hidden folders are ignored). Recovery moves `.old` back and deletes `.new`.
- between 5 and 6 or during 6: `<station>` is the new complete set (verified, or being read back); the `.old`
  leftover (complete or half-removed) is deleted by recovery, unless `<station>` does not verify and `.old` does:
  then the old set comes back.
- a staging folder is never promoted by recovery, even when complete: success is only what `write_results`
  reported, and the count itself stays on the appliance, so the bureau simply writes again.

So after any interruption the stick holds the old complete set, the new complete set, or nothing that verifies.
Residual risk: FAT has no journal and some systems give no real directory fsync (EINVAL, ignored), so a rename
that was not yet flushed may be undone by the power cut; the states above still hold, only the step is lost.
Recovery runs at the start of every write (`recover_results` can also be called when a stick is inserted); the
verifier only reads and never changes a stick.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from app import safe_json
from app.durable import fsync_directory
from app.errors import BadInput, Fixer, StorageError, UntrustedData

RESULTS_FOLDER = "results"
MASTER_MANIFEST = "master.json"  # the master's signed manifest at the stick's root (app.station_login.MANIFEST_FILE)
MAX_MASTER_MANIFEST = 64 * 1024 * 1024  # as app.station_login.MAX_BYTES
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.p7s"  # the bureau's detached CMS signature over manifest.json, written last
MANIFEST_VERSION = 1
MAX_NAME_LENGTH = 64  # keeps STICK/results/<station>/<file> far below Windows' 260-character MAX_PATH

Progress = Callable[[int, int], None]
SignManifest = Callable[[bytes], bytes]  # manifest bytes -> manifest.p7s (app.signing.cms through the Signer port)

# What a reader takes from a results folder at most, checked on the size the folder reports before a byte is read
# (a 6 GB sparse file is refused at once, never read): a 2,400-ballot 460 is about 5 MB, a PV well under 1 MB.
MAX_FILES = 32
_SIZE_LIMITS = {".xml": 64 << 20, ".pdf": 32 << 20, ".jsonl": 32 << 20, ".json": 1 << 20, ".p7s": 64 << 10}
_OTHER_SIZE_LIMIT = 1 << 20  # a name Tabula never writes: refused anyway, read only to name it

_FORBIDDEN_CHARACTERS = frozenset('<>:"/\\|?*')
_RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(10)} | {f"LPT{i}" for i in range(10)}
)
_LEFTOVER = re.compile(r"^\.(?P<station>.+)\.(?P<kind>new|old)-[0-9a-f]+$")

_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_READ_ONLY = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
_REMOVED = frozenset(
    {errno.ENOENT, errno.ENODEV, errno.EIO, errno.ENXIO, errno.ENOTDIR, errno.ESTALE}
    | ({errno.ENOMEDIUM} if hasattr(errno, "ENOMEDIUM") else set())
)


class BadName(BadInput):
    """A file or folder name that Windows cannot read: a fault in the data or the software, not the bureau's."""

    fixer = Fixer.HELPDESK


@dataclass(frozen=True)
class ResultsReceipt:
    """What was written and verified: the folder, the SHA-256 of every file and of the manifest itself."""

    station: str
    folder: Path
    hashes: Mapping[str, str]
    manifest_sha256: str


# --- names (S1) ---------------------------------------------------------------------------------------------------


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a file or folder name on a Windows-readable stick, or None when it can."""
    if not name or name in {".", ".."}:
        return "empty"
    if len(name) > MAX_NAME_LENGTH:
        return "too long"
    if not name.isascii():
        return "not ASCII"
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return "control character"
    if any(c in _FORBIDDEN_CHARACTERS for c in name):
        return "character Windows forbids"
    if name[0] in ". " or name[-1] in ". ":
        return "leading or trailing dot or space"
    if name.split(".")[0].rstrip(" ").upper() in _RESERVED_NAMES:
        return "reserved Windows name"
    return None


def check_name(name: str) -> str:
    """`name` itself when it is safe on a Windows-readable stick; raises `BadName` otherwise."""
    if name_problem(name) is not None:
        raise BadName("stick.bad_name", name=name)
    return name


def safe_name(text: str) -> str:
    """A safe name made from any text: accents dropped, forbidden characters as `_`, reserved names prefixed."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = "".join("_" if c in _FORBIDDEN_CHARACTERS or ord(c) < 32 or ord(c) == 127 else c for c in ascii_text)
    cleaned = cleaned.strip(". ")[:MAX_NAME_LENGTH].rstrip(". ")
    if not cleaned:
        return "_"
    if cleaned.split(".")[0].rstrip(" ").upper() in _RESERVED_NAMES:
        cleaned = ("_" + cleaned)[:MAX_NAME_LENGTH].rstrip(". ")
    return cleaned


def _check_file_names(files: Mapping[str, bytes]) -> list[str]:
    names = sorted(check_name(name) for name in files)
    for made_here in (MANIFEST_NAME, SIGNATURE_NAME):
        if made_here in names:
            raise BadName("stick.bad_name", name=made_here)
    seen: set[str] = set()
    for name in names:
        if name.lower() in seen:  # FAT is case-insensitive: the two files would overwrite each other
            raise BadName("stick.bad_name", name=name)
        seen.add(name.lower())
    return names


# --- hashes and manifest ------------------------------------------------------------------------------------------


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of `data` as lower-case hex."""
    return hashlib.sha256(data).hexdigest()


def make_manifest(station_id: str, hashes: Mapping[str, str]) -> bytes:
    """The manifest: every other file's SHA-256, keys sorted, so the same set always gives the same bytes."""
    document = {"version": MANIFEST_VERSION, "station": station_id, "files": dict(sorted(hashes.items()))}
    return (json.dumps(document, sort_keys=True, indent=2, ensure_ascii=True) + "\n").encode("ascii")


def parse_manifest(data: bytes) -> tuple[str, dict[str, str]]:
    """(station, {file: sha256}) from a manifest; raises ValueError when it is not one."""
    document = safe_json.loads(data.decode("ascii"))
    if not isinstance(document, dict) or document.get("version") != MANIFEST_VERSION:
        raise ValueError("not a manifest")
    station, files = document.get("station"), document.get("files")
    if not isinstance(station, str) or not isinstance(files, dict):
        raise ValueError("not a manifest")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        raise ValueError("not a manifest")
    return station, dict(files)


def size_limit(name: str) -> int:
    """The largest file called `name` that a reader of results takes (by its extension)."""
    return _SIZE_LIMITS.get(os.path.splitext(name)[1], _OTHER_SIZE_LIMIT)


@dataclass(frozen=True)
class ResultsSet:
    """A results folder as read for the verifier: every file the manifest lists (checked against it), the
    manifest's own bytes and its signature (`None` when there is no manifest.p7s)."""

    files: dict[str, bytes]
    manifest: bytes
    signature: bytes | None


def _read_set(folder: Path, station_id: str) -> tuple[dict[str, bytes], str | None]:
    """Every file of a results folder but the manifest and its signature, read once, and the first file at fault
    (None: complete). See `_read_signed_set`."""
    found, fault = _read_signed_set(folder, station_id)
    return found.files, None if fault is None else str(fault.params.get("file", MANIFEST_NAME))


def _read_signed_set(folder: Path, station_id: str) -> tuple[ResultsSet, UntrustedData | None]:
    """A results folder, read once, and what is at fault (None: complete, the signature not yet checked).

    At fault: too many entries, a missing, unreadable or foreign manifest, a file missing from the folder or from
    the manifest, a file whose SHA-256 differs, anything that is not a plain file (`stick.results_altered`), and a
    file larger than its kind ever is (`stick.file_too_large`, refused before it is read).
    """
    found = ResultsSet({}, b"", None)

    def altered(name: str) -> tuple[ResultsSet, UntrustedData]:
        return found, UntrustedData("stick.results_altered", station=station_id, file=name)

    entries = {entry.name: entry for entry in sorted(os.scandir(folder), key=lambda e: e.name)}
    if len(entries) > MAX_FILES:
        return found, UntrustedData("stick.too_many_files", station=station_id, found=len(entries), limit=MAX_FILES)
    for entry in entries.values():
        if not entry.is_file(follow_symlinks=False):
            return altered(entry.name)
    for name, entry in entries.items():
        size, limit = entry.stat(follow_symlinks=False).st_size, size_limit(name)
        if size > limit:
            return found, UntrustedData("stick.file_too_large", station=station_id, file=name, size=size, limit=limit)
    if MANIFEST_NAME not in entries:
        return altered(MANIFEST_NAME)
    manifest = _read_bounded(folder / MANIFEST_NAME)
    try:
        station, hashes = parse_manifest(manifest or b"")
    except (ValueError, UnicodeDecodeError):
        return altered(MANIFEST_NAME)
    if manifest is None or station != station_id or {MANIFEST_NAME, SIGNATURE_NAME} & hashes.keys():
        return altered(MANIFEST_NAME)
    signature = _read_bounded(folder / SIGNATURE_NAME) if SIGNATURE_NAME in entries else None
    found = ResultsSet({}, manifest, signature)
    for name in sorted((set(entries) | set(hashes)) - {MANIFEST_NAME, SIGNATURE_NAME}):
        if name not in hashes or name not in entries:
            return altered(name)
        data = _read_bounded(folder / name)
        if data is None or sha256_hex(data) != hashes[name]:  # None: it grew past its limit since the listing
            return altered(name)
        found.files[name] = data
    return found, None


def _read_bounded(path: Path) -> bytes | None:
    """The bytes of a plain file (a link is not followed), from the device where possible; None when it holds more
    than `size_limit` allows for its name (it is never read further than that)."""
    limit = size_limit(path.name)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0))
    try:
        with contextlib.suppress(AttributeError, OSError):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, min(1 << 20, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks) if size <= limit else None
    finally:
        os.close(fd)


# --- low-level durable I/O ----------------------------------------------------------------------------------------


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_file_atomically(folder: Path, name: str, data: bytes) -> None:
    """Temp file in the same folder, write, fsync, rename over the final name (the folder is fsynced by the caller)."""
    temp = folder / f".{name}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o644)
    try:
        _write_all(fd, data)  # os.write is unbuffered: nothing left to flush before the fsync
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, folder / name)


def _read_file(path: Path) -> bytes:
    """The bytes of a file, from the device where possible: cached pages are dropped first."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        with contextlib.suppress(AttributeError, OSError):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _remove_tree(path: Path) -> None:
    for entry in os.scandir(path):
        if entry.is_dir(follow_symlinks=False):
            _remove_tree(Path(entry.path))
        else:
            os.unlink(entry.path)
    os.rmdir(path)


# --- errors -------------------------------------------------------------------------------------------------------


def _storage_error(exc: OSError, station_id: str) -> StorageError:
    if exc.errno in _FULL:
        return StorageError("stick.full", station=station_id)
    if exc.errno in _READ_ONLY:
        return StorageError("stick.read_only", station=station_id)
    if exc.errno in _REMOVED:
        return StorageError("stick.removed", station=station_id)
    return StorageError("stick.write_failed", station=station_id, errno=exc.errno)


@contextlib.contextmanager
def _mapped_errors(station_id: str) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise _storage_error(exc, station_id) from exc


def _check_stick(stick_dir: Path, station_id: str, master_id: str | None) -> int:
    """The device of the stick's file system, once the stick is the one the count was loaded from.

    `master_id` None: any folder (tests, tools); else the folder must hold that master's manifest. A folder without
    one is a bare mount point (the stick was pulled) or a stick without a master: `stick.no_master`; another master's
    manifest is another election's stick: `stick.foreign`. Nothing is written in either case."""
    if not stick_dir.is_dir():
        raise StorageError("stick.missing", station=station_id)
    if master_id is None:
        return os.stat(stick_dir).st_dev
    manifest = stick_dir / MASTER_MANIFEST
    try:
        status = os.stat(manifest)
    except FileNotFoundError:
        raise StorageError("stick.no_master", station=station_id) from None
    # a master's manifest is a few MB at most: a larger file is another stick's, and is not read into memory
    if status.st_size > MAX_MASTER_MANIFEST or sha256_hex(_read_file(manifest)) != master_id:
        raise StorageError("stick.foreign", station=station_id)
    return status.st_dev


def _on_device(path: Path, device: int, station_id: str) -> None:
    """`path` lies on the stick checked before writing, not on the file system beneath a pulled stick."""
    if os.stat(path).st_dev != device:
        raise StorageError("stick.removed", station=station_id)


def _stick_results(stick_dir: Path, station_id: str) -> Path:
    if not stick_dir.is_dir():
        raise StorageError("stick.missing", station=station_id)
    results = stick_dir / RESULTS_FOLDER
    if not results.is_dir():
        os.mkdir(results)
        fsync_directory(stick_dir)
    return results


# --- recovery -----------------------------------------------------------------------------------------------------


def _leftovers(results: Path) -> dict[str, list[tuple[str, Path]]]:
    found: dict[str, list[tuple[str, Path]]] = {}
    for entry in sorted(os.scandir(results), key=lambda e: e.name):
        match = _LEFTOVER.match(entry.name)
        if match and entry.is_dir(follow_symlinks=False):
            found.setdefault(match["station"], []).append((match["kind"], Path(entry.path)))
    return found


def _recover_station(results: Path, station_id: str, leftovers: list[tuple[str, Path]]) -> None:
    final = results / station_id
    if final.is_dir() and any(kind == "old" for kind, _ in leftovers) and _read_set(final, station_id)[1] is not None:
        # cut off while the new set was read back after the swap, and it does not verify: the old one is better
        broken = results / f".{station_id}.new-{secrets.token_hex(4)}"
        os.rename(final, broken)
        fsync_directory(results)
        leftovers = [*leftovers, ("new", broken)]
    if not final.exists():
        for kind, path in leftovers:
            if kind == "old" and _read_set(path, station_id)[1] is None:
                os.rename(path, final)  # interrupted between steps 4 and 5: the old complete set comes back
                fsync_directory(results)
                break
    for _kind, path in leftovers:
        if path.exists():
            _remove_tree(path)
    fsync_directory(results)


def recover_results(stick_dir: Path, station_id: str | None = None) -> None:
    """Clean up what an interrupted write left on the stick (for one bureau, or all): see the module docstring."""
    label = station_id or "-"
    with _mapped_errors(label):
        results = stick_dir / RESULTS_FOLDER
        if not results.is_dir():
            return
        for station, leftovers in _leftovers(results).items():
            if station_id is None or station == station_id:
                _recover_station(results, station, leftovers)


# --- writing ------------------------------------------------------------------------------------------------------


class _Steps:
    """Progress over the whole write: each file written, each file read back (staged, then final), the last step."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.done, self.total, self._progress = 0, total, progress
        self._report()

    def step(self) -> None:
        self.done += 1
        self._report()

    def _report(self) -> None:
        if self._progress is not None:
            self._progress(self.done, self.total)


def _write_set(
    staging: Path,
    station_id: str,
    files: Mapping[str, bytes],
    hashes: Mapping[str, str],
    steps: _Steps,
    sign_manifest: SignManifest | None = None,
) -> dict[str, bytes]:
    """Every file, then manifest.json, then (when a signer is given) manifest.p7s: the files the set ends with."""
    for name in hashes:
        _write_file_atomically(staging, name, files[name])
        steps.step()
    fsync_directory(staging)  # every file is durable before the manifest that vouches for it
    manifest = make_manifest(station_id, hashes)
    _write_file_atomically(staging, MANIFEST_NAME, manifest)
    fsync_directory(staging)
    steps.step()
    written = {MANIFEST_NAME: manifest}
    if sign_manifest is not None:  # last: one signature over the manifest, so over every byte of the set
        written[SIGNATURE_NAME] = sign_manifest(manifest)
        _write_file_atomically(staging, SIGNATURE_NAME, written[SIGNATURE_NAME])
        fsync_directory(staging)
    return written


def _verify_set(staging: Path, expected: Mapping[str, bytes], station_id: str, steps: _Steps) -> None:
    on_disk = sorted(entry.name for entry in os.scandir(staging))
    if on_disk != sorted(expected):
        raise StorageError("stick.verify_failed", station=station_id)
    for name in sorted(expected):
        if _read_file(staging / name) != expected[name]:  # every byte, as read from the device
            raise StorageError("stick.verify_failed", station=station_id)
        steps.step()


def _swap_in(
    results: Path, station_id: str, staging: Path, token: str, expected: Mapping[str, bytes], steps: _Steps
) -> None:
    final = results / station_id
    old = results / f".{station_id}.old-{token}"
    had_old = final.exists()
    if had_old:
        os.rename(final, old)
    try:
        if had_old:
            fsync_directory(results)
        os.rename(staging, final)
        fsync_directory(results)
        _verify_set(final, expected, station_id, steps)  # what a reader finds under the final name, not the staged
    except (OSError, StorageError):
        with contextlib.suppress(OSError):
            if final.exists() and not staging.exists():
                os.rename(final, staging)  # the new set failed: back to staging, which the caller discards
            if had_old and not final.exists():
                os.rename(old, final)  # put the old set back; if even this fails, recovery does it next time
            fsync_directory(results)
        raise
    if had_old:  # the new set is in place and verified: a failure from here on only leaves a hidden leftover
        with contextlib.suppress(OSError):
            _remove_tree(old)
            fsync_directory(results)


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.exists():
            _remove_tree(path)


def write_results(
    stick_dir: Path,
    station_id: str,
    files: Mapping[str, bytes],
    *,
    progress: Progress | None = None,
    master_id: str | None = None,
    sign_manifest: SignManifest | None = None,
) -> ResultsReceipt:
    """Write the bureau's results to `STICK/results/<station>/`, verified, replacing an earlier set as a whole.

    `files` maps file names (Windows-safe, `manifest.json` and `manifest.p7s` excluded: they are made here) to
    their bytes; `sign_manifest` makes manifest.p7s from the manifest's bytes (the session passes the bureau's).
    `progress(done, total)` is called at the start and after every step. `master_id` (see
    `app.station_login.master_id`): write only to a stick holding that master. Raises `BadName` for an unusable name
    and `StorageError` (missing, no master or another master, full, read-only, removed, verification failed) when
    the stick lets us down; then the stick holds the old complete set (or the new one, when only the clean-up after
    the swap failed) or nothing that verifies, and the same call can be retried on this or another copy.
    """
    station = check_name(station_id)
    names = _check_file_names(files)
    hashes = {name: sha256_hex(files[name]) for name in names}  # once: for the manifest and the receipt
    steps = _Steps(total=3 * len(names) + 4 + (2 if sign_manifest else 0), progress=progress)  # p7s: read back 2x
    with _mapped_errors(station):
        device = _check_stick(stick_dir, station, master_id)
        results = _stick_results(stick_dir, station)
        _on_device(results, device, station)
        recover_results(stick_dir, station)
        token = secrets.token_hex(4)
        staging = results / f".{station}.new-{token}"
        os.mkdir(staging)
        try:
            _on_device(staging, device, station)
            written = _write_set(staging, station, files, hashes, steps, sign_manifest)
            manifest = written[MANIFEST_NAME]
            expected = {**files, **written}
            _verify_set(staging, expected, station, steps)
            _swap_in(results, station, staging, token, expected, steps)
        except (OSError, StorageError):
            _discard(staging)
            raise
        steps.step()
    return ResultsReceipt(station, results / station, hashes, sha256_hex(manifest))


# --- reading (for the verifier) -----------------------------------------------------------------------------------


def list_result_stations(stick_dir: Path) -> list[str]:
    """The bureau ids with a results folder on the stick, sorted; leftovers of interrupted writes are ignored."""
    results = stick_dir / RESULTS_FOLDER
    with _read_errors("-"):
        if not results.is_dir():
            return []
        entries = list(os.scandir(results))
    return sorted(e.name for e in entries if e.is_dir(follow_symlinks=False) and name_problem(e.name) is None)


def foreign_result_entries(stick_dir: Path) -> list[str]:
    """Entries under `results/` that are no bureau's results folder and no leftover of an interrupted write:
    a file, a link, a folder with a name Tabula never writes. An importer walking the folders must not take them."""
    results = stick_dir / RESULTS_FOLDER
    with _read_errors("-"):
        if not results.is_dir():
            return []
        entries = list(os.scandir(results))
    return sorted(
        e.name
        for e in entries
        if not (e.is_dir(follow_symlinks=False) and (_LEFTOVER.match(e.name) or name_problem(e.name) is None))
    )


@contextlib.contextmanager
def _read_errors(station_id: str) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise StorageError("stick.read_failed", station=station_id) from exc


def read_results(stick_dir: Path, station_id: str) -> dict[str, bytes]:
    """Every file of the bureau's results except the manifest and its signature, checked against the manifest.

    Raises `UntrustedData` when the folder is missing, or when a file is missing, extra or altered
    (`stick.results_altered` names the file) or too large, and `StorageError` when the stick cannot be read.
    """
    return read_results_set(stick_dir, station_id).files


def read_results_set(stick_dir: Path, station_id: str) -> ResultsSet:
    """`read_results` with the manifest's bytes and its signature, for the verifier to check the signature."""
    folder = stick_dir / RESULTS_FOLDER / check_name(station_id)
    with _read_errors(station_id):
        if not folder.is_dir():
            raise UntrustedData("stick.results_missing", station=station_id)
        found, fault = _read_signed_set(folder, station_id)
    if fault is not None:
        raise fault
    return found


def interrupted_writes(stick_dir: Path) -> list[str]:
    """The hidden leftovers of interrupted writes under `results/` (`.<station>.new-*`, `.old-*`): never results,
    and removed by the next write; a verifier names them."""
    results = stick_dir / RESULTS_FOLDER
    with _read_errors("-"):
        if not results.is_dir():
            return []
        return sorted(
            e.name for e in os.scandir(results) if _LEFTOVER.match(e.name) and e.is_dir(follow_symlinks=False)
        )
