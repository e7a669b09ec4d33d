"""The count session of one bureau: the one service both the kiosk screens and `tabula replay` use.

It joins the pure core (count state machine, checks, EML, PV) to the shell (journal, security log, stick):
every event is durable in the journal before `apply` returns (C7), security-relevant events go to the log (X1),
and `write_results` builds the whole evidence set and writes it to the stick (O1–O6, S3).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cryptography import x509

from app import stick
from app.counting import count as counting
from app.counting.bureau import BureauRecord
from app.counting.checks import CheckInput, Finding, PileCount, examine, run_checks
from app.counting.classify import Verdict, classify
from app.counting.count import Count, Event, Phase
from app.counting.decisions import DecidedBallot
from app.counting.double_entry import Decision
from app.counting.model import Ballot, BallotRef, Box, Election, Kind, Mark, Station, Status
from app.counting.notation import format_marks, format_status
from app.counting.tally import Tally, tally
from app.durable import utc_now
from app.eml import pass_readings
from app.eml.count import write_count
from app.eml.passes import write_pass
from app.eml.votes import write_votes
from app.errors import CountStateError, TabulaError, UntrustedData
from app.i18n import translate
from app.journal import Journal, open_journal
from app.platform.measurement import Provenance
from app.platform.tpm import PlatformRefused
from app.report.local_time import format_belgian
from app.report.pv import render_pv
from app.report.pv_data import (
    Bureau,
    Composition,
    ContestedBallot,
    DecidedDifference,
    Overrule,
    PollingStation,
    PvData,
)
from app.results_layout import (
    COUNT_FILE,
    LOG_FILE,
    PASS_FILES,
    PV_FILE,
    VOTES_FILE,
    eml_files,
    files_digest,
    files_listing,
)
from app.seclog import EventType, SecurityLog
from app.signing.cms import sign_detached
from app.signing.control_number import canonical_results, control_number
from app.signing.pades import sign_pdf
from app.signing.signer import Signer
from app.station_login import LoadedStation
from app.verify import TRAINING_PROBLEM, render_problem, verify_files

Clock = Callable[[], dt.datetime]
T = TypeVar("T")
Progress = Callable[[float, str], None]


# What the bureau records besides the ballots; kept in the count (journaled) so the PV prints what the checks used.
BureauContext = BureauRecord


@dataclass(frozen=True)
class ResultFiles:
    files: dict[str, bytes]
    control_number: str
    files_sha256: str


@dataclass(frozen=True)
class WrittenResults:
    control_number: str
    files_sha256: str
    folder: Path


class Session:
    def __init__(self, loaded: LoadedStation, journal: Journal, log: SecurityLog, *, clock: Clock = utc_now) -> None:
        self.loaded = loaded
        self.journal = journal
        self.log = log
        self.clock = clock
        self._tallied: tuple[Count, Tally] | None = None  # a count is immutable: its tally is kept with it
        self._log_platform()

    def _log_platform(self) -> None:
        """Every session that opens (the kiosk's, a replay's, on each resume) logs the platform it runs on (X2:
        software version, system hash, PCRs, mode) and whether it is a training run: `verify` holds the sealed
        log's last such record against the platform signed into the result files."""
        detail: dict[str, str | bool] = {
            **self.provenance.measurement.as_detail(),
            "training": self.provenance.training,
        }
        self.log.record(EventType.PLATFORM_MEASURED, str(self.station.id), detail)

    @property
    def station(self) -> Station:
        return self.loaded.station

    @property
    def election(self) -> Election:
        return self.loaded.election

    @property
    def signer(self) -> Signer:
        return self.loaded.signer

    @property
    def provenance(self) -> Provenance:
        """What every output says produced it: the measured platform (or development) and whether it is training."""
        return self.loaded.provenance

    @property
    def language(self) -> str:
        return self.station.language.value

    @property
    def count(self) -> Count:
        return self.journal.count

    def apply(self, event: Event) -> Count:
        """Apply one event; it is on durable storage before this returns. Typed errors pass through unchanged."""
        result = self.journal.append(event)
        self._log_event(event)
        return result

    def _log_event(self, event: Event) -> None:
        user = str(self.station.id)
        match event:
            case counting.StartPile():
                self.log.record(
                    EventType.PASS_STARTED, f"{user}/{event.operator}", {"pile": event.pile, "pass": int(event.pass_no)}
                )
            case counting.FinishPile():
                self.log.record(EventType.PASS_FINISHED, user, {"pile": event.pile, "pass": int(event.pass_no)})
            case counting.Decide():
                self._log_decision(event.decision)
            case _:
                pass

    def _log_decision(self, d: Decision) -> None:
        """The decision with its figures, then one event per ballot decided against both passes (X1, C5), each with
        its places and both readings, so the log alone shows every overrule; the last decision of a pile counts."""
        user = f"{self.station.id}/{d.decided_by}"
        records = counting.pile_decided_ballots(self.count.piles[d.pile])
        overruled = [r for r in records if r.overrule]
        detail: dict[str, str | int | None] = {
            "pile": d.pile,
            "ballots": len(d.ballots),
            "differences": sum(1 for r in records if r.differed),
            "overruled": len(overruled),
        }
        self.log.record(EventType.DIFFERENCE_DECIDED, user, detail)
        for r in overruled:
            agreed, decided = r.reading_1, r.decided
            detail = {
                "pile": r.pile,
                "position_1": r.position_1,
                "position_2": r.position_2,
                "position": r.position,
                "agreed": None if agreed is None else format_marks(agreed),
                "agreed_status": None if agreed is None else format_status(agreed),
                "decided": None if decided is None else format_marks(decided),
                "decided_status": None if decided is None else format_status(decided),
                "note": d.note,
            }
            self.log.record(EventType.BALLOT_OVERRULED, user, detail)

    # --- the result ------------------------------------------------------------------------------------------------

    def final_ballots(self) -> tuple[tuple[BallotRef, Ballot], ...]:
        return counting.final_ballots(self.count)

    def tally(self) -> Tally:
        """The tally of the final ballots, made once per state of the count (writing the results asks for it
        several times, each a classification of every ballot)."""
        count = self.count
        if self._tallied is None or self._tallied[0] is not count:
            self._tallied = (count, tally(self.election, [classify(b) for _, b in counting.final_ballots(count)]))
        return self._tallied[1]

    def record(self, context: BureauContext | None) -> BureauContext:
        """The bureau's record: `context` is stored durably first when it differs from the one on file."""
        if context is not None and context != self.count.record:
            self.apply(counting.RecordBureau(context))
        return self.count.record

    def check_input(self, context: BureauContext | None = None) -> CheckInput:
        context = self.record(context)
        piles = tuple(PileCount(p.pile, p.settled or 0, p.counted_by_hand) for p in counting.pile_counts(self.count))
        return CheckInput(self.election, self.tally(), context.polling_stations, context.received_total, piles)

    def findings(self, context: BureauContext | None = None) -> tuple[Finding, ...]:
        return run_checks(self.check_input(context))

    def finalize(self, context: BureauContext | None = None) -> Count:
        """Fix the result: refused while an error stands or a warning is not acknowledged."""
        return self.apply(counting.Finalize(self.findings(context)))

    def control_number(self) -> str:
        return control_number(canonical_results(str(self.station.id), self.election, self.tally()))

    def result_files(self, context: BureauContext | None = None, progress: Progress | None = None) -> ResultFiles:
        """Every file of the bureau's results, signed; the count must be final (and its record is fixed).
        `progress` hears of every file built and, in the 460, of the ballots signed (`BUILD_SHARES`)."""
        if self.count.phase is not Phase.FINAL:
            raise CountStateError("session.not_final")
        context = self.count.record
        now = self.clock()
        ballots = self.final_ballots()
        station_id = str(self.station.id)
        current = self.tally()
        contested = {c.final_ref for c in counting.contested_ballots(self.count) if c.final_ref is not None}
        built_part = _BuildProgress(progress, len(ballots))
        eml = {
            VOTES_FILE: write_votes(
                station_id,
                self.election,
                built_part.ballots([(ref, b, classify(b)) for ref, b in ballots]),
                built_part.signer(self.signer),  # each ballot is signed on its own: most of the building
                issue_date=now.date(),
                contested=contested,
                station_name=self.station.name,
                provenance=pass_readings.provenance_of(self.count),  # how each ballot of a decided pile came to be
                produced_by=self.provenance,
            ),
        }
        built_part.done(VOTES_FILE)
        eml[COUNT_FILE] = write_count(
            station_id, self.election, current, self.signer, issue_date=now.date(), produced_by=self.provenance
        )
        built_part.done(COUNT_FILE)
        # Both passes as entered, signed as whole messages, so that anyone can compare them again (contract).
        for pass_no, pass_file in PASS_FILES.items():
            readings = pass_readings.readings_of(self.count, pass_no)
            if readings:  # a final count has both passes of every pile; verify names what is missing otherwise
                eml[pass_file] = write_pass(
                    station_id,
                    self.election,
                    pass_no,
                    readings,
                    self.signer,
                    issue_date=now.date(),
                    station_name=self.station.name,
                    produced_by=self.provenance,
                )
            built_part.done(pass_file)
        number = control_number(canonical_results(station_id, self.election, current))
        # The log names the results it ends with (the EML files), under its signed seal: an older log cannot be
        # swapped in. It is sealed before the PV, so that the hash the PV prints covers it too.
        received = self.check_input().received  # `verify --json` reports it from here (signed under the log's seal)
        built = {"control_number": number, "files_sha256": files_digest(eml_files(eml)), "received": received}
        self.log.record(EventType.RESULTS_BUILT, station_id, built, time=now)
        files = {**eml, LOG_FILE: self.log.sealed_export(self.signer, station_id, time=now)}
        built_part.done(LOG_FILE)
        digest = files_digest(files)  # every result file but the PV itself (O4); the PV lists them
        pv = render_pv(self._pv_data(context, current, number, digest, now, files_listing(files)))
        built_part.done("pv-rendered")
        files[PV_FILE] = sign_pdf(
            pv,
            self.signer,
            reason=translate("session.pv_reason", self.language),
            location=f"{self.station.name} ({station_id})",
        )
        built_part.done(PV_FILE)
        return ResultFiles(files, number, digest)

    def write_results(
        self,
        stick_dir: Path,
        context: BureauContext | None = None,
        progress: Progress | None = None,
        *,
        spare: bool = False,
    ) -> WrittenResults:
        """Build, write atomically, read back and verify the results on the stick (S3); log the outcome.
        `progress` moves with the work: per ballot signed and per file built, then the self-check, then per file
        written and read back. `spare`: the bureau's stick failed and `stick_dir` is a blank spare stick the kiosk
        found mounted (`app.platform.sticks`): no copy of the master is asked of it."""
        pacer = _Pacer(progress)
        pacer.stage("session.step.building", 0.0, BUILT, BUILD_EXPECTED_S)  # at once, before the beat's thread
        with pacer.beating():
            return self._write_paced(stick_dir, context, pacer, spare=spare)

    def _write_paced(
        self, stick_dir: Path, context: BureauContext | None, pacer: _Pacer, *, spare: bool
    ) -> WrittenResults:
        started = time.monotonic()
        with self._refused_platform_logged(stick_dir):
            built = self.result_files(context, pacer.report)
        # the self-check reports nothing while it runs: the pacer moves the bar, expecting it to take about as long
        # as the building (measured: bench/write_results.py)
        pacer.stage("session.step.checking", BUILT, CHECKED, (time.monotonic() - started) * CHECK_PER_BUILD)
        self._self_check(built)
        pacer.stage("session.step.writing", CHECKED, 1.0, WRITE_EXPECTED_S)
        with self._refused_platform_logged(stick_dir):
            receipt = self._write_to_stick(stick_dir, built, pacer, spare=spare)
        pacer.report(1.0, "session.step.done")
        return WrittenResults(built.control_number, built.files_sha256, receipt.folder)

    def _write_to_stick(
        self, stick_dir: Path, built: ResultFiles, pacer: _Pacer, *, spare: bool
    ) -> stick.ResultsReceipt:
        """The built set onto the stick, atomically, read back and verified there; the outcome logged."""
        station_id = str(self.station.id)

        def written(done: int, total: int) -> None:
            # between two steps of the stick the beat moves towards the next one only: a slow stick, a slow bar
            steps = max(total, 1)
            at, then = (CHECKED + (1 - CHECKED) * min(n, steps) / steps for n in (done, done + 1))
            pacer.stage("session.step.writing", at, then, WRITE_EXPECTED_S / steps)

        try:
            receipt = stick.write_results(
                stick_dir,
                station_id,
                built.files,
                progress=written,
                sign_manifest=lambda manifest: sign_detached(manifest, self.signer),  # manifest.p7s, written last
                master_id=None if spare else self.loaded.master_id,  # only to a copy of the master (or a spare)
            )
        except PlatformRefused:
            raise  # logged as such by the caller
        except Exception as error:
            reason = getattr(error, "key", type(error).__name__)
            self.log.record(EventType.RESULTS_WRITE_FAILED, station_id, {"key": reason})
            raise
        self.log.record(
            EventType.RESULTS_WRITTEN,
            station_id,
            {"control_number": built.control_number, "manifest": receipt.manifest_sha256},
        )
        return receipt

    @contextlib.contextmanager
    def _refused_platform_logged(self, stick_dir: Path) -> Iterator[None]:
        """A modified platform cannot sign (X2): the refusal is logged as such, whatever the signer left half made
        on the stick is cleaned up (the manifest is signed last, in the stick's staging folder), and the helpdesk
        error goes on to the screen or the command line unchanged."""
        try:
            yield
        except PlatformRefused as refused:
            self.log.record(EventType.PLATFORM_REFUSED, str(self.station.id), {"key": refused.key})
            with contextlib.suppress(TabulaError, OSError):
                stick.recover_results(stick_dir, str(self.station.id))
            raise

    def _self_check(self, built: ResultFiles) -> None:
        """Run Martine's own checks (`tabula verify`) on the set before it goes to the stick: what the appliance
        calls written and verified must also pass at the canton. A failure is a software fault: helpdesk."""
        report = verify_files(str(self.station.id), built.files, self.loaded.chain[-1], self.clock())
        problems = [p for p in report.problems if not (self.provenance.training and p[0] == TRAINING_PROBLEM)]
        if (report.platform, report.training) != (self.provenance.measurement, self.provenance.training):
            problems.append(("session.provenance_lost", {}))  # the files must say what this session is
        if problems:
            first = render_problem(problems[0], self.language)
            self.log.record(EventType.EXCEPTION, str(self.station.id), {"where": "self-check", "problem": first})
            raise UntrustedData("session.self_check_failed", problem=first)

    def _pv_data(
        self,
        context: BureauContext,
        current: Tally,
        number: str,
        digest: str,
        now: dt.datetime,
        files: tuple[tuple[str, str], ...] = (),
    ) -> PvData:
        """Everything the PV prints; `files` are the (name, SHA-256) that `digest` covers."""
        count = self.count
        return PvData(
            bureau=Bureau(str(self.station.id), self.station.name),
            language=self.station.language,
            election=self.election,
            tally=current,
            control_number=number,
            files_sha256=digest,
            provenance=self.provenance,
            generated_at=now,
            canton=context.canton,
            polling_stations=self._polling_stations(context, current),
            composition=Composition(
                context.president,
                context.secretary,
                _at_least_four(context.assessors),
                _at_least_four(context.witnesses),
            ),
            # the same checks the result was finalised with (the count is final: tally and record are fixed)
            checks=examine(self.check_input()),
            acknowledged=count.acknowledged,
            explanations=context.explanations,
            differences=self._decided_differences(),
            overrules=self._overrules(),
            contested=self._contested(),
            remarks=context.remarks,
            files=files,
        )

    def _polling_stations(self, context: BureauContext, current: Tally) -> tuple[PollingStation, ...]:
        """Per polling station received (its PV) and counted on receipt; with only a total received, one row for
        them all, with nothing counted on receipt (the ballots entered are a figure of their own in the PV)."""
        if context.polling_stations:
            return tuple(PollingStation(p.name, p.per_pv, p.counted) for p in context.polling_stations)
        if context.received_total is not None:
            name = translate("session.all_polling_stations", self.language)
            return (PollingStation(name, context.received_total, None),)
        return ()

    def _decided_differences(self) -> tuple[DecidedDifference, ...]:
        """Per decided pile: its hand-count difference, if any, then every ballot the passes read differently, with
        both readings and what the bureau decided there (the decision aligned ballot by ballot with the passes).
        Contested ballots have their own section, and ballots decided against both passes too (`_overrules`)."""
        rows: list[DecidedDifference] = []
        for pile in counting.piles(self.count):
            decision = pile.decision
            if decision is None or pile.comparison is None:
                continue
            if any(not d.needs_choice for d in pile.comparison.differences):
                rows.append(self._count_difference(pile, decision))
            rows += [self._decided_difference(r) for r in counting.pile_decided_ballots(pile) if r.differed]
        return tuple(rows)

    def _decided_difference(self, r: DecidedBallot) -> DecidedDifference:
        """One ballot the passes read differently, at its place in pass 1 (else pass 2), and what was decided."""
        position = r.position_1 if r.position_1 is not None else r.position_2
        return DecidedDifference(
            f"{r.pile}/{position}",
            self.describe(r.reading_1),
            self.describe(r.reading_2),
            self._describe_decided(r.decided),
            r.decided_by,
            _time(r.decided_at) if r.decided_at is not None else "",
        )

    def _count_difference(self, pile: counting.Pile, decision: Decision) -> DecidedDifference:
        """A pile whose passes hold another number of ballots than counted by hand: the numbers, and the decision."""
        first, second = (
            translate("session.pile_entered", self.language, ballots="—" if e is None else len(e.ballots))
            for e in (pile.first, pile.second)
        )
        return DecidedDifference(
            f"{pile.number}/-",
            first,
            second,
            self._describe_pile(decision, pile.counted_by_hand),
            decision.decided_by,
            _time(decision.decided_at),
        )

    def _describe_pile(self, decision: Decision, counted_by_hand: int | None = None) -> str:
        counted = "—" if counted_by_hand is None else counted_by_hand
        return translate("session.pile_decided", self.language, ballots=len(decision.ballots), counted=counted)

    def _describe_decided(self, ballot: Ballot | None) -> str:
        return translate("session.no_ballot_here", self.language) if ballot is None else self.describe(ballot)

    def _overrules(self) -> tuple[Overrule, ...]:
        """Every ballot decided against what both passes agreed on, for its own section of the PV (C5)."""
        return tuple(
            Overrule(
                r.pile,
                r.position_1,
                r.position_2,
                r.position,
                self.describe(r.reading_1),
                self.describe(r.reading_2),
                self._describe_decided(r.decided),
                r.decided_by,
                _time(r.decided_at) if r.decided_at is not None else "",
                r.note,
            )
            for r in counting.overrules(self.count)
        )

    def _contested(self) -> tuple[ContestedBallot, ...]:
        return tuple(
            ContestedBallot(
                str(c.ref),
                self.describe(c.flagged),
                self.describe(c.decided) if c.decided is not None else "",
                c.decision.decided_by if c.decision is not None else "",
                _time(c.decision.decided_at) if c.decision is not None else "",
            )
            for c in counting.contested_ballots(self.count)
        )

    def describe(self, ballot: Ballot | None) -> str:
        """A ballot for people: each mark in the contract's notation with the name of its list or candidate, and its
        verdict in the bureau's language (`3:T2 Jan Peeters, 3:T5 Els Maes`)."""
        if ballot is None:
            return "—"
        marks = ", ".join(f"{mark} {self._name_of(mark)}".strip() for mark in ballot.sorted_marks())
        if ballot.status is Status.CONTESTED:
            return f"{marks} ({translate('session.contested', self.language)})".strip()
        verdict = classify(ballot).verdict
        if verdict is Verdict.VALID:
            return marks
        word = translate(f"session.verdict.{verdict.value}", self.language)
        return f"{marks} ({word})" if marks else word

    def _name_of(self, mark: Mark) -> str:
        """The list's name for its list box, the candidate's name for a candidate box."""
        lst = self.election.list_by_number(mark.list_number)
        if lst is None:
            return ""
        if mark.box is Box.LIST:
            return lst.name
        candidate = lst.candidate(Kind(mark.box.value), mark.position)
        return "" if candidate is None else candidate.name


