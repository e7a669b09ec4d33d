"""How fast the entry table answers (requirement U3: under 0.1 s for any manipulation on screen, under 1 s to the
next step), measured on the real kiosk: `MainWindow` with its `TableScreen`, two fake USB keypads, and a real
`Session` on a durable SQLite journal (WAL, synchronous=FULL) and security log in a temporary folder.

Two members enter a realistic sorted Antwerp mix (`bench/ballot_mix.py`, keys from `encode_pile`) as on election
night: pass 1 of pile k on the left keypad, pass 2 of pile k-1 on the right, keys interleaved ballot by ballot.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_latency.py [--piles N]
By default 40 piles a bureau, taken evenly over the sorted mix (every kind of pile gets its share), both passes:
about a minute on 2 idle cores. `--piles 0` enters the whole 2,400-ballot bureau (about 1.5 minutes idle).
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import PySide6
from PySide6.QtWidgets import QApplication

from app.counting.bureau import BureauRecord
from app.counting.count import RecordBureau
from app.counting.double_entry import Pass
from app.counting.keypad import Key, Step, encode_pile
from app.counting.model import Ballot, Election, ElectionCode, Language, Station, StationId
from app.platform.keypads import FakeKeypads
from app.session import Session, open_session
from app.station_login import LoadedStation
from app.ui.main import MainWindow, setup_application
from app.ui.table import PaneView
from app.ui.texts import Texts
from bench.ballot_mix import chamber_profile, draw, sorted_mix, stand_in_profile
from tests.conftest import TestPki
from tests.reference import chamber_2024, synthetic
from tests.ui.conftest import FakeBackend

LEFT, RIGHT = "usb-keypad-1", "usb-keypad-2"
STATION = "A-0001"
WIDTH, HEIGHT = 1366, 768
REPAINT_EVERY = 10  # timed keystrokes between two timed renders of the pane
TYPING_KEYS = frozenset({*(f"KP_{d}" for d in range(10)), Key.DOT.value, Key.MINUS.value})
DEFAULT_PILES = 40  # of the 66-71 piles of a 2,400-ballot bureau: about 3,000 ballots a run, under 2 minutes

KEYSTROKE, REPAINT, BALLOT = "keystroke", "repaint", "ballot"
PILE_NUMBER, DECLARATION, HAND_COUNT, CLOSE, SWITCH = "pile", "declaration", "hand count", "close", "switch"
LABELS = {
    KEYSTROKE: ("keystroke (digit . -) -> pane updated, incl. processEvents", 16),
    REPAINT: (f"  repaint of that pane (PaneView.grab(), 1 in {REPAINT_EVERY} keys)", 16),
    BALLOT: ("Enter -> ballot durable (journal + fsync) and next ready", 50),
    PILE_NUMBER: ("step: Enter on the pile number", 200),
    DECLARATION: ("step: Enter on the declaration", 200),
    HAND_COUNT: ("step: Enter on the hand count (pile started, durable)", 200),
    CLOSE: ("step: Enter on the last ballot (stored, pile closed, back to 'which pile?')", 200),
    SWITCH: ("step: screen switch overview -> table, incl. processEvents", 200),
}


@dataclass
class Run:
    """The raw figures of one election, in nanoseconds, by what was measured."""

    times: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    ballots: int = 0
    keys: int = 0
    seconds: float = 0.0
    lost: dict[object, int] = field(default_factory=dict)  # references lost while typing, per object
    gc_pauses: list[int] = field(default_factory=list)  # full (generation 2) collections, ns


def nearest_rank(values: Sequence[int], q: float) -> int:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(len(ordered) * q) - 1))]


def ms(ns: float) -> str:
    return f"{ns / 1e6:.2f}"


def spread(piles: Sequence[tuple[int, tuple[Ballot, ...]]], wanted: int) -> list[tuple[Ballot, ...]]:
    """`wanted` piles taken evenly over the sorted mix (list votes, preference ballots, blank, invalid, contested
    all get their share), renumbered 1..n as a bureau would enter them; all piles when `wanted` is 0."""
    if wanted <= 0 or wanted >= len(piles):
        return [ballots for _, ballots in piles]
    step = len(piles) / wanted
    return [piles[int(i * step)][1] for i in range(wanted)]


def groups(keys: Sequence[Key]) -> list[list[str]]:
    """Keys split after each Enter: pile number, declaration, hand count, then one group a ballot."""
    out: list[list[str]] = [[]]
    for key in keys:
        out[-1].append(key.value)
        if key is Key.ENTER:
            out.append([])
    return [g for g in out if g]


class Kiosk:
    """The real window on a durable session, with two keypads bound to the two panes."""

    def __init__(self, election: Election, folder: Path, pki: TestPki) -> None:
        signer = pki.signer(STATION)
        station = Station(StationId(STATION), "Sint-Jozefschool", election.code, election.constituency, Language.NL)
        chain = (signer.certificate, pki.issuing.certificate, pki.root.certificate)
        self.session: Session = open_session(LoadedStation(station, election, signer, chain), folder)
        record = BureauRecord(
            president="An Peeters", secretary="Bart Janssens", assessors=("Chris Maes", "Dina Jacobs")
        )
        self.session.apply(RecordBureau(record))
        self.pads = FakeKeypads()
        self.pads.attach(LEFT, "Toetsenblok 1")
        self.pads.attach(RIGHT, "Toetsenblok 2")
        self.window = MainWindow(FakeBackend(self.session), Texts("nl"), self.pads)
        self.window.resize(WIDTH, HEIGHT)
        self.window.show()
        self.window.attach(self.session)
        self.window.show_screen(self.window.table)  # the members are recorded: entry happens at the table
        QApplication.processEvents()
        self.left, self.right = self.window.table.views
        if self.window.stack.currentWidget() is not self.window.table:
            raise SystemExit("the kiosk did not open the entry table")

    def close(self) -> None:
        self.window.close()
        self.window.deleteLater()
        QApplication.processEvents()
        self.session.journal.close()  # type: ignore[attr-defined]


class RefBallast:
    """Extra references to None, True and False, so that the run survives a reference-count leak in the bindings.

    PySide6 6.12 (abi3 wheels) drops one reference to None on every call of a method returning void (and to
    True/False for one returning bool): harmless on Python >= 3.12, where they are immortal, fatal on 3.11 once the
    count reaches zero ("Fatal Python error: none_dealloc"). This keeps them alive, untimed, and reports the leak.
    The references are never given back: `main` ends with `os._exit`.
    """

    FLOOR, CHUNK = 200_000, 1_000_000

    def __init__(self) -> None:
        self.objects = (None, True, False)
        self.held: list[object] = []
        self.added = dict.fromkeys(self.objects, 0)
        self.start = {o: sys.getrefcount(o) for o in self.objects}
        self.at_open: dict[object, int] = {}  # references with the first table open, as on a fresh kiosk

    def table_open(self) -> None:
        if not self.at_open:
            self.at_open = {o: sys.getrefcount(o) for o in self.objects}

    def top_up(self) -> None:
        for obj in self.objects:
            if sys.getrefcount(obj) < self.FLOOR:
                self.held.extend([obj] * self.CHUNK)
                self.added[obj] += self.CHUNK

    def lost(self, obj: object) -> int:
        """References lost since the start (0 where the object is immortal)."""
        return max(0, self.start[obj] + self.added[obj] - sys.getrefcount(obj))


BALLAST = RefBallast()


class GcWatch:
    """How long the full garbage collections take: they land inside whichever key is being timed."""

    def __init__(self) -> None:
        self.pauses: list[int] = []
        self._start = 0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._start = time.perf_counter_ns()
        else:
            self.pauses.append(time.perf_counter_ns() - self._start)


GC = GcWatch()


def timed(pads: FakeKeypads, device: str, key: str) -> int:
    start = time.perf_counter_ns()
    pads.press(device, key)
    QApplication.processEvents()
    return time.perf_counter_ns() - start


def measure(election: Election, mix_piles: list[tuple[Ballot, ...]], pki: TestPki) -> Run:
    run = Run()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tabula-ui-latency-") as tmp:
        kiosk = Kiosk(election, Path(tmp), pki)
        pads, window = kiosk.pads, kiosk.window
        views = {LEFT: kiosk.left, RIGHT: kiosk.right}
        for device, member in ((LEFT, "KP_1"), (RIGHT, "KP_2")):
            pads.press(device, member, Key.ENTER.value)
        typed = 0
        BALLAST.table_open()
        lost_before = {o: BALLAST.lost(o) for o in BALLAST.objects}
        gc_before = len(GC.pauses)

        def feed(device: str, group: list[str], index: int, last: int) -> None:
            nonlocal typed
            view: PaneView = views[device]
            for key in group[:-1]:
                if key in TYPING_KEYS:
                    run.times[KEYSTROKE].append(timed(pads, device, key))
                    typed += 1
                    if typed % REPAINT_EVERY == 0:
                        start = time.perf_counter_ns()
                        view.grab()
                        run.times[REPAINT].append(time.perf_counter_ns() - start)
                else:
                    pads.press(device, key)
                    QApplication.processEvents()
            kind = (PILE_NUMBER, DECLARATION, HAND_COUNT)[index] if index < 3 else CLOSE if index == last else BALLOT
            run.times[kind].append(timed(pads, device, Key.ENTER.value))
            run.keys += len(group)
            if view.control.problem is not None:
                raise SystemExit(f"{device}: refused at {kind} {group}: {view.message.text()}")
            BALLAST.top_up()

        n = len(mix_piles)
        for k in range(1, n + 2):
            work: list[tuple[str, list[list[str]]]] = []
            for device, number in ((LEFT, k), (RIGHT, k - 1)):
                if 1 <= number <= n:
                    pane = views[device].control.pane
                    if pane.step is not Step.PILE:
                        raise SystemExit(f"{device}: not at the pile question before pile {number}")
                    work.append((device, groups(encode_pile(election, number, pane.proposal, mix_piles[number - 1]))))
            longest = max(len(g) for _, g in work)
            for index in range(longest):
                for device, pile_groups in work:
                    if index < len(pile_groups):
                        feed(device, pile_groups[index], index, len(pile_groups) - 1)
            # the bureau looks at the overview now and then, and comes back to the table
            window.show_screen(window.overview)
            QApplication.processEvents()
            start = time.perf_counter_ns()
            window.show_screen(window.table)
            QApplication.processEvents()
            run.times[SWITCH].append(time.perf_counter_ns() - start)
            BALLAST.top_up()
        run.lost = {o: BALLAST.lost(o) - lost_before[o] for o in BALLAST.objects}
        run.gc_pauses = GC.pauses[gc_before:]

        count = kiosk.session.count
        for number, ballots in enumerate(mix_piles, start=1):
            pile = count.piles[number]
            for pass_no in Pass:
                entry = pile.entry(pass_no)
                if entry is None or not entry.finished or entry.ballots != ballots:
                    raise SystemExit(f"pile {number} pass {int(pass_no)} is not what was typed")
        run.ballots = 2 * sum(len(b) for b in mix_piles)
        kiosk.close()
    run.seconds = time.perf_counter() - began
    return run


def report(title: str, run: Run, piles: int) -> None:
    print(f"\n== {title}: {piles} piles x 2 passes, {run.ballots:,} ballots, {run.keys:,} keys in {run.seconds:.1f} s")
    for what, (label, goal) in LABELS.items():
        values = run.times[what]
        if not values:
            continue
        p99 = nearest_rank(values, 0.99)
        flag = "" if p99 <= goal * 1e6 else "  <-- OVER"
        print(
            f"  {label}: n={len(values)}, median {ms(statistics.median(values))} ms, p99 {ms(p99)} ms, "
            f"max {ms(max(values))} ms (goal p99 <= {goal} ms){flag}"
        )
    if run.gc_pauses:
        print(
            f"  (full garbage collections while typing: {len(run.gc_pauses)}, longest {ms(max(run.gc_pauses))} ms; "
            f"load average now {load()})"
        )
    else:
        print(f"  (no full garbage collection while typing; load average now {load()})")
    leaking = [o for o in BALLAST.objects if run.lost.get(o, 0) > 0]
    if leaking:
        lasts = {o: BALLAST.at_open[o] * run.keys // run.lost[o] for o in leaking}
        first = min(lasts, key=lambda o: lasts[o])
        print(
            "  WARNING reference leak in the Qt bindings: lost while typing "
            + ", ".join(f"{o}: {run.lost[o]:,} ({run.lost[o] / run.keys:.1f} a key)" for o in leaking)
            + f". Without this bench's ballast the kiosk aborts ('Fatal Python error: none_dealloc' or bool_dealloc) "
            f"after about {lasts[first]:,} keys ({BALLAST.at_open[first]:,} references to {first} with the table open "
            f"on a fresh kiosk). PySide6 {PySide6.__version__}, Python {sys.version.split()[0]}."
        )


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--piles", type=int, default=DEFAULT_PILES, help="piles per election (0: all)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    setup_application(app)
    print("UI latency at the entry table (U3: < 0.1 s for a manipulation on screen, < 1 s to the next step).")
    print(
        f"Real MainWindow {WIDTH}x{HEIGHT} on the {app.platformName()} platform, two FakeKeypads, a Session on a "
        "durable SQLite journal (WAL, synchronous=FULL) and security log in a temp folder; sorted Antwerp mix "
        "(bench/ballot_mix.py), keys from encode_pile; pass 1 of pile k on the left beside pass 2 of pile k-1 on "
        "the right, interleaved."
    )
    print(
        "Each figure is the wall time (perf_counter_ns) of pads.press(key) + QApplication.processEvents() (which "
        "also paints the labels that changed); a full render of the pane is timed apart. Median, nearest-rank p99 "
        f"and max in ms. Journal and log under {tempfile.gettempdir()}."
    )
    print(
        f"Machine: os.cpu_count() = {os.cpu_count()}, {sys.platform}, Python {sys.version.split()[0]}, "
        f"PySide6 {PySide6.__version__}."
    )
    print(f"Load average (1, 5, 15 min) at the start: {load()} (other work on the machine shows in the tails).")
    print("Goals: keystroke p99 <= 16 ms; Enter storing a ballot p99 <= 50 ms; step transitions p99 <= 200 ms.")
    pki = TestPki()
    gc.callbacks.append(GC)
    base = chamber_profile()
    chamber = chamber_2024()
    flemish = synthetic(ElectionCode.VL, 15, 33, 16)
    for title, election, profile in (
        ("Chamber, Antwerp 2024 (12 lists x 24+13)", chamber, base),
        ("Flemish Parliament, Antwerp (15 lists x 33+16; stand-in mix)", flemish, stand_in_profile(flemish, base)),
    ):
        mix = sorted_mix(draw(election, profile))
        chosen = spread(mix.piles, args.piles)
        report(title, measure(election, chosen, pki), len(chosen))
    sys.stdout.flush()
    os._exit(0)  # no interpreter shutdown: it would give the ballast back (see RefBallast)


if __name__ == "__main__":
    main()
