"""`tabula verify`: everything an importer (Martine) or an auditor must check on a results stick.

For every bureau folder under `STICK/results/`: the manifest and every file hash; every EML file valid against the
OASIS EML 5.0 schemas; every XML signature (message and each ballot) and the PV's PAdES signature up to the given
root; the signer is the bureau the folder is named after; a full recount from the individual ballots of the 460
equal to the 510 results; both pass readings signed with the same bureau certificate, their comparison computed
again and every ballot of the result explained by them (`app.eml.pass_readings`); the control number and the files hash
printed in the PV equal to the recomputed ones; the security log's hash chain and seal; manifest.p7s, the bureau's
CMS signature over the exact bytes of manifest.json (so over every byte of every file).

What produced the result (X2, contract `--training`): the platform signed into each EML `Seal` (software version,
system hash, PCRs, mode) must be the same in every file of the bureau, in the PV's keywords and in the sealed
security log; `--json` reports it as `platform`, with `training`. A training result is a problem (it can never be
imported as a real one). A result made in development mode (no TPM) is a note, not a problem: tests, demos and
acceptance runs are made without TPM and must still verify, and the mode is printed on the PV, in every file and in
the report, so whoever imports results sees it; refusing it is the importer's decision, on `platform.mode`. When the
manifest or a file hash fails, training and platform are still read from every EML file whose own signature verifies
(`signed_messages`): a changed PV must not turn a training result into an unknown one; `--json` says "unknown" only
where nothing signed can be read.

The command takes several sticks (contract `verify STICK_DIR...`) and reports every bureau of each. Its own bad
input (an unreadable root, a stick folder that does not exist) is exit 2, said on stderr without the kiosk's "who can
fix it" sentence (whoever runs verify fixes their own command line), and with `--json` still as the JSON object on
stdout, which an import tool reads.

No file can hang or stop it (contract: one damaged bureau is that bureau's problems): files are refused by size
before they are read (`app.stick`), XML by shape before it is canonicalised (`app.eml.safe_xml`); whatever a
bureau's checks still raise becomes a problem of that bureau, and each bureau has a time budget (`--budget`,
60 s by default) after which its checks stop with a problem saying so. The other bureaus are verified all the same.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import signal
import stat
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from lxml import etree

from app import safe_json, stick
from app.counting.bureau import MAX_BALLOTS
from app.counting.definition import definition_problems
from app.counting.model import Candidate, CandidateList, Election, ElectionCode, Kind, Position
from app.counting.tally import Tally, tally
from app.eml.count import CountMessage, read_count_tree
from app.eml.pass_readings import Entries, check_passes, reading_problems
from app.eml.passes import PassMessage, read_pass_tree
from app.eml.safe_xml import parse
from app.eml.schemas import validate_tree
from app.eml.verify import VerifiedMessage, verify_message, verify_tree
from app.eml.votes import VotesMessage, claim_matches, read_votes_tree, reclassify
from app.errors import BadInput, TabulaError, UntrustedData
from app.i18n import translate
from app.platform.measurement import Measurement, Mode
from app.report.pv_meta import read_pv_claims
from app.results_layout import (
    COUNT_FILE,
    LOG_FILE,
    PASS_FILES,
    PV_FILE,
    RESULT_FILES,
    VOTES_FILE,
    covered_by_pv,
    eml_files,
    files_digest,
)
from app.seclog import EventType, LogProblem, verify_log
from app.signing.cms import verify_detached
from app.signing.control_number import canonical_results, control_number
from app.signing.pades import verify_pdf
from app.signing.pki import station_id_of

Problem = tuple[str, dict[str, object]]
_M = TypeVar("_M")  # a message read from a tree

TRAINING_PROBLEM = "verify.training"  # the problem of a training result (the kiosk's self-check expects it there)
DEFAULT_BUDGET = 60.0  # seconds per bureau: a 2,400-ballot bureau takes about one
MAX_SCHEMA_PROBLEMS = 10  # per file: a forged file may break the schema at every element


@dataclass
class StationReport:
    station: str
    control_number: str = ""
    tally: Tally | None = None
    problems: list[Problem] = field(default_factory=list)
    election: str | None = None  # the election code, e.g. CK (510, else 460)
    constituency: str | None = None  # the constituency as the 510 names it
    name: str | None = None  # the bureau's name, as written with every ballot of the 460
    received: int | None = None  # ballots received, as the sealed security log states them with the results
    entries: Entries = field(default_factory=Entries)  # recomputed from the pass readings
    signer: x509.Certificate | None = None  # the certificate of the results (460, else 510), once verified
    carried: frozenset[x509.Certificate] = frozenset()  # the certificates that file's Seal carries (bureau, issuing)
    platform: Measurement | None = None  # what the EML files say produced them (460, else 510), once verified
    training: bool | None = None  # a training result; None: no EML file could be verified
    notes: list[Problem] = field(default_factory=list)  # worth knowing, not a problem (development mode)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, key: str, **params: object) -> None:
        if (key, params) not in self.problems:  # a file that cannot be read is met by several checks: said once
            self.problems.append((key, params))

    def add_error(self, error: TabulaError) -> None:
        self.add(error.key, **error.params)


@dataclass
class StickReport:
    """Every bureau of a stick, what is wrong with the stick itself (no results folder, an unreadable one), and
    what is worth knowing without failing it (a leftover of an interrupted write beside the sets it did not touch:
    contract, "a run that is interrupted leaves the old complete set")."""

    stations: list[StationReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    folder: str = ""  # the stick as named on the command line
    missing: bool = False  # that folder does not exist: bad input (exit 2), not a failed check

    @property
    def ok(self) -> bool:
        return bool(self.stations) and not self.problems and all(r.ok for r in self.stations)


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
            _check_provenance(report, signed_messages(folder, report.station, root, now))
            return
        _verify_files_into(report, signed.files, root, now)
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


def verify_files(station: str, files: dict[str, bytes], root: x509.Certificate, now: dt.datetime) -> StationReport:
    """Every check of one bureau's result files (the manifest already checked); the appliance runs this too,
    on the set it is about to write, so that what it calls written and verified also passes at the canton."""
    report = StationReport(station)
    _verify_files_into(report, files, root, now)
    return report


def _verify_files_into(
    report: StationReport, files: dict[str, bytes], root: x509.Certificate, now: dt.datetime
) -> None:
    """Every check of `verify_files` into `report`. Each EML file is parsed once, and its one tree serves its
    signatures, its schema and its reading, in that order (none of them changes it)."""
    station = report.station
    for name in sorted(RESULT_FILES - files.keys()):
        report.add("verify.file_missing", file=name)
    for name in sorted(files.keys() - RESULT_FILES):
        # an unsigned extra file (a "corrected" PV, a CSV of figures) must never pass as part of the results
        report.add("verify.file_unexpected", file=name)
    parsed = {name: _parse(files[name]) for name in (VOTES_FILE, COUNT_FILE, *PASS_FILES.values()) if name in files}
    verified = {name: _check_eml(report, name, tree, station, root, now) for name, tree in parsed.items()}
    _same_certificate(report, verified)
    _check_provenance(report, verified)
    votes, count = _read(report, parsed)
    _describe(report, votes, count)
    if count is not None:
        report.tally = count.tally
        report.control_number = _recount(report, votes, count)
    _check_passes(report, parsed, votes, count)
    if PV_FILE in files:
        _check_pv(report, files, station, root, now)
    if LOG_FILE in files:
        _check_log(report, files[LOG_FILE], files)


@dataclass(frozen=True)
class _Parsed:
    """One EML file of the set, parsed once (`app.eml.safe_xml.parse`, its limits, on exactly the bytes given) for
    its signatures, its schema and its reading; or why it cannot be parsed (the file is not read any further)."""

    tree: etree._Element | None
    error: TabulaError | None = None


def _parse(data: bytes) -> _Parsed:
    try:
        return _Parsed(parse(data, error=UntrustedData))
    except TabulaError as error:
        return _Parsed(None, error)


def _check_eml(
    report: StationReport, name: str, parsed: _Parsed, station: str, root: x509.Certificate, now: dt.datetime
) -> VerifiedMessage | None:
    if parsed.tree is None:  # said once: no signature or schema to check in what cannot be read
        _add_unreadable(report, name, parsed)
        return None
    verified = None
    try:
        verified = verify_tree(parsed.tree, root, at=now, expected_station=station)  # leaves the tree as it was
    except TabulaError as error:
        report.add("verify.in_file", file=name, detail=Message.of(error))
    problems = validate_tree(parsed.tree)
    for problem in problems[:MAX_SCHEMA_PROBLEMS]:
        report.add("verify.schema", file=name, detail=problem)
    if len(problems) > MAX_SCHEMA_PROBLEMS:
        report.add("verify.schema_more", file=name, count=len(problems) - MAX_SCHEMA_PROBLEMS)
    return verified


def _add_unreadable(report: StationReport, name: str, parsed: _Parsed) -> None:
    assert parsed.error is not None  # no tree without the reason
    report.add("verify.in_file", file=name, detail=Message.of(parsed.error))


def _read_tree(report: StationReport, name: str, parsed: _Parsed, reader: Callable[[etree._Element], _M]) -> _M | None:
    """`reader` on the tree of file `name`, None with the problem reported when it cannot be read (a file that
    cannot be parsed was reported by `_check_eml`: said once)."""
    if parsed.tree is None:
        _add_unreadable(report, name, parsed)
        return None
    try:
        return reader(parsed.tree)
    except TabulaError as error:
        report.add("verify.in_file", file=name, detail=Message.of(error))
        return None


def _check_provenance(report: StationReport, verified: dict[str, VerifiedMessage | None]) -> None:
    """The platform and training flag signed into the EML files: said in each, the same in all of them."""
    messages = {name: message for name, message in verified.items() if message is not None}
    for name, message in messages.items():
        if message.platform is None:
            report.add("verify.platform_missing", file=name)
    platforms = [m.platform for m in messages.values() if m.platform is not None]
    trainings = {m.training for m in messages.values()}
    if any(platform != platforms[0] for platform in platforms):
        report.add("verify.platform_differs")
    if len(trainings) > 1:
        report.add("verify.training_differs")
    report.platform = platforms[0] if platforms else None
    report.training = any(trainings) if trainings else None
    if report.training:
        report.add(TRAINING_PROBLEM)
    if report.platform is not None and report.platform.mode is Mode.DEVELOPMENT:
        report.notes.append(("verify.development", {}))


def _same_certificate(report: StationReport, verified: dict[str, VerifiedMessage | None]) -> None:
    """The pass readings are signed with the certificate of the results: the same bureau, the same key."""
    reference = verified.get(VOTES_FILE) or verified.get(COUNT_FILE)
    if reference is None:
        return
    report.signer = reference.signer_certificate
    report.carried = frozenset(reference.chain[:-1])  # without the root: the verifier's own
    for name in PASS_FILES.values():
        message = verified.get(name)
        if message is not None and message.signer_certificate != reference.signer_certificate:
            report.add("verify.other_certificate", file=name)


@dataclass(frozen=True)
class Message:
    """A message inside a problem (a key and its parameters), said in the reader's language when printed.
    Kept structured: text from a stick (a quoted value, a schema message) is only ever a parameter."""

    key: str
    params: dict[str, object]

    @classmethod
    def of(cls, error: TabulaError | LogProblem) -> Message:
        return cls(error.key, dict(error.params))


def _read(report: StationReport, parsed: dict[str, _Parsed]) -> tuple[VotesMessage | None, CountMessage | None]:
    votes = _read_tree(report, VOTES_FILE, parsed[VOTES_FILE], read_votes_tree) if VOTES_FILE in parsed else None
    count = _read_tree(report, COUNT_FILE, parsed[COUNT_FILE], read_count_tree) if COUNT_FILE in parsed else None
    for name, message in ((VOTES_FILE, votes), (COUNT_FILE, count)):
        if message is not None and message.station_id != report.station:
            report.add("verify.wrong_station", file=name, found=message.station_id)
    if (
        votes is not None
        and count is not None
        and (votes.election, votes.contest_id) != (count.election, count.contest_id)
    ):
        report.add(
            "verify.contest_mismatch",
            votes=f"{votes.election.value} {votes.contest_id}",
            count=f"{count.election.value} {count.contest_id}",
        )
    return votes, count


def _describe(report: StationReport, votes: VotesMessage | None, count: CountMessage | None) -> None:
    """Which count the stick claims to be: election, constituency, bureau name, ballots received."""
    if count is not None:
        report.election, report.constituency = count.election.value, count.constituency
    elif votes is not None:
        report.election = votes.election.value
    if votes is not None and votes.station_name:
        report.name = votes.station_name


def _check_passes(
    report: StationReport, parsed: dict[str, _Parsed], votes: VotesMessage | None, count: CountMessage | None
) -> None:
    """Read both pass files, check their readings, and lay every pile of the result against them."""
    passes: dict[int, PassMessage | None] = {}
    for pass_no, name in PASS_FILES.items():
        passes[pass_no] = message = (
            None if name not in parsed else _read_tree(report, name, parsed[name], read_pass_tree)
        )
        if message is None:
            continue
        if message.station_id != report.station:
            report.add("verify.wrong_station", file=name, found=message.station_id)
        if count is not None:
            report.problems += reading_problems(message, election_from_count(count), name)
    if votes is None:  # nothing to lay the readings against: count them only
        counts = [None if message is None else len(message.readings) for message in passes.values()]
        report.entries = Entries(*counts)
        return
    problems, report.entries = check_passes(votes, passes, PASS_FILES)
    report.problems += problems


def election_from_count(message: CountMessage) -> Election:
    """The shape of the election (lists, number of titulars and successors) as the 510 states it."""
    lists = tuple(
        CandidateList(
            lst.number,
            str(lst.number),
            tuple(Candidate(lst.number, Kind.TITULAR, Position(i), "") for i in range(1, len(lst.titular_votes) + 1)),
            tuple(
                Candidate(lst.number, Kind.SUCCESSOR, Position(i), "") for i in range(1, len(lst.successor_votes) + 1)
            ),
        )
        for lst in message.tally.lists
    )
    has_successors = any(lst.successors for lst in lists)
    return Election(message.election, message.constituency, lists, has_successors)


def _recount(report: StationReport, votes: VotesMessage | None, count: CountMessage) -> str:
    """Recount from the individual ballots and compare with the 510; the control number from the 510."""
    election = election_from_count(count)
    number = control_number(canonical_results(report.station, election, count.tally))
    if votes is None:
        return number
    classes = []
    for cast in votes.ballots:
        try:
            recounted = reclassify(election, cast)
        except TabulaError:
            report.add("verify.ballot_outside_election", ballot=str(cast.ref))
            continue
        if not claim_matches(cast, recounted):
            report.add("verify.ballot_category", ballot=str(cast.ref))
        classes.append(recounted)
    recount = tally(election, classes)
    for where, claimed, found in compare_tallies(count.tally, recount):
        report.add("verify.recount_differs", where=where, claimed=claimed, recounted=found)
    return number


def compare_tallies(claimed: Tally, recount: Tally) -> Iterator[tuple[Message, object, object]]:
    """Every figure where the results (510) and the recount from the ballots (460) disagree."""
    for name in ("counted", "blank"):
        if getattr(claimed, name) != getattr(recount, name):
            yield Message(f"verify.where.{name}", {}), getattr(claimed, name), getattr(recount, name)
    if claimed.invalid_by_cause != recount.invalid_by_cause:
        yield Message("verify.where.invalid", {}), claimed.invalid, recount.invalid
    for a, b in zip(claimed.lists, recount.lists, strict=True):
        for label, x, y in (("SC1-SC4", a.subcategories, b.subcategories), ("CE", a.ce, b.ce)):
            if x != y:
                yield Message("verify.where.list", {"list": a.number, "figure": label}), x, y
        for kind, xs, ys in (("T", a.titular_votes, b.titular_votes), ("S", a.successor_votes, b.successor_votes)):
            for i, (x, y) in enumerate(zip(xs, ys, strict=True), start=1):
                if x != y:
                    yield Message("verify.where.candidate", {"list": a.number, "candidate": f"{kind}{i}"}), x, y


def _check_pv(
    report: StationReport, files: dict[str, bytes], station: str, root: x509.Certificate, now: dt.datetime
) -> None:
    pv = files[PV_FILE]
    try:
        signer = verify_pdf(pv, root, moment=now)
    except TabulaError as error:
        report.add("verify.in_file", file=PV_FILE, detail=Message.of(error))
        return
    if station_id_of(signer) != station:
        report.add("verify.wrong_signer", file=PV_FILE, found=station_id_of(signer))
    claims = read_pv_claims(pv)
    if report.control_number and claims.get("control_number") != report.control_number:
        report.add(
            "verify.pv_control_number", printed=claims.get("control_number", "-"), recomputed=report.control_number
        )
    if claims.get("files_sha256") != files_digest(covered_by_pv(files)):
        report.add("verify.pv_files_hash", printed=claims.get("files_sha256", "-"))
    _check_pv_provenance(report, claims)


def _check_pv_provenance(report: StationReport, claims: Mapping[str, str]) -> None:
    """The PV's keywords say the same platform and training flag as the EML files (all signed)."""
    if report.platform is None or report.training is None:
        return  # the EML files said nothing verifiable: reported there
    measurement = report.platform
    expected = {
        "training": "yes" if report.training else "no",
        "mode": measurement.mode.value,
        "system_hash": measurement.system_hash,
        "software_version": measurement.software_version,
    }
    differing = [name for name, value in expected.items() if claims.get(name) != value]
    if differing:
        report.add("verify.pv_provenance", fields=", ".join(differing))


