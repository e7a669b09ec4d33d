"""Benchmark of the count's journal (C7, U3): confirming one ballot durably, and reopening a full count.

Run: `.venv/bin/python bench/counting.py [--piles 48] [--dir DIR]`. Confirms every ballot of both passes of an
Antwerp-size count (48 piles of 50 ballots: 2,400 ballots, 4,800 confirmations) into a journal in a temporary folder
(or DIR: use the appliance's real storage for figures that mean something), then reopens it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from app.counting.count import CloseEntry, ConfirmBallot, FinishPile, StartPile, final_ballots
from app.counting.double_entry import MAX_PILE_SIZE, Pass
from app.counting.model import Ballot, Box, Election, ElectionCode, ListNumber, Mark, Position, StationId
from app.journal import open_journal
from tests.reference import synthetic

STATION = StationId("BENCH-1")


def random_ballot(rnd: random.Random, election: Election) -> Ballot:
    lst = rnd.choice(election.lists)
    if rnd.random() < 0.4:
        return Ballot(frozenset({Mark(lst.number, Box.LIST)}))
    marks = {Mark(ListNumber(lst.number), Box.TITULAR, Position(p)) for p in rnd.sample(range(1, 25), 3)}
    return Ballot(frozenset(marks))


def run(folder: Path, piles: int) -> None:
    election = synthetic(ElectionCode.CK, 12, 24, 13)  # Antwerp: 12 lists, 24 titulars, 13 successors
    rnd = random.Random(2024)
    path = folder / "count.db"
    confirm: list[float] = []
    started = time.perf_counter()
    with open_journal(path, election, STATION) as journal:
        for pile in range(1, piles + 1):
            ballots = [random_ballot(rnd, election) for _ in range(MAX_PILE_SIZE)]
            for pass_no, operator in ((Pass.FIRST, "An"), (Pass.SECOND, "Bert")):
                journal.append(StartPile(pile, pass_no, operator, MAX_PILE_SIZE))
                for ballot in ballots:
                    t0 = time.perf_counter()
                    journal.append(ConfirmBallot(pile, pass_no, ballot))
                    confirm.append(time.perf_counter() - t0)
                journal.append(FinishPile(pile, pass_no))
        journal.append(CloseEntry())
        events = journal.length
    entering = time.perf_counter() - started

    reopen: list[float] = []
    for _ in range(5):
        t0 = time.perf_counter()
        with open_journal(path, election, STATION) as journal:
            settled = len(final_ballots(journal.count))
        reopen.append(time.perf_counter() - t0)

    confirm.sort()
    p99 = confirm[min(len(confirm) - 1, int(len(confirm) * 0.99))]
    print(f"journal: {path} ({path.stat().st_size // 1024} KiB, {events} events)")
    print(f"confirm one ballot (durable): median {statistics.median(confirm) * 1e3:.2f} ms, "
          f"p99 {p99 * 1e3:.2f} ms, max {confirm[-1] * 1e3:.2f} ms over {len(confirm)} ballots")
    print(f"whole entry of {piles} piles x 2 passes: {entering:.2f} s")
    print(f"reopen + replay {events} events ({settled} final ballots): "
          f"median {statistics.median(reopen) * 1e3:.1f} ms, max {max(reopen) * 1e3:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--piles", type=int, default=48)
    parser.add_argument("--dir", type=Path, help="where to put the journal (default: a temporary folder)")
    args = parser.parse_args()
    if args.dir is not None:
        with tempfile.TemporaryDirectory(dir=args.dir) as folder:
            run(Path(folder), args.piles)
    else:
        with tempfile.TemporaryDirectory() as folder:
            run(Path(folder), args.piles)


if __name__ == "__main__":
    main()