# Progress of a write (S3), as the share of the whole reached after each part, from the cost of each part measured
# for 2,400 ballots (Antwerp Chamber): the 460 (each ballot laid out, then signed) is about half the building, the
# self-check takes about as long as the building, the stick (write, fsync, read back) the rest.
BALLOTS_LAID_OUT = 0.1
BUILD_SHARES: dict[str, float] = {
    VOTES_FILE: 0.22,
    COUNT_FILE: 0.23,
    PASS_FILES[1]: 0.29,
    PASS_FILES[2]: 0.35,
    LOG_FILE: 0.36,
    "pv-rendered": 0.43,
    PV_FILE: 0.45,
}
BUILT = BUILD_SHARES[PV_FILE]
CHECKED = 0.88
CHECK_PER_BUILD = 1.5  # the self-check takes about 1.5 times as long as the building (bench/write_results.py)
BUILD_EXPECTED_S = 1.0  # while the building says nothing (the PV being laid out): the pace of the beat
WRITE_EXPECTED_S = 0.5  # the stick: written, fsynced and read back (more on a slow stick: the beat slows down)
BEAT_S = 0.1  # the bar moves at least this often (issue 8: every 200 ms at most, with room for a busy machine)
_STEPS = 50  # reports while the 460's ballots are laid out, and again while they are signed