def _check_log(report: StationReport, data: bytes, files: dict[str, bytes]) -> None:
    # The seal is checked with the results' certificate (verified with the 460 or the 510); without one, only the
    # chain is checked (the missing signature is reported for those files).
    for problem in verify_log(data, report.signer):
        report.add("verify.log", detail=Message.of(problem) if isinstance(problem, LogProblem) else problem)
    last = _last_details(data, (EventType.PLATFORM_MEASURED, EventType.RESULTS_BUILT))  # one pass over the log
    _check_log_platform(report, last[EventType.PLATFORM_MEASURED])
    built = last[EventType.RESULTS_BUILT] or {}
    expected = {"control_number": report.control_number, "files_sha256": files_digest(eml_files(files))}
    received = built.pop("received", None)  # the ballots received, as the bureau recorded them
    if built != expected or not (received is None or _is_count(received)):
        report.add("verify.log_other_results")
    else:
        report.received = received if isinstance(received, int) else None


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_BALLOTS


def _check_log_platform(report: StationReport, measured: dict[str, object] | None) -> None:
    """The sealed log's last `platform.measured` (its detail: `measured`) says what the EML files say (the session
    logs it when it opens)."""
    if report.platform is None or report.training is None:
        return
    expected: dict[str, object] = {**report.platform.as_detail(), "training": report.training}
    if measured != expected:
        report.add("verify.log_other_platform")


