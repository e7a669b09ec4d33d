"""`tabula replay`: a whole count from pass files, without the screen, through the same Session the kiosk uses.

Load the bureau from the stick, enter pass 1 and pass 2 pile by pile (operators `pass-1` and `pass-2`), apply the
bureau's decisions, check, and write the results to the stick. Exit 3 with every open difference listed while
decisions are missing; exit 2 for bad input; nothing is written under `results/` in either case.

Leftovers (issue 9): replay needs no durability (a run that stops is simply run again from its files), so its
journal stays in memory and no ballot journal ever touches the disk. Its security log, which names overruled
ballots, lives in a private folder (0700, created so) under the user's state folder, not in /tmp: removed on every
exit path including SIGTERM, and after a SIGKILL by the next run (a folder whose process is gone).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from types import FrameType

from cryptography import x509

from app.counting import count as counting
from app.counting.bureau import MAX_BALLOTS, BureauRecord, parse_bureau_file
from app.counting.checks import Severity
from app.counting.double_entry import Decision, Difference, Pass
from app.counting.model import Election
from app.durable import utc_now
from app.errors import BadInput, OpenDifferences, TabulaError
from app.i18n import translate
from app.journal import MemoryJournal
from app.pass_files import PileRows, read_pile_file
from app.platform.measurement import Provenance
from app.platform.tpm import current_measurement
from app.results_layout import LOG_FILE
from app.seclog import EventType, SecurityLog
from app.session import BureauContext, Session, record_opening
from app.station_login import ROOT_FILE, LoadedStation, load_station
from app.stick import RESULTS_FOLDER, safe_name
from app.verify import signed_messages

APPLIANCE_ROOT = Path("/etc/tabula/root.pem")  # where the hardened image installs the authority's root certificate
OPERATORS = {Pass.FIRST: "pass-1", Pass.SECOND: "pass-2"}


def root_certificate(explicit: Path | None, stick_dir: Path) -> tuple[x509.Certificate, bool]:
    """The root to trust: --ca, else $TABULA_ROOT_CERT, else the appliance's, else the one on the master stick;
    and whether it is the stick's own (a training and test convenience: a stick that vouches for itself)."""
    env = os.environ.get("TABULA_ROOT_CERT")
    on_stick = stick_dir / ROOT_FILE
    for candidate in (explicit, Path(env) if env else None, APPLIANCE_ROOT, on_stick):
        if candidate is None or (candidate is not explicit and not candidate.is_file()):
            continue
        try:
            return x509.load_pem_x509_certificate(candidate.read_bytes()), candidate == on_stick
        except (OSError, ValueError):
            raise BadInput("replay.bad_root", file=str(candidate)) from None
    raise BadInput("replay.no_root", stick=str(stick_dir))


_RUN_FOLDER = re.compile(r"^run-(?P<pid>[0-9]+)-")


def state_root() -> Path:
    """Where replay keeps its private run folders: `$XDG_STATE_HOME/tabula/replay` (else ~/.local/state/...)."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "tabula" / "replay"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: not ours to judge
    return True


def remove_stale_runs(root: Path) -> list[str]:
    """Remove the run folders of replays that were killed (their process is gone); returns their names."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in sorted(os.scandir(root), key=lambda e: e.name):
            match = _RUN_FOLDER.match(entry.name)
            if match and entry.is_dir(follow_symlinks=False) and not _alive(int(match["pid"])):
                shutil.rmtree(entry.path, ignore_errors=True)
                removed.append(entry.name)
    return removed


@contextlib.contextmanager
def private_run_folder() -> Iterator[Path]:
    """A folder only this user can read (mkdtemp creates it 0700), removed on every exit path; SIGTERM is made an
    exit path too. Under `state_root()`, else (no writable home) under the system's temporary folder."""
    root = state_root()
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        remove_stale_runs(root)
        folder = Path(tempfile.mkdtemp(prefix=f"run-{os.getpid()}-", dir=root))
    except OSError:
        folder = Path(tempfile.mkdtemp(prefix=f"tabula-replay-run-{os.getpid()}-"))
    previous = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, _stop)
        installed = True
    except ValueError:  # not the main thread (tests): the caller's handlers stay
        installed = False
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if installed:
            signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def replay_session(loaded: LoadedStation, state_dir: Path) -> Session:
    """The session of a replay: the kiosk's Session with its journal in memory (see the module docstring) and its
    security log in `state_dir`, opened with the same events as the kiosk's."""
    station_id = loaded.station.id
    state_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    log = SecurityLog(state_dir / f"{safe_name(station_id)}.{LOG_FILE}")
    record_opening(log, loaded)
    return Session(loaded, MemoryJournal(loaded.election), log)