class _BuildProgress:
    """Reports the building of the result files: the 460's ballots laid out and signed, each part done."""

    def __init__(self, progress: Progress | None, ballots: int) -> None:
        self._progress = progress
        self._ballots = ballots
        self._signatures = ballots + 1  # every ballot, then the message
        self._every = max(1, self._signatures // _STEPS)

    def ballots(self, entries: list[T]) -> Iterator[T]:
        """The 460's ballots, reported as write_votes takes them one by one to lay them out."""
        for count, entry in enumerate(entries, start=1):
            yield entry
            if count % self._every == 0:
                self._report(BALLOTS_LAID_OUT * count / max(self._ballots, 1))

    def signer(self, signer: Signer) -> Signer:
        return signer if self._progress is None else _CountingSigner(signer, self._signed)

    def _signed(self, count: int) -> None:
        if count % self._every == 0:
            share = min(1.0, count / self._signatures)
            self._report(BALLOTS_LAID_OUT + (BUILD_SHARES[VOTES_FILE] - BALLOTS_LAID_OUT) * share)

    def _report(self, fraction: float) -> None:
        if self._progress is not None:
            self._progress(fraction, "session.step.building")

    def done(self, part: str) -> None:
        if self._progress is not None:
            self._progress(BUILD_SHARES[part], "session.step.building")


class _CountingSigner:
    """The bureau's signer, telling `signed` how many signatures it made so far."""

    def __init__(self, inner: Signer, signed: Callable[[int], None]) -> None:
        self._inner, self._on_signed, self._count = inner, signed, 0

    @property
    def certificate(self) -> x509.Certificate:
        return self._inner.certificate

    @property
    def chain(self) -> tuple[x509.Certificate, ...]:
        return self._inner.chain

    def sign(self, data: bytes) -> bytes:
        signature = self._inner.sign(data)
        self._count += 1
        self._on_signed(self._count)
        return signature


class _Pacer:
    """The progress of a write, from whichever thread reports it: only ever forward, and at least every `BEAT_S`.

    The work reports where it is (`report`); each step (`stage`) names where it ends and about how long it takes.
    While the work says nothing (the self-check, a PV being laid out, a slow stick, a busy machine), a beat moves the
    bar on towards the end of the step, slower and slower (63 % of the remaining way after the expected time), and
    never reaches it: only the work itself says that a step is done (S3, issue 8: the bar moves with the work).
    """

    def __init__(self, progress: Progress | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._progress, self._clock = progress, clock
        self._lock = threading.Lock()
        self._fraction, self._key = 0.0, "session.step.building"
        self._ceiling, self._expected_s = 0.0, 1.0
        self._worked = self._reported = clock()  # the last report of the work, and the last report of all
        self._worked_fraction = 0.0
        self._closed = False  # the write is over: a beat still under way says nothing more

    @contextlib.contextmanager
    def beating(self) -> Iterator[None]:
        """The beat, in a thread of its own, for as long as the write takes (none when nobody listens)."""
        if self._progress is None:
            yield
            return
        stop = threading.Event()

        def beat() -> None:
            while not stop.wait(BEAT_S / 2):
                self.beat()

        threading.Thread(target=beat, name="tabula-progress", daemon=True).start()
        try:
            yield
        finally:  # not joined: on a busy machine that could wait for the scheduler, after the work is done
            with self._lock:
                self._closed = True
            stop.set()

    def stage(self, key: str, start: float, ceiling: float, expected_s: float) -> None:
        """A step begins at `start`: the beat moves towards `ceiling` (never reached) over about `expected_s`."""
        with self._lock:
            self._ceiling, self._expected_s = ceiling, max(expected_s, 0.05)
        self.report(start, key)

    def report(self, fraction: float, key: str) -> None:
        """Where the work is; a fraction behind one already reported (a beat ran ahead) leaves the bar where it is."""
        with self._lock:
            self._worked, self._worked_fraction = self._clock(), fraction
            self._tell(fraction, key)

    def beat(self) -> None:
        """Report a little further on unless something was reported within the last quarter of a beat (called by
        the beat's thread every half beat: a report of the work just before it is enough)."""
        with self._lock:
            now = self._clock()
            if self._closed or now - self._reported < BEAT_S / 4:
                return
            base = self._worked_fraction
            share = min(0.99, 1 - math.exp(-(now - self._worked) / self._expected_s))
            self._tell(base + max(0.0, self._ceiling - base) * share, self._key)

    def _tell(self, fraction: float, key: str) -> None:
        self._fraction, self._key, self._reported = max(self._fraction, fraction), key, self._clock()
        if self._progress is not None:
            self._progress(self._fraction, key)


def _at_least_four(names: tuple[str, ...]) -> tuple[str, ...]:
    """Members for the PV: the names known, then blank lines to fill in by hand, at least four in all."""
    return names + ("",) * max(0, 4 - len(names))


def _time(moment: dt.datetime) -> str:
    """A time in the PV: Belgian local time, the zone named (the security log keeps UTC)."""
    return format_belgian(moment)


def open_session(loaded: LoadedStation, state_dir: Path, *, clock: Clock = utc_now) -> Session:
    """The session of a logged-in bureau; an existing journal in `state_dir` is resumed exactly (C7)."""
    state_dir.mkdir(parents=True, exist_ok=True)
    station_id = loaded.station.id
    journal = open_journal(state_dir / f"{stick.safe_name(station_id)}.journal.sqlite", loaded.election, station_id)
    log = SecurityLog(state_dir / f"{stick.safe_name(station_id)}.{LOG_FILE}", clock=clock)
    record_opening(log, loaded)
    return Session(loaded, journal, log, clock=clock)


def record_opening(log: SecurityLog, loaded: LoadedStation) -> None:
    """The events before a session opens, in the kiosk and in `replay`: the login and the election loaded (the
    session itself then logs the platform it runs on)."""
    station_id = str(loaded.station.id)
    log.record(EventType.LOGIN_SUCCEEDED, station_id)
    log.record(
        EventType.CONFIG_LOADED,
        station_id,
        {"election": loaded.election.code.value, "lists": len(loaded.election.lists)},
    )