def _last_details(log: bytes, events: tuple[EventType, ...]) -> dict[EventType, dict[str, object] | None]:
    """The detail of the log's last record of each of `events` (`results.built`: the results the log was sealed
    with); None for an event the log does not have, or whose last record has no detail object."""
    found: dict[EventType, dict[str, object] | None] = dict.fromkeys(events)
    wanted = {event.value: event for event in events}
    for line in log.splitlines():
        try:
            record = safe_json.loads(line)
        except ValueError:
            continue  # a damaged line is reported by verify_log
        name = record.get("event") if isinstance(record, dict) else None
        event = wanted.get(name) if isinstance(name, str) else None  # a list from a stick is no key to look up
        if event is not None:
            detail = record.get("detail")
            found[event] = detail if isinstance(detail, dict) else None
    return found


# --- the command ---------------------------------------------------------------------------------------------------


def render_problem(problem: Problem, language: str) -> str:
    key, params = problem
    return translate(key, language, **_rendered(params, language))


def _rendered(params: dict[str, object], language: str) -> dict[str, object]:
    return {
        name: translate(value.key, language, **_rendered(value.params, language))
        if isinstance(value, Message)
        else value
        for name, value in params.items()
    }


def sticks_json(sticks: list[StickReport], language: str, problems: list[Problem] | None = None) -> dict[str, Any]:
    """The contract's object over every stick given (`verify STICK_DIR...`): `stations` holds every bureau of every
    stick, each naming its `stick`; `sticks` has one entry per stick with its own problems and notes; the top-level
    `problems` and `notes` are those of the sticks (each prefixed with its stick when there are several, so one
    stick's output is exactly the single-stick object) and of the command itself (`problems`: an unreadable root)."""
    several = len(sticks) > 1

    def rendered(stick_report: StickReport, found: list[Problem]) -> list[str]:
        texts = [render_problem(p, language) for p in found]
        return [f"{stick_report.folder}: {text}" for text in texts] if several else texts

    return {
        "ok": bool(sticks) and not problems and all(s.ok for s in sticks),
        "stations": [_station_json(r, language, s.folder) for s in sticks for r in s.stations],
        "problems": [render_problem(p, language) for p in problems or []]
        + [text for s in sticks for text in rendered(s, s.problems)],
        "notes": [text for s in sticks for text in rendered(s, s.notes)],
        "sticks": [
            {
                "stick": s.folder,
                "ok": s.ok,
                "problems": [render_problem(p, language) for p in s.problems],
                "notes": [render_problem(p, language) for p in s.notes],
            }
            for s in sticks
        ],
    }


