"""Every check of one bureau's result files (`verify_files`): EML signatures, schemas and reading (each file parsed
once), provenance, the recount from the ballots, the pass readings, the PV and the security log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

from cryptography import x509
from lxml import etree

from app import safe_json
from app.counting.bureau import MAX_BALLOTS
from app.counting.model import Candidate, CandidateList, Election, Kind, Position
from app.counting.tally import Tally, tally
from app.eml.count import CountMessage, read_count_tree
from app.eml.pass_readings import Entries, check_passes, reading_problems
from app.eml.passes import PassMessage, read_pass_tree
from app.eml.safe_xml import parse
from app.eml.schemas import validate_tree
from app.eml.verify import VerifiedMessage, verify_tree
from app.eml.votes import VotesMessage, claim_matches, read_votes_tree, reclassify
from app.errors import TabulaError, UntrustedData
from app.platform.measurement import Mode
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
from app.signing.control_number import canonical_results, control_number
from app.signing.pades import verify_pdf
from app.signing.pki import station_id_of
from app.verify.report import TRAINING_PROBLEM, Message, StationReport

_M = TypeVar("_M")  # a message read from a tree
MAX_SCHEMA_PROBLEMS = 10  # per file: a forged file may break the schema at every element


def verify_files(station: str, files: dict[str, bytes], root: x509.Certificate, now: dt.datetime) -> StationReport:
    """Every check of one bureau's result files (the manifest already checked); the appliance runs this too,
    on the set it is about to write, so that what it calls written and verified also passes at the canton."""
    report = StationReport(station)
    verify_files_into(report, files, root, now)
    return report


def verify_files_into(report: StationReport, files: dict[str, bytes], root: x509.Certificate, now: dt.datetime) -> None:
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
    check_provenance(report, verified)
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


def check_provenance(report: StationReport, verified: dict[str, VerifiedMessage | None]) -> None:
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
