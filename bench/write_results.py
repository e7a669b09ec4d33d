"""Writing a bureau's results (S3, issue 8): from the kiosk's "write" to "you may remove the stick".

Goals: the whole write of a 2,400-ballot bureau in <= 2 s, with the progress reported at least every 200 ms (the
bar must move with the work), and its fraction only ever moving forward.

The count: the Antwerp 2024 Chamber lists (12 lists, 24 titulars + 13 successors) from the official reference data,
2,400 ballots drawn as a real bureau's (`bench/ballot_mix.py`: list shares, sub-categories and preference votes from
the 2024 results, blank/invalid at Antwerp's rate, contested ballots at 1 in 1,000) and sorted into piles of 50 as a
bureau sorts them; entered twice on a durable journal (`open_session`, as the kiosk), the piles with a contested
ballot decided by the president, checks acknowledged, finalised. Then `Session.write_results` is timed, each run to a
fresh copy of the master on the same file system as the temporary folder (tmpfs or disk: say which when you quote
it). The write is everything the kiosk waits for: EML 460 with a signature per ballot, both pass readings, the 510,
the sealed security log, the PAdES-signed PV, the self-check (`tabula verify` on the set), the stick write with one
fsync per file and per folder, the read-back, manifest.p7s, the swap into place and its read-back.

Run: .venv/bin/python bench/write_results.py [--runs 7] [--dir DIR] [--cprofile]
`--dir`: where the stick copies go (default: a temporary folder; a mounted USB stick for the appliance's figure: the
stick's part is 50-90 ms on this machine's disk, far more on a slow stick). `--cprofile`: one extra write under
cProfile, its top functions by own time and by cumulative time.

Figures on the shared 2-core dev machine, 2026-11-30 (the load average beside each: other engineers' tests and a
QEMU boot test share the cores, so the CPU time is the figure that compares). Before issue 8, at load 0.2: median
1.94 s, p99 1.97 s, largest progress gap 206 ms. Main and this branch alternately, load 3-4: CPU per write 2.36 and
2.64 s before, 2.25 and 2.04 s after; largest gap 305 and 417 ms before, 188 and 160 ms after; wall time 2.5-5.1 s
either way at that load. The self-check (`verify` on the whole set) is about 60 % of the CPU, the 460 and the pass
readings about 30 %.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import itertools
import math
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from cryptography import x509

from app.counting import count as counting
from app.counting.bureau import BureauRecord
from app.counting.double_entry import Decision, Pass
from app.counting.model import Ballot, Status
from app.session import Session, open_session
from app.station_login import load_station
from app.verify import verify_stick
from bench.ballot_mix import chamber_profile, draw, sorted_mix
from tests.contract_fixtures import PASSWORD, Master, build_test_master

STATION = "A-001"
GOAL_S = 2.0
GOAL_GAP_S = 0.2
MEMBERS = {"president": "Voorzitter Claes", "secretary": "Secretaris Peeters", "assessors": ("Bijzitter Maes",)}


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # the process's CPU time over the write: what it needs of a machine, whatever the load
    gaps: list[float]  # between the call, every progress report and the return
    forward: bool  # the fraction never went back
    reports: int
    widest: str  # where the largest gap ended: the step and fraction of the report after it


def _where(reports: Sequence[tuple[float, float, str]], index: int) -> str:
    """The report that ended gap number `index` (the last gap ends with the return)."""
    if index >= len(reports):
        return "return"
    _, fraction, key = reports[index]
    return f"{key.rsplit('.', 1)[-1]} {fraction:.3f}"


def prepared_session(master: Master, state: Path, ballots: int) -> Session:
    """A final count of `ballots` realistic Antwerp ballots on a durable journal, as the kiosk holds it."""
    root = x509.load_pem_x509_certificate(master.root_pem.read_bytes())
    loaded = load_station(master.folder, root, STATION, PASSWORD, dt.datetime.now(dt.UTC))
    session = open_session(loaded, state)
    mix = sorted_mix(draw(loaded.election, chamber_profile(), ballots))
    for pass_no, operator in ((Pass.FIRST, "An"), (Pass.SECOND, "Bert")):
        for number, pile in mix.piles:
            session.apply(counting.StartPile(number, pass_no, operator))
            for ballot in pile:
                session.apply(counting.ConfirmBallot(number, pass_no, ballot))
            session.apply(counting.FinishPile(number, pass_no))
    session.apply(counting.CloseEntry())
    now = dt.datetime.now(dt.UTC)
    for number, pile in mix.piles:  # the president decides every contested ballot: valid as marked
        if any(b.status is Status.CONTESTED for b in pile):
            decided = tuple(Ballot(b.marks) if b.status is Status.CONTESTED else b for b in pile)
            session.apply(counting.Decide(Decision(number, decided, MEMBERS["president"], now)))
    context = BureauRecord(received_total=ballots, **MEMBERS)  # type: ignore[arg-type]
    for finding in session.findings(context):
        session.apply(counting.Acknowledge(finding.code))
    session.finalize(context)
    return session


def timed_write(session: Session, stick: Path) -> Run:
    reports: list[tuple[float, float, str]] = []
    cpu = time.process_time()
    started = time.perf_counter()
    session.write_results(stick, progress=lambda fraction, step: reports.append((time.perf_counter(), fraction, step)))
    ended = time.perf_counter()
    cpu = time.process_time() - cpu
    moments = [started, *(at for at, _, _ in reports), ended]
    fractions = [fraction for _, fraction, _ in reports]
    gaps = [b - a for a, b in itertools.pairwise(moments)]
    return Run(
        ended - started,
        cpu,
        gaps,
        fractions == sorted(fractions),
        len(reports),
        _where(reports, gaps.index(max(gaps))),
    )


# --- the per-phase profile: the write's parts timed where they are called -----------------------------------------

PHASES: tuple[tuple[str, str, str], ...] = (  # (module, attribute, label), outermost first
    ("app.session", "write_votes", "EML 460 built (laid out + signed)"),
    ("app.eml.votes", "sign_each", "  of which: sign ballots"),
    ("app.eml.votes", "sign_enveloped", "  of which: sign ballots"),  # before issue 8: one by one
    ("app.session", "write_count", "EML 510"),
    ("app.session", "write_pass", "pass readings (2 x 460)"),
    ("app.seclog", "SecurityLog.sealed_export", "security log sealed"),
    ("app.session", "render_pv", "PV render"),
    ("app.session", "sign_pdf", "PAdES sign"),
    ("app.session", "verify_files", "self-check (verify)"),
    ("app.stick", "_write_set", "stick write + fsync + p7s"),
    ("app.stick", "_verify_set", "read-back (staged and final)"),
)
_TOP_LEVEL = {"EML 460 built (laid out + signed)", "EML 510", "pass readings (2 x 460)", "security log sealed",
              "PV render", "PAdES sign", "self-check (verify)", "stick write + fsync + p7s",
              "read-back (staged and final)"}  # fmt: skip


@contextmanager
def phase_timers(spent: dict[str, float]) -> Iterator[None]:
    """Wraps each part of `PHASES` so that its time adds up in `spent`; everything is restored afterwards."""
    undo: list[Callable[[], None]] = []
    for module_name, attribute, label in PHASES:
        owner: Any = sys.modules[module_name]
        name = attribute
        if "." in attribute:
            class_name, name = attribute.split(".")
            owner = getattr(owner, class_name)
        original = owner.__dict__.get(name) if isinstance(owner, type) else getattr(owner, name, None)
        if original is None:  # an older or newer tree without this part: its time stays in its caller's
            continue
        setattr(owner, name, _timed(original, label, spent))
        undo.append(functools.partial(setattr, owner, name, original))
    try:
        yield
    finally:
        for restore in reversed(undo):
            restore()


def _timed(function: Callable[..., Any], label: str, spent: dict[str, float]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - began

    return wrapper


# --- figures ---------------------------------------------------------------------------------------------------------


def nearest_rank(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(len(ordered) * q) - 1))]


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def report(runs: list[Run]) -> None:
    totals = [r.seconds for r in runs]
    worst_gaps = [max(r.gaps) for r in runs]
    all_gaps = [g for r in runs for g in r.gaps]
    print(f"  write -> 'you may remove the stick': median {statistics.median(totals):.2f} s, "
          f"p99 {nearest_rank(totals, 0.99):.2f} s, max {max(totals):.2f} s over {len(runs)} runs "
          f"(goal <= {GOAL_S:.0f} s){'' if nearest_rank(totals, 0.99) <= GOAL_S else '  <-- OVER'}")  # fmt: skip
    cpu = [r.cpu_seconds for r in runs]
    print(f"  CPU time of the write (all threads): median {statistics.median(cpu):.2f} s, max {max(cpu):.2f} s "
          "(about the wall time on an idle machine; the rest is waiting for the CPU or the stick)")  # fmt: skip
    print(f"  largest gap between progress reports, per run: median {statistics.median(worst_gaps) * 1e3:.0f} ms, "
          f"p99 {nearest_rank(worst_gaps, 0.99) * 1e3:.0f} ms, max {max(worst_gaps) * 1e3:.0f} ms "
          f"(goal <= {GOAL_GAP_S * 1e3:.0f} ms){'' if max(worst_gaps) <= GOAL_GAP_S else '  <-- OVER'}")  # fmt: skip
    print(f"  every gap: median {statistics.median(all_gaps) * 1e3:.1f} ms, "
          f"p99 {nearest_rank(all_gaps, 0.99) * 1e3:.0f} ms; reports per write: {min(r.reports for r in runs)}.."
          f"{max(r.reports for r in runs)}; fraction only moves forward: {all(r.forward for r in runs)}")  # fmt: skip
    print(f"  largest gap of each run ended at: {', '.join(r.widest for r in runs)}")


def print_phases(spent: dict[str, float], runs: int, total: float) -> None:
    print(f"  per phase (mean of {runs} instrumented runs):")
    for label in dict.fromkeys(label for _, _, label in PHASES):
        print(f"    {label:<38} {spent[label] / runs * 1e3:7.0f} ms")
    rest = total - sum(spent[label] for label in _TOP_LEVEL)
    print(f"    {'rest (tally, PV data, checks, swap, log)':<38} {rest / runs * 1e3:7.0f} ms")
    print(f"    {'total':<38} {total / runs * 1e3:7.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--ballots", type=int, default=2400)
    parser.add_argument("--dir", type=Path, help="where the sticks go (default: a temporary folder)")
    parser.add_argument("--cprofile", action="store_true", help="one more write under cProfile")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as scratch:
        folder = Path(scratch)
        master = build_test_master(folder / "m")
        session = prepared_session(master, folder / "state", args.ballots)
        sticks = (master.stick(folder / f"stick-{n}") for n in range(10_000))
        print(f"Writing the results of {args.ballots:,} ballots (Antwerp 2024 Chamber, realistic sorted mix; "
              f"{len(session.count.piles)} piles), sticks under {folder} ({_fs_type(folder)}), "
              f"load average before: {load()}")  # fmt: skip
        cold = timed_write(session, next(sticks))  # the kiosk's case: the first write of the process
        runs = [timed_write(session, next(sticks)) for _ in range(args.runs)]
        report(runs)
        gap = max(cold.gaps) * 1e3
        print("  the first write of the process (schemas compiled, fonts loaded, modules imported on first use): "
              f"{cold.seconds:.2f} s, CPU {cold.cpu_seconds:.2f} s, largest gap {gap:.0f} ms")  # fmt: skip
        spent: dict[str, float] = defaultdict(float)
        instrumented = max(1, args.runs // 2)
        began = time.perf_counter()
        with phase_timers(spent):
            for _ in range(instrumented):
                session.write_results(next(sticks))
        print_phases(spent, instrumented, time.perf_counter() - began)
        last = next(sticks)
        written = session.write_results(last)
        root = x509.load_pem_x509_certificate(master.root_pem.read_bytes())
        (checked,) = verify_stick(last, root, dt.datetime.now(dt.UTC))
        print(f"  tabula verify on the last stick: {'OK' if checked.ok else checked.problems} "
              f"(control number {written.control_number})")  # fmt: skip
        if args.cprofile:
            profile = cProfile.Profile()
            profile.runcall(session.write_results, next(sticks))
            stats = pstats.Stats(profile)
            stats.sort_stats("tottime").print_stats(25)
            stats.sort_stats("cumulative").print_stats(40)
        print(f"  load average after: {load()}")


def _fs_type(path: Path) -> str:
    """The file system under `path` (from /proc/mounts: the longest mount point that holds it)."""
    try:
        mounts = [line.split()[1:3] for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return "unknown file system"
    resolved = str(path.resolve())
    best = max((m for m in mounts if resolved.startswith(m[0].rstrip("/") + "/")), key=lambda m: len(m[0]))
    return f"{best[1]} at {best[0]}"


if __name__ == "__main__":
    main()