UNKNOWN = "unknown"  # --json: nothing signed could be read to tell it (never a guess, never a silent null)


def _station_json(report: StationReport, language: str, stick_folder: str = "") -> dict[str, Any]:
    t = report.tally
    return {
        "station": report.station,
        "stick": stick_folder,
        "ok": report.ok,
        "control_number": report.control_number,
        "election": report.election,
        "constituency": report.constituency,
        "name": report.name,
        "received": report.received,
        "entries": report.entries.as_json(),
        # what produced the result, from the files whose own signature verifies (also when the manifest fails)
        "platform": UNKNOWN if report.platform is None else report.platform.as_record(),
        "training": UNKNOWN if report.training is None else report.training,
        # the same keys whatever happened: null where the results could not be read
        "ballots": {
            "counted": t.counted if t else None,
            "valid": t.valid if t else None,
            "blank": t.blank if t else None,
            "invalid": t.invalid if t else None,
        },
        "lists": [
            {
                "list": lst.number,
                "sc1": lst.subcategories[0],
                "sc2": lst.subcategories[1],
                "sc3": lst.subcategories[2],
                "sc4": lst.subcategories[3],
                "ce": lst.ce,
                "titulars": list(lst.titular_votes),
                "successors": list(lst.successor_votes),
            }
            for lst in (t.lists if t else ())
        ],
        "problems": [render_problem(p, language) for p in report.problems],
        "notes": [render_problem(p, language) for p in report.notes],
    }


