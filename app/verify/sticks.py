"""A stick's `results/` folder: each bureau folder checked under its time budget, the manifest and its signature,
and what produced the files when the manifest fails (`signed_messages`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from cryptography import x509

from app import stick
from app.eml.verify import VerifiedMessage, verify_message
from app.errors import TabulaError
from app.results_layout import (
    COUNT_FILE,
    PASS_FILES,
    VOTES_FILE,
)
from app.signing.cms import verify_detached
from app.signing.pki import station_id_of
from app.verify.files import check_provenance, verify_files_into
from app.verify.report import Message, StationReport, StickReport

DEFAULT_BUDGET = 60.0  # seconds per bureau: a 2,400-ballot bureau takes about one


def verify_stick(
    stick_dir: Path, root: x509.Certificate, now: dt.datetime, *, budget: float = DEFAULT_BUDGET
) -> list[StationReport]:
    """One report per bureau folder on the stick; an empty list when there is nothing to verify."""
    return verify_results(stick_dir, root, now, budget=budget).stations


def verify_results(
    stick_dir: Path, root: x509.Certificate, now: dt.datetime, *, budget: float = DEFAULT_BUDGET
) -> StickReport:
    """Every entry under `STICK/results/`: a report per bureau folder, one per entry that is none (a file, a link,
    a folder with a name Tabula never writes), each under its own name, and a note per leftover of an interrupted
    write (a hidden `.<station>.new-*` / `.old-*` folder: never a result, removed by the next write)."""
    result = StickReport(folder=str(stick_dir))
    try:
        if not (stick_dir / stick.RESULTS_FOLDER).is_dir():
            result.problems.append(("verify.nothing", {}))
            return result
        stations = stick.list_result_stations(stick_dir)
        foreign = stick.foreign_result_entries(stick_dir)
        leftovers = stick.interrupted_writes(stick_dir)
    except TabulaError as error:
        result.problems.append((error.key, dict(error.params)))
        return result
    for station in stations:
        check = _station_check(stick_dir, root, now)
        result.stations.append(guarded(station, check, budget))
    for name in foreign:  # reported under its own name: "check everything under results/" (contract)
        report = StationReport(name)
        report.add("verify.foreign_entry", name=name)
        result.stations.append(report)
    for name in leftovers:  # never results, and not ignored: the write they belong to did not finish
        result.notes.append(("verify.leftover", {"name": name}))
    if not result.stations:
        result.problems.append(("verify.empty_results", {}))
    return result


def _station_check(stick_dir: Path, root: x509.Certificate, now: dt.datetime) -> Callable[[StationReport], None]:
    def check(report: StationReport) -> None:
        try:
            signed = stick.read_results_set(stick_dir, report.station)
        except TabulaError as error:
            report.add_error(error)
            folder = stick_dir / stick.RESULTS_FOLDER / report.station
            check_provenance(report, signed_messages(folder, report.station, root, now))
            return
        verify_files_into(report, signed.files, root, now)
        _check_manifest(report, signed, root, now)

    return check


def signed_messages(
    folder: Path, station: str, root: x509.Certificate, now: dt.datetime
) -> dict[str, VerifiedMessage | None]:
    """The EML files of a results `folder` of `station` as they lie there, manifest or not, each verified on its own
    signature up to the root (None: absent, unreadable or not verifying). When the manifest fails, what produced the
    files must still be told: an altered PV must not hide that the result is a training one (nor which platform
    made it), and replay must know whether a folder it would replace holds a real result."""
    verified: dict[str, VerifiedMessage | None] = {}
    for name in (VOTES_FILE, COUNT_FILE, *PASS_FILES.values()):
        data = _read_plain_file(folder / name)
        try:
            verified[name] = None if data is None else verify_message(data, root, at=now, expected_station=station)
        except TabulaError:
            verified[name] = None  # the manifest's problem already says the folder is not as written
    return verified


def _read_plain_file(path: Path) -> bytes | None:
    """A plain file's bytes (a link is not followed), None when absent, unreadable or larger than the verifier
    ever reads for its name (`stick.size_limit`, checked before reading)."""
    limit = stick.size_limit(path.name)
    try:
        found = path.lstat()
        if not stat.S_ISREG(found.st_mode) or found.st_size > limit:
            return None
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb") as opened:
            data = opened.read(limit + 1)  # it may have grown since
    except OSError:
        return None
    return data if len(data) <= limit else None


class _OutOfTime(BaseException):
    """Raised by the alarm inside one bureau's checks. A BaseException, like KeyboardInterrupt, so that no library's
    `except Exception` swallows it and carries on."""


def guarded(station: str, check: Callable[[StationReport], None], budget: float) -> StationReport:
    """`check` run on a new report for `station`: whatever it raises, and running out of time, become problems of
    that report (with what was found before); never an error for the whole stick."""
    report = StationReport(station)
    try:
        with _time_budget(budget):
            check(report)
    except _OutOfTime:
        report.add("verify.out_of_time", seconds=f"{budget:g}")
    except Exception as error:  # one bureau's files, however damaged, are that bureau's problem
        report.add("verify.unreadable", what=type(error).__name__)  # the type for the helpdesk, no text from it
    return report


@contextlib.contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Raise `_OutOfTime` in the checks once `seconds` have passed: a real-time alarm, so only where signals are
    delivered (the command line's main thread); elsewhere (the kiosk's self-check in a worker) without a budget.
    The files are bounded by size and shape before any costly step, so a check between two bytecodes is enough."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def alarm(_signum: int, _frame: object) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _check_manifest(report: StationReport, signed: stick.ResultsSet, root: x509.Certificate, now: dt.datetime) -> None:
    """manifest.json exactly as the appliance writes it, and manifest.p7s: the bureau's CMS signature over its
    bytes, chaining to the root, made with the same certificate as the results."""
    station, hashes = stick.parse_manifest(signed.manifest)  # read_results_set checked it parses
    if signed.manifest != stick.make_manifest(station, hashes):
        report.add("verify.manifest_form")
    if signed.signature is None:
        report.add("verify.file_missing", file=stick.SIGNATURE_NAME)
        return
    try:
        signer, carried = verify_detached(signed.signature, signed.manifest, root, now)
    except TabulaError as error:
        report.add("verify.in_file", file=stick.SIGNATURE_NAME, detail=Message.of(error))
        return
    if station_id_of(signer) != report.station:
        report.add("verify.wrong_signer", file=stick.SIGNATURE_NAME, found=station_id_of(signer))
    elif report.signer is not None and (signer != report.signer or frozenset(carried) != report.carried):
        # the same certificates, byte for byte, as the signed files carry (the manifest covers those bytes)
        report.add("verify.other_certificate", file=stick.SIGNATURE_NAME)


def verify_station(stick_dir: Path, station: str, root: x509.Certificate, now: dt.datetime) -> StationReport:
    """One bureau's folder, every check, guarded like every bureau of `verify_stick`."""
    return guarded(station, _station_check(stick_dir, root, now), DEFAULT_BUDGET)