def read_password(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig").strip()
    except (OSError, UnicodeDecodeError):
        raise BadInput("file.unreadable", file=str(path)) from None


def enter_pass(session: Session, piles: Sequence[PileRows], pass_no: Pass) -> None:
    for pile in piles:
        session.apply(counting.StartPile(pile.pile, pass_no, OPERATORS[pass_no]))
        for ballot in pile.ballots:
            session.apply(counting.ConfirmBallot(pile.pile, pass_no, ballot))
        session.apply(counting.FinishPile(pile.pile, pass_no))


def check_decisions(
    decided: Sequence[PileRows], first: Sequence[PileRows], second: Sequence[PileRows], decisions_file: str
) -> None:
    """A decision only for a pile both pass files have (contract, art. 2 B of the decree: every ballot is entered
    twice): BadInput (exit 2) naming the pile, before anything is counted or written."""
    in_first, in_second = {p.pile for p in first}, {p.pile for p in second}
    for pile in decided:
        missing = [flag for flag, piles in (("--pass1", in_first), ("--pass2", in_second)) if pile.pile not in piles]
        if len(missing) == 2:
            raise BadInput("replay.decision_unknown_pile", file=decisions_file, pile=pile.pile)
        if missing:
            raise BadInput("replay.decision_needs_two_passes", file=decisions_file, pile=pile.pile, missing=missing[0])


def apply_decisions(session: Session, piles: Sequence[PileRows], now: dt.datetime, decided_by: str) -> None:
    """The decisions file, pile by pile; the core refuses a pile whose two passes are not both finished."""
    for pile in piles:
        session.apply(counting.Decide(Decision(pile.pile, pile.ballots, decided_by, now)))


def decider(record: BureauContext, station_language: str) -> str:
    """Who decided, as the PV prints it: the president when the bureau file names one, else 'the bureau' in the
    bureau's own language (the PV is in that language, whatever language replay speaks)."""
    return record.president or translate("replay.decided_by_bureau", station_language)


def describe_open(session: Session, language: str) -> list[str]:
    """One line per open item: differences and contested ballots, and passes missing altogether."""
    lines = [describe_difference(session, d, language) for d in counting.open_differences(session.count)]
    lines += [
        translate("replay.pass_missing", language, pile=pile, pass_no=int(pass_no))
        for pile, pass_no in counting.unfinished_passes(session.count)
    ]
    return lines


def describe_difference(session: Session, d: Difference, language: str) -> str:
    ref = d.ref
    return translate(
        f"replay.difference.{d.kind.value}",
        language,
        pile=d.pile,
        position=ref.position if ref is not None else "-",
        position_1=d.position_1 if d.position_1 is not None else "-",
        position_2=d.position_2 if d.position_2 is not None else "-",
        pass1=session.describe(d.ballot_1),
        pass2=session.describe(d.ballot_2),
        entered=d.entered if d.entered is not None else "-",
        counted=d.counted if d.counted is not None else "-",
    )


def settle(session: Session, language: str) -> None:
    """Close entry; raise OpenDifferences (exit 3) listing every open item when decisions are missing."""
    open_items = describe_open(session, language)
    if open_items:
        for line in open_items:
            print(line, file=sys.stderr)
        raise OpenDifferences("replay.open_differences", count=len(open_items))
    session.apply(counting.CloseEntry())


def read_bureau_file(path: Path, election: Election, language: str) -> BureauRecord:
    """The bureau file (`--bureau`, contract): BadInput (exit 2) naming the field for anything that does not fit.
    A witness's list is written after the name in the bureau's `language`, as the kiosk's members field has it."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise BadInput("file.unreadable", file=str(path)) from None
    try:
        value = json.loads(text, object_pairs_hook=_refuse_repeated_keys, parse_constant=_refuse_constant)
    except _RepeatedKey as repeated:
        raise BadInput("bureau_file.repeated_key", file=path.name, field=repeated.key) from None
    except ValueError as error:
        line = getattr(error, "lineno", 0)
        raise BadInput("bureau_file.not_json", file=path.name, line=line) from None

    def witness(name: str, list_number: int) -> str:
        return translate("bureau_file.witness_of_list", language, name=name, list=list_number)

    return parse_bureau_file(value, election, path.name, witness)


class _RepeatedKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _refuse_repeated_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A key given twice ("received": 800, ..., "received": 80) is bad input, not the last one silently winning."""
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _RepeatedKey(key)
        result[key] = value
    return result


def _refuse_constant(constant: str) -> object:
    raise ValueError(f"not JSON: {constant}")


def bureau_record(bureau: BureauRecord | None, received: int | None) -> BureauRecord:
    """What the bureau recorded: the bureau file, with `--received N` as the short form of one polling station."""
    record = bureau or BureauRecord()
    if received is None:
        return record
    if record.polling_stations:
        raise BadInput("bureau_file.received_twice")
    return replace(record, received_total=received)


def check_and_finalize(session: Session, context: BureauContext, language: str) -> None:
    """Errors stop the count (exit 1; exit 3 when only the number of ballots received is missing: the count is not
    finished yet); warnings are printed, acknowledged (they go into the PV), and never block."""
    findings = session.findings(context)
    for finding in findings:
        level = translate(f"replay.severity.{finding.severity.value}", language)
        message = translate(finding.message_key, language, **finding.params)
        print(f"{level} {finding.code}: {message}", file=sys.stderr)
        if finding.severity is Severity.WARNING:
            session.apply(counting.Acknowledge(finding.code))
    errors = [f.code for f in findings if f.severity is Severity.ERROR]
    if errors == [RECEIVED_MISSING]:
        raise ReceivedMissing("bureau_file.received_missing")
    if errors:
        raise CheckFailed("replay.check_errors", codes=", ".join(errors))
    session.apply(counting.Finalize(findings))


class CheckFailed(TabulaError):
    exit_code = 1


RECEIVED_MISSING = "E.106"  # the check that no count finishes without the number of ballots received


class ReceivedMissing(TabulaError):
    """The count cannot be finished yet: what the bureau must still give (contract: exit 3)."""

    exit_code = 3


def run_replay(
    *,
    stick: Path,
    station: str,
    password: str,
    pass1: Path,
    pass2: Path,
    decisions: Path | None,
    received: int | None,
    root: x509.Certificate,
    state_dir: Path,
    language: str,
    bureau: Path | None = None,
    training: bool = False,
) -> str:
    """The whole count; returns the control number once the results are on the stick and verified. `training`
    (contract `--training`): the same flow, every output marked as training."""
    now = utc_now()
    provenance = Provenance(current_measurement(), training)  # PlatformRefused (helpdesk) on a modified appliance
    loaded = replace(load_station(stick, root, station, password, now), provenance=provenance)
    language = loaded.station.language.value if language == "auto" else language
    if training:  # before anything is counted: the run would end by replacing the folder
        refuse_replacing_a_real_result(stick, str(loaded.station.id), root, now)
    election: Election = loaded.election
    first = read_pile_file(pass1, election)
    second = read_pile_file(pass2, election)
    decided = read_pile_file(decisions, election, allow_contested=False) if decisions is not None else ()
    if decisions is not None:
        check_decisions(decided, first, second, decisions.name)
    bureau_file = read_bureau_file(bureau, election, loaded.station.language.value) if bureau is not None else None
    record = bureau_record(bureau_file, received)
    session = replay_session(loaded, state_dir)
    session.log.record(EventType.REPLAY_STARTED, station, {"pass1": pass1.name, "pass2": pass2.name})
    enter_pass(session, first, Pass.FIRST)
    enter_pass(session, second, Pass.SECOND)
    apply_decisions(session, decided, now, decider(record, loaded.station.language.value))
    settle(session, language)
    context = session.record(record)
    check_and_finalize(session, context, language)
    written = session.write_results(stick, context)
    session.log.record(EventType.REPLAY_FINISHED, station, {"control_number": written.control_number})
    return written.control_number


def refuse_replacing_a_real_result(stick: Path, station: str, root: x509.Certificate, now: dt.datetime) -> None:
    """A training run replaces the bureau's results folder like any run (contract, "Writing again"), so it may only
    replace a training result: BadInput (exit 2, nothing written) when the folder holds anything else — a real
    result, or one whose files do not all say training under a signature that verifies up to `root` (damaged,
    foreign, of another root): what cannot be shown to be training is treated as real. A real run may replace a
    training result (and a real one: the contract's rerun)."""
    folder = stick / RESULTS_FOLDER / station  # the name write_results gives it (a valid bureau id)
    if not os.path.lexists(folder):
        return
    verified = [message for message in signed_messages(stick, station, root, now).values() if message is not None]
    if not verified or not all(message.training for message in verified):
        raise BadInput("replay.training_over_result", station=station, stick=str(stick))


def replay_command(args: argparse.Namespace, language: str) -> int:
    if args.received is not None and not 0 <= args.received <= MAX_BALLOTS:
        raise BadInput("replay.bad_received", value=args.received, maximum=MAX_BALLOTS)
    root, from_stick = root_certificate(args.ca, args.stick)
    password = read_password(args.password_file)
    with private_run_folder() as scratch:
        number = run_replay(
            stick=args.stick,
            station=args.station,
            password=password,
            pass1=args.pass1,
            pass2=args.pass2,
            decisions=args.decisions,
            received=args.received,
            root=root,
            state_dir=scratch,
            language=language,
            bureau=args.bureau,
            training=getattr(args, "training", False),
        )
    if getattr(args, "training", False):  # never silent: the run says what its outputs are
        print(translate("replay.training", language), file=sys.stderr)
    if from_stick:  # said after the count, so that a refused run still prints one line only
        print(translate("replay.trusting_stick_root", language), file=sys.stderr)
    print(f"control number: {number}")
    return 0