def report_text(
    reports: list[StationReport],
    language: str,
    problems: list[Problem] | None = None,
    notes: list[Problem] | None = None,
) -> str:
    """One stick's report for a reader: the stick's problems and notes, then a line per bureau with its problems
    (`-`) and notes (`*`)."""
    out = io.StringIO()
    for problem in [*(problems or []), *(notes or [])]:
        out.write(render_problem(problem, language) + "\n")
    if not reports and not problems:
        out.write(translate("verify.nothing", language) + "\n")
    unknown = translate("verify.unknown", language)
    for r in reports:
        status = translate("verify.ok" if r.ok else "verify.failed", language)
        number = r.control_number or unknown
        out.write(f"{r.station}: {status}  {translate('verify.control_number', language)} {number}\n")
        for problem in r.problems:
            out.write(f"  - {render_problem(problem, language)}\n")
        for note in r.notes:
            out.write(f"  * {render_problem(note, language)}\n")
    return out.getvalue()


def sticks_text(sticks: list[StickReport], language: str) -> str:
    """Every stick's report (`report_text`), under a heading per stick when there are several, and once at the end,
    when anything failed, what the verifier does about it (the problems say what is wrong, not who acts)."""
    parts = [
        (translate("verify.stick_heading", language, stick=s.folder) + "\n" if len(sticks) > 1 else "")
        + report_text(s.stations, language, s.problems, s.notes)
        for s in sticks
        if not s.missing  # said on stderr, as bad input
    ]
    failed = any(not s.ok for s in sticks if not s.missing)
    return "".join(parts) + (translate("verify.failed_next", language) + "\n" if failed else "")


def is_self_signed(certificate: x509.Certificate) -> bool:
    try:
        certificate.verify_directly_issued_by(certificate)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def read_definition(path: Path) -> Mapping[tuple[ElectionCode, str], Election]:
    """The authority's official elections: candidates.csv, or an EML 230 file (bad input names the file)."""
    from provisioning.csv_import import read_candidates, read_candidates_eml

    return read_candidates_eml(path) if path.suffix.lower() == ".xml" else read_candidates(path)


def verify_command(args: argparse.Namespace, language: str) -> int:
    """`tabula verify STICK_DIR... --ca ROOT_PEM`: every bureau of every stick. Exit 0 when all verify, 1 when a check
    failed, 2 for bad input (an unreadable root or definition, a stick folder that does not exist); with `--json`
    the object is printed on stdout in every case, bad input included (an import tool reads stdout)."""
    try:
        root = read_root(args.ca)
        definition = getattr(args, "definition", None)
        official = read_definition(definition) if definition is not None else None
    except TabulaError as error:
        if args.json:
            _print_json(sticks_json([], language, [(error.key, dict(error.params))]))
        print(translate(error.key, language, **error.params), file=sys.stderr)
        return EXIT_BAD_INPUT
    at = args.at or dt.datetime.now(dt.UTC)
    budget = getattr(args, "budget", DEFAULT_BUDGET)
    sticks = [verify_one_stick(folder, root, at, budget, official) for folder in args.sticks]
    if args.json:
        _print_json(sticks_json(sticks, language))
    else:
        sys.stdout.write(sticks_text(sticks, language))
    for missing in (s for s in sticks if s.missing):  # bad input: one line on stderr, also beside the JSON
        print(render_problem(missing.problems[0], language), file=sys.stderr)
    if any(s.missing for s in sticks):
        return EXIT_BAD_INPUT
    return 0 if all(s.ok for s in sticks) else 1


EXIT_BAD_INPUT = 2  # contract: bad input or usage


def read_root(path: Path) -> x509.Certificate:
    """The trust anchor given with --ca: a readable PEM certificate that is a root (BadInput otherwise)."""
    try:
        root = x509.load_pem_x509_certificate(path.read_bytes())
    except (OSError, ValueError):
        raise BadInput("replay.bad_root", file=str(path)) from None
    if not is_self_signed(root):  # e.g. issuing.pem given by mistake: the anchor must be the authority's root
        raise BadInput("verify.not_a_root", file=str(path))
    return root


def verify_one_stick(
    folder: Path,
    root: x509.Certificate,
    at: dt.datetime,
    budget: float,
    official: Mapping[tuple[ElectionCode, str], Election] | None,
) -> StickReport:
    """One stick of the command line: its report, `missing` when the folder does not exist (bad input)."""
    if not folder.is_dir():
        return StickReport(problems=[("verify.no_stick", {"stick": str(folder)})], folder=str(folder), missing=True)
    try:
        result = verify_results(folder, root, at, budget=budget)
    except Exception as error:  # never a bare "internal error" for a stick: the report still prints
        result = StickReport(problems=[("verify.stick_unreadable", {"what": type(error).__name__})])
    result.folder = str(folder)
    if official is not None:
        for station in result.stations:
            if station.tally is not None:
                station.problems += definition_problems(official, station.election, station.constituency, station.tally)
    return result


def _print_json(report: dict[str, Any]) -> None:
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
